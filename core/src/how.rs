//! "How it works": the program's rules in a few lines, read from the API's data rather than
//! written per shop.

use crate::wire::{EarnKind, Tier, WidgetData};

#[derive(Debug, PartialEq)]
pub struct Rules<'a> {
    /// Points per whole unit of currency spent, from the purchase rule, if there is one.
    pub per_unit: Option<u64>,
    /// What the cheapest reward costs, if there are rewards.
    pub from: Option<u64>,
    /// The tiers from the lowest.
    pub tiers: Vec<&'a Tier>,
    pub expiry_days: Option<u64>,
}

pub fn rules(d: &WidgetData) -> Rules<'_> {
    // Tiers may arrive in any order. An insertion, not a sort: the wasm has no sort for this type.
    let mut tiers: Vec<&Tier> = Vec::new();
    for t in &d.tiers {
        let at = tiers
            .iter()
            .position(|x| x.threshold > t.threshold)
            .unwrap_or(tiers.len());
        tiers.insert(at, t);
    }
    Rules {
        per_unit: d
            .earn_rules
            .iter()
            .find(|r| r.kind == EarnKind::Purchase)
            .map(|r| r.points),
        from: d.rewards.iter().map(|r| r.cost).min(),
        tiers,
        expiry_days: d.program.points_expire_after_days,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::decode;

    #[test]
    fn the_rules_come_from_the_data() {
        let d: WidgetData = decode(
            r#"{"program":{"name":"P","points_name":{"one":"point","other":"points"},
            "signup_bonus":0,"signup_url":"/","points_expire_after_days":365},"member":null,
            "tiers":[{"id":"g","name":"Gold","threshold":1500},{"id":"b","name":"Bronze","threshold":0}],
            "earn_rules":[{"id":"r","kind":"review","name":"R","points":50},
                          {"id":"p","kind":"purchase","name":"P","points":2}],
            "rewards":[{"id":"a","kind":"donation","name":"A","cost":900,"available":true},
                       {"id":"b","kind":"donation","name":"B","cost":250,"available":false}]}"#,
        )
        .expect("valid");
        let r = rules(&d);
        assert_eq!(
            (r.per_unit, r.from, r.expiry_days),
            (Some(2), Some(250), Some(365))
        );
        assert_eq!(
            r.tiers.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(),
            ["Bronze", "Gold"]
        );
        let empty: WidgetData = decode(
            r#"{"program":{"name":"P","points_name":{"one":"p","other":"p"},"signup_bonus":0,
            "signup_url":"/"},"member":null,"tiers":[]}"#,
        )
        .expect("valid");
        let r = rules(&empty);
        assert_eq!(
            (r.per_unit, r.from, r.expiry_days, r.tiers.len()),
            (None, None, None, 0)
        );
    }
}
