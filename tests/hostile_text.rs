//! Hostile text: markup, script, `javascript:` URLs, right-to-left overrides, emoji, NUL
//! characters and very long notes survive export and import exactly; and no view sets
//! HTML from a string (`inner_html`), so such text is only ever shown as text.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;
use std::sync::Arc;

use account_planner::domain::model::{Id, Workspace};
use account_planner::domain::sample::demo::demo_workspace;
use account_planner::persist::export::json::{export_account, export_workspace, parse_import};
use chrono::NaiveDate;
use proptest::prelude::*;

const HOSTILE: &[&str] = &[
    "<img src=x onerror=alert(1)>",
    "</script><script>alert('x')</script>",
    "javascript:alert(document.cookie)",
    "\u{202e}gnp.exe\u{202c} invoice",
    "emoji 🧭🚀👩🏽‍💼 and a flag 🇳🇴",
    "NUL\u{0}in the middle",
    "quotes \" ' ` and backslash \\ and a tab\t",
    "=HYPERLINK(\"http://evil\")",
    "line\r\nbreaks\nand\rmore",
    "\u{feff}BOM at the start",
];

fn workspace_with(text: &str) -> Workspace {
    let mut ws = demo_workspace(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
    let a = Arc::make_mut(&mut ws.accounts[0]);
    a.name = text.to_string();
    a.plan.contacts[0].name = text.to_string();
    a.plan.contacts[0].major_challenge = text.to_string();
    a.plan.contacts[0].notes = text.to_string();
    a.plan.interactions[0].note = text.to_string();
    ws.team[0].name = text.to_string();
    ws
}

fn round_trip(ws: &Workspace) -> Workspace {
    let file = parse_import(&export_workspace(ws, chrono::DateTime::UNIX_EPOCH))
        .expect("our own export is accepted");
    file.workspace
}

#[test]
fn hostile_strings_round_trip_exactly_in_every_kind_of_file() {
    for text in HOSTILE {
        let ws = workspace_with(text);
        let back = round_trip(&ws);
        assert_eq!(back.accounts[0], ws.accounts[0], "workspace file, {text:?}");
        assert_eq!(back.team[0].name, *text);
        let id: &Id = &ws.accounts[0].id;
        let account =
            parse_import(&export_account(&ws, id, chrono::DateTime::UNIX_EPOCH).unwrap()).unwrap();
        assert_eq!(
            account.workspace.accounts[0], ws.accounts[0],
            "account file, {text:?}"
        );
    }
}

#[test]
fn a_100_kb_note_round_trips() {
    let note: String = "Ünïcödé notes, ".repeat(100 * 1024 / 16);
    assert!(note.len() >= 100 * 1024);
    let ws = workspace_with(&note);
    assert_eq!(round_trip(&ws).accounts[0], ws.accounts[0]);
}

proptest! {
    #[test]
    fn any_text_round_trips(text in "\\PC{0,40}|[\\x00-\\x1f\u{202a}-\u{202e}<>&\"'\\\\]{0,20}") {
        let ws = workspace_with(&text);
        let back = round_trip(&ws);
        prop_assert_eq!(&back.accounts[0], &ws.accounts[0]);
    }
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_view_sets_html_from_a_string() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(files.len() > 20, "the source was found");
    let forbidden = [
        "inner_html",
        "set_inner_html",
        "outer_html",
        "insert_adjacent_html",
    ];
    let mut found = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            if forbidden.iter().any(|f| line.contains(f)) {
                found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "HTML set from strings:\n{}",
        found.join("\n")
    );
}
