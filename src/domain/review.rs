//! Reviews ("scheduled maintenance"): which parts a monthly review or a quarterly update
//! walks through, the walk itself as a plain value the page steps through, and saving it
//! as a `Review` with a score snapshot, the walked parts marked reviewed and any follow-up
//! actions added to the plan. Also the review history's order and labels.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::coaching::QUESTIONS;
use super::model::{
    Account, AccountPlan, Action, ActionStatus, CoachingAnswer, Id, PlanPart, Review, ReviewKind,
    Settings, Timestamp,
};
use super::scoring::{score_account, snapshot};
use super::staleness::{cycle_of, rhythm_of, staleness, Cycle};

/// "Monthly review", "Quarterly update", "Coaching review" (`ReviewKind::label`).
pub fn kind_label(kind: ReviewKind) -> &'static str {
    kind.label()
}

/// The parts a review of `kind` walks through, in plan order.
///
/// - A **monthly review** walks through every stale part, whichever its cycle (an overdue
///   quarterly part does not wait for the next quarter). When nothing is stale it walks
///   through the fast-moving monthly parts, so a review held early still has something to
///   look at.
/// - A **quarterly update** is of the whole plan: every part, stale or not.
/// - A **coaching review** walks through questions, not parts.
pub fn parts_to_review(
    account: &Account,
    settings: &Settings,
    kind: ReviewKind,
    today: NaiveDate,
) -> Vec<PlanPart> {
    match kind {
        ReviewKind::Coaching => Vec::new(),
        ReviewKind::Quarterly => PlanPart::ALL.to_vec(),
        ReviewKind::Monthly => {
            let st = staleness(account, rhythm_of(account, settings), today);
            let stale: Vec<PlanPart> = st
                .parts
                .iter()
                .filter(|p| p.stale)
                .map(|p| p.part)
                .collect();
            if stale.is_empty() {
                PlanPart::ALL
                    .into_iter()
                    .filter(|p| cycle_of(*p) == Cycle::Monthly)
                    .collect()
            } else {
                stale
            }
        }
    }
}

/// What the reviewer did with one part of the walk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StepStatus {
    Pending,
    Reviewed,
    Skipped,
}

/// One part of the walk: where it stood when the review started, and what was done.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewStep {
    pub part: PlanPart,
    /// Something of the part is filled in (a part not started is never stale).
    pub started: bool,
    pub stale: bool,
    pub overdue_days: i64,
    pub last_reviewed: Option<NaiveDate>,
    pub status: StepStatus,
    pub note: String,
}

/// A follow-up action agreed in a review, added to the plan when the review is saved.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct FollowUpDraft {
    pub title: String,
    pub owner: Option<Id>,
    pub due: Option<NaiveDate>,
}

/// A review being held: started, stepped through, then saved or dropped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewDraft {
    pub kind: ReviewKind,
    pub date: NaiveDate,
    pub reviewer: Option<Id>,
    pub steps: Vec<ReviewStep>,
    /// The step shown; `steps.len()` is the summary at the end.
    pub current: usize,
    pub notes: String,
    /// One per coaching question, in `QUESTIONS` order (empty for other kinds).
    pub answers: Vec<CoachingAnswer>,
    pub follow_ups: Vec<FollowUpDraft>,
}

impl ReviewDraft {
    /// Starts a review of `kind` on `today`. The reviewer defaults to the account's owner
    /// for a monthly or quarterly review, and to the first other team member for coaching
    /// (the leader walks through a manager's plan); `team` is the workspace's members.
    pub fn start(
        account: &Account,
        settings: &Settings,
        team: &[Id],
        kind: ReviewKind,
        today: NaiveDate,
    ) -> Self {
        let st = staleness(account, rhythm_of(account, settings), today);
        let steps = parts_to_review(account, settings, kind, today)
            .into_iter()
            .map(|part| {
                let s = st.part(part);
                ReviewStep {
                    part,
                    started: s.is_some_and(|s| s.started),
                    stale: s.is_some_and(|s| s.stale),
                    overdue_days: s.map(|s| s.overdue_days).unwrap_or(0),
                    last_reviewed: s.and_then(|s| s.last_reviewed),
                    status: StepStatus::Pending,
                    note: String::new(),
                }
            })
            .collect();
        let reviewer = match kind {
            ReviewKind::Coaching => team
                .iter()
                .find(|m| Some(*m) != account.owner.as_ref())
                .cloned(),
            _ => account.owner.clone().filter(|o| team.contains(o)),
        };
        let answers = if kind == ReviewKind::Coaching {
            QUESTIONS
                .iter()
                .map(|q| CoachingAnswer {
                    question: q.text.to_string(),
                    answer: String::new(),
                })
                .collect()
        } else {
            Vec::new()
        };
        ReviewDraft {
            kind,
            date: today,
            reviewer,
            steps,
            current: 0,
            notes: String::new(),
            answers,
            follow_ups: Vec::new(),
        }
    }

