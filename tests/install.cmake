# ---- the installed library, used from outside the tree (tests/install.sh): installs the
# build into a temporary prefix and builds examples/minimal.c against it with pkg-config and
# with find_package. It needs the whole build, hence the binary dir; it skips (77) in the
# ASan+UBSan build, whose instrumented library other programs cannot link as they are ----
add_test(NAME install.library
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/install.sh ${CMAKE_BINARY_DIR} ${PROJECT_SOURCE_DIR})
set_tests_properties(install.library PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
