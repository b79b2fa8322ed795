//! Native benchmarks of the domain and persistence code on the synthetic 1,000-account
//! workspace (`synthetic::BENCH`: 30 contacts, 200 interactions, 20 opportunities per
//! account). Run with `cargo bench --profile benchmark --bench domain` (the release
//! settings); `make bench` reads the medians from `target/criterion/<name>/new/estimates.json`.
//! Sample counts and times are kept small so the whole file runs in a couple of minutes on
//! two cores.

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use account_planner::domain::model::{Id, Workspace};
use account_planner::domain::portfolio::portfolio;
use account_planner::domain::sample::synthetic::{synthetic_workspace, BENCH};
use account_planner::domain::scoring::score_account;
use account_planner::domain::validate::validate;
use account_planner::persist::codec::{
    decode_storage, encode_account, encode_index, encode_storage, storage_writes,
    writes_after_loss, Scope,
};
use account_planner::persist::export::json::{export_workspace, parse_import};
use account_planner::persist::merge::{apply_merge, plan_merge, Choices};
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
fn two_devices() -> (Workspace, Workspace) {
    let mark = at(today(), 8);
    let later = at(today() + Days::new(3), 9);
    let mut local = workspace();
    let mut incoming = local.clone();
    incoming.id = Id::new("ws-other-device");
    incoming.name = "Other device".into();
    local.sync_marks.insert(incoming.id.clone(), mark);
    for (i, a) in incoming.accounts.iter_mut().map(Arc::make_mut).enumerate() {
        if i % 10 == 0 {
            a.name.push_str(" (renamed)");
            a.plan.revenue.commitment = a.plan.revenue.commitment.map(|c| c * 1.1);
            a.updated_at = Some(later);
        }
    }
    for (i, a) in local.accounts.iter_mut().map(Arc::make_mut).enumerate() {
        if i % 25 == 0 {
            a.notes.push_str("Edited here.");
            a.updated_at = Some(later);
        }
    }
    let mut k = 0;
    incoming.accounts.retain(|_| {
        k += 1;
        k % 50 != 0
    });
    let extra = synthetic_workspace(2, 50, &BENCH, today());
    for a in extra.accounts {
        let mut a = Arc::unwrap_or_clone(a);
        a.id = Id(format!("new-{}", a.id));
        a.updated_at = Some(later);
        incoming.accounts.push(Arc::new(a));
    }
    (local, incoming)
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

    let text = export_workspace(&ws);
    c.bench_function("json_encode_1000", |b| {
        b.iter(|| black_box(export_workspace(&ws)))
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
        b.iter(|| {
            let plan = plan_merge(&local, &incoming);
            black_box(apply_merge(
                &local,
                &incoming,
                &plan,
                &Choices::default(),
                at(today() + Days::new(3), 10),
            ))
        })
    });
}

criterion_group! {
    name = domain;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    targets = benches
}
criterion_main!(domain);