    /// The step shown, or `None` on the summary.
    pub fn current_step(&self) -> Option<&ReviewStep> {
        self.steps.get(self.current)
    }

    pub fn on_summary(&self) -> bool {
        self.current >= self.steps.len()
    }

    /// Marks the shown part reviewed and moves on.
    pub fn confirm(&mut self) {
        self.finish_step(StepStatus::Reviewed);
    }

    /// Leaves the shown part as it is (not marked reviewed) and moves on.
    pub fn skip(&mut self) {
        self.finish_step(StepStatus::Skipped);
    }

    fn finish_step(&mut self, status: StepStatus) {
        if let Some(step) = self.steps.get_mut(self.current) {
            step.status = status;
            self.current += 1;
        }
    }

    /// Back to the previous step (from the summary: the last part).
    pub fn back(&mut self) {
        self.current = self.current.min(self.steps.len()).saturating_sub(1);
    }

    /// Jumps to step `i` (`steps.len()` for the summary).
    pub fn go_to(&mut self, i: usize) {
        self.current = i.min(self.steps.len());
    }

    pub fn set_note(&mut self, i: usize, note: String) {
        if let Some(step) = self.steps.get_mut(i) {
            step.note = note;
        }
    }

    pub fn set_answer(&mut self, i: usize, answer: String) {
        if let Some(a) = self.answers.get_mut(i) {
            a.answer = answer;
        }
    }

    /// The parts marked reviewed, in walk order.
    pub fn reviewed_parts(&self) -> Vec<PlanPart> {
        self.steps
            .iter()
            .filter(|s| s.status == StepStatus::Reviewed)
            .map(|s| s.part)
            .collect()
    }

    /// Adds a follow-up action; a blank title is refused.
    pub fn add_follow_up(
        &mut self,
        title: &str,
        owner: Option<Id>,
        due: Option<NaiveDate>,
    ) -> Result<(), String> {
        let title = title.trim();
        if title.is_empty() {
            return Err("Describe the follow-up action.".into());
        }
        self.follow_ups.push(FollowUpDraft {
            title: title.to_string(),
            owner,
            due,
        });
        Ok(())
    }

    pub fn remove_follow_up(&mut self, i: usize) {
        if i < self.follow_ups.len() {
            self.follow_ups.remove(i);
        }
    }

    /// The review's notes: the overall notes, then one line per part with a note.
    pub fn composed_notes(&self) -> String {
        let mut lines: Vec<String> = Vec::new();
        let overall = self.notes.trim();
        if !overall.is_empty() {
            lines.push(overall.to_string());
        }
        for s in &self.steps {
            let note = s.note.trim();
            if !note.is_empty() {
                lines.push(format!("{}: {note}", s.part.label()));
            }
        }
        lines.join("\n")
    }

    /// Why the review cannot be saved yet, if it cannot.
    pub fn problem(&self) -> Option<String> {
        match self.kind {
            ReviewKind::Coaching => {
                if self.reviewer.is_none() {
                    Some("Choose who leads the coaching review.".into())
                } else if self.answers.iter().all(|a| a.answer.trim().is_empty()) {
                    Some("Answer at least one question.".into())
                } else {
                    None
                }
            }
            _ => self
                .reviewed_parts()
                .is_empty()
                .then(|| "Mark at least one part reviewed, or cancel the review.".into()),
        }
    }
}

