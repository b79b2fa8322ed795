//! Compact text for large stored values: raw DEFLATE primed with a fixed dictionary, written
//! as characters that carry 15.67 bits each.
//!
//! localStorage holds about 5 Mi UTF-16 code units per origin, whatever they are; JSON spends
//! one unit per byte. An account of a busy portfolio (30 contacts, 200 interactions) is
//! about 70,000 characters of JSON and under 4,500 packed, which is what lets 1,000 such
//! accounts fit the browser's quota.
//!
//! * The dictionary ([`DICTIONARY`]) is the skeleton of a stored account: the field names and
//!   common values DEFLATE would otherwise spell out once per value. It is part of the format:
//!   changing it makes every packed value unreadable, so a new one needs a new format version.
//! * The text uses the 53,248 characters U+0800–U+D7FF, all single UTF-16 units that JSON
//!   strings hold without escapes: every 47 bits (under 53,248³) become three of them.
//! * The stored value ([`pack`], [`unpack`]) is a small JSON envelope around that text, whose
//!   own version ([`PACKED_VERSION`]) is the packing's.
//!
//! Everything here is pure; a damaged value is reported, never guessed at.

use miniz_oxide::deflate::core::{
    compress, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush, TDEFLStatus,
};
use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;

/// The first character of the alphabet.
const FIRST: u32 = 0x0800;
/// How many characters the alphabet has (U+0800 up to, not including, the surrogates).
const BASE: u64 = 0xD800 - 0x0800;
/// Bits carried by each group of three characters.
const GROUP_BITS: u32 = 47;
/// The largest value a packed value may claim to unpack to: more than any real account, and
/// small enough that a damaged length cannot exhaust memory.
pub const MAX_UNPACKED: usize = 64 * 1024 * 1024;

/// The preset dictionary, version 1: a stored account's skeleton. Frozen (see the module
/// documentation); `a_packed_value_of_format_1_still_opens` guards it.
pub const DICTIONARY: &str = concat!(
    r#"{"account":{"archived":false,"created_on":"","fiscal_year_start_month":0,"id":"acc-","#,
    r#""industry":"","name":"","notes":"","owner":"tm-","plan":{"actions":[{"created_on":"","#,
    r#""due":"","id":"act-","link":{"id":"opp-","kind":"opportunity"},"owner":"tm-","#,
    r#""status":"open","title":"","updated_at":"T12:00:00Z","completed_on":""}],"#,
    r#""cadence":[{"accepted_by_all":true,"attendees":["con-"],"held":[""],"id":"mtg-","#,
    r#""internal_attendees":["tm-"],"meeting_type":"","next_date":"","#,
    r#""recurrence":"quarterly","title":""}],"contacts":[{"department":"","email":"","#,
    r#""id":"con-","level":"","major_challenge":"","name":"","notes":"","owner":"tm-","#,
    r#""phone":"","role":"decision_maker","stance":"champion","strength":0,"title":"","#,
    r#""updated_at":"T12:00:00Z"}],"contract":{"end_date":"","notes":"","notice_days":0,"#,
    r#""renewal_status":"not_started","risk":"low","start_date":"","value":0.5},"#,
    r#""feedback":{"keep":[{"date":"","id":"fb-","source_contact":"con-","text":""}],"#,
    r#""start":[{"date":"","id":"fb-","source_contact":"con-","text":""}],"stop":[{"date":"","#,
    r#""id":"fb-","text":"","source_contact":"con-"}]},"goals":[{"description":"","#,
    r#""id":"goal-","kind":"initiative","source_contact":"con-","title":"","#,
    r#""updated_at":"T12:00:00Z"}],"interactions":[{"by":"tm-","contacts":["con-"],"date":"","#,
    r#""id":"int-","kind":"call","note":"","updated_at":"T12:00:00Z"}],"#,
    r#""measures":[{"direction":"higher_is_better","evaluator":"con-","goal":"goal-","#,
    r#""id":"msr-","last_checked":"","method":"","name":"","rhythm":"quarterly","target":0.5,"#,
    r#""unit":"points","updated_at":"T12:00:00Z","current":0.5}],"#,
    r#""opportunities":[{"close_date":"","created_on":"","dimension":"grow","goal":"goal-","#,
    r#""id":"opp-","name":"","next_step":"","owner":"tm-","probability":0.5,"stage":"won","#,
    r#""updated_at":"T12:00:00Z","value":0.5}],"revenue":{"commitment":0.5,"#,
    r#""growth_target":0.5,"last_year":0.5,"quarterly_actuals":[0.5]},"#,
    r#""reviewed":{"actions":"","cadence":"","contacts":"","contract":"","feedback":"","#,
    r#""goals":"","opportunities":"","success_measures":"","team":"","white_space":"","#,
    r#""revenue":""},"reviews":[{"answers":[],"date":"","follow_ups":["act-"],"id":"rev-","#,
    r#""kind":"monthly","notes":"","parts":["success_measures"],"reviewer":"tm-","#,
    r#""snapshot":{"components":{"cadence":0,"coverage":0,"execution":0,"freshness":0,"#,
    r#""growth_pipeline":0,"relationship_balance":0,"revenue":0,"success_measures":0},"#,
    r#""contacts":[{"id":"con-","name":""}],"goals":[{"id":"goal-","name":""}],"#,
    r#""opportunities":[{"id":"opp-","name":""}],"overall":0}}],"#,
    r#""team":[{"executive_sponsor":false,"id":"role-","member":"tm-","responsibilities":"","#,
    r#""role":""}],"white_space":{"cells":[{"note":"","offering":"","#,
    r#""status":"not_applicable","unit":"unit-","competitor":"","value":0.5}],"#,
    r#""units":[{"id":"unit-","name":""}]},"year":0},"segment":"key","#,
    r#""updated_at":"T12:00:00Z"},"schema_version":0}"#,
);

