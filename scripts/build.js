// The release build after cargo: wasm-bindgen, one wasm-opt pass, esbuild then terser for the JS, content
// hashes, the demo storefront, precompressed .br and .gz files, and the size report that fails
// the build when the shipped brotli total goes over size-budget.json.
//
//   node scripts/build.js <dist dir> <locale>=<laurel-wasm.wasm from cargo> ...
//
// There is one wasm per language (each carries its own catalog, see core/build.rs) and one glue,
// which must come out the same for all of them.
"use strict";
const { execFileSync } = require("child_process");
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const esbuild = require("esbuild");
const terser = require("terser");
const { nameByLikeness } = require("./order-functions");
const { reader, uleb } = require("./wasm-bytes");

const root = path.join(__dirname, "..");
const [distArg, ...wasmArgs] = process.argv.slice(2);
const inputs = wasmArgs.map((a) => a.split("="));
if (!distArg || !inputs.length || inputs.some(([locale, file]) => !locale || !file)) {
  console.error("usage: node scripts/build.js <dist> <locale>=<laurel-wasm.wasm> ...");
  process.exit(2);
}
const dist = path.resolve(distArg);

const run = (cmd, args) => execFileSync(cmd, args, { stdio: ["ignore", "inherit", "inherit"] });
const hash = (bytes) => crypto.createHash("sha256").update(bytes).digest("hex").slice(0, 10);
// Quality 11, and the smallest of a few encoder settings: which block size and distance code
// layout win depends on the file (0.1 to 0.3 KB on the wasm). Any of them decodes the same.
const Z = zlib.constants;
const settings = [
  ...[0, 16, 17, 18, 19, 20, 21, 22, 23, 24].map((lgblock) => [lgblock, 0, 0]),
  // A few direct distance codes (NDIRECT = k << NPOSTFIX) help the wasm's short repeats.
  ...[16, 17].flatMap((lgblock) =>
    [[0, 4], [0, 8], [0, 12], [0, 15], [1, 8], [1, 12], [1, 15], [3, 12]].map(([postfix, k]) => [lgblock, postfix, k << postfix]),
  ),
];
// All tries of all files run at once on libuv's threads; each file's smallest is kept.
const compressed = new Map();
const brotliAsync = require("util").promisify(zlib.brotliCompress);
const brotli = (bytes) => {
  const key = crypto.createHash("sha256").update(bytes).digest("hex");
  if (!compressed.has(key)) {
    const tries = settings.map(([lgblock, postfix, direct]) =>
      brotliAsync(bytes, {
        params: {
          [Z.BROTLI_PARAM_QUALITY]: 11,
          [Z.BROTLI_PARAM_LGBLOCK]: lgblock,
          [Z.BROTLI_PARAM_NPOSTFIX]: postfix,
          [Z.BROTLI_PARAM_NDIRECT]: direct,
          [Z.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }),
    );
    compressed.set(
      key,
      Promise.all(tries).then((all) => all.reduce((a, b) => (b.length < a.length ? b : a))),
    );
  }
  return compressed.get(key);
};

// 1. Per language: JS bindings, then size-optimising passes. The exports removed belong to
//    wasm-streams, which Leptos's server functions pull in; the widget never calls them.
const built = inputs.map(([locale, wasmIn]) => {
  const work = fs.mkdtempSync(path.join(require("os").tmpdir(), "laurel-build-"));
  run("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", work, "--out-name", "laurel-wasm", wasmIn]);
  const wasmOpt = path.join(work, "opt.wasm");
  // --low-memory-unused lets constant offsets fold into loads and stores (0.4 KB brotli). It
  // holds here: the stack comes first and grows down from 1 MiB, so the lowest 1 KiB is only
  // reached by a stack overflow, which corrupts memory with or without it.
  // --converge repeats -Oz until the module stops shrinking (0.1 KB, 3 s). With LLVM's inliner
  // off, binaryen inlines: functions up to 4 bytes always (default 2) measured best, 0.3 KB;
  // 3, 5 and 6 were larger. --flatten then --rereloop first rebuilds each function's control
  // flow from scratch, which -Oz then shrinks further than LLVM's (0.6 KB brotli, 6 s more per
  // language; a filter change and the first view measured the same). --monomorphize would take
  // 0.15 KB more for 25 s. -g keeps the function names for the reordering below.
  run("wasm-opt", [
    "--remove-exports=*intounderlying*",
    "--low-memory-unused",
    "--always-inline-max-function-size=4",
    "--flatten",
    "--rereloop",
    "-Oz",
    "-Oz",
    "--converge",
    // Whole-program flow analysis: values a function, global or call always has become
    // constants, which a last -Oz folds (90 B brotli, 16 s per language).
    "--gufa-optimizing",
    "-Oz",
    "-g",
    path.join(work, "laurel-wasm_bg.wasm"),
    "-o",
    wasmOpt,
  ]);
  // Look-alike functions side by side, for brotli (see order-functions.js); the names go.
  fs.writeFileSync(wasmOpt, nameByLikeness(fs.readFileSync(wasmOpt)));
  run("wasm-opt", ["--reorder-functions-by-name", wasmOpt, "-o", wasmOpt]);
  // Import and export names are hashes such as `__wbg_fetch_858ffa201963e190`, 12 KB of them:
  // they become `a`, `b`, ... in the wasm and in the glue alike.
  const short = shortenNames(fs.readFileSync(wasmOpt));
  fs.writeFileSync(wasmOpt, short.bytes);
  renameInGlue(path.join(work, "laurel-wasm.js"), short.imports, short.exports);
  return { locale, work, wasm: short.bytes, glue: bundleGlue(work) };
});
const glue = built[0].glue;
for (const b of built) {
  if (Buffer.compare(Buffer.from(b.glue), Buffer.from(glue)) !== 0) {
    throw new Error(`the ${b.locale} wasm needs other glue than the ${built[0].locale} one`);
  }
}

// 3. Content-hashed names, so that a CDN may cache them forever; only laurel.js is revalidated.
const glueName = `laurel-wasm.${hash(glue)}.js`;
for (const b of built) b.name = `laurel.${b.locale}.${hash(b.wasm)}.wasm`;
const wasmFiles = JSON.stringify(Object.fromEntries(built.map((b) => [b.locale, b.name])));
const loaderSource = fs
  .readFileSync(path.join(root, "src/embed/laurel.js"), "utf8")
  .replace('"laurel-wasm.js"', JSON.stringify(glueName))
  .replace('{ en: "laurel-wasm_bg.wasm" }', wasmFiles);
if (!loaderSource.includes(glueName) || !loaderSource.includes(wasmFiles)) {
  throw new Error("laurel.js no longer names laurel-wasm.js and its wasm files");
}
// The source's explanatory header stays in the repository; the shipped file names itself in
// one line.
const loader =
  "/*! Laurel loyalty widget loader, MIT OR Apache-2.0 */\n" +
  smaller(esbuild.transformSync(loaderSource, { minify: true, target: "es2020", legalComments: "none" }).code, false);

// 4. dist/: the widget and the demo storefront.
fs.rmSync(dist, { recursive: true, force: true });
fs.mkdirSync(dist, { recursive: true });
fs.writeFileSync(path.join(dist, glueName), glue);
for (const b of built) fs.writeFileSync(path.join(dist, b.name), b.wasm);
fs.writeFileSync(path.join(dist, "laurel.js"), loader);
fs.cpSync(path.join(root, "demo"), dist, { recursive: true });
for (const b of built) fs.rmSync(b.work, { recursive: true, force: true });

// 5. Precompressed files, as a CDN serves them. Every file's brotli tries start at once.
const compressible = /\.(js|wasm|css|html|svg)$/;
const files = fs
  .readdirSync(dist, { recursive: true })
  .map((file) => path.join(dist, file))
  .filter((full) => compressible.test(full) && fs.statSync(full).isFile())
  .map((full) => [full, fs.readFileSync(full)]);
for (const [, bytes] of files) brotli(bytes);
writeCompressed()
  .then(checkBudget)
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });

