//! Share links: one account's export file carried in a URL fragment, which browsers never
//! send to a server. The fragment is `share=1.<N>.<data>`: the link format's version, the
//! JSON's length in bytes, and the file's JSON (without white space between tokens) as raw
//! DEFLATE primed with [`packed::DICTIONARY`], in base64url without padding.
//!
//! Opening a link gives back the file's text, which goes through the same import checks
//! and preview as a file. A link is text anyone may have altered: [`decode`] says what is
//! wrong with it and never panics, and it refuses anything that would take more than a few
//! megabytes to open. The format is described in `docs/format.md`.

use crate::persist::packed::{self, Damaged};

/// What a share link's fragment starts with (after the `#`).
pub const FRAGMENT_PREFIX: &str = "share=";
/// The version of the link format this app writes, and the newest it reads.
pub const LINK_VERSION: u64 = 1;
/// Links longer than this may be cut by chat tools and email clients; the app warns.
pub const CHAT_LIMIT: usize = 4_000;
/// Links longer than this are not offered (the account file is instead). Chromium takes URLs
/// up to 2 MiB and Firefox up to 1 MiB; 64,000 characters leaves room for engines and tools
/// with lower limits, and a plan this large is better sent as a file anyway.
pub const BROWSER_LIMIT: usize = 64_000;
/// Longer fragments are refused unread: no browser carries more (Chromium's URL limit).
pub const MAX_FRAGMENT: usize = 2 * 1024 * 1024;
/// The most JSON a link may claim to unpack to: a hundred times a busy account's file, and
/// little enough that a hostile link cannot exhaust memory.
pub const MAX_JSON_BYTES: usize = 8 * 1024 * 1024;

/// The base64url alphabet (RFC 4648 §5): every character is one a URL carries as it is.
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Why a share link did not open, in words for the person who opened it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// Altered or cut short on the way, with what is wrong.
    Damaged(String),
    /// Written by a newer app, in this link format version.
    Newer(u64),
    /// Longer than any browser carries, in characters.
    TooLong(usize),
}

impl std::fmt::Display for LinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LinkError::Damaged(why) => write!(
                f,
                "this link is damaged: {why}. It may have been cut short or changed on the way; \
                 ask the sender for the link again, or for the account file"
            ),
            LinkError::Newer(v) => write!(
                f,
                "this link was made by a newer version of Account Planner (link format {v}; \
                 this version reads format {LINK_VERSION}): update the app to open it, or ask \
                 the sender for the account file"
            ),
            LinkError::TooLong(n) => write!(
                f,
                "this link is too long to open ({n} characters, at most {MAX_FRAGMENT}): ask \
                 the sender for the account file"
            ),
        }
    }
}

/// Whether a URL fragment (without its `#`) is a share link's.
pub fn is_share_fragment(fragment: &str) -> bool {
    fragment.starts_with(FRAGMENT_PREFIX)
}

/// The fragment (without the `#`) of a link that carries `file_json`, an export file
/// ([`export_account`](super::json::export_account)), written without its indentation.
pub fn fragment(file_json: &str) -> String {
    let json = without_spaces(file_json);
    let data = packed::deflate(json.as_bytes());
    format!(
        "{FRAGMENT_PREFIX}{LINK_VERSION}.{}.{}",
        json.len(),
        to_base64(&data)
    )
}

/// JSON text without the white space between its tokens, which would only lengthen the
/// link. Read as text (inside strings or not), not parsed, so every number keeps its digits.
fn without_spaces(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            in_string = escaped || c != '"';
            escaped = !escaped && c == '\\';
        } else if c.is_ascii_whitespace() {
            continue;
        } else {
            in_string = c == '"';
        }
        out.push(c);
    }
    out
}

