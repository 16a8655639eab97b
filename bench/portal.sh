#!/usr/bin/env bash
# Portal page latency: search results and article pages with N synthetic articles, C concurrent
# signed-in clients. Usage: bench/portal.sh [ARTICLES] [CONCURRENCY] [WARMUP_S] [MEASURE_S]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q -pl deploy -am test-compile -DskipTests
./mvnw -B -ntp -q -pl deploy dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/portal-bench.classpath >/dev/null
CP="deploy/target/test-classes:deploy/target/classes:core/target/classes:core/target/test-classes"
CP="$CP:knowledge/target/classes:desk/target/classes:bot/target/classes:portal/target/classes"
CP="$CP:$(cat target/portal-bench.classpath)"
exec java -Xmx1g -cp "$CP" io.frontdesk.deploy.portal.PortalBenchmark "$@"
