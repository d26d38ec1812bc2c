#!/usr/bin/env bash
# Makes sure a Redis responds at REDIS_URL (default redis://127.0.0.1:6379) before the tests run.
# When none responds on the local default, it starts Debian's redis-server (installing it with
# apt-get when missing), or `docker compose up -d redis` where a Docker engine runs.
set -euo pipefail

url="${REDIS_URL:-redis://127.0.0.1:6379}"
hostport="${url#redis://}"
hostport="${hostport##*@}"
hostport="${hostport%%/*}"
host="${hostport%%:*}"
port="${hostport##*:}"
[ "$port" = "$hostport" ] && port=6379

redis_answers() {
  node -e '
    const net = require("node:net");
    const socket = net.connect({ host: process.argv[1], port: Number(process.argv[2]) });
    socket.setTimeout(1000);
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (data) => process.exit(data.toString().startsWith("+PONG") ? 0 : 1));
    socket.on("timeout", () => process.exit(1));
    socket.on("error", () => process.exit(1));
  ' "$host" "$port"
}

if redis_answers; then
  exit 0
fi

case "$host" in
  127.0.0.1|localhost|::1) ;;
  *)
    echo "No Redis responds at $host:$port, and only a local one can be started here." >&2
    exit 1
    ;;
esac

echo "No Redis responds at $host:$port; starting one." >&2
if ! command -v redis-server >/dev/null 2>&1; then
  if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
    docker compose up -d redis
  elif command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  else
    echo "Install Redis (Debian: apt-get install redis-server) or run: docker compose up -d redis" >&2
    exit 1
  fi
fi
if command -v redis-server >/dev/null 2>&1 && ! redis_answers; then
  redis-server --daemonize yes --bind 127.0.0.1 --port "$port" --save "" --appendonly no \
    --dir /tmp --logfile /tmp/easymaker-bot-redis.log
fi

for _ in $(seq 1 50); do
  if redis_answers; then
    exit 0
  fi
  sleep 0.2
done
echo "Redis did not start at $host:$port; see /tmp/easymaker-bot-redis.log" >&2
exit 1