/// The export file's text a link's fragment (without the `#`) carries.
pub fn decode(fragment: &str) -> Result<String, LinkError> {
    let damaged = |why: &str| LinkError::Damaged(why.to_string());
    if fragment.len() > MAX_FRAGMENT {
        return Err(LinkError::TooLong(fragment.chars().count()));
    }
    let rest = fragment
        .strip_prefix(FRAGMENT_PREFIX)
        .ok_or_else(|| damaged("it is not a share link"))?;
    let mut parts = rest.splitn(3, '.');
    let version = parts.next().and_then(|v| v.parse::<u64>().ok());
    match version {
        None => return Err(damaged("it does not start with a format version")),
        Some(v) if v > LINK_VERSION => return Err(LinkError::Newer(v)),
        Some(LINK_VERSION) => {}
        Some(v) => {
            return Err(LinkError::Damaged(format!(
                "it names format {v}, which never existed"
            )))
        }
    }
    let len = parts
        .next()
        .and_then(|n| n.parse::<usize>().ok())
        .ok_or_else(|| damaged("its length is missing"))?;
    if len > MAX_JSON_BYTES {
        return Err(LinkError::Damaged(format!(
            "it claims {len} bytes, more than a shared plan can hold ({MAX_JSON_BYTES})"
        )));
    }
    let data = parts.next().ok_or_else(|| damaged("its data is missing"))?;
    let bytes = from_base64(data).map_err(LinkError::Damaged)?;
    let json = packed::inflate(&bytes, len).map_err(|Damaged(why)| LinkError::Damaged(why))?;
    String::from_utf8(json).map_err(|_| damaged("it unpacks to text that is not UTF-8"))
}

/// `bytes` in base64url without padding. Hand-written: the `base64` crate's engine cost
/// the app more than these two functions (see `docs/architecture.md`).
fn to_base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
        }
    }
    out
}

