#!/usr/bin/env bash
# A real triple store: a private Virtuoso 7 (virtuoso-opensource-7-bin) on 127.0.0.1, with
# its own data folder and free ports, loads the Turtle export of the story and the ontology
# into named graphs, holds exactly the model's triple count, answers every question of
# tests/sparql/ over HTTP as expected, and is shut down whatever happens.
# Usage: virtuoso.sh KGEXPORT
# Exit 77 (skip) when virtuoso-t is missing, unless CI=true: then it fails.
# Recipe and traps: ../shared/reference/triple-stores.md (isql-vt exits 0 on SQL errors; loads
# are not atomic; values are rewritten; queries without a graph see Virtuoso's system triples).
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"
bin=$1
src=$(cd "$here/../.." && pwd)

need "scripts/install-test-extras.sh installs it" virtuoso-t isql-vt
command -v curl >/dev/null || fail "curl is needed to talk to Virtuoso's HTTP endpoint"

STORY_GRAPH=urn:kgexport:test:story
ONTO_GRAPH=urn:kgexport:test:ontology
ADV_GRAPH=urn:kgexport:test:adversarial
db=$tmp/db
mkdir -p "$db/data"
virt_pid=

# ---- stop the server whatever happens (lib.sh then removes the temp dir) ----
stop_server() {
  # interrupted during start-up: the daemon may be up before we read its pid
  [ -n "$virt_pid" ] || virt_pid=$(sed -n 's/^VIRT_PID=//p' "$db/virtuoso.lck" 2>/dev/null | head -1)
  [ -n "$virt_pid" ] || return 0
  if kill -0 "$virt_pid" 2>/dev/null; then
    timeout 10 isql-vt "127.0.0.1:$isql_port" dba dba exec="shutdown;" >/dev/null 2>&1 || true
    for _ in $(seq 1 100); do kill -0 "$virt_pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$virt_pid" 2>/dev/null; then
      echo "virtuoso.sh: Virtuoso (pid $virt_pid) did not stop in 10 s: killing it" >&2
      kill "$virt_pid" 2>/dev/null || true
      sleep 2
      kill -9 "$virt_pid" 2>/dev/null || true
    fi
  fi
  virt_pid=
}
at_exit stop_server
trap 'exit 1' INT TERM HUP

# ---- two free ports on loopback, from a random base ----
port_free() { ! ss -Hltn "sport = :$1" 2>/dev/null | grep -q .; }
isql_port= http_port=
for _ in $(seq 1 50); do
  base=$((20000 + RANDOM % 40000))
  if port_free "$base" && port_free "$((base + 1))"; then
    isql_port=$base http_port=$((base + 1))
    break
  fi
done
[ -n "$isql_port" ] || fail "no two free ports found for Virtuoso"

# ---- its own configuration: everything under $db, loopback only ----
cat >"$db/virtuoso.ini" <<EOF
[Database]
DatabaseFile       = $db/virtuoso.db
ErrorLogFile       = $db/virtuoso.log
LockFile           = $db/virtuoso.lck
TransactionFile    = $db/virtuoso.trx
xa_persistent_file = $db/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $db/virtuoso-temp.db
TransactionFile    = $db/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort         = 127.0.0.1:$isql_port
ServerThreads      = 10
CheckpointInterval = 0
NumberOfBuffers    = 10000
MaxDirtyBuffers    = 6000
DirsAllowed        = ., $db/data
CaseMode           = 2

[HTTPServer]
ServerPort            = 127.0.0.1:$http_port
ServerRoot            = $db
ServerThreads         = 5
MaxClientConnections  = 5
EnabledDavVSP         = 0

[SPARQL]
ResultSetMaxRows       = 1000000
MaxQueryExecutionTime  = 600
MaxQueryCostEstimationTime = 600
EOF

isql() { # run SQL; fail on any error (isql-vt exits 0 after SQL errors)
  local out
  out=$(timeout 120 isql-vt "127.0.0.1:$isql_port" dba dba exec="$1" 2>&1) ||
    fail "isql-vt failed ($1): $(echo "$out" | head -5)"
  if echo "$out" | grep -q '\*\*\* Error'; then
    fail "Virtuoso: $(echo "$out" | grep -A3 '\*\*\* Error' | head -6) (SQL: ${1:0:200})"
  fi
  printf '%s\n' "$out"
}
count_graph() { # number of triples in graph $1, as a bare integer
  isql "SPARQL SELECT COUNT(*) WHERE { GRAPH <$1> { ?s ?p ?o } };" |
    awk '/^[[:space:]]*[0-9]+[[:space:]]*$/ {n=$1} END {print n}'
}

