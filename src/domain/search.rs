//! Search across accounts: accounts, contacts, goals, opportunities, actions and notes
//! (interaction notes and account notes). Case- and accent-insensitive; every word of the
//! query must match; a match at the start of the name ranks above one at the start of a
//! word, which ranks above one inside a word; each kind's list is capped.
//!
//! The workspace's text is folded once into an [`Index`] (one string, every entity's text
//! one line of it), so that a keystroke is one scan of that string for the query's longest
//! word, and the other words are checked on the lines it found.

use std::cmp::Reverse;

use memchr::memmem::Finder;

use super::model::{Id, PlanPart, Workspace};

/// The kinds of results, in the order they are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Account,
    Contact,
    Goal,
    Opportunity,
    Action,
    Note,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Account,
        Kind::Contact,
        Kind::Goal,
        Kind::Opportunity,
        Kind::Action,
        Kind::Note,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Kind::Account => "Accounts",
            Kind::Contact => "Contacts",
            Kind::Goal => "Goals",
            Kind::Opportunity => "Opportunities",
            Kind::Action => "Actions",
            Kind::Note => "Notes",
        }
    }
}

/// Lowercases and strips the accents of Latin letters ("Zoë Ångström" → "zoe angstrom"),
/// so that a query typed without them finds names written with them.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        for l in c.to_lowercase() {
            match base_letter(l) {
                Some(s) => out.push_str(s),
                None => out.push(l),
            }
        }
    }
    out
}

/// The unaccented letters of an accented lowercase Latin letter.
fn base_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' => "s",
        'ţ' | 'ť' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        _ => return None,
    })
}

/// Where one entity is: its kind, its account (by position) and its position in its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    kind: Kind,
    account: u32,
    at: u32,
    /// Its line of [`Index::text`]: `start..label_end` is the folded label, `..end` the rest.
    start: u32,
    label_end: u32,
    end: u32,
}

/// The folded text of every entity of a workspace, built once per version of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Index {
    text: String,
    entries: Vec<Entry>,
}

impl Index {
    pub fn len(&self) -> usize {
        self.entries.len()
    }
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// The label (shown first) and detail of one entity: the text it is found by.
fn texts(ws: &Workspace, kind: Kind, account: usize, at: usize) -> Option<(&str, String)> {
    let a = ws.accounts.get(account)?;
    let p = &a.plan;
    Some(match kind {
        Kind::Account if at == 0 => (a.name.as_str(), a.industry.clone()),
        Kind::Note if at == 0 => (a.notes.as_str(), String::new()),
        Kind::Account => return None,
        Kind::Contact => {
            let c = p.contacts.get(at)?;
            let detail = [c.title.as_str(), c.email.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" · ");
            (c.name.as_str(), detail)
        }
        Kind::Goal => {
            let g = p.goals.get(at)?;
            (g.title.as_str(), g.description.clone())
        }
        Kind::Opportunity => {
            let o = p.opportunities.get(at)?;
            (o.name.as_str(), o.next_step.clone())
        }
        Kind::Action => (p.actions.get(at)?.title.as_str(), String::new()),
        // Interaction notes come after the account's own note (at 0).
        Kind::Note => (p.interactions.get(at - 1)?.note.as_str(), String::new()),
    })
}

/// Folds every entity's text into one index; empty texts are left out.
pub fn index(ws: &Workspace) -> Index {
    let mut ix = Index::default();
    for (i, a) in ws.accounts.iter().enumerate() {
        let p = &a.plan;
        let lists = [
            (Kind::Account, 1),
            (Kind::Contact, p.contacts.len()),
            (Kind::Goal, p.goals.len()),
            (Kind::Opportunity, p.opportunities.len()),
            (Kind::Action, p.actions.len()),
            (Kind::Note, 1 + p.interactions.len()),
        ];
        for (kind, n) in lists {
            for at in 0..n {
                let Some((label, detail)) = texts(ws, kind, i, at) else {
                    continue;
                };
                if label.trim().is_empty() {
                    continue;
                }
                let start = ix.text.len() as u32;
                ix.text.push_str(&fold(label));
                let label_end = ix.text.len() as u32;
                if !detail.is_empty() {
                    ix.text.push('\n');
                    ix.text.push_str(&fold(&detail));
                }
                let end = ix.text.len() as u32;
                // Lines end in a newline, which no query word holds.
                ix.text.push('\n');
                ix.entries.push(Entry {
                    kind,
                    account: i as u32,
                    at: at as u32,
                    start,
                    label_end,
                    end,
                });
            }
        }
    }
    ix
}

/// One result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub kind: Kind,
    pub account: Id,
    pub account_name: String,
    /// The contact, goal, opportunity, action or interaction; `None` for the account itself
    /// and its notes.
    pub entity: Option<Id>,
    pub label: String,
    pub detail: String,
    /// The section it leads to; `None`: the account's overview.
    pub part: Option<PlanPart>,
    /// Higher first: for each word 3 at the start of the label, 2 at the start of a word of
    /// it, 1 inside it, 0 in the detail only.
    pub rank: u32,
}

