//! Fuzzing the import path, on stable Rust: bytes → text (decoded lossily, as the browser's
//! file reader does) → JSON → validation → migration → merge into a real workspace.
//!
//! Inputs are real exports (the frozen fixtures, the demo workspace, synthetic workspaces,
//! single-account files) mutated at random: bytes flipped, inserted, deleted, duplicated,
//! JSON tokens spliced in, pieces of other files spliced across. Every input must end in a
//! merged workspace that validates, or in a refusal whose every problem says something;
//! nothing may panic. A panicking input is written to `tests/fuzz-regressions/` and the
//! test fails; every file there is replayed on every run.
//!
//! `make test` runs a short fuzz (`FUZZ_SECONDS`, default 60 s, or `FUZZ_CASES` cases,
//! whichever ends first); `make fuzz` runs a long one. The seed is printed so a run can be
//! repeated with `FUZZ_SEED`.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use account_planner::domain::merge::Choices;
use account_planner::domain::model::Workspace;
use account_planner::domain::sample::demo::demo_workspace;
use account_planner::domain::sample::synthetic::{synthetic_workspace, SMALL};
use account_planner::domain::validate::validate;
use account_planner::persist::export::json::{export_account, export_workspace, parse_import};
use account_planner::persist::merge::merge_file;
use chrono::{NaiveDate, TimeZone, Utc};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

fn regressions_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions")
}

/// The seed corpus: real files of every kind the app writes or has written.
fn corpus() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = vec![
        fs::read(root.join("tests/fixtures/workspace-v0.json")).unwrap(),
        fs::read(root.join("tests/fixtures/workspace-v1.json")).unwrap(),
        fs::read(root.join("tests/fixtures/workspace-v2.json")).unwrap(),
        fs::read(root.join("tests/fixtures/workspace-v3.json")).unwrap(),
    ];
    let demo = demo_workspace(today());
    out.push(export_workspace(&demo, chrono::DateTime::UNIX_EPOCH).into_bytes());
    out.push(
        export_account(&demo, &demo.accounts[0].id, chrono::DateTime::UNIX_EPOCH)
            .unwrap()
            .into_bytes(),
    );
    for seed in 1..=3 {
        let ws = synthetic_workspace(seed, 1 + seed as usize, &SMALL, today());
        out.push(export_workspace(&ws, chrono::DateTime::UNIX_EPOCH).into_bytes());
        out.push(
            export_account(&ws, &ws.accounts[0].id, chrono::DateTime::UNIX_EPOCH)
                .unwrap()
                .into_bytes(),
        );
    }
    out
}

/// SplitMix64: small, fast and reproducible from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Tokens that stress a JSON reader and the model's rules.
const TOKENS: &[&str] = &[
    "null",
    "true",
    "-1",
    "0",
    "1.5",
    "1e308",
    "-1e308",
    "18446744073709551616",
    "\"\"",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "\"\u{202e}\"",
    "\"<script>alert(1)</script>\"",
    "\"9999-99-99\"",
    "\"2026-02-30\"",
    "[]",
    "{}",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    "\"schema_version\":99",
    "\"schema_version\":0",
    "\"id\":\"x\"",
    ",",
    ":",
    "\"",
    "\\",
];

fn mutate(rng: &mut Rng, corpus: &[Vec<u8>]) -> Vec<u8> {
    let mut data = corpus[rng.below(corpus.len())].clone();
    for _ in 0..1 + rng.below(4) {
        let len = data.len();
        let at = rng.below(len + 1);
        match rng.below(9) {
            0 if len > 0 => data[at.min(len - 1)] ^= 1 << rng.below(8),
            1 => data.insert(at, rng.next() as u8),
            2 => {
                let end = (at + 1 + rng.below(64)).min(len);
                data.drain(at..end);
            }
            3 => {
                let end = (at + rng.below(256)).min(len);
                let piece = data[at..end].to_vec();
                let to = rng.below(data.len() + 1);
                data.splice(to..to, piece);
            }
            4 | 5 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                // Replace a value-sized run, so numbers and strings turn into other things.
                let end = (at + rng.below(12)).min(len);
                data.splice(at..end, token.iter().copied());
            }
            6 => data.truncate(at),
            7 => {
                let other = &corpus[rng.below(corpus.len())];
                let from = rng.below(other.len());
                let end = (from + rng.below(512)).min(other.len());
                data.splice(at..at, other[from..end].iter().copied());
            }
            _ => {
                // Swap one ASCII digit for another: dates, amounts and versions shift.
                if let Some(pos) = (0..64)
                    .map(|_| rng.below(len.max(1)))
                    .find(|&p| data.get(p).is_some_and(u8::is_ascii_digit))
                {
                    data[pos] = b'0' + rng.below(10) as u8;
                }
            }
        }
    }
    data
}

