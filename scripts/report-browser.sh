#!/usr/bin/env bash
# Opens an HTML report in real headless Chromium and saves a screenshot (PNG) and a PDF,
# as a reader would see and print it.
# Usage: scripts/report-browser.sh REPORT.html OUT.png OUT.pdf [WIDTHxHEIGHT]
set -euo pipefail
report="$1"; png="$2"; pdf="$3"; size="${4:-1280x2200}"
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$browser" ] || { echo "Chromium is not installed" >&2; exit 2; }
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
url="file://$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
       --disable-background-networking --disable-component-update --disable-sync
       --hide-scrollbars --user-data-dir="$profile")
timeout 120 "$browser" "${flags[@]}" --window-size="${size/x/,}" --screenshot="$png" "$url" >/dev/null 2>&1
timeout 120 "$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$pdf" "$url" >/dev/null 2>&1
[ -s "$png" ] && [ -s "$pdf" ]
