// The release build after cargo: wasm-bindgen, one wasm-opt pass, esbuild for the JS, content
// hashes, the demo storefront, precompressed .br and .gz files, and the size report that fails
// the build when the shipped brotli total goes over size-budget.json.
//
//   node scripts/build.js <laurel-wasm.wasm from cargo> <dist dir>
"use strict";
const { execFileSync } = require("child_process");
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const esbuild = require("esbuild");

const root = path.join(__dirname, "..");
const [wasmIn, distArg] = process.argv.slice(2);
if (!wasmIn || !distArg) {
  console.error("usage: node scripts/build.js <laurel-wasm.wasm> <dist>");
  process.exit(2);
}
const dist = path.resolve(distArg);
const work = fs.mkdtempSync(path.join(require("os").tmpdir(), "laurel-build-"));

const run = (cmd, args) => execFileSync(cmd, args, { stdio: ["ignore", "inherit", "inherit"] });
const hash = (bytes) => crypto.createHash("sha256").update(bytes).digest("hex").slice(0, 10);
const brotli = (bytes) => zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });

// 1. JS bindings, then one size-optimising pass. The exports removed belong to wasm-streams,
//    which Leptos's server functions pull in; the widget never calls them.
run("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", work, "--out-name", "laurel-wasm", wasmIn]);
const wasmOpt = path.join(work, "opt.wasm");
run("wasm-opt", ["-Oz", "--remove-exports=*intounderlying*", path.join(work, "laurel-wasm_bg.wasm"), "-o", wasmOpt]);

// 2. The glue, keeping only what laurel.js calls, minified.
const glue = esbuild.buildSync({
  stdin: {
    contents: 'export { default, command, connect, disconnect, changed } from "./laurel-wasm.js";',
    resolveDir: work,
  },
  bundle: true,
  format: "esm",
  minify: true,
  target: "es2020",
  write: false,
  logLevel: "warning",
}).outputFiles[0].contents;

// 3. Content-hashed names, so that a CDN may cache them forever; only laurel.js is revalidated.
const wasm = fs.readFileSync(wasmOpt);
const glueName = `laurel-wasm.${hash(glue)}.js`;
const wasmName = `laurel.${hash(wasm)}.wasm`;
const loaderSource = fs
  .readFileSync(path.join(root, "src/embed/laurel.js"), "utf8")
  .replace('"laurel-wasm.js"', JSON.stringify(glueName))
  .replace('"laurel-wasm_bg.wasm"', JSON.stringify(wasmName));
if (!loaderSource.includes(glueName) || !loaderSource.includes(wasmName)) {
  throw new Error("laurel.js no longer names laurel-wasm.js and laurel-wasm_bg.wasm");
}
const loader = esbuild.transformSync(loaderSource, { minify: true, target: "es2017", legalComments: "inline" }).code;

// 4. dist/: the widget and the demo storefront.
fs.rmSync(dist, { recursive: true, force: true });
fs.mkdirSync(dist, { recursive: true });
fs.writeFileSync(path.join(dist, glueName), glue);
fs.writeFileSync(path.join(dist, wasmName), wasm);
fs.writeFileSync(path.join(dist, "laurel.js"), loader);
fs.cpSync(path.join(root, "demo"), dist, { recursive: true });
fs.rmSync(work, { recursive: true, force: true });

// 5. Precompressed files, as a CDN serves them.
const compressible = /\.(js|wasm|css|html|svg)$/;
for (const file of fs.readdirSync(dist, { recursive: true })) {
  const full = path.join(dist, file);
  if (!compressible.test(file) || !fs.statSync(full).isFile()) continue;
  const bytes = fs.readFileSync(full);
  fs.writeFileSync(`${full}.br`, brotli(bytes));
  fs.writeFileSync(`${full}.gz`, zlib.gzipSync(bytes, { level: 9 }));
}

// 6. What a shopper downloads, and the budget.
const assets = [
  ["loader", "laurel.js", Buffer.from(loader)],
  ["glue", glueName, Buffer.from(glue)],
  ["wasm (with the CSS)", wasmName, wasm],
];
const sizes = assets.map(([what, file, bytes]) => ({ what, file, raw: bytes.length, brotli: brotli(bytes).length }));
const total = sizes.reduce((n, s) => n + s.brotli, 0);
for (const s of sizes) {
  console.log(`size: ${s.file.padEnd(28)} ${(s.raw / 1024).toFixed(1).padStart(6)} KiB raw ${(s.brotli / 1024).toFixed(1).padStart(6)} KiB brotli  (${s.what})`);
}
const budget = JSON.parse(fs.readFileSync(path.join(root, "size-budget.json"), "utf8"));
console.log(`size: total ${(total / 1024).toFixed(1)} KiB brotli (${total} bytes); budget ${(budget.brotli_bytes / 1024).toFixed(1)} KiB (${budget.brotli_bytes} bytes)`);
fs.writeFileSync(path.join(dist, "sizes.json"), JSON.stringify({ total, budget: budget.brotli_bytes, assets: sizes }, null, 2));
if (total > budget.brotli_bytes) {
  console.error(`size: over budget by ${total - budget.brotli_bytes} bytes: make room before adding, see size-budget.json`);
  process.exit(1);
}
