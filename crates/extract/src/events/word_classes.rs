//! The loader the events' word-class files share: `class <TAB> word [<TAB>
//! condition]` lines, `#` comments (`data/en/event-discourse.tsv`,
//! `data/en/event-phrases.tsv`, `data/en/event-acts.tsv`, `data/en/party-roles.tsv`).

use std::collections::HashMap;

/// class → word → condition ("-" where the line gives none), borrowed from
/// the compiled-in file, so a lookup allocates nothing.
pub(super) struct WordClasses(HashMap<&'static str, HashMap<&'static str, &'static str>>);

impl WordClasses {
    /// Parses a word-class file.
    pub(super) fn parse(text: &'static str) -> Self {
        let mut classes: HashMap<_, HashMap<_, _>> = HashMap::new();
        let lines = text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty());
        for line in lines {
            let mut f = line.split('\t');
            let (Some(class), Some(word)) = (f.next(), f.next()) else {
                continue;
            };
            let condition = f.next().unwrap_or("-");
            classes.entry(class).or_default().insert(word, condition);
        }
        Self(classes)
    }

    /// The condition of `word` in `class`, if it is in it.
    pub(super) fn condition(&self, class: &str, word: &str) -> Option<&'static str> {
        self.0.get(class)?.get(word).copied()
    }

    /// Whether `word` is in `class`.
    pub(super) fn contains(&self, class: &str, word: &str) -> bool {
        self.condition(class, word).is_some()
    }
}