# ---- the data: exported Turtle, and the ontology; the model's count ----
"$bin" -q -f turtle -o "$db/data/story.ttl"
cp "$src/ontology/kgexport.ttl" "$db/data/ontology.ttl"
"$bin" -q -f turtle -o "$db/data/adversarial.ttl" "$src/tests/data/adversarial.ttl"
want=$(model_count triples "$bin")
adv_want=$(model_count triples "$bin" "$src/tests/data/adversarial.ttl")
[ -n "$want" ] && [ "$want" -gt 0 ] || fail "no triple count from kgexport --stats"
# the ontology's own count, as rapper (the reference parser of tests/consumers/) reads it
onto_want=$(rapper -q -i turtle -o ntriples "$db/data/ontology.ttl" "http://base.invalid/" | wc -l) ||
  fail "rapper rejected ontology/kgexport.ttl"

# ---- start, and wait until both isql and /sparql answer ----
t0=$(date +%s%N)
(cd "$db" && virtuoso-t +configfile "$db/virtuoso.ini" +wait >"$db/start.log" 2>&1) ||
  fail "virtuoso-t did not start: $(tail -5 "$db/start.log" "$db/virtuoso.log" 2>/dev/null)"
virt_pid=$(sed -n 's/^VIRT_PID=//p' "$db/virtuoso.lck" 2>/dev/null | head -1)
[ -n "$virt_pid" ] || fail "no VIRT_PID in $db/virtuoso.lck: $(tail -5 "$db/virtuoso.log")"
endpoint="http://127.0.0.1:$http_port/sparql"
up=
for _ in $(seq 1 150); do
  if timeout 5 isql-vt "127.0.0.1:$isql_port" dba dba exec="select 1;" >/dev/null 2>&1 &&
     curl -fsS --max-time 5 -H 'Accept: application/sparql-results+json' \
       --data-urlencode 'query=ASK {}' "$endpoint" 2>/dev/null | grep -q boolean; then
    up=1
    break
  fi
  kill -0 "$virt_pid" 2>/dev/null || fail "Virtuoso exited at start: $(tail -5 "$db/virtuoso.log")"
  sleep 0.2
done
[ -n "$up" ] || fail "Virtuoso did not answer on 127.0.0.1:$isql_port and $endpoint within 30 s"
echo "Virtuoso up (pid $virt_pid, isql 127.0.0.1:$isql_port, $endpoint) in $((($(date +%s%N) - t0) / 1000000)) ms"

# ---- load into fresh named graphs (loads are not atomic: count after) ----
for g in "$STORY_GRAPH" "$ONTO_GRAPH" "$ADV_GRAPH"; do
  [ "$(count_graph "$g")" = 0 ] || fail "graph <$g> is not empty before the load"
done
isql "DB.DBA.TTLP_MT(file_to_string_output('$db/data/story.ttl'), '', '$STORY_GRAPH', 0, 2, 2);" >/dev/null
isql "DB.DBA.TTLP_MT(file_to_string_output('$db/data/ontology.ttl'), '', '$ONTO_GRAPH', 0, 2, 2);" >/dev/null
isql "DB.DBA.TTLP_MT(file_to_string_output('$db/data/adversarial.ttl'), '', '$ADV_GRAPH', 0, 2, 2);" >/dev/null
isql "checkpoint;" >/dev/null

got=$(count_graph "$STORY_GRAPH")
[ "$got" = "$want" ] || fail "Virtuoso holds $got triples in <$STORY_GRAPH>, the model has $want"
echo "story: $got triples loaded into <$STORY_GRAPH>, as the model says"
onto_got=$(count_graph "$ONTO_GRAPH")
[ "$onto_got" = "$onto_want" ] ||
  fail "Virtuoso holds $onto_got triples in <$ONTO_GRAPH>, rapper reads $onto_want in ontology/kgexport.ttl"
echo "ontology: $onto_got triples loaded into <$ONTO_GRAPH>"
# the adversarial graph (IRIs with non-ASCII and %20, control characters, every datatype)
adv_got=$(count_graph "$ADV_GRAPH")
[ "$adv_got" = "$adv_want" ] ||
  fail "Virtuoso holds $adv_got triples in <$ADV_GRAPH>, the model of tests/data/adversarial.ttl has $adv_want"
echo "adversarial: $adv_got triples loaded into <$ADV_GRAPH>, as the model says"

# ---- the questions, over HTTP, against the story graph only ----
/usr/bin/python3 "$here/sparql_check.py" http "$endpoint" "$STORY_GRAPH" "$src/tests/sparql" ||
  fail "Virtuoso's answers differ from tests/sparql/*.expected (above)"
