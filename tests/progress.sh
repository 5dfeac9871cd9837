#!/usr/bin/env bash
# Progress: on a terminal a long read shows its count and rate on stderr; with --quiet, or
# when stderr is not a terminal, nothing.  Usage: progress.sh KGEXPORT GENERATOR
. "$(dirname "$0")/lib.sh"
bin=$1 gen=$2
python3 "$gen" --triples 300000 >"$tmp/g.nt" 2>/dev/null
# `script` runs the command on a pseudo-terminal (util-linux, in every Debian)
script -qec "'$bin' --stats '$tmp/g.nt'" /dev/null >"$tmp/tty.out"
grep -q "262144 triples read, [0-9]* per second" "$tmp/tty.out" || fail "no progress on a terminal: $(head -c 300 "$tmp/tty.out")"
script -qec "'$bin' -q --stats '$tmp/g.nt'" /dev/null >"$tmp/quiet.out"
! grep -q "triples read" "$tmp/quiet.out" || fail "progress despite --quiet"
"$bin" --stats "$tmp/g.nt" 2>"$tmp/err" >/dev/null
[ ! -s "$tmp/err" ] || fail "progress on a stderr that is not a terminal: $(head -c 200 "$tmp/err")"
echo "progress: shown on a terminal, silent otherwise and with --quiet"
