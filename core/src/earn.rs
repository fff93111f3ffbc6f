//! Points a purchase earns.

/// A decimal amount such as `49.90`, in hundredths: at most ten digits before the point and two
/// after, no sign, no exponent.
pub fn parse_amount(s: &str) -> Option<u64> {
    let point = crate::text::split_once(s, b'.');
    let (whole, frac) = point.unwrap_or((s, ""));
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || whole.len() > 10 || frac.len() > 2 || !digits(whole) || !digits(frac) {
        return None;
    }
    if point.is_some() && frac.is_empty() {
        return None;
    }
    let whole = crate::text::number(whole)?;
    // "5" is 50 hundredths.
    let frac = match frac.len() {
        0 => 0,
        1 => crate::text::number(frac)? * 10,
        _ => crate::text::number(frac)?,
    };
    whole.checked_mul(100)?.checked_add(frac)
}

/// `floor(amount × points_per_unit × multiplier_percent / 100)`, with `amount` in hundredths.
pub fn purchase_points(amount_cents: u64, points_per_unit: u64, multiplier_percent: u32) -> u64 {
    u128::from(amount_cents)
        .checked_mul(u128::from(points_per_unit))
        .and_then(|p| p.checked_mul(u128::from(multiplier_percent)))
        .map_or(u64::MAX, |p| u64::try_from(p / 10_000).unwrap_or(u64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_amounts() {
        assert_eq!(parse_amount("49.90"), Some(4990));
        assert_eq!(parse_amount("49.9"), Some(4990));
        assert_eq!(parse_amount("0"), Some(0));
        assert_eq!(parse_amount("9999999999.99"), Some(999_999_999_999));
        for bad in [
            "",
            ".5",
            "5.",
            "-1",
            "1e3",
            "1.234",
            "1,5",
            " 1",
            "10000000000",
            "NaN",
        ] {
            assert_eq!(parse_amount(bad), None, "{bad}");
        }
    }

    #[test]
    fn purchase_points_round_down_and_apply_the_multiplier() {
        assert_eq!(purchase_points(4990, 1, 100), 49);
        assert_eq!(purchase_points(4990, 1, 125), 62);
        assert_eq!(purchase_points(99, 1, 100), 0);
        assert_eq!(
            purchase_points(100_000_000_000, u64::MAX, u32::MAX),
            u64::MAX
        );
    }
}
