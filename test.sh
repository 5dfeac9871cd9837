#!/usr/bin/env bash
# Install what is missing, build twice (normal, and ASan+UBSan; warnings are errors in both)
# and run every test with ctest in each build; then the threads test under ThreadSanitizer.
# The builds are the presets of CMakePresets.json (`cmake --preset normal`, `asan`, `tsan`):
# their flags are written there and nowhere else.
set -uo pipefail
cd "$(dirname "$0")"
# kgexport reads standard input when it is a pipe or a file: every test exporting the story
# must not see the runner's
exec </dev/null
scripts/install-deps.sh test || exit 1
scripts/install-test-extras.sh || exit 1
status=0
summary=()
run_suite() { # name, preset, its build dir (the preset's binaryDir)
  local name=$1 preset=$2 dir=$3
  echo "== $name build ($dir)"
  if ! cmake --preset "$preset" >/dev/null || ! cmake --build --preset "$preset" >/dev/null; then
    echo "== $name: BUILD FAILED"
    cmake --build --preset "$preset" 2>&1 | tail -30
    status=1
    summary+=("$name: build failed")
    return
  fi
  local log="$dir/ctest.log"
  ctest --preset "$preset" 2>&1 | tee "$log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  summary+=("$name: $(grep -E 'tests passed' "$log" || echo 'no result')")
}
run_suite normal normal build
# (sanitizer options are set per test by tests/CMakeLists.txt)
run_suite sanitizers asan build-asan
# two threads exporting at once, the rest of the library instrumented for data races
run_suite threads tsan build-tsan
echo
for s in "${summary[@]}"; do echo "$s"; done
[ $status -eq 0 ] && echo "ALL TESTS PASSED" || echo "SOME TESTS FAILED"
exit $status
