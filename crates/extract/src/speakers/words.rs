//! The word classes speaker phrases are read by: personal pronouns by
//! number and sex, role nouns (`data/en/role-nouns.tsv`), kin nouns,
//! titles, institutions and writings. Kept apart from the rules so that a
//! word added serves every rule that tests its class.

use std::collections::HashMap;
use std::sync::LazyLock;

use dossier_core::Document;

/// Personal pronouns by the number and sex they ask of an antecedent.
pub(super) const MALE: &[&str] = &["he", "him", "his", "himself"];
pub(super) const FEMALE: &[&str] = &["she", "her", "hers", "herself"];
pub(super) const PLURAL: &[&str] = &["they", "them", "their", "we", "us", "our"];

pub(super) fn is_pronoun(w: &str) -> bool {
    MALE.contains(&w)
        || FEMALE.contains(&w)
        || PLURAL.contains(&w)
        || matches!(w, "it" | "i" | "you")
}

/// Heads of speaker phrases that are writings, not people.
pub(crate) const DOCUMENTS: &[&str] = &[
    "report",
    "statement",
    "document",
    "letter",
    "flyer",
    "study",
    "survey",
    "poll",
    "website",
    "video",
    "footage",
    "post",
    "tweet",
    "message",
    "television",
    "newspaper",
    "resolution",
    "transcript",
    "remarks",
    "interview",
];

/// The sex a kin noun gives ("mother": false, a woman); None for any
/// other word.
pub(super) fn kin_word_gender(word: &str) -> Option<bool> {
    PERSON_NOUNS
        .words
        .get(word)
        .filter(|w| w.kin)
        .and_then(|w| w.sex)
}

/// A title before a name: "Mr", "Dr.", or a role noun ("President").
pub(super) fn is_title(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_lowercase();
    matches!(
        w.as_str(),
        "mr" | "mrs" | "ms" | "miss" | "dr" | "sir" | "dame" | "lord" | "lady"
    ) || role_of(&w).is_some()
}

/// Heads of source phrases that stand for the group named before them
/// ("the US state department", "Syrian troops").
pub(super) const INSTITUTIONS: &[&str] = &[
    "government",
    "ministry",
    "department",
    "office",
    "army",
    "military",
    "forces",
    "troops",
    "police",
    "authorities",
    "administration",
    "embassy",
    "presidency",
    "council",
    "parliament",
    "court",
    "regime",
    "cabinet",
    "state",
    "media",
    "agency",
];

pub(super) fn is_institution(doc: &Document, t: usize) -> bool {
    INSTITUTIONS.contains(&doc.span_text(doc.tokens[t].span).to_lowercase().as_str())
}

/// What a descriptor's head word stands for.
#[derive(Clone, Copy, PartialEq, Debug)]
pub(super) enum Role {
    /// Resolved only to a person introduced with the word beside the name.
    Person,
    /// Resolved to the one organisation named just before.
    Group,
}

const ROLE_NOUNS: &str = include_str!("../../data/en/role-nouns.tsv");

pub(super) fn role_of(word: &str) -> Option<Role> {
    static ROLES: std::sync::OnceLock<HashMap<&'static str, Role>> = std::sync::OnceLock::new();
    let roles = ROLES.get_or_init(|| {
        let rows = ROLE_NOUNS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'));
        rows.filter_map(|(w, class)| {
            Some((
                w,
                match class.trim() {
                    "person" => Role::Person,
                    "group" => Role::Group,
                    _ => return None,
                },
            ))
        })
        .collect()
    });
    roles.get(word).copied()
}

/// Whether a word (lowercase) is a title of a person ("president",
/// "senator"), by the role nouns.
pub(crate) fn is_person_title(word: &str) -> bool {
    role_of(word) == Some(Role::Person)
}

const PERSON_NOUNS_TSV: &str = include_str!("../../data/en/person-nouns.tsv");

/// A word of `data/en/person-nouns.tsv`: a person or people.
struct PersonWord {
    /// The sex it gives, true a man ("woman": false; "child": None).
    sex: Option<bool>,
    /// A relative ("father"): possessed, someone new.
    kin: bool,
}

/// The person nouns of `data/en/person-nouns.tsv`, read once.
struct PersonNouns {
    words: HashMap<&'static str, PersonWord>,
    /// Suffixes of agent nouns, people by their form ("journalist").
    agent: Vec<&'static str>,
    /// Suffixes of nouns that are people about as often as things
    /// ("resident", "government"): kept apart, since only a "who" after
    /// one says it is a person.
    agent_after_who: Vec<&'static str>,
}

static PERSON_NOUNS: LazyLock<PersonNouns> = LazyLock::new(|| {
    let mut nouns = PersonNouns {
        words: HashMap::new(),
        agent: Vec::new(),
        agent_after_who: Vec::new(),
    };
    let rows = PERSON_NOUNS_TSV
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'));
    for (entry, class) in rows {
        let (sex, kin) = match class.trim() {
            "agent" => {
                nouns.agent.push(entry.trim_start_matches('-'));
                continue;
            }
            "agent-who" => {
                nouns.agent_after_who.push(entry.trim_start_matches('-'));
                continue;
            }
            "male" => (Some(true), false),
            "female" => (Some(false), false),
            "kin-male" => (Some(true), true),
            "kin-female" => (Some(false), true),
            "person" => (None, false),
            other => panic!("person-nouns.tsv: unknown class {other}"),
        };
        nouns.words.insert(entry, PersonWord { sex, kin });
    }
    nouns
});

/// The sex a person noun gives ("man", "women", "his mother"), if any.
pub(super) fn noun_sex(word: &str) -> Option<bool> {
    PERSON_NOUNS.words.get(word).and_then(|w| w.sex)
}

/// Whether `word` is one of the lexicon's person words ("men",
/// "children", "sister"), not counting agent suffixes.
pub(crate) fn person_word(word: &str) -> bool {
    PERSON_NOUNS.words.contains_key(word)
}

/// Whether `word` is an agent noun by its form ("commander", "militant").
pub(super) fn agent_noun(word: &str) -> bool {
    PERSON_NOUNS.agent.iter().any(|s| word.ends_with(s))
}

/// Whether `word` is a person by its form once a "who" describes it: an
/// agent noun, or "resident", "employee", "chairman".
pub(super) fn agent_noun_after_who(word: &str) -> bool {
    agent_noun(word)
        || PERSON_NOUNS
            .agent_after_who
            .iter()
            .any(|s| word.ends_with(s))
}

/// Whether a singular noun names a person: a role noun, a person word of
/// the lexicon, or an agent noun ("journalist", "commander", "militant").
pub(crate) fn people_noun(singular: &str) -> bool {
    role_of(singular) == Some(Role::Person) || person_word(singular) || agent_noun(singular)
}
