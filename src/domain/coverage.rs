//! Coverage, the "4-dimensional customer": engagement across departments and levels,
//! drawn as a departments × levels grid whose cells name the areas of opportunity talked
//! about (`areas`), and the rut: a few contacts taking most of the touches, every talk
//! about one area, or whole departments and levels left untouched. In a renewal window
//! (`renewal`) staying close is right: the concentration is not counted as a rut then.

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::model::{AccountPlan, Id, LevelTerm, Settings, Term};
use super::renewal::{renewal_phase, RenewalPhase};

/// A contact counts as engaged with an interaction in this many days.
pub const ENGAGED_DAYS: i64 = 90;
/// In a rut when the two most-touched contacts hold more than this share of the touches…
pub const RUT_TOP_TWO_SHARE: f64 = 0.70;
/// …counted over at least this many touches (fewer says too little either way).
pub const RUT_MIN_TOUCHES: usize = 5;

/// The latest interaction (on or before `today`) of every contact that had one.
pub fn last_touches(plan: &AccountPlan, today: NaiveDate) -> HashMap<&str, NaiveDate> {
    let mut last: HashMap<&str, NaiveDate> = HashMap::with_capacity(plan.contacts.len());
    for i in &plan.interactions {
        let Some(d) = i.date.filter(|d| *d <= today) else {
            continue;
        };
        for c in &i.contacts {
            let e = last.entry(c.as_str()).or_insert(d);
            if d > *e {
                *e = d;
            }
        }
    }
    last
}

/// A contact in a coverage cell, with how recently we engaged them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContactTouch {
    pub id: Id,
    pub name: String,
    pub last: Option<NaiveDate>,
    pub days_since: Option<i64>,
    pub engaged: bool,
}

/// One department × level cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoverageCell {
    pub department: Id,
    pub level: Id,
    pub contacts: Vec<ContactTouch>,
    pub engaged: bool,
    /// Whether the cell counts for the coverage score (its level is in coverage).
    pub counts: bool,
    /// The areas of opportunity talked about with the cell's contacts in the window, in
    /// the order first named.
    pub areas: Vec<Id>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoverageGrid {
    pub departments: Vec<Term>,
    pub levels: Vec<LevelTerm>,
    /// `cells[d][l]` for department `d` and level `l`.
    pub cells: Vec<Vec<CoverageCell>>,
    /// Contacts without a department or level: they cannot be placed.
    pub unplaced: Vec<ContactTouch>,
    pub counted_cells: usize,
    pub engaged_cells: usize,
    /// An executive-level contact engaged in the window.
    pub executive_engaged: bool,
}

/// The coverage grid of a plan on `today`.
pub fn coverage_grid(plan: &AccountPlan, settings: &Settings, today: NaiveDate) -> CoverageGrid {
    let last = last_touches(plan, today);
    let dept_index: HashMap<&str, usize> = settings
        .departments
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let level_index: HashMap<&str, usize> = settings
        .levels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.id.as_str(), i))
        .collect();
    let mut cells: Vec<Vec<CoverageCell>> = settings
        .departments
        .iter()
        .map(|d| {
            settings
                .levels
                .iter()
                .map(|l| CoverageCell {
                    department: d.id.clone(),
                    level: l.id.clone(),
                    contacts: Vec::new(),
                    engaged: false,
                    counts: l.in_coverage,
                    areas: Vec::new(),
                })
                .collect()
        })
        .collect();
    let mut unplaced = Vec::new();
    let mut executive_engaged = false;
    let talked = contact_areas(plan, today);
    for c in &plan.contacts {
        let last_day = last.get(c.id.as_str()).copied();
        let days_since = last_day.map(|d| (today - d).num_days());
        let engaged = days_since.is_some_and(|d| d < ENGAGED_DAYS);
        let touch = ContactTouch {
            id: c.id.clone(),
            name: c.name.clone(),
            last: last_day,
            days_since,
            engaged,
        };
        let d = c
            .department
            .as_ref()
            .and_then(|d| dept_index.get(d.as_str()));
        let l = c.level.as_ref().and_then(|l| level_index.get(l.as_str()));
        if let Some(li) = c.level.as_ref().and_then(|l| level_index.get(l.as_str())) {
            if engaged && settings.levels[*li].executive {
                executive_engaged = true;
            }
        }
        match (d, l) {
            (Some(&d), Some(&l)) => {
                let cell = &mut cells[d][l];
                cell.engaged |= engaged;
                cell.contacts.push(touch);
                for a in talked.get(c.id.as_str()).into_iter().flatten() {
                    if !cell.areas.contains(a) {
                        cell.areas.push((*a).clone());
                    }
                }
            }
            _ => unplaced.push(touch),
        }
    }
    let counted_cells = cells.iter().flatten().filter(|c| c.counts).count();
    let engaged_cells = cells
        .iter()
        .flatten()
        .filter(|c| c.counts && c.engaged)
        .count();
    CoverageGrid {
        departments: settings.departments.clone(),
        levels: settings.levels.clone(),
        cells,
        unplaced,
        counted_cells,
        engaged_cells,
        executive_engaged,
    }
}

