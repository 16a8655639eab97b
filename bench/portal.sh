#!/usr/bin/env bash
# Portal page latency: search results and article pages with N synthetic articles, C concurrent
# signed-in clients. Usage: bench/portal.sh [ARTICLES] [CONCURRENCY] [WARMUP_S] [MEASURE_S] [CORPUS]
# CORPUS: synthetic (default: kb bench's generated articles and questions) or uniform (the 63-word
# corpus of the first passes, for comparison with their figures).
# PORTAL_BENCH_JAVA_OPTS replaces the JVM options (default: the launcher's, G1 with a 20 ms pause
# goal), e.g. PORTAL_BENCH_JAVA_OPTS="-XX:+UseSerialGC -Xms32m -Xmx1g" to compare collectors.
# FRONTDESK_* variables (docs/CONFIGURATION.md) reach the server, e.g. FRONTDESK_KB_SEARCH_THREADS=0.
set -euo pipefail
cd "$(dirname "$0")/.."
# One reactor run compiles everything and writes deploy's test classpath (sibling modules resolve
# to their target/classes directories).
./mvnw -B -ntp -q -pl deploy -am test-compile dependency:build-classpath \
  -Dspotless.check.skip=true -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP="deploy/target/test-classes:deploy/target/classes:$(cat deploy/target/bench.classpath)"
exec java ${PORTAL_BENCH_JAVA_OPTS:--XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Xms32m -Xmx1g} -cp "$CP" io.frontdesk.deploy.portal.PortalBenchmark "$@"
