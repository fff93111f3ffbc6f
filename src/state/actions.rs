//! What the shopper can do. Each action calls the API and folds the answer into the store.

use laurel_core::load::Load;
use laurel_core::wire::{ActionRequest, EarnKind, EnrollmentRequest, Reward};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{ActionState, RedeemFlow, RedeemStep, Store};
use crate::api::LoyaltyApi;
use crate::embed::report;

impl Store {
    /// Loads (or reloads) everything for the first render.
    pub fn load(self) {
        self.data.set(Load::Loading);
        let client = self.client();
        spawn_local(async move {
            match client.widget().await {
                Ok(data) => self.data.set(Load::Ready(data)),
                Err(e) => {
                    report(&format!("could not load the widget: {e}"));
                    self.data.set(Load::Failed(e.kind()));
                }
            }
        });
    }

    pub fn join(self, marketing_opt_in: bool) {
        if self.enroll.get_untracked() == ActionState::Busy {
            return;
        }
        self.enroll.set(ActionState::Busy);
        let client = self.client();
        spawn_local(async move {
            let req = EnrollmentRequest {
                accept_terms: true,
                marketing_opt_in,
            };
            match client.enroll(&req).await {
                Ok(member) => {
                    // Fetch the member's rules and statuses before showing the member view, so that
                    // it renders once (and the greeting can take focus once).
                    let fresh = client.widget().await.ok();
                    self.enroll.set(ActionState::Done(0));
                    match fresh {
                        Some(data) => self.data.set(Load::Ready(data)),
                        None => self.set_member(member),
                    }
                }
                Err(e) => self.enroll.set(ActionState::Failed(e.kind())),
            }
        });
    }

    /// Runs an in-widget earn action (birthday, newsletter, social follow).
    pub fn earn(self, kind: EarnKind, action: ActionRequest) {
        if self.earn_action(kind) == ActionState::Busy {
            return;
        }
        self.set_earn_action(kind, ActionState::Busy);
        let client = self.client();
        spawn_local(async move {
            match client.action(&action).await {
                Ok(result) => {
                    // The answer has the member; a once-only rule of this kind is now done.
                    self.data.update(|d| {
                        if let Load::Ready(d) = d {
                            d.member = Some(result.member);
                            d.earn_rules
                                .iter_mut()
                                .filter(|r| r.kind == kind && !r.repeatable)
                                .for_each(|r| r.completed = true);
                        }
                    });
                    self.set_earn_action(kind, ActionState::Done(result.points_awarded));
                    self.history.set(Default::default());
                }
                Err(e) => self.set_earn_action(kind, ActionState::Failed(e.kind())),
            }
        });
    }

    fn set_member(self, member: laurel_core::wire::Member) {
        self.data.update(|d| {
            if let Load::Ready(d) = d {
                d.member = Some(member);
            }
        });
    }

    /// Starts a redemption intent: a confirmation step with a fresh Idempotency-Key.
    pub fn start_redeem(self, reward: Reward) {
        self.redeem.set(Some(RedeemFlow {
            reward,
            key: crate::embed::browser::new_key(),
            step: RedeemStep::Confirm,
        }));
    }

    pub fn close_redeem(self) {
        self.redeem.set(None);
    }

    /// Sends the redemption; retries reuse the intent's key. Ignored while one is in flight.
    pub fn confirm_redeem(self) {
        let Some(flow) = self.redeem.get_untracked() else {
            return;
        };
        if matches!(flow.step, RedeemStep::InFlight | RedeemStep::Done(_)) {
            return;
        }
        self.redeem.update(|f| {
            if let Some(f) = f {
                f.step = RedeemStep::InFlight;
            }
        });
        let client = self.client();
        spawn_local(async move {
            let step = match client.redeem(&flow.reward.id, &flow.key).await {
                Ok(redemption) => {
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
                    RedeemStep::Done(redemption)
                }
                Err(e) => {
                    report(&format!("could not redeem: {e}"));
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
            let next = match client.redemptions().await {
                Ok(list) => Load::Ready(list.items),
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
}

impl Store {
    /// Fetches what a purchase of `amount` would earn into `into`; failures leave it empty.
    pub fn preview_points(
        self,
        amount: String,
        currency: String,
        into: RwSignal<Option<laurel_core::wire::PointsPreview>>,
    ) {
        let client = self.client();
        spawn_local(async move {
            match client.points_preview(&amount, &currency).await {
                Ok(p) => into.set(Some(p)),
                Err(e) => report(&format!(
                    "could not preview points for {amount} {currency}: {e}"
                )),
            }
        });
    }
}
