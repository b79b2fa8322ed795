//! The sync against a fake CouchDB (documents with revisions, `_changes`, `_bulk_docs`
//! with 409s, conflicting leaves), two browsers at a time, and CouchDB 3's own replies
//! (`tests/fixtures/couchdb3`).

use std::collections::BTreeMap;
use std::sync::Arc;

use serde_json::{json, Value};

use super::doc::fnv;
use super::*;
use crate::domain::merge::{stamp_changes, stamp_team_changes, Choice, Choices, Status};
use crate::domain::model::{Account, Contact, Id, Timestamp, Workspace};
use crate::persist::codec::test_support::{account, sample, ts};

/// A document of the fake server: its winning revision and body, other leaves, its seq.
#[derive(Clone)]
struct FakeDoc {
    rev: String,
    body: Value,
    conflicts: Vec<(String, Value)>,
    seq: u64,
}

#[derive(Default)]
struct FakeCouch {
    docs: BTreeMap<String, FakeDoc>,
    seq: u64,
    /// Replies with no answer while set (the server is down).
    down: bool,
    requests: usize,
}

impl FakeCouch {
    fn send(&mut self, req: &Request) -> Option<Reply> {
        self.requests += 1;
        if self.down {
            return None;
        }
        let (path, query) = req.path.split_once('?').unwrap_or((&req.path, ""));
        let ok = |body: Value| {
            Some(Reply {
                status: 200,
                body: body.to_string(),
            })
        };
        match (req.method, path) {
            ("GET", "/team/_changes") => {
                let since: u64 = query
                    .split('&')
                    .find_map(|p| p.strip_prefix("since="))
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(0);
                let mut results: Vec<(u64, Value)> = self
                    .docs
                    .iter()
                    .filter(|(_, d)| d.seq > since)
                    .map(|(id, d)| {
                        let mut doc = d.body.clone();
                        doc["_id"] = json!(id);
                        doc["_rev"] = json!(d.rev);
                        if !d.conflicts.is_empty() {
                            doc["_conflicts"] = json!(d.conflicts.iter().map(|c| &c.0).collect::<Vec<_>>());
                        }
                        (d.seq, json!({ "seq": d.seq, "id": id, "changes": [{ "rev": d.rev }], "doc": doc }))
                    })
                    .collect();
                results.sort_by_key(|r| r.0);
                let results: Vec<Value> = results.into_iter().map(|r| r.1).collect();
                ok(json!({ "results": results, "last_seq": self.seq }))
            }
            ("POST", "/team/_bulk_docs") => {
                let body: Value = serde_json::from_str(req.body.as_deref().unwrap()).unwrap();
                let out: Vec<Value> = body["docs"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|d| self.write(d.clone()))
                    .collect();
                Some(Reply {
                    status: 201,
                    body: Value::Array(out).to_string(),
                })
            }
            ("GET", doc) => {
                let id = doc.strip_prefix("/team/").unwrap().replace("%3A", ":");
                let rev = query.strip_prefix("rev=").unwrap();
                let d = &self.docs[&id];
                let (_, body) = d.conflicts.iter().find(|c| c.0 == rev).unwrap();
                let mut body = body.clone();
                body["_id"] = json!(id);
                body["_rev"] = json!(rev);
                ok(body)
            }
            _ => Some(Reply {
                status: 404,
                body: "{}".into(),
            }),
        }
    }

