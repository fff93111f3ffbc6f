//! Nudges: what is worth telling a member briefly, once. Each has a stable key, so the widget can
//! remember which ones the member has seen to the end (dismissed or followed) without keeping
//! anything personal: keys name tiers, challenges, rewards, boosts and dates, never the member.

use crate::boost::{headline, Phase};
use crate::catalog::{next_reward, NextReward};
use crate::text::concat;
use crate::time::parse_rfc3339;
use crate::wire::WidgetData;

/// Points expiring within this many seconds are worth a nudge.
const EXPIRY_WINDOW: i64 = 7 * 86_400;

/// What a nudge is about, most important first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NudgeKind {
    TierReached,
    ChallengeCompleted,
    PointsExpiring,
    BoostRunning,
    RewardAffordable,
}

impl NudgeKind {
    /// The name in the `laurel:nudge` event and the toast's `data-kind`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::TierReached => "tier-reached",
            Self::ChallengeCompleted => "challenge-completed",
            Self::PointsExpiring => "points-expiring",
            Self::BoostRunning => "boost-running",
            Self::RewardAffordable => "reward-affordable",
        }
    }

    /// Reaching a tier and finishing a challenge are news when they happen, so they are
    /// celebrated; on a member's first visit they are history and not announced.
    pub fn celebrates(self) -> bool {
        self <= Self::ChallengeCompleted
    }
}

/// One nudge, with what its text needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nudge {
    pub kind: NudgeKind,
    /// What the widget remembers it by: its kind and subject, e.g. `tier-reached:gold`.
    pub key: String,
    /// The tier's, challenge's, reward's or boost's name.
    pub name: String,
    /// The challenge's reward or the expiring points.
    pub points: u64,
    /// When the boost ends (RFC 3339).
    pub ends_at: String,
}

impl Nudge {
    fn new(kind: NudgeKind, subject: &str, name: &str, points: u64) -> Self {
        Self {
            kind,
            key: concat(&[kind.as_str(), ":", subject]),
            name: name.to_owned(),
            points,
            ends_at: String::new(),
        }
    }

    /// The tier, challenge, reward or boost id, or the expiry date (`YYYY-MM-DD`).
    pub fn subject(&self) -> &str {
        &self.key[self.kind.as_str().len() + 1..]
    }
}

/// Every nudge for the member in `data` at `now` (Unix seconds), most important first: the
/// member's tier, each finished challenge, points expiring within 7 days, the running boost that
/// ends first, and the dearest reward the member can redeem. None for a guest or a non-member.
pub fn nudges(data: &WidgetData, now: i64) -> Vec<Nudge> {
    let Some(member) = &data.member else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(t) = &member.tier {
        out.push(Nudge::new(NudgeKind::TierReached, &t.id, &t.name, 0));
    }
    for c in data.challenges.iter().filter(|c| c.completed_at.is_some()) {
        out.push(Nudge::new(
            NudgeKind::ChallengeCompleted,
            &c.id,
            &c.name,
            c.reward_points,
        ));
    }
    if let Some(e) = &member.expiring_points {
        // Points expire at the end of their last day, in UTC as the API counts it.
        let end = parse_rfc3339(&concat(&[&e.expires_on, "T23:59:59Z"]));
        if e.points > 0 && end.is_some_and(|end| end >= now && end - now < EXPIRY_WINDOW) {
            out.push(Nudge::new(
                NudgeKind::PointsExpiring,
                &e.expires_on,
                "",
                e.points,
            ));
        }
    }
    if let Some((b, Phase::Running(_))) = headline(&data.boosts, now) {
        let mut n = Nudge::new(NudgeKind::BoostRunning, &b.id, &b.name, 0);
        n.ends_at.clone_from(&b.ends_at);
        out.push(n);
    }
    if let NextReward::CanRedeem(r) = next_reward(&data.rewards, member, &data.tiers, now) {
        out.push(Nudge::new(NudgeKind::RewardAffordable, &r.id, &r.name, 0));
    }
    out
}

