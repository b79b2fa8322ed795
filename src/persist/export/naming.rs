//! File names for exports: `account-planner-<slug>-<YYYY-MM-DD>.<ext>`.
//!
//! The slug is plain lowercase ASCII letters, digits and single hyphens, so the name is
//! valid on Windows, macOS and Linux alike (no reserved characters, no trailing dot or
//! space, no reserved device name because of the fixed prefix) and sorts by date.

use chrono::NaiveDate;

/// Longest slug kept, in characters (all ASCII), so names stay readable and far below
/// every file system's limit.
pub const MAX_SLUG_LEN: usize = 60;

/// Slug used when the name has no letter or digit at all (e.g. empty or only symbols).
pub const FALLBACK_SLUG: &str = "account";

/// The file name for an export made on `date`: `kind` is `"workspace"` or an account's
/// name, `ext` the extension without the dot (`"json"`, `"csv"`, `"ics"`).
///
/// `export_file_name("Acme Corp", 2026-11-24, "json")` is
/// `account-planner-acme-corp-2026-11-24.json`.
pub fn export_file_name(kind: &str, date: NaiveDate, ext: &str) -> String {
    let ext: String = ext
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .take(10)
        .collect();
    // A date displays as YYYY-MM-DD, without chrono's format-string machinery in the wasm.
    let stem = format!("account-planner-{}-{date}", slug(kind));
    if ext.is_empty() {
        stem
    } else {
        format!("{stem}.{ext}")
    }
}

/// Lowercase ASCII slug of `text`: common Latin accents folded to their base letter, every
/// other run of non-alphanumerics turned into one `-`, no leading or trailing `-`, at most
/// [`MAX_SLUG_LEN`] characters, [`FALLBACK_SLUG`] when nothing is left.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    // A hyphen is only written once a following letter or digit arrives, so runs collapse
    // and nothing dangles at either end.
    let mut pending_hyphen = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let folded = fold(c);
        if folded.is_empty() {
            pending_hyphen = true;
            continue;
        }
        for f in folded.chars() {
            if pending_hyphen && !out.is_empty() {
                out.push('-');
            }
            pending_hyphen = false;
            out.push(f);
        }
    }
    if out.len() > MAX_SLUG_LEN {
        // All ASCII, so byte truncation keeps whole characters.
        out.truncate(MAX_SLUG_LEN);
        while out.ends_with('-') {
            out.pop();
        }
    }
    if out.is_empty() {
        FALLBACK_SLUG.to_string()
    } else {
        out
    }
}

/// The ASCII spelling of one lowercase character, or `""` when it separates words.
fn fold(c: char) -> &'static str {
    const ASCII: &str = "abcdefghijklmnopqrstuvwxyz0123456789";
    if c.is_ascii_alphanumeric() {
        let i = ASCII.find(c).unwrap_or(0);
        return &ASCII[i..i + 1];
    }
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        '&' => "and",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    #[test]
    fn spaces_become_single_hyphens_and_case_is_lowered() {
        assert_eq!(
            export_file_name("Acme Corp", day(), "json"),
            "account-planner-acme-corp-2026-11-24.json"
        );
        assert_eq!(
            export_file_name("  Acme    Corp  ", day(), "csv"),
            "account-planner-acme-corp-2026-11-24.csv"
        );
    }

    #[test]
    fn the_workspace_export_uses_the_word_workspace() {
        assert_eq!(
            export_file_name("workspace", day(), "json"),
            "account-planner-workspace-2026-11-24.json"
        );
    }

    #[test]
    fn accents_fold_to_their_base_letters() {
        assert_eq!(slug("Société Générale"), "societe-generale");
        assert_eq!(slug("Müller & Söhne"), "muller-and-sohne");
        assert_eq!(slug("Straße Łódź"), "strasse-lodz");
        assert_eq!(slug("ÆØÅ"), "aeoa");
    }

    #[test]
    fn slashes_dots_and_reserved_characters_are_separators() {
        assert_eq!(slug("A/B\\C:D*E?F\"G<H>I|J"), "a-b-c-d-e-f-g-h-i-j");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("Acme Corp."), "acme-corp");
    }

    #[test]
    fn empty_or_symbol_only_names_fall_back_to_account() {
        assert_eq!(
            export_file_name("", day(), "ics"),
            "account-planner-account-2026-11-24.ics"
        );
        assert_eq!(slug("  --- !!! "), "account");
        // Non-Latin scripts have no ASCII spelling here, so they fall back as well.
        assert_eq!(slug("株式会社"), "account");
        assert_eq!(slug("株式会社 Tokyo"), "tokyo");
    }

    #[test]
    fn long_names_are_cut_to_sixty_characters_without_a_trailing_hyphen() {
        // 59 'a', a space, then more: the cut at 60 would end on the hyphen, which is dropped.
        let name = format!("{} bcdef", "a".repeat(59));
        assert_eq!(slug(&name), "a".repeat(59));
        let long = "word ".repeat(40);
        let s = slug(&long);
        assert!(s.len() <= MAX_SLUG_LEN);
        assert!(s.starts_with("word-word"));
    }

    #[test]
    fn the_extension_is_sanitised_and_may_be_empty() {
        assert_eq!(
            export_file_name("Acme", day(), ".JSON"),
            "account-planner-acme-2026-11-24.json"
        );
        assert_eq!(
            export_file_name("Acme", day(), ""),
            "account-planner-acme-2026-11-24"
        );
    }

    proptest! {
        #[test]
        fn any_name_gives_a_portable_file_name(name in "\\PC{0,200}", ext in "[a-z]{0,5}") {
            let f = export_file_name(&name, day(), &ext);
            prop_assert!(f.starts_with("account-planner-"));
            prop_assert!(f.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.'));
            prop_assert!(!f.contains("--"));
            let s = slug(&name);
            prop_assert!(!s.is_empty() && s.len() <= MAX_SLUG_LEN);
            prop_assert!(!s.starts_with('-') && !s.ends_with('-'));
        }
    }
}