/// Why a packed value could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damaged(pub String);

impl std::fmt::Display for Damaged {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The compression level: 6 packs a busy account in a little over half the time of 9
/// (it is packed on every keystroke) and into about 1% more characters.
const LEVEL: i32 = 6;

/// DEFLATE of `data`, primed with [`DICTIONARY`].
pub fn deflate(data: &[u8]) -> Vec<u8> {
    let flags = create_comp_flags_from_zip_params(LEVEL, -15, 0);
    let mut c = CompressorOxide::new(flags);
    // Run the dictionary through first and drop its output: what follows starts on a byte
    // boundary and may refer back into it, as a decoder primed with the same bytes expects.
    let mut scratch = vec![0u8; DICTIONARY.len() * 2 + 64];
    let (status, used, _) = compress(
        &mut c,
        DICTIONARY.as_bytes(),
        &mut scratch,
        TDEFLFlush::Sync,
    );
    debug_assert!(status == TDEFLStatus::Okay && used == DICTIONARY.len());
    let mut out = Vec::with_capacity(data.len() / 8 + 64);
    let mut chunk = vec![0u8; 64 * 1024];
    let mut input = data;
    loop {
        let (status, used, written) = compress(&mut c, input, &mut chunk, TDEFLFlush::Finish);
        out.extend_from_slice(&chunk[..written]);
        input = &input[used..];
        match status {
            TDEFLStatus::Done => return out,
            TDEFLStatus::Okay => continue,
            // Only possible with bad parameters, which are constants here.
            other => unreachable!("deflate failed: {other:?}"),
        }
    }
}

/// The bytes [`deflate`] was given, which were `len` long.
pub fn inflate(data: &[u8], len: usize) -> Result<Vec<u8>, Damaged> {
    if len > MAX_UNPACKED {
        return Err(Damaged(format!(
            "it claims {len} bytes, more than any account"
        )));
    }
    let (status, out) = primed_inflate(data, len, 0);
    let written = out.len();
    match status {
        TINFLStatus::Done if written == len => Ok(out),
        TINFLStatus::Done => Err(Damaged(format!(
            "it unpacks to {written} bytes instead of {len}"
        ))),
        TINFLStatus::HasMoreOutput => Err(Damaged(format!(
            "it unpacks to more than the {len} bytes it claims"
        ))),
        TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
            Err(Damaged("its compressed data ends too early".into()))
        }
        _ => Err(Damaged("its compressed data is corrupt".into())),
    }
}

/// Up to `limit` bytes from the start of what [`deflate`] was given, from data that may be cut
/// short or damaged further on: as much as opens, for naming what was lost.
pub fn inflate_prefix(data: &[u8], limit: usize) -> Vec<u8> {
    primed_inflate(data, limit, inflate_flags::TINFL_FLAG_HAS_MORE_INPUT).1
}