/// Saves a held review into `account`: follow-ups become open actions of the plan (ids
/// from `new_action_id`), the reviewed parts are marked reviewed on the review's date, and
/// the review is recorded with a snapshot of the scores after those changes. Returns the
/// new review's id, or why it cannot be saved (nothing changes then).
pub fn save_review(
    account: &mut Account,
    draft: &ReviewDraft,
    settings: &Settings,
    review_id: Id,
    mut new_action_id: impl FnMut() -> Id,
    now: Timestamp,
) -> Result<Id, String> {
    if let Some(why) = draft.problem() {
        return Err(why);
    }
    let mut follow_ups = Vec::new();
    for f in &draft.follow_ups {
        let id = new_action_id();
        account.plan.actions.push(Action {
            id: id.clone(),
            title: f.title.clone(),
            owner: f.owner.clone(),
            created_on: Some(draft.date),
            due: f.due,
            status: ActionStatus::Open,
            completed_on: None,
            link: None,
            updated_at: Some(now),
            ..Default::default()
        });
        follow_ups.push(id);
    }
    let parts = draft.reviewed_parts();
    for part in &parts {
        account.plan.reviewed.insert(*part, draft.date);
    }
    let card = score_account(account, settings, draft.date);
    let answers = draft
        .answers
        .iter()
        .filter(|a| !a.answer.trim().is_empty())
        .map(|a| CoachingAnswer {
            question: a.question.clone(),
            answer: a.answer.trim().to_string(),
        })
        .collect();
    account.plan.reviews.push(Review {
        id: review_id.clone(),
        date: Some(draft.date),
        kind: draft.kind,
        reviewer: draft.reviewer.clone(),
        notes: draft.composed_notes(),
        parts,
        answers,
        follow_ups,
        snapshot: Some(snapshot(account, &card)),
        updated_at: Some(now),
    });
    Ok(review_id)
}

/// Deletes an action from a plan and from the follow-ups of the reviews that agreed it,
/// so no review points at an action that is gone.
pub fn delete_action(plan: &mut AccountPlan, id: &Id) {
    plan.actions.retain(|a| &a.id != id);
    for r in &mut plan.reviews {
        r.follow_ups.retain(|f| f != id);
    }
}

/// The reviews newest first (by date; undated last; the later-recorded first on a tie).
pub fn history(reviews: &[Review]) -> Vec<&Review> {
    let mut out: Vec<(usize, &Review)> = reviews.iter().enumerate().collect();
    out.sort_unstable_by(|(i, a), (j, b)| b.date.cmp(&a.date).then(j.cmp(i)));
    out.into_iter().map(|(_, r)| r).collect()
}

/// "2026-05-06 · Monthly review", to name a review in a list or a choice.
pub fn review_label(r: &Review) -> String {
    let date = r
        .date
        .map(|d| d.to_string())
        .unwrap_or_else(|| "Undated".into());
    format!("{date} · {}", kind_label(r.kind))
}

