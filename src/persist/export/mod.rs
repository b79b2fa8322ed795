//! Exports for people and other tools: the workspace or one account as JSON (and their
//! import), contacts and opportunities as CSV, the meeting cadence as an iCalendar file,
//! and the file names they are saved under. The formats are described in `docs/format.md`.

pub mod csv;
pub mod ics;
pub mod json;
pub mod link;
pub mod naming;

/// A small but complete, valid workspace shared by the export tests.
#[cfg(test)]
pub(crate) mod sample {
    use chrono::{DateTime, NaiveDate};

    use crate::domain::model::*;

    pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    pub fn at(secs: i64) -> Timestamp {
        DateTime::from_timestamp(1_764_000_000 + secs, 0).unwrap()
    }

    pub fn workspace() -> Workspace {
        let member = |id: &str, name: &str| TeamMember {
            id: Id::new(id),
            name: name.into(),
            email: format!("{id}@example.com"),
            title: "Account manager".into(),
            updated_at: Some(at(0)),
        };
        let mut acme = Account::new(Id::new("acc-acme"), "Acme, Inc.", day(2026, 1, 5), at(20));
        acme.owner = Some(Id::new("tm-ann"));
        acme.segment = Segment::Strategic;
        acme.plan.contacts = contacts();
        acme.plan.goals = vec![Goal {
            id: Id::new("g-cost"),
            title: "Lower cost to serve".into(),
            source_contact: Some(Id::new("c-ceo")),
            updated_at: Some(at(30)),
            ..Goal::default()
        }];
        acme.plan.interactions = interactions();
        acme.plan.opportunities = opportunities();
        acme.plan.cadence = cadence();
        let globex = Account::new(Id::new("acc-globex"), "Globex", day(2026, 2, 1), at(40));
        Workspace {
            id: Id::new("ws-sample"),
            name: "Ann's accounts".into(),
            team: vec![
                member("tm-ann", "Ann Archer"),
                member("tm-bob", "Bob Baker"),
                member("tm-cy", "Cy Unused"),
            ],
            accounts: vec![acme.into(), globex.into()],
            ..Workspace::default()
        }
    }

    /// A CEO, a CFO reporting to them and an IT manager reporting to the CFO, whose name is a
    /// spreadsheet formula.
    fn contacts() -> Vec<Contact> {
        let contact = |id: &str, name: &str, dept: &str, level: &str| Contact {
            id: Id::new(id),
            name: name.into(),
            title: "Director".into(),
            department: Some(Id::new(dept)),
            level: Some(Id::new(level)),
            updated_at: Some(at(10)),
            ..Contact::default()
        };
        let mut ceo = contact("c-ceo", "Dana Boss", "dept-exec", "lvl-exec");
        ceo.role = Some(DecisionRole::DecisionMaker);
        ceo.stance = Some(Stance::Supporter);
        ceo.strength = Some(4);
        ceo.owner = Some(Id::new("tm-ann"));
        ceo.major_challenge = "Cut costs by 10%, keep growth".into();
        let mut cfo = contact("c-cfo", "Lee \"Numbers\" Park", "dept-finance", "lvl-exec");
        cfo.reports_to = Some(Id::new("c-ceo"));
        cfo.role = Some(DecisionRole::Influencer);
        cfo.stance = Some(Stance::Skeptic);
        cfo.phone = "+1 555 0100".into();
        let mut it = contact("c-it", "=HYPERLINK(\"http://x\")", "dept-it", "lvl-manager");
        it.reports_to = Some(Id::new("c-cfo"));
        it.notes = "line one\nline two, with comma".into();

        vec![ceo, cfo, it]
    }

    /// Two dated interactions, the first with two contacts.
    fn interactions() -> Vec<Interaction> {
        vec![
            Interaction {
                id: Id::new("x-1"),
                date: Some(day(2026, 2, 3)),
                contacts: vec![Id::new("c-ceo"), Id::new("c-cfo")],
                by: Some(Id::new("tm-ann")),
                ..Interaction::default()
            },
            Interaction {
                id: Id::new("x-2"),
                date: Some(day(2026, 3, 9)),
                contacts: vec![Id::new("c-ceo")],
                ..Interaction::default()
            },
        ]
    }

    /// An open opportunity aligned to the goal, and a won one whose name starts with a dash.
    fn opportunities() -> Vec<Opportunity> {
        vec![
            Opportunity {
                id: Id::new("o-analytics"),
                name: "Analytics roll-out".into(),
                goal: Some(Id::new("g-cost")),
                dimension: Dimension::Grow,
                value: Some(120_000.0),
                stage: Stage::Proposed,
                probability: 0.4,
                close_date: Some(day(2026, 9, 30)),
                next_step: "Send proposal; book CFO review".into(),
                owner: Some(Id::new("tm-bob")),
                ..Opportunity::default()
            },
            Opportunity {
                id: Id::new("o-support"),
                name: "-Premium support".into(),
                value: Some(9_999.5),
                probability: 1.0,
                stage: Stage::Won,
                ..Opportunity::default()
            },
        ]
    }

    /// A quarterly QBR, a monthly call whose title has separators, and an unscheduled meeting.
    fn cadence() -> Vec<Meeting> {
        vec![
            Meeting {
                id: Id::new("m-qbr"),
                title: "QBR".into(),
                meeting_type: Some(Id::new("mt-qbr")),
                attendees: vec![Id::new("c-ceo"), Id::new("c-cfo")],
                internal_attendees: vec![Id::new("tm-ann"), Id::new("tm-bob")],
                recurrence: Rhythm::Quarterly,
                next_date: Some(day(2026, 12, 1)),
                accepted_by_all: true,
                ..Meeting::default()
            },
            Meeting {
                id: Id::new("m-ops"),
                title: "Ops call; agenda, notes".into(),
                recurrence: Rhythm::Monthly,
                next_date: Some(day(2026, 11, 30)),
                ..Meeting::default()
            },
            Meeting {
                id: Id::new("m-unplanned"),
                title: "Not scheduled".into(),
                recurrence: Rhythm::Weekly,
                next_date: None,
                ..Meeting::default()
            },
        ]
    }

    #[test]
    fn the_sample_is_valid() {
        assert_eq!(crate::domain::validate::validate(&workspace()), vec![]);
    }
}
