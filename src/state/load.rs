//! The start: what storage holds becomes the app's state, repaired where it must be, or
//! the demo workspace on a first visit.
//!
//! With accounts stored, the first screen does not wait for every plan: it shows each
//! account's summary (stored beside it), and the plans are decoded in slices of at most
//! [`SLICE_MS`] after the first render, so the page never freezes meanwhile. Anything that
//! needs the plans (another view, any change, another tab's write) finishes the decode
//! first, at once.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::{give_id, mark, AppState};
use crate::domain::model::{Account, Id, Workspace};
use crate::domain::sample::demo::demo_workspace;
use crate::domain::summary::AccountSummary;
use crate::persist::browser;
use crate::persist::codec::{self, AccountDecodes, Loaded, Quarantined};

/// The longest a slice of the background decode runs before the page gets a turn.
const SLICE_MS: f64 = 25.0;
/// Where the browser cannot say when the page is idle: how long after the first render the
/// decode starts, once the first screen's rows are in.
const FIRST_SLICE_AFTER: i32 = 100;

/// What storage held when the app started.
pub enum Stored {
    /// Nothing of ours: a first visit.
    Nothing,
    /// Our values, every plan decoded (storage that needs more than summaries to show).
    Decoded(Box<Loaded>),
    /// Our values read, and each account's summary: the plans are decoded after the first
    /// render.
    Summarised(Box<Summarised>),
    /// Storage could not be read, with the reason.
    Unavailable(String),
}

/// Storage read, with the summaries of its accounts, and their plans still to decode.
pub struct Summarised {
    entries: Vec<(String, String)>,
    workspace: Workspace,
    summaries: Vec<(Id, AccountSummary)>,
}

impl Stored {
    /// Reads every value of ours in storage, and decodes what the first screen needs.
    pub fn read() -> Stored {
        mark("load-start");
        match browser::read_all() {
            Ok(entries) => Stored::decode(entries),
            Err(e) => Stored::Unavailable(e.to_string()),
        }
    }

    /// [`Stored::read`], giving the page a turn every [`SLICE_MS`] while it reads: a large
    /// storage takes longer than that to read. See [`ReadInTurns::now_or_again`].
    pub async fn read_in_turns() -> ReadInTurns {
        Stored::read_in_turns_of(SLICE_MS).await
    }

    /// [`Stored::read_in_turns`] with turns of `ms` milliseconds.
    pub async fn read_in_turns_of(ms: f64) -> ReadInTurns {
        mark("load-start");
        let written = Rc::new(Cell::new(false));
        let listener = window_event_listener(leptos::ev::storage, {
            let written = written.clone();
            move |ev| {
                if ev.key().is_none_or(|k| k.starts_with(codec::PREFIX)) {
                    written.set(true);
                }
            }
        });
        let stored = match read_values_in_turns(ms).await {
            Ok(entries) => Stored::decode(entries),
            Err(e) => Stored::Unavailable(e.to_string()),
        };
        ReadInTurns {
            stored,
            written,
            listener,
        }
    }

    /// What the first screen needs of what was read.
    fn decode(entries: Vec<(String, String)>) -> Stored {
        mark("load-read");
        let stored = if !entries.iter().any(|(key, _)| codec::is_data_key(key)) {
            Stored::Nothing
        } else if let Some(s) = codec::read_summaries(&entries) {
            Stored::Summarised(Box::new(Summarised {
                workspace: s.workspace,
                summaries: s.accounts,
                entries,
            }))
        } else {
            Stored::Decoded(Box::new(codec::decode_storage(&entries)))
        };
        mark("load-summarised");
        stored
    }
}

/// Storage read in turns, still listening for other tabs' writes: between two turns of
/// the read, and until the app listens itself, another tab may save, and what was read
/// would then mix values from before and after its write (the storage event that tells
/// this tab would also be lost).
pub struct ReadInTurns {
    stored: Stored,
    written: Rc<Cell<bool>>,
    listener: WindowListenerHandle,
}

