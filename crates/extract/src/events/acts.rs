//! Acts the PLOVER codebook names that a verb's CAMEO default misses or
//! misreads (#24): a resignation (RETREAT `resign`: an office holder who
//! "stepped down" or quit), a crackdown (COERCE), a penalty one is "hit
//! with" (SANCTION), being present only where a meeting is attended
//! (CONSULT), looking into something only as an investigation (ACCUSE
//! `investigate`), a cyber operation (COERCE `cyber`, not ASSAULT) and a veto
//! cast (REJECT). Read with the codebook's other rules (`codebook_type`), so
//! an act found here is the codebook's and stands; the words are in
//! `data/en/event-acts.tsv`.

use dossier_core::{Dep, EntityType, Event, EventType, MentionKind, Xpos};

use super::word_classes::WordFile;
use super::{singular, Clause, Verb};

/// The word classes of `data/en/event-acts.tsv`.
static WORDS: WordFile = WordFile::new(include_str!("../../data/en/event-acts.tsv"));

fn is(class: &str, word: &str) -> bool {
    WORDS.contains(class, word)
}

/// The codebook's act for a verb these classes read: `Some(None)` no event,
/// `Some(Some(act))` the act; `None` where they say nothing (for a meeting
/// attended or a matter looked into, the dictionary's act then stands).
pub(super) fn codebook_act(c: &Clause<'_>, verb: &Verb) -> Option<Option<EventType>> {
    let lemma = c.lex.lemma(&verb.form);
    let v = verb.v;
    let object = c.object(v);
    let object_nouns = || {
        object
            .map(|o| c.subtree(o, &[Dep::Acl]))
            .unwrap_or_default()
            .into_iter()
            .map(|j| singular(c.word(j)))
            .collect::<Vec<_>>()
    };
    if resigns(c, verb, lemma, object) {
        return Some(Some(EventType::Retreat));
    }
    // ("will not attend" with no object: the talks spoken of, the dictionary's.)
    let attended = object.is_none() || object_nouns().iter().any(|w| is("gathering", w));
    if is("attend", lemma) && !attended {
        return Some(None);
    }
    if is("inspect", lemma) && !object_nouns().iter().any(|w| is("probed", w)) {
        return Some(None);
    }
    if is("hacking", lemma) && hacks_into(c, v, object) {
        return Some(Some(EventType::Coerce));
    }
    // "cracked down on protesters": a crackdown, COERCE, no assault. (A
    // gerund with no auxiliary, "campaigned on cracking down on", is a
    // policy spoken of, no act: left to the other rules.)
    let particle = WORDS.condition("crackdown", lemma);
    let gerund = c.doc.tokens[v].tag == Some(Xpos::Vbg)
        && !c.children(v).any(|k| c.dep(k) == Some(Dep::Aux));
    if !gerund && particle.is_some_and(|p| c.has_word(v, p)) {
        return Some(Some(EventType::Coerce));
    }
    // "was hit with new sanctions": a penalty imposed, SANCTION.
    let with_penalty = c
        .obliques(v, "with")
        .any(|k| is("penalty", &singular(c.word(k))));
    if is("penalising", lemma) && with_penalty {
        return Some(Some(EventType::Sanction));
    }
    // "launched air strikes against the Houthis": strikes mounted with a sign of arms.
    if object.is_some_and(|o| mounts_strikes(c, v, lemma, o)) {
        return Some(Some(EventType::Assault));
    }
    let veto = object.is_some_and(|o| is("veto", &singular(c.word(o))));
    if veto && is("vetoing", lemma) {
        return Some(Some(EventType::Reject));
    }
    None
}

/// Whether a noun names an attack mounted or launched whatever else the
/// clause says (class `launched` with no condition): "launched an offensive".
pub(super) fn launched_attack(noun: &str) -> bool {
    WORDS.condition("launched", noun) == Some("-")
}

/// Whether a noun names an attack one mounts (class `launched`, strikes too):
/// "an offensive", "air strikes".
pub(super) fn attack_mounted(noun: &str) -> bool {
    WORDS.contains("launched", noun)
}

