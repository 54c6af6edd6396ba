//! Gazetteer: names of places, organisations, people and nationalities
//! (built by `scripts/build-gazetteer` from registry data), matched
//! case-insensitively as token sequences. Stored as hashes of lowercased
//! token sequences, so matching allocates nothing.

use crate::clusters::word_key;
use crate::lexical::Lex;
use crate::perceptron::{Feature, FeatureMap};

pub const GPE: u8 = 1;
pub const LOC: u8 = 2;
pub const NORP: u8 = 4;
pub const ORG: u8 = 8;
pub const PERSON: u8 = 16;
pub const PRODUCT: u8 = 32;

/// The tag of a token no gazetteer entry covers.
pub const NO_MATCH: u64 = u64::MAX;

pub struct Gazetteer {
    /// Sequence key → bit set of types.
    entries: FeatureMap<u8>,
    max_len: usize,
    /// Lowercased first words of multi-word person names ("jens", "donald"),
    /// titles excluded.
    first_names: FeatureMap<()>,
    /// Lowercased one-word demonyms ("syrian", "afghan").
    demonyms: Vec<String>,
    /// Lowercased words that end two places' names or more ("korea" of
    /// "North Korea" and "South Korea").
    place_ends: FeatureMap<()>,
    /// Lowercased words of the names of places, organisations and groups
    /// ("west", "special", "court").
    other_words: FeatureMap<()>,
}

/// Words that open PERSON entries but are titles, not given names.
const TITLES: &[&str] = &[
    "president",
    "prime",
    "minister",
    "king",
    "queen",
    "prince",
    "princess",
    "secretary",
    "general",
    "gen",
    "gen.",
    "sen",
    "sen.",
    "senator",
    "rep",
    "rep.",
    "dr",
    "dr.",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "sheikh",
    "ayatollah",
    "pope",
    "foreign",
    "defense",
    "defence",
    "chancellor",
    "premier",
    "vice",
    "deputy",
    "chief",
    "former",
    "governor",
    "mayor",
    "judge",
    "justice",
    "lt",
    "col",
    "colonel",
    "major",
    "captain",
    "admiral",
    "marshal",
    "lord",
    "sir",
    "saint",
    "st",
    "imam",
    "cardinal",
    "bishop",
    "archbishop",
    "the",
    "un",
    "u.n.",
    "us",
    "u.s.",
    "russian",
    "chinese",
    "american",
];

fn type_bit(t: &str) -> Option<u8> {
    Some(match t {
        "GPE" => GPE,
        "LOC" => LOC,
        "NORP" => NORP,
        "ORG" => ORG,
        "PERSON" => PERSON,
        "PRODUCT" => PRODUCT,
        _ => return None,
    })
}

fn sequence_key(lowers: impl Iterator<Item = u64>) -> u64 {
    lowers.fold(Feature::new(900), |f, x| f.u(x)).finish()
}

impl Gazetteer {
    /// Parses `TYPE<TAB>name` lines; unknown types and blank lines are skipped.
    pub fn from_tsv(text: &str) -> Self {
        let mut entries = FeatureMap::default();
        // How often a word opens a person's entry, and how often it is in
        // the name of a place, an organization or a group.
        let mut opens_person: std::collections::HashMap<String, (u32, u32)> =
            std::collections::HashMap::new();
        // Words that name a group of people alone ("Syrian"): no given names.
        let mut demonyms: std::collections::HashSet<String> = Default::default();
        let mut ends_places: std::collections::HashMap<String, u32> = Default::default();
        let mut max_len = 0;
        for line in text.lines() {
            let Some((ty, name)) = line.split_once('\t') else {
                continue;
            };
            let Some(bit) = type_bit(ty) else { continue };
            let words: Vec<&str> = name.split_whitespace().collect();
            if words.is_empty() {
                continue;
            }
            max_len = max_len.max(words.len());
            *entries
                .entry(sequence_key(words.iter().map(|w| word_key(w))))
                .or_insert(0) |= bit;
            if bit == NORP && words.len() == 1 {
                demonyms.insert(words[0].to_lowercase());
            }
            // A word after a lower-case particle is the name's complement
            // ("Burj al Arab", "Rio de Janeiro"), not a place that others
            // qualify as "North Korea" and "South Korea" do Korea.
            let before_last = words.len().checked_sub(2).map(|i| words[i]);
            let qualified = before_last.is_some_and(|w| {
                !w.chars().next().is_some_and(char::is_lowercase) || w == "of" || w == "the"
            });
            if bit == GPE && qualified {
                *ends_places
                    .entry(words[words.len() - 1].to_lowercase())
                    .or_default() += 1;
            }
            if bit == PERSON && words.len() >= 2 {
                opens_person.entry(words[0].to_lowercase()).or_default().0 += 1;
            } else if bit != PERSON && bit != PRODUCT {
                for w in &words {
                    opens_person.entry(w.to_lowercase()).or_default().1 += 1;
                }
            }
        }
        // A given name opens two people's names at least, and more people's
        // names than names of other things ("San", "South", "United" do not),
        // and is no demonym: organisations filed as people in the actor
        // dictionaries ("Syrian National Coalition") made "Syrian" one, and
        // with it "Syrian Democratic Forces" a person.
        let mut first_names = FeatureMap::default();
        let mut other_words = FeatureMap::default();
        for (word, (people, others)) in opens_person {
            if others > 0 {
                other_words.insert(word_key(&word), ());
            }
            if people >= 2
                && people > others
                && word.chars().count() >= 2
                && !TITLES.contains(&word.as_str())
                && !demonyms.contains(&word)
            {
                first_names.insert(word_key(&word), ());
            }
        }
        let mut demonyms: Vec<String> = demonyms.into_iter().collect();
        demonyms.sort_unstable();
        let mut place_ends = FeatureMap::default();
        for (word, _) in ends_places.into_iter().filter(|&(_, n)| n >= 2) {
            place_ends.insert(word_key(&word), ());
        }
        Gazetteer {
            entries,
            max_len,
            first_names,
            demonyms,
            place_ends,
            other_words,
        }
    }

