#!/usr/bin/env bash
# Runs a command with Node 22 first on PATH (see node22.sh): root npm scripts go through it
# so `npm start` and `npm test` work on machines whose own Node is older.
set -e
. "$(dirname "$0")/node22.sh"
exec "$@"
