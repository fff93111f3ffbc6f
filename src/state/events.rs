//! What happened, for the page to hear. The state layer says what; `embed` turns each event into
//! a DOM `CustomEvent` on the widget's host. Nothing here touches the DOM.

use std::rc::Rc;

use laurel_core::load::ErrorKind;
use laurel_core::nudge::Nudge;
use laurel_core::view::View;
use laurel_core::wire::{EarnRule, Member, Redemption, Reward, TierRef};

/// What events say about a member: the balance and the tier, nothing personal.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberSummary {
    pub balance: u64,
    pub tier: Option<TierRef>,
}

impl From<&Member> for MemberSummary {
    fn from(m: &Member) -> Self {
        Self {
            balance: m.balance,
            tier: m.tier.clone(),
        }
    }
}

/// Which widget on the page an event comes from: `embed` gives each mounted host a number and
/// provides it as context. `Origin::PAGE` is the page as a whole.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Origin(pub u32);

impl Origin {
    pub const PAGE: Origin = Origin(0);
}

#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// The first answer of the session is on screen.
    Ready {
        signed_in: bool,
        member: Option<MemberSummary>,
    },
    /// The first load failed.
    LoadFailed {
        kind: ErrorKind,
    },
    /// The token was refused and could not be renewed: the widget shows the guest view.
    SignedOut,
    Open {
        view: View,
    },
    Close,
    Enrolled {
        member: MemberSummary,
    },
    PointsChanged {
        old: u64,
        new: u64,
    },
    TierChanged {
        old: Option<TierRef>,
        new: Option<TierRef>,
    },
    /// Sent before a redemption request; a listener may cancel it.
    BeforeRedeem {
        reward: Box<Reward>,
    },
    RewardRedeemed {
        reward: Box<Reward>,
        redemption: Box<Redemption>,
    },
    /// A reward card was shown; once per reward and widget while the page is open.
    RewardViewed {
        reward: Box<Reward>,
    },
    /// The shopper chose Redeem on a reward, before the confirm step.
    RewardClicked {
        reward: Box<Reward>,
    },
    /// The shopper used a way to earn: its button, form or link.
    EarnClicked {
        rule: Box<EarnRule>,
    },
    /// Something worth telling the member (`shown: false`), or its toast went on screen.
    Nudge {
        nudge: Box<Nudge>,
        shown: bool,
    },
}

/// Delivers an event; returns `false` when a listener cancelled it.
pub type EventSink = Rc<dyn Fn(&Event, Origin) -> bool>;
