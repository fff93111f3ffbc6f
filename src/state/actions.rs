//! What the shopper (or the host page) can do. Each action calls the API, folds the answer into
//! the store and says what changed. Async work stops when the store is no longer live.

use std::cell::Cell;
use std::rc::Rc;

use laurel_core::changes::{member_changes, MemberChange};
use laurel_core::load::Load;
use laurel_core::text::concat;
use laurel_core::token::expires_at;
use laurel_core::view::View;
use laurel_core::wire::{ActionRequest, EarnKind, EnrollmentRequest, Member, Reward, WidgetData};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{ActionState, Event, Origin, RedeemFlow, RedeemStep, Store};
use crate::api::{ApiError, LoyaltyApi};
use crate::browser::report;

impl Store {
    /// Loads (or reloads) everything for the first render. Data seeded from the cache stays on
    /// screen until the answer replaces it.
    pub fn load(self) {
        let seeded = self.data.with_untracked(|d| matches!(d, Load::Ready(_)));
        if !seeded {
            self.data.set(Load::Loading);
        }
        let client = self.client();
        let prefetched = self.take_prefetched();
        spawn_local(async move {
            let result = match prefetched {
                Some(response) => client.widget_from(response).await,
                None => client.widget().await,
            };
            if !self.is_live() {
                return;
            }
            match result {
                Ok(data) => {
                    let event = Event::Ready {
                        signed_in: data.signed_in,
                        member: data.member.as_ref().map(Into::into),
                    };
                    if seeded {
                        self.replace_data(data, Origin::PAGE);
                    } else {
                        self.data.set(Load::Ready(data));
                    }
                    self.fetched_now();
                    if self.first_ready() {
                        self.schedule_renewal();
                        self.emit(event, Origin::PAGE);
                    }
                    self.check_nudges();
                }
                Err(e) if self.signed_out(&e) => {}
                Err(e) => {
                    report(&concat(&["could not load the widget: ", &e.message()]));
                    self.data.set(Load::Failed(e.kind()));
                    self.emit(Event::LoadFailed { kind: e.kind() }, Origin::PAGE);
                }
            }
        });
    }

    /// Fetches everything again in the background, keeping what is shown until the answer comes,
    /// e.g. after the shop placed an order. Codes and history load again when next shown.
    pub fn refresh(self) {
        if !self.data.with_untracked(|d| matches!(d, Load::Ready(_))) {
            return self.load();
        }
        let client = self.client();
        let ticket = self.services.try_update_value(|s| {
            s.refreshes = s.refreshes.wrapping_add(1);
            s.refreshes
        });
        spawn_local(async move {
            let result = client.widget().await;
            if !self.is_live() || self.services.try_with_value(|s| s.refreshes) != ticket {
                return;
            }
            match result {
                Ok(data) => {
                    self.redemptions.set(None);
                    self.history.set(Default::default());
                    self.fetched_now();
                    self.replace_data(data, Origin::PAGE);
                    self.check_nudges();
                }
                Err(e) if self.signed_out(&e) => {}
                Err(e) => report(&concat(&["could not refresh the widget: ", &e.message()])),
            }
        });
    }

    /// Swaps in fresh data and reports what changed for the member.
    fn replace_data(self, data: WidgetData, origin: Origin) {
        let before = self.member();
        let changes = member_changes(before.as_ref(), data.member.as_ref());
        self.data.set(Load::Ready(data));
        self.emit_changes(changes, origin);
    }

    /// Swaps in a fresh member and reports what changed.
    fn replace_member(self, member: Member, origin: Origin) {
        let changes = member_changes(self.member().as_ref(), Some(&member));
        self.data.update(|d| {
            if let Load::Ready(d) = d {
                d.member = Some(member);
            }
        });
        self.emit_changes(changes, origin);
        // An action may have finished a challenge (and credited its points): read again.
        self.refresh();
    }

    fn emit_changes(self, changes: Vec<MemberChange>, origin: Origin) {
        for change in changes {
            let event = match change {
                MemberChange::Points { old, new } => Event::PointsChanged { old, new },
                MemberChange::Tier { old, new } => Event::TierChanged { old, new },
            };
            if !self.is_live() {
                return;
            }
            self.emit(event, origin);
        }
    }