/// One kind's best results, and how many matched in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub kind: Kind,
    pub hits: Vec<Hit>,
    pub total: usize,
}

/// The query's folded words, longest first (the scan looks for the first).
fn words(query: &str) -> Vec<String> {
    let mut w: Vec<String> = query.split_whitespace().map(fold).collect();
    w.sort_by_key(|w| Reverse(w.len()));
    w.dedup();
    w
}

/// How well the word `finder` looks for matches the folded `label` (see [`Hit::rank`]).
fn rank_in(label: &str, finder: &Finder) -> u32 {
    if label.as_bytes().starts_with(finder.needle()) {
        return 3;
    }
    let mut best = 0;
    for at in finder.find_iter(label.as_bytes()) {
        if at == 0 {
            return 3;
        }
        let before = label[..at].chars().next_back();
        best = best.max(if before.is_some_and(|c| !c.is_alphanumeric()) {
            2
        } else {
            1
        });
    }
    best
}

/// The entities of `ws` (indexed as `ix`) matching every word of `query`, best first, at
/// most `cap` of each kind; only kinds with results are listed. The empty query finds
/// nothing.
pub fn search(ws: &Workspace, ix: &Index, query: &str, cap: usize) -> Vec<Group> {
    let words = words(query);
    if words.is_empty() {
        return Vec::new();
    }
    let mut found: [Vec<(u32, usize)>; 6] = Default::default();
    let finders: Vec<Finder> = words.iter().map(|w| Finder::new(w.as_bytes())).collect();
    let (scan, others) = (&finders[0], &finders[1..]);
    let text = ix.text.as_bytes();
    let (mut from, mut e) = (0, 0);
    // Per kind: lines found at the best rank there is, and lines only counted (see below).
    let best = 3 * finders.len() as u32;
    let (mut at_best, mut counted) = ([0usize; 6], [0usize; 6]);
    while let Some(pos) = scan.find(&text[from..]) {
        let pos = from + pos;
        // The line holding the match: the first, from the last one, that ends after it
        // (a walk, not a binary search: at most one step per line over the whole scan).
        while ix.entries.get(e).is_some_and(|x| (x.end as usize) < pos) {
            e += 1;
        }
        let Some(entry) = ix.entries.get(e) else {
            break;
        };
        from = entry.end as usize + 1;
        let line = &text[entry.start as usize..entry.end as usize];
        let k = entry.kind as usize;
        if others.iter().all(|w| w.find(line).is_some()) {
            if at_best[k] >= cap {
                // `cap` earlier lines of this kind rank best, and ties go to the earlier
                // line: this one cannot be shown, only counted.
                counted[k] += 1;
            } else {
                let label = &ix.text[entry.start as usize..entry.label_end as usize];
                let rank = finders.iter().map(|w| rank_in(label, w)).sum();
                at_best[k] += usize::from(rank == best);
                found[k].push((rank, e));
            }
        }
        e += 1;
        if from >= text.len() {
            break;
        }
    }
    Kind::ALL
        .into_iter()
        .zip(found)
        .filter(|(_, f)| !f.is_empty())
        .map(|(kind, mut f)| {
            let total = f.len() + counted[kind as usize];
            let by = |x: &(u32, usize)| (Reverse(x.0), x.1);
            if f.len() > cap && cap > 0 {
                f.select_nth_unstable_by_key(cap - 1, by);
            }
            f.truncate(cap);
            f.sort_by_key(by);
            let hits = f
                .into_iter()
                .filter_map(|(rank, e)| hit(ws, &ix.entries[e], rank))
                .collect();
            Group { kind, hits, total }
        })
        .collect()
}

fn hit(ws: &Workspace, e: &Entry, rank: u32) -> Option<Hit> {
    let (i, at) = (e.account as usize, e.at as usize);
    let a = ws.accounts.get(i)?;
    let (label, detail) = texts(ws, e.kind, i, at)?;
    let p = &a.plan;
    let (entity, part) = match e.kind {
        Kind::Account => (None, None),
        Kind::Contact => (Some(&p.contacts[at].id), Some(PlanPart::Contacts)),
        Kind::Goal => (Some(&p.goals[at].id), Some(PlanPart::Goals)),
        Kind::Opportunity => (Some(&p.opportunities[at].id), Some(PlanPart::Opportunities)),
        Kind::Action => (Some(&p.actions[at].id), Some(PlanPart::Actions)),
        Kind::Note if at == 0 => (None, None),
        Kind::Note => (Some(&p.interactions[at - 1].id), Some(PlanPart::Contacts)),
    };
    Some(Hit {
        kind: e.kind,
        account: a.id.clone(),
        account_name: a.name.clone(),
        entity: entity.cloned(),
        label: label.to_string(),
        detail,
        part,
        rank,
    })
}

#[cfg(test)]
mod tests;
