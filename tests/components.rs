//! Component tests in headless Chromium: mount real components into the document and read the
//! DOM a shopper (or a screen reader) would get.
#![cfg(target_arch = "wasm32")]

use laurel::api::{ApiError, HttpClient, LoyaltyApi};
use laurel::state::{Choice, Origin, Store};
use laurel::ui::Widget;
use laurel_core::config::{parse_config, ElementAttrs};
use laurel_core::i18n::Locale;
use laurel_core::load::{ErrorKind, Load};
use laurel_core::time::rfc3339;
use laurel_core::view::View;
use laurel_core::wire::{
    Boost, BoostKind, BoostScope, Member, NextTier, PointsName, Program, Tier, TierRef, WidgetData,
};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn program(signup_url: &str) -> Program {
    Program {
        name: "Laurel Rewards".into(),
        points_name: PointsName {
            one: "point".into(),
            other: "points".into(),
        },
        signup_bonus: 1200,
        signup_url: signup_url.into(),
        login_url: "/login".into(),
        terms_url: "/terms".into(),
        point_value: None,
        points_expire_after_days: None,
    }
}

fn tier(id: &str, name: &str, threshold: u64) -> Tier {
    Tier {
        id: id.into(),
        name: name.into(),
        threshold,
        benefits: vec![],
        earn_multiplier: 1.0,
    }
}

fn data(member: Option<Member>, signup_url: &str) -> WidgetData {
    WidgetData {
        program: program(signup_url),
        signed_in: member.is_some(),
        member,
        tiers: vec![tier("silver", "Silver", 500), tier("gold", "Gold", 1500)],
        earn_rules: vec![],
        rewards: vec![],
        for_you: vec![],
        boosts: vec![],
        challenges: vec![],
    }
}

fn maya() -> Member {
    Member {
        first_name: "Maya".into(),
        balance: 12_640,
        lifetime_points: 1250,
        tier: Some(TierRef {
            id: "silver".into(),
            name: "Silver".into(),
            threshold: 500,
        }),
        next_tier: Some(NextTier {
            id: "gold".into(),
            name: "Gold".into(),
            threshold: 1500,
            points_remaining: 250,
        }),
        expiring_points: None,
        referral_url: "https://shop.test/r/MAYA".into(),
        birthday_set: false,
        marketing_opt_in: false,
    }
}

fn store() -> Store {
    let attrs = ElementAttrs {
        prefix: "data-",
        get: |name: &str| (name == "data-api").then(|| "http://127.0.0.1:9".to_owned()),
    };
    Store::new(&parse_config(&attrs, None).expect("config"))
}

/// Mounts the widget into a fresh element and returns it with its store.
fn mount(initial: Load<WidgetData>) -> (HtmlElement, Store) {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let host: HtmlElement = document
        .create_element("div")
        .expect("div")
        .unchecked_into();
    document
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    let store = store();
    store.data.set(initial);
    let view = Choice::new(View::Home);
    leptos::mount::mount_to(
        host.clone(),
        move || view! { <Widget store=store view=view origin=Origin::PAGE /> },
    )
    .forget();
    (host, store)
}

fn find(root: &HtmlElement, selector: &str) -> Option<Element> {
    root.query_selector(selector).expect("valid selector")
}

