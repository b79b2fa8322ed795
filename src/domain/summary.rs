//! An account's summary: what the portfolio's first screen shows of it before its plan is
//! decoded. Stored beside each account by the same save (see `persist::codec`), so that a
//! start with many accounts lists them all at once and fills in the rest as plans decode.
//!
//! Only what lists, finds and filters an account: each summary costs every stored account
//! its characters (a JSON array, about 50 for the benchmark's accounts), and 1,000 accounts
//! must stay within 4 Mi characters of the browser's 5 Mi.

use serde::{Deserialize, Serialize};

use super::model::{Account, Id, Segment};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(into = "Stored", from = "Stored")]
pub struct AccountSummary {
    pub name: String,
    pub segment: Segment,
    pub owner: Option<Id>,
    pub archived: bool,
}

/// As stored: `["name","segment","owner" or null,archived]`.
type Stored = (String, Segment, Option<Id>, bool);

impl From<AccountSummary> for Stored {
    fn from(s: AccountSummary) -> Stored {
        (s.name, s.segment, s.owner, s.archived)
    }
}

impl From<Stored> for AccountSummary {
    fn from((name, segment, owner, archived): Stored) -> AccountSummary {
        AccountSummary {
            name,
            segment,
            owner,
            archived,
        }
    }
}

impl AccountSummary {
    pub fn of(a: &Account) -> AccountSummary {
        AccountSummary {
            name: a.name.clone(),
            segment: a.segment,
            owner: a.owner.clone(),
            archived: a.archived,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_is_stored_as_a_short_array() {
        let mut a = Account {
            id: Id::new("acc-1"),
            name: "Silverpeak \"Telecom\"".into(),
            segment: Segment::Key,
            owner: Some(Id::new("tm-002")),
            ..Account::default()
        };
        let json = serde_json::to_string(&AccountSummary::of(&a)).unwrap();
        assert_eq!(json, r#"["Silverpeak \"Telecom\"","key","tm-002",false]"#);
        a.owner = None;
        a.archived = true;
        let back: AccountSummary = serde_json::from_str(r#"["X","growth",null,true]"#).unwrap();
        assert_eq!(back.owner, None);
        assert!(back.archived);
        assert!(serde_json::from_str::<AccountSummary>(r#"["X","nope",null,true]"#).is_err());
    }
}
