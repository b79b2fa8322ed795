use std::sync::Arc;

use proptest::prelude::*;

use super::*;
use crate::domain::model::{Account, Action, Contact, Goal, Interaction, Opportunity};

fn contact(id: &str, name: &str, title: &str) -> Contact {
    Contact {
        id: Id::new(id),
        name: name.into(),
        title: title.into(),
        ..Contact::default()
    }
}

fn workspace() -> Workspace {
    let mut acme = Account {
        id: Id::new("acc-acme"),
        name: "Acme Analytics".into(),
        industry: "Software".into(),
        notes: "Prefers email; Zoë runs procurement".into(),
        ..Account::default()
    };
    let p = &mut acme.plan;
    p.contacts = vec![
        contact("c-zoe", "Zoë Ångström", "Chief Analyst"),
        contact("c-ana", "Ana Lytics", "CFO"),
        contact("c-ban", "Banana Man", "Head of analytics"),
    ];
    p.goals = vec![Goal {
        id: Id::new("g-1"),
        title: "Cut analysis time".into(),
        description: "Weekly reports in a day".into(),
        ..Goal::default()
    }];
    p.opportunities = vec![Opportunity {
        id: Id::new("o-1"),
        name: "Reporting roll-out".into(),
        next_step: "Demo to Zoe".into(),
        ..Opportunity::default()
    }];
    p.actions = vec![Action {
        id: Id::new("a-1"),
        title: "Send Ana the proposal".into(),
        ..Action::default()
    }];
    p.interactions = vec![Interaction {
        id: Id::new("x-1"),
        note: "Ana asked about analytics pricing".into(),
        ..Interaction::default()
    }];
    let globex = Account {
        id: Id::new("acc-globex"),
        name: "Globex".into(),
        ..Account::default()
    };
    Workspace {
        accounts: vec![Arc::new(acme), Arc::new(globex)],
        ..Workspace::default()
    }
}

fn run(q: &str) -> Vec<(Kind, Vec<(String, u32)>)> {
    let ws = workspace();
    search(&ws, &index(&ws), q, 10)
        .into_iter()
        .map(|g| {
            (
                g.kind,
                g.hits.into_iter().map(|h| (h.label, h.rank)).collect(),
            )
        })
        .collect()
}

#[test]
fn folding_drops_case_and_accents() {
    assert_eq!(
        fold("Zoë ÅNGSTRÖM, Straße & Œuvre"),
        "zoe angstrom, strasse & oeuvre"
    );
    assert_eq!(fold("plain"), "plain");
}

#[test]
fn name_start_ranks_above_word_start_above_inside() {
    let s = |x: &str| x.to_string();
    assert_eq!(
        run("ana"),
        [
            // "Acme Analytics": "ana" starts the word "analytics".
            (Kind::Account, vec![(s("Acme Analytics"), 2)]),
            // Ana Lytics (name start), Banana Man (inside), Zoë: "Chief Analyst" (detail).
            (
                Kind::Contact,
                vec![
                    (s("Ana Lytics"), 3),
                    (s("Banana Man"), 1),
                    (s("Zoë Ångström"), 0)
                ]
            ),
            (Kind::Goal, vec![(s("Cut analysis time"), 2)]),
            (Kind::Action, vec![(s("Send Ana the proposal"), 2)]),
            (
                Kind::Note,
                vec![(s("Ana asked about analytics pricing"), 3)]
            ),
        ]
    );
}

