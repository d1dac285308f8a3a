#!/usr/bin/env bash
# Lighthouse (npm lighthouse, mobile preset: the default form factor with
# simulated throttling) on the showcase job, served by a release
# ascend-server with a throw-away database, as `make run` serves it.
# Prints the four category scores against Ascend's targets and the CLS.
#   scripts/lighthouse.sh [SERVER_BINARY] [PATH]
set -euo pipefail
cd "$(dirname "$0")/.."

server=${1:-target/release/ascend-server}
path=${2:-/jobs/backend-engineer-personalization-cadence}
if [ -z "${ASCEND_BASE_URL:-}" ]; then
  [ -x "$server" ] || { echo "error: $server is missing: run 'cargo build --release -p ascend-server'" >&2; exit 1; }
  exec scripts/with-server.sh "$server" "$0" "$server" "$path"
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
CHROME_PATH=${CHROMIUM_PATH:-/usr/bin/chromium} node_modules/.bin/lighthouse "$ASCEND_BASE_URL$path" \
  --quiet \
  --only-categories=performance,accessibility,best-practices,seo \
  --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage" \
  --output=json --output=html --output-path="$out/report"
mkdir -p target/lighthouse
cp "$out/report.report.html" target/lighthouse/report.html
cp "$out/report.report.json" target/lighthouse/report.json

node - "$out/report.report.json" <<'JS'
const fs = require("node:fs");
const report = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const targets = { performance: 95, accessibility: 100, "best-practices": 100, seo: 100 };
let short = false;
console.log(`Lighthouse ${report.lighthouseVersion} on ${report.finalDisplayedUrl} (${report.configSettings.formFactor})`);
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
console.log(`  CLS ${metric("cumulative-layout-shift")}, LCP ${metric("largest-contentful-paint")}, FCP ${metric("first-contentful-paint")}, TBT ${metric("total-blocking-time")}`);
console.log("  Full report: target/lighthouse/report.html");
if (short) process.exitCode = 1;
JS
