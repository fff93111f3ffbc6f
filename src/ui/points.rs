use laurel_core::i18n::fill;
use laurel_core::wire::PointsPreview;
use leptos::prelude::*;

use super::points;
use crate::state::Store;

/// "Earn 49 points" for a product page, with the member's multiplier.
#[component]
pub fn PointsBadge(store: Store, preview: Signal<Option<PointsPreview>>) -> impl IntoView {
    let msgs = store.locale.messages();
    move || {
        let p = preview.get()?;
        let text = points(store, p.points);
        (!text.is_empty()).then(|| {
            view! {
                <span class="points-badge" part="points-badge" lang=store.locale.bcp47()>
                    {fill(msgs.earn_preview, &[("points", &text)])}
                </span>
            }
        })
    }
}
