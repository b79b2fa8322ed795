//! The white-space heatmap: the customer's business units × our offerings, each cell with
//! its status, value and how hot it is against the biggest cell, and the totals per unit,
//! per offering and overall, split by status, that say where growth can come from and
//! where competitors can be displaced.

use std::collections::HashMap;

use super::model::{CellStatus, Money, Term, WhiteSpace};

/// Heat levels of a cell with a value: 1 (small) to `MAX_LEVEL` (the biggest cell).
pub const MAX_LEVEL: u8 = 4;

/// Values of a row, a column or the whole grid, by status. Cells not applicable and cells
/// without a value add nothing.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Totals {
    pub sold: Money,
    pub in_progress: Money,
    pub open: Money,
    pub competitor: Money,
}

impl Totals {
    /// Everything with a value: sold, in progress, open and held by competitors.
    pub fn total(&self) -> Money {
        self.sold + self.in_progress + self.open + self.competitor
    }

    /// What could still be won: open white space and competitors' cells.
    pub fn potential(&self) -> Money {
        self.open + self.competitor
    }

    fn add(&mut self, status: CellStatus, value: Money) {
        match status {
            CellStatus::Sold => self.sold += value,
            CellStatus::InProgress => self.in_progress += value,
            CellStatus::Open => self.open += value,
            CellStatus::Competitor => self.competitor += value,
            CellStatus::NotApplicable => {}
        }
    }
}

/// A filled-in cell as the heatmap shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct HeatCell {
    pub status: CellStatus,
    pub value: Option<Money>,
    pub competitor: Option<String>,
    /// 0 without a value (or not applicable), else 1..=MAX_LEVEL by value.
    pub level: u8,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Heatmap {
    pub units: Vec<Term>,
    pub offerings: Vec<Term>,
    /// `cells[u][o]`: `None` when the cell is not filled in (unknown).
    pub cells: Vec<Vec<Option<HeatCell>>>,
    /// One per unit.
    pub rows: Vec<Totals>,
    /// One per offering.
    pub columns: Vec<Totals>,
    pub all: Totals,
    /// The biggest value of a cell that counts.
    pub max_value: Money,
}

/// A usable value: positive and finite.
fn counted(value: Option<Money>) -> Option<Money> {
    value.filter(|v| v.is_finite() && *v > 0.0)
}

/// The heat level of `value` against `max`: 0 for nothing, else 1..=MAX_LEVEL.
pub fn heat_level(value: Option<Money>, max: Money) -> u8 {
    match counted(value) {
        Some(v) if max > 0.0 => {
            let share = (v / max).min(1.0);
            ((share * f64::from(MAX_LEVEL)).ceil() as u8).clamp(1, MAX_LEVEL)
        }
        _ => 0,
    }
}