    fn write(&mut self, mut doc: Value) -> Value {
        let id = doc["_id"].as_str().unwrap().to_string();
        let rev = doc.get("_rev").and_then(Value::as_str).map(String::from);
        let obj = doc.as_object_mut().unwrap();
        obj.remove("_id");
        obj.remove("_rev");
        if let Some(existing) = self.docs.get_mut(&id) {
            if let Some(i) = existing
                .conflicts
                .iter()
                .position(|c| Some(&c.0) == rev.as_ref())
            {
                // Writing a losing leaf: only its deletion is expected.
                existing.conflicts.remove(i);
                self.seq += 1;
                existing.seq = self.seq;
                return json!({ "ok": true, "id": id, "rev": "x-removed" });
            }
            if rev.as_ref() != Some(&existing.rev) {
                return json!({ "id": id, "error": "conflict", "reason": "Document update conflict" });
            }
        } else if rev.is_some() {
            return json!({ "id": id, "error": "conflict", "reason": "Document update conflict" });
        }
        let n = self.docs.get(&id).map_or(0, |d| {
            d.rev.split('-').next().unwrap().parse::<u64>().unwrap()
        }) + 1;
        let rev = format!("{n}-{:x}", fnv(doc.to_string().as_bytes()));
        self.seq += 1;
        let conflicts = self
            .docs
            .get(&id)
            .map(|d| d.conflicts.clone())
            .unwrap_or_default();
        self.docs.insert(
            id.clone(),
            FakeDoc {
                rev: rev.clone(),
                body: doc,
                conflicts,
                seq: self.seq,
            },
        );
        json!({ "ok": true, "id": id, "rev": rev })
    }
}

/// One browser: its workspace, its sync settings and the hash cache.
struct Browser {
    ws: Workspace,
    config: SyncConfig,
    cache: HashCache,
    held: Option<Held>,
}

impl Host for Browser {
    fn workspace(&self) -> Workspace {
        self.ws.clone()
    }
    fn apply(&mut self, ws: Workspace, _changes: &[crate::domain::merge::Change]) {
        self.ws = ws;
    }
    fn new_workspace_id(&self) -> Id {
        Id::new("ws-fresh")
    }
}

impl Browser {
    fn new(ws: Workspace) -> Self {
        Browser {
            ws,
            config: SyncConfig {
                server: "http://127.0.0.1:5984".into(),
                database: "team".into(),
                enabled: true,
                ..SyncConfig::default()
            },
            cache: HashCache::default(),
            held: None,
        }
    }

    /// One sync against `server` at `now`; `between` runs once, before the first push
    /// reaches the server (someone else writes, or the user edits, meanwhile).
    fn sync_with(
        &mut self,
        server: &mut FakeCouch,
        now: Timestamp,
        mut between: impl FnMut(&mut Browser, &mut FakeCouch),
    ) -> Result<Report, SyncError> {
        let cache = std::mem::take(&mut self.cache);
        let (mut cycle, mut req) = Cycle::start(&self.config, cache);
        let mut config = self.config.clone();
        let mut once = true;
        let result = loop {
            if req.method == "POST" && once {
                once = false;
                between(self, server);
            }
            let reply = server.send(&req);
            match cycle.on_reply(&mut config, reply, self, now) {
                Next::Send(r) => req = r,
                Next::Done(report) => break Ok(report),
                Next::Failed(e) => break Err(e),
                Next::Conflicts(held) => {
                    self.held = Some(*held);
                    break Ok(Report::default());
                }
            }
        };
        self.config = config;
        self.cache = cycle.into_cache();
        result
    }

    fn sync(&mut self, server: &mut FakeCouch, now: Timestamp) -> Result<Report, SyncError> {
        self.sync_with(server, now, |_, _| {})
    }

    /// An edit of one account as the app makes it: changed, then stamped.
    fn edit(&mut self, id: &str, now: Timestamp, change: impl FnOnce(&mut Account)) {
        let i = self
            .ws
            .accounts
            .iter()
            .position(|a| a.id.as_str() == id)
            .unwrap();
        let before = self.ws.accounts[i].clone();
        let mut after = (*before).clone();
        change(&mut after);
        stamp_changes(&before, &mut after, now);
        after.updated_at = Some(now);
        self.ws.accounts[i] = Arc::new(after);
    }

    fn waiting(&mut self) -> usize {
        waiting(&self.ws, &self.config, &mut self.cache)
    }

    fn account(&self, id: &str) -> &Account {
        self.ws.account(&Id::new(id)).unwrap()
    }
}

