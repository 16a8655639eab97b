#!/usr/bin/env bash
# Self-service resets end to end (start, code, verify, LDAP change, audit ticket) through the desk's
# SelfServiceFulfilment on the embedded store and the in-memory LDAP directory.
#   bench/fulfilment.sh [N]      (default 200 resets per run)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
cp=$(mktemp)
trap 'rm -f "$cp"' EXIT
./mvnw -B -ntp -q -pl desk -am test-compile dependency:build-classpath \
  -Dspotless.check.skip=true -Dmdep.includeScope=test -Dmdep.outputFile="$cp"
java -XX:+UseSerialGC -cp "desk/target/test-classes:desk/target/classes:core/target/test-classes:core/target/classes:$(cat "$cp")" \
  io.frontdesk.desk.fulfilment.FulfilmentBenchmark "${1:-200}" 2>/dev/null
