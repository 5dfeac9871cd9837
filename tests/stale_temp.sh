#!/usr/bin/env bash
# kill -9 leaves the temporary file ".NAME.kgexport-PID-XXXXXX" beside the target (which keeps
# what it held); the next export to the same target removes it, and with it only files it can
# prove are such leftovers: named exactly so for that target, their writer's pid not a live
# process, regular files of this user, last written before the run started. Files that differ
# in one of these each stay.
# Usage: stale_temp.sh KGEXPORT GENERATOR
. "$(dirname "$0")/lib.sh"
bin=$1 gen=$2
python3 "$gen" --triples 300000 --seed 3 >"$tmp/g.nt" 2>/dev/null
out=$tmp/out
mkdir "$out"
echo old >"$out/g.graphml"

# ---- kill -9 while the file is written: stop the writer once its temporary file exists
# (SIGSTOP, so that it is surely still writing), then kill it ----
"$bin" -q -f graphml -o "$out/g.graphml" "$tmp/g.nt" &
pid=$!
pattern="$out/.g.graphml.kgexport-$pid-??????"
for _ in $(seq 1 6000); do
  compgen -G "$pattern" >/dev/null && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.01
done
kill -STOP "$pid" 2>/dev/null || fail "the export ended before it could be stopped"
stale=$(compgen -G "$pattern") || fail "no temporary file named like $pattern: $(ls -A "$out")"
kill -KILL "$pid"
set +e
wait "$pid" 2>/dev/null # (no "Killed" line from bash)
code=$?
set -e
[ "$code" -eq 137 ] || fail "kill -9: exit $code"
[ -f "$stale" ] || fail "kill -9 took the temporary file with it"
[ "$(cat "$out/g.graphml")" = old ] || fail "kill -9: the target changed"
echo "kill -9: the target untouched, $(basename "$stale") left behind"

# ---- beside it, files the next run must leave alone, each unlike a leftover in one way ----
sh -c 'exit 0' &
dead=$! # a second pid no process has any more (the first is $pid)
wait "$dead"
old_time=2001-01-01
keep=() # the names that must stay
keep_old() { # keep_old NAME: an empty file NAME, last written long ago
  : >"$out/$1"
  touch -d "$old_time" "$out/$1"
  keep+=("$1")
}
# names close to a leftover's, but not one create_temporary gives for this target
keep_old ".g.graphml.kgexport-$pid-abcdefg"    # seven letters
keep_old ".g.graphml.kgexport-$pid-abcde"      # five
keep_old ".g.graphml.kgexport-$pid-abc_ef"     # a character it never uses
keep_old ".g.graphml.kgexport-0$pid-abcdef"    # a leading zero
keep_old ".g.graphml.kgexport--$pid-abcdef"    # a sign
keep_old ".g.graphml.kgexport-$pid-abcdef.bak" # more after it
keep_old ".g.graphml.kgexport-$pid"            # no suffix
keep_old "g.graphml.kgexport-$pid-abcdef"      # not hidden
keep_old ".g.graphml.kgexporter-$pid-abcdef"   # another marker
keep_old ".g.graphml.abcdef"                   # the old form, which names no writer
keep_old ".g.graphmlx.kgexport-$pid-abcdef"    # another target's
keep_old ".g.graph.kgexport-$pid-abcdef"       # another target's
# the right name, but its writer lives (this shell; process 1)
keep_old ".g.graphml.kgexport-$$-abcdef"
keep_old ".g.graphml.kgexport-1-abcdef"
# the right name, but written after the run started (a time to come)
keep_old ".g.graphml.kgexport-$dead-fresh1"
touch -d "@$(($(date +%s) + 3600))" "$out/.g.graphml.kgexport-$dead-fresh1"
# the right name, but a symbolic link (to a file that must stay as it is), and a folder
echo precious >"$tmp/precious"
ln -s "$tmp/precious" "$out/.g.graphml.kgexport-$dead-link01"
touch -h -d "$old_time" "$out/.g.graphml.kgexport-$dead-link01"
keep+=(".g.graphml.kgexport-$dead-link01")
mkdir "$out/.g.graphml.kgexport-$dead-dir001"
touch -d "$old_time" "$out/.g.graphml.kgexport-$dead-dir001"
keep+=(".g.graphml.kgexport-$dead-dir001")
# the right name, but another user's (only root can make one)
if [ "$(id -u)" -eq 0 ] && id nobody >/dev/null 2>&1; then
  keep_old ".g.graphml.kgexport-$dead-nobody"
  chown -h nobody "$out/.g.graphml.kgexport-$dead-nobody"
else
  echo "note: not root: the case of another user's file is not checked"
fi
# and a second leftover, of another writer that is gone: it goes too
gone=".g.graphml.kgexport-$dead-Zz09aB"
: >"$out/$gone"
touch -d "$old_time" "$out/$gone"

# ---- the next export to the same target ----
"$bin" -q -f graphml -o "$out/g.graphml" || fail "the second export failed"
grep -q '<graphml' "$out/g.graphml" || fail "the second export did not replace the target"
[ ! -e "$stale" ] || fail "the stale temporary file $(basename "$stale") is still there"
[ ! -e "$out/$gone" ] || fail "the stale temporary file $gone is still there"
want=$(printf '%s\n' g.graphml "${keep[@]}" | LC_ALL=C sort)
got=$(cd "$out" && LC_ALL=C ls -A | LC_ALL=C sort)
[ "$got" = "$want" ] || fail "removed: $(comm -13 <(echo "$got") <(echo "$want") | tr '\n' ' ')\
left: $(comm -23 <(echo "$got") <(echo "$want") | tr '\n' ' ')"
[ "$(cat "$tmp/precious")" = precious ] || fail "the file a link pointed at changed"
echo "the next run removed the 2 stale temporary files and kept ${#keep[@]} files that only look like them"