fn text(root: &HtmlElement) -> String {
    root.text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn member_sees_greeting_balance_and_a_progressbar() {
    let (host, _) = mount(Load::Ready(data(Some(maya()), "/join")));
    let all = text(&host);
    assert!(all.contains("Hi Maya"), "{all}");
    // Intl.NumberFormat groups thousands.
    assert!(all.contains("12,640 points"), "{all}");
    assert!(all.contains("Silver member"), "{all}");
    let bar = find(&host, "progress").expect("progressbar");
    assert_eq!(bar.get_attribute("aria-valuemin").as_deref(), Some("500"));
    assert_eq!(bar.get_attribute("aria-valuemax").as_deref(), Some("1500"));
    assert_eq!(bar.get_attribute("aria-valuenow").as_deref(), Some("1250"));
    assert_eq!(
        bar.get_attribute("aria-valuetext").as_deref(),
        Some("250 points to Gold")
    );
    assert_eq!(
        bar.get_attribute("aria-label").as_deref(),
        Some("Progress to Gold")
    );
    // Three quarters of the way from Silver to Gold.
    assert_eq!(bar.get_attribute("value").as_deref(), Some("750"));
    assert_eq!(bar.get_attribute("max").as_deref(), Some("1000"));
}

fn boost(id: &str, starts_in: i64, ends_in: i64) -> Boost {
    let now = (js_sys::Date::now() / 1000.0) as i64;
    Boost {
        id: id.into(),
        name: format!("Boost {id}"),
        kind: BoostKind::Multiplier,
        value: 2.0,
        applies_to: BoostScope::Purchases,
        target: None,
        starts_at: rfc3339(now + starts_in),
        ends_at: rfc3339(now + ends_in),
    }
}

#[wasm_bindgen_test]
async fn home_counts_down_the_boost_that_ends_first_and_skips_ended_ones() {
    let mut d = data(Some(maya()), "/join");
    d.boosts = vec![
        boost("over", -7200, -1),
        boost("later", -60, 3 * 86_400 + 3600),
        boost("soon", -60, 5400),
    ];
    let (host, _) = mount(Load::Ready(d));
    let line = find(&host, "[part~=boost]").expect("a boost line");
    let shown = line.text_content().unwrap_or_default();
    // 1 h 30 min less the moment since: a time, not "0 days".
    assert!(
        shown.starts_with("Boost soon: ends in 01:29:") || shown == "Boost soon: ends in 01:30:00",
        "{shown}"
    );
    let mut d = data(Some(maya()), "/join");
    d.boosts = vec![boost("later", -60, 3 * 86_400 + 1800)];
    let (host, _) = mount(Load::Ready(d));
    let shown = find(&host, "[part~=boost]")
        .and_then(|l| l.text_content())
        .unwrap_or_default();
    // Whole days are not followed by "0 hours".
    assert_eq!(shown, "Boost later: ends in 3 days");
    let mut d = data(Some(maya()), "/join");
    d.boosts = vec![boost("over", -7200, -1), boost("next", 3600, 7200)];
    let (host, _) = mount(Load::Ready(d));
    let shown = find(&host, "[part~=boost]")
        .and_then(|l| l.text_content())
        .unwrap_or_default();
    assert!(shown.starts_with("Boost next: starts "), "{shown}");
}

#[wasm_bindgen_test]
async fn one_point_is_singular() {
    let mut m = maya();
    m.balance = 1;
    let (host, _) = mount(Load::Ready(data(Some(m), "/join")));
    let all = text(&host);
    assert!(all.contains("1 point"), "{all}");
    assert!(!all.contains("1 points"), "{all}");
}

// The plural rules compiled into the wasm instead of `Intl.PluralRules`: the browser's CLDR data
// is the reference, for every shipped language.
#[wasm_bindgen_test]
fn plural_categories_match_the_browsers() {
    for locale in Locale::ALL {
        let tags = js_sys::Array::of1(&locale.bcp47().into());
        let rules = js_sys::Intl::PluralRules::new(&tags, &js_sys::Object::new());
        for n in (0..=120).chain([1_000, 1_001, 100_000, 1_000_001]) {
            let browser = rules.select(n as f64) == "one";
            assert_eq!(locale.singular(n), browser, "{} {n}", locale.bcp47());
        }
    }
}

#[wasm_bindgen_test]
async fn top_tier_has_no_progressbar() {
    let mut m = maya();
    m.tier = Some(TierRef {
        id: "gold".into(),
        name: "Gold".into(),
        threshold: 1500,
    });
    m.next_tier = None;
    let (host, _) = mount(Load::Ready(data(Some(m), "/join")));
    assert!(find(&host, "progress").is_none());
    assert!(
        text(&host).contains("You've reached Gold, our top tier"),
        "{}",
        text(&host)
    );
}

#[wasm_bindgen_test]
async fn guest_sees_the_bonus_and_a_join_link() {
    let (host, _) = mount(Load::Ready(data(None, "https://shop.test/join")));
    assert!(
        text(&host).contains("Get 1,200 points just for joining."),
        "{}",
        text(&host)
    );
    let link = find(&host, "a").expect("join link");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://shop.test/join")
    );
    assert_eq!(link.text_content().as_deref(), Some("Join now"));
}

#[wasm_bindgen_test]
async fn a_javascript_signup_url_renders_no_link() {
    let (host, _) = mount(Load::Ready(data(None, "javascript:alert(1)")));
    let links = host.query_selector_all("a").expect("query");
    for i in 0..links.length() {
        let href = links
            .item(i)
            .and_then(|n| n.dyn_into::<Element>().ok())
            .and_then(|a| a.get_attribute("href"))
            .unwrap_or_default();
        assert!(!href.contains("javascript"), "{href}");
    }
    assert!(text(&host).contains("just for joining"));
}

