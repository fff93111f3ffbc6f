use laurel_core::how::rules;
use laurel_core::i18n::fill;
use leptos::prelude::*;

use super::{points, with_data};
use crate::browser::intl::{money, number};
use crate::state::Store;

/// How the program works, in a few lines from the API's data: earning, spending, what points
/// are worth, the tiers and when points expire. One list of the same shape as a tier's
/// benefits, so that it adds its texts to the wasm and little code.
#[component]
pub fn HowItWorks(store: Store) -> impl IntoView {
    let msgs = store.locale.messages();
    let locale = store.locale;
    let lines = with_data(store, |d| {
        let r = rules(d);
        let pts = |n| points(store, n);
        let mut lines = Vec::new();
        if let Some(n) = r.per_unit {
            lines.push(fill(msgs.how_earn, &[("points", &pts(n))]));
        }
        if let Some(n) = r.from {
            lines.push(fill(msgs.how_spend, &[("points", &pts(n))]));
        }
        // "100 points are worth €1.00".
        if let Some((pv, amount)) = d
            .program
            .point_value
            .as_ref()
            .and_then(|pv| Some((pv, money(locale, &pv.value)?)))
        {
            lines.push(fill(
                msgs.how_value,
                &[("points", &pts(pv.points)), ("amount", &amount)],
            ));
        }
        if !r.tiers.is_empty() {
            lines.push(msgs.how_tiers.to_owned());
        }
        // "Gold from 1,500 points: 1.25× points on every order, Free standard shipping".
        for t in r.tiers {
            let mut line = fill(
                msgs.how_tier,
                &[("tier", &t.name), ("points", &pts(t.threshold))],
            );
            let mut sep = ": ";
            for b in &t.benefits {
                line.push_str(sep);
                line.push_str(b);
                sep = ", ";
            }
            lines.push(line);
        }
        if let Some(n) = r.expiry_days {
            lines.push(fill(msgs.how_expiry, &[("days", &number(locale, n))]));
        }
        lines
    })
    .unwrap_or_default();
    view! {
        <h2 class="title">{msgs.view_how}</h2>
        <ul class="benefits">
            {lines.into_iter().map(|b| view! { <li>{b}</li> }.into_any()).collect_view()}
        </ul>
    }
}