impl ReadInTurns {
    /// What was read, or, when another tab wrote since the read began, storage read again
    /// now, in one task. Call it in the task that mounts the app, which then listens.
    pub fn now_or_again(self) -> Stored {
        self.listener.remove();
        if self.written.get() {
            Stored::read()
        } else {
            self.stored
        }
    }
}

/// Every value of ours in key order (as [`browser::read_all`] reads them), 50 keys at a
/// time, with a turn for the page every `ms`.
async fn read_values_in_turns(ms: f64) -> Result<Vec<(String, String)>, browser::StorageError> {
    let mut keys = browser::our_keys()?;
    keys.sort_unstable();
    let mut entries = Vec::with_capacity(keys.len());
    let mut turn = now();
    for some in keys.chunks(50) {
        entries.extend(browser::read_values(some.to_vec())?);
        if now() - turn >= ms {
            next_turn().await;
            turn = now();
        }
    }
    Ok(entries)
}

/// Milliseconds on the page's clock.
fn now() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// Resolves in a later task, once the page has had its turn.
pub(super) async fn next_turn() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The accounts not decoded yet, by their summaries, in the index's order.
pub type Pending = Arc<Vec<(Id, AccountSummary)>>;

/// The plans being decoded in the background.
pub(super) enum Decoding {
    /// Plans still to decode.
    Plans {
        entries: Vec<(String, String)>,
        decodes: AccountDecodes,
    },
    /// Every plan decoded and storage decoded with them, waiting for its turn to be handed
    /// to the app (the hand-over, which scores and renders, is a task of its own).
    Done(Box<Loaded>),
}

impl Decoding {
    /// Decodes while `go_on` says so, handing each plan that opened to `decoded`, and
    /// storage with the plans once they are all here.
    fn advance(
        self,
        mut go_on: impl FnMut() -> bool,
        mut decoded: impl FnMut(&Arc<Account>),
    ) -> Decoding {
        let Decoding::Plans {
            entries,
            mut decodes,
        } = self
        else {
            return self;
        };
        loop {
            if !go_on() {
                return Decoding::Plans { entries, decodes };
            }
            if !decodes.decode_next(&entries) {
                break;
            }
            if let Some(account) = decodes.last() {
                decoded(account);
            }
        }
        Decoding::Done(Box::new(codec::decode_storage_with(&entries, decodes)))
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
    /// The accounts known so far by their summaries only, and the decode of their plans.
    pub pending: Option<(Pending, Decoding)>,
}

/// The message of a change kept in this page only.
fn not_stored(e: &dyn std::fmt::Display) -> Option<String> {
    Some(format!("{e}: your changes are kept in this page only."))
}

impl Start {
    /// The start from `stored`.
    pub fn from(stored: Stored, today: chrono::NaiveDate) -> Start {
        let empty = |workspace: Workspace, first_visit: bool, problem: Option<String>| Start {
            saved: Workspace::default(),
            workspace,
            first_visit,
            problem,
            quarantined: Vec::new(),
            read_only: None,
            pending: None,
        };
        let mut start = match stored {
            Stored::Decoded(loaded) if !loaded.fresh => Start::decoded(*loaded),
            // A first visit opens the demo workspace, clearly marked; it is only written to
            // storage once the user changes something.
            Stored::Decoded(_) | Stored::Nothing => empty(demo_workspace(today), true, None),
            Stored::Unavailable(e) => empty(Workspace::default(), false, not_stored(&e)),
            Stored::Summarised(s) => {
                let Summarised {
                    entries,
                    workspace,
                    summaries,
                } = *s;
                let decodes = AccountDecodes::new(&entries);
                Start {
                    saved: workspace.clone(),
                    pending: Some((Arc::new(summaries), Decoding::Plans { entries, decodes })),
                    ..empty(workspace, false, None)
                }
            }
        };
        give_id(&mut start.workspace);
        start
    }

