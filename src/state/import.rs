//! Importing a file: read, checked completely and previewed; nothing changes until the
//! user has chosen how to settle each conflict.

use std::borrow::Cow;

use chrono::Utc;
use leptos::prelude::*;

use super::{new_workspace_id, AppState};
use crate::domain::model::Workspace;
use crate::domain::validate::Problem;
use crate::persist::browser;
use crate::persist::export::json::{self, ImportFile};
use crate::persist::export::link;
use crate::persist::merge::{self, Choices, MergePlan};

/// Larger files are refused before reading: a real workspace of 1,000 accounts is a few
/// megabytes, and reading hundreds of megabytes would freeze the page.
const MAX_IMPORT_BYTES: f64 = 25.0 * 1024.0 * 1024.0;

/// What the preview and its messages call the plan of a share link.
const SHARED_LINK: &str = "Shared link";

/// A checked import file and what merging it would do.
#[derive(Clone, Debug)]
pub struct PendingImport {
    pub file_name: String,
    pub file: ImportFile,
    pub plan: MergePlan,
}

impl AppState {
    /// Reads a picked or dropped file and hands it to the import check.
    pub fn import_file(&self, file: web_sys::File) {
        let name = file.name();
        if file.size() > MAX_IMPORT_BYTES {
            self.refuse_import(
                &name,
                format!(
                    "the file is {:.1} MB; files over {:.0} MB are not imported",
                    file.size() / 1_048_576.0,
                    MAX_IMPORT_BYTES / 1_048_576.0
                ),
            );
            return;
        }
        let state = *self;
        leptos::task::spawn_local(async move {
            match browser::read_file_text(&file).await {
                Ok(text) => state.start_import(&name, &text),
                Err(e) => state.refuse_import(&name, format!("the file could not be read: {e}")),
            }
        });
    }

    /// Reads an import file's text, checks it completely and plans the merge; nothing
    /// changes until `apply_import`. Problems are kept for the page to show.
    pub fn start_import(&self, file_name: &str, text: &str) {
        self.finish_loading();
        self.import_done.set(None);
        let result = json::parse_import(text).map(|file| {
            let plan = self
                .workspace
                .with_untracked(|local| merge::plan_merge(&import_base(local), &file.workspace));
            PendingImport {
                file_name: file_name.to_string(),
                file,
                plan,
            }
        });
        match result {
            Ok(pending) => {
                self.import_errors.set(None);
                self.pending_import.set(Some(pending));
            }
            Err(problems) => {
                self.pending_import.set(None);
                self.import_errors
                    .set(Some((file_name.to_string(), problems)));
            }
        }
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
        self.import_errors.set(Some((
            file_name.to_string(),
            vec![Problem {
                path: String::new(),
                message: why,
            }],
        )));
    }

    /// Applies the pending import with the user's choices.
    pub fn apply_import(&self, choices: &Choices) {
        self.finish_loading();
        let Some(pending) = self.pending_import.get_untracked() else {
            return;
        };
        let merged = self.workspace.with_untracked(|local| {
            merge::apply_merge(
                &import_base(local),
                &pending.file.workspace,
                &pending.plan,
                choices,
                Utc::now(),
            )
        });
        let before = self
            .workspace
            .with_untracked(|ws| if ws.demo { 0 } else { ws.accounts.len() });
        let added = merged.accounts.len().saturating_sub(before);
        self.write.set(merged);
        self.pending_import.set(None);
        self.import_done.set(Some(format!(
            "Imported {}: {added} account{} added, the rest merged as you chose.",
            pending.file_name,
            if added == 1 { "" } else { "s" }
        )));
        self.schedule_save(None);
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
