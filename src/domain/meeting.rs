//! A cadence meeting's acceptance, attendee by attendee, and what holding it records. One
//! rule read by the score, the advice and the cadence section alike.

use chrono::{Duration, NaiveDate};

use crate::domain::model::{
    AccountPlan, AttendeeResponse, Id, Interaction, InteractionKind, Meeting,
};

/// Every attendee of a meeting, the customer's first, then ours.
pub fn attendees(m: &Meeting) -> impl Iterator<Item = &Id> {
    m.attendees.iter().chain(&m.internal_attendees)
}

/// An attendee's answer (`NoAnswer` when none is recorded).
pub fn response(m: &Meeting, attendee: &Id) -> AttendeeResponse {
    m.responses.get(attendee).copied().unwrap_or_default()
}

/// Whether the answers, not the `accepted_by_all` flag, tell the meeting's acceptance:
/// some answer is recorded and the meeting has attendees.
pub fn answered(m: &Meeting) -> bool {
    let nobody = m.attendees.is_empty() && m.internal_attendees.is_empty();
    !m.responses.is_empty() && !nobody
}

/// The share of the meeting accepted, 0–1: an accepted attendee counts 1, a tentative one
/// half, a decline or no answer nothing. Without answers, the `accepted_by_all` flag.
pub fn acceptance(m: &Meeting) -> f64 {
    if !answered(m) {
        return if m.accepted_by_all { 1.0 } else { 0.0 };
    }
    let (mut sum, mut n) = (0.0, 0usize);
    for a in attendees(m) {
        n += 1;
        sum += match response(m, a) {
            AttendeeResponse::Accepted => 1.0,
            AttendeeResponse::Tentative => 0.5,
            _ => 0.0,
        };
    }
    sum / n as f64
}

/// Accepted by all parties: every attendee accepted, or the flag when nobody answered.
pub fn accepted_by_all(m: &Meeting) -> bool {
    if answered(m) {
        attendees(m).all(|a| response(m, a) == AttendeeResponse::Accepted)
    } else {
        m.accepted_by_all
    }
}

/// The attendees who have not accepted (declined, tentative or silent), in order.
pub fn not_accepted(m: &Meeting) -> Vec<&Id> {
    if !answered(m) {
        return Vec::new();
    }
    attendees(m)
        .filter(|a| response(m, a) != AttendeeResponse::Accepted)
        .collect()
}

/// Records an attendee's answer; `NoAnswer` takes it out. Keeps the flag in step with the
/// answers, so that readers of the flag alone (exports, coaching) see the same.
pub fn set_response(m: &mut Meeting, attendee: Id, r: AttendeeResponse) {
    if r == AttendeeResponse::NoAnswer {
        m.responses.remove(&attendee);
    } else {
        m.responses.insert(attendee, r);
    }
    if answered(m) {
        m.accepted_by_all = accepted_by_all(m);
    }
}

/// Every attendee accepted (the flag, and each answer when answers are kept).
pub fn accept_all(m: &mut Meeting) {
    if answered(m) {
        let all: Vec<Id> = attendees(m).cloned().collect();
        for a in all {
            m.responses.insert(a, AttendeeResponse::Accepted);
        }
    }
    m.accepted_by_all = true;
}

/// Takes an attendee out of a meeting, with their answer.
pub fn drop_attendee(m: &mut Meeting, attendee: &Id) {
    m.attendees.retain(|a| a != attendee);
    m.internal_attendees.retain(|a| a != attendee);
    m.responses.remove(attendee);
}

