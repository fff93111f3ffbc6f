use laurel_core::text::decimal;
use leptos::prelude::*;

/// Progress as an ARIA progressbar, with the same words as visible text: to the next tier, or
/// to a first reward.
#[component]
pub fn ProgressBar(
    /// The words, e.g. "250 points to Silver".
    text: String,
    /// The accessible name, e.g. "Progress to Silver".
    label: String,
    from: u64,
    to: u64,
    value: u64,
    permille: u16,
) -> impl IntoView {
    // A native progress element: its fill comes from attributes, not an inline style, and the
    // ARIA values give the points.
    view! {
        <div class="progress" part="progress">
            <progress
                class="progress-track"
                part="progress-bar"
                max="1000"
                value=decimal(u64::from(permille))
                aria-label=label
                aria-valuemin=decimal(from)
                aria-valuemax=decimal(to)
                aria-valuenow=decimal(value)
                aria-valuetext=text.clone()
            ></progress>
            <p class="progress-text">{text}</p>
        </div>
    }
}