/// The sample with every entity stamped, as the app's edits leave them.
fn stamped() -> Workspace {
    let mut ws = sample();
    for a in &mut ws.accounts {
        let a = Arc::make_mut(a);
        a.updated_at = Some(ts(0));
        a.details_updated_at = Some(ts(0));
        for c in &mut a.plan.contacts {
            c.updated_at = Some(ts(0));
        }
    }
    ws.team[0].updated_at = Some(ts(0));
    ws.settings.updated_at = Some(ts(0));
    ws
}

fn two_browsers(server: &mut FakeCouch) -> (Browser, Browser) {
    let mut a = Browser::new(stamped());
    a.sync(server, ts(10)).unwrap();
    let mut b = Browser::new(Workspace {
        id: Id::new("ws-b"),
        ..Workspace::default()
    });
    b.sync(server, ts(20)).unwrap();
    (a, b)
}

#[test]
fn a_first_sync_pushes_everything_and_another_browser_pulls_it() {
    let mut server = FakeCouch::default();
    let (a, b) = two_browsers(&mut server);
    // Two accounts, one member, the settings.
    assert_eq!(server.docs.len(), 4);
    assert_eq!(server.docs["account:acc-1"].body["account"]["name"], "Acme");
    assert_eq!(
        server.docs["account:acc-1"].body["schema_version"],
        crate::domain::model::SCHEMA_VERSION
    );
    assert_eq!(b.ws.accounts.len(), 2);
    assert_eq!(b.ws.accounts, a.ws.accounts);
    assert_eq!(b.ws.team, a.ws.team);
    assert_eq!(b.config.last_seq, Some(json!(4)));
    assert_eq!(b.config.known.len(), 4);
    assert_eq!(b.config.last_synced, Some(ts(20)));
    // B's workspace keeps its own id and gets no sync mark from the server.
    assert_eq!(b.ws.id.as_str(), "ws-b");
    assert!(b.ws.sync_marks.is_empty());
}

#[test]
fn nothing_changed_means_nothing_pushed_or_merged() {
    let mut server = FakeCouch::default();
    let (mut a, mut b) = two_browsers(&mut server);
    let before = server.seq;
    let report = a.sync(&mut server, ts(30)).unwrap();
    assert_eq!((report.pulled, report.pushed), (0, 0));
    b.sync(&mut server, ts(31)).unwrap();
    assert_eq!(server.seq, before);
    assert_eq!(a.waiting(), 0);
}

#[test]
fn edits_to_different_accounts_sync_with_no_question() {
    let mut server = FakeCouch::default();
    let (mut a, mut b) = two_browsers(&mut server);
    a.edit("acc-1", ts(100), |x| x.notes = "from A".into());
    b.edit("acc-2", ts(110), |x| x.notes = "from B".into());
    assert_eq!(a.waiting(), 1);
    a.sync(&mut server, ts(200)).unwrap();
    let report = b.sync(&mut server, ts(210)).unwrap();
    assert!(b.held.is_none());
    assert_eq!(report.pulled, 1);
    assert_eq!(report.pushed, 1);
    a.sync(&mut server, ts(220)).unwrap();
    for x in [&a, &b] {
        assert_eq!(x.account("acc-1").notes, "from A");
        assert_eq!(x.account("acc-2").notes, "from B");
    }
}

#[test]
fn edits_to_different_entities_of_one_account_merge_with_no_question() {
    let mut server = FakeCouch::default();
    let (mut a, mut b) = two_browsers(&mut server);
    a.edit("acc-1", ts(100), |x| {
        x.plan.contacts[0].title = "CFO".into()
    });
    b.edit("acc-1", ts(110), |x| x.notes = "from B".into());
    a.sync(&mut server, ts(200)).unwrap();
    let report = b.sync(&mut server, ts(210)).unwrap();
    assert!(b.held.is_none(), "no question");
    assert!(report.changes.iter().any(|c| c.status == Status::Updated));
    a.sync(&mut server, ts(220)).unwrap();
    for x in [&a, &b] {
        assert_eq!(x.account("acc-1").plan.contacts[0].title, "CFO");
        assert_eq!(x.account("acc-1").notes, "from B");
    }
    assert_eq!(a.account("acc-1"), b.account("acc-1"));
}

