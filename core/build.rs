//! Turns `src/i18n/catalogs/*.json` into `Messages` (a field per English key) and a static per
//! language. The widget's release build sets `LAUREL_LOCALE` to compile in one language only:
//! `./dev build` makes one wasm per language, and a shopper downloads the one for the page.
//! Without it (tests, the dev API) every language is compiled in; with it, the one catalog is
//! packed a byte per character (see `packed`).
use std::fmt::Write;
use std::{env, fs, path::Path};

const LOCALES: [&str; 4] = ["en", "th", "id", "fa"];

type Catalog = serde_json::Map<String, serde_json::Value>;

fn read(locale: &str) -> Catalog {
    let path = Path::new("src/i18n/catalogs").join(format!("{locale}.json"));
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    match serde_json::from_str(&text) {
        Ok(serde_json::Value::Object(m)) => m,
        _ => panic!("{} is not a JSON object of strings", path.display()),
    }
}

/// A catalog's texts as `i18n::Packed` source: one byte per character, ASCII as itself and the
/// `i`th of the catalog's other characters as `0x80 + i`, the texts parted by NULs. Thai and
/// Persian take three and two bytes a character in UTF-8, which brotli compresses less well:
/// packed, the largest wasm is 0.5 KB smaller.
fn packed(texts: &[&str]) -> String {
    let mut chars: Vec<char> = texts
        .iter()
        .flat_map(|t| t.chars())
        .filter(|c| !c.is_ascii())
        .collect();
    chars.sort_unstable();
    chars.dedup();
    assert!(
        chars.len() <= 128,
        "a catalog has more than 128 characters beyond ASCII"
    );
    let mut bytes = String::new();
    for (i, text) in texts.iter().enumerate() {
        assert!(!text.contains('\0'), "a catalog text holds a NUL");
        if i > 0 {
            bytes.push_str("\\0");
        }
        for c in text.chars() {
            let b = match chars.binary_search(&c) {
                Ok(i) => 0x80 + i,
                Err(_) => c as usize,
            };
            match u8::try_from(b) {
                Ok(b) if (b.is_ascii_graphic() && b != b'"' && b != b'\\') || b == b' ' => {
                    bytes.push(char::from(b))
                }
                _ => {
                    let _ = write!(bytes, "\\x{b:02x}");
                }
            }
        }
    }
    format!("Packed {{ bytes: b\"{bytes}\", chars: &{chars:?} }}")
}

fn main() {
    println!("cargo:rerun-if-changed=src/i18n/catalogs");
    println!("cargo:rerun-if-env-changed=LAUREL_LOCALE");
    println!("cargo::rustc-check-cfg=cfg(laurel_one_locale)");
    let only = env::var("LAUREL_LOCALE").ok().filter(|l| !l.is_empty());
    if let Some(l) = &only {
        assert!(
            LOCALES.contains(&l.as_str()),
            "LAUREL_LOCALE={l}: expected one of {LOCALES:?}"
        );
        println!("cargo:rustc-cfg=laurel_one_locale");
    }
    let english = read("en");
    let mut out = String::from(
        "/// One locale's strings, from `catalogs/<locale>.json`. `{name}` placeholders are filled\n\
         /// by [`fill`]; `{points}` is always a filled `points_amount`; numbers and dates are\n\
         /// formatted by `Intl` first.\n#[derive(Debug, Clone)]\n#[repr(C)]\npub struct Messages {\n",
    );
    for (key, text) in &english {
        let _ = writeln!(
            out,
            "    /// English: {:?}\n    pub {key}: &'static str,",
            text.as_str().unwrap_or_default()
        );
    }
    out.push_str("}\n");
    // The keys in field order, for a shop's labels (`data-labels`): one string, so that the
    // release wasm carries no table of pointers for them.
    let keys: Vec<&str> = english.keys().map(String::as_str).collect();
    let _ = writeln!(out, "pub const KEYS: &str = {:?};", keys.join(" "));
    let _ = writeln!(out, "const COUNT: usize = {};", keys.len());
    if let Some(l) = &only {
        let variant = format!("{}{}", l[..1].to_uppercase(), &l[1..]);
        let _ = writeln!(out, "const ONLY: Option<Locale> = Some(Locale::{variant});");
    } else {
        out.push_str("const ONLY: Option<Locale> = None;\n");
    }
    for locale in LOCALES {
        if only.as_deref().is_some_and(|o| o != locale) {
            continue;
        }
        let catalog = read(locale);
        // A key the catalog lacks is English here; a unit test names it.
        let texts: Vec<&str> = english
            .iter()
            .map(|(key, en)| {
                catalog
                    .get(key)
                    .and_then(|v| v.as_str())
                    .or(en.as_str())
                    .unwrap_or_default()
            })
            .collect();
        // A release wasm carries its one catalog packed (see `packed`); natively every
        // catalog is a static, and its packed form is there for a test.
        let name = locale.to_uppercase();
        if only.is_some() {
            let _ = writeln!(out, "static ONLY_PACKED: Packed = {};", packed(&texts));
            continue;
        }
        let _ = writeln!(
            out,
            "#[cfg(test)]\nstatic {name}_PACKED: Packed = {};",
            packed(&texts)
        );
        let _ = writeln!(out, "pub static {name}: Messages = Messages {{");
        for ((key, _), text) in english.iter().zip(&texts) {
            let _ = writeln!(out, "    {key}: {text:?},");
        }
        out.push_str("};\n");
    }
    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("catalogs.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}
