#!/usr/bin/env bash
# The bot benchmark (./frontdesk bot-bench) once per collector setting, one after another, for a
# side-by-side comparison of the p99 at concurrency 32 (docs/BENCHMARKS.md, "Bot: fourth pass").
#   bench/bot-gc.sh [SECONDS]        (15 s per measured run: about 80 s per setting, 6 settings)
# The first run builds the jar if the sources changed. Each block is bot-bench's own output headed
# by the JVM options; BOT_GC_OPTS (a file with one option set a line) replaces the list below.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
base="-Xms32m -Xmx1g -XX:+ExitOnOutOfMemoryError"
settings=(
  # The launcher's default.
  "-XX:+UseG1GC -XX:MaxGCPauseMillis=20 $base"
  # G1 with a young generation of at least 40% of the heap: fewer, longer pauses.
  "-XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+UnlockExperimentalVMOptions -XX:G1NewSizePercent=40 $base"
  # G1 with 4 MB regions: the embedded store's buffers under 2 MB are no longer humongous objects.
  "-XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:G1HeapRegionSize=4m $base"
  # The parallel collector with a 600 MB young generation (throughput; its idle RSS is higher).
  "-XX:+UseParallelGC -Xmn600m -Xms1g -Xmx1g -XX:+ExitOnOutOfMemoryError"
  # G1 promoting a survivor at its first copy: fewer bytes copied per pause; not the default
  # (level over three rounds, worse for the knowledge bench: "Bot: turns without finalisers").
  "-XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:MaxTenuringThreshold=1 $base"
  # ZGC: pauses under a millisecond, for about a tenth fewer answers/s; slower start-up and a
  # higher idle RSS than G1 on Java 17 ("Bot: turns without finalisers").
  "-XX:+UseZGC $base"
)
if [ -n "${BOT_GC_OPTS:-}" ]; then
  mapfile -t settings <"$BOT_GC_OPTS"
fi
for opts in "${settings[@]}"; do
  echo "== $opts"
  FRONTDESK_JAVA_OPTS="$opts" timeout 300 ./frontdesk bot-bench --seconds "$seconds" || echo "(exit $?)"
done
