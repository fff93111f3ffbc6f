use laurel_core::boost::seconds_left;
use laurel_core::i18n::fill;
use laurel_core::load::Load;
use laurel_core::wire::PointsPreview;
use leptos::prelude::*;

use super::boost::boost_line;
use super::points;
use crate::state::Store;

/// "Earn 49 points" for a product page, with the member's multiplier; or, with `claim`, "This
/// order earns you 129 points. Join to claim them." on an order confirmation page, until the
/// shopper is a member.
#[component]
pub fn PointsBadge(
    store: Store,
    preview: RwSignal<Option<PointsPreview>>,
    #[prop(optional)] claim: bool,
) -> impl IntoView {
    let msgs = store.locale.messages();
    let template = if claim {
        msgs.claim_offer
    } else {
        msgs.earn_preview
    };
    super::reactive::dynamic(move || {
        let p = preview.get()?;
        let joined = store
            .data
            .with(|d| matches!(d, Load::Ready(d) if d.member.is_some()));
        // The boost the preview includes, while it runs by the shopper's clock; once it ends,
        // what it added is no longer earned.
        let extra = p.boost.as_ref().map_or(0, |b| b.extra);
        let running = p
            .boost
            .filter(|b| seconds_left(&b.ends_at, crate::browser::now_secs()).is_some());
        let n = match running {
            Some(_) => p.points,
            None => p.points.saturating_sub(extra),
        };
        let text = points(store, n);
        // An offer to claim is over once the shopper has joined.
        let over = claim && joined;
        let shown = !text.is_empty() && !over;
        let line = running.and_then(|b| {
            let ended = move || {
                preview.update(|p| {
                    if let Some(p) = p {
                        p.points = p.points.saturating_sub(extra);
                        p.boost = None;
                    }
                })
            };
            boost_line(store, b.name, "", &b.ends_at, Box::new(ended))
        });
        shown.then(|| {
            view! {
                <span class="points-badge" part="points-badge" lang=store.locale.bcp47()>
                    {fill(template, &[("points", &text)])}
                </span>
                {line}
            }
            .into_any()
        })
    })
}
