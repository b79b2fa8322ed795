//! Ids, instants and money: the plain values every entity is made of.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Wall-clock instant of the last change to an entity, used to merge imports.
pub type Timestamp = DateTime<Utc>;

/// An amount of money in the account's currency (whole units; cents allowed).
pub type Money = f64;

/// A stable, globally unique identifier. Ids never change once given, so that two copies
/// of a workspace can be merged entity by entity.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
#[serde(transparent)]
pub struct Id(pub String);

impl Id {
    pub fn new(s: impl Into<String>) -> Self {
        Id(s.into())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Id {
    fn from(s: &str) -> Self {
        Id(s.to_string())
    }
}

/// A fresh id: a prefix naming the kind of entity, the creation time and random bits.
/// The caller supplies both (the domain never reads the clock or a random source), and
/// the time part keeps ids made on one device roughly in creation order.
pub fn new_id(prefix: &str, now_ms: i64, random: u64) -> Id {
    Id(format!(
        "{prefix}-{}{}",
        base36(now_ms.max(0) as u64),
        base36(random)
    ))
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).expect("ascii digits")
}
