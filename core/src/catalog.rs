//! The reward catalog as a shopper sees it: what each reward means for them, filters, sorting,
//! and the reward to aim for next.

use crate::wire::{Member, Reward, RewardKind, Tier};

/// What a reward means for this shopper right now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// A member can redeem it now.
    Affordable,
    /// A member needs this many more points.
    Short(u64),
    /// It needs a tier the member (or guest) has not reached; the tier's name.
    Locked(String),
    /// Sold out or switched off.
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
            Self::Unavailable => "unavailable",
            Self::Preview => "preview",
        }
    }
}

/// The status of `reward` for `member` (`None` for a guest).
pub fn status(reward: &Reward, member: Option<&Member>, tiers: &[Tier]) -> Status {
    if !reward.available {
        return Status::Unavailable;
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
}

/// The rewards to show, with their status, filtered and sorted. Sorting is stable, so the API's
/// order breaks ties.
pub fn visible<'a>(
    rewards: &'a [Reward],
    member: Option<&Member>,
    tiers: &[Tier],
    filter: Filter,
    sort: Sort,
) -> Vec<(&'a Reward, Status)> {
    let mut out: Vec<(&Reward, Status)> = rewards
        .iter()
        .filter(|r| r.kind != RewardKind::Unknown)
        .map(|r| (r, status(r, member, tiers)))
        .filter(|(r, s)| filter.matches(r, s))
        .collect();
    match sort {
        Sort::CostLowToHigh => out.sort_by_key(|(r, _)| r.cost),
        Sort::CostHighToLow => out.sort_by_key(|(r, _)| std::cmp::Reverse(r.cost)),
    }
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextReward<'a> {
    /// The most expensive reward they can redeem now.
    CanRedeem(&'a Reward),
    /// The cheapest reward within reach by tier, and the points still needed.
    Short(&'a Reward, u64),
    None,
}

pub fn next_reward<'a>(rewards: &'a [Reward], member: &Member, tiers: &[Tier]) -> NextReward<'a> {
    let statuses: Vec<(&Reward, Status)> = rewards
        .iter()
        .map(|r| (r, status(r, Some(member), tiers)))
        .collect();
    let best_now = statuses
        .iter()
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

/// Whether any reward is affordable now: the launcher's badge.
pub fn can_redeem_any(rewards: &[Reward], member: &Member, tiers: &[Tier]) -> bool {
    rewards
        .iter()
        .any(|r| status(r, Some(member), tiers) == Status::Affordable)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::TierRef;

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
        assert_eq!(status(&c[0], Some(&m), &t), Status::Affordable);
        assert_eq!(status(&c[1], Some(&m), &t), Status::Short(360));
        assert_eq!(status(&c[3], Some(&m), &t), Status::Locked("GOLD".into()));
        assert_eq!(status(&c[4], Some(&m), &t), Status::Unavailable);
        assert_eq!(status(&c[0], None, &t), Status::Preview);
        assert_eq!(status(&c[3], None, &t), Status::Locked("GOLD".into()));
    }

    #[test]
    fn exactly_the_cost_is_affordable_and_an_unknown_tier_locks() {
        let t = tiers();
        let r = reward("x", RewardKind::Donation, 640, None, true);
        assert_eq!(status(&r, Some(&member(640, 0)), &t), Status::Affordable);
        let r = reward("y", RewardKind::Donation, 1, Some("diamond"), true);
        assert_eq!(
            status(&r, Some(&member(640, 9999)), &t),
            Status::Locked("diamond".into())
        );
    }

    #[test]
    fn filters_and_sorts() {
        let (c, t, m) = (catalog(), tiers(), member(640, 1250));
        let ids = |f, s| -> Vec<String> {
            visible(&c, Some(&m), &t, f, s)
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
            visible(&c, None, &tiers(), Filter::All, Sort::CostLowToHigh).len(),
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
            matches!(next_reward(&c, &member(640, 1250), &t), NextReward::CanRedeem(r) if r.id == "five")
        );
        assert!(
            matches!(next_reward(&c, &member(250, 1250), &t), NextReward::Short(r, 50) if r.id == "ship")
        );
        assert_eq!(next_reward(&[], &member(0, 0), &t), NextReward::None);
        assert!(can_redeem_any(&c, &member(300, 0), &t));
        assert!(!can_redeem_any(&c, &member(299, 0), &t));
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
            Filter::CanRedeem,
            Sort::CostLowToHigh,
        );
        assert_eq!(v.len(), 500);
        assert_eq!(v[0].0.cost, 1);
    }
}