/// Whether `key` is in `seen`, the space-separated keys the widget stored.
pub fn is_seen(seen: &str, key: &str) -> bool {
    crate::text::split(seen, b' ').any(|k| k == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2026-11-25T00:00:00Z.
    const NOW: i64 = 1_795_564_800;

    fn data(member: &str, more: &str) -> WidgetData {
        let json = format!(
            r#"{{"program":{{"name":"P","points_name":{{"one":"point","other":"points"}},"signup_bonus":0,"signup_url":""}},
            {more}"member":{member},"tiers":[]}}"#
        );
        match serde_json::from_str(&json) {
            Ok(d) => d,
            Err(e) => panic!("fixture: {e}"),
        }
    }

    fn member(balance: u64, expiring: &str) -> String {
        format!(
            r#"{{"first_name":"M","balance":{balance},"lifetime_points":900,
            "tier":{{"id":"silver","name":"Silver","threshold":500}},"next_tier":null,
            "expiring_points":{expiring}}}"#
        )
    }

    fn kinds(d: &WidgetData, now: i64) -> Vec<(NudgeKind, String)> {
        nudges(d, now)
            .into_iter()
            .map(|n| (n.kind, n.subject().to_owned()))
            .collect()
    }

    #[test]
    fn a_guest_or_non_member_gets_none() {
        assert!(nudges(&data("null", ""), NOW).is_empty());
    }

    #[test]
    fn expiring_points_count_within_seven_days_to_the_end_of_their_day() {
        let d = data(
            &member(0, r#"{"points":120,"expires_on":"2026-12-01"}"#),
            "",
        );
        let expiring = |now| {
            kinds(&d, now)
                .iter()
                .any(|(k, s)| *k == NudgeKind::PointsExpiring && s == "2026-12-01")
        };
        // The last second of Dec 1 is 6 days 23:59:59 after NOW, so it counts; a day earlier
        // it is too far off, and once the day is over it is gone.
        assert!(expiring(NOW));
        assert!(!expiring(NOW - 86_400));
        assert!(expiring(NOW + 6 * 86_400 + 86_399));
        assert!(!expiring(NOW + 7 * 86_400));
        let none = data(&member(0, r#"{"points":0,"expires_on":"2026-11-26"}"#), "");
        assert_eq!(kinds(&none, NOW).len(), 1, "the tier only");
    }

    #[test]
    fn nudges_come_most_important_first_with_stable_keys() {
        let d = data(
            &member(50, r#"{"points":10,"expires_on":"2026-11-27"}"#),
            r#""challenges":[
              {"id":"ch_a","name":"A","steps":[],"reward_points":100,"completed_at":"2026-11-20T00:00:00Z"},
              {"id":"ch_b","name":"B","steps":[],"reward_points":50}],
            "boosts":[
              {"id":"b_late","name":"Later","kind":"multiplier","value":2,"applies_to":"purchases",
               "starts_at":"2026-11-20T00:00:00Z","ends_at":"2026-11-30T00:00:00Z"},
              {"id":"b_soon","name":"Soon","kind":"multiplier","value":2,"applies_to":"purchases",
               "starts_at":"2026-11-20T00:00:00Z","ends_at":"2026-11-26T00:00:00Z"}],"#,
        );
        let all = nudges(&d, NOW);
        let keys: Vec<&str> = all.iter().map(|n| n.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "tier-reached:silver",
                "challenge-completed:ch_a",
                "points-expiring:2026-11-27",
                "boost-running:b_soon",
            ]
        );
        assert_eq!(all[1].points, 100);
        assert_eq!(all[3].ends_at, "2026-11-26T00:00:00Z");
        assert!(all.windows(2).all(|w| w[0].kind <= w[1].kind));
        assert!(all[0].kind.celebrates() && all[1].kind.celebrates());
        assert!(!all[2].kind.celebrates());
        // Once the boost is over it is no news.
        assert!(kinds(&d, NOW + 5 * 86_400)
            .iter()
            .all(|(k, _)| *k != NudgeKind::BoostRunning));
    }

    #[test]
    fn the_reward_nudge_names_the_dearest_reward_in_reach() {
        let rewards = r#""rewards":[
          {"id":"cheap","kind":"donation","name":"Cheap","cost":100,"available":true},
          {"id":"dear","kind":"donation","name":"Dear","cost":500,"available":true},
          {"id":"out","kind":"donation","name":"Out","cost":900,"available":true}],"#;
        let reward = |balance| {
            kinds(&data(&member(balance, "null"), rewards), NOW)
                .into_iter()
                .find(|(k, _)| *k == NudgeKind::RewardAffordable)
                .map(|(_, s)| s)
        };
        assert_eq!(reward(640).as_deref(), Some("dear"));
        assert_eq!(reward(499).as_deref(), Some("cheap"));
        assert_eq!(reward(99), None);
    }

    #[test]
    fn seen_keys_match_whole_keys_only() {
        let seen = "tier-reached:silver boost-running:b_1";
        assert!(is_seen(seen, "tier-reached:silver"));
        assert!(!is_seen(seen, "tier-reached:silv"));
        assert!(!is_seen(seen, "boost-running:b_10"));
        assert!(!is_seen("", "tier-reached:silver"));
    }
}
