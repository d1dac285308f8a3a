#!/usr/bin/env bash
# Prints the size of each file trunk built, raw and as the .br/.gz the
# server sends, for each entry point: the whole app (dist/), the job page's
# own (dist/job/) and the embeddable widget (dist/widget/), each with the
# total its first load transfers (html, css, js, wasm).
set -euo pipefail
dir=${1:-dist}
for entry in "$dir" "$dir/job" "$dir/widget"; do
  [ -d "$entry" ] || continue
  printf '\n%s\n' "$entry/"
  printf '%-44s %10s %10s %10s\n' file raw brotli gzip
  total_raw=0 total_br=0
  for f in "$entry"/*.{wasm,js,css,html}; do
    [ -f "$f" ] || continue
    raw=$(stat -c %s "$f")
    br=$(stat -c %s "$f.br" 2>/dev/null || echo "$raw")
    gz=$(stat -c %s "$f.gz" 2>/dev/null || echo "$raw")
    printf '%-44s %10s %10s %10s\n' "$(basename "$f")" "$raw" "$br" "$gz"
    total_raw=$((total_raw + raw)); total_br=$((total_br + br))
  done
  printf '%-44s %10s %10s\n' "total (html, css, js, wasm)" "$total_raw" "$total_br"
done
