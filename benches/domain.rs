//! Native benchmarks of the domain and persistence code on the synthetic 1,000-account
//! workspace (`synthetic::BENCH`: 30 contacts, 200 interactions, 20 opportunities per
//! account). Run with `cargo bench --profile benchmark --bench domain` (the release
//! settings); `make bench` reads the medians from `target/criterion/<name>/new/estimates.json`.
//! Sample counts and times are kept small so the whole file runs in a couple of minutes on
//! two cores.

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use account_planner::domain::agenda::{agenda, Whose};
use account_planner::domain::merge::{
    merge, stamp_changes, stamp_team_changes, Choices, Scope as MergeScope,
};
use account_planner::domain::model::{Account, Id, Workspace};
use account_planner::domain::portfolio::portfolio;
use account_planner::domain::sample::synthetic::{synthetic_workspace, BENCH};
use account_planner::domain::scoring::score_account;
use account_planner::domain::search::{index, search};
use account_planner::domain::validate::validate;
use account_planner::persist::codec::{
    decode_storage, encode_account, encode_index, encode_storage, storage_writes,
    writes_after_loss, Scope,
};
use account_planner::persist::export::json::{export_workspace, parse_import};
use chrono::{DateTime, Days, NaiveDate, Utc};
use criterion::{criterion_group, criterion_main, Criterion};

const ACCOUNTS: usize = 1000;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).expect("valid date")
}

fn at(d: NaiveDate, hour: u32) -> DateTime<Utc> {
    d.and_hms_opt(hour, 0, 0).expect("valid time").and_utc()
}

fn workspace() -> Workspace {
    synthetic_workspace(1, ACCOUNTS, &BENCH, today())
}

/// What another device exports after a merge with `local` (the sync mark) and a week of
/// work there: every tenth account edited, every fiftieth deleted, 50 accounts added.
/// Local edited every 25th account meanwhile, so some accounts conflict.
/// Two copies of the 1,000 benchmark accounts that last saw each other at `mark`: 100
/// accounts edited on both sides since (different entities on each side, and the same
/// contact in 10 of them: conflicts), 20 deleted there, 50 new there.
fn two_devices() -> (Workspace, Workspace) {
    let mark = at(today(), 8);
    let here = at(today() + Days::new(3), 9);
    let there = at(today() + Days::new(3), 10);
    let mut local = workspace();
    let mut incoming = local.clone();
    incoming.id = Id::new("ws-other-device");
    incoming.name = "Other device".into();
    local.sync_marks.insert(incoming.id.clone(), mark);
    incoming.sync_marks.insert(local.id.clone(), mark);
    for i in (0..1000).step_by(10) {
        edit(&mut local, i, here, |a| {
            a.plan.contacts[0].title = "Chief Executive".into();
            a.plan.goals.pop();
        });
        edit(&mut incoming, i, there, |a| {
            a.plan.contacts[1].title = "Head of Procurement".into();
            a.plan.revenue.commitment = a.plan.revenue.commitment.map(|c| c * 1.1);
            if i % 100 == 0 {
                a.plan.contacts[0].title = "Chair".into();
            }
        });
    }
    let before = incoming.clone();
    let mut k = 0;
    incoming.accounts.retain(|_| {
        k += 1;
        k % 50 != 3
    });
    stamp_team_changes(&before, &mut incoming, there);
    let extra = synthetic_workspace(2, 50, &BENCH, today());
    for a in extra.accounts {
        let mut a = Arc::unwrap_or_clone(a);
        a.id = Id(format!("new-{}", a.id));
        a.updated_at = Some(there);
        incoming.accounts.push(Arc::new(a));
    }
    (local, incoming)
}

/// An edit of account `i` at `when`, stamped as the app stamps it.
fn edit(ws: &mut Workspace, i: usize, when: DateTime<Utc>, f: impl FnOnce(&mut Account)) {
    let before = ws.accounts[i].clone();
    let a = Arc::make_mut(&mut ws.accounts[i]);
    f(a);
    stamp_changes(&before, a, when);
    a.updated_at = Some(when);
}

