//! Importing files: read one after another (with progress, and a way to cancel), each
//! checked completely, then one combined preview; nothing changes until the user has
//! chosen how to settle each conflict.

use std::borrow::Cow;

use chrono::Utc;
use leptos::prelude::*;

use super::load::next_turn;
use super::{new_workspace_id, AppState};
use crate::domain::merge::{Choices, Merged, Status};
use crate::domain::model::Workspace;
use crate::domain::validate::Problem;
use crate::persist::browser;
use crate::persist::export::json::{self, ImportFile};
use crate::persist::export::link;
use crate::persist::merge;

/// Larger files are refused before reading: a busy workspace of 1,000 accounts is a few
/// tens of megabytes, and reading hundreds of megabytes would freeze the page.
const MAX_IMPORT_BYTES: f64 = 100.0 * 1024.0 * 1024.0;

/// What the preview and its messages call the plan of a share link.
const SHARED_LINK: &str = "Shared link";

/// A checked file and its name.
#[derive(Clone, Debug)]
pub struct NamedFile {
    pub name: String,
    pub file: ImportFile,
}

/// Checked files and what merging them would do with the default choices.
#[derive(Clone, Debug)]
pub struct PendingImport {
    pub files: Vec<NamedFile>,
    pub preview: Merged,
    /// Changes pulled from the team database (see `sync`), not files.
    pub from_sync: bool,
}

impl PendingImport {
    /// "“a.json”" or "3 files".
    pub fn title(&self) -> String {
        match self.files.as_slice() {
            [one] => format!("“{}”", one.name),
            files => format!("{} files", files.len()),
        }
    }
}

/// Where the reading of several files stands.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportProgress {
    /// Files read and checked so far.
    pub done: usize,
    pub total: usize,
    /// The file being read.
    pub current: String,
}

impl AppState {
    /// Reads the picked or dropped files one after another and previews them together.
    pub fn import_files(&self, files: Vec<web_sys::File>) {
        if files.is_empty() {
            return;
        }
        let run = self.import_run.get_value() + 1;
        self.import_run.set_value(run);
        self.pending_import.set(None);
        self.import_done.set(None);
        self.import_errors.set(Vec::new());
        let state = *self;
        leptos::task::spawn_local(async move {
            let mut read = Vec::new();
            let total = files.len();
            for (done, file) in files.into_iter().enumerate() {
                let name = file.name();
                let progress = ImportProgress {
                    done,
                    total,
                    current: name.clone(),
                };
                if !state.still_running(run, Some(progress)) {
                    return;
                }
                next_turn().await;
                match state.read_one(&file).await {
                    Ok(text) if state.import_run.get_value() == run => {
                        next_turn().await;
                        state.check_one(&name, &text, &mut read);
                    }
                    Ok(_) => return,
                    Err(why) => state.refused(&name, why),
                }
            }
            if state.still_running(run, None) {
                next_turn().await;
                state.preview(read);
            }
        });
    }

    /// Checks an import's text (a share link's plan) and previews it.
    pub fn start_import(&self, file_name: &str, text: &str) {
        self.import_run.set_value(self.import_run.get_value() + 1);
        self.import_progress.set(None);
        self.import_done.set(None);
        self.import_errors.set(Vec::new());
        let mut read = Vec::new();
        self.check_one(file_name, text, &mut read);
        self.preview(read);
    }

    /// Stops reading files; nothing read so far is kept.
    pub fn cancel_import(&self) {
        self.import_run.set_value(self.import_run.get_value() + 1);
        self.import_progress.set(None);
        self.pending_import.set(None);
    }

    /// Keeps the fragment of the share link the page was opened with (without the `#`)
    /// until the import page opens it.
    pub fn receive_share_link(&self, fragment: String) {
        self.share_link.set(Some(fragment));
    }

