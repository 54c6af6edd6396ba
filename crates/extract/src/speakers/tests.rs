//! Speaker resolution on hand-built parses.

use super::heads::head_name;
use super::relatives::{relative_head, Relative};
use super::unnamed::phrase_antecedent;
use super::*;
use crate::quotes::tests::parsed;
use dossier_core::{BlockId, ById, Entity, EntityId, Mention, MentionKind, Sentence, Speaker};

/// `doc` with a mention of a new entity over each `(first, last)` token pair.
fn with_names(mut doc: Document, names: &[(usize, usize, EntityType)]) -> Document {
    for &(first, last, ty) in names {
        let span = Span::new(doc.tokens[first].span.start, doc.tokens[last].span.end);
        let entity = doc.entities.next_id();
        doc.entities.push(Entity {
            name: doc.span_text(span).to_string(),
            ty,
            mentions: vec![doc.mentions.next_id()],
            aliases: Vec::new(),
            kb: Vec::new(),
            key: None,
        });
        doc.mentions.push(Mention {
            span,
            ty,
            kind: MentionKind::Name,
            entity: Some(entity),
        });
    }
    doc
}

/// `d`'s tokens as two sentences, the second from token `at`.
fn two_sentences(d: &mut Document, at: usize) {
    let n = d.tokens.len();
    d.sentences = vec![
        Sentence {
            span: Span::new(0, d.tokens[at - 1].span.end),
            block: BlockId::new(0),
            tokens: (0, at),
        },
        Sentence {
            span: Span::new(d.tokens[at].span.start, d.tokens[n - 1].span.end),
            block: BlockId::new(0),
            tokens: (at, n),
        },
    ];
}

/// "X met . <subject> spoke ; they said": two sentences, "they" at token 8
/// resolved to the organisation X.
fn they_after(subject: &[(&str, &'static str, &'static str)]) -> (Document, Speaker) {
    let mut rows = vec![
        ("Hamas", "PROPN", "NNP", 1, "nsubj"),
        ("met", "VERB", "VBD", -1, "root"),
        (".", "PUNCT", ".", 1, "punct"),
    ];
    let head = 3 + subject.len() as i32 - 1;
    for (k, &(w, pos, tag)) in subject.iter().enumerate() {
        let last = k + 1 == subject.len();
        let (h, dep) = if last {
            (head + 1, "nsubj")
        } else {
            (head, "amod")
        };
        rows.push((w, pos, tag, h, dep));
    }
    rows.extend([
        ("spoke", "VERB", "VBD", -1, "root"),
        (";", "PUNCT", ":", head + 1, "punct"),
        ("they", "PRON", "PRP", head + 4, "nsubj"),
        ("said", "VERB", "VBD", head + 1, "conj"),
    ]);
    let mut d = with_names(parsed(&rows), &[(0, 0, EntityType::Org)]);
    two_sentences(&mut d, 3);
    let n = d.tokens.len();
    let mut sp = Speaker::unresolved(d.tokens[n - 2].span);
    sp.entity = Some(EntityId::new(0));
    (d, sp)
}

#[test]
fn they_after_a_later_plural_subject_of_people_refers_to_it() {
    let cues = CueLexicon::from_tsv("");
    // "Hamas met. The lawyers spoke; they said": the lawyers, not Hamas.
    let (d, sp) = they_after(&[("The", "DET", "DT"), ("lawyers", "NOUN", "NNS")]);
    let found = phrase_antecedent(&d, &cues, "they", &sp, (&[], &[]), None);
    assert_eq!(found.map(|s| d.span_text(s)), Some("The lawyers"));
    // "Hamas met. Hamas officials spoke; they said": the name in the phrase keeps it.
    let (mut d, sp) = they_after(&[("Hamas", "PROPN", "NNP"), ("officials", "NOUN", "NNS")]);
    d.mentions.push(Mention {
        span: d.tokens[3].span,
        ty: EntityType::Org,
        kind: MentionKind::Name,
        entity: Some(EntityId::new(0)),
    });
    assert_eq!(
        phrase_antecedent(&d, &cues, "they", &sp, (&[], &[]), None),
        None
    );
    // "Hamas met. The talks spoke; they said": no people, Hamas stands.
    let (d, sp) = they_after(&[("The", "DET", "DT"), ("talks", "NOUN", "NNS")]);
    assert_eq!(
        phrase_antecedent(&d, &cues, "they", &sp, (&[], &[]), None),
        None
    );
}

