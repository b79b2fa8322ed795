//! The portfolio: every account's score, band, trend, revenue, renewal countdown,
//! staleness and how much of its plan is filled in, in one row, and the totals a manager
//! or a leader looks at first. Plans too thin to judge (band Incomplete) are counted and
//! sorted apart from the judged ones.

use std::cmp::Ordering;
use std::sync::Arc;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::completeness::PartSet;
use super::model::{Account, Band, Id, Segment, Settings, TeamMember, Workspace};
use super::scoring::{score_account, trend, Trend};
use super::staleness::{review_summary, rhythm_of};
use super::summary::AccountSummary;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PortfolioRow {
    pub id: Id,
    pub name: String,
    pub segment: Segment,
    pub owner: Option<Id>,
    pub owner_name: String,
    pub score: Option<u8>,
    pub band: Option<Band>,
    pub trend: Trend,
    pub commitment: f64,
    pub actuals: f64,
    /// Probability-weighted value of open opportunities.
    pub pipeline: f64,
    pub open_white_space: f64,
    /// Days until the contract ends (negative once it has).
    pub renewal_in_days: Option<i64>,
    /// The earliest due review of a started part; `None` while no part is started.
    pub next_review: Option<NaiveDate>,
    pub stale: bool,
    pub stale_parts: usize,
    /// The plan's parts with something filled in.
    pub started: PartSet,
    pub overdue_actions: usize,
    /// The plan is still being decoded (see [`pending_row`]).
    pub pending: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct PortfolioTotals {
    pub accounts: usize,
    pub red: usize,
    pub amber: usize,
    pub green: usize,
    /// Plans too thin to judge.
    pub incomplete: usize,
    pub unscored: usize,
    pub commitment: f64,
    pub actuals: f64,
    pub pipeline: f64,
    pub open_white_space: f64,
    /// Accounts with at least one plan part overdue for review.
    pub overdue_reviews: usize,
    /// Contracts ending in the next 90 days.
    pub renewals_90_days: usize,
    /// Accounts whose plans are still being decoded: the figures above leave them out.
    pub pending: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Portfolio {
    pub rows: Vec<PortfolioRow>,
    pub totals: PortfolioTotals,
}

/// One account's row.
pub fn row(ws: &Workspace, a: &Account, today: NaiveDate) -> PortfolioRow {
    let card = score_account(a, &ws.settings, today);
    let st = review_summary(a, rhythm_of(a, &ws.settings), today);
    let p = &a.plan;
    PortfolioRow {
        score: card.overall,
        band: card.band,
        trend: trend(p, card.judged_overall()),
        commitment: p.revenue.commitment.unwrap_or(0.0),
        actuals: p.revenue.quarterly_actuals.iter().flatten().sum(),
        pipeline: p
            .opportunities
            .iter()
            .filter(|o| o.stage.is_open())
            .map(|o| o.value.unwrap_or(0.0).max(0.0) * o.probability.clamp(0.0, 1.0))
            .sum(),
        open_white_space: super::scoring::open_white_space(p),
        renewal_in_days: p.contract.end_date.map(|d| (d - today).num_days()),
        next_review: st.next_review,
        stale: st.is_stale(),
        stale_parts: st.stale_parts,
        started: st.started,
        overdue_actions: p
            .actions
            .iter()
            .filter(|x| super::scoring::action_overdue(x, today))
            .count(),
        pending: false,
        ..pending_row(ws, &a.id, &AccountSummary::of(a))
    }
}

/// The row of an account whose plan is not decoded yet, from its summary: its name,
/// segment and owner; no figure until then.
pub fn pending_row(ws: &Workspace, id: &Id, s: &AccountSummary) -> PortfolioRow {
    PortfolioRow {
        id: id.clone(),
        name: s.name.clone(),
        segment: s.segment,
        owner: s.owner.clone(),
        owner_name: s
            .owner
            .as_ref()
            .and_then(|o| ws.member(o))
            .map(|m| m.name.clone())
            .unwrap_or_default(),
        score: None,
        band: None,
        trend: Trend::Unknown,
        commitment: 0.0,
        actuals: 0.0,
        pipeline: 0.0,
        open_white_space: 0.0,
        renewal_in_days: None,
        next_review: None,
        stale: false,
        stale_parts: 0,
        started: PartSet::default(),
        overdue_actions: 0,
        pending: true,
    }
}

pub fn portfolio(ws: &Workspace, today: NaiveDate) -> Portfolio {
    assemble(ws, &[], |a| row(ws, a, today))
}

/// The portfolio from the rows of `row_of`, one per account not archived.
fn assemble(
    ws: &Workspace,
    pending: &[(Id, AccountSummary)],
    mut row_of: impl FnMut(&Arc<Account>) -> PortfolioRow,
) -> Portfolio {
    let mut rows: Vec<PortfolioRow> = ws
        .accounts
        .iter()
        .filter(|a| !a.archived)
        .map(&mut row_of)
        .collect();
    let summarised = pending
        .iter()
        .filter(|(_, s)| !s.archived)
        .map(|(id, s)| pending_row(ws, id, s));
    rows.extend(summarised);
    let totals = totals(&rows);
    Portfolio { rows, totals }
}

/// Rows worked out before, by account. An account is an `Arc` that every change replaces
/// (`Workspace::account_mut` copies it while anyone else holds it, and this cache does),
/// so the same allocation is the same plan: only new and changed accounts are scored
/// again, and a start can score plans as it decodes them. A row also depends on the
/// settings, the team (owners' names) and the day: a change of any of them empties it.
#[derive(Default)]
pub struct RowCache {
    basis: Option<(Settings, Vec<TeamMember>, NaiveDate)>,
    /// By the account's address, with the account kept, so that its address cannot be
    /// taken by another account while its row is here.
    rows: FxHashMap<usize, (Arc<Account>, PortfolioRow)>,
}

impl RowCache {
    /// `a`'s row, scored now unless it is here.
    pub fn row(&mut self, ws: &Workspace, a: &Arc<Account>, today: NaiveDate) -> PortfolioRow {
        self.check_basis(ws, today);
        self.cached_row(ws, a, today)
    }

    /// The portfolio while plans are still being decoded: the decoded accounts' rows, from
    /// here where they are, and a [`pending_row`] for each account known only by its
    /// summary. Forgets the rows of accounts that nothing else holds any more.
    pub fn portfolio_while_loading(
        &mut self,
        ws: &Workspace,
        pending: &[(Id, AccountSummary)],
        today: NaiveDate,
    ) -> Portfolio {
        self.check_basis(ws, today);
        self.rows.retain(|_, (a, _)| Arc::strong_count(a) > 1);
        assemble(ws, pending, |a| self.cached_row(ws, a, today))
    }

    fn check_basis(&mut self, ws: &Workspace, today: NaiveDate) {
        let same = self.basis.as_ref().is_some_and(|(settings, team, day)| {
            *day == today && settings == &ws.settings && team == &ws.team
        });
        if !same {
            self.rows.clear();
            self.basis = Some((ws.settings.clone(), ws.team.clone(), today));
        }
    }

    fn cached_row(&mut self, ws: &Workspace, a: &Arc<Account>, today: NaiveDate) -> PortfolioRow {
        let key = Arc::as_ptr(a) as usize;
        if let Some((held, r)) = self.rows.get(&key) {
            if Arc::ptr_eq(held, a) {
                return r.clone();
            }
        }
        let r = row(ws, a, today);
        self.rows.insert(key, (a.clone(), r.clone()));
        r
    }
}

pub fn totals(rows: &[PortfolioRow]) -> PortfolioTotals {
    let mut t = PortfolioTotals {
        accounts: rows.len(),
        ..PortfolioTotals::default()
    };
    for r in rows {
        if r.pending {
            t.pending += 1;
            continue;
        }
        match r.band {
            Some(Band::Red) => t.red += 1,
            Some(Band::Amber) => t.amber += 1,
            Some(Band::Green) => t.green += 1,
            Some(Band::Incomplete) => t.incomplete += 1,
            None => t.unscored += 1,
        }
        t.commitment += r.commitment;
        t.actuals += r.actuals;
        t.pipeline += r.pipeline;
        t.open_white_space += r.open_white_space;
        t.overdue_reviews += usize::from(r.stale);
        t.renewals_90_days += usize::from(r.renewal_in_days.is_some_and(|d| (0..=90).contains(&d)));
    }
    t
}

/// Rows by score, `ascending` or not, with the judged plans (red, amber, green) always
/// first, then the plans too thin to judge, then those without a score: sorting by score
/// never puts an incomplete plan among the judged ones, at either end.
pub fn by_score(a: &PortfolioRow, b: &PortfolioRow, ascending: bool) -> Ordering {
    let group = |r: &PortfolioRow| match r.band {
        Some(b) if b.is_real() => 0,
        Some(_) => 1,
        None => 2,
    };
    let scores = a.score.cmp(&b.score);
    group(a)
        .cmp(&group(b))
        .then(if ascending { scores } else { scores.reverse() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{
        Account, CellStatus, Contract, Opportunity, PlanPart, Stage, TeamMember, WhiteSpaceCell,
    };

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// A workspace whose team has Sam, id "m".
    fn workspace_with_sam() -> Workspace {
        let mut ws = Workspace::default();
        ws.team.push(TeamMember {
            id: Id::new("m"),
            name: "Sam".into(),
            ..TeamMember::default()
        });
        ws
    }

    #[test]
    fn rows_and_totals_add_up() {
        let today = day("2026-11-24");
        let mut ws = workspace_with_sam();
        let mut a = Account {
            id: Id::new("a"),
            name: "Acme".into(),
            owner: Some(Id::new("m")),
            ..Account::default()
        };
        a.plan.revenue.commitment = Some(1_000_000.0);
        a.plan.revenue.quarterly_actuals = [Some(250_000.0), Some(200_000.0), None, None];
        a.plan.opportunities = vec![
            Opportunity {
                id: Id::new("o1"),
                value: Some(100_000.0),
                probability: 0.5,
                ..Opportunity::default()
            },
            Opportunity {
                id: Id::new("o2"),
                value: Some(90_000.0),
                probability: 1.0,
                stage: Stage::Won,
                ..Opportunity::default()
            },
        ];
        a.plan.white_space.cells = vec![WhiteSpaceCell {
            status: CellStatus::Open,
            value: Some(40_000.0),
            ..WhiteSpaceCell::default()
        }];
        a.plan.contract = Contract {
            end_date: Some(day("2027-01-21")),
            ..Contract::default()
        };
        for p in PlanPart::ALL {
            a.plan.reviewed.insert(p, day("2026-11-20"));
        }
        let mut b = Account {
            id: Id::new("b"),
            name: "Beta".into(),
            ..Account::default()
        };
        b.plan.revenue.commitment = Some(500_000.0);
        let archived = Account {
            id: Id::new("z"),
            archived: true,
            ..Account::default()
        };
        ws.accounts = vec![a.into(), b.into(), archived.into()];

        let p = portfolio(&ws, today);
        assert_eq!(p.rows.len(), 2);
        let acme = &p.rows[0];
        assert_eq!(acme.owner_name, "Sam");
        assert_eq!(acme.actuals, 450_000.0);
        assert_eq!(acme.pipeline, 50_000.0); // the won one is closed
        assert_eq!(acme.open_white_space, 40_000.0);
        assert_eq!(acme.renewal_in_days, Some(58));
        assert!(!acme.stale);
        // Revenue, white space, opportunities and contract filled in.
        assert_eq!(acme.started.len(), 4);
        assert_eq!(acme.next_review, Some(day("2026-12-21"))); // the revenue, 20 Nov + 31
                                                               // Beta: its revenue never reviewed, no creation date: stale from today; the only
                                                               // part started.
        assert!(p.rows[1].stale);
        assert_eq!((p.rows[1].stale_parts, p.rows[1].started.len()), (1, 1));
        // Neither has a contact: both too thin to judge.
        assert!(p.rows.iter().all(|r| r.band == Some(Band::Incomplete)));
        let t = &p.totals;
        assert_eq!(t.accounts, 2);
        assert_eq!(t.commitment, 1_500_000.0);
        assert_eq!(t.actuals, 450_000.0);
        assert_eq!(t.overdue_reviews, 1);
        assert_eq!(t.renewals_90_days, 1);
        assert_eq!(
            (t.red, t.amber, t.green, t.incomplete, t.unscored),
            (0, 0, 0, 2, 0)
        );
    }

    #[test]
    fn judged_plans_sort_apart_from_incomplete_and_unscored_ones_both_ways() {
        let ws = Workspace::default();
        let mk = |id: &str, score: Option<u8>, band: Option<Band>| {
            let a = Account {
                id: Id::new(id),
                name: id.into(),
                ..Account::default()
            };
            PortfolioRow {
                score,
                band,
                ..row(&ws, &a, day("2026-11-24"))
            }
        };
        let mut rows = vec![
            mk("empty", Some(100), Some(Band::Incomplete)),
            mk("red", Some(30), Some(Band::Red)),
            mk("none", None, None),
            mk("thin", Some(20), Some(Band::Incomplete)),
            mk("green", Some(90), Some(Band::Green)),
        ];
        let order = |rows: &[PortfolioRow]| rows.iter().map(|r| r.name.clone()).collect::<Vec<_>>();
        rows.sort_by(|a, b| by_score(a, b, false));
        assert_eq!(order(&rows), ["green", "red", "empty", "thin", "none"]);
        rows.sort_by(|a, b| by_score(a, b, true));
        assert_eq!(order(&rows), ["red", "green", "thin", "empty", "none"]);
    }

    #[test]
    fn the_demo_has_one_incomplete_plan_and_five_judged() {
        let today = day("2026-11-24");
        let p = portfolio(&crate::domain::sample::demo::demo_workspace(today), today);
        let thin: Vec<&str> = p
            .rows
            .iter()
            .filter(|r| r.band == Some(Band::Incomplete))
            .map(|r| r.name.as_str())
            .collect();
        assert_eq!(thin, ["Lumina Learning"]);
        let t = &p.totals;
        assert_eq!(
            (t.incomplete, t.red + t.amber + t.green, t.unscored),
            (1, 5, 0)
        );
    }

    #[test]
    fn a_pending_row_shows_the_summary_and_no_figure_until_its_plan_is_decoded() {
        let today = day("2026-11-24");
        let mut ws = workspace_with_sam();
        let mut a = Account::new(Id::new("a"), "Acme", today, Default::default());
        a.owner = Some(Id::new("m"));
        a.plan.revenue.commitment = Some(1_000.0);
        a.plan.contract = Contract {
            end_date: Some(day("2027-01-23")),
            ..Contract::default()
        };
        let mut archived = Account::new(Id::new("b"), "Gone", today, Default::default());
        archived.archived = true;
        let pending: Vec<_> = [&a, &archived]
            .iter()
            .map(|x| (x.id.clone(), AccountSummary::of(x)))
            .collect();

        let loading = RowCache::default().portfolio_while_loading(&ws, &pending, today);
        assert_eq!(loading.rows.len(), 1, "archived accounts are left out");
        let r = &loading.rows[0];
        assert!(r.pending);
        assert_eq!((r.name.as_str(), r.owner_name.as_str()), ("Acme", "Sam"));
        assert_eq!((r.score, r.band, r.renewal_in_days), (None, None, None));
        let t = &loading.totals;
        assert_eq!(
            (t.accounts, t.pending, t.unscored, t.commitment),
            (1, 1, 0, 0.0)
        );

        // Once decoded: its figures and a score, and the totals count it.
        ws.accounts.push(std::sync::Arc::new(a));
        let done = portfolio(&ws, today);
        let decoded = &done.rows[0];
        assert!(!decoded.pending && decoded.score.is_some());
        assert_eq!(
            (decoded.commitment, decoded.renewal_in_days),
            (1_000.0, Some(60))
        );
        assert_eq!((done.totals.pending, done.totals.commitment), (0, 1_000.0));
    }

    #[test]
    fn cached_rows_are_the_rows_and_follow_every_change() {
        let today = day("2026-11-24");
        let mut ws = crate::domain::sample::demo::demo_workspace(today);
        let mut cache = RowCache::default();
        let fresh = |ws: &Workspace, today| portfolio(ws, today);
        assert_eq!(
            cache.portfolio_while_loading(&ws, &[], today),
            fresh(&ws, today)
        );
        // A change to one account, then to the settings, the team and the day.
        let id = ws.accounts[0].id.clone();
        ws.account_mut(&id).unwrap().plan.revenue.commitment = Some(123_456.0);
        assert_eq!(
            cache.portfolio_while_loading(&ws, &[], today),
            fresh(&ws, today)
        );
        ws.settings.weights = Default::default();
        assert_eq!(
            cache.portfolio_while_loading(&ws, &[], today),
            fresh(&ws, today)
        );
        ws.team[0].name = "Someone Else".into();
        assert_eq!(
            cache.portfolio_while_loading(&ws, &[], today),
            fresh(&ws, today)
        );
        let later = day("2027-02-01");
        assert_eq!(
            cache.portfolio_while_loading(&ws, &[], later),
            fresh(&ws, later)
        );
        // Rows of accounts no longer held anywhere else are forgotten.
        let held = cache.rows.len();
        ws.accounts.truncate(1);
        cache.portfolio_while_loading(&ws, &[], later);
        assert!(
            cache.rows.len() == 1 && held > 1,
            "{held} then {}",
            cache.rows.len()
        );
    }

    #[test]
    fn a_row_scored_ahead_is_the_one_the_portfolio_uses() {
        let today = day("2026-11-24");
        let ws = crate::domain::sample::demo::demo_workspace(today);
        let mut cache = RowCache::default();
        for a in &ws.accounts {
            assert_eq!(cache.row(&ws, a, today), row(&ws, a, today));
        }
        let ahead = cache.rows.len();
        assert_eq!(
            cache.portfolio_while_loading(&ws, &[], today),
            portfolio(&ws, today)
        );
        assert_eq!(
            cache.rows.len(),
            ahead,
            "nothing scored twice, nothing dropped"
        );
    }
}
