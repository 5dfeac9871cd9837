#!/usr/bin/env bash
# The installed library serves a program built outside this tree. `cmake --install` into a
# temporary prefix, then examples/minimal.c is built against that prefix twice, with
# pkg-config and with a CMake project (find_package), and each program is run: its files
# appear and rapper reads its Turtle. The command, its man page and the version are checked
# in the installed copy too. Static or shared, as the build was configured.
#   Usage: install.sh BUILD_DIR SOURCE_DIR
. "$(dirname "$0")/lib.sh"
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
cache() { sed -n "s/^$1:[A-Z]*=//p" "$build/CMakeCache.txt"; }

# An ASan+UBSan build installs an instrumented library, which a program can link only when it
# is itself built with -fsanitize=address,undefined; neither kgexport.pc nor the CMake package
# carries that flag (they describe the library, not how this build is checked). The install
# is checked in the normal build, where this test never skips.
if [ "$(cache KG_SANITIZE)" = ON ]; then
  echo "SKIP: ASan+UBSan build (KG_SANITIZE): its library links only into programs built with"
  echo "      -fsanitize=address,undefined; the install is tested in the normal build"
  exit 77
fi
case $(cache BUILD_SHARED_LIBS) in
  ON | on | TRUE | true | 1) kind=shared ;;
  *) kind=static ;;
esac

prefix=$tmp/prefix
cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" ||
  { cat "$tmp/install.log" >&2; fail "cmake --install failed"; }

# ---- what was installed: GNUInstallDirs picks lib/ or lib/<multiarch>/ ----
pc=$(find "$prefix" -name kgexport.pc -path '*/pkgconfig/*')
[ "$(printf '%s\n' "$pc" | grep -c .)" -eq 1 ] || fail "want one kgexport.pc, found: ${pc:-none}"
libdir=$(dirname "$(dirname "$pc")")
[ -f "$prefix/include/kgexport.h" ] || fail "include/kgexport.h not installed"
[ -f "$libdir/cmake/kgexport/kgexportConfig.cmake" ] || fail "CMake package not installed"
[ -f "$libdir/cmake/kgexport/kgexportConfigVersion.cmake" ] || fail "package version not installed"
[ -f "$prefix/share/kgexport/kgexport.ttl" ] || fail "ontology not installed"
if [ $kind = shared ]; then
  want=libkgexport.so other=libkgexport.a
else
  want=libkgexport.a other=libkgexport.so
fi
[ -e "$libdir/$want" ] || fail "a $kind build must install $want"
[ ! -e "$libdir/$other" ] || fail "a $kind build must not install $other"
if [ $kind = shared ]; then
  soname=$(readelf -d "$libdir/libkgexport.so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
  [ -n "$soname" ] || fail "libkgexport.so has no SONAME"
  [ -e "$libdir/$soname" ] || fail "SONAME $soname is not installed beside libkgexport.so"
fi

# ---- one version everywhere: the header, pkg-config, the command ----
version=$(sed -n 's/^#define KG_VERSION "\(.*\)"$/\1/p' "$prefix/include/kgexport.h")
[ -n "$version" ] || fail "no KG_VERSION in the installed header"
export PKG_CONFIG_PATH=$libdir/pkgconfig
[ "$(pkg-config --modversion kgexport)" = "$version" ] ||
  fail "kgexport.pc says $(pkg-config --modversion kgexport), the header $version"
[ "$("$prefix/bin/kgexport" --version)" = "kgexport $version" ] ||
  fail "the installed command does not say 'kgexport $version'"
"$prefix/bin/kgexport" --stats >/dev/null || fail "the installed command does not run"

# ---- the man page ----
man1=$prefix/share/man/man1/kgexport.1
[ -f "$man1" ] || fail "share/man/man1/kgexport.1 not installed"
grep -q '^\.SH EXIT STATUS' "$man1" || fail "the installed man page has no EXIT STATUS"
if command -v groff >/dev/null; then
  warnings=$(groff -man -Tutf8 -ww -z "$man1" 2>&1)
  [ -z "$warnings" ] || fail "groff warns about the man page: $warnings"
else
  echo "groff is not installed: the man page was not rendered"
fi

# run_minimal NAME PROGRAM: the program writes its files; rapper reads the Turtle
run_minimal() {
  local name=$1 program=$2 out=$tmp/out-$1 ext
  mkdir "$out"
  "$program" "$out" >"$out/stats" || fail "$name: the program failed"
  for ext in ttl nt graphml gexf dot; do
    [ -s "$out/minimal.$ext" ] || fail "$name: minimal.$ext was not written"
  done
  rapper -q -i turtle -c "$out/minimal.ttl" || fail "$name: rapper rejects minimal.ttl"
  local want got
  want=$(stats_field triples <"$out/stats")
  got=$(rapper -q -i turtle -o ntriples "$out/minimal.ttl" | wc -l)
  [ "$got" -eq "$want" ] || fail "$name: rapper read $got triples, the program reports $want"
  echo "$name: $got triples"
}

# ---- (a) pkg-config: a static library needs --static (the Requires.private modules) ----
if [ $kind = static ]; then
  flags=$(pkg-config --cflags --libs --static kgexport)
else
  flags="$(pkg-config --cflags --libs kgexport) -Wl,-rpath,$libdir"
fi
# shellcheck disable=SC2086 # the flags are words
if ! "${CC:-cc}" -std=c11 -Wall -Werror -o "$tmp/minimal-pc" "$src/examples/minimal.c" $flags; then
  # say which -lNAME the linker cannot find: a development package not installed
  missing=""
  for l in $flags; do
    case $l in
      -l*) [ "$("${CC:-cc}" -print-file-name="lib${l#-l}.so")" != "lib${l#-l}.so" ] ||
        [ "$("${CC:-cc}" -print-file-name="lib${l#-l}.a")" != "lib${l#-l}.a" ] ||
        missing="$missing $l" ;;
    esac
  done
  fail "cc examples/minimal.c \$(pkg-config ...) failed${missing:+; no library for$missing (its -dev package?)}: $flags"
fi
if [ $kind = shared ]; then
  loaded=$(ldd "$tmp/minimal-pc") # not piped into grep -q: its early exit would fail the pipe
  grep -qF "$libdir/libkgexport.so" <<<"$loaded" ||
    fail "the program does not load the installed libkgexport.so: $loaded"
fi
run_minimal pkg-config "$tmp/minimal-pc"

# ---- (b) CMake: find_package(kgexport VERSION) and the imported target ----
mkdir "$tmp/app"
cp "$src/examples/minimal.c" "$tmp/app/"
cat >"$tmp/app/CMakeLists.txt" <<EOF
cmake_minimum_required(VERSION 3.18)
project(app C)
find_package(kgexport $version REQUIRED)
add_executable(minimal minimal.c)
target_link_libraries(minimal PRIVATE kgexport::kgexport)
EOF
if ! { cmake -S "$tmp/app" -B "$tmp/app/build" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF && cmake --build "$tmp/app/build"; } >"$tmp/app.log" 2>&1; then
  cat "$tmp/app.log" >&2
  fail "the CMake project using find_package(kgexport) did not build"
fi
run_minimal find_package "$tmp/app/build/minimal"
echo "installed $kind library $version: pkg-config and find_package programs work"