#[test]
fn an_events_they_stands_for_a_later_phrase_of_people_or_the_group() {
    use super::pronouns::{plural_referent, PluralReferent};
    let at = |d: &Document| d.tokens[d.tokens.len() - 2].span.start;
    // "Hamas met. The lawyers spoke; they said": the lawyers' head noun.
    let (d, _) = they_after(&[("The", "DET", "DT"), ("lawyers", "NOUN", "NNS")]);
    assert_eq!(
        plural_referent(&d, at(&d), &[]),
        Some(PluralReferent::Phrase(4))
    );
    // "Hamas met. The envoy spoke; they said": the group.
    let (d, _) = they_after(&[("The", "DET", "DT"), ("envoy", "NOUN", "NN")]);
    let hamas = PluralReferent::Named(vec![EntityId::new(0)]);
    assert_eq!(plural_referent(&d, at(&d), &[]), Some(hamas));
    assert_eq!(plural_referent(&d, at(&d), &[EntityId::new(0)]), None);
    // "Hamas met. The talks spoke; they said": the talks may be what
    // "they" stands for, so not Hamas.
    let (d, _) = they_after(&[("The", "DET", "DT"), ("talks", "NOUN", "NNS")]);
    assert_eq!(plural_referent(&d, at(&d), &[]), None);
}

#[test]
fn a_relative_pronoun_stands_for_the_noun_its_clause_describes() {
    let cues = CueLexicon::from_tsv("officials\tspeaker\t9\t10\n");
    // "officials involved in the war against Islamic State who say so":
    // the officials, not the group inside their modifiers.
    let d = with_names(
        parsed(&[
            ("officials", "NOUN", "NNS", -1, "root"),
            ("involved", "VERB", "VBN", 0, "acl"),
            ("in", "ADP", "IN", 4, "case"),
            ("the", "DET", "DT", 4, "det"),
            ("war", "NOUN", "NN", 1, "obl"),
            ("against", "ADP", "IN", 7, "case"),
            ("Islamic", "PROPN", "NNP", 7, "compound"),
            ("State", "PROPN", "NNP", 4, "nmod"),
            ("who", "PRON", "WP", 9, "nsubj"),
            ("say", "VERB", "VBP", 0, "acl"),
            ("so", "ADV", "RB", 9, "advmod"),
        ]),
        &[(6, 7, EntityType::Org)],
    );
    let cue = Some(d.tokens[9].span);
    assert_eq!(
        relative_head(&d, (cue, Some((8, 9))), &cues),
        Some(Relative::Unnamed(d.tokens[0].span))
    );
    // "Lindsey Graham, a senior senator who said so": the name the
    // noun describes.
    let d = with_names(
        parsed(&[
            ("Lindsey", "PROPN", "NNP", -1, "root"),
            ("Graham", "PROPN", "NNP", 0, "flat"),
            (",", "PUNCT", ",", 5, "punct"),
            ("a", "DET", "DT", 5, "det"),
            ("senior", "ADJ", "JJ", 5, "amod"),
            ("senator", "NOUN", "NN", 0, "appos"),
            ("who", "PRON", "WP", 7, "nsubj"),
            ("said", "VERB", "VBD", 5, "acl"),
            ("so", "ADV", "RB", 7, "advmod"),
        ]),
        &[(0, 1, EntityType::Person)],
    );
    let cue = Some(d.tokens[7].span);
    assert_eq!(
        relative_head(&d, (cue, Some((6, 7))), &cues),
        Some(Relative::Named(EntityId::new(0)))
    );
    // A verb the pronoun is not the subject of reports nothing of it.
    let other = Some(d.tokens[8].span);
    assert_eq!(relative_head(&d, (other, Some((6, 7))), &cues), None);
}

