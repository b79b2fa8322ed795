//! Merging import files into the workspace: the file's kind and date around the domain's
//! entity-level merge (`domain::merge`).

use crate::domain::merge::{merge, Choices, Merged, Scope};
use crate::domain::model::{Timestamp, Workspace};
use crate::persist::export::json::{ImportFile, ImportKind};

/// Merges one checked file into `local` with the user's `choices`, at `now`.
///
/// What we saw of the sender is the file as it was written (`exported_at`); a file that
/// does not say (before schema version 2) counts as written `now`.
pub fn merge_file(
    local: &Workspace,
    file: &ImportFile,
    choices: &Choices,
    now: Timestamp,
) -> Merged {
    let scope = match file.kind {
        ImportKind::Workspace => Scope::Workspace,
        ImportKind::Account => Scope::Account,
    };
    let seen = file.exported_at.unwrap_or(now);
    merge(local, &file.workspace, scope, choices, now, seen)
}

/// Merges several files in turn (a leader's roll-up): one result, every file's changes.
pub fn merge_files<'a>(
    local: &Workspace,
    files: impl IntoIterator<Item = &'a ImportFile>,
    choices: &Choices,
    now: Timestamp,
) -> Merged {
    let mut out = Merged {
        workspace: local.clone(),
        changes: Vec::new(),
    };
    for file in files {
        let next = merge_file(&out.workspace, file, choices, now);
        out.workspace = next.workspace;
        out.changes.extend(next.changes);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::Id;
    use crate::persist::codec::test_support::{sample, ts};
    use crate::persist::export::json::{export_account, export_workspace, parse_import};

    #[test]
    fn a_file_is_seen_as_of_when_it_was_written() {
        let mut theirs = sample();
        theirs.id = Id::new("ws-colleague");
        let file = parse_import(&export_workspace(&theirs, ts(500))).unwrap();
        let mut mine = sample();
        mine.id = Id::new("ws-mine");
        let merged = merge_file(&mine, &file, &Choices::default(), ts(900));
        assert_eq!(merged.workspace.sync_marks[&theirs.id], ts(500));

        // An account file merges its one account and deletes nothing else.
        let id = theirs.accounts[0].id.clone();
        let one = parse_import(&export_account(&theirs, &id, ts(600)).unwrap()).unwrap();
        let merged = merge_files(&mine, [&file, &one], &Choices::default(), ts(900));
        assert_eq!(merged.workspace.accounts.len(), mine.accounts.len());
        assert_eq!(merged.workspace.sync_marks[&theirs.id], ts(600));
    }
}
