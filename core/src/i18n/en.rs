use super::Messages;

pub(super) static MESSAGES: Messages = Messages {
    region_label: "Rewards",
    loading: "Loading your rewards…",
    retry: "Try again",
    error_network: "We couldn't reach the rewards service. Check your connection and try again.",
    error_timeout: "The rewards service is taking too long to answer.",
    error_unauthorized: "Your session has ended. Refresh the page to see your rewards.",
    error_rate_limited: "Too many requests just now. Please wait a moment and try again.",
    error_server: "Something went wrong on our side while loading your rewards.",
    error_bad_response: "We got an answer we couldn't read while loading your rewards.",
    greeting: "Hi {name}",
    balance_label: "Your balance",
    points_amount: "{count} {unit}",
    tier_badge: "{tier} member",
    no_tier_yet: "No tier yet",
    points_to_tier: "{points} to {tier}",
    progress_label: "Progress to {tier}",
    top_tier: "You've reached {tier}, our top tier. Enjoy every benefit.",
    join_title: "Join {program}",
    join_bonus: "Get {points} just for joining.",
    join_cta: "Join now",
};