/// Marks the meeting held on `day`: the date is recorded, a next date that has come moves
/// one recurrence on, and one interaction dated `day` is logged with its customer attendees
/// (a meeting, noted with the meeting's title and `type_name`, by our first attendee).
/// Returns the interaction's id; `None` when the meeting is not there or was already
/// marked held that day (nothing changes).
pub fn mark_held(
    plan: &mut AccountPlan,
    meeting: &Id,
    day: NaiveDate,
    interaction: Id,
    type_name: Option<&str>,
) -> Option<Id> {
    let m = plan.cadence.iter_mut().find(|m| &m.id == meeting)?;
    if m.held.contains(&day) {
        return None;
    }
    m.held.push(day);
    m.held.sort_unstable();
    if m.next_date.is_some_and(|d| d <= day) {
        m.next_date = Some(day + Duration::days(m.recurrence.days()));
    }
    let title = if m.title.trim().is_empty() {
        "Cadence meeting"
    } else {
        m.title.trim()
    };
    let note = match type_name.filter(|t| !t.trim().is_empty()) {
        Some(t) => format!("{title} held ({t})"),
        None => format!("{title} held"),
    };
    let logged = Interaction {
        id: interaction.clone(),
        date: Some(day),
        contacts: m.attendees.clone(),
        kind: InteractionKind::Meeting,
        note,
        by: m.internal_attendees.first().cloned(),
        ..Interaction::default()
    };
    plan.interactions.push(logged);
    Some(interaction)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::Rhythm;
    use AttendeeResponse::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn qbr() -> Meeting {
        Meeting {
            id: Id::new("m"),
            title: "Quarterly business review".into(),
            attendees: vec![Id::new("c1"), Id::new("c2"), Id::new("c3")],
            internal_attendees: vec![Id::new("t1")],
            recurrence: Rhythm::Quarterly,
            next_date: Some(day("2026-11-20")),
            ..Meeting::default()
        }
    }

    #[test]
    fn acceptance_counts_each_attendee_and_tentative_as_half() {
        let mut m = qbr();
        m.accepted_by_all = true;
        // No answers: the flag.
        assert_eq!(acceptance(&m), 1.0);
        set_response(&mut m, Id::new("c1"), Accepted);
        set_response(&mut m, Id::new("c2"), Tentative);
        set_response(&mut m, Id::new("t1"), Accepted);
        // c3 has not answered: (1 + 0.5 + 0 + 1) / 4 = 0.625.
        assert_eq!(acceptance(&m), 0.625);
        assert!(!accepted_by_all(&m) && !m.accepted_by_all);
        assert_eq!(not_accepted(&m), vec![&Id::new("c2"), &Id::new("c3")]);
        set_response(&mut m, Id::new("c2"), Accepted);
        set_response(&mut m, Id::new("c3"), Accepted);
        assert_eq!(acceptance(&m), 1.0);
        assert!(accepted_by_all(&m) && m.accepted_by_all);
        // Taking an answer back to none removes it.
        set_response(&mut m, Id::new("c3"), NoAnswer);
        assert_eq!(m.responses.len(), 3);
        assert!(!m.accepted_by_all);
        accept_all(&mut m);
        assert_eq!(m.responses.len(), 4);
        assert!(accepted_by_all(&m));
    }

    #[test]
    fn marking_held_logs_one_interaction_with_the_customer_attendees() {
        let mut plan = AccountPlan {
            cadence: vec![qbr()],
            ..AccountPlan::default()
        };
        let got = mark_held(
            &mut plan,
            &Id::new("m"),
            day("2026-11-21"),
            Id::new("int-1"),
            Some("Business review"),
        );
        assert_eq!(got, Some(Id::new("int-1")));
        let m = &plan.cadence[0];
        assert_eq!(m.held, vec![day("2026-11-21")]);
        // The next date (20 Nov) had come: one quarter (92 days) after the day held.
        assert_eq!(m.next_date, Some(day("2027-02-21")));
        assert_eq!(plan.interactions.len(), 1);
        let x = &plan.interactions[0];
        assert_eq!(x.date, Some(day("2026-11-21")));
        assert_eq!(
            x.contacts,
            vec![Id::new("c1"), Id::new("c2"), Id::new("c3")]
        );
        assert_eq!(x.kind, InteractionKind::Meeting);
        assert_eq!(x.note, "Quarterly business review held (Business review)");
        assert_eq!(x.by, Some(Id::new("t1")));
        // The same day again changes nothing.
        let again = mark_held(
            &mut plan,
            &Id::new("m"),
            day("2026-11-21"),
            Id::new("int-2"),
            None,
        );
        assert_eq!(again, None);
        assert_eq!(plan.interactions.len(), 1);
        // An earlier day is recorded in order, and leaves the next date alone.
        mark_held(
            &mut plan,
            &Id::new("m"),
            day("2026-08-01"),
            Id::new("int-3"),
            None,
        );
        assert_eq!(
            plan.cadence[0].held,
            vec![day("2026-08-01"), day("2026-11-21")]
        );
        assert_eq!(plan.cadence[0].next_date, Some(day("2027-02-21")));
        assert_eq!(plan.interactions[1].note, "Quarterly business review held");
    }

    #[test]
    fn dropping_an_attendee_drops_their_answer() {
        let mut m = qbr();
        set_response(&mut m, Id::new("c2"), Declined);
        drop_attendee(&mut m, &Id::new("c2"));
        assert!(m.responses.is_empty());
        assert_eq!(m.attendees.len(), 2);
    }
}
