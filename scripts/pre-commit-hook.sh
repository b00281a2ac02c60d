#!/usr/bin/env bash
# The `cxmap-check` hook of .pre-commit-hooks.yaml, run by the real pre-commit framework on a
# git repository made here: it must pass on valid journeys and stop a commit that breaks one.
# pre-commit builds cxmap from this repository's HEAD with cargo (its `rust` language), so
# commit before running this. Idempotent: pre-commit is installed once into
# target/pre-commit/venv, its hook environments are kept in target/pre-commit/home, and cargo
# reuses target/pre-commit/build, so a second run only rebuilds what changed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
state="$root/target/pre-commit"
mkdir -p "$state"
if [ ! -x "$state/venv/bin/pre-commit" ]; then
  python3 -m venv "$state/venv"
  "$state/venv/bin/pip" install --quiet pre-commit
fi
export PRE_COMMIT_HOME="$state/home"
export CARGO_TARGET_DIR="$state/build"
rev="$(git -C "$root" rev-parse HEAD)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
git init -q -b main
git config user.name "CX Office"
git config user.email "cx@example.com"
cp -r "$root/tests/fixtures/diff/after" journeys
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $root
    rev: $rev
    hooks:
      - id: cxmap-check
YAML
git add -A
export CXMAP_TODAY=2026-11-26
"$state/venv/bin/pre-commit" run --all-files
git commit -q -m "journeys"
# A typo in a key: the hook must fail and show cxmap's diagnostic.
sed -i 's/^owner = "care"$/ownr = "care"/' journeys/buy.toml
git add -A
if "$state/venv/bin/pre-commit" run --all-files > "$work/out" 2>&1; then
  cat "$work/out"
  echo "the hook passed a broken journey file" >&2
  exit 1
fi
grep -q 'unknown key `ownr`' "$work/out" || { cat "$work/out"; echo "no diagnostic shown" >&2; exit 1; }
echo "pre-commit hook cxmap-check: passes valid journeys, stops a broken one"
