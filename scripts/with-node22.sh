#!/usr/bin/env bash
# Runs a command with Node 22 first on PATH (see node22.sh): root npm scripts go through it
# so `npm start` and `npm test` work on machines whose own Node is older. It installs the
# dependencies first when they are missing or older than package-lock.json, so that a fresh
# clone needs no other command.
set -e
. "$(dirname "$0")/node22.sh"
root="$(cd "$(dirname "$0")/.." && pwd)"
installed="$root/node_modules/.package-lock.json"
if [ ! -f "$installed" ] || [ "$root/package-lock.json" -nt "$installed" ]; then
  echo "with-node22: installing the dependencies (npm ci; native addons build from source: a few minutes)" >&2
  (cd "$root" && npm ci --no-audit --no-fund >&2)
fi
exec "$@"
