//! Two tabs of the app on one browser share one storage. When another tab writes, this tab
//! reconciles three versions of each account: what it last saved (`saved`), what it shows
//! now (`mine`) and what storage holds now (`theirs`). An account changed only there is
//! adopted; changed only here, kept; changed on both sides, it is a conflict the user
//! settles — never a silent overwrite either way.

use std::collections::HashSet;
use std::sync::Arc;

use crate::domain::model::{Account, Id, Workspace};

/// An account changed in another tab while it had unsaved edits here.
#[derive(Debug, Clone, PartialEq)]
pub struct TabConflict {
    pub id: Id,
    pub name: String,
    /// The other tab's version; `None` when the other tab deleted it.
    pub theirs: Option<Arc<Account>>,
}

/// The result of reconciling with another tab's write.
#[derive(Debug, Clone, PartialEq)]
pub struct Reconciled {
    /// What this tab shows from now on.
    pub mine: Workspace,
    /// What storage holds now (this tab's new baseline for incremental saves).
    pub saved: Workspace,
    pub conflicts: Vec<TabConflict>,
}

/// Reconciles this tab with storage after another tab wrote to it.
pub fn reconcile(saved: &Workspace, mine: &Workspace, theirs: &Workspace) -> Reconciled {
    let mut conflicts = Vec::new();
    let mut out = Vec::new();
    let mut seen: HashSet<&Id> = HashSet::new();
    // Storage's order first, then accounts only this tab has.
    for t in &theirs.accounts {
        seen.insert(&t.id);
        let s = saved.shared(&t.id);
        let m = mine.shared(&t.id);
        match (s, m) {
            // Not changed there since our last save: ours (edited or not) stands.
            (Some(s), Some(m)) if s == t => out.push(m.clone()),
            // Deleted here, unchanged there: stays deleted.
            (Some(s), None) if s == t => {}
            // Changed there, not here: adopt.
            (Some(s), Some(m)) if s == m => out.push(t.clone()),
            (None, None) => out.push(t.clone()),
            // Changed there and deleted here since the last save: theirs wins the
            // question, the user is asked.
            (Some(_), None) => conflicts.push(TabConflict {
                id: t.id.clone(),
                name: t.name.clone(),
                theirs: Some(t.clone()),
            }),
            // Changed on both sides (or created on both with one id).
            (_, Some(m)) => {
                if m != t {
                    conflicts.push(TabConflict {
                        id: t.id.clone(),
                        name: m.name.clone(),
                        theirs: Some(t.clone()),
                    });
                }
                out.push(m.clone());
            }
        }
    }
    for m in &mine.accounts {
        if seen.contains(&m.id) {
            continue;
        }
        match saved.shared(&m.id) {
            // New here and not yet saved: keep.
            None => out.push(m.clone()),
            // Deleted there; unchanged here: follow the deletion.
            Some(s) if s == m => {}
            // Deleted there, edited here: ask.
            Some(_) => {
                conflicts.push(TabConflict {
                    id: m.id.clone(),
                    name: m.name.clone(),
                    theirs: None,
                });
                out.push(m.clone());
            }
        }
    }
    // Non-account parts: adopt theirs unless this tab changed them since its last save.
    let meta_changed_here = !same_meta(saved, mine);
    let mut shown = if meta_changed_here {
        without_accounts(mine)
    } else {
        without_accounts(theirs)
    };
    shown.accounts = out;
    Reconciled {
        mine: shown,
        saved: theirs.clone(),
        conflicts,
    }
}

