//! What a cue reports: speech or writing, a belief, a perception, an
//! expectation, or another kind of attribution. The classes are data
//! (`data/en/cue-classes.tsv`, every inflected form listed), drawn from
//! general knowledge of speech-act verbs rather than from any evaluation set.

use std::collections::HashMap;
use std::sync::OnceLock;

use dossier_core::CueClass;

static EN: &str = include_str!("../data/en/cue-classes.tsv");

/// Which quotes the quotes layer keeps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum QuoteMode {
    /// Speech and writing only: the cue says someone expressed the content.
    #[default]
    Speech,
    /// Every attribution the cue lexicon finds (PolNeAR's broad notion).
    All,
}

impl QuoteMode {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "speech" => Some(QuoteMode::Speech),
            "all" => Some(QuoteMode::All),
            _ => None,
        }
    }

    /// Whether a quote of this class stays.
    pub fn keeps(self, class: Option<CueClass>) -> bool {
        self == QuoteMode::All || class == Some(CueClass::Speech)
    }
}

/// Word forms (lowercase, one or two words) → class.
pub struct CueClasses {
    forms: HashMap<String, CueClass>,
    /// Word form (lowercase) → its lemma, the file's first column.
    lemmas: HashMap<String, String>,
}

impl CueClasses {
    /// Reads `lemma \t class \t form,form,…` lines; `#` starts a comment.
    /// A form listed twice keeps its first class.
    pub fn from_tsv(tsv: &str) -> Self {
        let mut forms = HashMap::new();
        let mut lemmas = HashMap::new();
        for line in tsv
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let mut f = line.split('\t');
            let (Some(lemma), Some(class), Some(list)) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            let Some(class) = CueClass::parse(class) else {
                continue;
            };
            for form in std::iter::once(lemma).chain(list.split(',')) {
                forms.entry(form.trim().to_lowercase()).or_insert(class);
                lemmas
                    .entry(form.trim().to_lowercase())
                    .or_insert_with(|| lemma.to_string());
            }
        }
        CueClasses { forms, lemmas }
    }

    /// The English classes, read once.
    pub fn english() -> &'static CueClasses {
        static CELL: OnceLock<CueClasses> = OnceLock::new();
        CELL.get_or_init(|| CueClasses::from_tsv(EN))
    }

    /// The class and lemma of one word form ("claimed" → speech, "claim"), if listed.
    pub fn of_word(&self, form: &str) -> Option<(CueClass, &str)> {
        let form = form.to_lowercase();
        Some((*self.forms.get(&form)?, self.lemmas.get(&form)?.as_str()))
    }

    /// The class of a cue phrase such as "said", "has not denied", "pointed
    /// out", "According to": its longest listed word or word pair, read from
    /// the verb end (auxiliaries and adverbs come first in the phrase).
    /// A colon or dash (a transcript's or a signature's cue) is speech.
    pub fn of_phrase(&self, phrase: &str) -> CueClass {
        let words: Vec<String> = phrase
            .split_whitespace()
            .map(|w| w.to_lowercase().replace('’', "'"))
            .collect();
        if words.is_empty()
            || words
                .iter()
                .all(|w| w.chars().all(|c| !c.is_alphanumeric()))
        {
            return CueClass::Speech;
        }
        for i in 0..words.len() {
            if let Some(pair) = words.get(i + 1).map(|next| format!("{} {next}", words[i])) {
                if let Some(&c) = self.forms.get(&pair) {
                    return c;
                }
            }
        }
        words
            .iter()
            .rev()
            .find_map(|w| self.forms.get(w).copied())
            .unwrap_or(CueClass::Other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_take_their_verbs_class() {
        let c = CueClasses::english();
        assert_eq!(c.of_phrase("has not denied"), CueClass::Speech);
        assert_eq!(c.of_phrase("pointed out"), CueClass::Speech);
        assert_eq!(c.of_phrase("According to"), CueClass::Speech);
        assert_eq!(c.of_phrase("put it"), CueClass::Speech, "as she put it");
        assert_eq!(c.of_phrase("tweeted"), CueClass::Speech);
        assert_eq!(c.of_phrase("is expected"), CueClass::Expectation);
        assert_eq!(c.of_phrase("sees"), CueClass::Perception);
        assert_eq!(c.of_phrase("believes"), CueClass::Belief);
        assert_eq!(c.of_phrase("went"), CueClass::Other);
        assert_eq!(c.of_phrase(":"), CueClass::Speech);
        assert_eq!(c.of_phrase("—"), CueClass::Speech);
        assert_eq!(c.of_word("Claimed"), Some((CueClass::Speech, "claim")));
        assert_eq!(c.of_word("wants"), Some((CueClass::Belief, "want")));
        assert_eq!(c.of_word("went"), None);
    }

    #[test]
    fn the_mode_keeps_speech_or_everything() {
        assert!(QuoteMode::Speech.keeps(Some(CueClass::Speech)));
        assert!(!QuoteMode::Speech.keeps(Some(CueClass::Belief)));
        assert!(!QuoteMode::Speech.keeps(None));
        assert!(QuoteMode::All.keeps(Some(CueClass::Other)));
    }
}
