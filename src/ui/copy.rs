use laurel_core::i18n::Locale;
use laurel_core::text::concat;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser;
use crate::state::Choice;

/// A Copy button that says "Copied" once the clipboard took the text.
#[component]
pub fn CopyButton(
    locale: Locale,
    text: String,
    /// Extra classes, e.g. "small".
    #[prop(optional)]
    class: &'static str,
    /// An accessible name when "Copy" alone would be ambiguous.
    #[prop(optional, into)]
    label: Option<String>,
) -> impl IntoView {
    let msgs = locale.messages();
    let copied = Choice::new(false);
    let copy = move |_| {
        let text = text.clone();
        spawn_local(async move { copied.set(browser::copy_text(&text).await) });
    };
    view! {
        <button type="button" class=concat(&["button ", class]) aria-label=label on:click=copy>
            {move || Some((if copied.get() { msgs.copied } else { msgs.copy }).into_any())}
        </button>
    }
}
