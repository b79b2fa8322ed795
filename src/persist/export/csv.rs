//! CSV exports of an account's contacts and opportunities, for spreadsheets (RFC 4180).
//!
//! * Records end in CRLF; a field containing `,`, `"`, CR or LF is quoted, with inner
//!   quotes doubled.
//! * Safe against formula injection: a field starting with `=`, `+`, `-`, `@`, tab or CR
//!   gets a leading `'`, so a spreadsheet shows it as text instead of running it.
//! * A UTF-8 byte-order mark first, so Excel reads accents correctly.
//! * Readable names instead of ids (department, level, reports to, owner, aligned goal); a
//!   reference that resolves to nothing shows the raw id.

use chrono::NaiveDate;

use crate::domain::model::{Account, DecisionRole, Id, Money, Stance, Term, Workspace};

/// The UTF-8 byte-order mark.
pub const BOM: &str = "\u{feff}";

/// One field, quoted and defused as needed.
pub fn field(text: &str) -> String {
    let defused = match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    };
    if defused.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

fn write_record(out: &mut String, fields: &[String]) {
    let line: Vec<String> = fields.iter().map(|f| field(f)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

fn table(header: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut out = String::from(BOM);
    write_record(
        &mut out,
        &header.iter().map(|h| h.to_string()).collect::<Vec<_>>(),
    );
    for r in rows {
        write_record(&mut out, &r);
    }
    out
}

fn term(terms: &[Term], id: &Option<Id>) -> String {
    match id {
        None => String::new(),
        Some(id) => terms
            .iter()
            .find(|t| &t.id == id)
            .map(|t| t.name.clone())
            .unwrap_or_else(|| id.to_string()),
    }
}

fn member(ws: &Workspace, id: &Option<Id>) -> String {
    match id {
        None => String::new(),
        Some(id) => ws
            .member(id)
            .map(|m| m.name.clone())
            .unwrap_or_else(|| id.to_string()),
    }
}

fn date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// Money as plain digits: whole amounts without decimals, else two decimals.
fn money(v: Option<Money>) -> String {
    match v {
        Some(v) if v.is_finite() && v.fract() == 0.0 => format!("{v:.0}"),
        Some(v) if v.is_finite() => format!("{v:.2}"),
        _ => String::new(),
    }
}

pub const CONTACT_COLUMNS: [&str; 15] = [
    "Account",
    "Name",
    "Title",
    "Department",
    "Level",
    "Role",
    "Stance",
    "Strength",
    "Reports to",
    "Owner",
    "Email",
    "Phone",
    "Last interaction",
    "Major challenge",
    "Notes",
];

/// The account's contacts, one row each, in the plan's order.
pub fn contacts_csv(ws: &Workspace, account: &Account) -> String {
    let plan = &account.plan;
    let levels: Vec<Term> = ws
        .settings
        .levels
        .iter()
        .map(|l| Term::new(l.id.as_str(), &l.name))
        .collect();
    let rows = plan
        .contacts
        .iter()
        .map(|c| {
            let reports_to = match &c.reports_to {
                None => String::new(),
                Some(id) => plan
                    .contacts
                    .iter()
                    .find(|x| &x.id == id)
                    .map(|x| x.name.clone())
                    .unwrap_or_else(|| id.to_string()),
            };
            let last = plan
                .interactions
                .iter()
                .filter(|x| x.contacts.contains(&c.id))
                .filter_map(|x| x.date)
                .max();
            vec![
                account.name.clone(),
                c.name.clone(),
                c.title.clone(),
                term(&ws.settings.departments, &c.department),
                term(&levels, &c.level),
                c.role.map_or("", DecisionRole::label).into(),
                c.stance.map_or("", Stance::label).into(),
                c.strength.map(|s| s.to_string()).unwrap_or_default(),
                reports_to,
                member(ws, &c.owner),
                c.email.clone(),
                c.phone.clone(),
                date(last),
                c.major_challenge.clone(),
                c.notes.clone(),
            ]
        })
        .collect();
    table(&CONTACT_COLUMNS, rows)
}

pub const OPPORTUNITY_COLUMNS: [&str; 11] = [
    "Account",
    "Name",
    "Aligned goal",
    "Dimension",
    "Stage",
    "Value",
    "Probability (%)",
    "Expected close",
    "Next step",
    "Owner",
    "Created",
];

/// The account's opportunities, one row each, in the plan's order.
pub fn opportunities_csv(ws: &Workspace, account: &Account) -> String {
    let plan = &account.plan;
    let rows = plan
        .opportunities
        .iter()
        .map(|o| {
            let goal = match &o.goal {
                None => String::new(),
                Some(id) => plan
                    .goals
                    .iter()
                    .find(|g| &g.id == id)
                    .map(|g| g.title.clone())
                    .unwrap_or_else(|| id.to_string()),
            };
            let probability = if o.probability.is_finite() {
                format!("{:.0}", o.probability * 100.0)
            } else {
                String::new()
            };
            vec![
                account.name.clone(),
                o.name.clone(),
                goal,
                o.dimension.label().into(),
                o.stage.label().into(),
                money(o.value),
                probability,
                date(o.close_date),
                o.next_step.clone(),
                member(ws, &o.owner),
                date(o.created_on),
            ]
        })
        .collect();
    table(&OPPORTUNITY_COLUMNS, rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::persist::export::sample;
    use proptest::prelude::*;
    use std::sync::Arc;

    /// A strict RFC 4180 reader: CRLF-terminated records, quoted fields with doubled quotes.
    fn parse(text: &str) -> Vec<Vec<String>> {
        let mut records = Vec::new();
        let mut record = Vec::new();
        let mut field = String::new();
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        let mut at_start = true;
        while let Some(c) = chars.next() {
            if quoted {
                if c == '"' {
                    if chars.peek() == Some(&'"') {
                        chars.next();
                        field.push('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    field.push(c);
                }
                continue;
            }
            match c {
                '"' if at_start => {
                    quoted = true;
                    at_start = false;
                }
                '"' => panic!("a quote inside an unquoted field"),
                ',' => {
                    record.push(std::mem::take(&mut field));
                    at_start = true;
                }
                '\r' => {
                    assert_eq!(chars.next(), Some('\n'), "CR without LF");
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                    at_start = true;
                }
                '\n' => panic!("a bare LF outside quotes"),
                c => {
                    field.push(c);
                    at_start = false;
                }
            }
        }
        assert!(!quoted, "unterminated quote");
        assert!(
            field.is_empty() && record.is_empty(),
            "the last record lacks CRLF"
        );
        records
    }

    fn rows(text: &str) -> Vec<Vec<String>> {
        parse(text.strip_prefix(BOM).expect("starts with a BOM"))
    }

    #[test]
    fn fields_are_quoted_and_defused_as_rfc_4180_and_owasp_say() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("=1+2"), "'=1+2");
        assert_eq!(field("+1 555"), "'+1 555");
        assert_eq!(field("-x"), "'-x");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(field("\tx"), "'\tx");
        assert_eq!(field("\rx"), "\"'\rx\"");
        assert_eq!(field("=A1,\"B\""), "\"'=A1,\"\"B\"\"\"");
        assert_eq!(field(""), "");
    }

    #[test]
    fn contacts_show_names_not_ids() {
        let ws = sample::workspace();
        let text = contacts_csv(&ws, &ws.accounts[0]);
        assert!(text.starts_with("\u{feff}Account,Name,Title,Department,"));
        assert!(text.ends_with("\r\n"));
        let r = rows(&text);
        assert_eq!(r.len(), 4);
        assert_eq!(r[0], CONTACT_COLUMNS);
        assert_eq!(
            r[1],
            [
                "Acme, Inc.",
                "Dana Boss",
                "Director",
                "Executive office",
                "Executive",
                "Decision maker",
                "Supporter",
                "4",
                "",
                "Ann Archer",
                "",
                "",
                "2026-03-09",
                "Cut costs by 10%, keep growth",
                ""
            ]
        );
        assert_eq!(r[2][1], "Lee \"Numbers\" Park");
        assert_eq!(r[2][8], "Dana Boss");
        assert_eq!(r[2][11], "'+1 555 0100");
        assert_eq!(r[2][12], "2026-02-03");
        assert_eq!(r[3][1], "'=HYPERLINK(\"http://x\")");
        assert_eq!(r[3][3], "IT");
        assert_eq!(r[3][4], "Manager");
        assert_eq!(r[3][8], "Lee \"Numbers\" Park");
        assert_eq!(r[3][14], "line one\nline two, with comma");
    }

    #[test]
    fn opportunities_show_goal_titles_and_owner_names() {
        let ws = sample::workspace();
        let r = rows(&opportunities_csv(&ws, &ws.accounts[0]));
        assert_eq!(r[0], OPPORTUNITY_COLUMNS);
        assert_eq!(
            r[1],
            [
                "Acme, Inc.",
                "Analytics roll-out",
                "Lower cost to serve",
                "Grow",
                "Proposed",
                "120000",
                "40",
                "2026-09-30",
                "Send proposal; book CFO review",
                "Bob Baker",
                ""
            ]
        );
        assert_eq!(r[2][1], "'-Premium support");
        assert_eq!(r[2][5], "9999.50");
        assert_eq!(r[2][6], "100");
        // An empty account gives just the header.
        assert_eq!(rows(&opportunities_csv(&ws, &ws.accounts[1])).len(), 1);
    }

    #[test]
    fn dangling_references_show_the_raw_id() {
        let mut ws = sample::workspace();
        Arc::make_mut(&mut ws.accounts[0]).plan.contacts[0].department = Some(Id::new("dept-gone"));
        Arc::make_mut(&mut ws.accounts[0]).plan.opportunities[0].owner = Some(Id::new("tm-gone"));
        assert_eq!(rows(&contacts_csv(&ws, &ws.accounts[0]))[1][3], "dept-gone");
        assert_eq!(
            rows(&opportunities_csv(&ws, &ws.accounts[0]))[1][9],
            "tm-gone"
        );
    }

    proptest! {
        #[test]
        fn hostile_text_round_trips(name in "\\PC{0,30}|[=+@,\"\r\n\t-]{0,10}", notes in "[a\",\r\n=]{0,12}") {
            let mut ws = sample::workspace();
            Arc::make_mut(&mut ws.accounts[0]).plan.contacts[0].name = name.clone();
            Arc::make_mut(&mut ws.accounts[0]).plan.contacts[0].notes = notes.clone();
            let r = rows(&contacts_csv(&ws, &ws.accounts[0]));
            prop_assert_eq!(r.len(), 4);
            prop_assert!(r.iter().all(|row| row.len() == CONTACT_COLUMNS.len()));
            let defused = |s: &str| if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_string() };
            prop_assert_eq!(&r[1][1], &defused(&name));
            prop_assert_eq!(&r[1][14], &defused(&notes));
        }
    }
}
