#!/usr/bin/env bash
# Start-up to ready and idle resident memory of the runnable jar, with the demo data.
#   bench/startup.sh            (builds the jar first if needed)
# Prints: first start (seeds the demo data into an empty store), restart (data present), idle RSS.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/deploy/target/frontdesk.jar"
[ -f "$jar" ] || (cd "$root" && ./mvnw -q -DskipTests -Dspotless.check.skip=true package)
opts=${FRONTDESK_JAVA_OPTS:--XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Xms32m -Xmx1g -XX:+ExitOnOutOfMemoryError}
port=${PORT:-39780}
# As the launcher: the build's class archive when it is newer than the jar (CDS=0 to leave it out).
cds=
if [ "${CDS:-1}" != 0 ] && [ -f "${jar%.jar}.jsa" ] && [ "${jar%.jar}.jsa" -nt "$jar" ]; then
  cds="-XX:SharedArchiveFile=${jar%.jar}.jsa -Xlog:disable -Xlog:all=warning:stderr"
fi
data=$(mktemp -d)
pid=
if curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1; then
  echo "something already answers on port $port; stop it or set PORT" >&2
  exit 1
fi
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$data"' EXIT

# Starts the server in this shell (so $pid is ours to stop) and sets $ms to the time from exec to
# the first 200 from /health.
start_and_wait() {
  local t0 t1
  t0=$(date +%s%N)
  PORT=$port FRONTDESK_DATA_DIR=$data java $cds $opts -jar "$jar" serve --demo >"$data/log.$1" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "server died:"; cat "$data/log.$1"; exit 1; }
    sleep 0.02
  done
  t1=$(date +%s%N)
  ms=$(((t1 - t0) / 1000000))
}

stop() { kill -TERM "$pid"; wait "$pid" || true; pid=; }

start_and_wait 1
first=$ms
stop
start_and_wait 2
second=$ms
sleep "${IDLE_SECONDS:-15}"
kill -0 "$pid" 2>/dev/null || { echo "server exited while idle:"; tail -20 "$data/log.2"; exit 1; }
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
stop
echo "startup_first_ms=$first startup_restart_ms=$second idle_rss_mb=$((rss_kb / 1024)) opts='$opts' cds='${cds:+on}'"
