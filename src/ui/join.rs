use laurel_core::i18n::fill;
use laurel_core::safe_url::safe_url;
use leptos::prelude::*;

use super::{points, with_data};
use crate::state::{ActionState, Choice, Origin, Store};

/// For a guest: what the program is, what joining gives, and the shop's signup and sign-in pages.
#[component]
pub fn JoinPrompt(store: Store) -> impl IntoView {
    let msgs = store.locale.messages();
    super::reactive::dynamic(move || {
        with_data(store, |d| {
            let bonus = points(store, d.program.signup_bonus);
            let join = safe_url(&d.program.signup_url);
            let login = safe_url(&d.program.login_url);
            view! {
                <div class="join" part="join">
                    <h2 class="title">{fill(msgs.join_title, &[("program", &d.program.name)])}</h2>
                    <p class="join-bonus">{fill(msgs.join_bonus, &[("points", &bonus)])}</p>
                    <p class="muted">{msgs.guest_explainer}</p>
                    <p class="actions">
                        {join.map(|href| view! {
                            <a class="button" part="button join" href=href>{msgs.join_cta}</a>
                        }.into_any())}
                        {login.map(|href| view! {
                            <a class="button secondary" part="button sign-in" href=href>{msgs.sign_in}</a>
                        }.into_any())}
                    </p>
                </div>
            }
            .into_any()
        })
    })
}

/// For a signed-in shopper who has not joined: explicit terms, a separate marketing opt-in.
#[component]
pub fn EnrollForm(store: Store, origin: Origin) -> impl IntoView {
    let msgs = store.locale.messages();
    let terms = Choice::new(false);
    let marketing = Choice::new(false);
    let missing_terms = Choice::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if terms.get_untracked() {
            missing_terms.set(false);
            store.join(marketing.get_untracked(), origin);
        } else {
            missing_terms.set(true);
        }
    };
    let busy = move || super::flag(store.enrollment() == ActionState::Busy);
    super::reactive::dynamic(move || {
        with_data(store, |d| {
            let bonus = points(store, d.program.signup_bonus);
            let terms_url = safe_url(&d.program.terms_url);
            view! {
                <form class="enroll" part="enroll" on:submit=submit novalidate>
                    <h2 class="title">{fill(msgs.enroll_title, &[("program", &d.program.name)])}</h2>
                    <p class="join-bonus">{fill(msgs.join_bonus, &[("points", &bonus)])}</p>
                    <label class="check">
                        <input
                            type="checkbox"
                            required
                            checked=terms.get_untracked()
                            on:change=move |ev| terms.set(event_target_checked(&ev))
                        />
                        <span>{msgs.enroll_terms}</span>
                    </label>
                    {terms_url.map(|href| view! {
                        <p><a class="link" href=href target="_blank" rel="noopener">{msgs.enroll_terms_link}</a></p>
                    }.into_any())}
                    <label class="check">
                        <input
                            type="checkbox"
                            checked=marketing.get_untracked()
                            on:change=move |ev| marketing.set(event_target_checked(&ev))
                        />
                        <span>{msgs.enroll_marketing}</span>
                    </label>
                    // Shown anew on each refused submit, so that it is announced again.
                    {super::reactive::show(
                        missing_terms,
                        Box::new(move || view! {
                            <p class="error-text" role="alert">{msgs.enroll_terms_required}</p>
                        }.into_any()),
                        None,
                    )}
                    {move || match store.enrollment() {
                        ActionState::Failed(kind) => Some(view! {
                            <p class="error-text" role="alert">{msgs.error(kind)}</p>
                        }.into_any()),
                        _ => None,
                    }}
                    <button type="submit" class="button" part="button enroll" disabled=busy>
                        {fill(msgs.enroll_submit, &[("points", &bonus)])}
                    </button>
                </form>
            }
            .into_any()
        })
    })
}
