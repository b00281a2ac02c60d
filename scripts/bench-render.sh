#!/usr/bin/env bash
# Builtin renderer vs Graphviz `dot` on the same journeys, side by side.
# Usage: scripts/bench-render.sh [DOT_TIMEOUT_SECONDS]   (default 120)
set -euo pipefail
cd "$(dirname "$0")/.."
limit="${1:-120}"
command -v dot >/dev/null || { echo "Graphviz dot is not installed" >&2; exit 2; }
cargo build --release --quiet --example generate
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

seconds() { # run a command, print its wall time in seconds, or "timeout"/"failed"
  local start end
  start=$(date +%s.%N)
  if timeout "$limit" "$@" >/dev/null 2>"$work/err"; then
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l | xargs printf '%.3f'
  elif [ $? -eq 124 ]; then
    echo "timeout (>${limit} s)"
  else
    echo "failed: $(head -c 120 "$work/err" | tr '\n' ' ')"
  fi
}

printf '| touchpoints | builtin map + blueprint (SVG) | dot -Tsvg on the DOT | speed-up of builtin |\n|---:|---:|---:|---:|\n'
for n in 100 1000 5000; do
  ws="$work/ws-$n"
  ./target/release/examples/generate "$ws" "$n" 1
  builtin=$(seconds ./target/release/cxmap render "$ws" -o "$work/out-$n")
  ./target/release/cxmap render "$ws" --view map --format dot -o "$work/dot-$n" >/dev/null
  graphviz=$(seconds dot -Tsvg "$work/dot-$n/journey-000.map.dot" -o "$work/dot-$n/out.svg")
  ratio="-"
  if [[ "$graphviz" =~ ^[0-9.]+$ ]]; then
    ratio=$(echo "$graphviz / $builtin" | bc -l | xargs printf '%.0f×')
  fi
  printf '| %s | %s s | %s | %s |\n' "$n" "$builtin" "${graphviz}$([[ "$graphviz" =~ ^[0-9.]+$ ]] && echo ' s')" "$ratio"
done