    /// The member as loaded, untracked.
    pub fn member(&self) -> Option<Member> {
        self.data.with_untracked(|d| match d {
            Load::Ready(d) => d.member.clone(),
            _ => None,
        })
    }

    pub fn join(self, marketing_opt_in: bool, origin: Origin) {
        if untrack(|| self.enrollment()) == ActionState::Busy {
            return;
        }
        self.set_earn_action(EarnKind::Signup, ActionState::Busy);
        let client = self.client();
        spawn_local(async move {
            let req = EnrollmentRequest {
                accept_terms: true,
                marketing_opt_in,
                order_claim: self.services.with_value(|s| s.order_claim.clone()),
            };
            let result = client.enroll(&req).await;
            let result = match result {
                // Fetch the member's rules and statuses before showing the member view, so that
                // it renders once (and the greeting can take focus once).
                Ok(member) => Ok((member, client.widget().await.ok())),
                Err(e) => Err(e),
            };
            if !self.is_live() {
                return;
            }
            match result {
                Ok((member, fresh)) => {
                    self.set_earn_action(EarnKind::Signup, ActionState::Done(0));
                    match fresh {
                        Some(data) => self.data.set(Load::Ready(data)),
                        None => self.data.update(|d| {
                            if let Load::Ready(d) = d {
                                d.member = Some(member.clone());
                            }
                        }),
                    }
                    let member = (&member).into();
                    self.emit(Event::Enrolled { member }, origin);
                }
                Err(e) if self.signed_out(&e) => {}
                Err(e) => self.set_earn_action(EarnKind::Signup, ActionState::Failed(e.kind())),
            }
        });
    }

    /// Runs an in-widget earn action (birthday, newsletter, social follow).
    pub fn earn(self, kind: EarnKind, action: ActionRequest, origin: Origin) {
        if self.earn_action(kind) == ActionState::Busy {
            return;
        }
        self.set_earn_action(kind, ActionState::Busy);
        let client = self.client();
        spawn_local(async move {
            let result = client.action(&action).await;
            if !self.is_live() {
                return;
            }
            match result {
                Ok(result) => {
                    // A once-only rule of this kind is now done.
                    self.data.update(|d| {
                        if let Load::Ready(d) = d {
                            d.earn_rules
                                .iter_mut()
                                .filter(|r| r.kind == kind && !r.repeatable)
                                .for_each(|r| r.completed = true);
                        }
                    });
                    self.set_earn_action(kind, ActionState::Done(result.points_awarded));
                    self.history.set(Default::default());
                    self.replace_member(result.member, origin);
                }
                Err(e) if self.signed_out(&e) => {}
                Err(e) => self.set_earn_action(kind, ActionState::Failed(e.kind())),
            }
        });
    }

    /// Starts a redemption intent in the widget `origin`: a confirmation step with a fresh
    /// Idempotency-Key.
    pub fn start_redeem(self, reward: Reward, origin: Origin) {
        self.redeem.set(Some(RedeemFlow {
            reward,
            key: crate::browser::new_key(),
            step: RedeemStep::Confirm,
            origin,
        }));
    }

    /// Closes the redeem dialog, unless its request is in flight.
    pub fn close_redeem(self) {
        let in_flight = self
            .redeem
            .with_untracked(|f| f.as_ref().is_some_and(|f| f.step == RedeemStep::InFlight));
        if !in_flight {
            self.redeem.set(None);
        }
    }