async function writeCompressed() {
  for (const [full, bytes] of files) {
    fs.writeFileSync(`${full}.br`, await brotli(bytes));
    fs.writeFileSync(`${full}.gz`, zlib.gzipSync(bytes, { level: 9 }));
  }
}

// 6. What a shopper downloads, and the budget: the loader, the glue and the largest wasm. Prints
//    each size and writes dist/sizes.json on the way.
async function checkBudget() {
  const size = async (bytes) => (await brotli(bytes)).length;
  for (const b of built) {
    b.brotli = await size(b.wasm);
    console.log(`size: ${b.name.padEnd(28)} ${(b.wasm.length / 1024).toFixed(1).padStart(6)} KiB raw ${(b.brotli / 1024).toFixed(1).padStart(6)} KiB brotli`);
  }
  const largest = built.reduce((a, b) => (b.brotli > a.brotli ? b : a));
  const assets = [
    ["loader", "laurel.js", Buffer.from(loader)],
    ["glue", glueName, Buffer.from(glue)],
    [`wasm with the CSS and the ${largest.locale} texts, the largest`, largest.name, largest.wasm],
  ];
  const sizes = [];
  for (const [what, file, bytes] of assets) sizes.push({ what, file, raw: bytes.length, brotli: await size(bytes) });
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
}

