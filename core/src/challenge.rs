//! Challenges: how far a member is, whether one is finished, and whether it is still open.

use crate::time::parse_rfc3339;
use crate::wire::{Challenge, ChallengeStep};

/// A step's progress, never past its goal: `(done, goal)` for "2 of 3 reviews".
pub fn step_progress(step: &ChallengeStep) -> (u64, u64) {
    (step.progress.min(step.goal), step.goal)
}

/// Whether every step has reached its goal. A challenge without steps is never finished.
pub fn finished(steps: &[ChallengeStep]) -> bool {
    !steps.is_empty() && steps.iter().all(|s| s.progress >= s.goal)
}

/// Progress over all steps in thousandths, for one bar: each step weighs the same.
pub fn permille(steps: &[ChallengeStep]) -> u32 {
    if steps.is_empty() {
        return 0;
    }
    let sum: u64 = steps
        .iter()
        .map(|s| match s.goal {
            0 => 1000,
            goal => s.progress.min(goal) * 1000 / goal,
        })
        .sum();
    (sum / steps.len() as u64) as u32
}

/// Where a challenge stands at `now` (Unix seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Finished and rewarded.
    Completed,
    /// Still open; ends in this many seconds, if it has a deadline.
    Open(Option<i64>),
    /// Its deadline passed before it was finished.
    Missed,
}

pub fn standing(challenge: &Challenge, now: i64) -> Standing {
    if challenge.completed_at.is_some() {
        return Standing::Completed;
    }
    match challenge.ends_at.as_deref().map(parse_rfc3339) {
        None => Standing::Open(None),
        Some(Some(end)) if now < end => Standing::Open(Some(end - now)),
        // A deadline that is past, or that cannot be read, closes it.
        Some(_) => Standing::Missed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(progress: u64, goal: u64) -> ChallengeStep {
        ChallengeStep {
            label: "Write 3 reviews".into(),
            progress,
            goal,
        }
    }

    #[test]
    fn progress_is_capped_at_the_goal() {
        assert_eq!(step_progress(&step(2, 3)), (2, 3));
        assert_eq!(step_progress(&step(5, 3)), (3, 3));
    }

    #[test]
    fn a_challenge_is_finished_when_every_step_is() {
        assert!(!finished(&[]));
        assert!(!finished(&[step(1, 1), step(2, 3)]));
        assert!(finished(&[step(1, 1), step(4, 3)]));
    }

    #[test]
    fn the_bar_weighs_each_step_the_same() {
        assert_eq!(permille(&[step(1, 1), step(0, 3)]), 500);
        assert_eq!(permille(&[step(2, 3)]), 666);
        assert_eq!(permille(&[step(9, 3), step(0, 0)]), 1000);
        assert_eq!(permille(&[]), 0);
    }

    #[test]
    fn a_deadline_closes_an_unfinished_challenge_and_offsets_count() {
        let mut c = Challenge {
            steps: vec![step(0, 1)],
            ends_at: Some("2026-11-30T23:59:59+07:00".into()),
            ..Challenge::default()
        };
        let end = parse_rfc3339("2026-11-30T16:59:59Z").unwrap_or_default();
        assert_eq!(standing(&c, end - 10), Standing::Open(Some(10)));
        assert_eq!(standing(&c, end), Standing::Missed);
        c.ends_at = Some("end of month".into());
        assert_eq!(standing(&c, 0), Standing::Missed);
        c.completed_at = Some("2026-11-29T10:00:00Z".into());
        assert_eq!(standing(&c, end + 1), Standing::Completed);
        c.ends_at = None;
        c.completed_at = None;
        assert_eq!(standing(&c, end), Standing::Open(None));
    }
}
