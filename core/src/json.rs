//! A small JSON parser into the [`Json`] tree that the decoders read (serde_json cost a tenth of
//! the wasm, measured with twiggy). The widget builds the same tree from the browser's
//! `JSON.parse` under the same limits (`src/api/json_value.rs`), which spares the wasm this
//! parser; native code uses it: the decoders' tests and the fuzz target, which checks it against
//! serde_json. The dev API keeps serde.
//!
//! It parses RFC 8259 JSON with limits, so that a hostile response is refused with a clear error
//! instead of exhausting memory or the stack: nesting depth, items per array or object, and
//! bytes per string.

use crate::text::{concat, decimal};

/// Deepest nesting of arrays and objects.
pub const MAX_DEPTH: usize = 32;
/// Most items in one array, or members in one object.
pub const MAX_ITEMS: usize = 5_000;
/// Longest string, in bytes.
pub const MAX_STRING: usize = 16 * 1024;

#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// Every number, as f64: integers up to 2^53 are exact, which covers every count of points.
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    /// Members in order; a repeated key keeps its last value, as `JSON.parse` does.
    Obj(Vec<(String, Json)>),
}

impl Json {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// What kind of value this is, for error messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Num(_) => "a number",
            Json::Str(_) => "a string",
            Json::Arr(_) => "an array",
            Json::Obj(_) => "an object",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// Byte offset where parsing stopped.
    pub at: usize,
    pub problem: &'static str,
}

impl JsonError {
    /// Where and what, for an error message (see `crate::text` for why not `format!`).
    pub fn message(&self) -> String {
        concat(&[
            "invalid JSON at byte ",
            &decimal(self.at as u64),
            ": ",
            self.problem,
        ])
    }
}

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

pub fn parse(text: &str) -> Result<Json, JsonError> {
    let mut p = Parser {
        b: text.as_bytes(),
        i: 0,
    };
    p.ws();
    let v = p.value(0)?;
    p.ws();
    if p.i != p.b.len() {
        return p.fail("unexpected text after the value");
    }
    Ok(v)
}

