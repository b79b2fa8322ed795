//! Coverage: share of the department × level cells that matter with an engaged contact,
//! and whether an executive is among them (80% cells, 20% executive).

use super::Verdict;
use crate::domain::coverage::{coverage_counts, WindowTouches, ENGAGED_DAYS};
use crate::domain::model::{AccountPlan, Settings};

pub fn score(plan: &AccountPlan, settings: &Settings, window: &WindowTouches) -> Verdict {
    if plan.contacts.is_empty() {
        return Err("No contacts recorded yet.".into());
    }
    let g = coverage_counts(plan, settings, window);
    if g.counted_cells == 0 {
        return Err("No department × level cells count for coverage in the settings.".into());
    }
    let share = g.engaged_cells as f64 / g.counted_cells as f64;
    let exec = if g.executive_engaged { 1.0 } else { 0.0 };
    let score = 100.0 * (0.8 * share + 0.2 * exec);
    let why = format!(
        "{} of {} department × level cells engaged in the last {ENGAGED_DAYS} days, {}.",
        g.engaged_cells,
        g.counted_cells,
        if g.executive_engaged {
            "including an executive"
        } else {
            "but no executive"
        }
    );
    Ok((score, why))
}