    /// Sends the redemption; retries reuse the intent's key. Ignored while one is in flight. A
    /// page listener may cancel it through `laurel:before-redeem`, before any request.
    pub fn confirm_redeem(self) {
        let Some(flow) = self.redeem.get_untracked() else {
            return;
        };
        if matches!(flow.step, RedeemStep::InFlight | RedeemStep::Done(_)) {
            return;
        }
        let allowed = self.emit(
            Event::BeforeRedeem {
                reward: Box::new(flow.reward.clone()),
            },
            flow.origin,
        );
        if !self.is_live() {
            return;
        }
        if !allowed {
            self.redeem.set(None);
            return;
        }
        self.redeem.update(|f| {
            if let Some(f) = f {
                f.step = RedeemStep::InFlight;
            }
        });
        let client = self.client();
        spawn_local(async move {
            let result = client.redeem(&flow.reward.id, &flow.key).await;
            if !self.is_live() {
                return;
            }
            let step = match result {
                Ok(redemption) => {
                    let old = self.member().map(|m| m.balance);
                    self.data.update(|d| {
                        if let Load::Ready(d) = d {
                            if let Some(m) = &mut d.member {
                                m.balance = redemption.balance_after;
                            }
                        }
                    });
                    self.redemptions.update(|r| {
                        if let Some(Load::Ready(list)) = r {
                            list.insert(0, redemption.clone());
                        }
                    });
                    self.history.set(Default::default());
                    self.redeem.update(|f| {
                        if let Some(f) = f.as_mut().filter(|f| f.key == flow.key) {
                            f.step = RedeemStep::Done(Box::new(redemption.clone()));
                        }
                    });
                    let new = redemption.balance_after;
                    self.emit(
                        Event::RewardRedeemed {
                            reward: Box::new(flow.reward.clone()),
                            redemption: Box::new(redemption),
                        },
                        flow.origin,
                    );
                    if let Some(old) = old.filter(|o| *o != new) {
                        self.emit_changes(vec![MemberChange::Points { old, new }], flow.origin);
                    }
                    // A redemption may have finished a challenge, and it changed the stock.
                    self.refresh();
                    return;
                }
                Err(e) if self.signed_out(&e) => return,
                Err(e) => {
                    report(&concat(&["could not redeem: ", &e.message()]));
                    RedeemStep::Failed(e.kind())
                }
            };
            self.redeem.update(|f| {
                if let Some(f) = f.as_mut().filter(|f| f.key == flow.key) {
                    f.step = step;
                }
            });
        });
    }

    /// Loads the member's codes once (or again after a failure).
    pub fn load_redemptions(self) {
        if matches!(
            self.redemptions.get_untracked(),
            Some(Load::Ready(_) | Load::Loading)
        ) {
            return;
        }
        self.redemptions.set(Some(Load::Loading));
        let client = self.client();
        spawn_local(async move {
            let result = client.redemptions().await;
            if !self.is_live() {
                return;
            }
            let next = match result {
                Ok(list) => Load::Ready(list.items),
                Err(e) if self.signed_out(&e) => return,
                Err(e) => Load::Failed(e.kind()),
            };
            self.redemptions.set(Some(next));
        });
    }

    /// Loads the first page of history, or the next one with `more`.
    pub fn load_history(self, more: bool) {
        let current = self.history.get_untracked();
        if current.loading || (!more && current.loaded) || (more && current.next.is_none()) {
            return;
        }
        let cursor = if more { current.next.clone() } else { None };
        self.history.update(|h| {
            h.loading = true;
            h.error = None;
        });
        let client = self.client();
        spawn_local(async move {
            let result = client.activity(cursor.as_deref()).await;
            if !self.is_live() || result.as_ref().is_err_and(|e| self.signed_out(e)) {
                return;
            }
            self.history.update(|h| {
                h.loading = false;
                match result {
                    Ok(page) => {
                        if !more {
                            h.items.clear();
                        }
                        h.items.extend(page.items);
                        h.next = page.next_cursor;
                        h.loaded = true;
                    }
                    Err(e) => h.error = Some(e.kind()),
                }
            });
        });
    }