#[test]
fn a_name_modifying_the_noun_of_an_apposition_is_not_the_speaker() {
    // "Hero, a Kurdish resident of Afrin, said": Hero names no entity;
    // neither the Kurds nor Afrin speak.
    let d = with_names(
        parsed(&[
            ("Hero", "PROPN", "NNP", 8, "nsubj"),
            (",", "PUNCT", ",", 4, "punct"),
            ("a", "DET", "DT", 4, "det"),
            ("Kurdish", "ADJ", "JJ", 4, "amod"),
            ("resident", "NOUN", "NN", 0, "appos"),
            ("of", "ADP", "IN", 6, "case"),
            ("Afrin", "PROPN", "NNP", 4, "nmod"),
            (",", "PUNCT", ",", 0, "punct"),
            ("said", "VERB", "VBD", -1, "root"),
        ]),
        &[(3, 3, EntityType::Norp), (6, 6, EntityType::Gpe)],
    );
    let span = Span::new(0, d.tokens[6].span.end);
    assert_eq!(head_name(&d, span, Some((0, 7))), None);
    // "The Turkish president, Recep Erdoğan": the name heads the apposition.
    let d = with_names(
        parsed(&[
            ("The", "DET", "DT", 2, "det"),
            ("Turkish", "ADJ", "JJ", 2, "amod"),
            ("president", "NOUN", "NN", 6, "nsubj"),
            (",", "PUNCT", ",", 4, "punct"),
            ("Recep", "PROPN", "NNP", 2, "appos"),
            ("Erdoğan", "PROPN", "NNP", 4, "flat"),
            ("said", "VERB", "VBD", -1, "root"),
        ]),
        &[(1, 1, EntityType::Norp), (4, 5, EntityType::Person)],
    );
    let span = Span::new(0, d.tokens[5].span.end);
    assert_eq!(head_name(&d, span, Some((0, 6))), Some(EntityId::new(1)));
    // "After the call, the minister, Mevlüt Çavuşoğlu": a name in
    // apposition to an apposition still heads it.
    let d = with_names(
        parsed(&[
            ("After", "ADP", "IN", 2, "case"),
            ("the", "DET", "DT", 2, "det"),
            ("call", "NOUN", "NN", 10, "obl"),
            (",", "PUNCT", ",", 5, "punct"),
            ("the", "DET", "DT", 5, "det"),
            ("minister", "NOUN", "NN", 2, "appos"),
            (",", "PUNCT", ",", 7, "punct"),
            ("Mevlüt", "PROPN", "NNP", 5, "appos"),
            ("Çavuşoğlu", "PROPN", "NNP", 7, "flat"),
            (",", "PUNCT", ",", 2, "punct"),
            ("said", "VERB", "VBD", -1, "root"),
        ]),
        &[(7, 8, EntityType::Person)],
    );
    let span = Span::new(0, d.tokens[8].span.end);
    assert_eq!(head_name(&d, span, Some((0, 9))), Some(EntityId::new(0)));
}