#[test]
fn the_same_entity_edited_on_both_sides_waits_for_a_choice() {
    let mut server = FakeCouch::default();
    let (mut a, mut b) = two_browsers(&mut server);
    a.edit("acc-1", ts(100), |x| {
        x.plan.contacts[0].title = "CFO".into()
    });
    b.edit("acc-1", ts(110), |x| {
        x.plan.contacts[0].title = "CEO".into()
    });
    a.sync(&mut server, ts(200)).unwrap();
    let seq = b.config.last_seq.clone();
    b.sync(&mut server, ts(210)).unwrap();
    let held = b.held.take().expect("a conflict");
    let conflicts: Vec<_> = held.preview.conflicts().collect();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].entity.id.as_str(), "c-1");
    assert_eq!(conflicts[0].fields[0].mine, "CEO");
    assert_eq!(conflicts[0].fields[0].theirs, "CFO");
    // Nothing changed here or there while the user chooses.
    assert_eq!(b.account("acc-1").plan.contacts[0].title, "CEO");
    assert_eq!(b.config.last_seq, seq);
    assert_eq!(
        server.docs["account:acc-1"].body["account"]["plan"]["contacts"][0]["title"],
        "CFO"
    );

    // Taking theirs: B now has A's, and the next sync pushes nothing of B's over it.
    let choices = Choices {
        all: Some(Choice::TakeTheirs),
        ..Choices::default()
    };
    let mut config = b.config.clone();
    held.resolve(&mut config, &mut b, &choices, ts(220))
        .unwrap();
    b.config = config;
    assert_eq!(b.account("acc-1").plan.contacts[0].title, "CFO");
    b.sync(&mut server, ts(230)).unwrap();
    assert!(b.held.is_none());
    assert_eq!(
        server.docs["account:acc-1"].body["account"]["plan"]["contacts"][0]["title"],
        "CFO"
    );
}

#[test]
fn keeping_mine_in_a_conflict_reaches_the_other_browser_without_a_question() {
    let mut server = FakeCouch::default();
    let (mut a, mut b) = two_browsers(&mut server);
    a.edit("acc-1", ts(100), |x| {
        x.plan.contacts[0].title = "CFO".into()
    });
    b.edit("acc-1", ts(110), |x| {
        x.plan.contacts[0].title = "CEO".into()
    });
    a.sync(&mut server, ts(200)).unwrap();
    b.sync(&mut server, ts(210)).unwrap();
    let held = b.held.take().unwrap();
    let mut config = b.config.clone();
    held.resolve(&mut config, &mut b, &Choices::default(), ts(220))
        .unwrap();
    b.config = config;
    b.sync(&mut server, ts(230)).unwrap();
    a.sync(&mut server, ts(240)).unwrap();
    assert!(a.held.is_none());
    assert_eq!(a.account("acc-1").plan.contacts[0].title, "CEO");
}

#[test]
fn a_write_conflict_is_pulled_merged_and_pushed_again() {
    let mut server = FakeCouch::default();
    let (mut a, mut b) = two_browsers(&mut server);
    b.edit("acc-1", ts(110), |x| x.notes = "from B".into());
    // A writes the same account after B pulled and before B's push arrives: a 409.
    let report = b
        .sync_with(&mut server, ts(210), |_, server| {
            a.edit("acc-1", ts(100), |x| {
                x.plan.contacts[0].title = "CFO".into()
            });
            a.sync(server, ts(200)).unwrap();
        })
        .unwrap();
    assert!(b.held.is_none());
    assert!(report.pushed >= 1);
    let on_server = &server.docs["account:acc-1"].body["account"];
    assert_eq!(on_server["notes"], "from B");
    assert_eq!(on_server["plan"]["contacts"][0]["title"], "CFO");
    assert_eq!(b.waiting(), 0);
}

