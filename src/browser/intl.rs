//! Number and date formatting through the browser's `Intl`.

use std::cell::RefCell;

use js_sys::{Array, Intl, Object};
use laurel_core::i18n::Locale;
use laurel_core::text::concat;
use laurel_core::wire::Money;
use wasm_bindgen::JsValue;

struct Formatters {
    locale: Locale,
    number: Intl::NumberFormat,
    date: Intl::DateTimeFormat,
}

thread_local! {
    // Building Intl objects is slow compared with using them; keep one set per locale.
    static CACHE: RefCell<Option<Formatters>> = const { RefCell::new(None) };
}

/// An `Intl` options object.
fn options(pairs: &[(&str, &str)]) -> Object {
    let options = Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&options, &(*k).into(), &(*v).into());
    }
    options
}

fn with_formatters<T>(locale: Locale, f: impl FnOnce(&Formatters) -> T) -> T {
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.as_ref().is_some_and(|c| c.locale != locale) {
            *cache = None;
        }
        let formatters = cache.get_or_insert_with(|| {
            // `bcp47` only returns valid tags, so these constructors cannot throw.
            let locales = Array::of1(&JsValue::from_str(locale.bcp47()));
            // Short day and month, in UTC so that a date means the same day everywhere.
            let date_options =
                options(&[("day", "numeric"), ("month", "short"), ("timeZone", "UTC")]);
            Formatters {
                locale,
                number: Intl::NumberFormat::new(&locales, &Object::new()),
                date: Intl::DateTimeFormat::new(&locales, &date_options),
            }
        });
        f(formatters)
    })
}

/// Formats an integer for `locale`, e.g. `1,250` in English.
pub fn number(locale: Locale, n: u64) -> String {
    with_formatters(locale, |fmt| {
        fmt.number
            .format()
            .call1(&JsValue::NULL, &JsValue::from_f64(n as f64))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| laurel_core::text::decimal(n))
    })
}

/// Money in its currency, e.g. `€12.50`; `None` for an amount `Intl` could not format.
pub fn money(locale: Locale, money: &Money) -> Option<String> {
    // A malformed currency code would make the constructor throw.
    let money = laurel_core::money::shown(money)?;
    let parts = [("style", "currency"), ("currency", money.currency.as_str())];
    number_with(locale, &parts, money.amount)
}

/// The time of day of `ms` since the epoch, e.g. `2:32 PM`, in the shopper's time zone.
pub fn time(locale: Locale, ms: f64) -> String {
    date_with(locale, &[("hour", "numeric"), ("minute", "2-digit")], ms)
}

/// The day of `ms` since the epoch, e.g. `Saturday, Nov 28`, in the shopper's time zone.
pub fn day(locale: Locale, ms: f64) -> String {
    let parts = [("weekday", "long"), ("day", "numeric"), ("month", "short")];
    date_with(locale, &parts, ms)
}

fn date_with(locale: Locale, parts: &[(&str, &str)], ms: f64) -> String {
    let locales = Array::of1(&JsValue::from_str(locale.bcp47()));
    Intl::DateTimeFormat::new(&locales, &options(parts))
        .format()
        .call1(&JsValue::NULL, &js_sys::Date::new(&JsValue::from_f64(ms)))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// `n` with `options` for `Intl.NumberFormat`, e.g. a unit (`2 days`, `۴ ساعت`) or a
/// currency (`€12.50`); `None` if `Intl` could not format it.
fn number_with(locale: Locale, parts: &[(&str, &str)], n: f64) -> Option<String> {
    let locales = Array::of1(&JsValue::from_str(locale.bcp47()));
    Intl::NumberFormat::new(&locales, &options(parts))
        .format()
        .call1(&JsValue::NULL, &JsValue::from_f64(n))
        .ok()
        .and_then(|v| v.as_string())
}

/// Time left, in the shopper's words and digits: `2 days 4 hours`, `3 days`, or `04:13:09`
/// within the last day.
pub fn countdown(locale: Locale, seconds: i64) -> String {
    let c = laurel_core::boost::Countdown::of(seconds);
    let with = |parts: &[(&str, &str)], n: i64| {
        number_with(locale, parts, n as f64).unwrap_or_else(|| laurel_core::text::signed(n))
    };
    let unit = |unit, n| {
        with(
            &[("style", "unit"), ("unit", unit), ("unitDisplay", "long")],
            n,
        )
    };
    let two = |n| with(&[("minimumIntegerDigits", "2")], n);
    // Whole days are not followed by "0 hours".
    match (c.days, c.hours) {
        (0, h) => concat(&[&two(h), ":", &two(c.minutes), ":", &two(c.seconds)]),
        (d, 0) => unit("day", d),
        (d, h) => concat(&[&unit("day", d), " ", &unit("hour", h)]),
    }
}

/// Formats an API date (`YYYY-MM-DD` or RFC 3339) as a short day and month, e.g. `Dec 3`. Anything
/// unparseable is shown as it came.
pub fn date(locale: Locale, iso: &str) -> String {
    let parsed = js_sys::Date::new(&JsValue::from_str(iso));
    if parsed.get_time().is_nan() {
        return iso.to_owned();
    }
    with_formatters(locale, |fmt| {
        fmt.date
            .format()
            .call1(&JsValue::NULL, &parsed)
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| iso.to_owned())
    })
}
