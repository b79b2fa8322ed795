//! One sync, as a machine that is given each reply and says what to send next: pull the
//! changes since the last sequence (and the other revisions of documents in conflict),
//! merge them, push what changed here in batches, and pull again after a write conflict.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

use serde_json::{json, Value};

use super::doc::{self, DocId, Known, Remote};
use super::pull::{merge_pulled, Pulled};
use super::{escape, Reply, Request, SyncConfig, SyncError};
use crate::domain::merge::{Change, Choices, Merged};
use crate::domain::model::{Account, EntityKind, Id, Timestamp, Workspace};

/// How many documents one `_bulk_docs` carries.
const BATCH: usize = 100;
/// How many times a sync pulls again after a write conflict before it leaves the rest to
/// the next sync.
const ROUNDS: u8 = 3;

/// What the sync needs of the app: the workspace as it is now, and a way to change it.
pub trait Host {
    /// The workspace now, with every edit made so far (also those made during the sync).
    fn workspace(&self) -> Workspace;
    /// Replaces the workspace with a merge of it (computed from [`Host::workspace`] just now).
    fn apply(&mut self, ws: Workspace, changes: &[Change]);
    /// A fresh workspace id (the demo is replaced by the team's plans, never mixed in).
    fn new_workspace_id(&self) -> Id;
}

/// What to do next.
#[derive(Debug)]
pub enum Next {
    Send(Request),
    /// Pulled changes conflict with changes here: the cycle stops and waits for the user's
    /// choices ([`Held::resolve`]).
    Conflicts(Box<Held>),
    Done(Report),
    Failed(SyncError),
}

/// What a completed sync did.
#[derive(Debug, Default, Clone)]
pub struct Report {
    pub pulled: usize,
    pub pushed: usize,
    pub changes: Vec<Change>,
    /// Documents the server refused (its rules), with the reason.
    pub refused: Vec<String>,
}

/// Pulled changes that wait for the user's choice of how to settle their conflicts.
#[derive(Debug, Clone)]
pub struct Held {
    pub pulled: Pulled,
    seq: Option<Value>,
    /// The merge with the default choices, for the preview.
    pub preview: Merged,
}

impl Held {
    /// Merges the held changes into the workspace now, with the user's choices; records
    /// them as known. The next sync pushes the result.
    pub fn resolve(
        &self,
        config: &mut SyncConfig,
        host: &mut dyn Host,
        choices: &Choices,
        now: Timestamp,
    ) -> Result<(), SyncError> {
        let ws = base(host);
        let applied = merge_pulled(
            &ws,
            &self.pulled,
            &config.known,
            config.last_synced,
            choices,
            now,
        )
        .map_err(unreadable)?;
        host.apply(applied.merged.workspace, &applied.merged.changes);
        config.known.extend(applied.known);
        config.last_seq = self.seq.clone();
        Ok(())
    }
}

/// A document to push, and what to record as known when the server takes it.
#[derive(Debug, Clone)]
struct Outgoing {
    key: String,
    doc: Value,
    known: Option<Known>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Changes,
    Loser,
    Push,
}

/// The hashes of the accounts' JSON, kept by the account's shared copy: an account not
/// edited since is not serialized again.
#[derive(Default)]
pub struct HashCache(HashMap<Id, (Arc<Account>, u64)>);

impl HashCache {
    pub fn hash(&mut self, a: &Arc<Account>) -> u64 {
        match self.0.get(&a.id) {
            Some((seen, h)) if Arc::ptr_eq(seen, a) => *h,
            _ => {
                let h = doc::hash_of(&**a);
                self.0.insert(a.id.clone(), (a.clone(), h));
                h
            }
        }
    }
}

/// One sync; see the module documentation.
pub struct Cycle {
    step: Step,
    rounds: u8,
    pulled: Pulled,
    seq: Option<Value>,
    losers_to_fetch: Vec<(String, String)>,
    losers_to_remove: Vec<(String, String)>,
    batches: VecDeque<Vec<Outgoing>>,
    sent: Vec<Outgoing>,
    conflicted: bool,
    report: Report,
    pub cache: HashCache,
}