#[wasm_bindgen_test]
async fn api_text_is_rendered_as_text_not_html() {
    let mut m = maya();
    m.first_name = "<img src=x onerror=alert(1)>".into();
    let (host, _) = mount(Load::Ready(data(Some(m), "/join")));
    assert!(find(&host, "img").is_none());
    assert!(text(&host).contains("Hi <img src=x onerror=alert(1)>"));
}

#[wasm_bindgen_test]
async fn loading_is_announced_and_busy() {
    let (host, store) = mount(Load::Loading);
    // The skeleton is the status; the panel's (empty) nudge region is one too.
    let status = find(&host, "[part~=skeleton][role=status]").expect("status");
    assert!(status
        .text_content()
        .unwrap_or_default()
        .contains("Loading your rewards"));
    let section = find(&host, "section").expect("section");
    assert_eq!(section.get_attribute("aria-busy").as_deref(), Some("true"));
    store.data.set(Load::Ready(data(Some(maya()), "/join")));
    leptos::task::tick().await;
    assert!(find(&host, "[part~=skeleton]").is_none());
    assert!(!text(&host).contains("Loading your rewards"));
    assert_eq!(section.get_attribute("aria-busy").as_deref(), Some("false"));
}

#[wasm_bindgen_test]
async fn an_error_shows_its_message_and_retry_loads_again() {
    let (host, store) = mount(Load::Failed(ErrorKind::Network));
    let alert = find(&host, "[role=alert]").expect("alert");
    assert!(alert
        .text_content()
        .unwrap_or_default()
        .contains("couldn't reach"));
    let button: HtmlElement = find(&host, "button").expect("retry").unchecked_into();
    assert_eq!(button.text_content().as_deref(), Some("Try again"));
    button.click();
    assert_eq!(store.data.get_untracked(), Load::Loading);
    leptos::task::tick().await;
    assert!(find(&host, "[role=status]").is_some());
}

#[wasm_bindgen_test]
async fn an_auth_error_offers_no_pointless_retry() {
    let (host, _) = mount(Load::Failed(ErrorKind::Unauthorized));
    assert!(find(&host, "[role=alert]").is_some());
    assert!(find(&host, "button").is_none());
}

#[wasm_bindgen_test]
async fn the_http_client_reports_a_refused_connection_as_a_network_error() {
    // Port 9 (discard) is closed on the test machine: fetch fails without an answer.
    let client = HttpClient::new("http://127.0.0.1:9", None, None, 5_000);
    match client.widget().await {
        Err(ApiError::Network(_)) => {}
        other => panic!("expected a network error, got {other:?}"),
    }
}

fn start(script: &Element) {
    laurel::embed::command("start".into(), script.clone().into());
}

#[wasm_bindgen_test]
async fn a_script_tag_with_bad_settings_mounts_nothing_and_does_not_throw() {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let script = document.create_element("script").expect("script");
    script
        .set_attribute("data-mount", "#nowhere")
        .expect("attr");
    start(&script);
    script
        .set_attribute("data-api", "http://127.0.0.1:9")
        .expect("attr");
    start(&script);
    script
        .set_attribute("data-mount", "#[invalid")
        .expect("attr");
    start(&script);
    assert!(document
        .query_selector("laurel-widget")
        .expect("query")
        .is_none());
}

#[wasm_bindgen_test]
async fn a_script_tag_mounts_a_custom_element_with_an_open_shadow_root_once() {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let target = document.create_element("div").expect("div");
    target.set_id("laurel-shadow-test");
    document
        .body()
        .expect("body")
        .append_child(&target)
        .expect("append");
    let script = document.create_element("script").expect("script");
    script
        .set_attribute("data-api", "http://127.0.0.1:9")
        .expect("attr");
    script
        .set_attribute("data-mount", "#laurel-shadow-test")
        .expect("attr");
    start(&script);
    let host = find_in(&target, "laurel-widget").expect("a <laurel-widget> in the mount");
    // It mounts when it connects: laurel.js's connectedCallback says so, in the next task.
    assert!(host.shadow_root().is_none());
    laurel::embed::connect(&host);
    let root = host.shadow_root().expect("open shadow root");
    assert!(root
        .query_selector("section.laurel")
        .expect("query")
        .is_some());
    // A second copy of the same tag is ignored, not a second widget.
    start(&script);
    assert_eq!(target.child_element_count(), 1);
    laurel::embed::command("destroy".into(), wasm_bindgen::JsValue::UNDEFINED);
    leptos::task::tick().await;
    assert_eq!(target.child_element_count(), 0);
}

fn find_in(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).expect("valid selector")
}
