//! The name at the head of a source phrase: only names joined to the head
//! by name parts, modifiers or apposition count, not a possessor's or an
//! "of" phrase's ("A friend of Begum" is not Begum), and a person wins over
//! a group. Also a role noun's appositive name and a transcript's surname.

use dossier_core::{ById, EntityId};
use dossier_core::{Dep, Upos, Xpos};
use dossier_core::{Document, EntityType, Span, Token};

use super::words::{is_institution, role_of, Role};
use super::{group_like, person_like};
use crate::tree::{is_comma, tokens_in};

/// The entity named at the head of the source phrase. With the phrase's
/// tokens, only names joined to its head by name parts, modifiers or
/// apposition count ("Russia's deputy prime minister Arkady Dvorkovich" →
/// Dvorkovich), not those in its possessor, "of" phrase or relative clause
/// ("A friend of Begum" → none); a name before a common-noun head is a
/// modifier ("a Trump campaign source"), except a group's before an
/// institution. A person is preferred to a group ("Ukrainian President
/// Volodymyr Zelenskyy"); among groups the first ("the NATO Summit in London").
pub(super) fn head_name(
    doc: &Document,
    span: Span,
    tokens: Option<(usize, usize)>,
) -> Option<EntityId> {
    let inside: Vec<_> = doc
        .mentions
        .iter()
        .filter(|m| span.contains(m.span) && m.entity.is_some())
        .collect();
    let inside: Vec<_> = match tokens {
        Some((x, y)) if y > x => {
            let h = phrase_head(doc, x, y);
            // A lowercase role noun is a common noun whatever its tag
            // ("Russia's UN ambassador"; not "al-Assad").
            let word = doc.span_text(doc.tokens[h].span);
            let common = doc.tokens[h].pos == Some(Upos::Noun)
                || (word.starts_with(|c: char| c.is_lowercase()) && role_of(word).is_some());
            let institution = is_institution(doc, h);
            inside
                .into_iter()
                .filter(|m| {
                    (x..y).any(|i| {
                        crate::tree::holds_token(doc, m.span, i)
                            && joined_to_head(doc, (i, m.span), h, x, y)
                    })
                })
                .filter(|m| {
                    !common
                        || m.span.start > doc.tokens[h].span.start
                        || (institution && group_like(m.ty))
                })
                .collect()
        }
        _ => inside,
    };
    // The person named by the head and its name parts ("Mustafa Bali, a
    // … spokesman"), else the last person, else the first group.
    let names_head = |m: &&&dossier_core::Mention| {
        tokens.is_some_and(|(x, y)| y > x && names_phrase_head(doc, m.span, x, y))
    };
    // "The Trump White House has declared": an organisation holding the
    // head itself speaks, not the person named right before it.
    let holds_head = |m: &&&dossier_core::Mention| {
        tokens.is_some_and(|(x, y)| {
            y > x && crate::tree::holds_token(doc, m.span, phrase_head(doc, x, y))
        })
    };
    let right_before = |o: Span| {
        inside.iter().any(|p| {
            person_like(p.ty)
                && p.span.end < o.start
                && doc
                    .span_text(Span::new(p.span.end, o.start))
                    .trim()
                    .is_empty()
        })
    };
    let org_head = inside
        .iter()
        .find(|m| m.ty == EntityType::Org && holds_head(m) && right_before(m.span));
    let named = org_head
        .or_else(|| {
            inside
                .iter()
                .rev()
                .find(|m| person_like(m.ty) && names_head(m))
        })
        .or_else(|| inside.iter().rev().find(|m| person_like(m.ty)))
        .or_else(|| inside.iter().find(|m| group_like(m.ty)))?;
    if named.ty == EntityType::Norp
        && tokens.is_some_and(|(x, y)| {
            y > x
                && ((doc.tokens[x].pos == Some(Upos::Det)
                    && is_singular(doc, phrase_head(doc, x, y))
                    && !is_institution(doc, phrase_head(doc, x, y)))
                    || some_of_a_people(doc, x, y, named.span))
        })
    {
        // "the second Canadian", "a Briton", "some Syrians": people of that
        // nation, not the nation (it becomes the speaker's affiliation); not
        // "the Australian government", the state's.
        return None;
    }
    named.entity
}

/// Whether `name` holds the head of the phrase `[x, y)` or one of the head's
/// name parts (not a name in apposition to it).
fn names_phrase_head(doc: &Document, name: Span, x: usize, y: usize) -> bool {
    let h = phrase_head(doc, x, y);
    (x..y).any(|i| {
        crate::tree::holds_token(doc, name, i)
            && (i == h
                || (doc.tokens[i].head == Some(h)
                    && matches!(doc.tokens[i].dep, Some(Dep::Flat | Dep::Compound))))
    })
}

