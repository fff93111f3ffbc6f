//! The page's loyalty state and the actions that change it. One store serves every widget on the
//! page, so a redemption in the launcher updates the balance in an inline widget too. A new
//! shopper (`identify`, `logout`) gets a new store: nothing of the previous one survives.

mod actions;
mod choice;
mod events;
mod nudges;

use std::cell::Cell;

use laurel_core::cart::CartMode;
use laurel_core::config::{Config, Nudges};
use laurel_core::i18n::Locale;
use laurel_core::load::{ErrorKind, Load};
use laurel_core::nudge::Nudge;
use laurel_core::view::View;
use laurel_core::wire::{ActivityEntry, EarnKind, Redemption, Reward, WidgetData};
use leptos::prelude::*;

pub use choice::Choice;
pub use events::{Event, EventSink, MemberSummary, Origin};

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
    Done(Box<Redemption>),
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
    pub earn_actions: RwSignal<Vec<(EarnKind, ActionState)>>,

    /// Whether the launcher's panel is open, and the view it shows.
    pub launcher_open: Choice<bool>,
    pub launcher_view: Choice<View>,
    /// The view of the latest `open(view)`; setting it notifies even when it is the same.
    pub nav: Choice<View>,
    /// Whether the browser is offline; the data on screen is as of [`Store::fetched_at`].
    pub offline: Choice<bool>,
    /// Notified when the nudge on show changes (see [`Store::nudge`]); how nudges show.
    nudging: Choice<bool>,
    pub nudges: Nudges,
    /// What the store works with but never renders, in one value: one set of accessors
    /// compiled instead of one per type.
    services: StoredValue<Services, LocalStorage>,
}

struct Services {
    client: HttpClient,
    cart: CartMode,
    sink: Option<EventSink>,
    /// The loader's `/v1/widget` request, taken over by the first load.
    prefetched: Option<js_sys::Promise>,
    ready_sent: bool,
    /// How many launchers are mounted; nothing renders from it.
    launchers: u32,
    /// How many `open(view)` requests were made, so a widget applies only newer ones.
    nav_requests: u32,
    /// The timer that renews the token before it expires.
    renewal: Option<crate::browser::timer::Timer>,
    /// When the data on screen was fetched (ms since the epoch), for "as of" while offline.
    fetched_at: f64,
    /// How many refreshes were started: only the latest one's answer is applied, since answers
    /// may arrive out of order.
    refreshes: u32,
    /// The rewards each widget has reported as viewed, so each is reported once.
    viewed: Vec<(Origin, String)>,
    /// The shop's claim for the order on an order confirmation page: joining claims its points.
    order_claim: Option<String>,
    /// The `localStorage` key of this customer's seen nudges; `None` until the loader gives one.
    memory: Option<String>,
    /// The nudge on show.
    nudge: Option<Nudge>,
    /// The nudges told to the page, space-separated (`key`, and `key!` once shown).
    told: String,
    /// Whether a nudge was put on show on this page.
    nudged: bool,
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
            earn_actions: RwSignal::new(Vec::new()),
            launcher_open: Choice::new(false),
            launcher_view: Choice::new(View::Home),
            nav: Choice::new(View::Home),
            services: StoredValue::new_local(Services {
                client: HttpClient::new(
                    &config.api_base,
                    config.token.clone(),
                    config.token_url.clone(),
                    config.timeout_ms,
                ),
                cart: config.cart.clone(),
                sink: None,
                prefetched: None,
                ready_sent: false,
                launchers: 0,
                nav_requests: 0,
                renewal: None,
                fetched_at: 0.0,
                order_claim: None,
                viewed: Vec::new(),
                refreshes: 0,
                memory: None,
                nudge: None,
                told: String::new(),
                nudged: false,
            }),
            offline: Choice::new(false),
            nudging: Choice::new(false),
            nudges: config.nudges,
        }
    }

    /// Whether this is still the live store. Async work stops when it is not.
    pub fn is_live(&self) -> bool {
        LIVE.with(Cell::get) == self.id
    }

    /// Makes no store live, before this one's owner is disposed, and stops its timer.
    pub fn retire(&self) {
        if self.is_live() {
            LIVE.with(|l| l.set(l.get().wrapping_add(1)));
        }
        if let Some(t) = self
            .services
            .try_update_value(|s| s.renewal.take())
            .flatten()
        {
            t.clear();
        }
    }

    /// Hands the first load a request already in flight.
    pub fn set_prefetched(&self, response: js_sys::Promise) {
        self.services
            .update_value(|s| s.prefetched = Some(response));
    }

    /// The loader's request, once.
    fn take_prefetched(&self) -> Option<js_sys::Promise> {
        self.services
            .try_update_value(|s| s.prefetched.take())
            .flatten()
    }

    /// Whether `laurel:ready` is still to be sent; it is sent once.
    fn first_ready(&self) -> bool {
        self.services
            .try_update_value(|s| !std::mem::replace(&mut s.ready_sent, true))
            .unwrap_or(false)
    }

    /// The order whose points joining claims, from `<laurel-widget view="claim" order>`.
    pub fn set_order_claim(&self, claim: String) {
        self.services.update_value(|s| s.order_claim = Some(claim));
    }

    /// A launcher mounted (`+1`) or unmounted (`-1`).
    pub fn count_launcher(&self, delta: i32) {
        self.services
            .update_value(|s| s.launchers = s.launchers.saturating_add_signed(delta));
    }

    /// How many `open(view)` requests were made so far.
    pub fn nav_requests(&self) -> u32 {
        self.services.with_value(|s| s.nav_requests)
    }

    fn has_launcher(&self) -> bool {
        self.services.with_value(|s| s.launchers > 0)
    }

    /// The state of joining: the action state of the signup rule.
    pub fn enrollment(&self) -> ActionState {
        self.earn_action(EarnKind::Signup)
    }

    /// How a redeemed code reaches the cart.
    pub fn cart(&self) -> CartMode {
        self.services.with_value(|s| s.cart.clone())
    }

    /// Shows data at once, e.g. what this shopper saw on the previous page; the first load then
    /// replaces it without a loading state in between.
    pub fn seed(&self, data: WidgetData) {
        self.data.set(Load::Ready(data));
    }

    /// Where events go; until this is set they are dropped.
    pub fn set_sink(&self, sink: EventSink) {
        self.services.update_value(|s| s.sink = Some(sink));
    }

    /// Delivers `event`; `false` when a listener cancelled it. The sink is cloned out first, so
    /// a listener may call back into the widget.
    pub fn emit(&self, event: Event, origin: Origin) -> bool {
        let sink = self.services.with_value(|s| s.sink.clone());
        sink.is_none_or(|s| s(&event, origin))
    }

    fn client(&self) -> HttpClient {
        self.services.with_value(|s| s.client.clone())
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

    pub fn set_earn_action(&self, kind: EarnKind, state: ActionState) {
        self.earn_actions.update(|all| {
            all.retain(|(k, _)| *k != kind);
            all.push((kind, state));
        });
    }
}
