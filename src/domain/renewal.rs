//! The renewal window: the weeks before the contract's notice date and up to its end, while
//! the renewal is undecided. Then the account manager should stay close to the contacts
//! they know (a renegotiation is no time to go wide), so the rut warning is tempered; once
//! it is over, they should widen again.

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::model::{Contract, RenewalStatus};

/// The window opens this many days before notice must be given…
pub const WINDOW_LEAD_DAYS: i64 = 90;
/// …and "widen again" is said for this many days after it closed.
pub const WIDEN_DAYS: i64 = 90;

/// Where the account stands against its renewal on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum RenewalPhase {
    /// No renewal close (or no end date).
    Quiet,
    /// Inside the window, which closes on `closes` (the contract's end).
    Window { closes: NaiveDate },
    /// The window closed on `closed` (the end passed, or the renewal was decided) not
    /// long ago: time to widen again.
    After { closed: NaiveDate },
}

/// The renewal phase of `contract` on `today`. The window opens [`WINDOW_LEAD_DAYS`]
/// before the notice date (the end less the notice period) and closes at the end, or as
/// soon as the renewal is decided (renewed or lost): then it is "after" until
/// [`WIDEN_DAYS`] past the end.
pub fn renewal_phase(contract: &Contract, today: NaiveDate) -> RenewalPhase {
    let Some(end) = contract.end_date else {
        return RenewalPhase::Quiet;
    };
    let notice = end - Duration::days(i64::from(contract.notice_days.unwrap_or(0)));
    let opens = notice - Duration::days(WINDOW_LEAD_DAYS);
    let decided = matches!(
        contract.renewal_status,
        RenewalStatus::Renewed | RenewalStatus::Lost
    );
    if today < opens || today > end + Duration::days(WIDEN_DAYS) {
        RenewalPhase::Quiet
    } else if today <= end && !decided {
        RenewalPhase::Window { closes: end }
    } else {
        RenewalPhase::After {
            closed: end.min(today),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn contract(end: &str, notice: Option<u32>) -> Contract {
        Contract {
            end_date: Some(day(end)),
            notice_days: notice,
            ..Contract::default()
        }
    }

    #[test]
    fn the_window_opens_a_quarter_before_notice_and_closes_at_the_end() {
        // Ends 2027-03-31 with 60 days' notice: notice by 2027-01-30, window from 2026-11-01.
        let c = contract("2027-03-31", Some(60));
        assert_eq!(renewal_phase(&c, day("2026-10-31")), RenewalPhase::Quiet);
        let window = RenewalPhase::Window {
            closes: day("2027-03-31"),
        };
        assert_eq!(renewal_phase(&c, day("2026-11-01")), window);
        assert_eq!(renewal_phase(&c, day("2027-03-31")), window);
        let after = RenewalPhase::After {
            closed: day("2027-03-31"),
        };
        assert_eq!(renewal_phase(&c, day("2027-04-01")), after);
        assert_eq!(renewal_phase(&c, day("2027-06-29")), after); // 90 days after
        assert_eq!(renewal_phase(&c, day("2027-06-30")), RenewalPhase::Quiet);
        // Without a notice period, the window opens 90 days before the end.
        let c = contract("2027-03-31", None);
        assert_eq!(renewal_phase(&c, day("2026-12-30")), RenewalPhase::Quiet);
        assert_eq!(renewal_phase(&c, day("2026-12-31")), window);
        assert_eq!(
            renewal_phase(&Contract::default(), day("2027-01-01")),
            RenewalPhase::Quiet
        );
    }

    #[test]
    fn a_decided_renewal_closes_the_window_early() {
        let mut c = contract("2027-03-31", Some(60));
        c.renewal_status = RenewalStatus::Renewed;
        assert_eq!(
            renewal_phase(&c, day("2027-01-15")),
            RenewalPhase::After {
                closed: day("2027-01-15")
            }
        );
    }
}
