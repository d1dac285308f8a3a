#!/usr/bin/env bash
# Runs the Playwright end-to-end tests against a real ascend-server that
# scripts/with-server.sh starts on a free loopback port with a throw-away
# database.
#   scripts/e2e.sh SERVER_BINARY [playwright args ...]
set -euo pipefail
cd "$(dirname "$0")/.."

server=${1:?usage: scripts/e2e.sh SERVER_BINARY [playwright args]}
shift
exec scripts/with-server.sh "$server" npx playwright test "$@"
