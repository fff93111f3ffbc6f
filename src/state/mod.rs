//! The page's loyalty state and the actions that change it. One store serves every widget on the
//! page, so a redemption in the launcher updates the balance in an inline widget too. A new
//! shopper (`identify`, `logout`) gets a new store: nothing of the previous one survives.

mod actions;
mod events;

use std::cell::Cell;

use laurel_core::cart::CartMode;
use laurel_core::config::Config;
use laurel_core::i18n::Locale;
use laurel_core::load::{ErrorKind, Load};
use laurel_core::view::View;
use laurel_core::wire::{ActivityEntry, EarnKind, Redemption, Reward, WidgetData};
use leptos::prelude::*;

pub use events::{Event, EventSink, Origin};

use crate::api::HttpClient;

thread_local! {
    // The live store's number. Async work checks it after every await, because the store it
    // started in may have been disposed meanwhile, and reading a disposed signal panics.
    static LIVE: Cell<u32> = const { Cell::new(0) };
}

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
    /// The widget it was started in, which shows the dialog.
    pub origin: Origin,
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
    id: u32,
    pub locale: Locale,
    pub data: RwSignal<Load<WidgetData>>,
    pub redemptions: RwSignal<Option<Load<Vec<Redemption>>>>,
    pub history: RwSignal<History>,
    pub redeem: RwSignal<Option<RedeemFlow>>,
    pub enroll: RwSignal<ActionState>,
    pub earn_actions: RwSignal<Vec<(EarnKind, ActionState)>>,
    pub cart: StoredValue<CartMode>,
    /// Whether the launcher's panel is open, and the view it shows.
    pub launcher_open: RwSignal<bool>,
    pub launcher_view: RwSignal<View>,
    /// How many launchers are mounted.
    pub launchers: RwSignal<u32>,
    /// The latest `open(view)` request, numbered so that asking for the same view again counts.
    pub nav: RwSignal<(u32, View)>,
    ready_sent: StoredValue<bool>,
    client: StoredValue<HttpClient>,
    sink: StoredValue<Option<EventSink>, LocalStorage>,
}

impl Store {
    /// A new store, which becomes the live one. Create it inside the owner that disposes it.
    pub fn new(config: &Config) -> Self {
        let id = LIVE.with(|l| {
            l.set(l.get().wrapping_add(1));
            l.get()
        });
        Self {
            id,
            locale: config.locale,
            data: RwSignal::new(Load::Loading),
            redemptions: RwSignal::new(None),
            history: RwSignal::new(History::default()),
            redeem: RwSignal::new(None),
            enroll: RwSignal::new(ActionState::Idle),
            earn_actions: RwSignal::new(Vec::new()),
            cart: StoredValue::new(config.cart.clone()),
            launcher_open: RwSignal::new(false),
            launcher_view: RwSignal::new(View::Home),
            launchers: RwSignal::new(0),
            nav: RwSignal::new((0, View::Home)),
            ready_sent: StoredValue::new(false),
            client: StoredValue::new(HttpClient::new(
                &config.api_base,
                config.token.clone(),
                config.timeout_ms,
            )),
            sink: StoredValue::new_local(None),
        }
    }

    /// Whether this is still the live store. Async work stops when it is not.
    pub fn is_live(&self) -> bool {
        LIVE.with(Cell::get) == self.id
    }

    /// Makes no store live, before this one's owner is disposed.
    pub fn retire(&self) {
        if self.is_live() {
            LIVE.with(|l| l.set(l.get().wrapping_add(1)));
        }
    }

    /// Where events go; until this is set they are dropped.
    pub fn set_sink(&self, sink: EventSink) {
        self.sink.set_value(Some(sink));
    }

    /// Delivers `event`; `false` when a listener cancelled it. The sink is cloned out first, so
    /// a listener may call back into the widget.
    pub fn emit(&self, event: Event, origin: Origin) -> bool {
        let sink = self.sink.with_value(Clone::clone);
        sink.is_none_or(|s| s(&event, origin))
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
