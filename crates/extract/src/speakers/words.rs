//! The word classes speaker phrases are read by: personal pronouns by
//! number and sex, role nouns (`data/en/role-nouns.tsv`), kin nouns,
//! titles, institutions and writings. Kept apart from the rules so that a
//! word added serves every rule that tests its class.

use std::collections::HashMap;

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

pub(super) fn kin_word_gender(word: &str) -> Option<bool> {
    match word {
        "father" | "husband" | "son" | "brother" | "widower" | "grandfather" | "uncle" => {
            Some(true)
        }
        "mother" | "wife" | "daughter" | "sister" | "widow" | "grandmother" | "aunt" => Some(false),
        _ => None,
    }
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
