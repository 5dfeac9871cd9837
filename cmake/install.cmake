# What `cmake --install` puts where: the command and its man page, the library with its one
# header, a pkg-config file, a CMake package, and the ontology. Included from CMakeLists.txt
# once the targets exist. A program then builds against the installed library with
#
#   cc app.c $(pkg-config --cflags --libs --static kgexport)   # static library (the default)
#   cc app.c $(pkg-config --cflags --libs kgexport)            # -DBUILD_SHARED_LIBS=ON
#
# or, in CMake, find_package(kgexport REQUIRED) and target_link_libraries(app kgexport::kgexport).
# tests/install.sh does all three from an installed copy.

include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# The pkg-config modules behind the PkgConfig:: targets the library links (found in
# CMakeLists.txt), one "PREFIX module..." entry per target. A program linking the static
# library needs them too: kgexport.pc names them in Requires.private, and kgexportConfig.cmake
# finds them again as the same PkgConfig::PREFIX targets the installed targets file names.
set(KG_DEPS "RAPTOR raptor2" "REDLAND redland" "LIBXML2 libxml-2.0" "GRAPHVIZ libcgraph libgvc"
    "CURL libcurl")
set(KG_DEPS_LIBS -lm) # linked by name, no pkg-config module

set(KG_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/kgexport)

# ---- the command, its man page, the ontology ----
# A shared build's command finds the library beside it ($ORIGIN/../lib), wherever the prefix.
if(BUILD_SHARED_LIBS)
  file(RELATIVE_PATH kg_bin_to_lib ${CMAKE_INSTALL_FULL_BINDIR} ${CMAKE_INSTALL_FULL_LIBDIR})
  set_target_properties(kgexport-cli PROPERTIES INSTALL_RPATH "$ORIGIN/${kg_bin_to_lib}")
endif()
install(TARGETS kgexport-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${PROJECT_SOURCE_DIR}/docs/kgexport.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PROJECT_SOURCE_DIR}/ontology/kgexport.ttl ${PROJECT_SOURCE_DIR}/ontology/alignments.ttl
        DESTINATION ${CMAKE_INSTALL_DATADIR}/kgexport)

# ---- the library and its header ----
install(TARGETS kgexport EXPORT kgexportTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_SOURCE_DIR}/include/kgexport.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

# ---- pkg-config: kgexport.pc ----
# The prefix is the one given at install time (`cmake --install --prefix`), so the file is
# written in two steps: everything but the prefix now, the prefix when installing.
set(KG_PC_REQUIRES_PRIVATE "")
set(KG_PC_LIBS_PRIVATE "")
if(NOT BUILD_SHARED_LIBS) # a shared library brings its own dependencies
  # libcurl is named by its library (Libs.private: -lcurl, as raptor2.pc names it), not as a
  # module: libcurl.pc's own Libs.private lists every library curl may be built with
  # (nghttp2, ssh2, ldap, ...), whose static archives libcurl4-openssl-dev does not bring, so
  # `pkg-config --static` would ask for libraries no package installed. The link then finds
  # the shared libcurl.
  set(kg_pc_libs "")
  foreach(dep IN LISTS KG_DEPS)
    string(REGEX REPLACE "^[A-Z0-9_]+ " "" modules "${dep}")
    if(modules STREQUAL "libcurl")
      list(APPEND kg_pc_libs -lcurl)
    else()
      string(APPEND KG_PC_REQUIRES_PRIVATE " ${modules}")
    endif()
  endforeach()
  string(JOIN " " KG_PC_LIBS_PRIVATE ${KG_DEPS_LIBS} ${kg_pc_libs})
  set(KG_PC_REQUIRES_PRIVATE "Requires.private:${KG_PC_REQUIRES_PRIVATE}")
  set(KG_PC_LIBS_PRIVATE "Libs.private: ${KG_PC_LIBS_PRIVATE}")
endif()
foreach(dir LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${dir}}")
    set(KG_PC_${dir} "${CMAKE_INSTALL_${dir}}")
  else()
    set(KG_PC_${dir} "\${prefix}/${CMAKE_INSTALL_${dir}}")
  endif()
endforeach()
set(KG_PC_PREFIX "@KG_PC_PREFIX@") # kept for the second step
configure_file(${CMAKE_CURRENT_LIST_DIR}/kgexport.pc.in ${CMAKE_CURRENT_BINARY_DIR}/kgexport.pc.in
               @ONLY)
install(CODE "
  set(KG_PC_PREFIX \"\${CMAKE_INSTALL_PREFIX}\")
  configure_file(\"${CMAKE_CURRENT_BINARY_DIR}/kgexport.pc.in\"
                 \"${CMAKE_CURRENT_BINARY_DIR}/kgexport.pc\" @ONLY)")
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/kgexport.pc
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# ---- CMake: find_package(kgexport) ----
install(EXPORT kgexportTargets NAMESPACE kgexport:: DESTINATION ${KG_CMAKE_DIR})
set(KG_SHARED ${BUILD_SHARED_LIBS})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/kgexportConfig.cmake.in
                              ${CMAKE_CURRENT_BINARY_DIR}/kgexportConfig.cmake
                              INSTALL_DESTINATION ${KG_CMAKE_DIR} NO_SET_AND_CHECK_MACRO)
# While the major version is 0 a minor release may break the ABI (see SOVERSION), so a
# request for 0.1 accepts 0.1.x only; from 1.0 on, any later release of the same major.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(kg_compatibility SameMinorVersion)
else()
  set(kg_compatibility SameMajorVersion)
endif()
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/kgexportConfigVersion.cmake
                                 COMPATIBILITY ${kg_compatibility})
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/kgexportConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/kgexportConfigVersion.cmake
        DESTINATION ${KG_CMAKE_DIR})
