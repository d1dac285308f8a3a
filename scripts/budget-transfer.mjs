// What a first visit to a job page transfers, against the 250 KB budget.
// Loads the page in Debian's Chromium on a fresh context (nothing cached),
// lists every response except images, then fetches each again with
// `Accept-Encoding: br` (Chromium offers brotli over HTTPS only, and the test
// server is plain HTTP) and counts the bytes on the wire: status line,
// headers and the encoded body. Also shows what Chromium itself received.
//   node scripts/budget-transfer.mjs [base-url] [path]
// The base URL defaults to $ASCEND_BASE_URL (scripts/with-server.sh sets it).
import http from "node:http";
import { chromium } from "@playwright/test";

const BUDGET = 250_000;
const base = process.argv[2] ?? process.env.ASCEND_BASE_URL ?? "http://127.0.0.1:8080";
const path = process.argv[3] ?? "/jobs/backend-engineer-personalization-cadence";

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const context = await browser.newContext();
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send("Network.enable");
await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });

const seen = new Map();
cdp.on("Network.responseReceived", ({ requestId, type, response }) => {
  seen.set(requestId, { url: response.url, type, status: response.status, browserBytes: 0 });
});
cdp.on("Network.loadingFinished", ({ requestId, encodedDataLength }) => {
  const entry = seen.get(requestId);
  if (entry) entry.browserBytes = encodedDataLength;
});

const first = await page.goto(base + path, { waitUntil: "networkidle" });
if (!first || first.status() !== 200) {
  console.error(`error: ${path} answered ${first?.status()}`);
  process.exit(1);
}
await browser.close();

/// Bytes on the wire for one GET with `Accept-Encoding: br`.
function brotliSize(url) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "accept-encoding": "br" } }, (response) => {
        let body = 0;
        response.on("data", (chunk) => (body += chunk.length));
        response.on("end", () => {
          const head = `HTTP/1.1 ${response.statusCode} ${response.statusMessage}\r\n`.length +
            response.rawHeaders.reduce((sum, part) => sum + part.length + 2, 0) + 2;
          resolve({ body, total: head + body, encoding: response.headers["content-encoding"] ?? "identity" });
        });
      })
      .on("error", reject);
  });
}

const rows = [];
for (const entry of seen.values()) {
  if (entry.type === "Image" || !entry.url.startsWith("http")) continue;
  const br = await brotliSize(entry.url);
  rows.push({ ...entry, ...br });
}
const kb = (n) => `${(n / 1000).toFixed(1).padStart(7)} KB`;
console.log(`First visit to ${path} (images excluded); KB = 1000 bytes`);
console.log(`${"brotli".padStart(10)} ${"browser".padStart(10)}  encoding  type        resource`);
for (const row of rows) {
  const name = new URL(row.url).pathname;
  console.log(`${kb(row.total)} ${kb(row.browserBytes)}  ${row.encoding.padEnd(8)}  ${row.type.padEnd(10)}  ${name}`);
}
const total = rows.reduce((sum, row) => sum + row.total, 0);
const browserTotal = rows.reduce((sum, row) => sum + row.browserBytes, 0);
console.log(`${kb(total)} ${kb(browserTotal)}  total, budget ${kb(BUDGET).trim()} brotli`);
if (total > BUDGET) {
  console.error(`error: ${total} bytes is over the ${BUDGET}-byte budget`);
  process.exit(1);
}
