//! The reward catalog as a shopper sees it: what each reward means for them, filters, sorting,
//! and the reward to aim for next.

use crate::wire::{Member, Pick, Reward, RewardKind, Tier};

/// At most this many picks are shown: the guides warn against overwhelming shoppers.
pub const MAX_PICKS: usize = 3;

/// The API's picks that name a reward this widget can show, best first, with their reasons.
pub fn picks<'a>(for_you: &'a [Pick], rewards: &'a [Reward]) -> Vec<(&'a Reward, &'a str)> {
    let mut out: Vec<(&Reward, &str)> = Vec::new();
    for pick in for_you {
        let found = rewards
            .iter()
            .find(|r| r.id == pick.reward_id && r.kind != RewardKind::Unknown);
        if let Some(r) = found.filter(|r| out.iter().all(|(o, _)| o.id != r.id)) {
            out.push((r, &pick.reason));
        }
        if out.len() == MAX_PICKS {
            break;
        }
    }
    out
}

/// What a reward means for this shopper right now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// A member can redeem it now.
    Affordable,
    /// A member needs this many more points.
    Short(u64),
    /// It needs a tier the member (or guest) has not reached; the tier's name.
    Locked(String),
    /// None left.
    SoldOut,
    /// Redeemable from this RFC 3339 time on.
    Upcoming(String),
    /// Switched off or ended.
    Unavailable,
    /// A guest: only a preview.
    Preview,
}

impl Status {
    /// A stable name, for a `data-status` attribute that shops may style.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Affordable => "affordable",
            Self::Short(_) => "short",
            Self::Locked(_) => "locked",
            Self::SoldOut => "sold-out",
            Self::Upcoming(_) => "upcoming",
            Self::Unavailable => "unavailable",
            Self::Preview => "preview",
        }
    }
}

