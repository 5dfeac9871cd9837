#!/usr/bin/env bash
# kgexport reads N-Triples with its own line reader (importers/nt.c) and Turtle with raptor.
# N-Triples is a subset of Turtle, so the same file read both ways must give the same graph:
# the N-Triples and GraphML written from each reading are compared byte for byte. Inputs:
# the edge cases and a file with CR line ends in tests/nt/, the story as N-Triples, a generated graph (escapes,
# non-ASCII text, reified statements).  Usage: nt_vs_raptor.sh KGEXPORT GENERATE_PY
. "$(dirname "$0")/lib.sh"
bin=$1 gen=$2
cp "$(dirname "$0")/nt/edge-cases.nt" "$tmp/edge.nt"
cp "$(dirname "$0")/nt/cr-only.nt" "$tmp/cr-only.nt"
"$bin" -q -f ntriples -o "$tmp/story.nt"
python3 "$gen" --triples 20000 --seed 7 >"$tmp/generated.nt"
for input in edge cr-only story generated; do
  f=$tmp/$input.nt
  for fmt in ntriples graphml; do
    "$bin" -q -i ntriples -f "$fmt" -o "$tmp/$input.nt-reader.$fmt" "$f"
    "$bin" -q -i turtle -f "$fmt" -o "$tmp/$input.raptor.$fmt" "$f"
    diff -u "$tmp/$input.raptor.$fmt" "$tmp/$input.nt-reader.$fmt" >"$tmp/diff" ||
      fail "$input: the N-Triples reader and raptor disagree ($fmt): $(head -20 "$tmp/diff")"
  done
  echo "$input: $(wc -l <"$tmp/$input.nt-reader.ntriples") triples, same graph both ways"
done
