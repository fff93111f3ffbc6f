//! Everything the widget reads from a response: the JSON parser, every decoder, a token's
//! expiry and `Retry-After`. None may panic. What decodes must survive a round trip through
//! the contract's own encoding (serde, as the dev API writes it), and the parser must agree
//! with serde_json on every document both accept.
#![no_main]

use laurel_core::decode::{decode, FromJson};
use laurel_core::json::{self, Json};
use laurel_core::wire::{
    ActionResult, ActivityPage, PointsPreview, Problem, Redemption, RedemptionList, WidgetData,
};
use libfuzzer_sys::fuzz_target;
use serde::Serialize;
use std::fmt::Debug;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(parsed) = json::parse(text) {
        agrees_with_serde(text, &parsed);
    }
    round_trip::<WidgetData>(text);
    round_trip::<RedemptionList>(text);
    round_trip::<Redemption>(text);
    round_trip::<ActivityPage>(text);
    round_trip::<ActionResult>(text);
    round_trip::<PointsPreview>(text);
    round_trip::<Problem>(text);
    let _ = laurel_core::token::expires_at(text);
    let _ = laurel_core::retry::retry_after_ms(text, 1_795_000_000);
});

/// Decoded, written by serde and decoded again, a value is unchanged.
fn round_trip<T: FromJson + Serialize + PartialEq + Debug>(text: &str) {
    let Ok(value) = decode::<T>(text) else {
        return;
    };
    let written = match serde_json::to_string(&value) {
        Ok(w) => w,
        Err(e) => panic!("serde cannot write a decoded value: {e}"),
    };
    match decode::<T>(&written) {
        Ok(again) => assert_eq!(value, again, "changed by a round trip through {written}"),
        Err(e) => panic!("{written} no longer decodes: {e}"),
    }
}

/// Where serde_json also parses the document, both read the same values.
fn agrees_with_serde(text: &str, parsed: &Json) {
    if let Ok(theirs) = serde_json::from_str::<serde_json::Value>(text) {
        assert_eq!(canonical(parsed), canonical_serde(&theirs), "{text}");
    }
}

/// Objects with a repeated key keep its last value, as `JSON.parse` and serde_json do; keys
/// sorted, so that order does not matter.
fn canonical(v: &Json) -> String {
    match v {
        Json::Null => "null".into(),
        Json::Bool(b) => b.to_string(),
        Json::Num(n) => format!("{n:e}"),
        Json::Str(s) => format!("{s:?}"),
        Json::Arr(items) => format!(
            "[{}]",
            items.iter().map(canonical).collect::<Vec<_>>().join(",")
        ),
        Json::Obj(members) => {
            let mut last = std::collections::BTreeMap::new();
            for (k, v) in members {
                last.insert(k.clone(), canonical(v));
            }
            let inner: Vec<String> = last.iter().map(|(k, v)| format!("{k:?}:{v}")).collect();
            format!("{{{}}}", inner.join(","))
        }
    }
}

fn canonical_serde(v: &serde_json::Value) -> String {
    use serde_json::Value;
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => format!("{:e}", n.as_f64().unwrap_or(f64::NAN)),
        Value::String(s) => format!("{s:?}"),
        Value::Array(items) => format!(
            "[{}]",
            items
                .iter()
                .map(canonical_serde)
                .collect::<Vec<_>>()
                .join(",")
        ),
        Value::Object(members) => {
            let inner: Vec<String> = members
                .iter()
                .map(|(k, v)| format!("{k:?}:{}", canonical_serde(v)))
                .collect();
            format!("{{{}}}", inner.join(","))
        }
    }
}
