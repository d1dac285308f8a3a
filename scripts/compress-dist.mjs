// Trunk post-build hook: writes a brotli (.br) and a gzip (.gz) copy beside
// every compressible file in trunk's staging folder, at the highest levels,
// so that the server never compresses static files at request time.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { bundleCss } from "./bundle-css.mjs";

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error("compress-dist: set TRUNK_STAGING_DIR or pass a folder");
  process.exit(2);
}
const compressible = /\.(html|js|mjs|css|wasm|svg|json|txt|xml|webmanifest)$/;

function walk(folder) {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) {
      walk(path);
    } else if (compressible.test(name)) {
      const raw = readFileSync(path);
      const br = brotliCompressSync(raw, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        },
      });
      const gz = gzipSync(raw, { level: 9 });
      // A compressed copy that is not smaller only costs the client time.
      if (br.length < raw.length) writeFileSync(`${path}.br`, br);
      if (gz.length < raw.length) writeFileSync(`${path}.gz`, gz);
    }
  }
}

bundleCss(dir);
walk(dir);