impl Cycle {
    /// A sync, and its first request.
    pub fn start(config: &SyncConfig, cache: HashCache) -> (Cycle, Request) {
        let cycle = Cycle {
            step: Step::Changes,
            rounds: 0,
            pulled: Pulled {
                docs: Vec::new(),
                losers: Vec::new(),
            },
            seq: None,
            losers_to_fetch: Vec::new(),
            losers_to_remove: Vec::new(),
            batches: VecDeque::new(),
            sent: Vec::new(),
            conflicted: false,
            report: Report::default(),
            cache,
        };
        (cycle, changes_request(config))
    }

    /// Takes the reply to the last request (`None`: no reply at all).
    pub fn on_reply(
        &mut self,
        config: &mut SyncConfig,
        reply: Option<Reply>,
        host: &mut dyn Host,
        now: Timestamp,
    ) -> Next {
        let Some(reply) = reply else {
            return Next::Failed(SyncError::Unreachable);
        };
        if reply.status >= 400 {
            return Next::Failed(SyncError::of_reply(reply.status, &reply.body));
        }
        let body: Value = match serde_json::from_str(&reply.body) {
            Ok(v) => v,
            Err(e) => {
                return Next::Failed(SyncError::Unreadable(format!("a reply is not JSON ({e})")))
            }
        };
        let step = match self.step {
            Step::Changes => self.read_changes(config, &body),
            Step::Loser => self.read_loser(&body),
            Step::Push => {
                self.read_pushed(config, &body);
                return self.push_next(config, host, now);
            }
        };
        if let Err(e) = step {
            return Next::Failed(e);
        }
        if let Some((key, rev)) = self.losers_to_fetch.pop() {
            self.step = Step::Loser;
            return Next::Send(Request {
                method: "GET",
                path: format!("{}/{}?rev={}", config.db_path(), escape(&key), escape(&rev)),
                body: None,
            });
        }
        self.merge(config, host, now)
    }

    fn read_changes(&mut self, config: &SyncConfig, body: &Value) -> Result<(), SyncError> {
        self.pulled = Pulled {
            docs: Vec::new(),
            losers: Vec::new(),
        };
        self.losers_to_remove.clear();
        let results = body.get("results").and_then(Value::as_array);
        for r in results.into_iter().flatten() {
            let remote = match r.get("doc") {
                Some(d) => doc::decode(d)
                    .map_err(|e| SyncError::Unreadable(format!("“{}”: {}", e.id, e.message)))?,
                // A deletion without its document (CouchDB 3 may leave it out).
                None => deleted_without_doc(r),
            };
            let Some(remote) = remote else { continue };
            let key = remote.id.key();
            // Our own writes come back in the feed: a revision known here is no news.
            if config.known.get(&key).is_some_and(|k| k.rev == remote.rev)
                && remote.conflicts.is_empty()
            {
                continue;
            }
            for rev in &remote.conflicts {
                self.losers_to_fetch.push((key.clone(), rev.clone()));
                self.losers_to_remove.push((key.clone(), rev.clone()));
            }
            self.pulled.docs.push(remote);
        }
        self.seq = body.get("last_seq").cloned();
        Ok(())
    }

    fn read_loser(&mut self, body: &Value) -> Result<(), SyncError> {
        let remote = doc::decode(body)
            .map_err(|e| SyncError::Unreadable(format!("“{}”: {}", e.id, e.message)))?;
        if let Some(mut r) = remote {
            r.conflicts.clear();
            self.pulled.losers.push(r);
        }
        Ok(())
    }

