//! Titles: the words beside a name that describe its bearer ("US Secretary
//! of State Mike Pompeo", "Pompeo, the secretary of state,"), and whether
//! all of a descriptor's words title a name, so that "the health minister"
//! is not "the foreign minister, Julie Bishop".

use dossier_core::{Dep, Upos};
use dossier_core::{Document, EntityType, Span};

use super::heads::phrase_head;
use super::words::kin_word_gender;
use crate::tree::{is_comma, tokens_in};

/// Whether `word` stands beside the name at `name`: among the five tokens
/// before it or inside it ("US Secretary of State Mike Pompeo"), or in an
/// apposition after or before it ("Pompeo, the secretary of state,",
/// "His mother, Jane Lyndon,").
pub(super) fn titled(doc: &Document, name: Span, word: &str) -> bool {
    among_titles(doc, &title_tokens(doc, name), word)
}

/// Whether `word` is one of the title tokens `titles`, whatever its case.
fn among_titles(doc: &Document, titles: &[usize], word: &str) -> bool {
    titles
        .iter()
        .any(|&i| same_word(doc.span_text(doc.tokens[i].span), word))
}

/// Whether two words are the same but for case, without allocating.
pub(super) fn same_word(a: &str, b: &str) -> bool {
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// The tokens beside a name that may title it: the run before it, its own
/// words, and an apposition's run after or before a comma.
fn title_tokens(doc: &Document, name: Span) -> Vec<usize> {
    let std::ops::Range { start: first, end } = tokens_in(doc, name);
    // A title is a run of nouns, names, adjectives and "of" or "the":
    // a verb, a pronoun or a mark ends it ("Erdogan met Vladimir Putin").
    let breaks = |i: &usize| {
        !matches!(
            doc.tokens[*i].pos,
            Some(Upos::Noun | Upos::Propn | Upos::Adj | Upos::Adp | Upos::Det | Upos::Part)
        )
    };
    // "the mother of former Royal Marine Kosta Scurfield": a kin noun
    // before "of" is someone else's title.
    let kin_of = |i: &usize| {
        *i >= 1
            && doc
                .span_text(doc.tokens[*i].span)
                .eq_ignore_ascii_case("of")
            && kin_word_gender(&doc.span_text(doc.tokens[*i - 1].span).to_lowercase()).is_some()
    };
    let run_before = |to: usize| {
        (to.saturating_sub(5)..to)
            .rev()
            .take_while(|i| !breaks(i) && !kin_of(i))
    };
    // "The father of Shamima Begum": a run ending in "of" is about her.
    let of_before = first >= 1 && doc.tokens[first - 1].pos == Some(Upos::Adp);
    let mut at: Vec<usize> = (first..end).collect();
    if !of_before {
        at.extend(run_before(first));
    }
    // "According to a senior official, Trump agreed": an oblique before a
    // subject, no apposition ("by his defence minister, Hulusi Akar," is one).
    let oblique = first >= 2 && doc.tokens[first - 2].dep == Some(Dep::Obl);
    let appos = (first..end).any(|i| doc.tokens[i].dep == Some(Dep::Appos));
    if first >= 2 && is_comma(doc, first - 1) && (!oblique || appos) {
        at.extend(run_before(first - 1));
    }
    if is_comma(doc, end) {
        at.extend((end + 1..(end + 9).min(doc.tokens.len())).take_while(|i| !breaks(i)));
    }
    at
}

/// Whether a person's name is titled as the descriptor `[x, y)` says:
/// its head word and every adjective or noun before the head ("the health
/// minister" is not "the foreign minister, Julie Bishop"); a country's
/// word is left to the caller.
pub(super) fn titled_as(doc: &Document, name: Span, (x, y): (usize, usize)) -> bool {
    let h = phrase_head(doc, x, y);
    let titles = title_tokens(doc, name);
    let place = |i: usize| {
        doc.mentions.iter().any(|m| {
            crate::tree::holds_token(doc, m.span, i)
                && matches!(m.ty, EntityType::Gpe | EntityType::Norp)
        })
    };
    (x..=h)
        .filter(|&i| {
            i == h || (matches!(doc.tokens[i].pos, Some(Upos::Adj | Upos::Noun)) && !place(i))
        })
        .all(|i| among_titles(doc, &titles, doc.span_text(doc.tokens[i].span)))
}
