//! Given names of one sex in US birth records (`data/en/first-names.tsv`,
//! see MODELS.md): a pronoun's gender for the speakers, and where a
//! person's name starts for the names stage.

use std::collections::HashMap;
use std::sync::OnceLock;

const FIRST_NAMES: &str = include_str!("../data/en/first-names.tsv");

/// Every name of the table with its sex (true for a man's).
fn table() -> &'static HashMap<&'static str, bool> {
    static NAMES: OnceLock<HashMap<&'static str, bool>> = OnceLock::new();
    NAMES.get_or_init(|| {
        FIRST_NAMES
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .map(|(name, sex)| (name, sex.trim() == "m"))
            .collect()
    })
}

/// Whether a given name is a man's (true) or a woman's (false); None for a
/// name of either sex or an unknown word.
pub fn gender(word: &str) -> Option<bool> {
    table().get(crate::lexicon::lower(word).as_ref()).copied()
}

/// Whether `word` is a given name of one sex in the table.
pub fn is_given_name(word: &str) -> bool {
    gender(word).is_some()
}

/// Whether `word` is a given name of the table that is no month or weekday
/// ("May", "June", "Sunday" are in it as names too).
pub fn is_given_name_not_date(word: &str) -> bool {
    let lower = crate::lexicon::lower(word);
    table().contains_key(lower.as_ref())
        && !crate::lexicon::MONTHS.contains(&lower.as_ref())
        && !crate::lexicon::WEEKDAYS.contains(&lower.as_ref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_given_name_that_is_a_month_or_a_weekday_is_left_out() {
        assert!(is_given_name_not_date("Jeb") && is_given_name_not_date("ivanka"));
        assert!(is_given_name("May") && !is_given_name_not_date("May"));
        assert!(!is_given_name_not_date("June") && !is_given_name_not_date("Trump"));
    }
}
