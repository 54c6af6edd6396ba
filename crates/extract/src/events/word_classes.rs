//! The loader the events' word-class files share: `class <TAB> word [<TAB>
//! condition]` lines, `#` comments (`data/en/event-discourse.tsv`,
//! `data/en/event-phrases.tsv`, `data/en/event-acts.tsv`, `data/en/party-roles.tsv`,
//! `data/en/event-object-classes.tsv`).

use foldhash::HashMap;
use std::sync::OnceLock;

/// A compiled-in word-class file, parsed on first use: each module that
/// reads one keeps it as a `static`.
pub(super) struct WordFile {
    text: &'static str,
    parsed: OnceLock<WordClasses>,
}

impl WordFile {
    pub(super) const fn new(text: &'static str) -> Self {
        Self {
            text,
            parsed: OnceLock::new(),
        }
    }

    fn classes(&self) -> &WordClasses {
        self.parsed.get_or_init(|| WordClasses::parse(self.text))
    }

    /// The condition of `word` in `class`, if it is in it.
    pub(super) fn condition(&self, class: &str, word: &str) -> Option<&'static str> {
        self.classes().condition(class, word)
    }

    /// Whether `word` is in `class`.
    pub(super) fn contains(&self, class: &str, word: &str) -> bool {
        self.classes().contains(class, word)
    }
}

/// class → word → condition ("-" where the line gives none), borrowed from
/// the compiled-in file, so a lookup allocates nothing.
struct WordClasses(HashMap<&'static str, HashMap<&'static str, &'static str>>);

impl WordClasses {
    /// Parses a word-class file.
    fn parse(text: &'static str) -> Self {
        let mut classes: HashMap<_, HashMap<_, _>> = HashMap::default();
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
    fn condition(&self, class: &str, word: &str) -> Option<&'static str> {
        self.0.get(class)?.get(word).copied()
    }

    /// Whether `word` is in `class`.
    fn contains(&self, class: &str, word: &str) -> bool {
        self.condition(class, word).is_some()
    }
}