thread_local! {
    /// The inflate window: [`DICTIONARY`], then room for one value. Kept from one value to
    /// the next, since a load inflates a thousand accounts: a zeroed buffer for each, whose
    /// bytes were then shifted down past the dictionary, was about a twentieth of a
    /// 1,000-account load in the browser.
    static WINDOW: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The window is given back down to this after a larger value (a damaged one may claim up
/// to [`MAX_UNPACKED`]).
const KEEP_WINDOW: usize = 1 << 20;

/// Inflates `data` into at most `limit` bytes with [`DICTIONARY`] as the history its back
/// references may reach into: the status, and the bytes written.
fn primed_inflate(data: &[u8], limit: usize, flags: u32) -> (TINFLStatus, Vec<u8>) {
    let start = DICTIONARY.len();
    WINDOW.with_borrow_mut(|window| {
        if window.is_empty() {
            window.extend_from_slice(DICTIONARY.as_bytes());
        }
        // What lies past the dictionary is never read: back references reach only bytes
        // written before them, and the dictionary is never written over.
        if window.len() < start + limit {
            window.resize(start + limit, 0);
        }
        let mut d = DecompressorOxide::new();
        let flags = flags | inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
        let (status, _, written) =
            decompress(&mut d, data, &mut window[..start + limit], start, flags);
        let out = window[start..start + written].to_vec();
        if window.len() > start + KEEP_WINDOW {
            window.truncate(start + KEEP_WINDOW);
            window.shrink_to_fit();
        }
        (status, out)
    })
}

/// The bytes of the complete, valid groups at the start of `text` (see [`from_text`]).
pub fn from_text_prefix(text: &str) -> Vec<u8> {
    let mut chars = text.chars();
    bytes_of(0, std::iter::from_fn(|| next_group(&mut chars)?.ok()))
}

/// `bytes` as text of the 53,248-character alphabet; [`from_text`] needs the byte count.
pub fn to_text(bytes: &[u8]) -> String {
    let mut out = String::with_capacity((bytes.len() * 8).div_ceil(GROUP_BITS as usize) * 9);
    let mut acc: u64 = 0;
    let mut held: u32 = 0;
    let emit = |group: u64, out: &mut String| {
        let digits = [group / (BASE * BASE), group / BASE % BASE, group % BASE];
        for d in digits {
            // In range by construction: FIRST + d < 0xD800.
            out.push(char::from_u32(FIRST + d as u32).unwrap_or('\u{FFFD}'));
        }
    };
    for &b in bytes {
        acc = (acc << 8) | u64::from(b);
        held += 8;
        if held >= GROUP_BITS {
            let extra = held - GROUP_BITS;
            emit(acc >> extra, &mut out);
            acc &= (1u64 << extra) - 1;
            held = extra;
        }
    }
    if held > 0 {
        emit(acc << (GROUP_BITS - held), &mut out);
    }
    out
}

/// The `len` bytes [`to_text`] wrote as `text`.
pub fn from_text(text: &str, len: usize) -> Result<Vec<u8>, Damaged> {
    let groups = (len * 8).div_ceil(GROUP_BITS as usize);
    match from_utf8_groups(text.as_bytes(), groups) {
        Some(mut out) => {
            out.truncate(len);
            Ok(out)
        }
        // Something is wrong: read it again character by character, to say what.
        None => from_chars(text, len, groups),
    }
}

/// The bytes of exactly `groups` groups, read straight from the UTF-8 of the text (every
/// character of the alphabet is three bytes of it): a load reads 1,000 accounts' text, and
/// decoding it character by character took about a tenth of unpacking it. `None` when the
/// text is anything but that, for [`from_chars`] to explain.
fn from_utf8_groups(utf8: &[u8], groups: usize) -> Option<Vec<u8>> {
    if utf8.len() != groups * 9 {
        return None;
    }
    let mut whole = true;
    let out = bytes_of(
        groups,
        utf8.chunks_exact(9).map_while(|nine| {
            let group = group_of_utf8(nine);
            whole &= group.is_some();
            group
        }),
    );
    whole.then_some(out)
}

/// The 47 bits that nine bytes of UTF-8 carry as three characters of the alphabet.
fn group_of_utf8(nine: &[u8]) -> Option<u64> {
    let mut group: u64 = 0;
    for c in nine.chunks_exact(3) {
        // A lead byte 0xE0–0xEF starts a three-byte character, and the text is valid
        // UTF-8, so the two bytes after it are that character's own.
        if c[0] & 0xF0 != 0xE0 {
            return None;
        }
        let code =
            (u32::from(c[0] & 0x0F) << 12) | (u32::from(c[1] & 0x3F) << 6) | u32::from(c[2] & 0x3F);
        let d = u64::from(code.checked_sub(FIRST)?);
        if d >= BASE {
            return None;
        }
        group = group * BASE + d;
    }
    (group >> GROUP_BITS == 0).then_some(group)
}

/// [`from_text`] character by character, naming the first thing wrong.
fn from_chars(text: &str, len: usize, groups: usize) -> Result<Vec<u8>, Damaged> {
    let mut chars = text.chars();
    let mut values = Vec::with_capacity(groups);
    for g in 0..groups {
        match next_group(&mut chars) {
            Some(Ok(group)) => values.push(group),
            Some(Err(Damaged(why))) => return Err(Damaged(format!("{why}, at group {g}"))),
            None => {
                return Err(Damaged(format!(
                    "its text ends early, at group {g} of {groups}"
                )))
            }
        }
    }
    if chars.next().is_some() {
        return Err(Damaged("its text is longer than it claims".into()));
    }
    let mut out = bytes_of(groups, values.into_iter());
    out.truncate(len);
    Ok(out)
}

/// The next three characters of `text` as the 47 bits they carry; `None` at its end.
fn next_group(chars: &mut std::str::Chars) -> Option<Result<u64, Damaged>> {
    let mut group: u64 = 0;
    for i in 0..3 {
        let Some(c) = chars.next() else {
            return (i > 0).then(|| Err(Damaged("its text ends inside a group".into())));
        };
        let Some(d) = (c as u32)
            .checked_sub(FIRST)
            .map(u64::from)
            .filter(|d| *d < BASE)
        else {
            return Some(Err(Damaged(format!(
                "its text holds a foreign character (U+{:04X})",
                c as u32
            ))));
        };
        group = group * BASE + d;
    }
    if group >> GROUP_BITS != 0 {
        return Some(Err(Damaged("its text is corrupt".into())));
    }
    Some(Ok(group))
}

/// The bytes 47-bit groups carry, in order (the last partial byte dropped); `expected`
/// groups are room made up front.
fn bytes_of(expected: usize, groups: impl Iterator<Item = u64>) -> Vec<u8> {
    let mut out = Vec::with_capacity(expected * GROUP_BITS as usize / 8 + 1);
    let mut acc: u64 = 0;
    let mut held: u32 = 0;
    for group in groups {
        acc = (acc << GROUP_BITS) | group;
        held += GROUP_BITS;
        while held >= 8 {
            held -= 8;
            out.push((acc >> held) as u8);
        }
        acc &= (1u64 << held) - 1;
    }
    out
}

/// The version of a packed value's outer envelope. It is above every schema version an app
/// from before packing knows, so such an app refuses packed values as newer (and writes
/// nothing) instead of setting them aside as damaged. The envelope inside keeps the model's
/// own [`SCHEMA_VERSION`](crate::domain::model::SCHEMA_VERSION) and migrates with it.
pub const PACKED_VERSION: u64 = 2;

/// A packed value: `{"schema_version":2,"summary":{…},"deflate":"…","deflate_bytes":M,
/// "json_bytes":N}`, where `deflate` is [`to_text`] of [`deflate`] of the N bytes of JSON,
/// and the optional `summary`, first, is plain JSON read without unpacking (see
/// [`summary_of`]).
#[derive(serde::Serialize, serde::Deserialize)]
struct PackedValue<'a, S> {
    schema_version: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<S>,
    #[serde(borrow)]
    deflate: std::borrow::Cow<'a, str>,
    deflate_bytes: usize,
    json_bytes: usize,
}

/// `json` as a packed value (see the module documentation).
pub fn pack(json: &str) -> String {
    pack_value::<()>(json, None)
}

/// `json` as a packed value with `summary` beside it, readable without unpacking.
pub fn pack_with_summary<S: serde::Serialize>(json: &str, summary: &S) -> String {
    pack_value(json, Some(summary))
}

fn pack_value<S: serde::Serialize>(json: &str, summary: Option<&S>) -> String {
    let bytes = deflate(json.as_bytes());
    let value = PackedValue {
        schema_version: PACKED_VERSION,
        summary,
        deflate: to_text(&bytes).into(),
        deflate_bytes: bytes.len(),
        json_bytes: json.len(),
    };
    serde_json::to_string(&value).unwrap_or_default()
}

/// The summary of a packed value of this version, read from the start of `raw` without
/// scanning the packed text; `None` when it has none, or one that does not decode as `T`.
pub fn summary_of<T: serde::de::DeserializeOwned>(raw: &str) -> Option<T> {
    const START: &str = "{\"schema_version\":2,\"summary\":";
    debug_assert_eq!(PACKED_VERSION, 2, "START names the version");
    let rest = raw.strip_prefix(START)?;
    // One value, then whatever follows (the rest of the envelope) is not read.
    T::deserialize(&mut serde_json::Deserializer::from_str(rest)).ok()
}

/// The JSON inside a packed value; `Ok(None)` when `raw` is not packed (a plain value of an
/// earlier version, read as it is).
pub fn unpack(raw: &str) -> Result<Option<String>, UnpackError> {
    if !raw.contains("\"deflate\"") {
        return Ok(None);
    }
    let Ok(value) = serde_json::from_str::<PackedValue<serde::de::IgnoredAny>>(raw) else {
        // Not a packed value after all (a plain one that mentions the word).
        return Ok(None);
    };
    if value.schema_version > PACKED_VERSION {
        return Err(UnpackError::Newer(value.schema_version));
    }
    let damaged = |e: Damaged| UnpackError::Damaged(format!("the packed value is damaged: {e}"));
    let bytes = from_text(&value.deflate, value.deflate_bytes).map_err(damaged)?;
    let json = inflate(&bytes, value.json_bytes).map_err(damaged)?;
    String::from_utf8(json)
        .map(Some)
        .map_err(|_| UnpackError::Damaged("the packed value unpacks to invalid text".into()))
}

/// The JSON of a packed value, or as much of its start as opens when it is damaged or cut
/// short; `None` when `raw` does not look packed.
pub(crate) fn salvage(raw: &str) -> Option<String> {
    if let Ok(Some(whole)) = unpack(raw) {
        return Some(whole);
    }
    let text = raw.split_once("\"deflate\":\"")?.1;
    let text = text.split('"').next().unwrap_or(text);
    // An account's name comes within its first few hundred bytes.
    let start = inflate_prefix(&from_text_prefix(text), 4096);
    (!start.is_empty()).then(|| String::from_utf8_lossy(&start).into_owned())
}

/// Why a packed value did not open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnpackError {
    /// Written by a newer app, with this version.
    Newer(u64),
    /// Damaged, with the reason in words.
    Damaged(String),
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn text_round_trips_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let text = to_text(&bytes);
            prop_assert!(text.chars().all(|c| (0x0800..0xD800).contains(&(c as u32))));
            prop_assert_eq!(text.chars().count(), (bytes.len() * 8).div_ceil(47) * 3);
            // Read by bytes, not character by character.
            let groups = (bytes.len() * 8).div_ceil(GROUP_BITS as usize);
            prop_assert!(from_utf8_groups(text.as_bytes(), groups).is_some());
            prop_assert_eq!(from_text(&text, bytes.len()).unwrap(), bytes);
        }

        #[test]
        fn text_reads_the_same_by_bytes_as_by_characters(
            bytes in proptest::collection::vec(any::<u8>(), 0..200),
            edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<char>()), 0..3),
            extra in 0usize..3,
        ) {
            // Valid text, or text with a few characters replaced by any others.
            let mut chars: Vec<char> = to_text(&bytes).chars().collect();
            for (at, c) in edits {
                if !chars.is_empty() {
                    let i = at.index(chars.len());
                    chars[i] = c;
                }
            }
            let text: String = chars.into_iter().collect();
            for len in [bytes.len(), bytes.len() + extra, bytes.len().saturating_sub(extra)] {
                let groups = (len * 8).div_ceil(GROUP_BITS as usize);
                prop_assert_eq!(from_text(&text, len), from_chars(&text, len, groups));
            }
        }

        #[test]
        fn deflate_round_trips_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..3000)) {
            let packed = deflate(&bytes);
            prop_assert_eq!(inflate(&packed, bytes.len()).unwrap(), bytes);
        }

        /// The inflate window is kept between values: what one value left in it must never
        /// show in the next, shorter or longer, nor after a value refused as damaged.
        #[test]
        fn each_value_inflates_alone_whatever_came_before(
            values in proptest::collection::vec(
                (proptest::collection::vec(any::<u8>(), 0..2000), any::<bool>()), 1..6),
        ) {
            for (bytes, cut) in &values {
                let packed = deflate(bytes);
                if *cut && packed.len() > 1 {
                    // Cut short: refused, or (if only the end block is cut) still whole.
                    let got = inflate(&packed[..packed.len() / 2], bytes.len());
                    prop_assert!(got.as_ref().map_or(true, |b| b == bytes));
                    prop_assert_eq!(inflate_prefix(&packed, 64), bytes[..bytes.len().min(64)].to_vec());
                } else {
                    prop_assert_eq!(inflate(&packed, bytes.len()), Ok(bytes.clone()));
                }
            }
        }

        #[test]
        fn damaged_text_is_refused_or_unpacks_to_the_claimed_length(
            bytes in proptest::collection::vec(any::<u8>(), 1..300),
            at in any::<prop::sample::Index>(),
            to in 0u32..0x10000,
        ) {
            let packed = deflate(&bytes);
            let mut chars: Vec<char> = to_text(&packed).chars().collect();
            let i = at.index(chars.len());
            chars[i] = char::from_u32(to).unwrap_or('x');
            let text: String = chars.into_iter().collect();
            // Never a panic; whatever opens has exactly the claimed length.
            if let Ok(raw) = from_text(&text, packed.len()) {
                if let Ok(out) = inflate(&raw, bytes.len()) {
                    prop_assert_eq!(out.len(), bytes.len());
                }
            }
        }
    }

    #[test]
    fn the_start_of_a_cut_value_still_opens() {
        let data: Vec<u8> = (0..5000u32)
            .flat_map(|i| format!("{i},").into_bytes())
            .collect();
        let text = to_text(&deflate(&data));
        let half: String = text.chars().take(text.chars().count() / 2).collect();
        let start = inflate_prefix(&from_text_prefix(&half), 100);
        assert_eq!(start, &data[..100]);
        let foreign = format!("{}x{}", &half[..30], &half[33..]);
        assert!(from_text_prefix(&foreign).len() < 30);
    }

    #[test]
    fn the_dictionary_makes_accounts_smaller() {
        let ws = crate::domain::sample::synthetic::synthetic_workspace(
            7,
            3,
            &crate::domain::sample::synthetic::BENCH,
            chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
        );
        let json = serde_json::to_vec(&ws.accounts[0]).unwrap();
        let primed = deflate(&json).len();
        let mut plain = CompressorOxide::new(create_comp_flags_from_zip_params(LEVEL, -15, 0));
        let mut buf = vec![0u8; json.len() + 1024];
        let (_, _, unprimed) = compress(&mut plain, &json, &mut buf, TDEFLFlush::Finish);
        assert!(
            primed < unprimed,
            "{primed} bytes primed, {unprimed} without"
        );
        assert!(primed * 8 < json.len(), "{primed} of {} bytes", json.len());
    }

    #[test]
    fn wrong_lengths_and_foreign_characters_are_refused_with_a_reason() {
        let packed = deflate(b"hello hello hello");
        assert!(inflate(&packed, 16).unwrap_err().0.contains("more than"));
        assert!(inflate(&packed, 18).unwrap_err().0.contains("instead of"));
        assert!(inflate(&packed[..packed.len() / 2], 17).is_err());
        assert!(inflate(&packed, MAX_UNPACKED + 1).is_err());
        let text = to_text(&packed);
        assert!(from_text(&text, packed.len() + 10)
            .unwrap_err()
            .0
            .contains("ends early"));
        assert!(from_text(&format!("{text}a"), packed.len()).is_err());
        let foreign = format!("A{}", &text[text.char_indices().nth(1).unwrap().0..]);
        assert!(from_text(&foreign, packed.len())
            .unwrap_err()
            .0
            .contains("U+0041"));
        assert_eq!(
            inflate(&from_text(&text, packed.len()).unwrap(), 17).unwrap(),
            b"hello hello hello"
        );
    }
}
