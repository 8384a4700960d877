#!/usr/bin/env bash
# make test's set-up: makes sure a Redis with the query engine and JSON can be started here (each test JVM then starts
# its own through scripts/redis-stack.sh on a free port), and that the browser tests' Chromium is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
dir=$(mktemp -d)
env -u SPRING_DATA_REDIS_URL REDIS_PORT="$port" REDIS_DIR="$dir" scripts/redis-stack.sh start >/dev/null
env -u SPRING_DATA_REDIS_URL REDIS_PORT="$port" REDIS_DIR="$dir" scripts/redis-stack.sh stop >/dev/null 2>&1
rm -rf "$dir"
echo "redis-stack: a Redis with search and JSON starts here"

# Browser tests drive Debian's headless Chromium through chromedriver (no browser download at test time).
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "installing chromium and chromium-driver for the browser tests"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-noto-cjk >/dev/null
  else
    echo "the browser tests need Debian's chromium and chromium-driver (and fonts-noto-cjk): apt-get install them" >&2
    exit 1
  fi
fi
