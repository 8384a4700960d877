#!/usr/bin/env bash
# make run: a Redis with the query engine and JSON (data under ./var/redis), a fresh build, the app in demo mode.
# Ctrl-C stops the app and, when this script started it, Redis.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p var
export REDIS_DIR="${REDIS_DIR:-$PWD/var/redis}"
already_running=false
scripts/redis-stack.sh status >/dev/null 2>&1 && already_running=true
url="$(scripts/redis-stack.sh start | tail -n 1)"
stop_redis() { [ "$already_running" = true ] || [ -n "${SPRING_DATA_REDIS_URL:-}" ] || scripts/redis-stack.sh stop; }
trap stop_redis EXIT
mvn -B -q -DskipTests package
export SPRING_DATA_REDIS_URL="$url"
export QIYING_DEMO_ENABLED="${QIYING_DEMO_ENABLED:-true}"
echo "Qiying on http://localhost:${SERVER_PORT:-8080} (Redis $url); Ctrl-C stops it"
java ${JAVA_OPTS:-} -jar config/target/qiying.jar &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; stop_redis' EXIT INT TERM
wait $app
