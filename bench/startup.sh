#!/usr/bin/env bash
# Start-up to ready and idle resident memory of the runnable jar, with the demo data.
#   bench/startup.sh            (builds the jar first if needed)
# Prints: first start (seeds the demo data into an empty store), restart (data present), idle RSS.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/deploy/target/frontdesk.jar"
[ -f "$jar" ] || (cd "$root" && ./mvnw -q -DskipTests -Dspotless.check.skip=true package)
opts=${FRONTDESK_JAVA_OPTS:--XX:+UseSerialGC -Xms32m -Xmx1g -XX:+ExitOnOutOfMemoryError}
port=${PORT:-39780}
data=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT

ready_ms() { # start the server and print ms from exec to /health 200
  local t0 t1
  t0=$(date +%s%N)
  PORT=$port FRONTDESK_DATA_DIR=$data java $opts -jar "$jar" serve --demo >"$data/log.$1" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1; do
    kill -0 $pid 2>/dev/null || { echo "server died:"; cat "$data/log.$1"; exit 1; }
    sleep 0.02
  done
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 ))
}

first=$(ready_ms 1)
kill -TERM $pid; wait $pid || true
second=$(ready_ms 2)
sleep ${IDLE_SECONDS:-15}
rss_kb=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
kill -TERM $pid; wait $pid || true
echo "startup_first_ms=$first startup_restart_ms=$second idle_rss_mb=$((rss_kb / 1024)) opts='$opts'"
