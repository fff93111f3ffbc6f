//! Number formatting and plural rules through the browser's `Intl`.

use std::cell::RefCell;

use js_sys::{Array, Intl, Object};
use laurel_core::i18n::Locale;
use wasm_bindgen::JsValue;

struct Formatters {
    locale: Locale,
    number: Intl::NumberFormat,
    plural: Intl::PluralRules,
}

thread_local! {
    // Building Intl objects is slow compared with using them; keep one set per locale.
    static CACHE: RefCell<Option<Formatters>> = const { RefCell::new(None) };
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
            Formatters {
                locale,
                number: Intl::NumberFormat::new(&locales, &Object::new()),
                plural: Intl::PluralRules::new(&locales, &Object::new()),
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
            .unwrap_or_else(|| n.to_string())
    })
}

/// The CLDR plural category (`one`, `other`, ...) of `n` in `locale`.
pub fn plural(locale: Locale, n: u64) -> String {
    with_formatters(locale, |fmt| fmt.plural.select(n as f64).into())
}
