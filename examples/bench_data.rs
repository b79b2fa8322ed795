//! Writes the inputs of the browser benchmarks (`make bench`) into `target/bench/` (or the
//! folder given as the first argument), from the synthetic workspace of the native
//! benchmarks (`synthetic::BENCH`: 30 contacts, 200 interactions, 20 opportunities per
//! account), dated today as the app will see it:
//!
//! * `storage-1000.json` — the 1,000-account workspace as localStorage holds it after its
//!   first save (`{key: value}`, from `codec::encode_storage`);
//! * `workspace-4mb.json` — an export file of the first accounts of that workspace, as few
//!   as make the file at least 4 MB (4,000,000 bytes), for the import benchmark;
//! * `data.json` — sizes: the characters the 1,000 accounts take in localStorage (UTF-16
//!   code units of keys and values, which is what browsers count against their quota), the
//!   bytes of their export file, and the accounts and bytes of the 4 MB file.
//!
//! Run with `cargo run --profile benchmark --example bench_data` (as `make bench` does).

use std::collections::BTreeMap;
use std::path::PathBuf;

use account_planner::domain::model::Workspace;
use account_planner::domain::sample::synthetic::{synthetic_workspace, BENCH};
use account_planner::persist::codec::encode_storage;
use account_planner::persist::export::json::export_workspace;

const ACCOUNTS: usize = 1000;
const IMPORT_BYTES: usize = 4_000_000;
/// A leader's roll-up: this many managers' workspace files of this many busy accounts.
const ROLLUP_FILES: usize = 8;
const ROLLUP_ACCOUNTS: usize = 50;

fn main() -> std::io::Result<()> {
    let out = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "target/bench".into()),
    );
    std::fs::create_dir_all(&out)?;
    let today = chrono::Local::now().date_naive();
    let ws = synthetic_workspace(1, ACCOUNTS, &BENCH, today);

    let storage: BTreeMap<String, String> = encode_storage(&ws).into_iter().collect();
    let storage_chars: usize = storage
        .iter()
        .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
        .sum();
    std::fs::write(
        out.join("storage-1000.json"),
        serde_json::to_string(&storage).expect("strings serialise"),
    )?;
    drop(storage);
    let export_bytes = export_workspace(&ws, chrono::DateTime::UNIX_EPOCH).len();

    // The accounts are independent, so the first `n` are what `synthetic_workspace(1, n, …)`
    // would give: grow `n` until the file reaches the size.
    let prefix = |n: usize| Workspace {
        accounts: ws.accounts[..n].to_vec(),
        ..ws.clone()
    };
    let per_account = export_bytes / ACCOUNTS;
    let mut n = (IMPORT_BYTES / per_account).clamp(1, ACCOUNTS);
    let mut file = export_workspace(&prefix(n), chrono::DateTime::UNIX_EPOCH);
    while file.len() < IMPORT_BYTES && n < ACCOUNTS {
        n += 1;
        file = export_workspace(&prefix(n), chrono::DateTime::UNIX_EPOCH);
    }
    while n > 1 {
        let smaller = export_workspace(&prefix(n - 1), chrono::DateTime::UNIX_EPOCH);
        if smaller.len() < IMPORT_BYTES {
            break;
        }
        n -= 1;
        file = smaller;
    }
    std::fs::write(out.join("workspace-4mb.json"), &file)?;
    let rollup_bytes = write_rollup_files(&out, today)?;

    let data = serde_json::json!({
        "today": today.to_string(),
        "accounts": ACCOUNTS,
        "storage_chars": storage_chars,
        "storage_keys": ACCOUNTS + 2,
        "export_bytes": export_bytes,
        "import_file_accounts": n,
        "import_file_bytes": file.len(),
        "rollup_files": ROLLUP_FILES,
        "rollup_accounts_per_file": ROLLUP_ACCOUNTS,
        "rollup_bytes": rollup_bytes,
    });
    std::fs::write(out.join("data.json"), data.to_string())?;
    println!(
        "bench_data: {ACCOUNTS} accounts take {storage_chars} characters in localStorage and \
         {export_bytes} bytes as an export file; the import file holds {n} accounts, {} bytes",
        file.len()
    );
    Ok(())
}

/// The roll-up files `rollup-1.json`…: each a manager's workspace (its own id) of
/// `ROLLUP_ACCOUNTS` busy accounts, the team and settings shared. Returns their total size.
fn write_rollup_files(out: &std::path::Path, today: chrono::NaiveDate) -> std::io::Result<usize> {
    let all = synthetic_workspace(7, ROLLUP_FILES * ROLLUP_ACCOUNTS, &BENCH, today);
    let mut total = 0;
    for (k, accounts) in all.accounts.chunks(ROLLUP_ACCOUNTS).enumerate() {
        let ws = Workspace {
            id: account_planner::domain::model::Id(format!("ws-manager-{}", k + 1)),
            name: format!("Manager {}", k + 1),
            accounts: accounts.to_vec(),
            ..all.clone()
        };
        let text = export_workspace(&ws, chrono::Utc::now());
        total += text.len();
        std::fs::write(out.join(format!("rollup-{}.json", k + 1)), text)?;
    }
    Ok(total)
}
