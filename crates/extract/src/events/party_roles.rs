//! A party's adjective before a person's role (#24): "the Democratic
//! nominee", "Republican lawmakers", "the GOP candidates". The party names
//! no actor of its own there; the people the role noun names act, so the
//! role phrase is the (common-noun) actor, never the bare adjective.

use dossier_core::{Dep, EntityType, Mention, Upos};

use super::word_classes::WordFile;
use super::{Actor, Clause};

/// `data/en/party-roles.tsv`: roles the person lexicon lacks, parties' short names.
static WORDS: WordFile = WordFile::new(include_str!("../../data/en/party-roles.tsv"));

fn is(class: &str, word: &str) -> bool {
    WORDS.contains(class, word)
}

/// The role noun a party's adjective modifies, as the actor: a group's
/// adjective (not a country's) or a party's name or short name, before a
/// noun of a person or people ("nominee", "candidates", "strategist").
pub(super) fn party_role(c: &Clause<'_>, m: &Mention) -> Option<Actor> {
    let h = role_noun(c, m)?;
    Some(holder(c, m, h).map_or(Actor::Role(h), Actor::Entity))
}

/// "the GOP nominee" where the document says "GOP nominee Donald Trump"
/// (or "Trump, the GOP nominee"): the one person named with the same party
/// and role word beside the name; a role in the plural or counted ("a
/// Republican senator"), or one several people hold, stays the role.
fn holder(c: &Clause<'_>, m: &Mention, h: usize) -> Option<dossier_core::EntityId> {
    let doc = c.doc;
    let role = c.word(h).to_lowercase();
    let singular = super::singular(&role) == role;
    let counted = c.children(h).any(|k| {
        c.dep(k) == Some(Dep::Nummod)
            || (c.dep(k) == Some(Dep::Det)
                && matches!(c.word(k).to_lowercase().as_str(), "a" | "an"))
    });
    if !singular || counted {
        return None;
    }
    let party = doc.span_text(m.span).to_lowercase();
    // The title right before a name, or its apposition right after one:
    // words up to a verb, a preposition or a clause's punctuation.
    let titled = |words: &mut dyn Iterator<Item = usize>| {
        let mut seen = (false, false);
        for k in words.take(6) {
            let t = &doc.tokens[k];
            if matches!(
                t.pos,
                Some(Upos::Verb | Upos::Aux | Upos::Adp | Upos::Pron | Upos::Sconj | Upos::Cconj)
            ) || (t.pos == Some(Upos::Punct) && c.word(k) != ",")
            {
                break;
            }
            let w = c.word(k).to_lowercase();
            seen = (seen.0 || w == role, seen.1 || w == party);
        }
        seen == (true, true)
    };
    let beside = |first: usize, end: usize| {
        titled(&mut (first.saturating_sub(6)..first).rev())
            || (doc
                .tokens
                .get(end)
                .is_some_and(|t| doc.span_text(t.span) == ",")
                && titled(&mut (end + 1..(end + 7).min(doc.tokens.len()))))
    };
    let mut found = None;
    for o in doc.mentions.iter().filter(|o| o.ty == EntityType::Person) {
        let inside = crate::tree::tokens_in(doc, o.span);
        let beside = beside(inside.start, inside.end);
        match (o.entity, found) {
            (Some(e), None) if beside => found = Some(e),
            (Some(e), Some(f)) if beside && e != f => return None,
            _ => {}
        }
    }
    found
}

/// "Democratic presidential candidate Hillary Clinton", "his Democratic
/// opponent, Rep. Alan Grayson": a party's role given a person's name
/// beside it is that person's title, so the party names no actor (the
/// person does, when the phrase holds the name).
pub(super) fn titles_a_person(c: &Clause<'_>, m: &Mention) -> bool {
    let Some(h) = role_noun(c, m) else {
        return false;
    };
    // A group's adjective before an actor noun is `reread::group_people`'s,
    // which keeps the noun ("Rudy Giuliani, the former Republican mayor").
    let agent = c.lex.agents.contains_key(&super::singular(c.word(h)));
    if m.ty == EntityType::Norp && agent {
        return false;
    }
    let doc = c.doc;
    let a_person = |j: usize| {
        doc.mentions
            .iter()
            .any(|o| o.ty == EntityType::Person && crate::tree::touches_token(doc, o.span, j))
    };
    let titles = matches!(c.dep(h), Some(Dep::Compound | Dep::Flat | Dep::Appos))
        && doc.tokens[h].head.is_some_and(a_person);
    // The parse often leaves the name out of the role's phrase, so the name
    // right after the role counts too, past a comma and a title ("Rep.").
    let title_or_comma = |j: usize| {
        let w = c.word(j);
        w == "," || w.ends_with('.') || crate::speakers::is_person_title(&w.to_lowercase())
    };
    let next = (h + 1..c.b.min(h + 4)).find(|&j| !title_or_comma(j));
    titles || next.is_some_and(a_person)
}

/// The person-role noun a party's adjective (or one of its conjuncts:
/// "Democratic and Republican candidates") modifies, if it does.
fn role_noun(c: &Clause<'_>, m: &Mention) -> Option<usize> {
    if !c.reread || super::is_country(c.doc, m) || !party_like(c, m) {
        return None;
    }
    let doc = c.doc;
    let mut top = crate::tree::top_in(doc, m.span, c.a..c.b)?;
    if c.dep(top) == Some(Dep::Conj) {
        top = doc.tokens[top].head.filter(|&h| h >= c.a && h < top)?;
    }
    if !matches!(c.dep(top), Some(Dep::Amod | Dep::Compound)) {
        return None;
    }
    let h = doc.tokens[top].head.filter(|&h| h > top && h < c.b)?;
    let role = |h: usize| {
        let noun = super::singular(c.word(h)).to_lowercase();
        doc.tokens[h].pos == Some(Upos::Noun)
            && (crate::speakers::people_noun(&noun) || is("role", &noun))
    };
    // "a Republican committee aide": the adjective may modify the noun compounded into the role.
    let compounded = || {
        (c.dep(h) == Some(Dep::Compound))
            .then(|| doc.tokens[h].head.filter(|&r| r > h && r < c.b))
            .flatten()
            .filter(|&r| role(r))
    };
    if role(h) {
        Some(h)
    } else {
        compounded()
    }
}

/// Whether a name is a group's adjective or a party's name: a NORP
/// ("Democratic"), or an organisation called a party or by a party's short name.
pub(super) fn party_like(c: &Clause<'_>, m: &Mention) -> bool {
    match m.ty {
        EntityType::Norp => true,
        EntityType::Org => {
            let text = c.doc.span_text(m.span).to_lowercase();
            is("party-name", &text)
                || m.entity.is_some_and(|e| {
                    let e = &c.doc.entities[e];
                    std::iter::once(&e.name)
                        .chain(&e.aliases)
                        .any(|n| n.to_lowercase().ends_with(" party"))
                })
        }
        _ => false,
    }
}
