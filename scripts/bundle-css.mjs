// Run by compress-dist.mjs before it compresses: joins the stylesheets
// each HTML page in trunk's staging folder links into one file, in their
// order, so a first visit makes one render-blocking request instead of one
// per component (23 of them). The joined file is named by its content's
// hash and linked with its own integrity digest.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";

const stylesheet = /<link\b[^>]*\brel="?stylesheet"?[^>]*>/g;
const hrefOf = (tag) => tag.match(/\bhref="?([^"\s>]+)"?/)?.[1];

export function bundleCss(dir) {
  for (const page of readdirSync(dir).filter((name) => name.endsWith(".html"))) {
    const path = join(dir, page);
    const html = readFileSync(path, "utf8");
    const links = [...html.matchAll(stylesheet)]
      .map((m) => ({ tag: m[0], href: hrefOf(m[0]) }))
      .filter((link) => link.href?.endsWith(".css") && existsSync(join(dir, basename(link.href))));
    if (links.length < 2) continue;

    const css = links.map((link) => readFileSync(join(dir, basename(link.href)), "utf8")).join("\n");
    const name = `${page.replace(/\.html$/, "")}-styles-${createHash("sha256").update(css).digest("hex").slice(0, 16)}.css`;
    writeFileSync(join(dir, name), css);
    const integrity = `sha384-${createHash("sha384").update(css).digest("base64")}`;
    const prefix = links[0].href.slice(0, links[0].href.length - basename(links[0].href).length);

    let out = html.replace(links[0].tag, `<link href="${prefix}${name}" integrity="${integrity}" rel="stylesheet">`);
    for (const link of links.slice(1)) out = out.replace(link.tag, "");
    writeFileSync(path, out);
    for (const link of links) unlinkSync(join(dir, basename(link.href)));
    console.log(`bundle-css: ${page}: ${links.length} stylesheets joined into ${name} (${css.length} bytes)`);
  }
}