/// The heatmap of a plan's white space over the workspace's `offerings`. Cells of units or
/// offerings no longer listed are left out; of two cells for the same unit × offering the
/// first counts (as the grid editor shows it).
pub fn heatmap(ws: &WhiteSpace, offerings: &[Term]) -> Heatmap {
    let unit_ix: HashMap<&str, usize> = ws
        .units
        .iter()
        .enumerate()
        .rev()
        .map(|(i, u)| (u.id.as_str(), i))
        .collect();
    let off_ix: HashMap<&str, usize> = offerings
        .iter()
        .enumerate()
        .rev()
        .map(|(i, o)| (o.id.as_str(), i))
        .collect();
    let mut cells: Vec<Vec<Option<HeatCell>>> = vec![vec![None; offerings.len()]; ws.units.len()];
    let mut rows = vec![Totals::default(); ws.units.len()];
    let mut columns = vec![Totals::default(); offerings.len()];
    let mut all = Totals::default();
    let mut max_value: Money = 0.0;
    for c in &ws.cells {
        let (Some(&u), Some(&o)) = (
            unit_ix.get(c.unit.as_str()),
            off_ix.get(c.offering.as_str()),
        ) else {
            continue;
        };
        if cells[u][o].is_some() {
            continue;
        }
        let value = counted(c.value);
        if let Some(v) = value.filter(|_| c.status != CellStatus::NotApplicable) {
            rows[u].add(c.status, v);
            columns[o].add(c.status, v);
            all.add(c.status, v);
            max_value = max_value.max(v);
        }
        cells[u][o] = Some(HeatCell {
            status: c.status,
            value,
            competitor: c
                .competitor
                .as_ref()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty()),
            level: 0,
        });
    }
    for cell in cells.iter_mut().flatten().flatten() {
        if cell.status != CellStatus::NotApplicable {
            cell.level = heat_level(cell.value, max_value);
        }
    }
    Heatmap {
        units: ws.units.clone(),
        offerings: offerings.to_vec(),
        cells,
        rows,
        columns,
        all,
        max_value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{Id, WhiteSpaceCell};
    use proptest::prelude::*;

    fn cell(u: &str, o: &str, status: CellStatus, value: Option<f64>) -> WhiteSpaceCell {
        WhiteSpaceCell {
            unit: Id::new(u),
            offering: Id::new(o),
            status,
            value,
            ..WhiteSpaceCell::default()
        }
    }

    fn grid(cells: Vec<WhiteSpaceCell>) -> WhiteSpace {
        WhiteSpace {
            units: vec![Term::new("u1", "North"), Term::new("u2", "South")],
            cells,
        }
    }

    fn offerings() -> Vec<Term> {
        vec![Term::new("o1", "Core"), Term::new("o2", "Analytics")]
    }

    #[test]
    fn rows_columns_and_the_whole_grid_add_up_by_status() {
        let ws = grid(vec![
            cell("u1", "o1", CellStatus::Sold, Some(100.0)),
            cell("u1", "o2", CellStatus::Open, Some(40.0)),
            cell("u2", "o1", CellStatus::Competitor, Some(60.0)),
            cell("u2", "o2", CellStatus::InProgress, Some(20.0)),
        ]);
        let h = heatmap(&ws, &offerings());
        assert_eq!(h.rows[0].total(), 140.0);
        assert_eq!(h.rows[0].open, 40.0);
        assert_eq!(h.rows[1].competitor, 60.0);
        assert_eq!(h.rows[1].total(), 80.0);
        assert_eq!(h.columns[0].total(), 160.0);
        assert_eq!(h.columns[1].total(), 60.0);
        assert_eq!(h.all.total(), 220.0);
        assert_eq!(h.all.potential(), 100.0);
        assert_eq!(h.max_value, 100.0);
    }

    #[test]
    fn cells_are_heated_by_their_share_of_the_biggest() {
        let ws = grid(vec![
            cell("u1", "o1", CellStatus::Sold, Some(100.0)),
            cell("u1", "o2", CellStatus::Open, Some(10.0)),
            cell("u2", "o1", CellStatus::Open, Some(60.0)),
            cell("u2", "o2", CellStatus::Open, None),
        ]);
        let h = heatmap(&ws, &offerings());
        let level = |u: usize, o: usize| h.cells[u][o].as_ref().unwrap().level;
        assert_eq!(level(0, 0), MAX_LEVEL);
        assert_eq!(level(0, 1), 1);
        assert_eq!(level(1, 0), 3);
        assert_eq!(level(1, 1), 0, "no value, no heat");
    }

    #[test]
    fn not_applicable_cells_and_unusable_values_add_nothing() {
        let ws = grid(vec![
            cell("u1", "o1", CellStatus::NotApplicable, Some(500.0)),
            cell("u1", "o2", CellStatus::Open, Some(-5.0)),
            cell("u2", "o1", CellStatus::Open, Some(f64::NAN)),
        ]);
        let h = heatmap(&ws, &offerings());
        assert_eq!(h.all, Totals::default());
        assert_eq!(h.cells[0][0].as_ref().unwrap().level, 0);
        assert_eq!(h.cells[0][1].as_ref().unwrap().value, None);
        assert!(h.cells[1][1].is_none(), "not filled in is unknown");
    }

    #[test]
    fn cells_of_removed_units_or_offerings_and_duplicates_are_left_out() {
        let ws = grid(vec![
            cell("u1", "o1", CellStatus::Sold, Some(100.0)),
            cell("u1", "o1", CellStatus::Open, Some(900.0)),
            cell("gone", "o1", CellStatus::Sold, Some(50.0)),
            cell("u2", "retired", CellStatus::Sold, Some(70.0)),
        ]);
        let h = heatmap(&ws, &offerings());
        assert_eq!(h.all.total(), 100.0);
        assert_eq!(h.cells[0][0].as_ref().unwrap().status, CellStatus::Sold);
    }

    #[test]
    fn competitor_names_are_kept_trimmed_and_blank_ones_dropped() {
        let mut a = cell("u1", "o1", CellStatus::Competitor, Some(10.0));
        a.competitor = Some("  Keystone ".into());
        let mut b = cell("u1", "o2", CellStatus::Competitor, None);
        b.competitor = Some("   ".into());
        let h = heatmap(&grid(vec![a, b]), &offerings());
        assert_eq!(
            h.cells[0][0].as_ref().unwrap().competitor.as_deref(),
            Some("Keystone")
        );
        assert_eq!(h.cells[0][1].as_ref().unwrap().competitor, None);
    }

    #[test]
    fn the_demo_white_space_adds_up() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let ws = crate::domain::sample::demo::demo_workspace(today);
        let hv = ws
            .accounts
            .iter()
            .find(|a| a.name == "Harborview Health Network")
            .unwrap();
        let h = heatmap(&hv.plan.white_space, &ws.settings.offerings);
        assert_eq!(
            h.rows.iter().map(Totals::total).collect::<Vec<_>>(),
            vec![1_200_000.0, 390_000.0, 130_000.0]
        );
        assert_eq!(h.all.total(), 1_720_000.0);
        assert_eq!(h.all.competitor, 60_000.0);
    }

    fn any_status() -> impl Strategy<Value = CellStatus> {
        prop_oneof![
            Just(CellStatus::Sold),
            Just(CellStatus::InProgress),
            Just(CellStatus::Open),
            Just(CellStatus::Competitor),
            Just(CellStatus::NotApplicable),
        ]
    }

    proptest! {
        #[test]
        fn row_totals_and_column_totals_both_add_up_to_the_grand_total(
            cells in proptest::collection::vec((0usize..4, 0usize..3, any_status(), proptest::option::of(0u32..1_000_000)), 0..30)
        ) {
            let ws = WhiteSpace {
                units: (0..3).map(|i| Term::new(&format!("u{i}"), "Unit")).collect(),
                cells: cells.iter().map(|&(u, o, s, v)| cell(&format!("u{u}"), &format!("o{o}"), s, v.map(f64::from))).collect(),
            };
            let offs: Vec<Term> = (0..3).map(|i| Term::new(&format!("o{i}"), "Offering")).collect();
            let h = heatmap(&ws, &offs);
            let by_rows: f64 = h.rows.iter().map(Totals::total).sum();
            let by_cols: f64 = h.columns.iter().map(Totals::total).sum();
            prop_assert!((by_rows - h.all.total()).abs() < 1e-6);
            prop_assert!((by_cols - h.all.total()).abs() < 1e-6);
            for cell in h.cells.iter().flatten().flatten() {
                prop_assert!(cell.level <= MAX_LEVEL);
                prop_assert_eq!(cell.level == 0, cell.value.is_none() || cell.status == CellStatus::NotApplicable);
            }
        }
    }
}
