//! What a figure measures, and figures that disagree about it.
//!
//! A figure describes a fact when the parse ties it to one: a sum an actor
//! gives, pays or pledges ("Japan pledged $300 million", "Japan will give
//! Indonesia $350 million": pledged by Japan), an amount of money and the
//! noun it prices ("a $4.2 billion contract"), or a count and the predicate
//! of its counted noun ("23 people were killed", "32 died": people killed). That description is the
//! quantity's `measures`; the store compares figures that measure the same
//! thing across the documents of a story. Two figures conflict only when
//! their value intervals are disjoint: "at least 20" agrees with 23, "about
//! 1,200" with 1,200; a rate (`per`) is never compared with a total.

use dossier_core::EntityId;
use dossier_core::{figure_interval, Document, QuantityKind, Span, Warning};
use dossier_core::{Dep, Upos};

use crate::tree::tokens_in;

/// Predicates that report the same fact in other words, by their form.
const CONCEPTS: &[(&str, &[&str])] = &[
    (
        "killed",
        &[
            "killed", "kill", "kills", "killing", "died", "die", "dies", "dying", "dead",
            "perished",
        ],
    ),
    (
        "injured",
        &[
            "injured", "injure", "injures", "injuring", "wounded", "wounding", "wound", "hurt",
            "hurting",
        ],
    ),
    (
        "arrested",
        &[
            "arrested",
            "arrest",
            "arresting",
            "detained",
            "detain",
            "detaining",
        ],
    ),
    (
        "displaced",
        &[
            "displaced",
            "displacing",
            "displace",
            "evacuated",
            "evacuating",
            "homeless",
            "fled",
            "flee",
            "fleeing",
        ],
    ),
    (
        "freed",
        &[
            "freed",
            "free",
            "freeing",
            "released",
            "release",
            "releasing",
            "exchanged",
            "swapped",
            "exchange",
            "swap",
        ],
    ),
    (
        "pledged",
        &[
            "pledged",
            "pledge",
            "pledges",
            "pledging",
            "promised",
            "promise",
            "give",
            "gives",
            "giving",
            "gave",
            "provide",
            "provides",
            "providing",
            "provided",
            "offer",
            "offered",
            "offering",
            "commit",
            "committed",
            "commits",
            "donate",
            "donated",
            "grant",
            "granted",
        ],
    ),
    (
        "cut",
        &[
            "cut",
            "cuts",
            "cutting",
            "eliminate",
            "eliminated",
            "eliminating",
            "shed",
            "shedding",
            "laid",
            "lay",
            "laying",
        ],
    ),
];

/// The concept a predicate's form names; an unlisted form stands for itself.
fn concept(word: &str) -> String {
    let w = word.to_lowercase();
    CONCEPTS
        .iter()
        .find(|(_, forms)| forms.contains(&w.as_str()))
        .map_or(w, |(c, _)| (*c).to_string())
}

fn singular(w: &str) -> String {
    let w = w.to_lowercase();
    match w.as_str() {
        "people" | "persons" => "people".into(),
        _ if w.len() > 4 && w.ends_with("ies") => format!("{}y", &w[..w.len() - 3]),
        _ => w
            .strip_suffix('s')
            .filter(|s| s.len() >= 3 && !s.ends_with('s'))
            .map(str::to_string)
            .unwrap_or(w),
    }
}

/// The verb above token `i` (itself, or up to three heads up), if any.
fn verb_above(doc: &Document, mut i: usize) -> Option<usize> {
    for _ in 0..4 {
        let t = &doc.tokens[i];
        if t.pos == Some(Upos::Verb)
            || (t.pos == Some(Upos::Adj) && matches!(t.dep, Some(Dep::Acl | Dep::Amod)))
        {
            return Some(i);
        }
        i = t.head?;
    }
    None
}

/// The noun an amount of money prices: the head it modifies ("$4.2 billion
/// contract"), or through "worth"/"valued" ("a contract worth $4.2 billion").
fn priced_noun(doc: &Document, root: usize) -> Option<usize> {
    let mut i = doc.tokens[root].head?;
    for _ in 0..2 {
        let t = &doc.tokens[i];
        let word = doc.span_text(t.span).to_lowercase();
        if t.pos == Some(Upos::Noun)
            && !matches!(
                word.as_str(),
                "million"
                    | "billion"
                    | "trillion"
                    | "thousand"
                    | "year"
                    | "hour"
                    | "month"
                    | "week"
                    | "day"
            )
        {
            return Some(i);
        }
        if !matches!(word.as_str(), "worth" | "valued" | "of") {
            return None;
        }
        i = t.head?;
    }
    None
}

