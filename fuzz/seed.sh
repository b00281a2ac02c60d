#!/usr/bin/env bash
# Fills the fuzz corpus with the example journeys and every test fixture, so that libFuzzer
# starts from files that reach deep into cxmap rather than from random bytes.
set -euo pipefail
cd "$(dirname "$0")"
corpus=corpus/workspace
mkdir -p "$corpus"
find ../journeys ../tests/fixtures -name '*.toml' -print0 |
  while IFS= read -r -d '' f; do
    cp "$f" "$corpus/$(echo "$f" | tr '/.' '__')"
  done
echo "seeded $(ls "$corpus" | wc -l) files into fuzz/$corpus"