    /// Fetches what a purchase (`amount` and `currency`) or an order (`order`) earns into `into`;
    /// failures leave it empty. Only the latest request counted in `latest` applies, so a quick
    /// change of variant cannot show a stale figure.
    pub fn preview_points(
        self,
        query: Vec<(&'static str, String)>,
        into: RwSignal<Option<laurel_core::wire::PointsPreview>>,
        latest: Rc<Cell<u32>>,
    ) {
        let ticket = latest.get().wrapping_add(1);
        latest.set(ticket);
        let client = self.client();
        spawn_local(async move {
            let result = client.points_preview(&query).await;
            if !self.is_live() || latest.get() != ticket {
                return;
            }
            match result {
                Ok(p) => into.set(Some(p)),
                Err(e) => {
                    into.set(None);
                    report(&concat(&["could not preview points: ", &e.message()]));
                }
            }
        });
    }
}

/// The launcher and navigation, for the shopper's clicks and the page's `Laurel.open()`.
impl Store {
    /// Shows `view` (or the current one) in every widget and opens the launcher's panel. A
    /// launcher that mounts later (its tag still loading) starts open.
    pub fn open(self, view: Option<View>) {
        // What a nudge said is on show in the panel now; a celebration shows there too.
        self.dismiss_nudge(|n| !n.kind.celebrates());
        if let Some(v) = view {
            self.services.update_value(|s| s.nav_requests += 1);
            self.nav.set(v);
            self.launcher_view.set(v);
        }
        if !self.launcher_open.get_untracked() {
            self.launcher_open.set(true);
            if self.has_launcher() {
                self.announce_open();
            }
        }
    }

    /// Tells the page that the launcher's panel is open.
    pub fn announce_open(self) {
        let view = self.launcher_view.get_untracked();
        self.emit(Event::Open { view }, Origin::PAGE);
    }

    /// Closes the launcher's panel and the redeem dialog, unless a redemption is in flight.
    pub fn close(self) {
        if self
            .redeem
            .with_untracked(|f| f.as_ref().is_some_and(|f| f.step == RedeemStep::InFlight))
        {
            return;
        }
        self.redeem.set(None);
        // A celebration belongs to the panel it showed in.
        self.dismiss_nudge(|n| n.kind.celebrates());
        if self.launcher_open.get_untracked() {
            self.launcher_open.set(false);
            if self.has_launcher() {
                self.emit(Event::Close, Origin::PAGE);
            }
        }
    }
}

/// Sessions that end, tokens that expire, and connections that drop.
impl Store {
    /// After a refusal the shop's token endpoint could not fix: the shopper is a guest now, so
    /// the widget says so and loads the guest view, with its sign-in link. `true` if it was that.
    fn signed_out(self, e: &ApiError) -> bool {
        if *e != ApiError::SignedOut {
            return false;
        }
        self.redeem.set(None);
        self.emit(Event::SignedOut, Origin::PAGE);
        if self.is_live() {
            self.data.set(Load::Loading);
            self.load();
        }
        true
    }

    fn fetched_now(self) {
        self.services
            .update_value(|s| s.fetched_at = js_sys::Date::now());
    }

    /// Renews the token a minute before it expires, when the shop gave a token endpoint.
    fn schedule_renewal(self) {
        let client = self.client();
        let Some(expires) = client.token().as_deref().and_then(expires_at) else {
            return;
        };
        if !client.renews() {
            return;
        }
        let wait_ms = ((expires - 60) as f64 * 1000.0 - js_sys::Date::now()).max(5_000.0);
        let timer = crate::browser::timer::after(wait_ms, move || {
            spawn_local(async move {
                if self.is_live() && client.renew().await && self.is_live() {
                    self.schedule_renewal();
                }
            });
        });
        self.services.update_value(|s| s.renewal = Some(timer));
    }

    /// A reward card is on screen: `laurel:reward-viewed`, once per reward and widget.
    pub fn reward_shown(self, reward: &Reward, origin: Origin) {
        let first = self
            .services
            .try_update_value(|s| {
                let key = (origin, reward.id.clone());
                let first = !s.viewed.contains(&key);
                if first {
                    s.viewed.push(key);
                }
                first
            })
            .unwrap_or(false);
        if first {
            self.emit(
                Event::RewardViewed {
                    reward: Box::new(reward.clone()),
                },
                origin,
            );
        }
    }

    /// The browser went offline: what is on screen stays, marked with when it was fetched.
    pub fn went_offline(self) {
        self.offline.set(true);
    }

    /// When the data on screen was fetched (ms since the epoch).
    pub fn fetched_at(self) -> f64 {
        self.services.with_value(|s| s.fetched_at)
    }

    /// Back online: fetch what changed meanwhile.
    pub fn went_online(self) {
        if self.offline.get_untracked() {
            self.offline.set(false);
            self.refresh();
        }
    }
}
