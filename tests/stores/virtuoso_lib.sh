# A private Virtuoso 7 on 127.0.0.1 for the store tests (sourced after tests/lib.sh): its own
# data folder under $tmp, two free ports, started by virtuoso_start and shut down whatever
# happens (at_exit). Sets db (its folder; load files from $db/data), isql_port, http_port,
# endpoint (its /sparql URL) and virt_pid; isql runs SQL and fails on any error, count_graph
# counts a graph's triples.
# Recipe and traps: ../shared/reference/triple-stores.md (isql-vt exits 0 on SQL errors; loads
# are not atomic; values are rewritten; queries without a graph see Virtuoso's system triples).
need "scripts/install-test-extras.sh installs it" virtuoso-t isql-vt
command -v curl >/dev/null || fail "curl is needed to talk to Virtuoso's HTTP endpoint"

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
      echo "$(basename "$0"): Virtuoso (pid $virt_pid) did not stop in 10 s: killing it" >&2
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

# ---- start, and wait until both isql and /sparql answer ----
virtuoso_start() {
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
}
