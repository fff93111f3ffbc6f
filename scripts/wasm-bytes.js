// The few parts of the wasm binary format the build reads and writes: LEB128 numbers, names and
// import entries. Shared by build.js (renaming imports and exports) and order-functions.js.
"use strict";

/** A cursor over `wasm` from byte `at`. */
function reader(wasm, at = 8) {
  const r = {
    at,
    uleb() {
      let n = 0;
      let shift = 0;
      let b;
      do {
        b = wasm[r.at++];
        n += (b & 0x7f) * 2 ** shift;
        shift += 7;
      } while (b & 0x80);
      return n;
    },
    name() {
      const len = r.uleb();
      const s = wasm.subarray(r.at, r.at + len).toString("utf8");
      r.at += len;
      return s;
    },
    /** Skips an import's descriptor; whether it imports a function. */
    importDesc() {
      const kind = wasm[r.at++];
      if (kind === 0x00 || kind === 0x04) {
        if (kind === 0x04) r.at++;
        r.uleb();
      } else if (kind === 0x01) {
        r.at++;
        limits();
      } else if (kind === 0x02) {
        limits();
      } else if (kind === 0x03) {
        r.at += 2;
      } else {
        throw new Error(`unknown import kind ${kind}`);
      }
      return kind === 0x00;
    },
  };
  const limits = () => {
    const flags = wasm[r.at++];
    r.uleb();
    if (flags & 1) r.uleb();
  };
  return r;
}

/** `n` as unsigned LEB128. */
function uleb(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return Buffer.from(out);
}

module.exports = { reader, uleb };