    /// Opens the plan of a share link received at start, once, as an import preview
    /// (exactly as a file); or says what is wrong with the link.
    pub fn open_share_link(&self) {
        let Some(fragment) = self.share_link.get_untracked() else {
            return;
        };
        self.share_link.set(None);
        match link::decode(&fragment) {
            Ok(text) => self.start_import(SHARED_LINK, &text),
            Err(e) => self.refuse_import(SHARED_LINK, e.to_string()),
        }
    }

    /// Refuses a file before reading it (too large, unreadable), with the reason.
    pub fn refuse_import(&self, file_name: &str, why: String) {
        self.pending_import.set(None);
        self.import_done.set(None);
        self.import_errors.set(Vec::new());
        self.refused(file_name, why);
    }

    /// Applies the pending import with the user's choices.
    pub fn apply_import(&self, choices: &Choices) {
        self.finish_loading();
        let Some(pending) = self.pending_import.get_untracked() else {
            return;
        };
        if pending.from_sync {
            return self.apply_sync_choices(choices);
        }
        let files = pending.files.iter().map(|f| &f.file);
        let merged = self.workspace.with_untracked(|local| {
            merge::merge_files(&import_base(local), files, choices, Utc::now())
        });
        let added = merged.count(Status::Added);
        let taken = merged
            .changes
            .iter()
            .filter(|c| matches!(c.status, Status::Updated | Status::Removed))
            .count();
        let settled = merged.conflicts().count();
        self.write.set(merged.workspace);
        self.history.update(|h| h.clear());
        self.pending_import.set(None);
        self.import_done.set(Some(format!(
            "Imported {}: {added} added, {taken} changed or removed as in the file, {settled} conflict{} settled as you chose.",
            pending.title(),
            if settled == 1 { "" } else { "s" }
        )));
        self.schedule_save(None);
    }

    /// Whether the run is still the current one; records its progress if so.
    fn still_running(&self, run: u32, progress: Option<ImportProgress>) -> bool {
        let current = self.import_run.get_value() == run;
        if current {
            self.import_progress.set(progress);
        }
        current
    }

    async fn read_one(&self, file: &web_sys::File) -> Result<String, String> {
        if file.size() > MAX_IMPORT_BYTES {
            return Err(format!(
                "the file is {:.1} MB; files over {:.0} MB are not imported",
                file.size() / 1_048_576.0,
                MAX_IMPORT_BYTES / 1_048_576.0
            ));
        }
        browser::read_file_text(file)
            .await
            .map_err(|e| format!("the file could not be read: {e}"))
    }

    /// Checks one file completely; a file with problems is listed with them.
    fn check_one(&self, name: &str, text: &str, read: &mut Vec<NamedFile>) {
        match json::parse_import(text) {
            Ok(file) => read.push(NamedFile {
                name: name.to_string(),
                file,
            }),
            Err(problems) => self
                .import_errors
                .update(|e| e.push((name.to_string(), problems))),
        }
    }

    fn refused(&self, name: &str, why: String) {
        let problem = Problem {
            path: String::new(),
            message: why,
        };
        self.import_errors
            .update(|e| e.push((name.to_string(), vec![problem])));
    }

    /// The combined preview of the checked files, with the default choices.
    fn preview(&self, files: Vec<NamedFile>) {
        self.import_progress.set(None);
        if files.is_empty() {
            return;
        }
        self.finish_loading();
        let checked = files.iter().map(|f| &f.file);
        let preview = self.workspace.with_untracked(|local| {
            merge::merge_files(
                &import_base(local),
                checked,
                &Choices::default(),
                Utc::now(),
            )
        });
        self.pending_import.set(Some(PendingImport {
            files,
            preview,
            from_sync: false,
        }));
    }
}

/// What an import merges into: the workspace, or an empty one when it is the demo (a
/// user importing their own file does not want the made-up accounts mixed in).
fn import_base(local: &Workspace) -> Cow<'_, Workspace> {
    if local.demo {
        Cow::Owned(Workspace {
            id: new_workspace_id(),
            ..Workspace::default()
        })
    } else {
        Cow::Borrowed(local)
    }
}