/// Reconciles one account another tab wrote (`theirs`, `None` when it deleted it), in place:
/// the same rules as [`reconcile`], for a storage event that names one key, so that a
/// keystroke in another tab costs this tab one account and not the whole workspace.
/// `saved` becomes what storage holds; an account new to both lists goes last (the index
/// event that follows puts it in place, see [`follow_index`]).
pub fn reconcile_account(
    saved: &mut Workspace,
    mine: &mut Workspace,
    id: &Id,
    theirs: Option<Account>,
) -> AccountReconciled {
    let theirs = theirs.map(Arc::new);
    let s = saved.accounts.iter().position(|a| &a.id == id);
    let m = mine.accounts.iter().position(|a| &a.id == id);
    let same = |a: Option<usize>, ws: &Workspace, b: Option<&Arc<Account>>| {
        a.map(|i| &ws.accounts[i]) == b
    };
    let mut conflict = None;
    let mut followed = true;
    match (&theirs, s, m) {
        // Not changed there since our last save: ours (edited, deleted or new) stands.
        (t, s, _) if s.is_some() && same(s, saved, t.as_ref()) => followed = false,
        // Deleted there; new here (kept), or deleted here too.
        (None, None, _) | (None, Some(_), None) => followed = false,
        // Changed (or deleted) there, not here: follow.
        (t, Some(_), Some(mi)) if same(s, saved, Some(&mine.accounts[mi])) => match t {
            Some(t) => mine.accounts[mi] = t.clone(),
            None => {
                mine.accounts.remove(mi);
            }
        },
        (Some(t), None, None) => mine.accounts.push(t.clone()),
        // Changed there and deleted here since the last save: the user is asked.
        (Some(t), Some(_), None) => {
            followed = false;
            conflict = Some(TabConflict {
                id: id.clone(),
                name: t.name.clone(),
                theirs: Some(t.clone()),
            })
        }
        // Changed on both sides (or created on both with one id), or deleted there and
        // edited here.
        (t, _, Some(mi)) => {
            followed = false;
            let m = &mine.accounts[mi];
            if t.as_ref() != Some(m) {
                conflict = Some(TabConflict {
                    id: id.clone(),
                    name: m.name.clone(),
                    theirs: t.clone(),
                });
            }
        }
    }
    match (theirs, s) {
        (Some(t), Some(si)) => saved.accounts[si] = t,
        (Some(t), None) => saved.accounts.push(t),
        (None, Some(si)) => {
            saved.accounts.remove(si);
        }
        (None, None) => {}
    }
    AccountReconciled {
        shown_changed: followed,
        conflict,
    }
}

/// What reconciling one account did to this tab.
#[derive(Debug, Clone, PartialEq)]
pub struct AccountReconciled {
    /// This tab's workspace took the other tab's version (or deletion) of the account.
    pub shown_changed: bool,
    /// Changed on both sides: the user is asked.
    pub conflict: Option<TabConflict>,
}

/// Puts the accounts of `ws` in the order of a stored index (accounts it does not list
/// keep their order, after those it does). True when the order changed.
pub fn follow_index(ws: &mut Workspace, ids: &[Id]) -> bool {
    let rank: std::collections::HashMap<&Id, usize> =
        ids.iter().enumerate().map(|(i, id)| (id, i)).collect();
    let rank_of = |a: &Arc<Account>| rank.get(&a.id).copied().unwrap_or(usize::MAX);
    if ws.accounts.is_sorted_by_key(rank_of) {
        return false;
    }
    ws.accounts.sort_by_key(rank_of);
    true
}

/// Another tab wrote the workspace's other parts (`theirs`, without accounts): adopted
/// unless this tab changed its own since its last save. `saved` takes them either way.
pub fn reconcile_meta(saved: &mut Workspace, mine: &mut Workspace, theirs: Workspace) {
    let adopt = same_meta(saved, mine);
    let with_accounts = |mut meta: Workspace, ws: &mut Workspace| {
        meta.accounts = std::mem::take(&mut ws.accounts);
        *ws = meta;
    };
    if adopt {
        with_accounts(without_accounts(&theirs), mine);
    }
    with_accounts(theirs, saved);
}

fn without_accounts(ws: &Workspace) -> Workspace {
    Workspace {
        accounts: Vec::new(),
        ..ws.clone()
    }
}

fn same_meta(a: &Workspace, b: &Workspace) -> bool {
    a.id == b.id
        && a.name == b.name
        && a.demo == b.demo
        && a.settings == b.settings
        && a.team == b.team
        && a.sync_marks == b.sync_marks
}

/// Settles a conflict: `take_theirs` replaces this tab's version (or removes the account
/// when the other tab deleted it); otherwise this tab's version stays and is saved.
pub fn settle(mine: &mut Workspace, conflict: &TabConflict, take_theirs: bool) {
    if !take_theirs {
        return;
    }
    let pos = mine.accounts.iter().position(|a| a.id == conflict.id);
    match (&conflict.theirs, pos) {
        (Some(t), Some(i)) => mine.accounts[i] = t.clone(),
        (Some(t), None) => mine.accounts.push(t.clone()),
        (None, Some(i)) => {
            mine.accounts.remove(i);
        }
        (None, None) => {}
    }
}