/// The whole import path for one input: whether it was accepted, or what went wrong.
fn import_path(bytes: &[u8], local: &Workspace) -> Result<bool, String> {
    let text = String::from_utf8_lossy(bytes);
    match parse_import(&text) {
        Err(problems) => {
            if problems.is_empty() {
                return Err("refused without a problem".into());
            }
            if let Some(p) = problems.iter().find(|p| p.message.trim().is_empty()) {
                return Err(format!("a problem without a message at {:?}", p.path));
            }
            Ok(false)
        }
        Ok(file) => {
            let now = Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap();
            let merged = merge_file(local, &file, &Choices::default(), now).workspace;
            let problems = validate(&merged);
            if problems.is_empty() {
                Ok(true)
            } else {
                Err(format!(
                    "an accepted file merged into an invalid workspace: {problems:?}"
                ))
            }
        }
    }
}

/// Runs one input, turning a panic into an error.
fn check(bytes: &[u8], local: &Workspace) -> Result<bool, String> {
    match catch_unwind(AssertUnwindSafe(|| import_path(bytes, local))) {
        Ok(result) => result,
        Err(panic) => Err(format!(
            "panicked: {}",
            panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("(no message)")
        )),
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn the_seed_corpus_imports_cleanly() {
    let local = demo_workspace(today());
    for (i, file) in corpus().iter().enumerate() {
        let text = String::from_utf8_lossy(file);
        assert!(parse_import(&text).is_ok(), "corpus file {i} is refused");
        check(file, &local).unwrap_or_else(|e| panic!("corpus file {i}: {e}"));
    }
}

#[test]
fn every_kept_regression_is_handled() {
    let local = demo_workspace(today());
    let Ok(entries) = fs::read_dir(regressions_dir()) else {
        return; // none kept yet
    };
    for entry in entries {
        let path = entry.unwrap().path();
        let bytes = fs::read(&path).unwrap();
        check(&bytes, &local).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}

#[test]
fn fuzz_the_import_path() {
    let seconds = env_number("FUZZ_SECONDS", 60);
    let max_cases = env_number("FUZZ_CASES", 100_000);
    let seed = env_number("FUZZ_SEED", 0x5EED_1A2B);
    let corpus = corpus();
    let local = demo_workspace(today());
    let mut rng = Rng(seed);
    let started = Instant::now();
    let budget = Duration::from_secs(seconds);
    let (mut cases, mut accepted) = (0u64, 0u64);
    let mut slowest = Duration::ZERO;
    // The default panic hook would print every caught panic; failures are reported below.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let mut failure = None;
    while cases < max_cases && started.elapsed() < budget {
        let input = mutate(&mut rng, &corpus);
        let t = Instant::now();
        let result = check(&input, &local);
        slowest = slowest.max(t.elapsed());
        cases += 1;
        match result {
            Ok(true) => accepted += 1,
            Ok(false) => {}
            Err(e) => {
                failure = Some((input, e));
                break;
            }
        }
    }
    std::panic::set_hook(hook);
    println!(
        "fuzz: {cases} cases in {:.1} s (seed {seed:#x}), {accepted} accepted, slowest case {:.1} ms",
        started.elapsed().as_secs_f64(),
        slowest.as_secs_f64() * 1000.0
    );
    if let Some((input, e)) = failure {
        let dir = regressions_dir();
        fs::create_dir_all(&dir).unwrap();
        let name = format!("case-{seed:x}-{cases}.json");
        fs::write(dir.join(&name), &input).unwrap();
        panic!("fuzz case {cases} failed ({e}); kept as tests/fuzz-regressions/{name}");
    }
}
