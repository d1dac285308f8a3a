#!/usr/bin/env bash
# Lighthouse (npm lighthouse, mobile preset: the default form factor with
# simulated throttling) on the showcase job and its company's page, served
# by a release ascend-server with a throw-away database, as `make run`
# serves it. Each page is measured RUNS times (default 5), as scores move
# by a few points from run to run; every run is printed, with the four
# category scores against Ascend's targets (performance 98, the rest 100)
# and LCP against 1.5 s. Run it on an otherwise idle machine.
#   scripts/lighthouse.sh [SERVER_BINARY] [PATH ...]
set -euo pipefail
cd "$(dirname "$0")/.."

server=${1:-target/release/ascend-server}
shift || true
paths=("$@")
[ ${#paths[@]} -gt 0 ] || paths=(/jobs/backend-engineer-personalization-cadence /companies/cadence)
runs=${RUNS:-5}
if [ -z "${ASCEND_BASE_URL:-}" ]; then
  [ -x "$server" ] || { echo "error: $server is missing: run 'cargo build --release -p ascend-server'" >&2; exit 1; }
  exec scripts/with-server.sh "$server" "$0" "$server" "${paths[@]}"
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
mkdir -p target/lighthouse
failed=0
for path in "${paths[@]}"; do
  name=$(printf '%s' "$path" | tr -c 'a-z0-9' '-' | sed 's/^-*//')
  for run in $(seq 1 "$runs"); do
    CHROME_PATH=${CHROMIUM_PATH:-/usr/bin/chromium} node_modules/.bin/lighthouse "$ASCEND_BASE_URL$path" \
      --quiet \
      --only-categories=performance,accessibility,best-practices,seo \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage" \
      --output=json --output=html --output-path="$out/report"
    cp "$out/report.report.html" "target/lighthouse/$name-$run.html"
    cp "$out/report.report.json" "target/lighthouse/$name-$run.json"
    node - "$out/report.report.json" "$run/$runs" <<'JS' || failed=1
const fs = require("node:fs");
const report = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const targets = { performance: 98, accessibility: 100, "best-practices": 100, seo: 100 };
const LCP_TARGET_MS = 1500;
let short = false;
console.log(`Lighthouse ${report.lighthouseVersion} on ${report.finalDisplayedUrl} (${report.configSettings.formFactor}), run ${process.argv[3]}`);
for (const [id, target] of Object.entries(targets)) {
  const score = Math.round(report.categories[id].score * 100);
  if (score < target) short = true;
  console.log(`  ${report.categories[id].title.padEnd(16)} ${String(score).padStart(3)}  (target ${target})${score < target ? "  BELOW" : ""}`);
  if (score < 100) {
    // What cost points: every audit of the category that did not pass.
    for (const ref of report.categories[id].auditRefs) {
      const audit = report.audits[ref.id];
      if (ref.weight > 0 && audit.score !== null && audit.score < 0.9) {
        console.log(`      - ${audit.title}${audit.displayValue ? `: ${audit.displayValue}` : ""}`);
      }
    }
  }
}
const metric = (id) => report.audits[id]?.displayValue ?? "n/a";
const lcp = report.audits["largest-contentful-paint"]?.numericValue ?? Infinity;
if (lcp > LCP_TARGET_MS) short = true;
console.log(`  CLS ${metric("cumulative-layout-shift")}, LCP ${metric("largest-contentful-paint")} (target 1.5 s)${lcp > LCP_TARGET_MS ? "  ABOVE" : ""}, FCP ${metric("first-contentful-paint")}, TBT ${metric("total-blocking-time")}`);
if (short) process.exitCode = 1;
JS
  done
done
echo "Reports: target/lighthouse/"
exit "$failed"