/// The areas named by each contact's interactions of the window ending `today`.
fn contact_areas(plan: &AccountPlan, today: NaiveDate) -> HashMap<&str, Vec<&Id>> {
    let mut out: HashMap<&str, Vec<&Id>> = HashMap::new();
    for i in super::areas::in_window(plan, today).filter(|i| !i.areas.is_empty()) {
        for c in &i.contacts {
            let list = out.entry(c.as_str()).or_default();
            for a in &i.areas {
                if !list.contains(&a) {
                    list.push(a);
                }
            }
        }
    }
    out
}

/// The coverage grid's counts alone: what the scorer needs, without the grid's cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CoverageCounts {
    pub counted_cells: usize,
    pub engaged_cells: usize,
    pub executive_engaged: bool,
}

/// The counts [`coverage_grid`] gives for the window's plan, built without cloning ids or
/// names: only engaged contacts are placed, and a cell is counted at most once.
pub fn coverage_counts(
    plan: &AccountPlan,
    settings: &Settings,
    window: &WindowTouches,
) -> CoverageCounts {
    // The last of duplicate ids, as the grid's index maps keep.
    let department = |id: &Id| settings.departments.iter().rposition(|d| d.id == *id);
    let level = |id: &Id| settings.levels.iter().rposition(|l| l.id == *id);
    let levels = settings.levels.len();
    let mut engaged = vec![false; settings.departments.len() * levels];
    let mut executive_engaged = false;
    for c in plan.contacts.iter().filter(|c| window.touched(&c.id)) {
        let Some(l) = c.level.as_ref().and_then(level) else {
            continue;
        };
        executive_engaged |= settings.levels[l].executive;
        if let Some(d) = c.department.as_ref().and_then(department) {
            engaged[d * levels + l] |= settings.levels[l].in_coverage;
        }
    }
    let counted_levels = settings.levels.iter().filter(|l| l.in_coverage).count();
    CoverageCounts {
        counted_cells: settings.departments.len() * counted_levels,
        engaged_cells: engaged.iter().filter(|e| **e).count(),
        executive_engaged,
    }
}

/// Touches per contact in the window.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContactShare {
    pub id: Id,
    pub name: String,
    pub touches: usize,
    pub share: f64,
}

/// Concentration of the last [`ENGAGED_DAYS`] days' interactions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RutReport {
    /// Touches in the window: an interaction with n contacts is n touches.
    pub touches: usize,
    /// Most-touched first.
    pub per_contact: Vec<ContactShare>,
    pub top_two_share: f64,
    /// Sum of squared shares: 1 when one contact takes every touch, 1/n when n share evenly.
    pub herfindahl: f64,
    /// Departments that have contacts but no touch in the window.
    pub untouched_departments: Vec<Term>,
    /// Coverage levels that have contacts but no touch in the window.
    pub untouched_levels: Vec<LevelTerm>,
    pub in_rut: bool,
    /// Why the plan is in a rut, one sentence each.
    pub reasons: Vec<String>,
    /// In a renewal window: why the concentration is not counted as a rut.
    pub tempered: Option<String>,
    /// This week's challenge: meet someone new where coverage is weakest.
    pub challenge: Option<String>,
}

/// Contact ids in one account's window, hashed with FxHash (rustc's): far cheaper than
/// SipHash on short ids. It does not resist crafted collisions, which a user's own contact
/// ids have no reason to be; at worst one account's window counts slowly.
type IdIndex<'a> = rustc_hash::FxHashMap<&'a str, usize>;