#[test]
fn an_edit_made_during_a_sync_is_never_overwritten() {
    let mut server = FakeCouch::default();
    let (mut a, mut b) = two_browsers(&mut server);
    a.edit("acc-2", ts(100), |x| x.notes = "from A".into());
    a.sync(&mut server, ts(200)).unwrap();
    b.edit("acc-1", ts(205), |x| x.notes = "first".into());
    b.sync_with(&mut server, ts(210), |b, _| {
        // Typed while the push is on its way: after the pull was merged.
        b.edit("acc-1", ts(211), |x| x.notes = "second".into());
    })
    .unwrap();
    assert_eq!(b.account("acc-1").notes, "second");
    assert_eq!(b.account("acc-2").notes, "from A");
    assert_eq!(b.waiting(), 1, "the later edit waits for the next sync");
    b.sync(&mut server, ts(220)).unwrap();
    assert_eq!(
        server.docs["account:acc-1"].body["account"]["notes"],
        "second"
    );
}

#[test]
fn a_deletion_syncs_as_a_tombstone() {
    let mut server = FakeCouch::default();
    let (mut a, mut b) = two_browsers(&mut server);
    let before = a.ws.clone();
    a.ws.accounts.retain(|x| x.id.as_str() != "acc-2");
    stamp_team_changes(&before, &mut a.ws, ts(100));
    a.sync(&mut server, ts(200)).unwrap();
    assert_eq!(server.docs["account:acc-2"].body["_deleted"], true);
    b.sync(&mut server, ts(210)).unwrap();
    assert!(b.ws.account(&Id::new("acc-2")).is_none());
    assert!(b.ws.deleted.iter().any(|t| t.id.as_str() == "acc-2"));
    // A sync later does not bring it back, nor push anything.
    assert_eq!(b.waiting(), 0);
}

#[test]
fn the_server_down_during_a_sync_loses_nothing_and_the_next_sync_completes() {
    let mut server = FakeCouch::default();
    let (mut a, mut b) = two_browsers(&mut server);
    a.edit("acc-1", ts(100), |x| x.notes = "from A".into());
    let known = a.config.clone();
    let err = a
        .sync_with(&mut server, ts(200), |_, server| server.down = true)
        .unwrap_err();
    assert_eq!(err, SyncError::Unreachable);
    assert!(err.transient());
    assert_eq!(a.config.known, known.known, "nothing recorded as pushed");
    assert_eq!(a.account("acc-1").notes, "from A");
    server.down = false;
    a.sync(&mut server, ts(300)).unwrap();
    b.sync(&mut server, ts(310)).unwrap();
    assert_eq!(b.account("acc-1").notes, "from A");
}

#[test]
fn a_sync_after_days_offline_takes_edits_made_before_the_last_sync_here() {
    // B edits offline on day 1, syncs on day 4; A synced on day 2 and pulls on day 5.
    let mut server = FakeCouch::default();
    let (mut a, mut b) = two_browsers(&mut server);
    let day = 86_400;
    b.edit("acc-1", ts(day), |x| {
        x.plan.contacts[0].title = "CFO".into()
    });
    a.edit("acc-2", ts(day + 10), |x| x.notes = "A's".into());
    a.sync(&mut server, ts(2 * day)).unwrap();
    b.sync(&mut server, ts(4 * day)).unwrap();
    a.edit("acc-1", ts(4 * day + 10), |x| x.notes = "A's too".into());
    a.sync(&mut server, ts(5 * day)).unwrap();
    assert!(a.held.is_none(), "no question: the entities differ");
    assert_eq!(a.account("acc-1").plan.contacts[0].title, "CFO");
    assert_eq!(a.account("acc-1").notes, "A's too");
    assert_eq!(b.account("acc-2").notes, "A's");
}