/// An entity's cross-document key, as the store builds it.
fn entity_key(doc: &Document, e: EntityId) -> String {
    let e = &doc.entities[e];
    e.key
        .clone()
        .unwrap_or_else(|| format!("{}:{}", e.ty.as_str(), e.name.to_lowercase()))
}

/// The entity named by the subject of verb `v` ("Japan" in "Japan will
/// give Indonesia $350 million"), by its cross-document key.
fn subject_entity(doc: &Document, v: usize) -> Option<String> {
    // The nearest: a dateline ("JAKARTA, March 3 - Japan pledged…") can hang a second subject on the verb.
    let subject = (0..v)
        .rev()
        .find(|&i| doc.tokens[i].head == Some(v) && doc.tokens[i].dep == Some(Dep::Nsubj))?;
    let at = doc.tokens[subject].span;
    let mention = doc
        .mentions
        .iter()
        .find(|m| m.span.start <= at.start && at.end <= m.span.end)?;
    Some(entity_key(doc, mention.entity?))
}

/// What the quantity measures, when the parse says: the noun a sum prices
/// ("contract"); a sum an actor gives, pays or spends ("pledged by
/// iso3166:JP"); a count and its predicate ("people killed").
fn measures(doc: &Document, q: usize) -> Option<String> {
    let quantity = &doc.quantities[q];
    let value = quantity.value?;
    let toks = tokens_in(doc, quantity.span);
    // The figure's root: the token whose head lies outside it ("$" in "$300 million").
    let root = toks
        .clone()
        .find(|&i| doc.tokens[i].head.is_none_or(|h| !toks.contains(&h)))?;
    match quantity.kind {
        // Whole things are counted: "a 6.1 earthquake" is a magnitude.
        QuantityKind::Count if value.fract() == 0.0 => {
            let noun = quantity
                .unit
                .as_deref()
                .filter(|n| n.chars().all(char::is_alphabetic))?;
            if !doc.tokens[root].pos.is_some_and(Upos::is_noun) {
                return None;
            }
            let verb = verb_above(doc, root)?;
            // "three SDF soldiers" and "21 Syrian soldiers", "seven children" and
            // "a further seven children" count different things.
            let mut modifiers: Vec<String> = toks
                .clone()
                .filter(|&i| {
                    doc.tokens[i].head == Some(root)
                        && matches!(doc.tokens[i].dep, Some(Dep::Amod | Dep::Compound))
                })
                .map(|i| doc.span_text(doc.tokens[i].span).to_lowercase())
                .collect();
            modifiers.sort();
            modifiers.push(singular(noun));
            Some(format!(
                "{} {}",
                modifiers.join(" "),
                concept(doc.span_text(doc.tokens[verb].span))
            ))
        }
        QuantityKind::Money => {
            if let Some(n) = priced_noun(doc, root) {
                return Some(singular(doc.span_text(doc.tokens[n].span)));
            }
            let verb = verb_above(doc, root)?;
            let by = subject_entity(doc, verb)?;
            Some(format!(
                "{} by {by}",
                concept(doc.span_text(doc.tokens[verb].span))
            ))
        }
        _ => None,
    }
}

/// Sets each quantity's `measures` (needs the parse and the events).
pub fn describe(doc: &mut Document) {
    if doc
        .tokens
        .first()
        .is_none_or(|t| t.head.is_none() && t.pos.is_none())
    {
        return;
    }
    let facts: Vec<Option<String>> = (0..doc.quantities.len())
        .map(|q| measures(doc, q))
        .collect();
    for (q, fact) in doc.quantities.iter_mut().zip(facts) {
        q.measures = fact;
    }
}

/// Adds a `conflicting_figures` warning for each pair of figures in the
/// document that measure the same thing with incompatible values.
pub fn flag(doc: &mut Document) {
    let mut warnings = Vec::new();
    for (i, a) in doc.quantities.iter().enumerate() {
        let Some(fact) = &a.measures else { continue };
        for b in doc.quantities.iter().skip(i + 1) {
            if b.measures.as_ref() != Some(fact)
                || a.unit != b.unit
                || a.per != b.per
                || !disagree(a, b)
            {
                continue;
            }
            let text = |s: Span| doc.span_text(s).to_string();
            warnings.push(Warning {
                code: "conflicting_figures",
                message: format!("{fact}: \"{}\" and \"{}\"", text(a.span), text(b.span)),
                spans: vec![a.span, b.span],
            });
        }
    }
    for w in warnings {
        doc.warn(w);
    }
}

fn disagree(a: &dossier_core::Quantity, b: &dossier_core::Quantity) -> bool {
    let (Some(x), Some(y)) = (a.value, b.value) else {
        return false;
    };
    dossier_core::intervals_disjoint(
        figure_interval(x, a.upper, a.approx.as_str()),
        figure_interval(y, b.upper, b.approx.as_str()),
    )
}
