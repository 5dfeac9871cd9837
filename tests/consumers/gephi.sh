#!/usr/bin/env bash
# Gephi's import rules (tests/consumers/gephi_check.py) accept our GraphML or GEXF.
# Usage: gephi.sh KGEXPORT graphml|gexf [INPUT]
. "$(dirname "$0")/../lib.sh"
bin=$1 fmt=$2; shift 2
"$bin" -q -f "$fmt" -o "$tmp/g.$fmt" "$@"
/usr/bin/python3 "$(dirname "$0")/gephi_check.py" "$tmp/g.$fmt"