/// Whether verb `v` (lemma `lemma`) mounts strikes `o` that are an act of arms
/// (class `launched` with condition `armed`): a modifier of arms ("air
/// strikes"), an "on"/"against" phrase of the verb or the noun naming a
/// country, a people or an armed group, or a country or armed force acting.
/// A labour strike ("workers launched a strike against the company") has none.
fn mounts_strikes(c: &Clause<'_>, v: usize, lemma: &str, o: usize) -> bool {
    let mounted = WORDS
        .condition("mounting", lemma)
        .is_some_and(|p| p == "-" || c.has_word(v, p));
    if !mounted
        || WORDS.condition("launched", &singular(&c.word(o).to_lowercase())) != Some("armed")
    {
        return false;
    }
    let armed_modifier = c.children(o).any(|k| {
        matches!(c.dep(k), Some(Dep::Amod | Dep::Compound))
            && is("armed", &c.word(k).to_lowercase())
    });
    // A country, a people or an armed group in the phrase headed by `h`.
    let armed_party = |h: usize| {
        c.subtree(h, &[Dep::Acl])
            .into_iter()
            .any(|j| super::conventions::armed_party(c, j))
    };
    let aimed = c
        .obliques(v, "on")
        .chain(c.obliques(v, "against"))
        .chain(c.children(o).filter(|&k| {
            c.dep(k) == Some(Dep::Nmod)
                && (super::marked_by(c.doc, k, "on") || super::marked_by(c.doc, k, "against"))
        }))
        .any(armed_party);
    armed_modifier || aimed || c.subject(v).is_some_and(armed_party)
}

/// Whether a verb of hacking hacks a name or a system: its object or its
/// "into" phrase.
fn hacks_into(c: &Clause<'_>, v: usize, object: Option<usize>) -> bool {
    let into = c.obliques(v, "into").next();
    [object, into].into_iter().flatten().any(|h| {
        is("hacked", &singular(c.word(h)))
            || super::mention_of(
                c,
                h,
                &[
                    EntityType::Org,
                    EntityType::Gpe,
                    EntityType::Person,
                    EntityType::Norp,
                ],
            )
    })
}

/// A resignation: a person's verb of resigning with the particle it needs
/// ("stepped down"), or an office holder quitting (an office as object, an
/// "as" phrase, or a title as subject with no object).
fn resigns(c: &Clause<'_>, verb: &Verb, lemma: &str, object: Option<usize>) -> bool {
    let v = verb.v;
    let title = |s: usize| crate::speakers::is_person_title(&singular(c.word(s)));
    if let Some(particle) = WORDS.condition("resign", lemma) {
        // Troops told to stand down resign nothing, nor does a chief executive
        // (the codebook's resignation is a government official's): one who
        // holds a public office steps down, or one who steps down as one.
        return particle == "-"
            || (c.has_word(v, particle)
                && (c.subject(v).is_some_and(|s| holds_office(c, s)) || leaves_office(c, v)));
    }
    if !is("quit", lemma) {
        return false;
    }
    match object {
        Some(o) => is("office", &singular(c.word(o))),
        None => c.obl_marked(v, &["as"]) || c.subject(v).is_some_and(title),
    }
}

/// CAMEO agent sectors of a public office: government, legislature,
/// judiciary, military, police and intelligence ("minister", "senator",
/// "judge", "general").
const OFFICE_SECTORS: [&str; 6] = ["GOV", "LEG", "JUD", "MIL", "COP", "SPY"];

/// Whether a word names a public office, by the agents dictionary or the
/// class `official` (titles it lacks: "secretary", "speaker").
fn office_title(c: &Clause<'_>, word: &str) -> bool {
    let word = singular(&word.to_lowercase());
    is("official", &word) || super::political::in_sectors(c.lex, &word, &OFFICE_SECTORS)
}

/// CAMEO agent sectors of a political body: party, legislature, government.
const POLITICAL_BODIES: [&str; 3] = ["PTY", "LEG", "GOV"];

/// Whether these tokens name a public office: a title of one, or a noun of
/// leading (class `leading`) a political body ("party leader", "chair of the
/// Democratic National Committee"); a company's chair holds none.
fn names_office(c: &Clause<'_>, tokens: &[usize]) -> bool {
    tokens.iter().any(|&j| office_title(c, c.word(j)))
        || (tokens
            .iter()
            .any(|&j| is("leading", &singular(&c.word(j).to_lowercase())))
            && tokens.iter().any(|&j| political_body(c, j)))
}

/// Whether token `j` names a political body: a word the agents dictionary
/// codes as one ("party", "congress"), or an organisation named as a party
/// (`party_roles::party_like`) or after a group's adjective the text names
/// elsewhere, not a country's ("Republican" … "the Republican National Committee").
fn political_body(c: &Clause<'_>, j: usize) -> bool {
    let doc = c.doc;
    if super::political::in_sectors(c.lex, c.word(j), &POLITICAL_BODIES) {
        return true;
    }
    let group_adjective = |word: &str| {
        doc.mentions.iter().any(|n| {
            n.ty == EntityType::Norp
                && !super::is_country(doc, n)
                && doc.span_text(n.span).eq_ignore_ascii_case(word)
        })
    };
    doc.mentions
        .iter()
        .filter(|m| m.ty == EntityType::Org && crate::tree::holds_token(doc, m.span, j))
        .any(|m| {
            super::party_roles::party_like(c, m)
                || m.entity.is_some_and(|e| {
                    let e = &doc.entities[e];
                    std::iter::once(&e.name)
                        .chain(&e.aliases)
                        .filter_map(|n| n.split(' ').next().filter(|_| n.contains(' ')))
                        .any(group_adjective)
                })
        })
}

