//! iCalendar export of an account's meeting cadence, and of the agenda's actions and
//! meetings across accounts (RFC 5545).
//!
//! One all-day `VEVENT` per meeting that has a next date, recurring by its rhythm, and (in
//! the agenda) one per open action with a due date. UIDs are the meeting's or action's id
//! and `@account-planner`, so importing a newer export updates the same events instead of
//! duplicating them. Text is escaped (`\\`, `;`, `,`, newline), lines end
//! in CRLF and are folded at 75 octets without splitting a UTF-8 character.

use crate::domain::agenda::Whose;
use crate::domain::model::{Account, Action, ActionStatus, Meeting, Rhythm, Timestamp, Workspace};

pub const PRODID: &str = "-//Account Planner//Account Planner 1.0//EN";

/// Escapes a TEXT value: backslash, semicolon, comma and line breaks; other control
/// characters (not allowed in iCalendar text) are dropped.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line: at most 75 octets per physical line, continuation lines start
/// with a space, cuts fall between characters. Ends with CRLF.
pub fn fold_line(line: &str) -> String {
    const LIMIT: usize = 75;
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > LIMIT {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
    out
}

/// The recurrence rule of a rhythm.
pub fn rrule(r: Rhythm) -> &'static str {
    match r {
        Rhythm::Weekly => "FREQ=WEEKLY",
        Rhythm::Fortnightly => "FREQ=WEEKLY;INTERVAL=2",
        Rhythm::Monthly => "FREQ=MONTHLY",
        Rhythm::Quarterly => "FREQ=MONTHLY;INTERVAL=3",
        Rhythm::HalfYearly => "FREQ=MONTHLY;INTERVAL=6",
        Rhythm::Yearly => "FREQ=YEARLY",
    }
}

fn names<'a>(
    ids: impl Iterator<Item = &'a str>,
    lookup: impl Fn(&str) -> Option<String>,
) -> String {
    ids.map(|id| lookup(id).unwrap_or_else(|| id.to_string()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn event(ws: &Workspace, account: &Account, m: &Meeting, stamp: &str) -> Option<Vec<String>> {
    let start = m.next_date?;
    let plan = &account.plan;
    let kind = m.meeting_type.as_ref().and_then(|t| {
        ws.settings
            .meeting_types
            .iter()
            .find(|x| &x.id == t)
            .map(|x| x.name.clone())
    });
    let title = if m.title.trim().is_empty() {
        kind.clone().unwrap_or_else(|| "Meeting".into())
    } else {
        m.title.clone()
    };
    let customer = names(m.attendees.iter().map(|i| i.as_str()), |id| {
        plan.contacts.iter().find(|c| c.id.as_str() == id).map(|c| {
            if c.title.is_empty() {
                c.name.clone()
            } else {
                format!("{} ({})", c.name, c.title)
            }
        })
    });
    let ours = names(m.internal_attendees.iter().map(|i| i.as_str()), |id| {
        ws.team
            .iter()
            .find(|t| t.id.as_str() == id)
            .map(|t| t.name.clone())
    });
    let mut description = Vec::new();
    if let Some(k) = kind {
        description.push(format!("Type: {k}"));
    }
    description.push(format!(
        "Attendees: {}",
        if customer.is_empty() {
            "none listed"
        } else {
            &customer
        }
    ));
    if !ours.is_empty() {
        description.push(format!("Our team: {ours}"));
    }
    description.push(format!(
        "Accepted by all parties: {}",
        if m.accepted_by_all { "yes" } else { "no" }
    ));
    Some(vec![
        "BEGIN:VEVENT".into(),
        format!("UID:{}", escape_text(&format!("{}@account-planner", m.id))),
        format!("DTSTAMP:{stamp}"),
        format!("DTSTART;VALUE=DATE:{}", start.format("%Y%m%d")),
        format!("RRULE:{}", rrule(m.recurrence)),
        format!(
            "SUMMARY:{}",
            escape_text(&format!("{title} – {}", account.name))
        ),
        format!("DESCRIPTION:{}", escape_text(&description.join("\n"))),
        "TRANSP:TRANSPARENT".into(),
        "END:VEVENT".into(),
    ])
}

/// An open action with a due date as an all-day event on that day.
fn action_event(account: &Account, a: &Action, stamp: &str) -> Option<Vec<String>> {
    let due = a
        .due
        .filter(|_| matches!(a.status, ActionStatus::Open | ActionStatus::InProgress))?;
    let title = if a.title.trim().is_empty() {
        "Action"
    } else {
        &a.title
    };
    Some(vec![
        "BEGIN:VEVENT".into(),
        format!("UID:{}", escape_text(&format!("{}@account-planner", a.id))),
        format!("DTSTAMP:{stamp}"),
        format!("DTSTART;VALUE=DATE:{}", due.format("%Y%m%d")),
        format!(
            "SUMMARY:{}",
            escape_text(&format!("Action: {title} – {}", account.name))
        ),
        "TRANSP:TRANSPARENT".into(),
        "END:VEVENT".into(),
    ])
}

/// The calendar around `events`, folded and CRLF-terminated.
fn calendar(name: &str, events: Vec<String>) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        format!("PRODID:{PRODID}"),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!("X-WR-CALNAME:{}", escape_text(name)),
    ];
    lines.extend(events);
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold_line(l)).collect()
}

