#!/usr/bin/env bash
# Starts ascend-server on a free loopback port with a throw-away database
# (seeded with the demo data), runs a command with ASCEND_BASE_URL set to
# the server's address, then stops the server.
#   scripts/with-server.sh SERVER_BINARY COMMAND [ARGS ...]
set -euo pipefail
cd "$(dirname "$0")/.."

server=${1:?usage: scripts/with-server.sh SERVER_BINARY COMMAND [ARGS ...]}
shift
[ $# -gt 0 ] || { echo "usage: scripts/with-server.sh SERVER_BINARY COMMAND [ARGS ...]" >&2; exit 2; }
[ -f dist/index.html ] || { echo "error: dist/ is not built: run 'trunk build --release'" >&2; exit 1; }

work=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

ASCEND_ADDR=127.0.0.1:0 \
ASCEND_DATABASE_URL="sqlite://$work/ascend.db" \
ASCEND_DIST=dist \
ASCEND_DEMO_DATA=true \
RUST_LOG=${RUST_LOG:-warn} \
  "$server" >"$work/server.log" 2>&1 &
pid=$!

url=
for _ in $(seq 1 1200); do
  url=$(grep -om1 'http://127\.0\.0\.1:[0-9]*' "$work/server.log" 2>/dev/null || true)
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "error: ascend-server did not start:" >&2
  cat "$work/server.log" >&2
  exit 1
fi
# It listens at once, and says it is ready once the demo data is in and
# the indexes are built.
for _ in $(seq 1 1200); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/readyz")" = 200 ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
if [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/readyz")" != 200 ]; then
  echo "error: ascend-server never got ready:" >&2
  tail -n 40 "$work/server.log" >&2
  exit 1
fi
echo "==> $1 against $url"
status=0
ASCEND_BASE_URL=$url "$@" || status=$?
# The server's side of a failure: what it logged (warnings and errors, or
# RUST_LOG's level), kept in ASCEND_SERVER_LOG when that names a file.
[ -z "${ASCEND_SERVER_LOG:-}" ] || cp "$work/server.log" "$ASCEND_SERVER_LOG"
if [ "$status" -ne 0 ]; then
  echo "==> The server's log, last 40 lines:" >&2
  tail -n 40 "$work/server.log" >&2
fi
exit "$status"
