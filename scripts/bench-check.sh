#!/usr/bin/env bash
# `cxmap check --format json` beside a naive Python script of the same rules
# (benches/naive_check.py: tomllib, plain dicts, a search per purchase touchpoint), on the
# generated workspaces of the check benchmark (20 journey files), with cxmap's peak memory
# against the size of its input. Wall times are the best of RUNS runs (default 3).
# Usage: scripts/bench-check.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
command -v python3 >/dev/null || { echo "python3 is not installed" >&2; exit 2; }
python3 -c 'import tomllib' 2>/dev/null || { echo "python3 is older than 3.11 (no tomllib)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is not installed (Debian: apt install time)" >&2; exit 2; }
cargo build --release --quiet --example generate
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Runs a command RUNS times; prints "<best wall seconds> <peak RSS in KiB of that run>".
best() {
  local best_s="" best_kb=""
  for _ in $(seq "$runs"); do
    # cxmap exits 1 when it has findings: that is its answer, not a failure here.
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" || [ $? -eq 1 ] \
      || { echo "failed: $* ($(head -c 200 "$work/err"))" >&2; exit 1; }
    read -r s kb <"$work/time"
    if [ -z "$best_s" ] || awk -v a="$s" -v b="$best_s" 'BEGIN { exit !(a < b) }'; then
      best_s=$s best_kb=$kb
    fi
  done
  echo "$best_s $best_kb"
}

printf '| touchpoints | input | cxmap check | peak memory | memory / input | naive Python | cxmap speed-up |\n'
printf '|---:|---:|---:|---:|---:|---:|---:|\n'
for n in 1000 10000 100000; do
  ws="$work/ws-$n"
  ./target/release/examples/generate "$ws" "$n" 20
  bytes=$(cat "$ws"/*.toml | wc -c)
  read -r cx_s cx_kb < <(best ./target/release/cxmap check "$ws" --format json)
  read -r py_s _ < <(best python3 benches/naive_check.py "$ws")
  awk -v n="$n" -v b="$bytes" -v cs="$cx_s" -v ck="$cx_kb" -v ps="$py_s" 'BEGIN {
    mb = b / 1048576; peak = ck / 1024
    # /usr/bin/time shows hundredths: a run under 0.005 s shows as 0.00.
    speedup = (cs > 0 ? sprintf("%.1f×", ps / cs) : sprintf("> %.0f×", ps / 0.005))
    printf "| %d | %.1f MB | %.2f s | %.0f MB | %.1f× | %.2f s | %s |\n", n, mb, cs, peak, peak / mb, ps, speedup
  }'
done