/// The account's cadence as an iCalendar file; meetings without a next date are left out.
pub fn cadence_ics(ws: &Workspace, account: &Account, now: Timestamp) -> String {
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    let events = account
        .plan
        .cadence
        .iter()
        .filter_map(|m| event(ws, account, m, &stamp))
        .flatten()
        .collect();
    calendar(&format!("{} cadence", account.name), events)
}

/// The agenda as an iCalendar file: every open action with a due date and every meeting
/// with a next date of the accounts `whose` covers, archived accounts left out.
pub fn agenda_ics(ws: &Workspace, whose: &Whose, now: Timestamp) -> String {
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    let mut events = Vec::new();
    for account in ws
        .accounts
        .iter()
        .filter(|a| !a.archived && whose.covers(a))
    {
        for a in &account.plan.actions {
            events.extend(action_event(account, a, &stamp).into_iter().flatten());
        }
        for m in &account.plan.cadence {
            events.extend(event(ws, account, m, &stamp).into_iter().flatten());
        }
    }
    calendar(&format!("{} agenda", ws.name), events)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::Id;
    use crate::persist::export::sample;
    use proptest::prelude::*;
    use std::sync::Arc;

    /// Unfolds physical lines back into content lines, checking CRLF and the 75-octet limit.
    fn unfold(text: &str) -> Vec<String> {
        assert!(text.ends_with("\r\n"));
        let mut out: Vec<String> = Vec::new();
        for phys in text[..text.len() - 2].split("\r\n") {
            assert!(phys.len() <= 75, "line of {} octets: {phys:?}", phys.len());
            assert!(!phys.contains(['\r', '\n']));
            match phys.strip_prefix(' ') {
                Some(rest) => out.last_mut().unwrap().push_str(rest),
                None => out.push(phys.to_string()),
            }
        }
        out
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape_text("a\\b;c,d\ne\r\nf\rg\u{7}h\ti"),
            "a\\\\b\\;c\\,d\\ne\\nf\\ngh i"
        );
        assert_eq!(escape_text("Zoë – ok"), "Zoë – ok");
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let ascii = "X".repeat(160);
        let folded = fold_line(&ascii);
        assert_eq!(
            folded,
            format!(
                "{}\r\n {}\r\n {}\r\n",
                "X".repeat(75),
                "X".repeat(74),
                "X".repeat(11)
            )
        );
        // 'é' is two octets: 37 fit in the first 75 (74 octets), the 38th moves on.
        let accents = "é".repeat(40);
        let folded = fold_line(&accents);
        let lines: Vec<&str> = folded.trim_end().split("\r\n").collect();
        assert_eq!(lines[0], "é".repeat(37));
        assert_eq!(lines[1], format!(" {}", "é".repeat(3)));
        // A 4-octet emoji at the edge is not split.
        let edge = format!("{}😀", "a".repeat(73));
        assert_eq!(fold_line(&edge), format!("{}\r\n 😀\r\n", "a".repeat(73)));
        assert_eq!(fold_line("short"), "short\r\n");
    }

    #[test]
    fn every_rhythm_has_its_rule() {
        let got: Vec<&str> = [
            Rhythm::Weekly,
            Rhythm::Fortnightly,
            Rhythm::Monthly,
            Rhythm::Quarterly,
            Rhythm::HalfYearly,
            Rhythm::Yearly,
        ]
        .into_iter()
        .map(rrule)
        .collect();
        assert_eq!(
            got,
            [
                "FREQ=WEEKLY",
                "FREQ=WEEKLY;INTERVAL=2",
                "FREQ=MONTHLY",
                "FREQ=MONTHLY;INTERVAL=3",
                "FREQ=MONTHLY;INTERVAL=6",
                "FREQ=YEARLY"
            ]
        );
    }

    #[test]
    fn the_cadence_becomes_one_event_per_scheduled_meeting() {
        let ws = sample::workspace();
        let text = cadence_ics(&ws, &ws.accounts[0], sample::at(3_600));
        let lines = unfold(&text);
        assert_eq!(
            lines,
            [
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//Account Planner//Account Planner 1.0//EN",
                "CALSCALE:GREGORIAN",
                "METHOD:PUBLISH",
                "X-WR-CALNAME:Acme\\, Inc. cadence",
                "BEGIN:VEVENT",
                "UID:m-qbr@account-planner",
                "DTSTAMP:20251124T170000Z",
                "DTSTART;VALUE=DATE:20261201",
                "RRULE:FREQ=MONTHLY;INTERVAL=3",
                "SUMMARY:QBR – Acme\\, Inc.",
                "DESCRIPTION:Type: Quarterly business review\\nAttendees: Dana Boss (Director)\\, \
                 Lee \"Numbers\" Park (Director)\\nOur team: Ann Archer\\, Bob Baker\\nAccepted by \
                 all parties: yes",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
                "BEGIN:VEVENT",
                "UID:m-ops@account-planner",
                "DTSTAMP:20251124T170000Z",
                "DTSTART;VALUE=DATE:20261130",
                "RRULE:FREQ=MONTHLY",
                "SUMMARY:Ops call\\; agenda\\, notes – Acme\\, Inc.",
                "DESCRIPTION:Attendees: none listed\\nAccepted by all parties: no",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
                "END:VCALENDAR",
            ]
        );
        // The long description really was folded.
        assert!(text.contains("\r\n "));
        // No meetings: an empty but valid calendar.
        let empty = unfold(&cadence_ics(&ws, &ws.accounts[1], sample::at(0)));
        assert_eq!(empty.first().unwrap(), "BEGIN:VCALENDAR");
        assert_eq!(empty.last().unwrap(), "END:VCALENDAR");
        assert!(!empty.iter().any(|l| l == "BEGIN:VEVENT"));
    }

    #[test]
    fn the_agenda_has_the_open_actions_and_the_meetings_of_every_chosen_account() {
        let mut ws = sample::workspace();
        let acme = Arc::make_mut(&mut ws.accounts[0]);
        acme.plan.actions = vec![
            Action {
                id: Id::new("a-call"),
                title: "Call Dana, about costs".into(),
                due: Some(sample::day(2026, 12, 3)),
                ..Action::default()
            },
            Action {
                id: Id::new("a-done"),
                due: Some(sample::day(2026, 12, 3)),
                status: ActionStatus::Done,
                ..Action::default()
            },
            Action {
                id: Id::new("a-undated"),
                ..Action::default()
            },
        ];
        let lines = unfold(&agenda_ics(&ws, &Whose::Everyone, sample::at(0)));
        assert_eq!(lines[5], "X-WR-CALNAME:Ann's accounts agenda");
        let uids: Vec<&str> = lines
            .iter()
            .filter_map(|l| l.strip_prefix("UID:"))
            .collect();
        assert_eq!(
            uids,
            [
                "a-call@account-planner",
                "m-qbr@account-planner",
                "m-ops@account-planner"
            ]
        );
        let at = lines
            .iter()
            .position(|l| l == "UID:a-call@account-planner")
            .unwrap();
        assert_eq!(
            &lines[at - 1..at + 6],
            [
                "BEGIN:VEVENT",
                "UID:a-call@account-planner",
                "DTSTAMP:20251124T160000Z",
                "DTSTART;VALUE=DATE:20261203",
                "SUMMARY:Action: Call Dana\\, about costs – Acme\\, Inc.",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        );
        // Bob owns nothing; an archived account is left out.
        let bobs = agenda_ics(&ws, &Whose::Owner(Id::new("tm-bob")), sample::at(0));
        assert!(!bobs.contains("BEGIN:VEVENT"));
        Arc::make_mut(&mut ws.accounts[0]).archived = true;
        assert!(!agenda_ics(&ws, &Whose::Everyone, sample::at(0)).contains("BEGIN:VEVENT"));
    }

    proptest! {
        #[test]
        fn any_title_folds_and_unfolds_to_its_escaped_self(title in "\\PC{0,300}") {
            let mut ws = sample::workspace();
            Arc::make_mut(&mut ws.accounts[0]).plan.cadence[0].title = title.clone();
            let text = cadence_ics(&ws, &ws.accounts[0], sample::at(0));
            let lines = unfold(&text);
            let summary = lines.iter().find(|l| l.starts_with("SUMMARY:")).unwrap();
            let shown = if title.trim().is_empty() { "Quarterly business review".to_string() } else { title };
            prop_assert_eq!(summary, &format!("SUMMARY:{}", escape_text(&format!("{shown} – Acme, Inc."))));
        }
    }
}