/// Whether the phrase headed by `s` is a holder of a public office: a title
/// in it ("the defence minister", "Prime Minister X", "the party leader"), or
/// a name the text describes by one elsewhere ("X, the interior minister", "the senator").
fn holds_office(c: &Clause<'_>, s: usize) -> bool {
    if names_office(c, &c.subtree(s, &[Dep::Acl])) {
        return true;
    }
    let doc = c.doc;
    let entity = doc
        .mentions
        .iter()
        .filter(|m| m.ty == EntityType::Person && crate::tree::holds_token(doc, m.span, s))
        .find_map(|m| m.entity);
    let Some(entity) = entity else {
        return false;
    };
    // "Staffan de Mistura, the UN envoy" … "De Mistura stands down": the
    // surname may be an entity of its own.
    let name = doc.entities[entity].name.to_lowercase();
    let same_person = |e: &dossier_core::Entity| {
        e.ty == EntityType::Person && e.name.to_lowercase().ends_with(&format!(" {name}"))
    };
    let entities = std::iter::once(&doc.entities[entity])
        .chain(doc.entities.iter().filter(|e| same_person(e)));
    entities.into_iter().any(|e| {
        e.mentions.iter().any(|&m| {
            let m = &doc.mentions[m];
            let last_word = doc.span_text(m.span).rsplit(' ').next().unwrap_or("");
            super::political::described_as(doc, c.lex, m, &OFFICE_SECTORS)
                || (m.kind == MentionKind::Nominal && office_title(c, last_word))
        })
    })
}

/// Whether verb `v` has an "as" or "from" phrase naming a public office
/// ("stepped down as prime minister", "as party leader", "from the cabinet"), or one under its
/// oblique ("after four years as envoy").
fn leaves_office(c: &Clause<'_>, v: usize) -> bool {
    let office_phrase = |k: usize| names_office(c, &c.subtree(k, &[Dep::Acl]));
    c.children(v)
        .filter(|&k| c.dep(k) == Some(Dep::Obl))
        .any(|k| {
            let marked =
                |j: usize, words: &[&str]| words.iter().any(|w| super::marked_by(c.doc, j, w));
            (marked(k, &["as", "from"]) && office_phrase(k))
                || c.children(k)
                    .any(|j| c.dep(j) == Some(Dep::Nmod) && marked(j, &["as"]) && office_phrase(j))
        })
}

/// Whether a COERCE event is a cyber operation: a verb of hacking as its
/// trigger, or a word of hacking in its trigger or theme (codebook mode `cyber`).
pub(super) fn cyber(doc: &dossier_core::Document, lex: &super::EventLexicon, e: &Event) -> bool {
    let trigger = doc.span_text(e.trigger).to_lowercase();
    is("hacking", lex.lemma(&trigger))
        || std::iter::once(e.trigger)
            .chain(e.theme)
            .flat_map(|span| {
                doc.span_text(span)
                    .split(|ch: char| !ch.is_alphanumeric() && ch != '-')
            })
            .any(|w| is("cyber", &w.to_lowercase()))
}

/// Whether an act is a cyber attack: a word of hacking in the verb's
/// object ("launched a cyber attack on Sony").
pub(super) fn cyber_attack(c: &Clause<'_>, verb: &Verb) -> bool {
    c.objects(verb.v)
        .flat_map(|o| c.subtree(o, &[Dep::Acl]))
        .any(|j| is("cyber", &c.word(j).to_lowercase()))
}

/// Whether a verb's lemma takes someone into custody or charges them (class
/// `custody`): an act the police beside it may have done, unlike a hijacking.
pub(super) fn custody(lemma: &str) -> bool {
    is("custody", lemma)
}

/// Whether the trigger of a RETREAT is a resignation (codebook mode `resign`).
pub(super) fn resignation_trigger(lemma: &str) -> bool {
    WORDS.condition("resign", lemma).is_some() || is("quit", lemma)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_classes_load() {
        assert_eq!(WORDS.condition("resign", "step"), Some("down"));
        assert!(is("gathering", "summit"));
        assert!(is("inspect", "examine"));
        assert!(is("probed", "allegation"));
        assert!(is("cyber", "cyberattack"));
        assert!(is("vetoing", "wield") && is("hacked", "network"));
        assert!(!is("gathering", "funeral"));
        assert_eq!(WORDS.condition("crackdown", "crack"), Some("down"));
        assert!(is("penalising", "hit") && is("penalty", "sanction"));
        assert!(launched_attack("offensive") && !launched_attack("strike"));
        assert_eq!(WORDS.condition("mounting", "carry"), Some("out"));
        assert!(is("armed", "drone") && is("leading", "chairman"));
        assert!(custody("arrest") && custody("hold") && !custody("hijack") && !custody("kidnap"));
    }
}
