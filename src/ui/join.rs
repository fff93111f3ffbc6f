use laurel_core::i18n::{fill, Locale};
use laurel_core::safe_url::safe_url;
use laurel_core::wire::Program;
use leptos::prelude::*;

use super::points_text;

/// For a guest: what joining gives, and the way to the shop's signup page.
#[component]
pub fn JoinPrompt(locale: Locale, program: Program) -> impl IntoView {
    let msgs = locale.messages();
    let bonus = points_text(locale, &program.points_name, program.signup_bonus);
    let bonus_text = fill(msgs.join_bonus, &[("points", &bonus)]);
    let href = safe_url(&program.signup_url);
    view! {
        <div class="join" part="join">
            <h2 class="title">{fill(msgs.join_title, &[("program", &program.name)])}</h2>
            <p class="join-bonus">{bonus_text}</p>
            {href.map(|href| view! {
                <a class="button" part="button join" href=href>{msgs.join_cta}</a>
            })}
        </div>
    }
}