#[test]
fn every_word_must_match_and_accents_do_not_matter() {
    let ws = workspace();
    let ix = index(&ws);
    let zoe = search(&ws, &ix, "zoe ANGSTROM", 10);
    assert_eq!(zoe.len(), 1);
    let hit = &zoe[0].hits[0];
    assert_eq!(
        (hit.kind, hit.label.as_str(), hit.rank),
        (Kind::Contact, "Zoë Ångström", 5)
    );
    assert_eq!(hit.entity, Some(Id::new("c-zoe")));
    assert_eq!(hit.part, Some(PlanPart::Contacts));
    assert_eq!(hit.detail, "Chief Analyst");
    // "zoe" alone also finds the account's note and the opportunity's next step.
    let kinds: Vec<Kind> = search(&ws, &ix, "Zoe", 10).iter().map(|g| g.kind).collect();
    assert_eq!(kinds, [Kind::Contact, Kind::Opportunity, Kind::Note]);
    assert!(search(&ws, &ix, "zoe banana", 10).is_empty());
    assert!(search(&ws, &ix, "   ", 10).is_empty());
    assert_eq!(
        search(&ws, &ix, "globex", 10)[0].hits[0].account,
        Id::new("acc-globex")
    );
}

#[test]
fn each_kind_is_capped_and_says_how_many_matched() {
    let ws = workspace();
    let g = search(&ws, &index(&ws), "a", 2);
    let contacts = g.iter().find(|g| g.kind == Kind::Contact).unwrap();
    assert_eq!(contacts.total, 3);
    let names: Vec<&str> = contacts.hits.iter().map(|h| h.label.as_str()).collect();
    // "a" starts "Ana" (3), starts the folded word "angstrom" (2), is inside "Banana" (1).
    assert_eq!(names, ["Ana Lytics", "Zoë Ångström"]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn a_result_holds_every_word_of_the_query(
        names in proptest::collection::vec("[a-zA-Zéöå ]{0,12}", 0..8),
        query in "[a-zéöA-Z ]{0,6}",
    ) {
        let mut ws = workspace();
        let acme = Arc::make_mut(&mut ws.accounts[0]);
        for (i, n) in names.iter().enumerate() {
            acme.plan.contacts.push(contact(&format!("c-{i}"), n, ""));
        }
        let words: Vec<String> = query.split_whitespace().map(fold).collect();
        let groups = search(&ws, &index(&ws), &query, 50);
        if words.is_empty() {
            prop_assert!(groups.is_empty());
        }
        for g in &groups {
            prop_assert!(!g.hits.is_empty());
            for h in &g.hits {
                prop_assert_eq!(h.kind, g.kind);
                let text = fold(&format!("{}\n{}", h.label, h.detail));
                for w in &words {
                    prop_assert!(text.contains(w.as_str()), "{:?} lacks {:?}", text, w);
                }
            }
            let ranks: Vec<u32> = g.hits.iter().map(|h| h.rank).collect();
            prop_assert!(ranks.windows(2).all(|w| w[0] >= w[1]));
        }
        // Nothing that holds every word is missed (below the cap).
        let expected = names
            .iter()
            .filter(|n| !n.trim().is_empty())
            .filter(|n| !words.is_empty() && words.iter().all(|w| fold(n).contains(w.as_str())))
            .count();
        let found = groups
            .iter()
            .find(|g| g.kind == Kind::Contact)
            .map_or(0, |g| g.hits.iter().filter(|h| h.entity.as_ref().is_some_and(|e| e.as_str().starts_with("c-") && e.as_str()[2..].parse::<usize>().is_ok())).count());
        prop_assert_eq!(found, expected);
    }
}

#[test]
fn lines_past_a_full_best_rank_are_counted_not_shown() {
    // Five contacts whose names all start with "ana": the first two fill a cap of 2 at the
    // best rank; the rest only count, the later ones never shown.
    let mut ws = workspace();
    let acme = Arc::make_mut(&mut ws.accounts[0]);
    acme.plan.contacts = (0..5)
        .map(|i| contact(&format!("c-{i}"), &format!("Ana {i}"), ""))
        .collect();
    let g = search(&ws, &index(&ws), "ana", 2);
    let contacts = g.iter().find(|g| g.kind == Kind::Contact).unwrap();
    assert_eq!(contacts.total, 5);
    let names: Vec<&str> = contacts.hits.iter().map(|h| h.label.as_str()).collect();
    assert_eq!(names, ["Ana 0", "Ana 1"]);
}
