#!/usr/bin/env bash
# One bad input: the exact first line on stderr, the exact exit code, and no output file
# (not even a temporary one) afterwards. Expectations live in CASE.expected:
#   line 1: the exit code; line 2: the message.  Usage: bad.sh KGEXPORT CASE_FILE
. "$(dirname "$0")/lib.sh"
bin=$1 case_file=$2
expected=${case_file%.*}.expected
want_code=$(sed -n 1p "$expected")
want_msg=$(sed -n 2p "$expected")
mkdir "$tmp/out"
set +e
(cd "$(dirname "$case_file")" && "$bin" -f turtle -o "$tmp/out/result.ttl" "$(basename "$case_file")") 2>"$tmp/err" >/dev/null
code=$?
set -e
got_msg=$(head -1 "$tmp/err")
[ "$code" -eq "$want_code" ] || fail "exit code $code, expected $want_code (stderr: $got_msg)"
[ "$got_msg" = "$want_msg" ] || fail "message: '$got_msg', expected '$want_msg'"
[ -z "$(ls -A "$tmp/out")" ] || fail "files left behind: $(ls -A "$tmp/out")"
echo "ok: $code $got_msg"
