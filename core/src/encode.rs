//! Request bodies as JSON text, for the widget, which does without serde_json. The spec-example
//! test checks that each matches what serde produces.

use crate::wire::{ActionRequest, EnrollmentRequest, RedemptionRequest};

/// A JSON string literal, escaped as RFC 8259 requires.
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c < ' ' => {
                out.push_str("\\u00");
                out.push(char::from(b"0123456789abcdef"[(c as usize) >> 4]));
                out.push(char::from(b"0123456789abcdef"[(c as usize) & 15]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

pub trait ToJson {
    fn to_json(&self) -> String;
}

impl ToJson for EnrollmentRequest {
    fn to_json(&self) -> String {
        format!(
            r#"{{"accept_terms":{},"marketing_opt_in":{}}}"#,
            self.accept_terms, self.marketing_opt_in
        )
    }
}

impl ToJson for RedemptionRequest {
    fn to_json(&self) -> String {
        format!(r#"{{"reward_id":{}}}"#, string(&self.reward_id))
    }
}

impl ToJson for ActionRequest {
    fn to_json(&self) -> String {
        match self {
            Self::SetBirthday(b) => format!(
                r#"{{"kind":"set_birthday","birthday":{}}}"#,
                string(&b.birthday)
            ),
            Self::NewsletterSubscribe(_) => r#"{"kind":"newsletter_subscribe"}"#.into(),
            Self::SocialFollow(_) => r#"{"kind":"social_follow"}"#.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_like_serde() {
        for s in [
            "plain",
            "quote \" and \\ slash",
            "line\nfeed\ttab\r",
            "\u{1}\u{1f}",
            "é🎉",
        ] {
            assert_eq!(
                string(s),
                serde_json::to_string(s).expect("serializes"),
                "{s:?}"
            );
        }
    }
}