/// The last [`ENGAGED_DAYS`] days' touches, counted per contact id in one pass over the
/// interactions. The scorer builds it once for both the balance and the coverage counts.
#[derive(Debug, Clone)]
pub struct WindowTouches<'a> {
    index: IdIndex<'a>,
    /// Touch counts per contact id, in plan order of first touch.
    pub per_contact: Vec<(&'a Id, usize)>,
}

impl<'a> WindowTouches<'a> {
    /// The window ending `today` (a future-dated interaction is not a touch yet).
    pub fn new(plan: &'a AccountPlan, today: NaiveDate) -> Self {
        // Comparing dates is cheaper than taking each interaction's age in days.
        let first = today
            .checked_sub_days(Days::new(ENGAGED_DAYS as u64 - 1))
            .unwrap_or(NaiveDate::MIN);
        let mut index = IdIndex::with_capacity_and_hasher(plan.contacts.len(), Default::default());
        let mut per_contact: Vec<(&Id, usize)> = Vec::with_capacity(plan.contacts.len());
        for i in &plan.interactions {
            if !i.date.is_some_and(|d| (first..=today).contains(&d)) {
                continue;
            }
            for c in &i.contacts {
                match index.entry(c.as_str()) {
                    Entry::Occupied(k) => per_contact[*k.get()].1 += 1,
                    Entry::Vacant(k) => {
                        k.insert(per_contact.len());
                        per_contact.push((c, 1));
                    }
                }
            }
        }
        WindowTouches { index, per_contact }
    }

    /// Whether `id` was touched in the window: an engaged contact.
    pub fn touched(&self, id: &Id) -> bool {
        self.index.contains_key(id.as_str())
    }
}

/// Touch counts per contact in the window ending `today`, in plan order of first touch.
pub fn window_touches(plan: &AccountPlan, today: NaiveDate) -> Vec<(&Id, usize)> {
    WindowTouches::new(plan, today).per_contact
}

/// Sum of squared shares of `counts` (0 when there are none).
pub fn herfindahl(counts: &[usize]) -> f64 {
    let total: usize = counts.iter().sum();
    if total == 0 {
        return 0.0;
    }
    counts
        .iter()
        .map(|&c| {
            let s = c as f64 / total as f64;
            s * s
        })
        .sum()
}

/// Share of the two largest of `counts` (0 when there are none).
pub fn top_two_share(counts: &[usize]) -> f64 {
    let total: usize = counts.iter().sum();
    if total == 0 {
        return 0.0;
    }
    let (mut a, mut b) = (0, 0);
    for &c in counts {
        if c > a {
            b = a;
            a = c;
        } else if c > b {
            b = c;
        }
    }
    (a + b) as f64 / total as f64
}

/// The rut report of a plan on `today`.
pub fn rut(plan: &AccountPlan, settings: &Settings, today: NaiveDate) -> RutReport {
    let touched = window_touches(plan, today);
    let counts: Vec<usize> = touched.iter().map(|t| t.1).collect();
    let touches: usize = counts.iter().sum();
    let per_contact = contact_shares(plan, &touched, touches);
    let top_two = top_two_share(&counts);
    let hhi = herfindahl(&counts);
    let (untouched_departments, untouched_levels) = untouched(plan, settings, &touched);
    let window = match renewal_phase(&plan.contract, today) {
        RenewalPhase::Window { closes } => Some(closes),
        _ => None,
    };
    let narrow = Narrow {
        touches,
        top_two,
        per_contact: &per_contact,
        one_area: super::areas::one_area(plan, today).map(|(a, n)| {
            let name = super::areas::area_name(plan, settings, a).unwrap_or("one area");
            (name.to_string(), n)
        }),
    };
    let mut reasons = Vec::new();
    let tempered = match window {
        Some(closes) => Some(format!(
            "Renewal window until {closes}: staying close to the contacts you know is right for now, so their share of the touches is not counted as a rut."
        ))
        .filter(|_| narrow.narrow()),
        None => {
            narrow.reasons(&mut reasons);
            None
        }
    };
    untouched_reasons(&untouched_departments, &untouched_levels, &mut reasons);
    let grid = coverage_grid(plan, settings, today);
    RutReport {
        touches,
        per_contact,
        top_two_share: top_two,
        herfindahl: hhi,
        untouched_departments,
        untouched_levels,
        in_rut: !reasons.is_empty(),
        reasons,
        tempered,
        challenge: weekly_challenge(&grid),
    }
}

