#!/usr/bin/env bash
# The desk's own pages: queue and ticket page latency with N open tickets and C concurrent agents.
# Usage: bench/ops-desk.sh [TICKETS] [CONCURRENCY] [WARMUP_S] [MEASURE_S]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q -pl deploy -am test-compile dependency:build-classpath \
  -Dspotless.check.skip=true -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP="deploy/target/test-classes:deploy/target/classes:$(cat deploy/target/bench.classpath)"
exec java -Xmx1g -cp "$CP" io.frontdesk.deploy.ops.OpsBenchmark "$@"
