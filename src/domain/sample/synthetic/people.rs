//! The people of a synthetic account: its contacts, the touches with them, the meetings of
//! the cadence and our own team's roles.

use chrono::Days;

use crate::domain::model::{
    Contact, DecisionRole, Id, Interaction, InteractionKind, Meeting, Rhythm, Stance, TeamRole,
};

use super::rng::Rng;
use super::words::{CHALLENGES, FIRST, LAST, NOTES, TITLES_BY_LEVEL};
use super::{days_after, days_before, noon, Ctx};

pub(super) fn contacts(rng: &mut Rng, ctx: &Ctx, n: usize) -> Vec<Contact> {
    let levels = &ctx.settings.levels;
    let departments = &ctx.settings.departments;
    let mut out: Vec<Contact> = Vec::with_capacity(n);
    let mut level_of: Vec<usize> = Vec::with_capacity(n);
    for j in 0..n {
        // The first contact is an executive; in a rut, the next two are friendly staff.
        let level = match j {
            0 => 0,
            1 | 2 if ctx.in_rut => levels.len() - 1,
            _ => rng.weighted(&[10, 25, 35, 30]).min(levels.len() - 1),
        };
        let department = if j == 0 {
            departments[0].id.clone()
        } else {
            departments[1 + rng.below(departments.len() - 1)].id.clone()
        };
        // Report to an earlier, more senior contact: reporting lines never loop.
        let bosses: Vec<usize> = (0..j).filter(|&b| level_of[b] < level).collect();
        let reports_to = if bosses.is_empty() || rng.chance(0.15) {
            None
        } else {
            Some(out[*rng.pick(&bosses)].id.clone())
        };
        let role = match level {
            0 => [DecisionRole::DecisionMaker, DecisionRole::Influencer][rng.weighted(&[3, 1])],
            _ => [
                DecisionRole::DecisionMaker,
                DecisionRole::Influencer,
                DecisionRole::Coach,
                DecisionRole::User,
                DecisionRole::Gatekeeper,
            ][rng.weighted(&[1, 4, 2, 5, 2])],
        };
        let stance = if ctx.in_rut && (j == 1 || j == 2) {
            Stance::Champion
        } else {
            [
                Stance::Champion,
                Stance::Supporter,
                Stance::Neutral,
                Stance::Skeptic,
                Stance::Opponent,
            ][rng.weighted(&[2, 5, 5, 2, 1])]
        };
        let first = *rng.pick(FIRST);
        let last = *rng.pick(LAST);
        let titles = TITLES_BY_LEVEL[level.min(3)];
        out.push(Contact {
            id: ctx.id("con", j),
            name: format!("{first} {last}"),
            title: rng.pick(titles).to_string(),
            department: Some(department),
            level: Some(levels[level].id.clone()),
            role: if rng.chance(0.9) { Some(role) } else { None },
            stance: if rng.chance(0.9) { Some(stance) } else { None },
            strength: Some(rng.range(1, 5) as u8),
            reports_to,
            owner: Some(ctx.member(rng)),
            email: format!(
                "{}.{}@customer{:06}.example",
                first.to_lowercase(),
                last.to_lowercase(),
                ctx.i
            ),
            phone: format!("+1 555 {:04}", rng.below(10_000)),
            major_challenge: rng.pick(CHALLENGES).to_string(),
            notes: String::new(),
            first_met: None,
            introduced_by: None,
            updated_at: Some(noon(days_before(ctx.today, rng.range(0, 200)))),
        });
        level_of.push(level);
    }
    out
}

