#!/usr/bin/env bash
# The embeddable widget's budgets, checked on the built files:
#   embed.js (the loader partners include)          at most  5 KB brotli
#   the widget's entry point (its wasm and its JS)  at most 120 KB brotli
# Prints each figure, raw and brotli, and fails when one is over, or when
# a released wasm file carries an absolute path of the build machine.
#   scripts/budget-embed.sh [DIST]
set -euo pipefail
dist=${1:-dist}
loader_budget=$((5 * 1024))
widget_budget=$((120 * 1024))

# Brotli size from the .br trunk's hook wrote, or computed when missing.
brotli_size() {
  if [ -f "$1.br" ]; then
    stat -c %s "$1.br"
  else
    node -e 'const z=require("node:zlib");const b=require("node:fs").readFileSync(process.argv[1]);
      console.log(z.brotliCompressSync(b,{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}).length)' "$1"
  fi
}

loader="$dist/embed.js"
wasm=$(ls "$dist"/widget/embed-*_bg.wasm 2>/dev/null | head -n1 || true)
glue=${wasm%_bg.wasm}.js
if [ ! -f "$loader" ] || [ -z "$wasm" ] || [ ! -f "$glue" ]; then
  echo "budget-embed: $dist/embed.js or $dist/widget/embed-*.{js,wasm} is missing: build the front end first" >&2
  exit 2
fi

status=0
printf '%-36s %10s %10s %10s\n' file raw brotli budget
report() { # name raw brotli budget
  printf '%-36s %10s %10s %10s\n' "$1" "$2" "$3" "${4:-}"
}
loader_br=$(brotli_size "$loader")
report embed.js "$(stat -c %s "$loader")" "$loader_br" "$loader_budget"
wasm_br=$(brotli_size "$wasm")
glue_br=$(brotli_size "$glue")
report "widget/$(basename "$wasm")" "$(stat -c %s "$wasm")" "$wasm_br"
report "widget/$(basename "$glue")" "$(stat -c %s "$glue")" "$glue_br"
widget_raw=$(($(stat -c %s "$wasm") + $(stat -c %s "$glue")))
widget_br=$((wasm_br + glue_br))
report "widget entry point (wasm + JS)" "$widget_raw" "$widget_br" "$widget_budget"
if [ "$loader_br" -gt "$loader_budget" ]; then
  echo "FAIL: embed.js is $loader_br bytes brotli, over its $loader_budget" >&2
  status=1
fi
if [ "$widget_br" -gt "$widget_budget" ]; then
  echo "FAIL: the widget's wasm and JS are $widget_br bytes brotli, over their $widget_budget" >&2
  status=1
fi
# The released wasm names no path of the machine that built it (the
# Makefile remaps cargo's registry and the checkout in panic locations).
cargo_dir=${CARGO_HOME:-$HOME/.cargo}
for file in "$dist"/*.wasm "$dist"/job/*.wasm "$dist"/widget/*.wasm; do
  [ -f "$file" ] || continue
  found=$(grep -a -o -F -e "$cargo_dir/" -e "$PWD/" "$file" | wc -l || true)
  printf '%-36s %10s\n' "build paths in $(basename "$file")" "$found"
  if [ "$found" -gt 0 ]; then
    echo "FAIL: $file carries $found absolute build paths ($cargo_dir/ or $PWD/)" >&2
    status=1
  fi
done
[ "$status" -eq 0 ] && echo "embed budgets: ok"
exit "$status"
