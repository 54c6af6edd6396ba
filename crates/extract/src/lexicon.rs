//! The English words the recognisers share, read once from `data/en/`:
//! month and weekday names, number words and ordinals (and the closed class
//! of possessive determiners). One list each, so a word added serves every
//! recogniser.

use std::borrow::Cow;
use std::sync::LazyLock;

const MONTHS_TSV: &str = include_str!("../data/en/months.tsv");
const WEEKDAYS_TXT: &str = include_str!("../data/en/weekdays.txt");
const NUMBER_WORDS_TSV: &str = include_str!("../data/en/number-words.tsv");
const PAST_VERBS_TXT: &str = include_str!("../data/en/past-verbs.txt");

/// The lines of a data file, without comments and blank lines, cut at tabs.
fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

/// The months in lower case, January first.
pub(crate) static MONTHS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| rows(MONTHS_TSV).map(|r| r[0]).collect());

/// The months' abbreviations written with a dot: "jan.", "sept.".
pub(crate) static MONTH_ABBREVIATIONS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    rows(MONTHS_TSV)
        .flat_map(|r| r.get(1).copied().unwrap_or("").split_whitespace())
        .collect()
});

/// The weekdays in lower case, Monday first.
pub(crate) static WEEKDAYS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| rows(WEEKDAYS_TXT).map(|r| r[0]).collect());

/// Possessive determiners: "in their mid-20s" is an age, "his remarks" no
/// speaker. Closed class, so written here rather than read from data.
pub(crate) const POSSESSIVES: &[&str] = &["my", "our", "your", "his", "her", "its", "their"];

/// Irregular past-tense verbs, which date a clause as past.
pub(crate) static PAST_VERBS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| rows(PAST_VERBS_TXT).map(|r| r[0]).collect());

/// (value, cardinal, ordinal) of each number word, in order of value.
static NUMBER_WORDS: LazyLock<Vec<(u32, &'static str, &'static str)>> = LazyLock::new(|| {
    rows(NUMBER_WORDS_TSV)
        .map(|r| (r[0].parse().expect("number-words.tsv: a value"), r[1], r[2]))
        .collect()
});

/// The cardinals (or ordinals) of the number words whose value passes `keep`.
fn number_words(keep: fn(u32) -> bool, ordinal: bool) -> Vec<&'static str> {
    NUMBER_WORDS
        .iter()
        .filter(|&&(v, ..)| keep(v))
        .map(|&(_, c, o)| if ordinal { o } else { c })
        .collect()
}

/// "zero" … "nineteen": the word for n at index n.
pub(crate) static CARDINALS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| number_words(|v| v < 20, false));

/// "twenty" … "ninety": the word for 20 + 10 n at index n.
pub(crate) static TENS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| number_words(|v| v >= 20, false));

/// "first" … "nineteenth": the ordinal of n + 1 at index n.
pub(crate) static ORDINALS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| number_words(|v| (1..20).contains(&v), true));

/// "twentieth" … "ninetieth": the ordinal of 20 + 10 n at index n.
pub(crate) static ORDINAL_TENS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| number_words(|v| v >= 20, true));

/// `w` in lower case, exactly as `str::to_lowercase` writes it; borrowed
/// when it already is (most words), so a recogniser's per-word scan does
/// not allocate. ASCII, the common case, is read byte by byte.
pub(crate) fn lower(w: &str) -> Cow<'_, str> {
    if w.is_ascii() {
        return match w.bytes().any(|b| b.is_ascii_uppercase()) {
            true => Cow::Owned(w.to_ascii_lowercase()),
            false => Cow::Borrowed(w),
        };
    }
    let unchanged = |c: char| {
        let mut l = c.to_lowercase();
        l.next() == Some(c) && l.next().is_none()
    };
    match w.chars().all(unchanged) {
        true => Cow::Borrowed(w),
        false => Cow::Owned(w.to_lowercase()),
    }
}

/// Each of `words` in lower case into `out`, whose first `words.len()`
/// strings are overwritten in place: one buffer kept from sentence to
/// sentence, so lower-casing a word costs no allocation once it has grown.
pub(crate) fn lower_into<'w>(words: impl Iterator<Item = &'w str>, out: &mut Vec<String>) -> usize {
    let mut n = 0;
    for w in words {
        if n == out.len() {
            out.push(String::new());
        }
        let slot = &mut out[n];
        slot.clear();
        if w.is_ascii() {
            slot.push_str(w);
            slot.make_ascii_lowercase();
        } else {
            slot.push_str(&w.to_lowercase());
        }
        n += 1;
    }
    n
}

/// Whether `w` (lower case) names a month, in full or abbreviated with a dot.
pub(crate) fn is_month_word(w: &str) -> bool {
    MONTHS.contains(&w) || MONTH_ABBREVIATIONS.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lists index by value, so their order and length are checked.
    #[test]
    fn lists_are_complete_and_in_order() {
        assert_eq!(MONTHS.len(), 12);
        assert_eq!(
            (MONTHS[0], MONTHS[4], MONTHS[11]),
            ("january", "may", "december")
        );
        assert!(is_month_word("sept.") && is_month_word("may") && !is_month_word("may."));
        assert_eq!(
            (WEEKDAYS.len(), WEEKDAYS[0], WEEKDAYS[6]),
            (7, "monday", "sunday")
        );
        assert_eq!(
            (CARDINALS.len(), CARDINALS[0], CARDINALS[19]),
            (20, "zero", "nineteen")
        );
        assert_eq!((TENS.len(), TENS[0], TENS[7]), (8, "twenty", "ninety"));
        assert_eq!(
            (ORDINALS.len(), ORDINALS[0], ORDINALS[18]),
            (19, "first", "nineteenth")
        );
        assert_eq!((ORDINAL_TENS.len(), ORDINAL_TENS[1]), (8, "thirtieth"));
        let values: Vec<u32> = NUMBER_WORDS.iter().map(|&(v, ..)| v).collect();
        assert!(values.windows(2).all(|w| w[0] < w[1]));
    }

    /// Lower-casing writes what `str::to_lowercase` writes, borrowing or
    /// reusing a buffer where it can.
    #[test]
    fn lower_cases_as_the_standard_library() {
        for w in [
            "may",
            "May",
            "JAN.",
            "Ünal",
            "ΣΟΦΊΑ",
            "ǅemal",
            "\u{212A}m",
            "İstanbul",
            "",
        ] {
            assert_eq!(lower(w), w.to_lowercase(), "{w}");
        }
        assert!(matches!(lower("week"), Cow::Borrowed(_)));
        let mut out = vec![String::from("a longer word"); 3];
        let n = lower_into(["Last", "WEEK", "Ünal"].into_iter(), &mut out);
        assert_eq!(
            (n, &out[..n]),
            (3, &["last", "week", "ünal"].map(String::from)[..])
        );
        assert_eq!(lower_into(["x"; 5].into_iter(), &mut out), 5);
    }
}
