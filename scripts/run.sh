#!/usr/bin/env bash
# make run: a Redis with the query engine and JSON (data under ./var/redis), a fresh build, the app in demo mode.
# Ctrl-C stops the app and, when this script started it, Redis.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p var
export REDIS_DIR="${REDIS_DIR:-$PWD/var/redis}"
user_redis="${SPRING_DATA_REDIS_URL:-}"
already_running=false
scripts/redis-stack.sh status >/dev/null 2>&1 && already_running=true
url="$(scripts/redis-stack.sh start | tail -n 1)"
stopped=false
stop_redis() {
  [ "$stopped" = false ] || return 0
  stopped=true
  [ "$already_running" = true ] || [ -n "$user_redis" ] || scripts/redis-stack.sh stop
}
trap stop_redis EXIT
trap 'stop_redis; exit 130' INT TERM
mvn -B -q -DskipTests package
export SPRING_DATA_REDIS_URL="$url"
export QIYING_DEMO_ENABLED="${QIYING_DEMO_ENABLED:-true}"
# the demo official account the simulator plays (no real WeChat account behind it; sends go nowhere)
if [ "$QIYING_DEMO_ENABLED" = true ] && [ -z "${QIYING_WECHAT_MP_APPID:-}" ]; then
  export QIYING_WECHAT_MP_APPID=wxdemo00000000001 QIYING_WECHAT_MP_SECRET=demo-secret \
         QIYING_WECHAT_MP_TOKEN=qiyingdemo QIYING_WECHAT_MP_AESKEY=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG
fi
echo "Qiying on http://localhost:${SERVER_PORT:-8080} (Redis $url); Ctrl-C stops it"
# in the foreground: Ctrl-C reaches the JVM (graceful shutdown), then the EXIT trap stops Redis
java ${JAVA_OPTS:-} -jar config/target/qiying.jar