/** Short names: a, b, ..., z, A, ..., Z, aa, ab, ... */
function shortName(i) {
  const abc = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let name = "";
  do {
    name = abc[i % abc.length] + name;
    i = Math.floor(i / abc.length) - 1;
  } while (i >= 0);
  return name;
}

/**
 * Renames every import to module `w` with a short name, and every export to a short name, in a
 * wasm binary, and drops the custom sections. Returns the new bytes and the old-to-new maps. Only
 * the import and export sections are rewritten; the rest is copied byte for byte.
 */
function shortenNames(wasm) {
  const r = reader(wasm);
  const encName = (s) => Buffer.concat([uleb(Buffer.byteLength(s)), Buffer.from(s)]);
  const imports = new Map();
  const exports = new Map();
  const parts = [wasm.subarray(0, 8)];
  while (r.at < wasm.length) {
    const id = wasm[r.at++];
    const size = r.uleb();
    const end = r.at + size;
    // Custom sections (producers, target features) are metadata no browser reads.
    if (id === 0) {
      r.at = end;
      continue;
    }
    if (id !== 2 && id !== 7) {
      parts.push(Buffer.from([id]), uleb(size), wasm.subarray(r.at, end));
      r.at = end;
      continue;
    }
    const count = r.uleb();
    const body = [uleb(count)];
    for (let i = 0; i < count; i++) {
      if (id === 2) {
        r.name();
        const field = r.name();
        const descStart = r.at;
        r.importDesc();
        if (!imports.has(field)) imports.set(field, shortName(imports.size));
        body.push(encName("w"), encName(imports.get(field)), wasm.subarray(descStart, r.at));
      } else {
        const field = r.name();
        const descStart = r.at;
        r.at++;
        r.uleb();
        exports.set(field, shortName(exports.size));
        body.push(encName(exports.get(field)), wasm.subarray(descStart, r.at));
      }
    }
    if (r.at !== end) throw new Error(`section ${id} was not read to its end`);
    const content = Buffer.concat(body);
    parts.push(Buffer.from([id]), uleb(content.length), content);
  }
  return { bytes: Buffer.concat(parts), imports, exports };
}

