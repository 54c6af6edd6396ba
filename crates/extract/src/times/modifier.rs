//! The TIMEX3 `mod` of an expression, from its own first words as
//! `data/en/time-modifiers.tsv` lists them ("late 2014" END, "more than
//! four hours" MORE_THAN), and the words before an expression that
//! TimeML counts in it ("the end of 1990", "nearly two years").

use std::sync::OnceLock;

use dossier_core::{TimeMod, TimeType};

static MODIFIERS_TSV: &str = include_str!("../../data/en/time-modifiers.tsv");

/// One row: the leading words (or, written "… or so", the closing ones),
/// the mod they give, the types they give it to, and whether they join an
/// expression found right after them.
struct Modifier {
    words: Vec<&'static str>,
    closing: bool,
    modifier: TimeMod,
    types: Vec<TimeType>,
    attach: bool,
}

/// The rows, longest words first so that "the end of" wins over a shorter entry.
fn modifiers() -> &'static [Modifier] {
    static ROWS: OnceLock<Vec<Modifier>> = OnceLock::new();
    ROWS.get_or_init(|| {
        let mut rows: Vec<Modifier> = rows(MODIFIERS_TSV)
            .map(|[words, modifier, types, attach, _]| Modifier {
                words: closing_words(words).unwrap_or(words).split(' ').collect(),
                closing: closing_words(words).is_some(),
                modifier: TimeMod::parse(modifier)
                    .unwrap_or_else(|| panic!("time-modifiers.tsv: unknown mod {modifier}")),
                types: types
                    .split(' ')
                    .map(|t| {
                        TimeType::parse(t)
                            .unwrap_or_else(|| panic!("time-modifiers.tsv: unknown type {t}"))
                    })
                    .collect(),
                attach: attach == "attach",
            })
            .collect();
        rows.sort_by_key(|r| std::cmp::Reverse(r.words.len()));
        rows
    })
}

/// The words of a row that closes an expression: "… or so" is "or so".
pub(super) fn closing_words(words: &str) -> Option<&str> {
    words.strip_prefix("… ")
}

/// The data rows of the file: five tab-separated columns, comments and blank lines skipped.
fn rows(tsv: &'static str) -> impl Iterator<Item = [&'static str; 5]> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            cols.try_into()
                .unwrap_or_else(|c| panic!("time-modifiers.tsv: five columns in {c:?}"))
        })
}

/// The type whose rows apply: a date counted back ("two years ago") takes
/// the bounds of its amount.
fn bounded_as(ty: TimeType, ago: bool) -> TimeType {
    if ty == TimeType::Date && ago {
        TimeType::Duration
    } else {
        ty
    }
}

/// How many of the words `before` an expression of type `ty` belong to it:
/// the longest `attach` row they end with.
pub(super) fn attached(before: &[String], ty: TimeType, ago: bool) -> usize {
    let ty = bounded_as(ty, ago);
    modifiers()
        .iter()
        .find(|r| {
            r.attach
                && !r.closing
                && r.types.contains(&ty)
                && before.len() >= r.words.len()
                && before[before.len() - r.words.len()..]
                    .iter()
                    .zip(&r.words)
                    .all(|(a, b)| a == b)
        })
        .map_or(0, |r| r.words.len())
}

/// The mod of an expression of type `ty` written `surface`: its first words
/// (or last, for a closing row) must be a row's words with more beside them
/// ("mid-November" reads as "mid November").
pub(super) fn modifier(surface: &str, ty: TimeType) -> Option<TimeMod> {
    let lowered = surface.to_lowercase();
    let ty = bounded_as(ty, lowered.ends_with(" ago"));
    let mut words = Vec::with_capacity(6);
    for w in lowered.split_whitespace() {
        match w.strip_prefix("mid-") {
            Some(rest) if !rest.is_empty() => words.extend(["mid", rest]),
            _ => words.push(w),
        }
    }
    let n = words.len();
    modifiers()
        .iter()
        .find(|r| {
            let k = r.words.len();
            r.types.contains(&ty)
                && n > k
                && if r.closing {
                    words[n - k..] == r.words[..]
                } else {
                    words[..k] == r.words[..]
                }
        })
        .map(|r| r.modifier)
}

/// The examples of the data file: (words, mod, example sentence).
#[cfg(test)]
pub(super) fn examples() -> impl Iterator<Item = (&'static str, TimeMod, &'static str)> {
    rows(MODIFIERS_TSV)
        .map(|[words, modifier, _, _, example]| (words, TimeMod::parse(modifier).unwrap(), example))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_leading_words_by_type() {
        assert_eq!(modifier("late 2014", TimeType::Date), Some(TimeMod::End));
        assert_eq!(modifier("mid-November", TimeType::Date), Some(TimeMod::Mid));
        assert_eq!(
            modifier("the end of 1990", TimeType::Date),
            Some(TimeMod::End)
        );
        assert_eq!(
            modifier("More than four hours", TimeType::Duration),
            Some(TimeMod::MoreThan)
        );
        assert_eq!(
            modifier("nearly two years ago", TimeType::Date),
            Some(TimeMod::Approx)
        );
        assert_eq!(
            modifier("the next year or so", TimeType::Duration),
            Some(TimeMod::Approx)
        );
        // A modifier alone, another type, or a word that only starts like one: none.
        assert_eq!(modifier("late", TimeType::Date), None);
        assert_eq!(modifier("more than four hours", TimeType::Date), None);
        assert_eq!(modifier("the latest quarter", TimeType::Date), None);
        assert_eq!(modifier("midnight", TimeType::Time), None);
    }

    #[test]
    fn attaches_the_longest_row_before() {
        let words = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        assert_eq!(
            attached(&words("sales fell at the end of"), TimeType::Date, false),
            3
        );
        assert_eq!(
            attached(&words("served no more than"), TimeType::Duration, false),
            3
        );
        assert_eq!(attached(&words("it began nearly"), TimeType::Date, true), 1);
        // A bound on an amount does not join a date, nor "early" (the rules read it).
        assert_eq!(
            attached(&words("it began nearly"), TimeType::Date, false),
            0
        );
        assert_eq!(
            attached(&words("it will rise early"), TimeType::Date, false),
            0
        );
    }
}
