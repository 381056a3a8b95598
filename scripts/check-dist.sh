#!/usr/bin/env bash
# Fails when the committed dist/ differs from a fresh build of the sources.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build --silent >/dev/null
if [ -n "$(git status --porcelain -- dist)" ]; then
  echo "dist/ is out of date with src/: run 'npm run build' and commit dist/" >&2
  git status --short -- dist >&2
  exit 1
fi
echo "dist/ matches a fresh build"
