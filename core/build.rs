//! Turns `src/i18n/catalogs/*.json` into `Messages` (a field per English key) and a static per
//! language. The widget's release build sets `LAUREL_LOCALE` to compile in one language only:
//! `./dev build` makes one wasm per language, and a shopper downloads the one for the page.
//! Without it (tests, the dev API) every language is compiled in.
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
    match &only {
        Some(l) => {
            let variant = format!("{}{}", l[..1].to_uppercase(), &l[1..]);
            let _ = writeln!(out, "const ONLY: Option<Locale> = Some(Locale::{variant});");
            let _ = writeln!(
                out,
                "static ONLY_MESSAGES: &Messages = &{};",
                l.to_uppercase()
            );
        }
        None => out.push_str("const ONLY: Option<Locale> = None;\n"),
    }
    for locale in LOCALES {
        if only.as_deref().is_some_and(|o| o != locale) {
            continue;
        }
        let catalog = read(locale);
        let _ = writeln!(
            out,
            "pub static {}: Messages = Messages {{",
            locale.to_uppercase()
        );
        for (key, en) in &english {
            // A key the catalog lacks is English here; a unit test names it.
            let text = catalog
                .get(key)
                .and_then(|v| v.as_str())
                .or(en.as_str())
                .unwrap_or_default();
            let _ = writeln!(out, "    {key}: {text:?},");
        }
        out.push_str("};\n");
    }
    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("catalogs.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}
