//! Minifies `style/laurel.css` into the build, since the stylesheet ships inside the wasm:
//! comments and layout whitespace go; nothing that changes meaning does (a space before `:` may
//! be a descendant combinator, so only spaces after it are dropped).

use std::path::Path;

fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .find("*/")
            .map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    out.push_str(rest);
    let words: Vec<&str> = out.split_whitespace().collect();
    let mut min = words.join(" ");
    for sep in ["{", "}", ";", ",", ">"] {
        min = min
            .replace(&format!(" {sep}"), sep)
            .replace(&format!("{sep} "), sep);
    }
    min.replace(": ", ":").replace(";}", "}")
}

fn main() {
    let source = Path::new("style/laurel.css");
    println!("cargo::rerun-if-changed={}", source.display());
    let css = std::fs::read_to_string(source).unwrap_or_else(|e| panic!("style/laurel.css: {e}"));
    let out = std::env::var("OUT_DIR").unwrap_or_else(|e| panic!("OUT_DIR: {e}"));
    std::fs::write(Path::new(&out).join("laurel.min.css"), minify(&css))
        .unwrap_or_else(|e| panic!("writing the minified CSS: {e}"));
}
