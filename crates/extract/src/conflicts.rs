//! Conflicting figures: the same thing given two different values in one
//! document ("a nearly $700 million contract" and "a nearly $700 Stinger
//! missile contract"). Two amounts of money in the same currency describe
//! the same thing when the noun phrases they open end in the same noun.

use dossier_core::{Document, QuantityKind, Span, Warning};

/// The noun a quantity modifies: the last word of the run of nouns right
/// after it (up to four tokens), lowercased and singular.
fn described_noun(doc: &Document, span: Span) -> Option<String> {
    let first = doc.tokens.partition_point(|t| t.span.start < span.end);
    let mut last = None;
    for t in doc.tokens.iter().skip(first).take(4) {
        match t.pos {
            Some("NOUN" | "PROPN") => last = Some(t),
            Some("ADJ") if last.is_none() => {}
            _ => break,
        }
    }
    let w = doc.span_text(last?.span).to_lowercase();
    Some(w.strip_suffix('s').filter(|s| s.len() >= 3).map(str::to_string).unwrap_or(w))
}

/// Adds a `conflicting_figures` warning for each pair of amounts that
/// disagree about the same thing.
pub fn flag(doc: &mut Document) {
    if doc.tokens.first().is_none_or(|t| t.pos.is_none()) {
        return;
    }
    let money: Vec<(usize, String)> = doc
        .quantities
        .iter()
        .enumerate()
        .filter(|(_, q)| q.kind == QuantityKind::Money && q.value.is_some())
        .filter_map(|(i, q)| described_noun(doc, q.span).map(|n| (i, n)))
        .collect();
    let mut warnings = Vec::new();
    for (x, (i, noun)) in money.iter().enumerate() {
        for (j, other) in money.iter().skip(x + 1) {
            let (a, b) = (&doc.quantities[*i], &doc.quantities[*j]);
            if noun != other || a.unit != b.unit || a.value == b.value {
                continue;
            }
            let text = |s: Span| doc.span_text(s).to_string();
            warnings.push(Warning {
                code: "conflicting_figures",
                message: format!("the {noun} is given as \"{}\" and as \"{}\"", text(a.span), text(b.span)),
                spans: vec![a.span, b.span],
            });
        }
    }
    for w in warnings {
        doc.warn(w);
    }
}