/** The glue with the new names: its import object's keys and module, and every `wasm.X`. */
function renameInGlue(file, imports, exports) {
  let js = fs.readFileSync(file, "utf8");
  const moduleKey = '"./laurel-wasm_bg.js":';
  if (!js.includes(moduleKey)) throw new Error("the glue's import module has another name");
  js = js.replace(moduleKey, '"w":');
  for (const [oldName, newName] of imports) {
    const key = new RegExp(`\\b${oldName}:`, "g");
    if (!key.test(js)) throw new Error(`import ${oldName} is not in the glue`);
    js = js.replace(key, `${newName}:`);
  }
  for (const [oldName, newName] of exports) {
    js = js.replace(new RegExp(`\\bwasm\\.${oldName}\\b`, "g"), `wasm.${newName}`);
  }
  // What the wasm no longer uses goes from the glue too, so that esbuild can drop what only it
  // referenced: wasm-streams' classes (their top-level dispose hooks would keep them alive) and
  // import functions of imports that wasm-opt removed.
  js = js
    .replace(/^export class IntoUnderlying\w+ \{[\s\S]*?^\}\n/gm, "")
    .replace(/^if \(Symbol\.dispose\) IntoUnderlying\w+\.prototype.*\n/gm, "")
    .replace(/^const IntoUnderlying\w+Finalization = [\s\S]*?;\n/gm, "")
    .replace(/^ {8}(__wbg_\w+|__wbindgen_\w+): function\([^)]*\) \{\n[\s\S]*?^ {8}\},\n/gm, "");
  if (/IntoUnderlying/.test(js)) throw new Error("wasm-streams' glue is still referenced");
  fs.writeFileSync(file, trimGlue(js));
}

/**
 * The glue's start-up, cut to what laurel.js uses: it hands over the wasm's fetch() response,
 * so the URL and Request forms, the deprecated call forms and their warnings go, and so does the
 * polyfill for TextEncoder.encodeInto, which every browser with wasm streaming has. A response
 * served without the wasm MIME type still falls back to instantiate(), as wasm-bindgen's does.
 * Each block must be found, so a new wasm-bindgen fails the build here instead of shipping the
 * old start-up.
 */
function trimGlue(js) {
  // Replaces from `from` up to (not including) `to`.
  const cut = (from, to, replacement) => {
    const start = js.indexOf(from);
    const end = js.indexOf(to, start);
    if (start < 0 || end < 0) throw new Error(`the glue has no block ${JSON.stringify(from)}`);
    js = js.slice(0, start) + replacement + js.slice(end);
  };
  cut("if (!('encodeInto' in cachedTextEncoder))", "\nlet WASM_VECTOR_LEN", "");
  // Every browser that runs the widget has FinalizationRegistry: no stand-in for it.
  cut(
    "const CLOSURE_DTORS = (typeof FinalizationRegistry",
    "new FinalizationRegistry(state",
    "const CLOSURE_DTORS = ",
  );
  // A fresh decoder every 2 GB decoded, for a Safari limit: the widget decodes kilobytes.
  cut(
    "const MAX_SAFARI_DECODE_BYTES",
    "\nconst cachedTextEncoder",
    "function decodeText(bytes) {\n    return cachedTextDecoder.decode(bytes);\n}\n",
  );
  cut(
    "async function __wbg_load(",
    "\nexport {",
    `async function __wbg_init(response) {
    if (wasm !== undefined) return wasm;
    const imports = __wbg_get_imports();
    response = await response;
    if (!response.ok) throw new Error(\`\${response.status} fetching \${response.url}\`);
    let result;
    try {
        result = await WebAssembly.instantiateStreaming(response, imports);
    } catch (e) {
        if (response.headers.get("Content-Type") === "application/wasm") throw e;
        result = await WebAssembly.instantiate(await response.arrayBuffer(), imports);
    }
    return __wbg_finalize_init(result.instance, result.module);
}
`
  );
  const exports = "export { initSync, __wbg_init as default };";
  if (!js.includes(exports)) throw new Error("the glue exports something new");
  return js.replace(exports, "export { __wbg_init as default };");
}

/**
 * A second minifier over esbuild's output: terser's repeated passes, and anonymous functions
 * that never use `this` as arrows, take 50 B brotli off the loader and 110 B off the glue.
 * Neither file constructs a function with `new`, which is what makes the arrows safe here.
 */
function smaller(code, module) {
  return terser.minify_sync(code, {
    ecma: 2020,
    module,
    toplevel: true,
    compress: { passes: 6, unsafe_arrows: true, unsafe_methods: true },
    mangle: true,
    format: { comments: false },
  }).code;
}

/** 2. The glue, keeping only what laurel.js calls, minified. */
function bundleGlue(work) {
  const bundled = esbuild.buildSync({
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
  }).outputFiles[0].text;
  return Buffer.from(smaller(bundled, true));
}
