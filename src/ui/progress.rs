use laurel_core::i18n::{fill, Locale};
use leptos::prelude::*;

/// Progress to the next tier as an ARIA progressbar, with the same words as visible text.
#[component]
pub fn TierProgress(
    locale: Locale,
    next_tier: String,
    /// Formatted, e.g. "250 points".
    remaining: String,
    from: u64,
    to: u64,
    value: u64,
    permille: u16,
) -> impl IntoView {
    let msgs = locale.messages();
    let text = fill(
        msgs.points_to_tier,
        &[("points", &remaining), ("tier", &next_tier)],
    );
    let label = fill(msgs.progress_label, &[("tier", &next_tier)]);
    // A native progress element: its fill comes from attributes, not an inline style, and the
    // ARIA values give the points between the tiers.
    view! {
        <div class="progress" part="progress">
            <progress
                class="progress-track"
                part="progress-bar"
                max="1000"
                value=permille.to_string()
                aria-label=label
                aria-valuemin=from.to_string()
                aria-valuemax=to.to_string()
                aria-valuenow=value.to_string()
                aria-valuetext=text.clone()
            ></progress>
            <p class="progress-text">{text}</p>
        </div>
    }
}
