//! The loader the events' word-class files share: `class <TAB> word [<TAB>
//! condition]` lines, `#` comments (`data/en/event-discourse.tsv`,
//! `data/en/event-phrases.tsv`).

use std::collections::HashMap;

/// (class, word) → condition ("-" where the line gives none).
pub(super) type WordClasses = HashMap<(String, String), String>;

/// Parses a word-class file.
pub(super) fn parse(text: &str) -> WordClasses {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut f = l.split('\t');
            let (class, word) = (f.next()?, f.next()?);
            let condition = f.next().unwrap_or("-");
            Some(((class.to_string(), word.to_string()), condition.to_string()))
        })
        .collect()
}