#[test]
fn conflicting_revisions_from_replication_are_merged_and_the_losers_removed() {
    let mut server = FakeCouch::default();
    let (mut a, _b) = two_browsers(&mut server);
    // Another server's edit of the same account, replicated in as a losing leaf.
    let mut other = server.docs["account:acc-1"].body.clone();
    other["account"]["plan"]["contacts"]
        .as_array_mut()
        .unwrap()
        .push(
            serde_json::to_value(Contact {
                id: Id::new("c-2"),
                name: "Bo".into(),
                updated_at: Some(ts(150)),
                ..Contact::default()
            })
            .unwrap(),
        );
    other["account"]["updated_at"] = json!(ts(150));
    let d = server.docs.get_mut("account:acc-1").unwrap();
    d.conflicts.push(("2-other".into(), other));
    server.seq += 1;
    d.seq = server.seq;
    a.sync(&mut server, ts(200)).unwrap();
    assert!(a.held.is_none());
    assert_eq!(a.account("acc-1").plan.contacts.len(), 2);
    assert!(
        server.docs["account:acc-1"].conflicts.is_empty(),
        "the loser is removed"
    );
    assert_eq!(
        server.docs["account:acc-1"].body["account"]["plan"]["contacts"][1]["name"],
        "Bo"
    );
}

#[test]
fn the_demo_is_never_pushed_and_is_replaced_by_the_teams_plans() {
    let mut server = FakeCouch::default();
    let mut a = Browser::new(sample());
    a.sync(&mut server, ts(10)).unwrap();
    let mut demo = Browser::new(Workspace {
        demo: true,
        accounts: vec![Arc::new(account("acc-demo", "Demo"))],
        ..Workspace::default()
    });
    assert_eq!(demo.waiting(), 0);
    demo.sync(&mut server, ts(20)).unwrap();
    assert!(!demo.ws.demo);
    assert_eq!(demo.ws.id.as_str(), "ws-fresh");
    assert_eq!(demo.ws.accounts.len(), 2);
    assert!(!server.docs.contains_key("account:acc-demo"));
}