/// What to save while the accounts `held` are in conflict: this tab's workspace with
/// those accounts as storage (`saved`) has them, so nothing of the other tab's is
/// overwritten before the user chooses.
pub fn hold_back(saved: &Workspace, mine: &Workspace, held: &[Id]) -> Workspace {
    if held.is_empty() {
        return mine.clone();
    }
    let mut out = mine.clone();
    out.accounts
        .retain(|a| !held.contains(&a.id) || saved.shared(&a.id).is_some());
    for a in out.accounts.iter_mut() {
        if let Some(s) = held.contains(&a.id).then(|| saved.shared(&a.id)).flatten() {
            *a = s.clone();
        }
    }
    for id in held {
        if let (None, Some(s)) = (mine.account(id), saved.shared(id)) {
            out.accounts.push(s.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn acc(id: &str, name: &str) -> Account {
        Account {
            id: Id::new(id),
            name: name.into(),
            ..Account::default()
        }
    }

    fn ws(accounts: Vec<Account>) -> Workspace {
        Workspace {
            accounts: accounts.into_iter().map(Arc::new).collect(),
            ..Workspace::default()
        }
    }

    fn names(ws: &Workspace) -> Vec<&str> {
        ws.accounts.iter().map(|a| a.name.as_str()).collect()
    }

    #[test]
    fn an_account_changed_only_in_the_other_tab_is_adopted() {
        let saved = ws(vec![acc("a", "Acme"), acc("b", "Beta")]);
        let mine = saved.clone();
        let theirs = ws(vec![acc("a", "Acme Corp"), acc("b", "Beta")]);
        let r = reconcile(&saved, &mine, &theirs);
        assert_eq!(names(&r.mine), ["Acme Corp", "Beta"]);
        assert!(r.conflicts.is_empty());
        assert_eq!(r.saved, theirs);
    }

    #[test]
    fn different_accounts_edited_in_two_tabs_both_survive() {
        let saved = ws(vec![acc("a", "Acme"), acc("b", "Beta")]);
        let mine = ws(vec![acc("a", "Acme (mine)"), acc("b", "Beta")]);
        let theirs = ws(vec![acc("a", "Acme"), acc("b", "Beta (theirs)")]);
        let r = reconcile(&saved, &mine, &theirs);
        assert_eq!(names(&r.mine), ["Acme (mine)", "Beta (theirs)"]);
        assert!(r.conflicts.is_empty());
    }

    #[test]
    fn the_same_account_edited_in_two_tabs_is_a_conflict_and_mine_is_kept_meanwhile() {
        let saved = ws(vec![acc("a", "Acme")]);
        let mine = ws(vec![acc("a", "Acme (mine)")]);
        let theirs = ws(vec![acc("a", "Acme (theirs)")]);
        let r = reconcile(&saved, &mine, &theirs);
        assert_eq!(names(&r.mine), ["Acme (mine)"]);
        assert_eq!(r.conflicts.len(), 1);
        assert_eq!(
            r.conflicts[0].theirs.as_ref().unwrap().name,
            "Acme (theirs)"
        );

        let mut take = r.mine.clone();
        settle(&mut take, &r.conflicts[0], true);
        assert_eq!(names(&take), ["Acme (theirs)"]);
        let mut keep = r.mine.clone();
        settle(&mut keep, &r.conflicts[0], false);
        assert_eq!(names(&keep), ["Acme (mine)"]);
    }

    #[test]
    fn new_accounts_on_both_sides_are_all_kept_and_deletions_follow_when_unedited() {
        let saved = ws(vec![acc("a", "Acme"), acc("d", "Doomed")]);
        let mine = ws(vec![
            acc("a", "Acme"),
            acc("d", "Doomed"),
            acc("m", "Mine new"),
        ]);
        let theirs = ws(vec![acc("a", "Acme"), acc("t", "Theirs new")]);
        let r = reconcile(&saved, &mine, &theirs);
        assert_eq!(names(&r.mine), ["Acme", "Theirs new", "Mine new"]);
        assert!(r.conflicts.is_empty());
    }

    #[test]
    fn an_account_deleted_there_but_edited_here_is_asked_about_and_kept_meanwhile() {
        let saved = ws(vec![acc("a", "Acme")]);
        let mine = ws(vec![acc("a", "Acme edited")]);
        let theirs = ws(vec![]);
        let r = reconcile(&saved, &mine, &theirs);
        assert_eq!(names(&r.mine), ["Acme edited"]);
        assert_eq!(r.conflicts.len(), 1);
        assert!(r.conflicts[0].theirs.is_none());
        let mut take = r.mine.clone();
        settle(&mut take, &r.conflicts[0], true);
        assert!(take.accounts.is_empty());
    }

    #[test]
    fn held_accounts_are_saved_as_storage_has_them_and_the_rest_as_shown() {
        let saved = ws(vec![acc("a", "Acme (theirs)"), acc("b", "Beta")]);
        let mine = ws(vec![
            acc("a", "Acme (mine)"),
            acc("b", "Beta edited"),
            acc("n", "New"),
        ]);
        let out = hold_back(&saved, &mine, &[Id::new("a")]);
        assert_eq!(names(&out), ["Acme (theirs)", "Beta edited", "New"]);
        // Deleted there, edited here: stays deleted in storage until settled.
        let out = hold_back(&ws(vec![]), &ws(vec![acc("a", "Acme")]), &[Id::new("a")]);
        assert!(out.accounts.is_empty());
        assert_eq!(hold_back(&saved, &mine, &[]), mine);
    }

    #[test]
    fn settings_follow_the_other_tab_unless_changed_here() {
        let saved = ws(vec![]);
        let mut theirs = saved.clone();
        theirs.settings.currency = "EUR".into();
        let r = reconcile(&saved, &saved, &theirs);
        assert_eq!(r.mine.settings.currency, "EUR");
        let mut mine = saved.clone();
        mine.settings.currency = "GBP".into();
        let r = reconcile(&saved, &mine, &theirs);
        assert_eq!(r.mine.settings.currency, "GBP");
    }

    use proptest::prelude::*;
    use std::collections::BTreeMap;

    const IDS: [&str; 4] = ["a", "b", "c", "d"];

    /// Each pool id absent or in one of three versions.
    fn arb_side() -> impl Strategy<Value = Vec<Option<u8>>> {
        proptest::collection::vec(proptest::option::of(0u8..3), IDS.len())
    }

    fn side(versions: &[Option<u8>]) -> Workspace {
        ws(IDS
            .iter()
            .zip(versions)
            .filter_map(|(id, v)| v.map(|v| acc(id, &format!("{id}{v}"))))
            .collect())
    }

    fn by_id(ws: &Workspace) -> BTreeMap<String, Account> {
        ws.accounts
            .iter()
            .map(|a| (a.id.to_string(), Account::clone(a)))
            .collect()
    }

    proptest! {
        #[test]
        fn one_account_written_there_reconciles_as_the_whole_workspace_would(
            saved in arb_side(),
            mine in arb_side(),
            which in 0..IDS.len(),
            theirs in proptest::option::of(0u8..3),
        ) {
            let (saved, mine) = (side(&saved), side(&mine));
            let id = Id::new(IDS[which]);
            let t = theirs.map(|v| acc(IDS[which], &format!("{}{v}", IDS[which])));
            let mut stored = saved.clone();
            match (&t, stored.accounts.iter().position(|a| a.id == id)) {
                (Some(t), Some(i)) => stored.accounts[i] = Arc::new(t.clone()),
                (Some(t), None) => stored.accounts.push(Arc::new(t.clone())),
                (None, Some(i)) => { stored.accounts.remove(i); }
                (None, None) => {}
            }
            let whole = reconcile(&saved, &mine, &stored);
            let (mut s, mut m) = (saved.clone(), mine.clone());
            let r = reconcile_account(&mut s, &mut m, &id, t);
            prop_assert_eq!(by_id(&m), by_id(&whole.mine));
            prop_assert_eq!(by_id(&s), by_id(&whole.saved));
            prop_assert_eq!(r.conflict.into_iter().collect::<Vec<_>>(), whole.conflicts);
            prop_assert_eq!(r.shown_changed, by_id(&m) != by_id(&mine));
        }
    }

    #[test]
    fn the_index_of_another_tab_orders_the_accounts_it_lists() {
        let mut w = ws(vec![
            acc("a", "A"),
            acc("b", "B"),
            acc("c", "C"),
            acc("d", "D"),
        ]);
        assert!(follow_index(
            &mut w,
            &[Id::new("c"), Id::new("x"), Id::new("a")]
        ));
        assert_eq!(names(&w), ["C", "A", "B", "D"]);
        assert!(!follow_index(&mut w, &[Id::new("c"), Id::new("a")]));
        assert_eq!(names(&w), ["C", "A", "B", "D"]);
    }

    #[test]
    fn settings_of_another_tab_are_adopted_unless_changed_here() {
        let saved = ws(vec![acc("a", "A")]);
        let mut theirs = without_accounts(&saved);
        theirs.name = "Theirs".into();
        let (mut s, mut m) = (saved.clone(), saved.clone());
        reconcile_meta(&mut s, &mut m, theirs.clone());
        assert_eq!((s.name.as_str(), m.name.as_str()), ("Theirs", "Theirs"));
        assert_eq!((names(&s), names(&m)), (vec!["A"], vec!["A"]));
        let (mut s, mut m) = (saved.clone(), saved.clone());
        m.name = "Mine".into();
        reconcile_meta(&mut s, &mut m, theirs);
        assert_eq!((s.name.as_str(), m.name.as_str()), ("Theirs", "Mine"));
    }
}