/// The status of `reward` for `member` (`None` for a guest) at `now` (Unix seconds). The first
/// reason that stops a redemption wins, in the order the API checks them.
pub fn status(reward: &Reward, member: Option<&Member>, tiers: &[Tier], now: i64) -> Status {
    let at = |t: &Option<String>| t.as_deref().and_then(crate::time::parse_rfc3339);
    if !reward.available || at(&reward.ends_at).is_some_and(|end| now >= end) {
        return Status::Unavailable;
    }
    if at(&reward.starts_at).is_some_and(|start| now < start) {
        return Status::Upcoming(reward.starts_at.clone().unwrap_or_default());
    }
    if reward.remaining == Some(0) {
        return Status::SoldOut;
    }
    let lifetime = member.map_or(0, |m| m.lifetime_points);
    if let Some(min) = &reward.min_tier {
        // An unknown tier id locks the reward rather than letting a redeem fail later.
        match tiers.iter().find(|t| &t.id == min) {
            Some(t) if lifetime >= t.threshold && member.is_some() => {}
            Some(t) => return Status::Locked(t.name.clone()),
            None => return Status::Locked(min.clone()),
        }
    }
    match member {
        None => Status::Preview,
        Some(m) if m.balance >= reward.cost => Status::Affordable,
        Some(m) => Status::Short(reward.cost - m.balance),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Filter {
    #[default]
    All,
    CanRedeem,
    Kind(RewardKind),
}

impl crate::listed::Listed for Filter {
    const LIST: &'static [Self] = &[
        Filter::All,
        Filter::CanRedeem,
        Filter::Kind(RewardKind::FixedDiscount),
        Filter::Kind(RewardKind::PercentDiscount),
        Filter::Kind(RewardKind::FreeShipping),
        Filter::Kind(RewardKind::FreeProduct),
        Filter::Kind(RewardKind::Experience),
        Filter::Kind(RewardKind::Donation),
        Filter::Kind(RewardKind::Unknown),
    ];
}

impl Filter {
    /// Whether a reward with this status passes the filter.
    pub fn matches(self, reward: &Reward, status: &Status) -> bool {
        match self {
            Filter::All => true,
            Filter::CanRedeem => *status == Status::Affordable,
            Filter::Kind(k) => reward.kind == k,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    CostLowToHigh,
    CostHighToLow,
    /// The shopper's picks first, in the API's order, then the rest by cost.
    Recommended,
}

impl crate::listed::Listed for Sort {
    const LIST: &'static [Self] = &[Sort::CostLowToHigh, Sort::CostHighToLow, Sort::Recommended];
}

/// The rewards to show, with their status, filtered and sorted. Sorting is stable, so the API's
/// order breaks ties.
pub fn visible<'a>(
    rewards: &'a [Reward],
    member: Option<&Member>,
    tiers: &[Tier],
    for_you: &[Pick],
    filter: Filter,
    sort: Sort,
    now: i64,
) -> Vec<(&'a Reward, Status)> {
    let mut out: Vec<(&Reward, Status)> = rewards
        .iter()
        .filter(|r| r.kind != RewardKind::Unknown)
        .map(|r| (r, status(r, member, tiers, now)))
        .filter(|(r, s)| filter.matches(r, s))
        .collect();
    // One key for every order, so the wasm holds one sort.
    out.sort_by_key(|(r, _)| match sort {
        Sort::CostLowToHigh => (0, r.cost),
        Sort::CostHighToLow => (0, u64::MAX - r.cost),
        Sort::Recommended => {
            let rank = for_you.iter().position(|p| p.reward_id == r.id);
            (rank.unwrap_or(usize::MAX), r.cost)
        }
    });
    out
}

/// The kinds present in the catalog, in a fixed order, for the filter buttons.
pub fn kinds_present(rewards: &[Reward]) -> Vec<RewardKind> {
    RewardKind::ALL
        .into_iter()
        .filter(|k| rewards.iter().any(|r| r.kind == *k))
        .collect()
}

/// What to tell a member about their next reward.
#[derive(Debug, Clone, PartialEq)]
pub enum NextReward<'a> {
    /// The most expensive reward they can redeem now; of equals, the one the API lists first.
    CanRedeem(&'a Reward),
    /// The cheapest reward within reach by tier, and the points still needed.
    Short(&'a Reward, u64),
    None,
}

pub fn next_reward<'a>(
    rewards: &'a [Reward],
    member: &Member,
    tiers: &[Tier],
    now: i64,
) -> NextReward<'a> {
    let statuses: Vec<(&Reward, Status)> = rewards
        .iter()
        .map(|r| (r, status(r, Some(member), tiers, now)))
        .collect();
    let best_now = statuses
        .iter()
        .rev()
        .filter(|(_, s)| *s == Status::Affordable)
        .max_by_key(|(r, _)| r.cost);
    if let Some((r, _)) = best_now {
        return NextReward::CanRedeem(r);
    }
    statuses
        .iter()
        .filter_map(|(r, s)| match s {
            Status::Short(n) => Some((*r, *n)),
            _ => None,
        })
        .min_by_key(|(_, n)| *n)
        .map_or(NextReward::None, |(r, n)| NextReward::Short(r, n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::TierRef;

    /// 2026-11-25T00:00:00Z.
    const NOW: i64 = 1_795_564_800;

    fn reward(
        id: &str,
        kind: RewardKind,
        cost: u64,
        min_tier: Option<&str>,
        available: bool,
    ) -> Reward {
        Reward {
            id: id.into(),
            kind,
            name: id.to_uppercase(),
            description: String::new(),
            cost,
            min_tier: min_tier.map(Into::into),
            available,
            image_url: None,
            remaining: None,
            starts_at: None,
            ends_at: None,
            min_order: None,
            variant_id: None,
        }
    }

    fn tiers() -> Vec<Tier> {
        ["bronze:0", "silver:500", "gold:1500"]
            .iter()
            .map(|s| {
                let (id, t) = s.split_once(':').unwrap_or_default();
                Tier {
                    id: id.into(),
                    name: id.to_uppercase(),
                    threshold: t.parse().unwrap_or_default(),
                    benefits: vec![],
                    earn_multiplier: 1.0,
                }
            })
            .collect()
    }

    fn member(balance: u64, lifetime: u64) -> Member {
        Member {
            first_name: "M".into(),
            balance,
            lifetime_points: lifetime,
            tier: Some(TierRef {
                id: "silver".into(),
                name: "SILVER".into(),
                threshold: 500,
            }),
            next_tier: None,
            expiring_points: None,
            referral_url: String::new(),
            birthday_set: false,
            marketing_opt_in: false,
        }
    }

    fn catalog() -> Vec<Reward> {
        vec![
            reward("ship", RewardKind::FreeShipping, 300, None, true),
            reward("ten", RewardKind::FixedDiscount, 1000, None, true),
            reward("five", RewardKind::FixedDiscount, 500, None, true),
            reward("gold", RewardKind::PercentDiscount, 200, Some("gold"), true),
            reward("gone", RewardKind::FreeProduct, 100, None, false),
        ]
    }

    #[test]
    fn statuses_cover_affordable_short_locked_unavailable_and_guest() {
        let (c, t, m) = (catalog(), tiers(), member(640, 1250));
        assert_eq!(status(&c[0], Some(&m), &t, NOW), Status::Affordable);
        assert_eq!(status(&c[1], Some(&m), &t, NOW), Status::Short(360));
        assert_eq!(
            status(&c[3], Some(&m), &t, NOW),
            Status::Locked("GOLD".into())
        );
        assert_eq!(status(&c[4], Some(&m), &t, NOW), Status::Unavailable);
        assert_eq!(status(&c[0], None, &t, NOW), Status::Preview);
        assert_eq!(status(&c[3], None, &t, NOW), Status::Locked("GOLD".into()));
    }

    #[test]
    fn exactly_the_cost_is_affordable_and_an_unknown_tier_locks() {
        let t = tiers();
        let r = reward("x", RewardKind::Donation, 640, None, true);
        assert_eq!(
            status(&r, Some(&member(640, 0)), &t, NOW),
            Status::Affordable
        );
        let r = reward("y", RewardKind::Donation, 1, Some("diamond"), true);
        assert_eq!(
            status(&r, Some(&member(640, 9999)), &t, NOW),
            Status::Locked("diamond".into())
        );
    }

    #[test]
    fn filters_and_sorts() {
        let (c, t, m) = (catalog(), tiers(), member(640, 1250));
        let ids = |f, s| -> Vec<String> {
            visible(&c, Some(&m), &t, &[], f, s, NOW)
                .into_iter()
                .map(|(r, _)| r.id.clone())
                .collect()
        };
        assert_eq!(
            ids(Filter::All, Sort::CostLowToHigh),
            ["gone", "gold", "ship", "five", "ten"]
        );
        assert_eq!(
            ids(Filter::All, Sort::CostHighToLow),
            ["ten", "five", "ship", "gold", "gone"]
        );
        assert_eq!(
            ids(Filter::CanRedeem, Sort::CostLowToHigh),
            ["ship", "five"]
        );
        assert_eq!(
            ids(Filter::Kind(RewardKind::FixedDiscount), Sort::CostLowToHigh),
            ["five", "ten"]
        );
        assert!(ids(Filter::Kind(RewardKind::Experience), Sort::CostLowToHigh).is_empty());
    }

    #[test]
    fn unknown_kinds_are_hidden_and_kinds_present_are_listed_in_order() {
        let mut c = catalog();
        c.push(reward("nft", RewardKind::Unknown, 1, None, true));
        assert_eq!(
            visible(
                &c,
                None,
                &tiers(),
                &[],
                Filter::All,
                Sort::CostLowToHigh,
                NOW
            )
            .len(),
            5
        );
        assert_eq!(
            kinds_present(&c),
            [
                RewardKind::FixedDiscount,
                RewardKind::PercentDiscount,
                RewardKind::FreeShipping,
                RewardKind::FreeProduct
            ]
        );
    }

    #[test]
    fn next_reward_is_the_best_affordable_or_the_closest() {
        let (c, t) = (catalog(), tiers());
        assert!(
            matches!(next_reward(&c, &member(640, 1250), &t, NOW), NextReward::CanRedeem(r) if r.id == "five")
        );
        assert!(
            matches!(next_reward(&c, &member(250, 1250), &t, NOW), NextReward::Short(r, 50) if r.id == "ship")
        );
        assert_eq!(next_reward(&[], &member(0, 0), &t, NOW), NextReward::None);
        // Of two at the same cost, the shop's first.
        let twins = [
            reward("a", RewardKind::Donation, 500, None, true),
            reward("b", RewardKind::FixedDiscount, 500, None, true),
        ];
        assert!(
            matches!(next_reward(&twins, &member(640, 0), &t, NOW), NextReward::CanRedeem(r) if r.id == "a")
        );
        assert!(matches!(
            next_reward(&c, &member(300, 0), &t, NOW),
            NextReward::CanRedeem(_)
        ));
    }

    #[test]
    fn a_thousand_rewards_filter_and_sort_in_one_pass() {
        let t = tiers();
        let c: Vec<Reward> = (0..1000)
            .map(|i| {
                reward(
                    &format!("r{i}"),
                    RewardKind::FixedDiscount,
                    1000 - i,
                    None,
                    true,
                )
            })
            .collect();
        let v = visible(
            &c,
            Some(&member(500, 0)),
            &t,
            &[],
            Filter::CanRedeem,
            Sort::CostLowToHigh,
            NOW,
        );
        assert_eq!(v.len(), 500);
        assert_eq!(v[0].0.cost, 1);
    }

    #[test]
    fn dates_and_stock_say_why_a_reward_cannot_be_redeemed() {
        let t = tiers();
        let rich = member(5000, 5000);
        let base = reward("r", RewardKind::Experience, 100, Some("gold"), true);
        let with = |f: &dyn Fn(&mut Reward)| {
            let mut r = base.clone();
            f(&mut r);
            status(&r, Some(&rich), &t, NOW)
        };
        assert_eq!(with(&|_| {}), Status::Affordable);
        // Starts tomorrow (written in +07:00), ended a second ago, ends in a second.
        let tomorrow = "2026-11-26T07:00:00+07:00";
        assert_eq!(
            with(&|r| r.starts_at = Some(tomorrow.into())),
            Status::Upcoming(tomorrow.into())
        );
        assert_eq!(
            with(&|r| r.ends_at = Some("2026-11-24T23:59:59Z".into())),
            Status::Unavailable
        );
        assert_eq!(
            with(&|r| r.ends_at = Some("2026-11-25T00:00:01Z".into())),
            Status::Affordable
        );
        assert_eq!(
            with(&|r| r.starts_at = Some("2026-11-25T00:00:00Z".into())),
            Status::Affordable
        );
        assert_eq!(with(&|r| r.remaining = Some(0)), Status::SoldOut);
        assert_eq!(with(&|r| r.remaining = Some(20)), Status::Affordable);
        // A date the widget cannot read does not block what the API allows.
        assert_eq!(
            with(&|r| r.starts_at = Some("soon".into())),
            Status::Affordable
        );
        // Ended beats not started; not started beats sold out and the tier.
        assert_eq!(
            with(&|r| {
                r.starts_at = Some(tomorrow.into());
                r.ends_at = Some("2026-11-01T00:00:00Z".into());
            }),
            Status::Unavailable
        );
        let poor = member(0, 0);
        let mut r = base.clone();
        r.starts_at = Some(tomorrow.into());
        r.remaining = Some(0);
        assert_eq!(
            status(&r, Some(&poor), &t, NOW),
            Status::Upcoming(tomorrow.into())
        );
        r.starts_at = None;
        assert_eq!(status(&r, Some(&poor), &t, NOW), Status::SoldOut);
        assert!(!matches!(
            next_reward(&[r], &rich, &t, NOW),
            NextReward::CanRedeem(_)
        ));
    }

    #[test]
    fn picks_come_first_when_recommended_and_at_most_three_are_shown() {
        let (c, t) = (catalog(), tiers());
        let pick = |id: &str| Pick {
            reward_id: id.into(),
            reason: format!("because {id}"),
        };
        let for_you = [pick("ship"), pick("nope"), pick("ship"), pick("five")];
        let order: Vec<&str> = visible(
            &c,
            Some(&member(640, 1250)),
            &t,
            &for_you,
            Filter::All,
            Sort::Recommended,
            NOW,
        )
        .iter()
        .map(|(r, _)| r.id.as_str())
        .collect();
        assert_eq!(&order[..2], ["ship", "five"]);
        // An unknown id and a repeat are skipped; the rest follow by cost.
        let shown = picks(&for_you, &c);
        assert_eq!(
            shown
                .iter()
                .map(|(r, why)| (r.id.as_str(), *why))
                .collect::<Vec<_>>(),
            [("ship", "because ship"), ("five", "because five")]
        );
        let many: Vec<Pick> = c.iter().map(|r| pick(&r.id)).collect();
        assert_eq!(picks(&many, &c).len(), MAX_PICKS);
    }
}