    /// Merges what was pulled into the workspace as it is now, then pushes.
    fn merge(&mut self, config: &mut SyncConfig, host: &mut dyn Host, now: Timestamp) -> Next {
        if !self.pulled.docs.is_empty() {
            let ws = base(host);
            let applied = match merge_pulled(
                &ws,
                &self.pulled,
                &config.known,
                config.last_synced,
                &Choices::default(),
                now,
            ) {
                Ok(a) => a,
                Err(problems) => return Next::Failed(unreadable(problems)),
            };
            if applied.merged.conflicts().next().is_some() {
                return Next::Conflicts(Box::new(Held {
                    pulled: std::mem::replace(
                        &mut self.pulled,
                        Pulled {
                            docs: Vec::new(),
                            losers: Vec::new(),
                        },
                    ),
                    seq: self.seq.take(),
                    preview: applied.merged,
                }));
            }
            self.report.pulled += self.pulled.docs.len();
            if !applied.merged.changes.is_empty() || ws.demo != host.workspace().demo {
                host.apply(applied.merged.workspace, &applied.merged.changes);
            }
            self.report.changes.extend(applied.merged.changes);
            config.known.extend(applied.known);
        }
        if self.seq.is_some() {
            config.last_seq = self.seq.take();
        }
        self.start_push(config, host, now)
    }

    fn start_push(&mut self, config: &mut SyncConfig, host: &mut dyn Host, now: Timestamp) -> Next {
        let ws = host.workspace();
        let mut out = if ws.demo {
            Vec::new()
        } else {
            outgoing(&ws, config, &mut self.cache, true)
        };
        for (key, rev) in self.losers_to_remove.drain(..) {
            out.push(Outgoing {
                doc: json!({ "_id": key, "_rev": rev, "_deleted": true }),
                key,
                known: None,
            });
        }
        self.batches = out.chunks(BATCH).map(<[Outgoing]>::to_vec).collect();
        self.conflicted = false;
        self.push_next_batch(config, now)
    }

    fn push_next(&mut self, config: &mut SyncConfig, host: &mut dyn Host, now: Timestamp) -> Next {
        if !self.batches.is_empty() {
            return self.push_next_batch(config, now);
        }
        if self.conflicted && self.rounds + 1 < ROUNDS {
            // Someone wrote a document since we pulled: pull it, merge, push again.
            self.rounds += 1;
            self.step = Step::Changes;
            return Next::Send(changes_request(config));
        }
        let _ = host;
        self.finish(config, now)
    }

    fn push_next_batch(&mut self, config: &mut SyncConfig, now: Timestamp) -> Next {
        let Some(batch) = self.batches.pop_front() else {
            return self.finish(config, now);
        };
        let docs: Vec<&Value> = batch.iter().map(|o| &o.doc).collect();
        let body = json!({ "docs": docs }).to_string();
        self.sent = batch;
        self.step = Step::Push;
        Next::Send(Request {
            method: "POST",
            path: format!("{}/_bulk_docs", config.db_path()),
            body: Some(body),
        })
    }

    fn read_pushed(&mut self, config: &mut SyncConfig, body: &Value) {
        let results = body.as_array().cloned().unwrap_or_default();
        let sent = std::mem::take(&mut self.sent);
        let by_key: HashMap<&str, &Outgoing> = sent.iter().map(|o| (o.key.as_str(), o)).collect();
        for r in &results {
            let id = r.get("id").and_then(Value::as_str).unwrap_or_default();
            let Some(o) = by_key.get(id) else { continue };
            if let Some(rev) = r
                .get("rev")
                .and_then(Value::as_str)
                .filter(|_| r.get("error").is_none())
            {
                if let Some(k) = &o.known {
                    config.known.insert(
                        o.key.clone(),
                        Known {
                            rev: rev.to_string(),
                            ..k.clone()
                        },
                    );
                    self.report.pushed += 1;
                }
                continue;
            }
            match r.get("error").and_then(Value::as_str) {
                Some("conflict") => self.conflicted = true,
                _ => {
                    let reason = r
                        .get("reason")
                        .and_then(Value::as_str)
                        .unwrap_or("no reason given");
                    self.report.refused.push(format!("{id}: {reason}"));
                }
            }
        }
    }

    fn finish(&mut self, config: &mut SyncConfig, now: Timestamp) -> Next {
        if !self.conflicted {
            config.last_synced = Some(now);
        }
        Next::Done(std::mem::take(&mut self.report))
    }

    /// The hash cache, for the next sync (the known revisions are in the config already:
    /// each push's are recorded as its reply comes).
    pub fn into_cache(self) -> HashCache {
        self.cache
    }
}