#[test]
fn a_document_of_a_newer_app_stops_the_sync_with_a_clear_message() {
    let mut server = FakeCouch::default();
    let (_a, mut b) = two_browsers(&mut server);
    server.write(json!({ "_id": "account:acc-9", "schema_version": 99, "account": {} }));
    let err = b.sync(&mut server, ts(30)).unwrap_err();
    assert!(
        err.to_string().contains("newer version of the app"),
        "{err}"
    );
    assert!(!err.transient());
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/couchdb3/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn couchdb3_an_opaque_sequence_and_a_deletion_without_its_document() {
    let mut b = Browser::new(sample());
    b.config.known.insert(
        "account:acc-1".into(),
        Known {
            rev: "1-a".into(),
            hash: doc::hash_of(b.account("acc-1")),
            stamp: None,
            deleted: false,
        },
    );
    let (mut cycle, _) = Cycle::start(&b.config, HashCache::default());
    let mut config = b.config.clone();
    let reply = Reply {
        status: 200,
        body: fixture("changes_opaque_seq_200.json"),
    };
    let next = cycle.on_reply(&mut config, Some(reply), &mut b, ts(10));
    assert!(b.ws.account(&Id::new("acc-1")).is_none(), "deleted");
    let seq =
        "2-g1AAAACLeJzLYWBgYMpgTmHgzcvPy09JdcjLz8gvLskBCeexAEmGBiD1HwiyEhlwqEtkSKqHKMgCAIT2GV4";
    assert_eq!(config.last_seq, Some(json!(seq)));
    let Next::Send(push) = next else {
        panic!("a push")
    };
    assert_eq!(push.path, "/team/_bulk_docs");
    // The next pull sends the sequence back as it came.
    let (_, pull) = Cycle::start(&config, HashCache::default());
    assert!(
        pull.path.ends_with(&format!("since={seq}")),
        "{}",
        pull.path
    );
}

#[test]
fn couchdb3_errors_in_words() {
    let no_access = SyncError::of_reply(403, &fixture("db_no_access_403.json"));
    assert_eq!(no_access, SyncError::NoAccess);
    assert!(no_access.to_string().contains("no access"));
    assert_eq!(
        SyncError::of_reply(401, &fixture("db_signed_out_401.json")),
        SyncError::SignedOut
    );
    let wrong = session::read(Some(Reply {
        status: 401,
        body: fixture("session_wrong_password_401.json"),
    }));
    assert_eq!(wrong, Err(SyncError::WrongPassword));
    assert_eq!(
        wrong.unwrap_err().to_string(),
        "Wrong user name or password."
    );
    let who = session::read(Some(Reply {
        status: 200,
        body: fixture("session_get_200.json"),
    }))
    .unwrap();
    assert_eq!(who, Some(("ann".into(), vec!["leader".into()])));
    assert_eq!(session::read(None), Err(SyncError::Unreachable));
    assert_eq!(
        SyncError::of_reply(
            404,
            r#"{"error":"not_found","reason":"Database does not exist."}"#
        ),
        SyncError::NoDatabase
    );
    assert_eq!(SyncError::of_reply(503, ""), SyncError::Server(503));
}

#[test]
fn couchdb3_a_conflict_and_a_refusal_in_one_bulk_reply() {
    let mut b = Browser::new(sample());
    let (mut cycle, _) = Cycle::start(&b.config, HashCache::default());
    let mut config = b.config.clone();
    let empty = Reply {
        status: 200,
        body: r#"{"results":[],"last_seq":"0-x"}"#.into(),
    };
    let Next::Send(push) = cycle.on_reply(&mut config, Some(empty), &mut b, ts(10)) else {
        panic!()
    };
    assert!(push.body.unwrap().contains("account:acc-2"));
    let reply = Reply {
        status: 201,
        body: fixture("bulk_docs_conflict_and_forbidden_201.json"),
    };
    // The conflict pulls again; the refusal is reported with the server's reason.
    let Next::Send(again) = cycle.on_reply(&mut config, Some(reply), &mut b, ts(11)) else {
        panic!()
    };
    assert!(again.path.contains("_changes"));
    assert!(!config.known.contains_key("account:acc-1"));
    assert!(
        !config.known.contains_key("account:acc-2"),
        "refused: not recorded as pushed"
    );
    let empty = Reply {
        status: 200,
        body: r#"{"results":[],"last_seq":"0-x"}"#.into(),
    };
    let _ = cycle.on_reply(&mut config, Some(empty), &mut b, ts(12));
    let ok = Reply {
        status: 201,
        body: r#"[{"ok":true,"id":"account:acc-1","rev":"1-b"}]"#.into(),
    };
    let Next::Done(report) = cycle.on_reply(&mut config, Some(ok), &mut b, ts(13)) else {
        panic!()
    };
    assert_eq!(
        report.refused,
        vec!["account:acc-2: Only the account's owner or a leader may change it."]
    );
}

#[test]
fn config_checks_the_address_and_the_database_name() {
    let mut c = SyncConfig {
        server: "couch.example.com".into(),
        database: "team".into(),
        ..SyncConfig::default()
    };
    assert!(c.problem().unwrap().contains("https://"));
    c.server = "https://couch.example.com/".into();
    assert_eq!(c.problem(), None);
    assert_eq!(c.url("/_session"), "https://couch.example.com/_session");
    c.database = "Team".into();
    assert!(c.problem().unwrap().contains("lowercase"));
    c.database = "sales/emea".into();
    assert_eq!(c.db_path(), "/sales%2Femea");
    let _ = ts(0) + chrono::Duration::seconds(1);
    let _: Option<Timestamp> = None;
}

#[test]
fn the_design_document_accepts_this_apps_schema_version() {
    let path = format!(
        "{}/couchdb/validate_doc_update.js",
        env!("CARGO_MANIFEST_DIR")
    );
    let source = std::fs::read_to_string(path).unwrap();
    let want = format!(
        "var SCHEMA_VERSION = {};",
        crate::domain::model::SCHEMA_VERSION
    );
    assert!(
        source.contains(&want),
        "couchdb/validate_doc_update.js must say `{want}`: raise it with the app's"
    );
}