/// The two reviews to compare first: the latest against the one before it (ids of
/// reviews with a snapshot), or `None` with fewer than two.
pub fn default_comparison(reviews: &[Review]) -> Option<(Id, Id)> {
    let with_snapshot: Vec<&Review> = history(reviews)
        .into_iter()
        .filter(|r| r.snapshot.is_some())
        .collect();
    match with_snapshot.as_slice() {
        [latest, previous, ..] => Some((previous.id.clone(), latest.id.clone())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::ComponentKind;
    use crate::domain::sample::demo::demo_workspace;
    use chrono::{DateTime, Utc};

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn now() -> Timestamp {
        DateTime::<Utc>::from_timestamp(1_764_000_000, 0).unwrap()
    }

    const TODAY: &str = "2026-05-14";

    fn demo(name: &str) -> (crate::domain::model::Workspace, Account) {
        let ws = demo_workspace(day(TODAY));
        let a = ws
            .accounts
            .iter()
            .find(|a| a.name.starts_with(name))
            .map(|a| Account::clone(a))
            .unwrap();
        (ws, a)
    }

    fn team(ws: &crate::domain::model::Workspace) -> Vec<Id> {
        ws.team.iter().map(|m| m.id.clone()).collect()
    }

    #[test]
    fn a_monthly_review_walks_through_the_stale_parts_only() {
        // Stonebridge: opportunities and cadence (monthly parts) were last reviewed 45
        // days ago; everything else is within its rhythm.
        let (ws, a) = demo("Stonebridge");
        let parts = parts_to_review(&a, &ws.settings, ReviewKind::Monthly, day(TODAY));
        assert_eq!(parts, vec![PlanPart::Opportunities, PlanPart::Cadence]);
    }

    #[test]
    fn a_monthly_review_takes_stale_quarterly_parts_too() {
        let (ws, mut a) = demo("Stonebridge");
        a.plan
            .reviewed
            .insert(PlanPart::Contract, day("2026-01-01"));
        let parts = parts_to_review(&a, &ws.settings, ReviewKind::Monthly, day(TODAY));
        assert_eq!(
            parts,
            vec![
                PlanPart::Opportunities,
                PlanPart::Cadence,
                PlanPart::Contract
            ]
        );
    }

    #[test]
    fn with_nothing_stale_a_monthly_review_looks_at_the_monthly_parts() {
        let (ws, a) = demo("Harborview"); // reviewed 8 days ago
        let parts = parts_to_review(&a, &ws.settings, ReviewKind::Monthly, day(TODAY));
        assert_eq!(
            parts,
            vec![
                PlanPart::Revenue,
                PlanPart::Contacts,
                PlanPart::Opportunities,
                PlanPart::Actions,
                PlanPart::Cadence
            ]
        );
    }

    #[test]
    fn a_quarterly_update_covers_the_whole_plan_and_coaching_no_part() {
        let (ws, a) = demo("Harborview");
        let t = day(TODAY);
        assert_eq!(
            parts_to_review(&a, &ws.settings, ReviewKind::Quarterly, t),
            PlanPart::ALL.to_vec()
        );
        assert!(parts_to_review(&a, &ws.settings, ReviewKind::Coaching, t).is_empty());
    }

    #[test]
    fn the_draft_records_where_each_part_stood() {
        let (ws, a) = demo("Copperleaf"); // nothing reviewed for 150 days
        let d = ReviewDraft::start(
            &a,
            &ws.settings,
            &team(&ws),
            ReviewKind::Quarterly,
            day(TODAY),
        );
        assert_eq!(d.steps.len(), PlanPart::ALL.len());
        assert!(d.steps.iter().all(|s| s.stale && s.overdue_days > 0));
        let revenue = &d.steps[0];
        assert_eq!(revenue.part, PlanPart::Revenue);
        assert_eq!(revenue.overdue_days, 150 - 31);
        assert_eq!(d.reviewer, a.owner);
        assert!(d.answers.is_empty());
    }

    #[test]
    fn stepping_confirms_skips_goes_back_and_reaches_the_summary() {
        let (ws, a) = demo("Stonebridge");
        let mut d = ReviewDraft::start(
            &a,
            &ws.settings,
            &team(&ws),
            ReviewKind::Monthly,
            day(TODAY),
        );
        assert_eq!(d.current_step().unwrap().part, PlanPart::Opportunities);
        d.back(); // nothing before the first step
        assert_eq!(d.current, 0);
        d.skip();
        assert_eq!(d.current_step().unwrap().part, PlanPart::Cadence);
        d.back();
        d.confirm();
        d.confirm();
        assert!(d.on_summary());
        assert_eq!(d.current_step(), None);
        d.confirm(); // nothing to confirm on the summary
        assert!(d.on_summary());
        assert_eq!(
            d.reviewed_parts(),
            vec![PlanPart::Opportunities, PlanPart::Cadence]
        );
        d.back();
        assert_eq!(d.current_step().unwrap().part, PlanPart::Cadence);
        d.skip();
        assert_eq!(d.reviewed_parts(), vec![PlanPart::Opportunities]);
        d.go_to(99);
        assert!(d.on_summary());
    }

    #[test]
    fn notes_combine_the_overall_note_and_each_parts_note() {
        let (ws, a) = demo("Stonebridge");
        let mut d = ReviewDraft::start(
            &a,
            &ws.settings,
            &team(&ws),
            ReviewKind::Monthly,
            day(TODAY),
        );
        d.set_note(1, "  Ops call not accepted yet ".into());
        d.notes = "Pilot on track.".into();
        assert_eq!(
            d.composed_notes(),
            "Pilot on track.\nCadence: Ops call not accepted yet"
        );
        d.set_note(7, "ignored".into());
        assert_eq!(d.steps.len(), 2);
    }

    #[test]
    fn saving_marks_the_reviewed_parts_and_snapshots_the_scores_after() {
        let (ws, mut a) = demo("Stonebridge");
        let t = day(TODAY);
        let before = score_account(&a, &ws.settings, t);
        let mut d = ReviewDraft::start(&a, &ws.settings, &team(&ws), ReviewKind::Monthly, t);
        d.confirm();
        d.confirm();
        d.notes = "All current.".into();
        let reviews_before = a.plan.reviews.len();
        let id = save_review(
            &mut a,
            &d,
            &ws.settings,
            Id::new("rev-new"),
            || unreachable!(),
            now(),
        )
        .unwrap();
        assert_eq!(id, Id::new("rev-new"));
        assert_eq!(a.plan.reviewed[&PlanPart::Opportunities], t);
        assert_eq!(a.plan.reviewed[&PlanPart::Cadence], t);
        assert_eq!(a.plan.reviews.len(), reviews_before + 1);
        let r = a.plan.reviews.last().unwrap();
        assert_eq!(r.kind, ReviewKind::Monthly);
        assert_eq!(r.date, Some(t));
        assert_eq!(r.parts, vec![PlanPart::Opportunities, PlanPart::Cadence]);
        assert_eq!(r.notes, "All current.");
        assert_eq!(r.reviewer, a.owner);
        let snap = r.snapshot.as_ref().unwrap();
        // The plan is fresh now: freshness rose to 100 and the snapshot has it.
        assert_eq!(snap.components[&ComponentKind::Freshness], 100);
        assert!(
            before
                .component(ComponentKind::Freshness)
                .unwrap()
                .score
                .unwrap()
                < 100
        );
        assert_eq!(snap.contacts.len(), a.plan.contacts.len());
        assert!(staleness(&a, rhythm_of(&a, &ws.settings), t).stale_parts == 0);
    }

    #[test]
    fn a_draft_kept_in_the_browser_comes_back_as_it_was() {
        let (ws, a) = demo("Stonebridge");
        let t = day(TODAY);
        let mut d = ReviewDraft::start(&a, &ws.settings, &team(&ws), ReviewKind::Monthly, t);
        d.set_note(0, "Pilot moved to June".into());
        d.confirm();
        d.notes = "Checked with Marcus".into();
        let text = serde_json::to_string(&d).unwrap();
        let back: ReviewDraft = serde_json::from_str(&text).unwrap();
        assert_eq!(back, d);
        assert_eq!(back.current, 1);
        assert_eq!(back.steps[0].status, StepStatus::Reviewed);
        assert_eq!(back.steps[0].note, "Pilot moved to June");
    }

    #[test]
    fn a_review_with_nothing_reviewed_is_refused_and_changes_nothing() {
        let (ws, mut a) = demo("Stonebridge");
        let t = day(TODAY);
        let mut d = ReviewDraft::start(&a, &ws.settings, &team(&ws), ReviewKind::Monthly, t);
        d.skip();
        d.skip();
        let copy = a.clone();
        let err = save_review(
            &mut a,
            &d,
            &ws.settings,
            Id::new("r"),
            || unreachable!(),
            now(),
        );
        assert_eq!(
            err,
            Err("Mark at least one part reviewed, or cancel the review.".into())
        );
        assert_eq!(a, copy);
    }

    #[test]
    fn a_coaching_review_keeps_answers_and_adds_follow_up_actions() {
        let (ws, mut a) = demo("Brightwell");
        let t = day(TODAY);
        let mut d = ReviewDraft::start(&a, &ws.settings, &team(&ws), ReviewKind::Coaching, t);
        assert!(d.steps.is_empty());
        assert_eq!(d.answers.len(), QUESTIONS.len());
        // The leader (first member who is not the owner) leads it.
        assert_eq!(d.reviewer, Some(Id::new("tm-demo-lead")));
        assert_eq!(d.problem(), Some("Answer at least one question.".into()));
        d.set_answer(1, " Only Jamie and Tom so far. ".into());
        assert_eq!(
            d.add_follow_up("  ", None, None),
            Err("Describe the follow-up action.".into())
        );
        d.add_follow_up(
            "Meet Irene before the supplier review",
            a.owner.clone(),
            Some(day("2026-05-30")),
        )
        .unwrap();
        d.add_follow_up("Drop me", None, None).unwrap();
        d.remove_follow_up(1);
        d.remove_follow_up(5);
        let mut n = 0;
        let actions_before = a.plan.actions.len();
        let reviewed_before = a.plan.reviewed.clone();
        save_review(
            &mut a,
            &d,
            &ws.settings,
            Id::new("rev-c"),
            || {
                n += 1;
                Id::new(format!("act-new-{n}"))
            },
            now(),
        )
        .unwrap();
        assert_eq!(a.plan.actions.len(), actions_before + 1);
        let act = a.plan.actions.last().unwrap();
        assert_eq!(act.id, Id::new("act-new-1"));
        assert_eq!(act.title, "Meet Irene before the supplier review");
        assert_eq!(act.status, ActionStatus::Open);
        assert_eq!(act.created_on, Some(t));
        assert_eq!(act.due, Some(day("2026-05-30")));
        let r = a.plan.reviews.last().unwrap();
        assert_eq!(r.kind, ReviewKind::Coaching);
        assert_eq!(r.follow_ups, vec![Id::new("act-new-1")]);
        assert_eq!(
            r.answers,
            vec![CoachingAnswer {
                question: QUESTIONS[1].text.into(),
                answer: "Only Jamie and Tom so far.".into()
            }]
        );
        assert!(r.parts.is_empty());
        assert_eq!(a.plan.reviewed, reviewed_before, "coaching marks no part");
        // The saved workspace still validates (follow-up owners are team members).
        let mut ws2 = ws.clone();
        let id = a.id.clone();
        *ws2.account_mut(&id).unwrap() = a;
        assert!(crate::domain::validate::validate(&ws2).is_empty());
    }

    #[test]
    fn deleting_a_follow_up_action_drops_it_from_its_review() {
        let mut plan = AccountPlan::default();
        for id in ["a1", "a2"] {
            plan.actions.push(Action {
                id: Id::new(id),
                ..Action::default()
            });
        }
        plan.reviews.push(Review {
            follow_ups: vec![Id::new("a1"), Id::new("a2")],
            ..Review::default()
        });
        delete_action(&mut plan, &Id::new("a1"));
        assert_eq!(plan.actions.len(), 1);
        assert_eq!(plan.reviews[0].follow_ups, vec![Id::new("a2")]);
    }

    #[test]
    fn coaching_needs_a_reviewer() {
        let (ws, a) = demo("Brightwell");
        let mut d = ReviewDraft::start(&a, &ws.settings, &[], ReviewKind::Coaching, day(TODAY));
        d.set_answer(0, "From Tom".into());
        assert_eq!(d.reviewer, None);
        assert_eq!(
            d.problem(),
            Some("Choose who leads the coaching review.".into())
        );
    }

    #[test]
    fn history_is_newest_first_and_compares_the_latest_two() {
        let r = |id: &str, date: Option<&str>, snap: bool| Review {
            id: Id::new(id),
            date: date.map(day),
            snapshot: snap.then(Default::default),
            ..Review::default()
        };
        let reviews = vec![
            r("a", Some("2026-01-10"), true),
            r("b", Some("2026-03-10"), true),
            r("c", None, true),
            r("d", Some("2026-03-10"), false),
            r("e", Some("2026-02-01"), true),
        ];
        let order: Vec<&str> = history(&reviews).iter().map(|r| r.id.as_str()).collect();
        assert_eq!(order, vec!["d", "b", "e", "a", "c"]);
        assert_eq!(
            default_comparison(&reviews),
            Some((Id::new("e"), Id::new("b")))
        );
        assert_eq!(default_comparison(&reviews[..1]), None);
        assert_eq!(review_label(&reviews[0]), "2026-01-10 · Monthly review");
        assert_eq!(review_label(&reviews[2]), "Undated · Monthly review");
    }
}
