//! The wire types against `api/openapi.yaml`: every schema example must deserialize into its
//! Rust type and serialize back to the same JSON, and every schema property must appear, so the
//! widget, the dev API and the spec cannot drift apart.

use laurel_core::decode::{decode, FromJson};
use laurel_core::encode::ToJson;
use laurel_core::wire::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

fn spec() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../api/openapi.yaml");
    let text = std::fs::read_to_string(path).expect("api/openapi.yaml is readable");
    serde_norway::from_str(&text).expect("api/openapi.yaml is valid YAML")
}

fn round_trip<T: DeserializeOwned + Serialize>(name: &str, example: &Value) -> Value {
    let typed: T = serde_json::from_value(example.clone())
        .unwrap_or_else(|e| panic!("{name} example does not deserialize: {e}\n{example}"));
    let back = serde_json::to_value(&typed).expect("serializes");
    assert_eq!(&back, example, "{name} example does not round-trip");
    back
}

/// A response type: the widget's own decoder must agree with serde.
fn response<T: DeserializeOwned + Serialize + FromJson + PartialEq + std::fmt::Debug>(
    name: &str,
    example: &Value,
) -> Value {
    let back = round_trip::<T>(name, example);
    let by_serde: T = serde_json::from_value(example.clone()).expect("deserializes");
    let by_widget: T = decode(&example.to_string())
        .unwrap_or_else(|e| panic!("{name} example does not decode in the widget: {e}"));
    assert_eq!(
        by_widget, by_serde,
        "{name}: the widget's decoder disagrees with serde"
    );
    back
}

/// A request type: the widget's own encoder must write what serde writes.
fn request<T: DeserializeOwned + Serialize + ToJson>(name: &str, example: &Value) -> Value {
    let back = round_trip::<T>(name, example);
    let typed: T = serde_json::from_value(example.clone()).expect("deserializes");
    let written: Value = serde_json::from_str(&typed.to_json()).expect("the widget writes JSON");
    assert_eq!(
        &written, example,
        "{name}: the widget's encoder disagrees with serde"
    );
    back
}

fn check(name: &str, example: &Value) -> Value {
    match name {
        "WidgetData" => response::<WidgetData>(name, example),
        "Program" => response::<Program>(name, example),
        "Pick" => response::<Pick>(name, example),
        "Boost" => response::<Boost>(name, example),
        "AppliedBoost" => response::<AppliedBoost>(name, example),
        "Challenge" => response::<Challenge>(name, example),
        "ChallengeStep" => response::<ChallengeStep>(name, example),
        "PointsName" => response::<PointsName>(name, example),
        "PointValue" => response::<PointValue>(name, example),
        "Money" => response::<Money>(name, example),
        "Member" => response::<Member>(name, example),
        "ExpiringPoints" => response::<ExpiringPoints>(name, example),
        "TierRef" => response::<TierRef>(name, example),
        "NextTier" => response::<NextTier>(name, example),
        "Tier" => response::<Tier>(name, example),
        "EarnRule" => response::<EarnRule>(name, example),
        "Reward" => response::<Reward>(name, example),
        "EnrollmentRequest" => request::<EnrollmentRequest>(name, example),
        "RedemptionRequest" => request::<RedemptionRequest>(name, example),
        "Redemption" => response::<Redemption>(name, example),
        "RedemptionList" => response::<RedemptionList>(name, example),
        "ActivityEntry" => response::<ActivityEntry>(name, example),
        "ActivityPage" => response::<ActivityPage>(name, example),
        "ActionRequest" => request::<ActionRequest>(name, example),
        "ActionResult" => response::<ActionResult>(name, example),
        "PointsPreview" => response::<PointsPreview>(name, example),
        "Problem" => response::<Problem>(name, example),
        other => panic!("schema {other} has examples but no Rust type is checked against it"),
    }
}

#[test]
fn every_schema_example_round_trips_through_its_rust_type() {
    let spec = spec();
    let schemas = spec["components"]["schemas"].as_object().expect("schemas");
    let mut checked = 0;
    for (name, schema) in schemas {
        let examples = schema["examples"].as_array().cloned().unwrap_or_default();
        for example in &examples {
            let back = check(name, example);
            // Every documented property is one the Rust type produces, and no more.
            if let (Some(props), Some(obj)) = (schema["properties"].as_object(), back.as_object()) {
                let mut documented: Vec<&String> = props.keys().collect();
                let mut produced: Vec<&String> = obj.keys().collect();
                documented.sort();
                produced.sort();
                assert_eq!(documented, produced, "{name}: properties differ");
            }
            checked += 1;
        }
    }
    assert!(checked >= 18, "only {checked} examples checked");
}

#[test]
fn every_problem_type_the_code_uses_is_documented() {
    let spec = serde_json::to_string(&spec()).expect("json");
    for t in [
        problem_type::UNAUTHENTICATED,
        problem_type::TOKEN_EXPIRED,
        problem_type::NOT_ENROLLED,
        problem_type::ALREADY_ENROLLED,
        problem_type::INSUFFICIENT_POINTS,
        problem_type::REWARD_UNAVAILABLE,
        problem_type::TIER_TOO_LOW,
        problem_type::IDEMPOTENCY_KEY_MISSING,
        problem_type::IDEMPOTENCY_KEY_REUSED,
        problem_type::REQUEST_IN_FLIGHT,
        problem_type::RATE_LIMITED,
        problem_type::VALIDATION,
        problem_type::NOT_FOUND,
        problem_type::PAYLOAD_TOO_LARGE,
        problem_type::INTERNAL,
    ] {
        let short = t.trim_start_matches("https://laurel.dev/problems/");
        assert!(
            spec.contains(&format!("`{short}`")),
            "{t} is not in the spec's error table"
        );
    }
}