pub(super) fn interactions(
    rng: &mut Rng,
    ctx: &Ctx,
    contacts: &[Contact],
    n: usize,
) -> Vec<Interaction> {
    if contacts.is_empty() {
        return Vec::new();
    }
    let mut ages: Vec<i64> = (0..n).map(|_| rng.range(0, 364)).collect();
    ages.sort_unstable_by(|a, b| b.cmp(a));
    ages.into_iter()
        .enumerate()
        .map(|(k, age)| {
            let rut = ctx.in_rut && contacts.len() >= 3 && rng.chance(0.85);
            let mut who: Vec<Id> = Vec::new();
            let count = if rut { 1 } else { 1 + rng.weighted(&[6, 3, 1]) };
            for _ in 0..count {
                let j = if rut {
                    1 + rng.below(2)
                } else {
                    rng.below(contacts.len())
                };
                let id = contacts[j].id.clone();
                if !who.contains(&id) {
                    who.push(id);
                }
            }
            let date = days_before(ctx.today, age);
            Interaction {
                id: Id(format!("int-{:06}-{k:03}", ctx.i)),
                date: Some(date),
                contacts: who,
                kind: [
                    InteractionKind::Meeting,
                    InteractionKind::Call,
                    InteractionKind::Email,
                    InteractionKind::Event,
                ][rng.weighted(&[3, 4, 5, 1])],
                note: rng.pick(NOTES).to_string(),
                by: Some(ctx.member(rng)),
                areas: Vec::new(),
                updated_at: Some(noon(date)),
            }
        })
        .collect()
}

pub(super) fn cadence(rng: &mut Rng, ctx: &Ctx, contacts: &[Contact]) -> Vec<Meeting> {
    let kinds = [
        ("mt-qbr", "Quarterly business review", Rhythm::Quarterly),
        ("mt-ops", "Monthly operational call", Rhythm::Monthly),
        ("mt-exec", "Executive sponsor meeting", Rhythm::HalfYearly),
    ];
    let mut out = Vec::new();
    for (k, (ty, title, recurrence)) in kinds.into_iter().enumerate() {
        if !rng.chance(0.75) {
            continue;
        }
        let period = recurrence.days();
        // Held on most past occurrences over the last year.
        let mut held = Vec::new();
        let mut age = rng.range(0, period - 1);
        while age < 365 {
            if rng.chance(0.8) {
                held.push(days_before(ctx.today, age));
            }
            age += period;
        }
        held.reverse();
        let attendees = if contacts.is_empty() {
            Vec::new()
        } else {
            let mut a = vec![contacts[rng.below(contacts.len().min(3))].id.clone()];
            let other = rng.pick(contacts).id.clone();
            if !a.contains(&other) {
                a.push(other);
            }
            a
        };
        let last = held
            .last()
            .copied()
            .unwrap_or(days_before(ctx.today, period));
        // Some next dates are already past: an overdue meeting.
        let next = last + Days::new(period as u64);
        let next = if rng.chance(0.2) {
            days_before(ctx.today, rng.range(1, 30))
        } else if next < ctx.today {
            days_after(ctx.today, rng.range(1, 20))
        } else {
            next
        };
        out.push(Meeting {
            id: ctx.id("mtg", k),
            title: title.into(),
            meeting_type: Some(Id::new(ty)),
            attendees,
            internal_attendees: vec![ctx.owner.clone()],
            recurrence,
            next_date: Some(next),
            accepted_by_all: rng.chance(0.7),
            held,
            updated_at: None,
            ..Default::default()
        });
    }
    out
}

pub(super) fn team_roles(rng: &mut Rng, ctx: &Ctx, contacts: &[Contact]) -> Vec<TeamRole> {
    let mut out = vec![TeamRole {
        id: ctx.id("role", 0),
        member: Some(ctx.owner.clone()),
        role: "Account manager".into(),
        responsibilities: "Owns the plan and the relationship".into(),
        executive_sponsor: false,
        counterpart: None,
        updated_at: None,
    }];
    if rng.chance(0.6) {
        out.push(TeamRole {
            id: ctx.id("role", 1),
            member: Some(ctx.team[0].id.clone()),
            role: "Executive sponsor".into(),
            responsibilities: "Meets the customer's executive twice a year".into(),
            executive_sponsor: true,
            counterpart: contacts.first().map(|c| c.id.clone()),
            updated_at: None,
        });
    }
    if rng.chance(0.5) {
        let member = ctx.team[1 + rng.below(ctx.team.len() - 1)].id.clone();
        out.push(TeamRole {
            id: ctx.id("role", 2),
            member: Some(member),
            role: "Solutions specialist".into(),
            responsibilities: "Technical design and workshops".into(),
            executive_sponsor: false,
            counterpart: None,
            updated_at: None,
        });
    }
    out
}
