#!/usr/bin/env bash
# Run every fuzz target for MINUTES each (libFuzzer, ASan+UBSan, clang), as many at once as
# there are CPUs, from seeds that cover each reader, and report what they found.
#   fuzz/run.sh MINUTES [TARGET...]     targets: import graphml gexf rdfxml nquads trig export
#                                       (default: all)
# Crashing inputs land in fuzz/findings/ (minimise one with
# `build-fuzz/fuzz_TARGET -minimize_crash=1 -runs=5000 FILE`, fix, then add it to fuzz/corpus/
# where ctest replays it under the sanitizers). Working corpora stay in $FUZZ_WORK
# (default /tmp/kgexport-fuzz) so a second run starts where the first ended.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:?usage: fuzz/run.sh MINUTES [TARGET...]}
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(import graphml gexf rdfxml nquads trig export)
work=${FUZZ_WORK:-/tmp/kgexport-fuzz}
command -v clang >/dev/null || { echo "fuzz/run.sh: clang is needed (apt-get install clang)" >&2; exit 1; }
cmake -S . -B build-fuzz -DKG_FUZZ=ON -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DKG_WERROR=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]/#/fuzz_}" >/dev/null
mkdir -p fuzz/findings
# the libraries' own caches (fontconfig, Graphviz's plugins) are not leaks of kgexport's
export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0
export ASAN_OPTIONS=fast_unwind_on_malloc=0:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
seeds() { # the seed files of a target
  case $1 in
    import) ls examples/*.ttl tests/data/*.ttl tests/bad/*.ttl tests/bad/*.nt tests/nt/*.nt fuzz/corpus/*.ttl fuzz/corpus/*.nt ;;
    graphml) ls tests/bad/*.graphml tests/foreign/*.graphml fuzz/corpus/*.graphml ;;
    gexf) ls tests/bad/*.gexf tests/foreign/*.gexf fuzz/corpus/*.gexf ;;
    rdfxml) ls tests/bad/*.rdf tests/data/*.rdf fuzz/corpus/*.rdf ;;
    nquads) ls tests/bad/*.nq tests/data/*.nq fuzz/corpus/*.nq ;;
    trig) ls tests/bad/*.trig tests/data/*.trig fuzz/corpus/*.trig ;;
    export) ls tests/data/adversarial.ttl tests/data/hostile-views.ttl tests/foreign/*.ttl ;;
  esac 2>/dev/null
}
run_one() {
  local t=$1 dir=$work/$1
  mkdir -p "$dir"
  if [ -z "$(ls -A "$dir")" ]; then
    for f in $(seeds "$t"); do
      # the export target's first byte picks its reader: 0 Turtle (the seeds are Turtle)
      if [ "$t" = export ]; then { printf '\0'; cat "$f"; } >"$dir/$(basename "$f")"; else cp "$f" "$dir/"; fi
    done
  fi
  build-fuzz/fuzz_"$t" -max_total_time=$((minutes * 60)) -max_len=16384 -timeout=10 \
    -dict=fuzz/kgexport.dict -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="fuzz/findings/$t-" "$dir" \
    >"$work/$t.log" 2>&1 || true
  local execs
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/$t.log" | grep -o '[0-9]*$' || echo 0)
  echo "fuzz_$t: ${minutes} min, ${execs:-0} runs, corpus $(ls "$dir" | wc -l) inputs, $(ls fuzz/findings | grep -c "^$t-" || true) findings (log: $work/$t.log)"
}
jobs=${FUZZ_JOBS:-$(nproc)} # at once (FUZZ_JOBS: more, sharing the CPUs)
for t in "${targets[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do sleep 5; done
  run_one "$t" &
done
wait
