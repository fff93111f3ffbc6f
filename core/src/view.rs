//! The widget's views, as named in attributes (`view="rewards"`) and in `Laurel.open(view)`.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum View {
    #[default]
    Home,
    Rewards,
    Earn,
    /// The member's challenges and their progress.
    Challenges,
    MyRewards,
    History,
    /// The program's rules in a few lines.
    How,
}

impl crate::listed::Listed for View {
    const LIST: &'static [Self] = &Self::ALL;
}

impl View {
    /// Every view, in tab order.
    pub const ALL: [View; 7] = [
        View::Home,
        View::Rewards,
        View::Earn,
        View::Challenges,
        View::MyRewards,
        View::History,
        View::How,
    ];

    /// The name used in attributes, events and the JS API.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Home => "home",
            Self::Rewards => "rewards",
            Self::Earn => "earn",
            Self::Challenges => "challenges",
            Self::MyRewards => "my-rewards",
            Self::History => "history",
            Self::How => "how",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|v| v.as_str() == name.trim_ascii())
    }

    /// Views that show a member's own data; guests and non-members see Home instead.
    pub fn members_only(self) -> bool {
        matches!(self, Self::Challenges | Self::MyRewards | Self::History)
    }

    /// The names, for error messages.
    pub const NAMES: &'static str = "home, rewards, earn, challenges, my-rewards, history, how";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for v in View::ALL {
            assert_eq!(View::parse(v.as_str()), Some(v));
        }
        assert_eq!(View::parse(" rewards "), Some(View::Rewards));
        assert_eq!(View::parse("Rewards"), None);
        assert_eq!(View::parse("admin"), None);
        assert_eq!(View::ALL.map(View::as_str).join(", "), View::NAMES);
    }
}