fn benches(c: &mut Criterion) {
    let ws = workspace();
    assert!(validate(&ws).is_empty(), "the synthetic workspace is valid");

    c.bench_function("score_1000", |b| {
        b.iter(|| {
            for a in &ws.accounts {
                black_box(score_account(a, &ws.settings, today()));
            }
        })
    });
    c.bench_function("portfolio_1000", |b| {
        b.iter(|| black_box(portfolio(&ws, today())))
    });
    c.bench_function("validate_1000", |b| b.iter(|| black_box(validate(&ws))));

    let text = export_workspace(&ws, at(today(), 12));
    c.bench_function("json_encode_1000", |b| {
        b.iter(|| black_box(export_workspace(&ws, at(today(), 12))))
    });
    c.bench_function("json_decode_1000", |b| {
        b.iter(|| black_box(parse_import(&text).expect("the export imports")))
    });
    drop(text);

    // What loading the stored workspace decodes (every key on its own).
    let stored = encode_storage(&ws);
    c.bench_function("storage_decode_1000", |b| {
        b.iter(|| black_box(decode_storage(&stored)))
    });
    drop(stored);

    // The app copies the workspace once on load, as what storage holds.
    c.bench_function("workspace_clone_1000", |b| b.iter(|| black_box(ws.clone())));

    // The writes from the stored workspace to one with a keystroke in account 500: with
    // every account compared (a save that does not know what changed), and as the app
    // saves a keystroke, scoped to that account (one compared and encoded, packed).
    let mut edited = ws.clone();
    Arc::make_mut(&mut edited.accounts[500]).notes.push('x');
    c.bench_function("storage_writes_1_edit_1000", |b| {
        b.iter(|| black_box(storage_writes(&ws, &edited)))
    });
    let present: Vec<String> = encode_storage(&ws).into_iter().map(|(k, _)| k).collect();
    let index = encode_index(&ws);
    let scope = Scope::Accounts([edited.accounts[500].id.clone()].into_iter().collect());
    c.bench_function("storage_writes_keystroke_1000", |b| {
        b.iter(|| {
            black_box(writes_after_loss(
                &ws,
                &present,
                Some(&index),
                &edited,
                &scope,
            ))
        })
    });
    c.bench_function("encode_account_busy", |b| {
        b.iter(|| black_box(encode_account(&edited.accounts[500])))
    });
    drop(edited);

    let (local, incoming) = two_devices();
    c.bench_function("merge_1000", |b| {
        let now = at(today() + Days::new(4), 10);
        b.iter(|| {
            black_box(merge(
                &local,
                &incoming,
                MergeScope::Workspace,
                &Choices::default(),
                now,
                now,
            ))
        })
    });
}

/// My week over the 1,000 accounts (everyone's), and search: building the index once, then
/// a keystroke (the query as typed so far, a contact's name) over it.
fn week_and_search(c: &mut Criterion) {
    let ws = workspace();
    c.bench_function("agenda_1000", |b| {
        b.iter(|| black_box(agenda(&ws, &Whose::Everyone, today())))
    });
    c.bench_function("search_index_1000", |b| b.iter(|| black_box(index(&ws))));
    let ix = index(&ws);
    let name = ws.accounts[500].plan.contacts[7].name.clone();
    let typed = &name[..name.len().min(5)];
    c.bench_function("search_keystroke_1000", |b| {
        b.iter(|| black_box(search(&ws, &ix, typed, 8)))
    });
    c.bench_function("search_keystroke_1letter_1000", |b| {
        b.iter(|| black_box(search(&ws, &ix, "a", 8)))
    });
}

criterion_group! {
    name = domain;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    targets = benches, week_and_search
}
criterion_main!(domain);
