//! What points are worth in money, shown beside balances and costs ("Worth about €12.50"). Display only:
//! the API decides every amount that is charged or discounted.

use crate::wire::{Money, Program};

/// Whether `code` looks like an ISO 4217 code, which `Intl.NumberFormat` needs or it throws.
pub fn is_currency(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_alphabetic())
}

/// Whether `code` is a currency as the contract writes one: three upper-case letters (`EUR`).
pub fn is_currency_code(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// A money amount the widget can format: a currency code and a finite, non-negative amount.
pub fn shown(money: &Money) -> Option<&Money> {
    (is_currency(&money.currency) && money.amount.is_finite() && money.amount >= 0.0)
        .then_some(money)
}

/// What `points` are worth under the program's point value, if it has a usable one.
pub fn worth(program: &Program, points: u64) -> Option<Money> {
    let pv = program.point_value.as_ref().filter(|pv| pv.points > 0)?;
    let value = shown(&pv.value)?;
    Some(Money {
        amount: points as f64 * value.amount / pv.points as f64,
        currency: value.currency.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::{PointValue, PointsName};

    fn program(point_value: Option<PointValue>) -> Program {
        Program {
            name: "P".into(),
            points_name: PointsName {
                one: "point".into(),
                other: "points".into(),
            },
            signup_bonus: 0,
            signup_url: String::new(),
            login_url: String::new(),
            terms_url: String::new(),
            point_value,
            points_expire_after_days: None,
        }
    }

    fn value(points: u64, amount: f64, currency: &str) -> Option<PointValue> {
        Some(PointValue {
            points,
            value: Money {
                amount,
                currency: currency.into(),
            },
        })
    }

    #[test]
    fn a_balance_is_worth_its_share_of_the_point_value() {
        let p = program(value(100, 1.0, "EUR"));
        let w = worth(&p, 1250).expect("has a value");
        assert_eq!((w.amount, w.currency.as_str()), (12.5, "EUR"));
        assert_eq!(worth(&p, 0).map(|m| m.amount), Some(0.0));
        // 1 point = 250 rupiah.
        let idr = program(value(1, 250.0, "IDR"));
        assert_eq!(worth(&idr, 1250).map(|m| m.amount), Some(312_500.0));
    }

    #[test]
    fn no_value_or_an_unusable_one_shows_nothing() {
        assert_eq!(worth(&program(None), 100), None);
        assert_eq!(worth(&program(value(0, 1.0, "EUR")), 100), None);
        assert_eq!(worth(&program(value(100, 1.0, "EURO")), 100), None);
        assert_eq!(worth(&program(value(100, 1.0, "€")), 100), None);
        assert_eq!(worth(&program(value(100, -1.0, "EUR")), 100), None);
        assert!(is_currency("thb") && !is_currency("TH") && !is_currency("T B"));
    }

    #[test]
    fn the_contract_writes_currencies_in_capitals() {
        assert!(is_currency_code("EUR"));
        for c in ["eur", "Eur", "EU", "EURO", "E1R", ""] {
            assert!(!is_currency_code(c), "{c}");
        }
    }
}
