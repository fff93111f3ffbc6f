//! The page's loyalty state and the actions that change it. One store serves every widget on the
//! page, so a redemption in the launcher updates the balance in an inline widget too.

mod actions;

use laurel_core::config::Config;
use laurel_core::i18n::Locale;
use laurel_core::load::{ErrorKind, Load};
use laurel_core::wire::{ActivityEntry, EarnKind, Redemption, Reward, WidgetData};
use leptos::prelude::*;

use crate::api::HttpClient;

/// The points history, loaded page by page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct History {
    pub items: Vec<ActivityEntry>,
    pub next: Option<String>,
    pub loading: bool,
    pub loaded: bool,
    pub error: Option<ErrorKind>,
}

/// One redemption intent, from confirmation to code. The key stays the same across retries.
#[derive(Debug, Clone, PartialEq)]
pub struct RedeemFlow {
    pub reward: Reward,
    pub key: String,
    pub step: RedeemStep,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RedeemStep {
    Confirm,
    InFlight,
    Done(Redemption),
    Failed(ErrorKind),
}

/// A small in-widget action (enroll, birthday, newsletter...): busy, or its outcome.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum ActionState {
    #[default]
    Idle,
    Busy,
    /// Points awarded (0 when already awarded).
    Done(u64),
    Failed(ErrorKind),
}

#[derive(Clone, Copy)]
pub struct Store {
    pub locale: Locale,
    pub data: RwSignal<Load<WidgetData>>,
    pub redemptions: RwSignal<Option<Load<Vec<Redemption>>>>,
    pub history: RwSignal<History>,
    pub redeem: RwSignal<Option<RedeemFlow>>,
    pub enroll: RwSignal<ActionState>,
    pub earn_actions: RwSignal<Vec<(EarnKind, ActionState)>>,
    pub cart_url: StoredValue<Option<String>>,
    client: StoredValue<HttpClient>,
}

impl Store {
    pub fn new(config: &Config) -> Self {
        Self {
            locale: config.locale,
            data: RwSignal::new(Load::Loading),
            redemptions: RwSignal::new(None),
            history: RwSignal::new(History::default()),
            redeem: RwSignal::new(None),
            enroll: RwSignal::new(ActionState::Idle),
            earn_actions: RwSignal::new(Vec::new()),
            cart_url: StoredValue::new(config.cart_url.clone()),
            client: StoredValue::new(HttpClient::new(
                &config.api_base,
                config.token.clone(),
                config.timeout_ms,
            )),
        }
    }

    fn client(&self) -> HttpClient {
        self.client.get_value()
    }

    /// The state of an earn action, by rule kind.
    pub fn earn_action(&self, kind: EarnKind) -> ActionState {
        self.earn_actions.with(|all| {
            all.iter()
                .find(|(k, _)| *k == kind)
                .map(|(_, s)| s.clone())
                .unwrap_or_default()
        })
    }

    fn set_earn_action(&self, kind: EarnKind, state: ActionState) {
        self.earn_actions.update(|all| {
            all.retain(|(k, _)| *k != kind);
            all.push((kind, state));
        });
    }
}