/// "some Syrians", "Syrians in Beirut", "many Americans": a plural demonym
/// heading the phrase names people of a nation; not "the Russians", which
/// often stands for the government, nor "Syrian troops", the state's.
fn some_of_a_people(doc: &Document, x: usize, y: usize, demonym: Span) -> bool {
    let h = phrase_head(doc, x, y);
    crate::tree::holds_token(doc, demonym, h)
        && matches!(doc.tokens[h].tag, Some(Xpos::Nns | Xpos::Nnps))
        && doc.span_text(doc.tokens[h].span).ends_with('s')
        && !doc
            .span_text(doc.tokens[x].span)
            .eq_ignore_ascii_case("the")
}

fn is_singular(doc: &Document, t: usize) -> bool {
    matches!(doc.tokens[t].tag, Some(Xpos::Nn | Xpos::Nnp | Xpos::Jj))
}

/// The token of `[x, y)` whose head lies outside it.
pub(crate) fn phrase_head(doc: &Document, x: usize, y: usize) -> usize {
    (x..y)
        .find(|&i| doc.tokens[i].head.is_none_or(|h| h < x || h >= y))
        .unwrap_or(y - 1)
}

/// Whether token `i` of the name `name` reaches the head `h` through name
/// parts, modifiers and apposition only; not through an apposition once
/// the name is a modifier of a common noun ("Hero, a Kurdish resident"
/// names no Kurds; "The lawyer for Hoda Muthana, the US woman …" not the
/// US; but "…, the Turkish foreign minister, Mevlüt Çavuşoğlu").
fn joined_to_head(doc: &Document, (i, name): (usize, Span), h: usize, x: usize, y: usize) -> bool {
    let mut t = i;
    // Whether the walk left the name as a modifier of a common noun.
    let mut modifier = false;
    for _ in 0..12 {
        if t == h {
            return true;
        }
        let ok = match doc.tokens[t].dep {
            Some(Dep::Appos) => !modifier,
            d => matches!(
                d,
                Some(Dep::Flat | Dep::Compound | Dep::Amod | Dep::Det | Dep::Nummod | Dep::Punct)
            ),
        };
        modifier = modifier
            || (matches!(doc.tokens[t].dep, Some(Dep::Compound | Dep::Amod))
                && crate::tree::holds_token(doc, name, t)
                && doc.tokens[t].head.is_some_and(|u| {
                    doc.tokens[u].pos == Some(Upos::Noun) && !crate::tree::holds_token(doc, name, u)
                }));
        match doc.tokens[t].head {
            Some(up) if ok && up >= x && up < y => t = up,
            _ => return false,
        }
    }
    false
}

/// The one person entity whose name ends with the speaker's one word, in any case.
pub(super) fn person_by_surname(doc: &Document, speaker: &str) -> Option<EntityId> {
    let word = speaker.trim();
    if word.contains(char::is_whitespace)
        || word.chars().count() < 3
        || !word.chars().next().is_some_and(char::is_uppercase)
    {
        return None;
    }
    let mut hits = doc.entities.with_ids().filter(|(_, e)| {
        e.ty == EntityType::Person
            && e.name
                .rsplit(' ')
                .next()
                .is_some_and(|last| last.eq_ignore_ascii_case(word))
    });
    let first = hits.next()?.0;
    hits.next().is_none().then_some(first)
}

/// The person named in apposition to a role noun heading the phrase ("The
/// shadow home secretary, Diane Abbott,"): that name, not someone titled so
/// earlier.
pub(super) fn appositive_person(
    doc: &Document,
    tokens: Option<(usize, usize)>,
) -> Option<EntityId> {
    let (x, y) = tokens.filter(|&(x, y)| y > x)?;
    let h = phrase_head(doc, x, y);
    role_of(&doc.span_text(doc.tokens[h].span).to_lowercase()).filter(|&r| r == Role::Person)?;
    let after_comma = |m: &&dossier_core::Mention| {
        let first = tokens_in(doc, m.span).start;
        first > h + 1 && first < y && is_comma(doc, first - 1)
    };
    doc.mentions
        .iter()
        .filter(|m| person_like(m.ty) && m.entity.is_some())
        .find(after_comma)?
        .entity
}

/// The first token of the phrase `h` heads, taken leftward over the tokens
/// that hang under `h` through `modifier` relations only: what a noun's
/// phrase keeps of what stands before it differs by use, so the caller
/// says which relations count ("the three lawyers", "a Kafranbel resident").
pub(super) fn modified_start(doc: &Document, h: usize, modifier: &dyn Fn(&Token) -> bool) -> usize {
    let mut start = h;
    while start > 0 && hangs_under(doc, start - 1, h, &|t| modifier(&doc.tokens[t])) {
        start -= 1;
    }
    start
}

/// Whether token `t` hangs under `h` (within eight steps up), through
/// tokens that pass `through` only.
pub(super) fn hangs_under(
    doc: &Document,
    mut t: usize,
    h: usize,
    through: &dyn Fn(usize) -> bool,
) -> bool {
    for _ in 0..8 {
        match doc.tokens[t].head {
            _ if !through(t) => return false,
            Some(u) if u == h => return true,
            Some(u) if u != t => t = u,
            _ => return false,
        }
    }
    false
}
