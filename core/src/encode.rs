//! Request bodies as JSON text, for the widget, which does without serde_json. The spec-example
//! test checks that each matches what serde produces.

use crate::text::concat;
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
        let claim = match &self.order_claim {
            Some(c) => concat(&[r#","order_claim":"#, &string(c)]),
            None => String::new(),
        };
        let flag = |b: bool| if b { "true" } else { "false" };
        concat(&[
            r#"{"accept_terms":"#,
            flag(self.accept_terms),
            r#","marketing_opt_in":"#,
            flag(self.marketing_opt_in),
            &claim,
            "}",
        ])
    }
}

impl ToJson for RedemptionRequest {
    fn to_json(&self) -> String {
        concat(&[r#"{"reward_id":"#, &string(&self.reward_id), "}"])
    }
}

impl ToJson for ActionRequest {
    fn to_json(&self) -> String {
        match self {
            Self::SetBirthday(b) => concat(&[
                r#"{"kind":"set_birthday","birthday":"#,
                &string(&b.birthday),
                "}",
            ]),
            Self::NewsletterSubscribe(_) => r#"{"kind":"newsletter_subscribe"}"#.into(),
            Self::SocialFollow(_) => r#"{"kind":"social_follow"}"#.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_enrollment_reads_back_as_serde_reads_it() {
        for order_claim in [None, Some("a.b\"c".to_owned())] {
            let req = EnrollmentRequest {
                accept_terms: true,
                marketing_opt_in: false,
                order_claim,
            };
            let back: EnrollmentRequest = serde_json::from_str(&req.to_json()).expect("valid");
            assert_eq!(back, req);
        }
    }

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
