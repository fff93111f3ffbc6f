use laurel_core::i18n::Locale;
use laurel_core::load::ErrorKind;
use leptos::prelude::*;

/// A clear message for the failure, with a retry button where retrying can help.
#[component]
pub fn ErrorPanel(locale: Locale, kind: ErrorKind, on_retry: Callback<()>) -> impl IntoView {
    let msgs = locale.messages();
    view! {
        <div class="error" part="error" role="alert">
            <p class="error-text">{msgs.error(kind)}</p>
            {kind.retryable().then(|| view! {
                <button type="button" class="button" part="button retry" on:click=move |_| on_retry.run(())>
                    {msgs.retry}
                </button>
            })}
        </div>
    }
}
