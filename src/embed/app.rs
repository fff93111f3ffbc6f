use laurel_core::config::Config;
use laurel_core::load::Load;
use laurel_core::wire::WidgetData;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{HttpClient, LoyaltyApi};
use crate::ui::Widget;

/// Wires the API client to the widget's state and renders it.
#[component]
pub fn App(config: Config) -> impl IntoView {
    let client = HttpClient::new(&config.api_base, config.token.clone(), config.timeout_ms);
    let state = RwSignal::new(Load::<WidgetData>::Loading);
    let load = move || {
        let client = client.clone();
        state.set(Load::Loading);
        spawn_local(async move {
            match client.widget().await {
                Ok(data) => state.set(Load::Ready(data)),
                Err(e) => {
                    super::report(&format!("could not load the widget: {e}"));
                    state.set(Load::Failed(e.kind()));
                }
            }
        });
    };
    load();
    let on_retry = Callback::new(move |()| load());
    view! { <Widget state=state locale=config.locale on_retry=on_retry /> }
}
