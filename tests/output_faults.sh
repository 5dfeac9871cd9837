#!/usr/bin/env bash
# When writing fails or the process is stopped: one line "kgexport: FILE: what failed", exit
# 74, no partial target and no temporary file left; Ctrl-C and SIGTERM take the temporary file
# with them, and after kill -9 the target still holds what it held.
# Usage: output_faults.sh KGEXPORT GENERATOR
. "$(dirname "$0")/lib.sh"
bin=$1 gen=$2

# fails_with WHAT MESSAGE REDIRECT ARGS...: kgexport ARGS, its output redirected as REDIRECT
# says ("full", "closed", "none"), exits 74 with exactly the one line MESSAGE
fails_with() {
  local what=$1 msg=$2 redirect=$3 code
  shift 3
  set +e
  case $redirect in
  full) "$bin" "$@" >/dev/full 2>"$tmp/err" ;;
  closed) "$bin" "$@" >&- 2>"$tmp/err" ;;
  *) "$bin" "$@" 2>"$tmp/err" ;;
  esac
  code=$?
  set -e
  [ "$code" -eq 74 ] || fail "$what: exit $code, expected 74"
  [ "$(cat "$tmp/err")" = "$msg" ] || fail "$what said: $(cat "$tmp/err")"
}

# ---- every format, to a full disk and to a closed standard output ----
for fmt in turtle ntriples nquads rdfxml graphml gexf dot png svg pdf; do
  fails_with "$fmt to a full disk" \
    "kgexport: standard output: cannot write: No space left on device" full -f "$fmt"
  fails_with "$fmt to a closed standard output" \
    "kgexport: standard output: cannot write: Bad file descriptor" closed -f "$fmt"
done

# ---- a folder that does not exist: nothing is created ----
fails_with "a missing folder" \
  "kgexport: $tmp/missing/out.gexf: cannot create file: No such file or directory" \
  none -f gexf -o "$tmp/missing/out.gexf"
[ ! -e "$tmp/missing" ] || fail "a missing folder was created"

# ---- a disk that fills while a file is written, a read-only folder (small tmpfs mounts:
# root only; elsewhere these two cases are said to be unchecked) ----
mkdir "$tmp/small" "$tmp/ro"
unmount() { umount "$tmp/small" 2>/dev/null; umount "$tmp/ro" 2>/dev/null; }
if mount -t tmpfs -o size=64k tmpfs "$tmp/small" 2>/dev/null &&
  mount -t tmpfs -o ro,size=64k tmpfs "$tmp/ro" 2>/dev/null; then
  at_exit unmount
  for fmt in turtle graphml gexf png; do
    fails_with "$fmt on a full disk" \
      "kgexport: $tmp/small/g.$fmt: cannot write: No space left on device" \
      none -f "$fmt" -o "$tmp/small/g.$fmt"
    [ -z "$(ls -A "$tmp/small")" ] || fail "$fmt on a full disk left $(ls -A "$tmp/small")"
  done
  fails_with "a read-only folder" \
    "kgexport: $tmp/ro/g.svg: cannot create file: Read-only file system" \
    none -f svg -o "$tmp/ro/g.svg"
  echo "a disk full mid-write and a read-only folder: exit 74, nothing left"
else
  echo "note: no tmpfs could be mounted here: the full-disk file and read-only folder cases are not checked"
fi

# ---- signals while a file is written ----
python3 "$gen" --triples 300000 --seed 3 >"$tmp/g.nt" 2>/dev/null
# a graph large enough that GraphML and GEXF compose on two threads: the write that fails
# stops both, with the one message
for fmt in graphml gexf; do
  fails_with "a large $fmt to a full disk" \
    "kgexport: standard output: cannot write: No space left on device" full -f "$fmt" "$tmp/g.nt"
done
mkdir "$tmp/out"
# interrupt SIGNAL: start an export over an old target, send SIGNAL once its temporary file
# exists; the exit status is the signal's, and the old target is what is left
interrupt() {
  local sig=$1 code
  echo old >"$tmp/out/g.graphml"
  "$bin" -q -f graphml -o "$tmp/out/g.graphml" "$tmp/g.nt" &
  local pid=$!
  for _ in $(seq 1 6000); do
    compgen -G "$tmp/out/.g.graphml.*" >/dev/null && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.01
  done
  compgen -G "$tmp/out/.g.graphml.*" >/dev/null || fail "SIG$sig: the export ended before it could be interrupted"
  kill -"$sig" "$pid"
  set +e
  wait "$pid"
  code=$?
  set -e
  [ "$code" -eq $((128 + $(kill -l "$sig"))) ] || fail "SIG$sig: exit $code"
  [ "$(cat "$tmp/out/g.graphml")" = old ] || fail "SIG$sig: the target changed"
}
for sig in INT TERM HUP; do
  interrupt "$sig"
  ! compgen -G "$tmp/out/.g.graphml.*" >/dev/null || fail "SIG$sig left $(ls -a "$tmp/out")"
  echo "SIG$sig: exit $((128 + $(kill -l "$sig"))), the target untouched, no temporary file"
done
# kill -9 cannot be caught: the target is still safe (the temporary file stays)
interrupt KILL
rm -f "$tmp"/out/.g.graphml.*
echo "SIGKILL: the target untouched"
echo "output faults: every format and signal as documented"
