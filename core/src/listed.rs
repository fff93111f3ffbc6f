//! Values from a short fixed list, each known by its place in it. The widget keeps such values
//! in signals of their index (`laurel::state::Choice`), flags too.

/// A value from a fixed list of at most 256.
pub trait Listed: Copy + PartialEq + Default + 'static {
    /// Every value, each once, the default first.
    const LIST: &'static [Self];

    /// This value's place in [`Listed::LIST`]; the default's (0) for a value missing from it.
    fn index(self) -> u8 {
        let found = Self::LIST.iter().position(|v| *v == self);
        found.and_then(|i| u8::try_from(i).ok()).unwrap_or(0)
    }

    /// The value at `index`, or the default past the end.
    fn from_index(index: u8) -> Self {
        Self::LIST
            .get(usize::from(index))
            .copied()
            .unwrap_or_default()
    }
}

impl Listed for bool {
    const LIST: &'static [Self] = &[false, true];
}

#[cfg(test)]
mod tests {
    use super::Listed;
    use crate::catalog::{Filter, Sort};
    use crate::view::View;

    fn round_trips<T: Listed + std::fmt::Debug>() {
        assert!(T::LIST.len() <= 256);
        assert_eq!(
            T::LIST.first(),
            Some(&T::default()),
            "the default comes first"
        );
        for (i, v) in T::LIST.iter().enumerate() {
            assert_eq!(usize::from(v.index()), i, "{v:?} is listed once");
            assert_eq!(T::from_index(v.index()), *v);
        }
        assert_eq!(T::from_index(255), T::default());
    }

    #[test]
    fn every_listed_value_round_trips_through_its_index() {
        round_trips::<View>();
        round_trips::<Filter>();
        round_trips::<Sort>();
        round_trips::<bool>();
    }
}