    /// Whether `word` is a word of the name of a place, an organisation or
    /// a group ("West" of "West Bank", "Special" of "Special Forces").
    pub fn in_other_names(&self, word: &str) -> bool {
        self.other_words.contains_key(&word_key(word))
    }

    /// Whether `word` ends the names of two places or more ("Korea").
    pub fn ends_places(&self, word: &str) -> bool {
        self.place_ends.contains_key(&word_key(word))
    }

    /// The one-word demonyms (NORP entries), lowercased.
    pub fn demonyms(&self) -> &[String] {
        &self.demonyms
    }

    /// Whether `word` is a given name of some person in the gazetteer.
    pub fn is_first_name(&self, word: &str) -> bool {
        self.first_names.contains_key(&word_key(word))
    }

    /// Types of the exact name `words` (case-insensitive), 0 if absent.
    pub fn lookup(&self, words: &[&str]) -> u8 {
        self.entries
            .get(&sequence_key(words.iter().map(|w| word_key(w))))
            .copied()
            .unwrap_or(0)
    }

    /// For each token, the longest match covering it (left to right): the
    /// type bits shifted left by 2, plus its position (0 begin, 1 inside,
    /// 2 last, 3 unit); [`NO_MATCH`] where there is none.
    pub fn tag(&self, lex: &[Lex], out: &mut Vec<u64>) {
        out.clear();
        out.resize(lex.len(), NO_MATCH);
        let mut i = 0;
        while i < lex.len() {
            let mut found = None;
            for len in (1..=self.max_len.min(lex.len() - i)).rev() {
                if let Some(&bits) = self
                    .entries
                    .get(&sequence_key(lex[i..i + len].iter().map(|l| l.lower)))
                {
                    found = Some((len, bits));
                    break;
                }
            }
            match found {
                Some((len, bits)) => {
                    for k in 0..len {
                        let pos = if len == 1 {
                            3
                        } else if k == 0 {
                            0
                        } else if k + 1 == len {
                            2
                        } else {
                            1
                        };
                        out[i + k] = (u64::from(bits) << 2) | pos;
                    }
                    i += len;
                }
                None => i += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexical::lex;

    #[test]
    fn longest_case_insensitive_match() {
        let g = Gazetteer::from_tsv(
            "GPE\tNew York\nGPE\tYork\nPERSON\tJens Stoltenberg\nGPE\tGeorgia\nPERSON\tGeorgia\n",
        );
        let words = [
            "In",
            "NEW",
            "YORK",
            ",",
            "Jens",
            "Stoltenberg",
            "met",
            "Georgia",
        ];
        let lexes: Vec<Lex> = words.iter().map(|w| lex(w, None)).collect();
        let mut tags = Vec::new();
        g.tag(&lexes, &mut tags);
        assert_eq!(tags[0], u64::MAX);
        assert_eq!(tags[1], u64::from(GPE) << 2);
        assert_eq!(tags[2], (u64::from(GPE) << 2) | 2);
        assert_eq!(tags[5], (u64::from(PERSON) << 2) | 2);
        assert_eq!(tags[7], (u64::from(GPE | PERSON) << 2) | 3);
        assert_eq!(g.lookup(&["georgia"]), GPE | PERSON);
    }

    #[test]
    fn given_names_open_people_more_than_places() {
        let g = Gazetteer::from_tsv("PERSON\tJens Stoltenberg\nPERSON\tJens Weidmann\nPERSON\tSan Suu\nPERSON\tSan Min\nGPE\tSan Diego\nGPE\tSan Jose\nGPE\tSan Juan\nPERSON\tOlaf Scholz\n");
        assert!(g.is_first_name("Jens"));
        assert!(
            !g.is_first_name("San"),
            "more places than people open with it"
        );
        assert!(!g.is_first_name("Olaf"), "one person only");
    }

    #[test]
    fn a_demonym_is_no_given_name() {
        let g = Gazetteer::from_tsv(
            "PERSON\tSyrian National Coalition\nPERSON\tSyrian National Council\nNORP\tSyrian\nPERSON\tJens Stoltenberg\nPERSON\tJens Weidmann\n",
        );
        assert!(!g.is_first_name("Syrian"));
        assert!(g.is_first_name("Jens"));
        assert_eq!(g.demonyms(), ["syrian"]);
    }

    #[test]
    fn words_that_end_places() {
        let g = Gazetteer::from_tsv("GPE\tNorth Korea\nGPE\tSouth Korea\nGPE\tNew York\nGPE\tRepublic of the Congo\nGPE\tDemocratic Republic of the Congo\nGPE\tBurj al Arab\nGPE\tAyn al Arab\n");
        assert!(g.ends_places("Korea"));
        assert!(g.ends_places("Congo"));
        assert!(!g.ends_places("York"), "one place only");
        assert!(!g.ends_places("Arab"), "a complement after a particle");
    }
}