    /// The start from storage fully decoded, after writing the repairs it needs (unless
    /// storage holds a newer version's data, which must not be written at all).
    fn decoded(loaded: Loaded) -> Start {
        // Empty when storage holds a newer version's data.
        let repairs = loaded.repair_writes();
        let problem = browser::apply(repairs.iter().map(|(k, v)| (k.as_str(), v.as_deref())))
            .err()
            .and_then(|e| not_stored(&e));
        let Loaded {
            workspace,
            quarantined,
            refused_newer,
            ..
        } = loaded;
        Start {
            saved: workspace.clone(),
            workspace,
            first_visit: false,
            problem,
            quarantined,
            read_only: refused_newer.map(|newer| newer.message()),
            pending: None,
        }
    }
}

impl AppState {
    /// The app's state, started from what storage held, following other tabs and saving
    /// what is queued when the page goes away. Plans not decoded yet are decoded after the
    /// first render.
    pub fn load(stored: Stored) -> Self {
        let today = chrono::Local::now().date_naive();
        let state = AppState::new(Start::from(stored, today), today);
        mark("load-started");
        super::save::flush_on_page_hide(state);
        super::tabs::follow_other_tabs(state);
        if state.loading.with_untracked(Option::is_some) {
            state.decode_when_idle();
        } else {
            super::mark_after_paint("load-scored");
        }
        state
    }

    /// Starts the decode once the page is idle: after the first screen's rows are in the
    /// document (the portfolio adds them a screenful per turn).
    fn decode_when_idle(self) {
        let start = Closure::once_into_js(move || self.decode_slice());
        if window()
            .request_idle_callback(start.unchecked_ref())
            .is_err()
        {
            // WebKit has no requestIdleCallback.
            _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(
                start.unchecked_ref(),
                FIRST_SLICE_AFTER,
            );
        }
    }

    /// Decodes the next slice of plans once the page has had its turn.
    fn decode_later(self) {
        set_timeout(move || self.decode_slice(), Duration::ZERO);
    }

    /// Decodes plans for at most [`SLICE_MS`]; once they are all decoded, the next task
    /// hands them to the app.
    fn decode_slice(self) {
        let until = now() + SLICE_MS;
        // None: the decode was finished meanwhile, or the app unmounted.
        let Some(Some(decoding)) = self.decoding.try_update_value(Option::take) else {
            return;
        };
        // Each plan is scored as it is decoded, so the hand-over does not score them all.
        let (today, rows) = (self.today, self.rows);
        let decoding = self.workspace.with_untracked(|meta| {
            decoding.advance(
                || now() < until,
                |account| {
                    rows.update_value(|cache| _ = cache.row(meta, account, today));
                },
            )
        });
        let done = matches!(decoding, Decoding::Done(_));
        self.decoding.set_value(Some(decoding));
        if done {
            set_timeout(move || self.finish_loading(), Duration::ZERO);
        } else {
            self.decode_later();
        }
    }

    /// Decodes every plan still waiting, at once, and hands them to the app: a no-op once
    /// they are all here. Called before anything that needs the plans.
    pub fn finish_loading(&self) {
        let Some(Some(decoding)) = self.decoding.try_update_value(Option::take) else {
            return;
        };
        let Decoding::Done(loaded) = decoding.advance(|| true, |_| {}) else {
            unreachable!("advance decodes everything when it may go on")
        };
        let mut start = Start::decoded(*loaded);
        give_id(&mut start.workspace);
        self.saved.set_value(start.saved);
        self.write.set(start.workspace);
        self.quarantined.set(start.quarantined);
        self.read_only.set(start.read_only);
        if start.problem.is_some() {
            self.storage_problem.set(start.problem);
        }
        self.loading.set(None);
        mark("load-decoded");
        super::mark_after_paint("load-scored");
    }
}
