// Takes full-page screenshots of Ascend's pages at phone and desktop widths,
// in light and dark, with Debian's Chromium. Usage:
//   node scripts/screenshots.mjs [base-url] [out-dir] [path ...]
import { mkdirSync } from "node:fs";
import { chromium } from "@playwright/test";

const [base = "http://127.0.0.1:8080", out = "target/screenshots", ...paths] = process.argv.slice(2);
const pages = paths.length ? paths : ["/jobs", "/jobs/backend-engineer-personalization-cadence", "/jobs/no-such-job", "/nowhere"];
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
for (const scheme of ["light", "dark"]) {
  for (const width of [390, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 844 }, colorScheme: scheme });
    const page = await context.newPage();
    for (const path of pages) {
      await page.goto(base + path, { waitUntil: "networkidle" });
      await page.waitForSelector("[aria-busy=true]", { state: "detached", timeout: 10_000 }).catch(() => {});
      const name = `${path.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "root"}-${width}-${scheme}.png`;
      await page.screenshot({ path: `${out}/${name}`, fullPage: true });
      console.log(`${out}/${name}`);
    }
    await context.close();
  }
}
await browser.close();