#[test]
fn an_organisation_holding_the_head_speaks_not_the_person_before_it() {
    // The entity `head_name` takes for the phrase over all of `rows`.
    let speaker = |rows: &[(&'static str, &'static str, &'static str, i32, &'static str)],
                   names: &[(usize, usize, EntityType)]| {
        let d = with_names(parsed(rows), names);
        let n = rows.len() - 1;
        head_name(&d, Span::new(0, d.tokens[n - 1].span.end), Some((0, n)))
    };
    // "The Kowalski Foreign Ministry said": the ministry, not Kowalski.
    let rows = [
        ("The", "DET", "DT", 3, "det"),
        ("Kowalski", "PROPN", "NNP", 3, "compound"),
        ("Foreign", "PROPN", "NNP", 3, "compound"),
        ("Ministry", "PROPN", "NNP", 4, "nsubj"),
        ("said", "VERB", "VBD", -1, "root"),
    ];
    let names = [(1, 1, EntityType::Person), (2, 3, EntityType::Org)];
    assert_eq!(speaker(&rows, &names), Some(EntityId::new(1)));
    // A person holding the head still wins over an organisation before it.
    let rows = [
        ("NATO", "PROPN", "NNP", 2, "compound"),
        ("chief", "PROPN", "NNP", 2, "compound"),
        ("Okafor", "PROPN", "NNP", 3, "nsubj"),
        ("said", "VERB", "VBD", -1, "root"),
    ];
    let names = [(0, 0, EntityType::Org), (2, 2, EntityType::Person)];
    assert_eq!(speaker(&rows, &names), Some(EntityId::new(1)));
}

#[test]
fn the_person_noun_lexicon_keeps_its_classes_apart() {
    use super::words::{agent_noun, agent_noun_after_who, kin_word_gender, noun_sex, people_noun};
    assert_eq!(kin_word_gender("mother"), Some(false));
    assert_eq!(kin_word_gender("man"), None);
    assert_eq!(noun_sex("men"), Some(true));
    assert_eq!(noun_sex("child"), None);
    assert!(people_noun("journalist") && people_noun("child") && people_noun("uncle"));
    // "-ent" names a thing as often as a person: only after "who".
    assert!(!agent_noun("resident") && agent_noun_after_who("resident"));
    assert!(!people_noun("government"));
}

/// "the opposition leader arrived . <title> <Name> spoke .": a lede's
/// descriptor and the person the next sentence names with `title`.
fn lede_and_next(title: &[&'static str]) -> (Document, Span) {
    let name = 5 + title.len();
    let mut rows = vec![
        ("the", "DET", "DT", 2, "det"),
        ("opposition", "NOUN", "NN", 2, "compound"),
        ("leader", "NOUN", "NN", 3, "nsubj"),
        ("arrived", "VERB", "VBD", -1, "root"),
        (".", "PUNCT", ".", 3, "punct"),
    ];
    for w in title {
        rows.push((w, "NOUN", "NN", name as i32, "compound"));
    }
    rows.extend([
        ("Essebsi", "PROPN", "NNP", name as i32 + 1, "nsubj"),
        ("spoke", "VERB", "VBD", -1, "root"),
        (".", "PUNCT", ".", name as i32 + 1, "punct"),
    ]);
    let mut d = with_names(parsed(&rows), &[(name, name, EntityType::Person)]);
    two_sentences(&mut d, 5);
    let span = Span::new(0, d.tokens[2].span.end);
    (d, span)
}

#[test]
fn a_descriptor_by_its_words_alone_is_only_the_one_its_words_title() {
    // "President Essebsi spoke" after a lede's "the opposition leader":
    // the lede's subject for a quote speaker, no one by the words alone.
    let (d, span) = lede_and_next(&["president"]);
    let essebsi = Some(EntityId::new(0));
    assert_eq!(descriptor_entity(&d, span, (0, 3), Reach::Context), essebsi);
    assert_eq!(descriptor_entity(&d, span, (0, 3), Reach::Words), None);
    // "opposition leader Essebsi spoke": every word titles him.
    let (d, span) = lede_and_next(&["opposition", "leader"]);
    assert_eq!(descriptor_entity(&d, span, (0, 3), Reach::Words), essebsi);
    // "leader Essebsi": the descriptor's "opposition" does not title him.
    let (d, span) = lede_and_next(&["leader"]);
    assert_eq!(descriptor_entity(&d, span, (0, 3), Reach::Words), None);
}
