//! The start: what storage holds, read and decoded, becomes the app's state, repaired
//! where it must be, or the demo workspace on a first visit.

use super::{mark, new_workspace_id, AppState};
use crate::domain::demo::demo_workspace;
use crate::domain::model::Workspace;
use crate::persist::browser;
use crate::persist::codec::{self, Loaded, Quarantined};

/// What storage held when the app started.
pub enum Stored {
    /// Nothing of ours: a first visit.
    Nothing,
    /// Our values, decoded.
    Decoded(Box<Loaded>),
    /// Storage could not be read, with the reason.
    Unavailable(String),
}

impl Stored {
    /// Reads and decodes every value of ours in storage.
    pub fn read() -> Stored {
        mark("load-start");
        let entries = match browser::read_all() {
            Ok(entries) => entries,
            Err(e) => return Stored::Unavailable(e.to_string()),
        };
        mark("load-read");
        let stored = if entries.iter().any(|(key, _)| codec::is_data_key(key)) {
            Stored::Decoded(Box::new(codec::decode_storage(&entries)))
        } else {
            Stored::Nothing
        };
        mark("load-decoded");
        stored
    }
}

/// What the app starts from.
pub(super) struct Start {
    pub workspace: Workspace,
    /// What storage holds now: nothing on a first visit.
    pub saved: Workspace,
    /// True when the workspace is a first visit's demo, not stored yet.
    pub first_visit: bool,
    pub problem: Option<String>,
    pub quarantined: Vec<Quarantined>,
    pub read_only: Option<String>,
}

impl Start {
    /// The start from `stored`, after writing the repairs it needs (unless storage holds a
    /// newer version's data, which must not be written at all).
    pub fn from(stored: Stored, today: chrono::NaiveDate) -> Start {
        let not_stored = |e: &dyn std::fmt::Display| {
            Some(format!("{e}: your changes are kept in this page only."))
        };
        let mut start = match stored {
            Stored::Decoded(loaded) if !loaded.fresh => {
                // Empty when storage holds a newer version's data.
                let repairs = loaded.repair_writes();
                let Loaded {
                    workspace,
                    quarantined,
                    refused_newer,
                    ..
                } = *loaded;
                let problem =
                    browser::apply(repairs.iter().map(|(k, v)| (k.as_str(), v.as_deref())))
                        .err()
                        .and_then(|e| not_stored(&e));
                Start {
                    saved: workspace.clone(),
                    workspace,
                    first_visit: false,
                    problem,
                    quarantined,
                    read_only: refused_newer.map(|newer| newer.message()),
                }
            }
            // A first visit opens the demo workspace, clearly marked; it is only written to
            // storage once the user changes something.
            Stored::Decoded(_) | Stored::Nothing => Start {
                workspace: demo_workspace(today),
                saved: Workspace::default(),
                first_visit: true,
                problem: None,
                quarantined: Vec::new(),
                read_only: None,
            },
            Stored::Unavailable(e) => Start {
                workspace: Workspace::default(),
                saved: Workspace::default(),
                first_visit: false,
                problem: not_stored(&e),
                quarantined: Vec::new(),
                read_only: None,
            },
        };
        // A workspace without an id gets one on its first save.
        if start.workspace.id.as_str().is_empty() {
            start.workspace.id = new_workspace_id();
        }
        mark("load-copied");
        start
    }
}

impl AppState {
    /// The app's state, started from what storage held (read and decoded before the app
    /// mounts), following other tabs and saving what is queued when the page goes away.
    pub fn load(stored: Stored) -> Self {
        let today = chrono::Local::now().date_naive();
        let state = AppState::new(Start::from(stored, today), today);
        super::save::flush_on_page_hide(state);
        super::tabs::follow_other_tabs(state);
        state
    }
}
