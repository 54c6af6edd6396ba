//! Sport (#24): a match report tells its play with the codebook's verbs
//! ("Russia beat Croatia", "fired a 66", "allowed two runs", "rallied to
//! win", "withdrew from the tournament"), which political coders never code;
//! GDELT's sport coded as war is the known failure. A document dense in
//! sport's own words is a sport report, and there a verb of play makes no
//! event; policing, protest and killing there stay events. The words are in
//! `data/en/event-sport.tsv`.

use dossier_core::{Document, Upos};

use super::roles::passive_voice;
use super::word_classes::WordFile;
use super::{Clause, Verb};
use crate::lexicon::lower;

/// The word classes of `data/en/event-sport.tsv`.
static WORDS: WordFile = WordFile::new(include_str!("../../data/en/event-sport.tsv"));

/// Whether `doc` reports sport: at least three of its words, and two in a
/// hundred, are sport's own ("innings", "halftime", "quarterback").
pub(super) fn sport_report(doc: &Document) -> bool {
    let hits = doc
        .tokens
        .iter()
        .filter(|t| WORDS.contains("sport", &lower(doc.span_text(t.span))))
        .count();
    hits >= 3 && hits * 50 >= doc.tokens.len()
}

/// Whether `verb` tells play: a verb of play, or one of force in the active
/// voice whose object, if any, is a number or a word of sport ("shot a 67",
/// "hit his 38th homer"), not someone harmed.
pub(super) fn play(c: &Clause<'_>, verb: &Verb) -> bool {
    let lemma = c.lex.lemma(&verb.form);
    if WORDS.contains("play", lemma) {
        return true;
    }
    if !WORDS.contains("force", lemma) || passive_voice(c, verb) {
        return false;
    }
    c.object(verb.v).is_none_or(|o| {
        c.doc.tokens[o].pos == Some(Upos::Num) || WORDS.contains("sport", &lower(c.word(o)))
    })
}