fn changes_request(config: &SyncConfig) -> Request {
    let since = match &config.last_seq {
        None => "0".to_string(),
        Some(Value::String(s)) => escape(s),
        Some(v) => v.to_string(),
    };
    Request {
        method: "GET",
        path: format!(
            "{}/_changes?style=all_docs&include_docs=true&conflicts=true&since={since}",
            config.db_path()
        ),
        body: None,
    }
}

fn deleted_without_doc(r: &Value) -> Option<Remote> {
    if r.get("deleted").and_then(Value::as_bool) != Some(true) {
        return None;
    }
    let id = DocId::parse(r.get("id")?.as_str()?)?;
    let rev = r.get("changes")?.get(0)?.get("rev")?.as_str()?.to_string();
    Some(Remote {
        id,
        rev,
        content: doc::Content::Deleted(None),
        conflicts: Vec::new(),
    })
}

/// What a merge starts from: the workspace, or an empty one in place of the demo.
fn base(host: &dyn Host) -> Workspace {
    let ws = host.workspace();
    if ws.demo {
        Workspace {
            id: host.new_workspace_id(),
            ..Workspace::default()
        }
    } else {
        ws
    }
}

fn unreadable(problems: Vec<crate::domain::validate::Problem>) -> SyncError {
    let first = problems
        .first()
        .map(|p| format!("{}: {}", p.path, p.message))
        .unwrap_or_default();
    SyncError::Unreadable(first)
}

/// The documents that changed here since they were last known on the server (their
/// bodies only when `build`: counting them needs none).
fn outgoing(
    ws: &Workspace,
    config: &SyncConfig,
    cache: &mut HashCache,
    build: bool,
) -> Vec<Outgoing> {
    let mut out = Vec::new();
    let mut add = |id: DocId,
                   hash: u64,
                   stamp: Option<Timestamp>,
                   body: &dyn Fn() -> Value,
                   owner: Option<&str>| {
        let key = id.key();
        let k = config.known.get(&key);
        if k.is_some_and(|k| !k.deleted && k.hash == hash) {
            return;
        }
        out.push(Outgoing {
            doc: if build {
                doc::doc_for(&id, body(), owner, k.map(|k| k.rev.as_str()))
            } else {
                Value::Null
            },
            key,
            known: Some(Known {
                rev: String::new(),
                hash,
                stamp,
                deleted: false,
            }),
        });
    };
    for a in &ws.accounts {
        let owner = a
            .owner
            .as_ref()
            .and_then(|o| ws.member(o))
            .map(|m| m.email.as_str());
        let body = || serde_json::to_value(&**a).unwrap_or(Value::Null);
        add(
            DocId::Account(a.id.clone()),
            cache.hash(a),
            a.updated_at,
            &body,
            owner,
        );
    }
    for m in &ws.team {
        let body = || serde_json::to_value(m).unwrap_or(Value::Null);
        add(
            DocId::Member(m.id.clone()),
            doc::hash_of(m),
            m.updated_at,
            &body,
            None,
        );
    }
    let body = || serde_json::to_value(&ws.settings).unwrap_or(Value::Null);
    add(
        DocId::Settings,
        doc::hash_of(&ws.settings),
        ws.settings.updated_at,
        &body,
        None,
    );
    for t in &ws.deleted {
        let present = match t.kind {
            EntityKind::Account => ws.account(&t.id).is_some(),
            EntityKind::Member => ws.member(&t.id).is_some(),
            _ => true,
        };
        let Some(id) = DocId::of_tomb(t.kind, &t.id).filter(|_| !present) else {
            continue;
        };
        let key = id.key();
        let Some(k) = config.known.get(&key).filter(|k| !k.deleted) else {
            continue;
        };
        out.push(Outgoing {
            doc: doc::tombstone_doc(&id, &k.rev, t.at),
            key,
            known: Some(Known {
                rev: String::new(),
                hash: 0,
                stamp: Some(t.at),
                deleted: true,
            }),
        });
    }
    out
}

/// How many documents wait to be pushed (for the status line).
pub fn waiting(ws: &Workspace, config: &SyncConfig, cache: &mut HashCache) -> usize {
    if ws.demo {
        0
    } else {
        outgoing(ws, config, cache, false).len()
    }
}
