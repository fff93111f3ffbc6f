//! The wire types against `api/openapi.yaml`: every schema example must deserialize into its
//! Rust type and serialize back to the same JSON, and every schema property must appear, so the
//! widget, the dev API and the spec cannot drift apart.

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

fn check(name: &str, example: &Value) -> Value {
    match name {
        "WidgetData" => round_trip::<WidgetData>(name, example),
        "Program" => round_trip::<Program>(name, example),
        "PointsName" => round_trip::<PointsName>(name, example),
        "Member" => round_trip::<Member>(name, example),
        "ExpiringPoints" => round_trip::<ExpiringPoints>(name, example),
        "TierRef" => round_trip::<TierRef>(name, example),
        "NextTier" => round_trip::<NextTier>(name, example),
        "Tier" => round_trip::<Tier>(name, example),
        "EarnRule" => round_trip::<EarnRule>(name, example),
        "Reward" => round_trip::<Reward>(name, example),
        "EnrollmentRequest" => round_trip::<EnrollmentRequest>(name, example),
        "RedemptionRequest" => round_trip::<RedemptionRequest>(name, example),
        "Redemption" => round_trip::<Redemption>(name, example),
        "RedemptionList" => round_trip::<RedemptionList>(name, example),
        "ActivityEntry" => round_trip::<ActivityEntry>(name, example),
        "ActivityPage" => round_trip::<ActivityPage>(name, example),
        "ActionRequest" => round_trip::<ActionRequest>(name, example),
        "ActionResult" => round_trip::<ActionResult>(name, example),
        "PointsPreview" => round_trip::<PointsPreview>(name, example),
        "Problem" => round_trip::<Problem>(name, example),
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
