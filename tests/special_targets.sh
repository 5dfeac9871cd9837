#!/usr/bin/env bash
# -o to what is not a plain file: a device, standard output, a named pipe, a link. A device or
# a pipe is written as it is (a temporary renamed over /dev/null would put a file in its
# place), and a link keeps being a link while the file it names gets the output. The devices
# are reached through links in $tmp, so a regression replaces a link there, never /dev/null.
# Usage: special_targets.sh KGEXPORT
. "$(dirname "$0")/lib.sh"
bin=$1
"$bin" -q -f ntriples -o "$tmp/want.nt"
want=$(wc -l <"$tmp/want.nt")
# a device: /dev/null through a link
ln -s /dev/null "$tmp/null"
"$bin" -q -f ntriples -o "$tmp/null" || fail "-o a link to /dev/null failed"
[ -L "$tmp/null" ] || fail "-o a link to /dev/null replaced the link with a file"
[ -c /dev/null ] || fail "/dev/null is no longer a device"
# standard output, a pipe: /proc/self/fd/1 through a link, as /dev/stdout is
ln -s /proc/self/fd/1 "$tmp/stdout"
got=$("$bin" -q -f ntriples -o "$tmp/stdout" | wc -l)
[ "$got" -eq "$want" ] || fail "-o a link to standard output (a pipe) gave $got lines, not $want"
[ -L "$tmp/stdout" ] || fail "-o a link to standard output replaced the link with a file"
# and standard output redirected to a file: the file gets it
"$bin" -q -f ntriples -o "$tmp/stdout" >"$tmp/redirected.nt"
[ "$(wc -l <"$tmp/redirected.nt")" -eq "$want" ] || fail "-o /dev/stdout redirected to a file: not written"
# a named pipe: read as the export writes it
mkfifo "$tmp/fifo"
wc -l <"$tmp/fifo" >"$tmp/fifo.count" &
reader=$!
"$bin" -q -f ntriples -o "$tmp/fifo" || fail "-o a named pipe failed"
wait "$reader"
[ "$(cat "$tmp/fifo.count")" -eq "$want" ] || fail "a named pipe got $(cat "$tmp/fifo.count") lines"
[ -p "$tmp/fifo" ] || fail "-o a named pipe replaced it with a file"
# a link to a file: the file is replaced atomically, the link stays
echo old >"$tmp/target.nt"
ln -s target.nt "$tmp/link.nt"
"$bin" -q -f ntriples -o "$tmp/link.nt"
[ -L "$tmp/link.nt" ] || fail "-o a link to a file replaced the link"
[ "$(wc -l <"$tmp/target.nt")" -eq "$want" ] || fail "the linked file did not get the output"
[ -z "$(find "$tmp" -name '.*kgexport-*')" ] || fail "a temporary file was left: $(find "$tmp" -name '.*kgexport-*')"
# /dev/full through a link: the one-line message, exit 74, the link kept
ln -s /dev/full "$tmp/full"
set +e; "$bin" -q -f turtle -o "$tmp/full" 2>"$tmp/err"; code=$?; set -e
[ "$code" -eq 74 ] || fail "-o a link to /dev/full: exit $code ($(head -1 "$tmp/err"))"
[ "$(head -1 "$tmp/err")" = "kgexport: $tmp/full: cannot write: No space left on device" ] ||
  fail "-o a link to /dev/full: '$(head -1 "$tmp/err")'"
[ -L "$tmp/full" ] || fail "-o a link to /dev/full replaced the link"
echo "devices, standard output, a named pipe and links: written through, nothing replaced"
