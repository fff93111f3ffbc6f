use laurel_core::i18n::fill;
use laurel_core::load::Load;
use laurel_core::wire::PointsPreview;
use leptos::prelude::*;

use super::points;
use crate::state::Store;

/// "Earn 49 points" for a product page, with the member's multiplier; or, with `claim`, "This
/// order earns you 129 points. Join to claim them." on an order confirmation page, until the
/// shopper is a member.
#[component]
pub fn PointsBadge(
    store: Store,
    preview: Signal<Option<PointsPreview>>,
    #[prop(optional)] claim: bool,
) -> impl IntoView {
    let msgs = store.locale.messages();
    let template = if claim {
        msgs.claim_offer
    } else {
        msgs.earn_preview
    };
    move || {
        let p = preview.get()?;
        let joined = store
            .data
            .with(|d| matches!(d, Load::Ready(d) if d.member.is_some()));
        let text = points(store, p.points);
        // An offer to claim is over once the shopper has joined.
        let over = claim && joined;
        let shown = !text.is_empty() && !over;
        shown.then(|| {
            view! {
                <span class="points-badge" part="points-badge" lang=store.locale.bcp47()>
                    {fill(template, &[("points", &text)])}
                </span>
            }
        })
    }
}