/// Each touched contact's name, touches and share of the window's `touches`, most-touched
/// first (then by id).
fn contact_shares(
    plan: &AccountPlan,
    touched: &[(&Id, usize)],
    touches: usize,
) -> Vec<ContactShare> {
    let names: HashMap<&str, &str> = plan
        .contacts
        .iter()
        .map(|c| (c.id.as_str(), c.name.as_str()))
        .collect();
    let mut per_contact: Vec<ContactShare> = touched
        .iter()
        .map(|(id, n)| ContactShare {
            id: (*id).clone(),
            name: names.get(id.as_str()).unwrap_or(&"").to_string(),
            touches: *n,
            share: *n as f64 / touches.max(1) as f64,
        })
        .collect();
    per_contact.sort_by(|a, b| b.touches.cmp(&a.touches).then_with(|| a.id.cmp(&b.id)));
    per_contact
}

/// The departments, and the coverage levels, that have contacts but none of them among
/// `touched`.
fn untouched(
    plan: &AccountPlan,
    settings: &Settings,
    touched: &[(&Id, usize)],
) -> (Vec<Term>, Vec<LevelTerm>) {
    let touched_ids: std::collections::HashSet<&str> =
        touched.iter().map(|t| t.0.as_str()).collect();
    let mut dept_has = vec![(false, false); settings.departments.len()];
    let mut level_has = vec![(false, false); settings.levels.len()];
    for c in &plan.contacts {
        let hit = touched_ids.contains(c.id.as_str());
        if let Some(i) = c
            .department
            .as_ref()
            .and_then(|d| settings.departments.iter().position(|x| &x.id == d))
        {
            dept_has[i].0 = true;
            dept_has[i].1 |= hit;
        }
        if let Some(i) = c
            .level
            .as_ref()
            .and_then(|l| settings.levels.iter().position(|x| &x.id == l))
        {
            level_has[i].0 = true;
            level_has[i].1 |= hit;
        }
    }
    let untouched_departments: Vec<Term> = settings
        .departments
        .iter()
        .zip(&dept_has)
        .filter(|(_, (has, hit))| *has && !*hit)
        .map(|(d, _)| d.clone())
        .collect();
    let untouched_levels: Vec<LevelTerm> = settings
        .levels
        .iter()
        .zip(&level_has)
        .filter(|(l, (has, hit))| l.in_coverage && *has && !*hit)
        .map(|(l, _)| l.clone())
        .collect();
    (untouched_departments, untouched_levels)
}

/// The narrow kinds of rut: the same few people, the same one topic.
struct Narrow<'a> {
    touches: usize,
    top_two: f64,
    per_contact: &'a [ContactShare],
    /// The one area every talk of the window was about, and how many talks.
    one_area: Option<(String, usize)>,
}

impl Narrow<'_> {
    fn concentrated(&self) -> bool {
        self.touches >= RUT_MIN_TOUCHES && self.top_two > RUT_TOP_TWO_SHARE
    }

    fn narrow(&self) -> bool {
        self.concentrated() || self.one_area.is_some()
    }

    /// Two contacts taking most of enough touches; every talk about one area.
    fn reasons(&self, reasons: &mut Vec<String>) {
        if self.concentrated() {
            let names: Vec<&str> = self
                .per_contact
                .iter()
                .take(2)
                .map(|c| c.name.as_str())
                .collect();
            reasons.push(format!(
                "{} hold {:.0}% of the last {ENGAGED_DAYS} days' {} touches.",
                names.join(" and "),
                self.top_two * 100.0,
                self.touches
            ));
        }
        if let Some((name, n)) = &self.one_area {
            reasons.push(format!(
                "Every conversation of the last {ENGAGED_DAYS} days was about {name} ({n} interactions)."
            ));
        }
    }
}

/// Untouched departments, untouched levels: one sentence each.
fn untouched_reasons(
    untouched_departments: &[Term],
    untouched_levels: &[LevelTerm],
    reasons: &mut Vec<String>,
) {
    if !untouched_departments.is_empty() {
        let names: Vec<&str> = untouched_departments
            .iter()
            .map(|d| d.name.as_str())
            .collect();
        reasons.push(format!(
            "No touch in {} for {ENGAGED_DAYS} days.",
            names.join(", ")
        ));
    }
    if !untouched_levels.is_empty() {
        let names: Vec<&str> = untouched_levels.iter().map(|d| d.name.as_str()).collect();
        reasons.push(format!(
            "No touch at {} level for {ENGAGED_DAYS} days.",
            names.join(", ")
        ));
    }
}

