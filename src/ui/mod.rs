//! Thin Leptos components: they read the store's signals and render. Decisions live in
//! `laurel_core`, actions in [`crate::state`], formatting in [`crate::browser::intl`].
//!
//! Leptos compiles its render effect, its view state and their rebuilds once per type of
//! reactive value. So every reactive child gives an `Option<AnyView>` (a component's own closure
//! goes through [`reactive::dynamic`]) and every reactive attribute an `Option<&str>` ([`aria`],
//! [`flag`]): 4.4 KB brotli less than one type per closure and per value type.

mod boost;
mod challenges;
mod copy;
mod dialog;
mod earn;
mod error;
mod fulfilment;
mod history;
mod home;
mod how;
mod join;
mod launcher;
mod loading;
mod my_rewards;
mod nudge;
mod panel;
mod points;
mod progress;
mod reactive;
mod rewards;

use laurel_core::i18n::Locale;
use laurel_core::load::Load;
use laurel_core::view::View;
use laurel_core::wire::{PointsName, Program, WidgetData};
use leptos::prelude::*;

pub use copy::CopyButton;
pub use error::{ErrorPanel, Retry};
pub use fulfilment::Fulfilled;
pub use launcher::Launcher;
pub use loading::LoadingSkeleton;
pub use panel::Panel;
pub use points::PointsBadge;
pub use progress::ProgressBar;
pub use reactive::effect;

use crate::state::{Choice, Origin, Store};

/// "640 points": a formatted number with the program's points name in the right plural form.
pub fn points_text(locale: Locale, points_name: &PointsName, n: u64) -> String {
    laurel_core::i18n::fill(
        locale.messages().points_amount,
        &[
            ("count", &crate::browser::intl::number(locale, n)),
            (
                "unit",
                if locale.singular(n) {
                    &points_name.one
                } else {
                    &points_name.other
                },
            ),
        ],
    )
}

/// "120 points expire on Dec 1." for points that expire on `date` (`YYYY-MM-DD`).
pub fn expiring_text(locale: Locale, points_name: &PointsName, n: u64, date: &str) -> String {
    laurel_core::i18n::fill(
        locale.messages().expiring,
        &[
            ("points", &points_text(locale, points_name, n)),
            ("date", &crate::browser::intl::date(locale, date)),
        ],
    )
}

/// "Worth about €12.50" for `n` points, where the program gives points a value.
pub fn worth_text(locale: Locale, program: &Program, n: u64) -> Option<String> {
    let amount = crate::browser::intl::money(locale, &laurel_core::money::worth(program, n)?)?;
    Some(laurel_core::i18n::fill(
        locale.messages().points_worth,
        &[("amount", &amount)],
    ))
}

/// `"true"` or `"false"` for an ARIA state. Reactive attributes all give `Option<&str>` (as
/// `aria-current` must, to be absent), since Leptos compiles each reactive value type once.
pub fn aria(on: bool) -> Option<&'static str> {
    Some(if on { "true" } else { "false" })
}

/// One row per item, as the one view type reactive children return (see `aria`).
pub fn list<T>(items: Vec<T>, row: impl FnMut(T) -> AnyView) -> Option<AnyView> {
    Some(items.into_iter().map(row).collect_view().into_any())
}

/// A boolean attribute such as `disabled` or `hidden`: present when `on`.
pub fn flag(on: bool) -> Option<&'static str> {
    on.then_some("")
}

/// Reads the loaded data, tracking it; `None` while loading or failed.
pub fn with_data<T>(store: Store, f: impl FnOnce(&WidgetData) -> T) -> Option<T> {
    store.data.with(|d| match d {
        Load::Ready(d) => Some(f(d)),
        _ => None,
    })
}

/// "640 points" in the program's naming, tracking the data.
pub fn points(store: Store, n: u64) -> String {
    with_data(store, |d| {
        points_text(store.locale, &d.program.points_name, n)
    })
    .unwrap_or_default()
}

/// Shows the view of every `Laurel.open(view)` made after this widget mounted, also while its
/// panel waits for data.
fn follow_open_requests(store: Store, view: Choice<View>) {
    let mut applied = store.nav_requests();
    reactive::effect(move || {
        let requested = store.nav.get();
        let n = store.nav_requests();
        if n > applied {
            applied = n;
            view.set(requested);
        }
    });
}

/// The whole widget: loading, failure with retry, or the panel.
#[component]
pub fn Widget(
    store: Store,
    view: Choice<View>,
    /// Which widget this is, for the events it causes.
    origin: Origin,
) -> impl IntoView {
    let locale = store.locale;
    let msgs = locale.messages();
    // Only the variant is read: a clone of the data for that would copy the whole catalog.
    let busy = move || aria(store.data.with(|d| matches!(d, Load::Loading)));
    let ready = reactive::memo(move || store.data.with(|d| matches!(d, Load::Ready(_))));
    follow_open_requests(store, view);
    view! {
        <section
            class="laurel"
            part="base"
            aria-label=msgs.region_label
            aria-busy=busy
            lang=locale.bcp47()
            dir=locale.dir().as_str()
        >
            {reactive::show(
                ready,
                Box::new(move || view! { <Panel store=store view=view origin=origin /> }.into_any()),
                Some(Box::new(move || match store.data.with(|d| match d { Load::Failed(k) => Some(*k), _ => None }) {
                    Some(kind) => {
                        view! { <ErrorPanel store=store kind=kind retry=Retry::Load /> }.into_any()
                    }
                    None => view! { <LoadingSkeleton locale=locale /> }.into_any(),
                })),
            )}
        </section>
    }
}
