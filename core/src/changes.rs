//! What changed for a member between two answers of the API: the rule behind the widget's
//! `laurel:points-changed` and `laurel:tier-changed` events.

use crate::wire::{Member, TierRef};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MemberChange {
    Points {
        old: u64,
        new: u64,
    },
    Tier {
        old: Option<TierRef>,
        new: Option<TierRef>,
    },
}

/// Changes from `before` to `after`, two answers for the same shopper (a new shopper gets a new
/// store). Joining (no member before) is not a change of points: it is reported on its own.
pub fn member_changes(before: Option<&Member>, after: Option<&Member>) -> Vec<MemberChange> {
    let (Some(b), Some(a)) = (before, after) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if b.balance != a.balance {
        out.push(MemberChange::Points {
            old: b.balance,
            new: a.balance,
        });
    }
    let tier_id = |m: &Member| m.tier.as_ref().map(|t| t.id.clone());
    if tier_id(b) != tier_id(a) {
        out.push(MemberChange::Tier {
            old: b.tier.clone(),
            new: a.tier.clone(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(balance: u64, tier: Option<&str>) -> Member {
        Member {
            first_name: "Maya".into(),
            balance,
            lifetime_points: balance,
            tier: tier.map(|t| TierRef {
                id: t.into(),
                name: t.into(),
                threshold: 0,
            }),
            next_tier: None,
            expiring_points: None,
            referral_url: "https://shop.test/r/MAYA".into(),
            birthday_set: false,
            marketing_opt_in: false,
        }
    }

    #[test]
    fn a_balance_and_tier_change_are_both_reported() {
        let changes = member_changes(
            Some(&member(900, Some("silver"))),
            Some(&member(1600, Some("gold"))),
        );
        assert_eq!(changes.len(), 2);
        assert_eq!(
            changes[0],
            MemberChange::Points {
                old: 900,
                new: 1600
            }
        );
        assert!(
            matches!(&changes[1], MemberChange::Tier { old: Some(o), new: Some(n) }
            if o.id == "silver" && n.id == "gold")
        );
    }

    #[test]
    fn nothing_changes_when_nothing_did() {
        let m = member(900, Some("silver"));
        assert!(member_changes(Some(&m), Some(&m)).is_empty());
    }

    #[test]
    fn joining_is_not_a_points_change() {
        assert!(member_changes(None, Some(&member(200, None))).is_empty());
    }
}
