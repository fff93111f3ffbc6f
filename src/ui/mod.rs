//! Thin Leptos components: they take data and signals and render. Decisions live in
//! `laurel_core`; formatting goes through [`crate::intl`].

mod error;
mod join;
mod loading;
mod member;
mod progress;

use laurel_core::i18n::Locale;
use laurel_core::load::Load;
use laurel_core::wire::WidgetData;
use leptos::prelude::*;

pub use error::ErrorPanel;
pub use join::JoinPrompt;
pub use loading::LoadingSkeleton;
pub use member::MemberHome;
pub use progress::TierProgress;

/// "640 points": a formatted number with the program's points name in the right plural form.
pub fn points_text(locale: Locale, points_name: &laurel_core::wire::PointsName, n: u64) -> String {
    laurel_core::i18n::fill(
        locale.messages().points_amount,
        &[
            ("count", &crate::intl::number(locale, n)),
            (
                "unit",
                points_name.for_category(&crate::intl::plural(locale, n)),
            ),
        ],
    )
}

/// The whole widget for one load state.
#[component]
pub fn Widget(
    #[prop(into)] state: Signal<Load<WidgetData>>,
    locale: Locale,
    on_retry: Callback<()>,
) -> impl IntoView {
    let msgs = locale.messages();
    let busy = move || matches!(state.get(), Load::Loading).to_string();
    view! {
        <section
            class="laurel"
            part="base"
            aria-label=msgs.region_label
            aria-busy=busy
            lang=locale.bcp47()
            dir=locale.dir().as_str()
        >
            {move || match state.get() {
                Load::Loading => view! { <LoadingSkeleton locale=locale /> }.into_any(),
                Load::Failed(kind) => {
                    view! { <ErrorPanel locale=locale kind=kind on_retry=on_retry /> }.into_any()
                }
                Load::Ready(data) => match data.member {
                    Some(member) => {
                        view! { <MemberHome locale=locale program=data.program member=member /> }
                            .into_any()
                    }
                    None => view! { <JoinPrompt locale=locale program=data.program /> }.into_any(),
                },
            }}
        </section>
    }
}