/// The most valuable empty cell of the grid: the most senior counted level first, and
/// within a level a department we do not engage at all before one we partly engage.
pub fn weakest_cell(grid: &CoverageGrid) -> Option<(usize, usize)> {
    let dept_engaged: Vec<bool> = grid
        .cells
        .iter()
        .map(|row| row.iter().any(|c| c.engaged))
        .collect();
    // Lower keys are better: (not executive, level, department engaged, department).
    type Key = (bool, usize, bool, usize);
    let mut best: Option<(Key, (usize, usize))> = None;
    for (d, row) in grid.cells.iter().enumerate() {
        for (l, cell) in row.iter().enumerate() {
            if !cell.counts || cell.engaged {
                continue;
            }
            // Lower is better: executive first, then seniority, then untouched department.
            let key = (!grid.levels[l].executive, l, dept_engaged[d], d);
            if best.as_ref().is_none_or(|(k, _)| key < *k) {
                best = Some((key, (d, l)));
            }
        }
    }
    best.map(|(_, cell)| cell)
}

/// "Meet one new contact in Finance at Executive level and learn their major challenge."
pub fn weekly_challenge(grid: &CoverageGrid) -> Option<String> {
    let (d, l) = weakest_cell(grid)?;
    Some(format!(
        "Meet one new contact in {} at {} level and learn their major challenge.",
        grid.departments[d].name, grid.levels[l].name
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{Contact, Interaction};
    use std::sync::Arc;

    pub(crate) fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    pub(crate) fn contact(id: &str, dept: &str, level: &str) -> Contact {
        Contact {
            id: Id::new(id),
            name: id.to_uppercase(),
            department: Some(Id::new(dept)),
            level: Some(Id::new(level)),
            ..Contact::default()
        }
    }

    pub(crate) fn touch(id: &str, date: &str, who: &[&str]) -> Interaction {
        Interaction {
            id: Id::new(id),
            date: Some(day(date)),
            contacts: who.iter().map(|w| Id::new(*w)).collect(),
            ..Interaction::default()
        }
    }

    const TODAY: &str = "2026-11-24";

    #[test]
    fn the_grid_places_contacts_and_counts_engaged_cells() {
        let settings = Settings::default(); // 5 departments × 3 counted levels = 15 cells
        let plan = AccountPlan {
            contacts: vec![
                contact("a", "dept-finance", "lvl-exec"),
                contact("b", "dept-it", "lvl-manager"),
                contact("c", "dept-it", "lvl-staff"), // staff level does not count
                Contact {
                    id: Id::new("d"),
                    ..Contact::default()
                }, // no department
            ],
            interactions: vec![
                touch("i1", "2026-11-01", &["a", "c"]),
                touch("i2", "2026-06-01", &["b"]), // 176 days ago: not engaged
            ],
            ..AccountPlan::default()
        };
        let g = coverage_grid(&plan, &settings, day(TODAY));
        assert_eq!(g.counted_cells, 15);
        assert_eq!(g.engaged_cells, 1); // only Finance × Executive
        assert!(g.executive_engaged);
        assert_eq!(g.unplaced.len(), 1);
        let it_manager = &g.cells[2][2];
        assert_eq!(it_manager.contacts[0].days_since, Some(176));
        assert!(!it_manager.engaged);
        let fin_exec = &g.cells[1][0];
        assert_eq!(fin_exec.contacts[0].last, Some(day("2026-11-01")));
        assert_eq!(fin_exec.contacts[0].days_since, Some(23));
    }

    #[test]
    fn the_engaged_window_is_ninety_days() {
        let settings = Settings::default();
        let mut plan = AccountPlan {
            contacts: vec![contact("a", "dept-it", "lvl-senior")],
            interactions: vec![touch("i", "2026-08-27", &["a"])], // 89 days before today
            ..AccountPlan::default()
        };
        assert_eq!(coverage_grid(&plan, &settings, day(TODAY)).engaged_cells, 1);
        plan.interactions[0].date = Some(day("2026-08-26")); // 90 days
        assert_eq!(coverage_grid(&plan, &settings, day(TODAY)).engaged_cells, 0);
        // A future-dated interaction is not a touch yet.
        plan.interactions[0].date = Some(day("2026-12-01"));
        assert_eq!(coverage_grid(&plan, &settings, day(TODAY)).engaged_cells, 0);
    }

    #[test]
    fn the_counts_alone_match_the_grid() {
        use crate::domain::sample::synthetic::{synthetic_workspace, BENCH, SMALL};
        let today = day(TODAY);
        let mut odd = Settings::default();
        odd.levels[1].in_coverage = false;
        odd.levels[3].executive = true;
        odd.departments.push(odd.departments[2].clone()); // a duplicate id
        for (seed, shape) in [(1, &BENCH), (2, &SMALL)] {
            let mut ws = synthetic_workspace(seed, 20, shape, today);
            for (k, a) in ws.accounts.iter_mut().map(Arc::make_mut).enumerate() {
                // Some contacts cannot be placed, some touches name no known contact.
                a.plan.contacts.truncate(a.plan.contacts.len() - k % 3);
                a.plan
                    .contacts
                    .iter_mut()
                    .step_by(4)
                    .for_each(|c| c.department = None);
            }
            for settings in [&ws.settings, &odd] {
                for a in &ws.accounts {
                    for d in [today, today - Days::new(60), today + Days::new(120)] {
                        let g = coverage_grid(&a.plan, settings, d);
                        let window = WindowTouches::new(&a.plan, d);
                        let counts = coverage_counts(&a.plan, settings, &window);
                        assert_eq!(counts.counted_cells, g.counted_cells);
                        assert_eq!(counts.engaged_cells, g.engaged_cells);
                        assert_eq!(counts.executive_engaged, g.executive_engaged);
                    }
                }
            }
        }
    }

    #[test]
    fn concentration_figures() {
        // 8 + 1 + 1 touches: top two 9/10, HHI 0.64 + 0.01 + 0.01.
        assert!((top_two_share(&[8, 1, 1]) - 0.9).abs() < 1e-12);
        assert!((herfindahl(&[8, 1, 1]) - 0.66).abs() < 1e-12);
        // Four equal: HHI 1/4, top two 1/2.
        assert!((herfindahl(&[3, 3, 3, 3]) - 0.25).abs() < 1e-12);
        assert!((top_two_share(&[3, 3, 3, 3]) - 0.5).abs() < 1e-12);
        assert_eq!(herfindahl(&[]), 0.0);
        assert_eq!(top_two_share(&[]), 0.0);
    }

    #[test]
    fn two_friendly_contacts_taking_most_touches_is_a_rut() {
        let settings = Settings::default();
        let mut plan = AccountPlan {
            contacts: vec![
                contact("a", "dept-it", "lvl-manager"),
                contact("b", "dept-it", "lvl-manager"),
                contact("c", "dept-finance", "lvl-exec"),
            ],
            ..AccountPlan::default()
        };
        for n in 0..6 {
            plan.interactions
                .push(touch(&format!("x{n}"), "2026-11-10", &["a", "b"]));
        }
        plan.interactions.push(touch("y", "2026-11-11", &["c"]));
        let r = rut(&plan, &settings, day(TODAY));
        // 12 touches of a and b, 1 of c: 12/13 = 92%.
        assert_eq!(r.touches, 13);
        assert!((r.top_two_share - 12.0 / 13.0).abs() < 1e-12);
        assert!(r.in_rut);
        assert!(r.reasons[0].contains("92%"), "{:?}", r.reasons);
        assert_eq!(r.per_contact[2].name, "C");
        assert!(r.untouched_departments.is_empty());
    }

    #[test]
    fn few_touches_alone_are_not_a_rut_but_an_untouched_department_is() {
        let settings = Settings::default();
        let plan = AccountPlan {
            contacts: vec![
                contact("a", "dept-it", "lvl-manager"),
                contact("b", "dept-ops", "lvl-manager"),
            ],
            interactions: vec![touch("i", "2026-11-20", &["a"])],
            ..AccountPlan::default()
        };
        let r = rut(&plan, &settings, day(TODAY));
        assert_eq!(r.touches, 1);
        assert_eq!(r.untouched_departments.len(), 1);
        assert_eq!(r.untouched_departments[0].name, "Operations");
        assert!(r.in_rut);
        assert_eq!(r.reasons.len(), 1);
    }

    #[test]
    fn the_weekly_challenge_aims_at_the_most_senior_empty_cell_of_an_unengaged_department() {
        let settings = Settings::default();
        let plan = AccountPlan {
            contacts: vec![
                contact("a", "dept-exec", "lvl-exec"),
                contact("b", "dept-finance", "lvl-manager"),
            ],
            interactions: vec![touch("i", "2026-11-20", &["a", "b"])],
            ..AccountPlan::default()
        };
        let g = coverage_grid(&plan, &settings, day(TODAY));
        // Executive office × Executive is engaged; Finance has engagement (manager);
        // IT is the first executive cell of a department with none.
        assert_eq!(
            weekly_challenge(&g).unwrap(),
            "Meet one new contact in IT at Executive level and learn their major challenge."
        );
    }

    #[test]
    fn a_fully_engaged_grid_has_no_challenge() {
        let settings = Settings {
            departments: vec![Term::new("d", "Dept")],
            levels: vec![LevelTerm {
                id: Id::new("l"),
                name: "Level".into(),
                executive: true,
                in_coverage: true,
            }],
            ..Settings::default()
        };
        let plan = AccountPlan {
            contacts: vec![contact("a", "d", "l")],
            interactions: vec![touch("i", "2026-11-20", &["a"])],
            ..AccountPlan::default()
        };
        assert_eq!(
            weekly_challenge(&coverage_grid(&plan, &settings, day(TODAY))),
            None
        );
    }

    fn about(mut i: Interaction, areas: &[&str]) -> Interaction {
        i.areas = areas.iter().map(|a| Id::new(*a)).collect();
        i
    }

    #[test]
    fn each_cell_names_the_areas_talked_about_with_its_contacts() {
        let settings = Settings::default();
        let plan = AccountPlan {
            contacts: vec![
                contact("a", "dept-finance", "lvl-exec"),
                contact("b", "dept-finance", "lvl-exec"),
                contact("c", "dept-it", "lvl-manager"),
            ],
            interactions: vec![
                about(touch("i1", "2026-11-01", &["a"]), &["off-core"]),
                about(
                    touch("i2", "2026-11-10", &["b", "c"]),
                    &["goal-1", "off-core"],
                ),
                about(touch("i3", "2026-06-01", &["c"]), &["off-support"]), // out of the window
            ],
            ..AccountPlan::default()
        };
        let g = coverage_grid(&plan, &settings, day(TODAY));
        let ids = |cell: &CoverageCell| {
            cell.areas
                .iter()
                .map(|a| a.as_str().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&g.cells[1][0]), ["off-core", "goal-1"]); // Finance × Executive
        assert_eq!(ids(&g.cells[2][2]), ["goal-1", "off-core"]); // IT × Manager
        assert!(g.cells[0][0].areas.is_empty());
    }

    /// Five talks with two friendly contacts, all about the core platform.
    fn narrow_plan() -> AccountPlan {
        AccountPlan {
            contacts: vec![
                contact("a", "dept-it", "lvl-manager"),
                contact("b", "dept-it", "lvl-manager"),
            ],
            interactions: (0..5)
                .map(|k| {
                    about(
                        touch(&format!("i{k}"), "2026-11-20", &["a", "b"]),
                        &["off-core"],
                    )
                })
                .collect(),
            ..AccountPlan::default()
        }
    }

    #[test]
    fn every_talk_about_one_area_is_a_rut() {
        let r = rut(&narrow_plan(), &Settings::default(), day(TODAY));
        assert!(r.in_rut);
        assert_eq!(
            r.reasons,
            [
                "A and B hold 100% of the last 90 days' 10 touches.",
                "Every conversation of the last 90 days was about Core platform (5 interactions).",
            ]
        );
        assert_eq!(r.tempered, None);
    }

    #[test]
    fn in_a_renewal_window_staying_close_is_not_a_rut() {
        let mut plan = narrow_plan();
        // Ends in 37 days with 30 days' notice: inside the window.
        plan.contract.end_date = Some(day("2026-12-31"));
        plan.contract.notice_days = Some(30);
        let r = rut(&plan, &Settings::default(), day(TODAY));
        assert!(!r.in_rut, "{:?}", r.reasons);
        assert_eq!(
            r.tempered.as_deref(),
            Some("Renewal window until 2026-12-31: staying close to the contacts you know is right for now, so their share of the touches is not counted as a rut.")
        );
        // Once renewed, the window is over and the rut is back.
        plan.contract.renewal_status = crate::domain::model::RenewalStatus::Renewed;
        let r = rut(&plan, &Settings::default(), day(TODAY));
        assert!(r.in_rut && r.tempered.is_none());
    }
}
