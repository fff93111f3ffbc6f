use laurel_core::i18n::Locale;
use leptos::prelude::*;

/// Placeholder shapes while the first response is on its way, announced once as a status.
#[component]
pub fn LoadingSkeleton(locale: Locale) -> impl IntoView {
    view! {
        <div class="skeleton" part="skeleton" role="status">
            <span class="visually-hidden">{locale.messages().loading}</span>
            <div class="bone bone-short" aria-hidden="true"></div>
            <div class="bone bone-tall" aria-hidden="true"></div>
            <div class="bone" aria-hidden="true"></div>
        </div>
    }
}