struct Parser<'a> {
    b: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn fail<T>(&self, problem: &'static str) -> Result<T, JsonError> {
        Err(JsonError {
            at: self.i,
            problem,
        })
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> bool {
        let hit = self.peek() == Some(c);
        if hit {
            self.i += 1;
        }
        hit
    }

    fn literal(&mut self, word: &[u8], v: Json) -> Result<Json, JsonError> {
        if self.b[self.i..].starts_with(word) {
            self.i += word.len();
            Ok(v)
        } else {
            self.fail("unknown literal")
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        match self.peek() {
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Json::Str),
            Some(b't') => self.literal(b"true", Json::Bool(true)),
            Some(b'f') => self.literal(b"false", Json::Bool(false)),
            Some(b'n') => self.literal(b"null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => self.fail("expected a value"),
            None => self.fail("unexpected end"),
        }
    }

    /// The items of an array or the members of an object, until `close`.
    fn items<T>(
        &mut self,
        depth: usize,
        close: u8,
        mut item: impl FnMut(&mut Self) -> Result<T, JsonError>,
    ) -> Result<Vec<T>, JsonError> {
        if depth > MAX_DEPTH {
            return self.fail("nested too deeply");
        }
        self.i += 1;
        self.ws();
        let mut out = Vec::new();
        if self.eat(close) {
            return Ok(out);
        }
        loop {
            if out.len() == MAX_ITEMS {
                return self.fail("too many items");
            }
            out.push(item(self)?);
            self.ws();
            if self.eat(close) {
                return Ok(out);
            }
            if !self.eat(b',') {
                return self.fail("expected a comma");
            }
            self.ws();
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.items(depth, b']', |p| p.value(depth)).map(Json::Arr)
    }

    fn object(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.items(depth, b'}', |p| {
            if p.peek() != Some(b'"') {
                return p.fail("expected a key");
            }
            let key = p.string()?;
            p.ws();
            if !p.eat(b':') {
                return p.fail("expected a colon");
            }
            p.ws();
            Ok((key, p.value(depth)?))
        })
        .map(Json::Obj)
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let digits = self.b.get(self.i..self.i + 4).ok_or(JsonError {
            at: self.i,
            problem: "unexpected end",
        })?;
        let mut n = 0;
        for d in digits {
            let v = (*d as char).to_digit(16).ok_or(JsonError {
                at: self.i,
                problem: "bad \\u escape",
            })?;
            n = n * 16 + v;
        }
        self.i += 4;
        Ok(n)
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.i += 1;
        let mut out = Vec::new();
        loop {
            if out.len() > MAX_STRING {
                return self.fail("string too long");
            }
            let Some(c) = self.peek() else {
                return self.fail("unterminated string");
            };
            self.i += 1;
            match c {
                b'"' => break,
                b'\\' => {
                    let Some(e) = self.peek() else {
                        return self.fail("unterminated string");
                    };
                    self.i += 1;
                    let plain = match e {
                        b'"' => b'"',
                        b'\\' => b'\\',
                        b'/' => b'/',
                        b'b' => 8,
                        b'f' => 12,
                        b'n' => b'\n',
                        b'r' => b'\r',
                        b't' => b'\t',
                        b'u' => {
                            let ch = self.unicode_escape()?;
                            let mut buf = [0; 4];
                            out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                            continue;
                        }
                        _ => return self.fail("bad escape"),
                    };
                    out.push(plain);
                }
                0..=0x1f => return self.fail("control character in string"),
                _ => out.push(c),
            }
        }
        // The input was a &str and escapes encode whole characters, so this cannot fail.
        String::from_utf8(out).or_else(|_| self.fail("invalid UTF-8"))
    }

    /// The character of a `\u` escape, joining a surrogate pair; a lone surrogate becomes U+FFFD,
    /// as browsers show it.
    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let hi = self.hex4()?;
        if (0xD800..0xDC00).contains(&hi) && self.b[self.i..].starts_with(b"\\u") {
            let save = self.i;
            self.i += 2;
            let lo = self.hex4()?;
            if (0xDC00..0xE000).contains(&lo) {
                let c = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                return Ok(char::from_u32(c).unwrap_or('\u{FFFD}'));
            }
            self.i = save;
        }
        Ok(char::from_u32(hi).unwrap_or('\u{FFFD}'))
    }

    /// A number, by the JSON grammar. Digits beyond f64's precision are rounded; the widget only
    /// needs exact integers up to 2^53 and short decimals such as a multiplier of 1.25.
    /// A number per RFC 8259's grammar, its value correctly rounded by the standard library
    /// (as `JSON.parse` rounds it; summing digits is off in the last place, found by fuzzing).
    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.i;
        self.eat(b'-');
        let int = self.digits();
        if int == 0 || (int > 1 && self.b[self.i - int] == b'0') {
            return self.fail("bad number");
        }
        if self.eat(b'.') && self.digits() == 0 {
            return self.fail("bad number");
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            if !self.eat(b'-') {
                self.eat(b'+');
            }
            if self.digits() == 0 {
                return self.fail("bad number");
            }
        }
        // The grammar above admits only ASCII, which `str` and `f64` parse.
        match std::str::from_utf8(&self.b[start..self.i]).map(str::parse::<f64>) {
            Ok(Ok(value)) => Ok(Json::Num(value)),
            _ => self.fail("bad number"),
        }
    }

    /// Skips ASCII digits and says how many there were.
    fn digits(&mut self) -> usize {
        let from = self.i;
        while let Some(b'0'..=b'9') = self.peek() {
            self.i += 1;
        }
        self.i - from
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_correctly_rounded() {
        for (text, value) in [("555E44", 5.55e46), ("0.1", 0.1), ("-2.5e-3", -0.0025)] {
            assert_eq!(parse(text), Ok(Json::Num(value)), "{text}");
        }
    }

    #[test]
    fn parses_every_kind_of_value() {
        let v = parse(r#" {"a": [1, -2.5, 3e2, 1E-1, true, false, null], "b": {"c": "d"}} "#)
            .expect("valid");
        assert_eq!(
            v.get("a"),
            Some(&Json::Arr(vec![
                Json::Num(1.0),
                Json::Num(-2.5),
                Json::Num(300.0),
                Json::Num(0.1),
                Json::Bool(true),
                Json::Bool(false),
                Json::Null,
            ]))
        );
        assert_eq!(
            v.get("b").and_then(|b| b.get("c")),
            Some(&Json::Str("d".into()))
        );
        assert_eq!(parse("[]"), Ok(Json::Arr(vec![])));
        assert_eq!(parse("{}"), Ok(Json::Obj(vec![])));
    }

    #[test]
    fn integers_up_to_2_pow_53_are_exact() {
        assert_eq!(
            parse("9007199254740992"),
            Ok(Json::Num(9_007_199_254_740_992.0))
        );
        assert_eq!(parse("1250"), Ok(Json::Num(1250.0)));
        assert_eq!(parse("1.25"), Ok(Json::Num(1.25)));
    }

    #[test]
    fn decodes_escapes_and_surrogate_pairs() {
        assert_eq!(
            parse(r#""a\"b\\c\/d\n\u00e9\ud83c\udf89\ud800x""#),
            Ok(Json::Str("a\"b\\c/d\né🎉\u{FFFD}x".into()))
        );
    }

    #[test]
    fn the_last_of_repeated_keys_wins() {
        let v = parse(r#"{"a":1,"a":2}"#).expect("valid");
        assert_eq!(v.get("a"), Some(&Json::Num(2.0)));
    }

    #[test]
    fn refuses_what_is_not_json() {
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\" 1}",
            "{a:1}",
            "01",
            "1.",
            "-",
            "1e",
            "\"\\x\"",
            "\"a",
            "tru",
            "[1] x",
            "NaN",
            "'a'",
            "\"\u{1}\"",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn limits_depth_items_and_string_length() {
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert_eq!(
            parse(&deep).map_err(|e| e.problem),
            Err("nested too deeply")
        );
        let ok_deep = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&ok_deep).is_ok());
        let many = format!("[{}0]", "0,".repeat(MAX_ITEMS));
        assert_eq!(parse(&many).map_err(|e| e.problem), Err("too many items"));
        let long = format!("\"{}\"", "x".repeat(MAX_STRING + 2));
        assert_eq!(parse(&long).map_err(|e| e.problem), Err("string too long"));
    }
}