/// The bytes of base64url text without padding, or what is wrong with it, in words.
fn from_base64(text: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    let (mut acc, mut bits) = (0u32, 0u32);
    for (at, c) in text.chars().enumerate() {
        let Some(v) = ALPHABET.iter().position(|&a| char::from(a) == c) else {
            return Err(format!(
                "it has a character that cannot be in a share link ({c:?}, at {} of its data)",
                at + 1
            ));
        };
        acc = (acc << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    // A last character that carries no whole byte, or bits after the last byte: cut short.
    if bits >= 6 || acc != 0 {
        return Err("its data ends part-way through".into());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::Id;
    use crate::domain::sample::synthetic::{synthetic_workspace, BENCH, SMALL};
    use crate::persist::export::json::{export_account, parse_import};
    use crate::persist::export::sample;
    use proptest::prelude::*;

    fn acme_file() -> String {
        export_account(
            &sample::workspace(),
            &Id::new("acc-acme"),
            chrono::DateTime::UNIX_EPOCH,
        )
        .unwrap()
    }

    fn acme_link() -> String {
        fragment(&acme_file())
    }

    fn today() -> chrono::NaiveDate {
        sample::day(2026, 6, 1)
    }

    #[test]
    fn a_link_opens_to_the_same_import_as_the_file() {
        let file = acme_file();
        let link = acme_link();
        assert!(link.starts_with("share=1."), "{link}");
        assert!(is_share_fragment(&link));
        assert!(
            link[FRAGMENT_PREFIX.len()..]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)),
            "only characters a URL carries as they are: {link}"
        );
        let opened = decode(&link).unwrap();
        assert_eq!(parse_import(&opened), parse_import(&file));
    }

    #[test]
    fn white_space_goes_only_between_tokens() {
        let pretty = "{\n  \"a b\": [1, 2.50],\n  \"q\\\" \\\\\": \" x \"\n}";
        assert_eq!(
            without_spaces(pretty),
            "{\"a b\":[1,2.50],\"q\\\" \\\\\":\" x \"}"
        );
    }

    #[test]
    fn a_busy_account_fits_a_link_that_browsers_open() {
        let ws = synthetic_workspace(7, 1, &BENCH, today());
        let id = &ws.accounts[0].id;
        let file = export_account(&ws, id, chrono::DateTime::UNIX_EPOCH).unwrap();
        let link = fragment(&file);
        assert!(link.len() < BROWSER_LIMIT, "{} characters", link.len());
        assert_eq!(parse_import(&decode(&link).unwrap()), parse_import(&file));
    }

    #[test]
    fn a_link_cut_short_says_it_is_damaged() {
        let link = acme_link();
        for keep in [link.len() - 1, link.len() - 7, link.len() / 2, 9, 7, 6] {
            let err = decode(&link[..keep]).unwrap_err();
            assert!(matches!(err, LinkError::Damaged(_)), "{keep}: {err:?}");
            assert!(
                err.to_string().starts_with("this link is damaged: "),
                "{err}"
            );
        }
    }

    #[test]
    fn a_changed_character_says_what_is_wrong() {
        let link = acme_link();
        let at = link.len() - 20;
        let bad = format!("{}*{}", &link[..at], &link[at + 1..]);
        let err = decode(&bad).unwrap_err().to_string();
        assert!(
            err.contains("a character that cannot be in a share link ('*'"),
            "{err}"
        );
    }

    #[test]
    fn a_newer_format_asks_for_a_newer_app() {
        let link = acme_link().replacen("share=1.", "share=2.", 1);
        let err = decode(&link).unwrap_err();
        assert_eq!(err, LinkError::Newer(2));
        assert!(err.to_string().contains("newer version of Account Planner"));
    }

    #[test]
    fn a_hostile_length_is_refused_before_anything_is_unpacked() {
        let err = decode("share=1.99999999999.AAAA").unwrap_err().to_string();
        assert!(err.contains("more than a shared plan can hold"), "{err}");
        let huge = format!("share=1.10.{}", "A".repeat(MAX_FRAGMENT));
        assert!(matches!(decode(&huge), Err(LinkError::TooLong(_))));
    }

    #[test]
    fn a_link_that_claims_a_wrong_length_is_refused() {
        let link = acme_link();
        let (head, data) = link.rsplit_once('.').unwrap();
        let len: usize = head.rsplit_once('.').unwrap().1.parse().unwrap();
        for claimed in [len - 1, len + 1, 0] {
            let bad = format!("share=1.{claimed}.{data}");
            assert!(
                matches!(decode(&bad), Err(LinkError::Damaged(_))),
                "{claimed}"
            );
        }
    }

    #[test]
    fn odd_fragments_are_damaged_not_panics() {
        for f in [
            "share=",
            "share=.",
            "share=x.1.A",
            "share=1",
            "share=1.",
            "share=1.x.A",
            "share=0.1.AA",
            "share=1.0.",
        ] {
            assert!(matches!(decode(f), Err(LinkError::Damaged(_))), "{f}");
        }
        assert!(!is_share_fragment("main"));
    }

    proptest! {
        #[test]
        fn any_fragment_text_is_refused_or_opened_never_a_panic(text in "\\PC{0,200}") {
            let _ = decode(&text);
            let _ = decode(&format!("share={text}"));
            let _ = decode(&format!("share=1.{text}"));
        }

        #[test]
        fn any_data_after_a_valid_head_never_panics(
            len in 0usize..100_000,
            data in "[A-Za-z0-9_=-]{0,300}",
        ) {
            let _ = decode(&format!("share=1.{len}.{data}"));
        }

        #[test]
        fn any_bytes_behind_a_valid_head_never_panic(
            bytes in proptest::collection::vec(any::<u8>(), 0..400),
            len in 0usize..10_000,
        ) {
            let _ = decode(&format!("share=1.{len}.{}", to_base64(&bytes)));
        }

        #[test]
        fn base64_matches_the_standard(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            use base64::Engine;
            let standard = base64::engine::general_purpose::URL_SAFE_NO_PAD;
            let text = to_base64(&bytes);
            prop_assert_eq!(&text, &standard.encode(&bytes));
            prop_assert_eq!(from_base64(&text).unwrap(), bytes);
        }

        #[test]
        fn base64_refuses_what_the_standard_refuses(text in "[A-Za-z0-9_=*-]{0,40}") {
            use base64::Engine;
            let standard = base64::engine::general_purpose::URL_SAFE_NO_PAD;
            prop_assert_eq!(from_base64(&text).ok(), standard.decode(&text).ok());
        }

        #[test]
        fn synthetic_accounts_round_trip(seed in any::<u64>()) {
            let ws = synthetic_workspace(seed, 1, &SMALL, today());
            let id = &ws.accounts[0].id;
            let file = export_account(&ws, id, chrono::DateTime::UNIX_EPOCH).unwrap();
            let opened = decode(&fragment(&file)).unwrap();
            prop_assert_eq!(parse_import(&opened), parse_import(&file));
        }
    }
}
