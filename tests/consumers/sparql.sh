#!/usr/bin/env bash
# The questions of tests/sparql/, asked of our Turtle export by an engine (rdflib or roqet),
# give the expected answers.  Usage: sparql.sh KGEXPORT rdflib|roqet
. "$(dirname "$0")/../lib.sh"
bin=$1 engine=$2
"$bin" -q -f turtle -o "$tmp/story.ttl"
/usr/bin/python3 "$(dirname "$0")/../sparql/run.py" "$engine" "$tmp/story.ttl" "$(dirname "$0")/../sparql"
