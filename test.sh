#!/usr/bin/env bash
# Install what is missing, build twice (normal, and ASan+UBSan; warnings are errors in both)
# and run every test with ctest in each build.
set -uo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh test || exit 1
scripts/install-test-extras.sh || exit 1
jobs=2
status=0
summary=()
run_suite() { # name, build dir, cmake args...
  local name=$1 dir=$2
  shift 2
  echo "== $name build ($dir)"
  if ! cmake -S . -B "$dir" -DKG_WERROR=ON "$@" >/dev/null || ! cmake --build "$dir" -j"$jobs" >/dev/null; then
    echo "== $name: BUILD FAILED"
    cmake --build "$dir" 2>&1 | tail -30
    status=1
    summary+=("$name: build failed")
    return
  fi
  local log="$dir/ctest.log"
  ctest --test-dir "$dir" --output-on-failure -j"$jobs" 2>&1 | tee "$log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  summary+=("$name: $(grep -E 'tests passed' "$log" || echo 'no result')")
}
run_suite normal build -DCMAKE_BUILD_TYPE=RelWithDebInfo
# (sanitizer options are set per test by tests/CMakeLists.txt)
run_suite sanitizers build-asan -DCMAKE_BUILD_TYPE=Debug -DKG_SANITIZE=ON -DKG_DEBUG_POOL=ON
echo
for s in "${summary[@]}"; do echo "$s"; done
[ $status -eq 0 ] && echo "ALL TESTS PASSED" || echo "SOME TESTS FAILED"
exit $status
