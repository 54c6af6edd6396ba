//! Quotes and attribution: who said what.
//!
//! Works over the parse. A *cue* is a reporting word from a lexicon learned
//! on PolNeAR (see `scripts/build-cues`); its subject is the speaker and its
//! clausal complement the content. Where the cue hangs off the reported clause
//! (`"…," he said`), the content is the rest of the sentence. Quotation marks
//! are paired per paragraph, independently of the parse, and a quote that no
//! cue in its sentence claims borrows one from the sentence next to it or
//! from the quote before it. Speakers resolve to entities: a name in the
//! speaker span directly, a pronoun to the most salient earlier person.
//!
//! This file finds the cues of a sentence and builds its quotes; `cues`
//! holds the cue lexicon and frames, `marks` the pairing of quotation marks,
//! `sources` who speaks, `content` what is said and `non_speech` the cues
//! that report no speech.

use dossier_core::{Dep, Upos, Xpos};
use std::collections::HashMap;

use dossier_core::{
    BlockKind, CueClass, Document, EntityType, Quote, QuoteKind, Span, Speaker, Warning,
};

use crate::cue_classes::{CueClasses, QuoteMode};
use crate::lexicon;
use crate::tree::{
    children, is_by_phrase, is_comma, object_of, sentence_index_at, subtree, tokens_in,
};

mod non_speech;

mod content;
mod cues;
mod marks;
mod sources;
use content::*;
use cues::*;
pub use cues::{cue_key, frame, is_candidate, CueLexicon, Frame};
use marks::*;
pub use marks::{pair_marks, Marked};
use sources::*;

/// One attribution found in a sentence.
struct Found {
    cue: Span,
    cue_token: usize,
    source: Option<(usize, usize)>,
    /// Token ranges of the content (one or two pieces).
    content: Vec<(usize, usize)>,
    /// The cue signs or introduces a quotation mark.
    marked: bool,
    /// Every other cue inside its content is part of this report, whatever
    /// the parse ("…, according to X"; "…, Mr. Clarke said, he decided …").
    frames: bool,
}

/// The tokens `[x, y)` of a phrase.
type TokenRange = (usize, usize);

/// A quote and the tokens of its speaker phrase, if any.
type QuoteAndSpeaker = (Quote, Option<TokenRange>);

/// Finds the quotes of `doc`; `mode` says whether only speech stays.
pub fn recognise(doc: &mut Document, cues: &CueLexicon, mode: QuoteMode) {
    let marks = pair_marks(doc);
    for m in marks.iter().filter(|m| m.unclosed) {
        doc.warn(Warning { code: "unbalanced_quotes", message: "a quotation mark is never closed; the quote is taken to run to the end of its paragraph".into(), spans: vec![m.inner] });
    }
    if doc.tokens.is_empty() || doc.tokens[0].pos.is_none() {
        return;
    }
    let found = attributions(doc, cues, &marks);
    // Quotes from cues; direct quotes absorb the content they overlap.
    let mut claimed = vec![false; marks.len()];
    let mut quotes: Vec<QuoteAndSpeaker> = Vec::new();
    // A piece of adjuncts only ("said in a speech in Ankara") is no quote,
    // but it goes last: until then it keeps its cue from signing a quotation
    // next to it and lends its speaker to the quotation after it.
    let mut adjuncts_only = Vec::new();
    for f in &found {
        for &piece in &f.content {
            let quote = quote_of_piece(doc, f, piece, &marks, &mut claimed);
            if non_speech::only_adjuncts(doc, f.cue_token, piece) {
                adjuncts_only.push(quote.span);
            }
            quotes.push((quote, f.source));
        }
    }
    for (k, m) in marks.iter().enumerate() {
        if !claimed[k] {
            if let Some(q) = unclaimed_quote(doc, cues, (&found, &quotes), m, mode) {
                quotes.push(q);
            }
        }
    }
    quotes.sort_by_key(|(q, _)| (q.span.start, q.span.end));
    quotes.dedup_by(|b, a| a.0.span == b.0.span);
    crate::speakers::resolve_speakers(doc, &mut quotes, cues);
    doc.quotes = classified(doc, cues, quotes, mode);
    doc.quotes.retain(|q| !adjuncts_only.contains(&q.span));
}

/// Every attribution of the document: a cue with its source and content,
/// less cues inside quoted statements, nested reports and an "according
/// to" that a closer verb outdoes.
fn attributions(doc: &Document, cues: &CueLexicon, marks: &[Marked]) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    for si in 0..doc.sentences.len() {
        if !speaker_colon(doc, si, &mut found) {
            find_in_sentence(doc, si, cues, &mut found);
        }
    }
    // A cue inside quotation marks is the speaker quoting someone else
    // ("I say we"): the quote belongs to the cue outside.
    // Not so a transcript's '"PENCE: …', whose mark opens with the speaker.
    let opens_mark = |f: &Found, m: &Marked| {
        doc.span_text(f.cue) == ":"
            && f.source
                .is_some_and(|(x, _)| doc.tokens[x].span.start == m.inner.start)
    };
    // A statement, not a scare-quoted word: four words or more, or it ends
    // in punctuation ("It's heartbreaking,").
    let statement = |m: &Marked| {
        let t = m.inner.of(doc.text());
        t.split_whitespace().count() >= 4 || (t.contains(' ') && t.ends_with([',', '.', '?', '!']))
    };
    // A belief or perception verb inside any quotation marks is the quoted
    // speaker's, never a report of its own.
    found.retain(|f| {
        !marks.iter().any(|m| {
            m.inner.contains(f.cue)
                && !opens_mark(f, m)
                && (statement(m) || !is_speech_verb(doc, f.cue_token))
        })
    });
    drop_nested(doc, &mut found);
    drop_distant_according(doc, &mut found);
    found
}

/// The byte span of the tokens `[a, b)`.
fn token_span(doc: &Document, (a, b): (usize, usize)) -> Span {
    Span::new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end)
}

/// The quote one content piece of attribution `f` makes: direct when
/// quotation marks hold (nearly) all of it, mixed when they hold part of
/// it, else indirect. The marks it overlaps are `claimed`.
fn quote_of_piece(
    doc: &Document,
    f: &Found,
    piece: (usize, usize),
    marks: &[Marked],
    claimed: &mut [bool],
) -> Quote {
    let text = doc.text();
    let span = token_span(doc, piece);
    let inside: Vec<usize> = (0..marks.len())
        .filter(|&k| marks[k].inner.overlaps(span))
        .collect();
    let quoted: usize = inside
        .iter()
        .map(|&k| overlap_len(marks[k].inner, span))
        .sum();
    // Direct when what lies outside the marks is a word or two ("that").
    let unquoted_words = span.of(text).split_whitespace().count().saturating_sub(
        inside
            .iter()
            .map(|&k| marks[k].inner.of(text).split_whitespace().count())
            .sum(),
    );
    // A word outside the marks ("that") leaves a quote direct only when
    // the marks hold a statement: 'called China a "systemic challenge"' is mixed.
    let statement_inside = inside.iter().any(|&k| {
        let t = marks[k].inner.of(text);
        t.split_whitespace().count() >= 4 || t.ends_with([',', '.', '?', '!'])
    });
    for &k in &inside {
        claimed[k] = true;
    }
    let (span, kind) = if !inside.is_empty()
        && quoted * 10 >= span.len() * 7
        && (unquoted_words == 0 || (unquoted_words <= 1 && statement_inside))
    {
        // A direct quote is exactly what the marks hold...
        let mut inner = Span::new(
            marks[inside[0]].inner.start,
            marks[*inside.last().unwrap()].inner.end,
        );
        // ...less its own cue: '"PENCE: Well, look…'.
        if inner.contains(f.cue) {
            inner.start = inner.start.max(f.cue.end.min(span.start));
        }
        let hull = Span::new(inner.start.min(span.start), inner.end.max(span.end));
        // Only marks, punctuation and spaces around the marks: the marks' text.
        let mut around = text[hull.start..inner.start]
            .chars()
            .chain(text[inner.end..hull.end].chars());
        (
            if around.all(|ch| !ch.is_alphanumeric()) {
                inner
            } else {
                hull
            },
            QuoteKind::Direct,
        )
    } else if !inside.is_empty() {
        (span, QuoteKind::Mixed)
    } else {
        (span, QuoteKind::Indirect)
    };
    Quote {
        span: trimmed_span(text, span, kind),
        kind,
        cue: Some(f.cue),
        cue_class: None,
        speaker: f.source.map(|s| Speaker::unresolved(token_span(doc, s))),
    }
}

/// A quote's span without punctuation at its ends; a mixed quote's with
/// both marks of a quoted stretch or neither.
fn trimmed_span(text: &str, span: Span, kind: QuoteKind) -> Span {
    if kind == QuoteKind::Mixed {
        balance_marks(text, trim_punct(text, span))
    } else {
        trim_punct(text, span)
    }
}

/// "Fox News Sunday", "The Art of the Deal": a quotation of up to eight
/// capitalised words is a title, which inherits no speaker from the quotes
/// around it.
fn is_title_case(quoted: &str) -> bool {
    quoted.split_whitespace().count() <= 8
        && quoted.split_whitespace().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| !c.is_alphabetic() || c.is_uppercase())
                || matches!(w, "of" | "the" | "and" | "a" | "in" | "on" | "for" | "to")
        })
}

/// A quotation no cue claimed: it borrows the attribution of the sentence
/// right after ("… ," he said.) or before ("He said:"), or of the previous
/// quote in the same or the previous paragraph; a fragment inside a clause
/// is that clause's subject's. `None` for a scare quote or a title.
fn unclaimed_quote(
    doc: &Document,
    cues: &CueLexicon,
    (found, quotes): (&[Found], &[QuoteAndSpeaker]),
    m: &Marked,
    mode: QuoteMode,
) -> Option<QuoteAndSpeaker> {
    let text = doc.text();
    let words = m.inner.of(text).split_whitespace().count();
    let title_case = is_title_case(m.inner.of(text));
    if words < 3
        || doc
            .blocks
            .iter()
            .any(|b| b.kind == BlockKind::Heading && b.span.contains(m.inner))
    {
        return None; // a scare quote or a title, not speech
    }
    let si = sentence_index_at(doc, m.inner.start);
    let opens_sentence = doc
        .sentences
        .get(si)
        .is_some_and(|s| m.inner.start <= s.span.start + 3);
    let near = (!title_case)
        .then(|| neighbouring_cue(doc, found, m.inner, opens_sentence))
        .flatten();
    let previous = (!title_case)
        .then(|| previous_quote(doc, quotes, m.inner, opens_sentence, mode))
        .flatten()
        .filter(|&p| {
            // 'Her father described her as a "…"': a fragment inside a
            // clause whose reporting verb has a speaker for subject is that
            // subject's, not the speaker of a quote in an earlier sentence.
            opens_sentence
                || sentence_index_at(doc, quotes[p].0.span.end.saturating_sub(1)) >= si
                || !framing_verb(doc, cues, m.inner, title_case).is_some_and(|(verb, subject)| {
                    let (a, b) = doc.sentences[si].tokens;
                    let word = doc.span_text(doc.tokens[verb].span);
                    cues.is_cue(word, frame(doc, verb, a, b)) && speaker_like(doc, cues, subject)
                })
        });
    let mut kind = if embedded_in_sentence(doc, m.inner, opens_sentence) {
        QuoteKind::Mixed
    } else {
        QuoteKind::Direct
    };
    let mut span = m.inner;
    let (cue, speaker, tokens_of_speaker) =
        if let Some((cue, name)) = dash_signature(text, m.inner.end) {
            (Some(cue), Some(Speaker::unresolved(name)), None)
        } else if let Some(f) = near.map(|i| &found[i]) {
            (
                Some(f.cue),
                f.source.map(|s| Speaker::unresolved(token_span(doc, s))),
                f.source,
            )
        } else if let Some(p) = previous {
            (quotes[p].0.cue, quotes[p].0.speaker.clone(), quotes[p].1)
        } else if let Some((verb, subject)) = (!opens_sentence)
            .then(|| framing_verb(doc, cues, m.inner, title_case))
            .flatten()
        {
            // A fragment quoted inside a clause: its speaker is that clause's subject.
            kind = QuoteKind::Mixed;
            // The reported words run from the verb's complement through the quote.
            let after_verb = doc
                .tokens
                .get(verb + 1)
                .map_or(m.inner.start, |t| t.span.start);
            span = Span::new(after_verb.min(m.inner.start), m.inner.end);
            (
                Some(doc.tokens[verb].span),
                Some(Speaker::unresolved(token_span(doc, subject))),
                Some(subject),
            )
        } else {
            (None, None, None)
        };
    let quote = Quote {
        span: trimmed_span(text, span, kind),
        kind,
        cue,
        cue_class: None,
        speaker,
    };
    Some((quote, tokens_of_speaker))
}

/// A subjectful attribution with no content of its own in the sentence
/// next to the quotation `inner` (within its paragraph, or one ending in a
/// colon before a quote opening the next), or signing it after the quote.
fn neighbouring_cue(
    doc: &Document,
    found: &[Found],
    inner: Span,
    opens_sentence: bool,
) -> Option<usize> {
    let si = sentence_index_at(doc, inner.start);
    let sj = sentence_index_at(doc, inner.end.saturating_sub(1));
    let ends_with_colon = |si: usize| {
        doc.sentences.get(si).is_some_and(|s| {
            s.tokens.1 > s.tokens.0 && doc.span_text(doc.tokens[s.tokens.1 - 1].span) == ":"
        })
    };
    // A cue in the next or previous sentence, but not across a paragraph break.
    let same_block = |x: usize, y: usize| {
        doc.sentences
            .get(x)
            .zip(doc.sentences.get(y))
            .is_some_and(|(p, q)| p.block == q.block)
    };
    found.iter().position(|f| {
        let fs = sentence_index_at(doc, f.cue.start);
        // '"…," Zelenskyy said.' even when the parse hangs "said" inside the quote.
        let signs_after = fs == sj && f.cue.start >= inner.end;
        // "He said: ¶ "…"": a report that ends its paragraph with a colon
        // introduces the quote that opens the next one.
        let introduces = ends_with_colon(fs) && opens_sentence;
        f.content.is_empty()
            && ((fs == sj + 1 && same_block(fs, sj))
                || (fs + 1 == si && (same_block(fs, si) || introduces))
                || signs_after)
    })
}

/// The last quote with a speaker before the quotation `inner`, in its
/// paragraph or (for a quote opening its sentence) the one before. An
/// indirect report lends its speaker only to a quote that opens its
/// sentence, not to a fragment quoted inside another clause.
fn previous_quote(
    doc: &Document,
    quotes: &[QuoteAndSpeaker],
    inner: Span,
    opens_sentence: bool,
    mode: QuoteMode,
) -> Option<usize> {
    let p = (0..quotes.len())
        .filter(|&p| {
            let q = &quotes[p].0;
            q.span.end <= inner.start
                && q.speaker.is_some()
                && (q.kind != QuoteKind::Indirect || opens_sentence)
                // Where only speech stays, a quotation continues a report of
                // speech, not a belief that is dropped with it.
                && (mode == QuoteMode::All || q.cue.is_none_or(|c| is_speech_cue(doc, c)))
        })
        .max_by_key(|&p| quotes[p].0.span.end)?;
    let last = doc.sentences.len() - 1;
    let block_of = |pos: usize| doc.sentences[sentence_index_at(doc, pos).min(last)].block;
    let (pb, mb) = (block_of(quotes[p].0.span.start), block_of(inner.start));
    (mb == pb || (mb.index() == pb.index() + 1 && opens_sentence)).then_some(p)
}

/// The verb a quoted fragment hangs on and its subject; when the parse tied
/// the quote to no verb (`Lin Jian, accused NATO of "…"` with "accused"
/// read as an adjective), a reporting verb earlier in the sentence still frames it.
fn framing_verb(
    doc: &Document,
    cues: &CueLexicon,
    inner: Span,
    title_case: bool,
) -> Option<(usize, (usize, usize))> {
    governing_subject(doc, inner).or_else(|| {
        (!title_case)
            .then(|| cue_before(doc, cues, inner))
            .flatten()
    })
}

/// Each quote with its cue's class ("did not say", "never claimed", "might
/// call", "without telling": no one expressed the content, class other;
/// "Evidence suggests": an evidential), keeping what `mode` keeps. Speech
/// is someone's: a report that names no speaker (an agentless "was
/// announced as …") is kept only with every attribution.
fn classified(
    doc: &Document,
    cues: &CueLexicon,
    quotes: Vec<QuoteAndSpeaker>,
    mode: QuoteMode,
) -> Vec<Quote> {
    let classes = CueClasses::english();
    quotes
        .into_iter()
        .map(|(mut q, _)| {
            let indirect = q.kind == QuoteKind::Indirect;
            q.cue_class = q.cue.map(|c| {
                if is_negated(doc, c)
                    || is_conditional(doc, c)
                    || reports_no_one(doc, c)
                    || non_speech::is_possibility(doc, c)
                    || non_speech::is_unrealised(doc, c)
                {
                    CueClass::Other
                } else if indirect && non_speech::has_evidence_subject(doc, cues, c) {
                    CueClass::Perception
                } else {
                    classes.of_phrase(doc.span_text(c))
                }
            });
            q
        })
        .filter(|q| {
            mode.keeps(q.cue_class)
                && (mode == QuoteMode::All || q.speaker.is_some() || q.kind == QuoteKind::Direct)
        })
        .filter(|q| !in_headline(doc, q.span))
        .collect()
}

/// Whether `span` lies in a title or heading block: a headline's quotation
/// marks are scare quotes or a summary, not a report.
fn in_headline(doc: &Document, span: Span) -> bool {
    doc.blocks
        .iter()
        .any(|b| matches!(b.kind, BlockKind::Title | BlockKind::Heading) && b.span.contains(span))
}

/// A quoted fragment inside a sentence ('called it a “systemic challenge”
/// to the alliance'): the marks neither open the sentence nor follow a
/// colon, comma or dash that introduces them.
fn embedded_in_sentence(doc: &Document, inner: Span, opens_sentence: bool) -> bool {
    let before = doc.text()[..inner.start]
        .trim_end_matches(['“', '"', '«', '‘', '\'', '„'])
        .trim_end();
    !opens_sentence
        && !before.ends_with([':', ',', '—', '–'])
        && !before.ends_with('\n')
        && !before.is_empty()
}

/// '“…,” he said, according to CNN': the verb that signs or introduces the
/// quotation marks names the speaker; the "according to" further off
/// sources the report, not the quote. So does an outlet that "reported"
/// it after the fact ('“…,” lawyer Enrique Moreno said …, NBC News
/// reported'), when the signing verb lies inside what it reported; not
/// "X reported that … Y said: “…”", which reports more than the quote.
fn drop_distant_according(doc: &Document, found: &mut Vec<Found>) {
    let sentence = |t: usize| doc.sentences.partition_point(|s| s.tokens.1 <= t);
    let word = |f: &Found| doc.span_text(f.cue).to_lowercase();
    let is_according = |f: &Found| word(f).starts_with("according");
    let is_reported = |f: &Found| word(f).starts_with("report");
    let signing: Vec<(usize, usize)> = found
        .iter()
        .filter(|f| f.marked && !is_according(f) && !is_reported(f) && doc.span_text(f.cue) != ":")
        .map(|f| (sentence(f.cue_token), f.cue_token))
        .collect();
    let relays_signing = |f: &Found| {
        signing.iter().any(|&(si, c)| {
            si == sentence(f.cue_token)
                && c < f.cue_token
                && f.content.iter().any(|&(x, y)| x <= c && c < y)
        })
    };
    found.retain(|f| {
        let according = is_according(f) && signing.iter().any(|s| s.0 == sentence(f.cue_token));
        let relayed = is_reported(f) && relays_signing(f);
        !(according || relayed)
    });
}

/// PolNeAR almost never nests one report inside another's content (6 of
/// 2,192 dev attributions): a cue the parse puts under another cue, inside
/// its content ("Clinton says she hopes …"), is part of that report, not a
/// second one. A cue that signs or introduces quotation marks stays. So
/// does a coordinated verb with no subject of its own ("Trump tweeted that
/// … and encouraged Americans to …"): it reports for the outer speaker,
/// and the outer content stops before it.
fn drop_nested(doc: &Document, found: &mut Vec<Found>) {
    let tokens = &doc.tokens;
    let hulls: Vec<Vec<Span>> = found
        .iter()
        .map(|f| {
            f.content
                .iter()
                .map(|&(x, y)| Span::new(tokens[x].span.start, tokens[y - 1].span.end))
                .collect()
        })
        .collect();
    let below = |i: usize, j: usize| {
        let mut t = found[i].cue_token;
        for _ in 0..12 {
            match tokens[t].head {
                Some(h) if h == found[j].cue_token => return true,
                Some(h) if h != t => t = h,
                _ => return false,
            }
        }
        false
    };
    let inside = |i: usize, j: usize| {
        hulls[j].iter().any(|h| h.contains(found[i].cue)) && (below(i, j) || found[j].frames)
    };
    let sentence_of = |t: usize| {
        doc.sentences
            .get(doc.sentences.partition_point(|s| s.tokens.1 <= t))
            .map_or((0, tokens.len()), |s| s.tokens)
    };
    let coordinated = |i: usize| {
        let c = found[i].cue_token;
        let (a, b) = sentence_of(c);
        tokens[c].dep == Some(Dep::Conj)
            && !children(doc, a, b, c).any(|j| tokens[j].dep == Some(Dep::Nsubj))
    };
    let mut keep = vec![true; found.len()];
    let mut cuts: Vec<(usize, usize)> = Vec::new(); // (inner, outer)
    for i in 0..found.len() {
        let Some(j) = (0..found.len())
            .find(|&j| j != i && inside(i, j) && (found[j].frames || !inside(j, i)))
        else {
            continue;
        };
        if signs_the_other(doc, sentence_of(found[i].cue_token).1, &found[i], &found[j]) {
            keep[j] = false;
            continue;
        }
        if found[i].marked {
            continue;
        }
        if coordinated(i) {
            cuts.push((i, j));
        } else {
            keep[i] = false;
        }
    }
    for (i, j) in cuts {
        let (a, b) = sentence_of(found[i].cue_token);
        let from = subtree(doc, found[i].cue_token, a, b).0;
        found[i].source = found[j].source;
        found[j].content = cut_at(doc, &found[j].content, from);
    }
    let mut k = keep.into_iter();
    found.retain(|_| k.next().unwrap());
}

/// The content pieces cut at token `from` (the pieces after it stay).
fn cut_at(doc: &Document, content: &[TokenRange], from: usize) -> Vec<TokenRange> {
    let piece = |&(x, y): &TokenRange| {
        if x < from && from < y {
            content_range(doc, (x, from), 2)
        } else {
            Some((x, y))
        }
    };
    content.iter().filter_map(piece).collect()
}

/// "Baghdad has asked for a fee, officials told the Guardian": a verb of
/// speech that closes its sentence (but for a hearer or a time), with its
/// speaker after its content and a comma, signs that clause and the other
/// cue in it, even where the parse hangs it under that cue; the other,
/// unmarked, is part of what is reported (PolNeAR seldom nests reports).
fn signs_the_other(doc: &Document, end: usize, inner: &Found, outer: &Found) -> bool {
    let Some((speaker, _)) = inner.source else {
        return false;
    };
    let tokens = &doc.tokens;
    let word = |t: usize| doc.span_text(tokens[t].span);
    let after_comma = speaker > 0 && word(speaker - 1) == ",";
    let relative = matches!(tokens[speaker].tag, Some(Xpos::Wp | Xpos::Wdt))
        || matches!(tokens[speaker].pos, Some(Upos::Adp | Upos::Sconj));
    let rest = inner.cue_token + 1..end;
    let closes = rest.len() <= 4
        && !rest
            .clone()
            .any(|t| matches!(tokens[t].pos, Some(Upos::Verb | Upos::Aux)));
    let holds_outer =
        |&(x, y): &(usize, usize)| x <= outer.cue_token && outer.cue_token < y && y < speaker;
    !outer.marked
        && !outer.frames
        && is_speech_cue(doc, inner.cue)
        && after_comma
        && !relative
        && closes
        && speaker < inner.cue_token
        && inner.content.iter().any(holds_outer)
}

/// `“…” ― Sonya Herridge`: a dash and a name right after a quote sign it.
/// Returns the dash and the name.
fn dash_signature(text: &str, after: usize) -> Option<(Span, Span)> {
    let rest = &text[after..];
    let skipped = rest.len()
        - rest
            .trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, '"' | '”' | '»' | ',' | '.')
            })
            .len();
    let at = after + skipped;
    let dash = text[at..]
        .chars()
        .next()
        .filter(|c| matches!(c, '―' | '—' | '–' | '-'))?;
    let name_at = at + dash.len_utf8();
    let line = text[name_at..].split(['\n', ',', '(']).next()?;
    let lead = line.len() - line.trim_start().len();
    let name = line.trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty()
        || words.len() > 5
        || !words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
    {
        return None;
    }
    let start = name_at + lead;
    Some((
        Span::new(at, name_at),
        Span::new(start, start + name.trim_end_matches('.').len()),
    ))
}

/// A verb taken as a cue in the sentence of tokens `[a, b)`, with the
/// quotation marks next to it, found once: they decide the cue, its speaker
/// and its content.
#[derive(Clone, Copy)]
struct CueAt {
    c: usize,
    a: usize,
    b: usize,
    /// The closing mark it signs ('"…," she said').
    signed: Option<usize>,
    /// The opening mark it introduces ('she said: "…"').
    introduced: Option<usize>,
    /// "He was accused of …": its subject is what is reported about.
    passive: bool,
}

fn find_in_sentence(doc: &Document, si: usize, cues: &CueLexicon, found: &mut Vec<Found>) {
    let (a, b) = doc.sentences[si].tokens;
    let before = found.len();
    for c in a..b {
        if is_according_to(doc, c, b) {
            found.extend(according_to(doc, c, a, b));
            continue;
        }
        if let Some(as_at) = as_put_it_at(doc, c, a, b) {
            found.extend(as_put_it(doc, c, as_at, a, b));
            continue;
        }
        let Some(cue) = reporting_cue(doc, cues, c, a, b) else {
            continue;
        };
        // A cue inside another cue's content is kept for now; drop_nested
        // decides once every cue of the document is known.
        let source = cue_source(doc, cues, cue, &found[before..]);
        let parenthetical = is_parenthetical(doc, c, a, b);
        let content = cue_content(doc, cues, cue, source, parenthetical);
        let (cue_lo, cue_hi) = cue_extent(doc, c, a, b);
        found.push(Found {
            cue: Span::new(
                doc.tokens[cue_lo].span.start,
                doc.tokens[cue_hi - 1].span.end,
            ),
            cue_token: c,
            source,
            content,
            marked: cue.signed.is_some() || cue.introduced.is_some(),
            frames: parenthetical,
        });
    }
}

fn is_according_to(doc: &Document, c: usize, b: usize) -> bool {
    let word = |i: usize| doc.span_text(doc.tokens[i].span);
    word(c).eq_ignore_ascii_case("according") && c + 1 < b && word(c + 1).eq_ignore_ascii_case("to")
}

/// "according to X, …": X is the source; the rest is the content. It names
/// its source outright, so it stays even inside another report.
fn according_to(doc: &Document, c: usize, a: usize, b: usize) -> Option<Found> {
    let x = doc.tokens[c].head.filter(|&h| h >= a && h < b && h != c)?;
    let src = subtree(doc, x, a, b);
    let src = (src.0.max(c + 2), src.1);
    if src.0 >= src.1 {
        return None;
    }
    let src = with_name_after_noun(doc, src, b);
    let src = (src.0, with_modifier_after(doc, x, src.1, a, b));
    let mut content = outside(doc, a, b, (c.min(src.0), src.1));
    // "…, according to X, adding to …": a participle after the source is
    // the writer's, when the report came before it.
    if content.len() == 2 {
        let (lo, _) = content[1];
        if doc.tokens[lo].tag == Some(Xpos::Vbg) {
            content.pop();
        }
    }
    Some(Found {
        cue: Span::new(doc.tokens[c].span.start, doc.tokens[c + 1].span.end),
        cue_token: c,
        source: Some(src),
        content,
        marked: true,
        frames: true,
    })
}

/// "according to two people familiar with the matter", "a person close to
/// the talks", "officials briefed on it": an adjective or participle right
/// after the source's noun `x` (the parse may make the noun its dependent)
/// describes the source, with its own complements, up to a comma. Returns
/// the source's new end (`y` when nothing follows).
fn with_modifier_after(doc: &Document, x: usize, y: usize, a: usize, b: usize) -> usize {
    if y >= b
        || !matches!(doc.tokens[y].tag, Some(Xpos::Jj | Xpos::Vbn))
        || !(doc.tokens[y].head == Some(x) || doc.tokens[x].head == Some(y))
    {
        return y;
    }
    let end = children(doc, a, b, y)
        .filter(|&j| j > y && matches!(doc.tokens[j].dep, Some(Dep::Obl | Dep::Nmod | Dep::Obj)))
        .map(|j| subtree(doc, j, a, b).1)
        .max()
        .unwrap_or(y + 1);
    (y..end).find(|&i| is_comma(doc, i)).unwrap_or(end)
}

/// "As Ms. Simonyan put it, …": the "as" opening the clause of cue "put it" at `c`.
fn as_put_it_at(doc: &Document, c: usize, a: usize, b: usize) -> Option<usize> {
    let word = |i: usize| doc.span_text(doc.tokens[i].span);
    let put_it = word(c).eq_ignore_ascii_case("put") && c + 1 < b && word(c + 1) == "it";
    if !put_it {
        return None;
    }
    (a..c).rev().take(30).find(|&j| {
        word(j).eq_ignore_ascii_case("as") && (j == a || matches!(word(j - 1), "," | "(" | "—"))
    })
}

/// "As Ms. Simonyan put it, RT is …": the clause around is the content. It
/// names its speaker outright, so it stays even inside another report.
fn as_put_it(doc: &Document, c: usize, as_at: usize, a: usize, b: usize) -> Option<Found> {
    let own = subtree(doc, c, a, b);
    let subject = children(doc, a, b, c)
        .find(|&j| doc.tokens[j].dep == Some(Dep::Nsubj))
        .map(|j| subtree(doc, j, a, b))
        .or_else(|| {
            // A long apposition can hide the subject from the parse: the first name after "as"
            // (which the parse may even make the head of "put").
            let name = mention_within(
                doc,
                doc.tokens[as_at].span.start,
                doc.tokens[c].span.start,
                &[EntityType::Person, EntityType::Org],
            )?;
            tokens_within(doc, name, own.0.min(as_at), c)
        })?;
    // The content is the clause "as … put it" qualifies; if the parse
    // hangs that clause under "put", it is what follows "it".
    let own = if own.1 > c + 2 { (own.0, c + 2) } else { own };
    let clause = match doc.tokens[c].head.filter(|&h| h >= a && h < b && h != c) {
        // The parse hung "put" off the name: the clause is what follows "it".
        Some(h) if (as_at..c).contains(&h) => ((c + 2).min(b), b),
        Some(h) => subtree(doc, h, a, b),
        None => (a, b),
    };
    let content = outside(doc, clause.0.min(own.0), clause.1.max(own.1), own);
    Some(Found {
        cue: Span::new(doc.tokens[c].span.start, doc.tokens[c + 1].span.end),
        cue_token: c,
        source: Some(subject),
        content,
        marked: true,
        frames: false,
    })
}

/// Token `c` as a cue, when the lexicon takes it as one in its frame (or it
/// signs a quote) and it is used as a verb of report.
fn reporting_cue(doc: &Document, cues: &CueLexicon, c: usize, a: usize, b: usize) -> Option<CueAt> {
    let dep = doc.tokens[c].dep;
    // A "verb" the parse uses as a noun ("broke promises to", "the
    // claims of") is a mistagged noun, which reports nothing.
    let nominal = matches!(
        dep,
        Some(Dep::Obj | Dep::Iobj | Dep::Nsubj | Dep::Obl | Dep::Nmod | Dep::Compound)
    );
    // A participle describing a noun ("alleged crimes", "a place called
    // Rojava", "footage posted online") reports no one's words.
    let describes_noun =
        dep == Some(Dep::Amod) || (dep == Some(Dep::Acl) && doc.tokens[c].tag == Some(Xpos::Vbn));
    if !is_candidate(doc, c)
        || nominal
        || is_discourse_marker(doc, c, a, b)
        || relays_a_quote(doc, c, a, b)
    {
        return None;
    }
    let bare_passive = is_bare_passive(doc, c, a, b);
    if bare_passive && !children(doc, a, b, c).any(|j| is_by_phrase(doc, j, a, b)) {
        return None;
    }
    let w = doc.span_text(doc.tokens[c].span);
    let fr = frame(doc, c, a, b);
    let signed = closing_mark_before(doc, c, a, b);
    let introduced = opening_mark_after(doc, c, b);
    // '"…," she yells': a verb that signs a quote is a cue even when
    // training never saw it as one.
    let signs_unseen = doc.tokens[c].pos == Some(Upos::Verb)
        && cues.is_unknown(w)
        && (signed.is_some() || introduced.is_some());
    if !(cues.is_cue(w, fr) || signs_unseen)
        || (describes_noun && signed.is_none() && introduced.is_none())
    {
        return None;
    }
    Some(CueAt {
        c,
        a,
        b,
        signed,
        introduced,
        passive: bare_passive || is_passive(doc, c, a, b),
    })
}

/// "Reuters quoted a US official as saying …": a verb of quoting with an
/// object and an "as" clause (on the verb or, as the parse often hangs it,
/// on the object) only relays; the clause reports, and the one quoted
/// speaks. (A passive, "was quoted as saying", stays the cue: its subject
/// speaks.)
fn relays_a_quote(doc: &Document, c: usize, a: usize, b: usize) -> bool {
    quoted_one(doc, c, a, b).is_some_and(|o| {
        quoting_as_clause(doc, c, a, b).is_some()
            || children(doc, a, b, o).any(|k| is_as_clause(doc, k, a, b))
    }) || relays_a_gerund(doc, c, a, b)
}

/// "Politics Home reports her saying: …", "Reuters quoted Peskov saying
/// that …": a verb of quoting or reporting with an object and a gerund of
/// speech completing it (or describing that object) only relays; the one
/// saying speaks. Not "condemned a report urging", a report of its own.
fn relays_a_gerund(doc: &Document, c: usize, a: usize, b: usize) -> bool {
    let relaying = is_quoting(doc, c)
        || doc
            .span_text(doc.tokens[c].span)
            .to_lowercase()
            .starts_with("report");
    let Some(o) = object_of(doc, a, b, c).filter(|_| relaying) else {
        return false;
    };
    let speaks = |k: usize, deps: &[Dep]| {
        k > o
            && doc.tokens[k].tag == Some(Xpos::Vbg)
            && doc.tokens[k].dep.is_some_and(|d| deps.contains(&d))
            && is_speech_verb(doc, k)
    };
    children(doc, a, b, c).any(|k| speaks(k, &[Dep::Xcomp]))
        || children(doc, a, b, o).any(|k| speaks(k, &[Dep::Acl]))
}

/// The "as" clause of `c` when `c` is a verb of quoting: "saying" in
/// "was quoted as saying".
fn quoting_as_clause(doc: &Document, c: usize, a: usize, b: usize) -> Option<usize> {
    is_quoting(doc, c)
        .then(|| children(doc, a, b, c).find(|&k| is_as_clause(doc, k, a, b)))
        .flatten()
}

/// The one an "as saying" clause `c` quotes: the object of the verb of
/// quoting it hangs on, directly or through that object.
fn quoted_speaker(doc: &Document, c: usize, a: usize, b: usize) -> Option<usize> {
    if !is_as_clause(doc, c, a, b) {
        return None;
    }
    let h = doc.tokens[c].head.filter(|&h| h >= a && h < b)?;
    quoted_one(doc, h, a, b).or_else(|| {
        let verb = doc.tokens[h].head.filter(|&v| v >= a && v < b)?;
        (quoted_one(doc, verb, a, b) == Some(h)).then_some(h)
    })
}

/// The object of `c` when `c` is an active verb of quoting: "quoted her".
fn quoted_one(doc: &Document, c: usize, a: usize, b: usize) -> Option<usize> {
    is_quoting(doc, c)
        .then(|| object_of(doc, a, b, c))
        .flatten()
}

fn is_quoting(doc: &Document, c: usize) -> bool {
    doc.tokens[c].pos == Some(Upos::Verb)
        && doc
            .span_text(doc.tokens[c].span)
            .to_lowercase()
            .starts_with("quot")
}

/// An adverbial clause opened by "as": "as saying", "as telling reporters".
fn is_as_clause(doc: &Document, k: usize, a: usize, b: usize) -> bool {
    doc.tokens[k].dep == Some(Dep::Advcl)
        && children(doc, a, b, k).any(|m| {
            doc.tokens[m].dep == Some(Dep::Mark)
                && doc.span_text(doc.tokens[m].span).eq_ignore_ascii_case("as")
        })
}

/// "Asked about the case, Yakovenko denied …": a bare participle opening
/// the clause of its head is a passive whose subject, the hearer, is the
/// head's; it reports only with a "by" agent ("Asked by Stephanopoulos").
/// The tagger often reads such an "Asked" as a past tense; a past tense
/// without a subject or auxiliary cannot head an adverbial clause.
fn is_bare_passive(doc: &Document, c: usize, a: usize, b: usize) -> bool {
    matches!(doc.tokens[c].tag, Some(Xpos::Vbn | Xpos::Vbd))
        && doc.tokens[c].dep == Some(Dep::Advcl)
        && doc.tokens[c].head.is_some_and(|h| h > c && h < b)
        && !children(doc, a, b, c)
            .any(|j| matches!(doc.tokens[j].dep, Some(Dep::Aux | Dep::Nsubj | Dep::Mark)))
}

/// Whether the verb of cue span `cue` reports only under a condition: it
/// heads an "if" clause ("If her death is confirmed, …"), or a modal main
/// clause with one ("If he gets his way, Trump will announce …"). No one
/// has said it yet.
fn is_conditional(doc: &Document, cue: Span) -> bool {
    let word = |i: usize| doc.span_text(doc.tokens[i].span).to_lowercase();
    let dep = |i: usize| doc.tokens[i].dep;
    let Some(v) = cue_verb(doc, cue) else {
        return false;
    };
    let sentence = doc
        .sentences
        .get(doc.sentences.partition_point(|s| s.tokens.1 <= v))
        .map_or((0, doc.tokens.len()), |s| s.tokens);
    let (a, b) = sentence;
    // "if" opening the verb's own clause: before it, with no comma between
    // ("If, as I've suggested, …" and "if anything" set off no condition).
    let conditional_mark = |j: usize| {
        children(doc, a, b, j).any(|k| {
            dep(k) == Some(Dep::Mark)
                && matches!(word(k).as_str(), "if" | "unless")
                && k < j
                && (k + 1..j).all(|i| word(i) != ",")
                && word(k + 1) != "anything"
        })
    };
    let modal = children(doc, a, b, v).any(|k| {
        dep(k) == Some(Dep::Aux)
            && matches!(
                word(k).as_str(),
                "will" | "would" | "could" | "might" | "may"
            )
    });
    conditional_mark(v)
        || (modal
            && children(doc, a, b, v).any(|k| dep(k) == Some(Dep::Advcl) && conditional_mark(k)))
}

/// Whether the verb of cue span `cue` is negated ("did not say", "never
/// claimed"): a "not", "n't" or "never" among the few tokens before it
/// that hang on it.
fn is_negated(doc: &Document, cue: Span) -> bool {
    let verbs = tokens_in(doc, cue).filter(|&i| doc.tokens[i].pos == Some(Upos::Verb));
    verbs.into_iter().any(|v| {
        (v.saturating_sub(4)..v).any(|i| {
            doc.tokens[i].head == Some(v)
                && matches!(
                    doc.span_text(doc.tokens[i].span).to_lowercase().as_str(),
                    "not" | "n't" | "n’t" | "never"
                )
        })
    })
}

/// The first verb of a cue phrase ("has not denied": "denied").
fn cue_verb(doc: &Document, cue: Span) -> Option<usize> {
    tokens_in(doc, cue).find(|&i| doc.tokens[i].pos == Some(Upos::Verb))
}

/// Lemmas of speech cues that also name a thing ("a place called Rojava").
const NAMING_CUES: &[&str] = &["call", "dub", "label", "name", "term", "nickname", "brand"];

/// Whether a speech cue's verb reports no one's words: a naming participle
/// describing a noun or a passive naming ("an offshoot called Jaysh …", "the
/// cell dubbed the Beatles", "was called Rojava"; "calling for", "called on"
/// stay speech), or a command to the reader opening its sentence or a
/// bulleted line ("• Read more Guardian letters": no subject, base form).
fn reports_no_one(doc: &Document, cue: Span) -> bool {
    let Some(v) = cue_verb(doc, cue) else {
        return false;
    };
    let t = &doc.tokens[v];
    let (a, b) = doc.sentences[sentence_index_at(doc, t.span.start)].tokens;
    let dep_of = |k: usize| doc.tokens[k].dep;
    let word = |k: usize| doc.span_text(doc.tokens[k].span).to_lowercase();
    let naming = CueClasses::english()
        .of_word(&word(v))
        .is_some_and(|(_, lemma)| NAMING_CUES.contains(&lemma));
    let asks = children(doc, a, b, v).any(|k| matches!(word(k).as_str(), "for" | "on" | "upon"));
    // A reduced relative or participle clause, which the tagger may call a
    // past tense: no subject of its own, not a conjunct sharing one.
    let describes = matches!(
        t.dep,
        Some(Dep::Acl | Dep::Advcl | Dep::Amod | Dep::Csubj | Dep::Appos)
    );
    let names = naming
        && matches!(t.tag, Some(Xpos::Vbn | Xpos::Vbd))
        && describes
        && !asks
        && !children(doc, a, b, v)
            .any(|k| dep_of(k) == Some(Dep::Nsubj) || is_by_phrase(doc, k, a, b));
    let opens_line = v == a || matches!(word(v - 1).as_str(), "•" | "·" | "|");
    let command = t.tag == Some(Xpos::Vb)
        && opens_line
        && !children(doc, a, b, v).any(|k| {
            matches!(
                dep_of(k),
                Some(Dep::Nsubj | Dep::Aux | Dep::Mark | Dep::Expl)
            )
        });
    names || command
}

/// Verbs whose first object is the hearer ("told the Times she …").
const HEARER_CUES: &[&str] = &[
    "tell",
    "tells",
    "told",
    "telling",
    "inform",
    "informs",
    "informed",
    "informing",
    "assure",
    "assures",
    "assured",
    "assuring",
    "remind",
    "reminds",
    "reminded",
    "reminding",
    "notify",
    "notified",
    "brief",
    "briefed",
];

const SUBJECT_PRONOUNS: &[&str] = &["i", "we", "you", "he", "she", "it", "they"];

/// The content of a cue whose first object is its hearer starts after the
/// hearer: after a "that" reached before any verb ("told reporters at a
/// briefing that …"), or after a short noun phrase that a clause's subject
/// follows ("told the Times she had lost …"). The parse often hangs the
/// hearer inside the reported clause.
fn without_hearer(doc: &Document, c: usize, (lo, hi): (usize, usize)) -> (usize, usize) {
    let word = |i: usize| doc.span_text(doc.tokens[i].span).to_lowercase();
    let verb = |i: usize| matches!(doc.tokens[i].pos, Some(Upos::Verb | Upos::Aux));
    if lo != c + 1 {
        return (lo, hi);
    }
    if !HEARER_CUES.contains(&word(c).as_str()) {
        // "reported Wednesday that …", "said in an email that …": what comes
        // before the clause's "that" is when and how, not what was said.
        let mark = |i: usize| {
            let w = doc.span_text(doc.tokens[i].span);
            is_open_mark(w) || is_close_mark(w)
        };
        let that = (lo..hi)
            .take_while(|&i| !verb(i) && !mark(i))
            .find(|&i| word(i) == "that")
            .filter(|&i| doc.tokens[i].dep == Some(Dep::Mark));
        let adjunct =
            |t: usize| is_time_phrase(doc, (lo, t)) || doc.tokens[lo].pos == Some(Upos::Adp);
        return match that {
            Some(t) if t > lo && t + 1 < hi && adjunct(t) => (t, hi),
            _ => (lo, hi),
        };
    }
    if let Some(t) = (lo..hi)
        .take_while(|&i| !verb(i))
        .find(|&i| word(i) == "that")
        .filter(|&t| t + 1 < hi)
    {
        return (t + 1, hi);
    }
    let in_np = |i: usize| {
        matches!(
            doc.tokens[i].pos,
            Some(Upos::Det | Upos::Propn | Upos::Noun | Upos::Adj | Upos::Num)
        ) || (i == lo && lexicon::POSSESSIVES.contains(&word(i).as_str()))
    };
    let Some(e) = (lo..hi.min(lo + 6))
        .find(|&i| !in_np(i))
        .filter(|&e| e > lo)
    else {
        return (lo, hi);
    };
    let w = word(e);
    let subject = SUBJECT_PRONOUNS.contains(&w.as_str())
        || lexicon::POSSESSIVES.contains(&w.as_str())
        || doc.tokens[e].dep == Some(Dep::Nsubj);
    if subject && (e..hi).any(verb) {
        (e, hi)
    } else {
        (lo, hi)
    }
}

/// "That said, …", "Having said that, …", "Needless to say, …": a verb of
/// saying used as a connective, which reports nothing.
fn is_discourse_marker(doc: &Document, c: usize, a: usize, b: usize) -> bool {
    let word = |i: usize| doc.span_text(doc.tokens[i].span).to_lowercase();
    let comma_after = |i: usize| i < b && word(i) == ",";
    let that_said = c == a + 1 && matches!(word(a).as_str(), "that" | "this") && comma_after(c + 1);
    let having_said = c > a
        && word(c - 1) == "having"
        && c + 1 < b
        && word(c + 1) == "that"
        && comma_after(c + 2);
    let needless = c > a + 1
        && word(c - 1) == "to"
        && matches!(word(c - 2).as_str(), "needless" | "suffice" | "so")
        && comma_after(c + 1);
    that_said || having_said || needless
}

/// The quote's first token and its sentence's token range `[a, b)`.
fn sentence_of_quote(doc: &Document, quote: Span) -> Option<(usize, usize, usize)> {
    let first = doc.tokens.partition_point(|t| t.span.end <= quote.start);
    let s = doc
        .sentences
        .iter()
        .find(|s| s.tokens.0 <= first && first < s.tokens.1)?;
    Some((first, s.tokens.0, s.tokens.1))
}

/// The closest reporting verb before `quote` in its sentence (a verb the
/// lexicon takes as a cue in its frame), with its subject or else the name
/// just before it.
fn cue_before(doc: &Document, cues: &CueLexicon, quote: Span) -> Option<(usize, (usize, usize))> {
    let (first, a, b) = sentence_of_quote(doc, quote)?;
    let c = (a..first).rev().find(|&c| {
        doc.tokens[c].pos == Some(Upos::Verb)
            && cues.is_cue(doc.span_text(doc.tokens[c].span), frame(doc, c, a, b))
    })?;
    let subject = children(doc, a, b, c)
        .find(|&k| doc.tokens[k].dep == Some(Dep::Nsubj) && k < c)
        .map(|k| subtree(doc, k, a, b))
        .or_else(|| name_before(doc, c, a))?;
    Some((c, subject))
}

/// The tokens of `[a, c)` that lie inside `span`, as a range.
fn tokens_within(doc: &Document, span: Span, a: usize, c: usize) -> Option<(usize, usize)> {
    let x = (a..c).find(|&i| doc.tokens[i].span.start >= span.start)?;
    let y = (x..c).rev().find(|&i| doc.tokens[i].span.end <= span.end)? + 1;
    Some((x, y))
}

/// The first mention of one of `types` lying wholly in the bytes `[from, to)`.
fn mention_within(doc: &Document, from: usize, to: usize, types: &[EntityType]) -> Option<Span> {
    doc.mentions
        .iter()
        .find(|m| m.span.start >= from && m.span.end <= to && types.contains(&m.ty))
        .map(|m| m.span)
}

/// "Republican nominee Donald Trump, in particular, has sharply criticized
/// …": a sentence that opens with a name and a comma is about that name,
/// and a cue whose subject the parse lost (in the apposition or the aside)
/// reports for it.
fn sentence_topic(doc: &Document, c: usize, a: usize) -> Option<(usize, usize)> {
    let comma_from = |from: usize| (from..c.min(from + 9)).find(|&i| is_comma(doc, i));
    let comma = comma_from(a)?;
    // "Speaking to the Telegraph, Hussen Abase, father of …, said": an
    // opening participle's clause names the hearer; the name after it speaks.
    // ("Playing Field Promotions, a talent agency," is a name.)
    let opens_name = doc
        .tokens
        .get(a + 1)
        .is_some_and(|t| t.pos == Some(Upos::Propn));
    let (a, comma) = if doc.tokens[a].pos == Some(Upos::Verb) && !opens_name {
        (comma + 1, comma_from(comma + 1).unwrap_or(c))
    } else {
        (a, comma)
    };
    let named = mention_within(
        doc,
        doc.tokens[a].span.start,
        doc.tokens[comma].span.start,
        &[EntityType::Person, EntityType::Org],
    )
    .is_some();
    (named && comma > a).then_some((a, comma))
}

/// Words besides the weekdays and months that head a time phrase: "at the
/// same time", "this week", "on Monday afternoon".
const TIME_WORDS: &[&str] = &[
    "time",
    "day",
    "days",
    "week",
    "weeks",
    "weekend",
    "month",
    "months",
    "year",
    "years",
    "morning",
    "afternoon",
    "evening",
    "night",
    "today",
    "yesterday",
    "tonight",
];

/// A weekday, a month ("on Monday", "in February") or one of `TIME_WORDS`.
fn is_time_word(word: &str) -> bool {
    let word = word.to_lowercase();
    let word = word.as_str();
    lexicon::WEEKDAYS.contains(&word)
        || lexicon::MONTHS.contains(&word)
        || TIME_WORDS.contains(&word)
}

/// Whether the phrase `[x, y)` is a time phrase: it ends in a time word and
/// holds no name of a person or organisation ("Monday afternoon", "the
/// same time"; "May" the month, not "Theresa May").
fn is_time_phrase(doc: &Document, (x, y): (usize, usize)) -> bool {
    y > x
        && is_time_word(doc.span_text(doc.tokens[y - 1].span))
        && mention_within(
            doc,
            doc.tokens[x].span.start,
            doc.tokens[y - 1].span.end,
            &[EntityType::Person, EntityType::Org],
        )
        .is_none()
}

/// "was criticized", "are supported": a past participle with a form of "be"
/// or "get" among its auxiliaries (the parser gives no `aux:pass`).
fn is_passive(doc: &Document, c: usize, a: usize, b: usize) -> bool {
    doc.tokens[c].tag == Some(Xpos::Vbn)
        && children(doc, a, b, c).any(|j| {
            doc.tokens[j].dep == Some(Dep::Aux)
                && crate::tree::PASSIVE_AUXILIARIES
                    .contains(&doc.span_text(doc.tokens[j].span).to_lowercase().as_str())
        })
}

/// The parts of the sentence `[a, b)` outside `skip`, each long enough to
/// be a statement.
fn outside(doc: &Document, a: usize, b: usize, skip: (usize, usize)) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for r in [(a, skip.0), (skip.1, b)] {
        if r.0 < r.1 {
            if let Some(r) = content_range(doc, r, 3) {
                out.push(r);
            }
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use dossier_core::{Block, BlockId, Sentence, Source, SourceFormat, Token};

    fn doc(paragraphs: &[&str]) -> Document {
        let text = paragraphs.join("\n");
        let mut d = Document::new(
            text,
            Source {
                uri: None,
                format: SourceFormat::Text,
                record: None,
            },
        );
        let mut at = 0;
        for p in paragraphs {
            d.blocks.push(Block {
                span: Span::new(at, at + p.len()),
                kind: BlockKind::Paragraph,
            });
            at += p.len() + 1;
        }
        d
    }

    fn quoted(d: &Document) -> Vec<(&str, bool)> {
        pair_marks(d)
            .iter()
            .map(|m| (m.inner.of(d.text()), m.unclosed))
            .collect()
    }

    #[test]
    fn mismatched_curly_and_straight_marks_pair() {
        let d = doc(&["“There is no way to do it,\" Stoltenberg said."]);
        assert_eq!(quoted(&d), [("There is no way to do it,", false)]);
    }

    #[test]
    fn apostrophes_and_nested_single_quotes_are_not_quotes() {
        let d = doc(&["\"We say 'no' to Russia's war,\" he said. It's Biden's ‘plan’ now."]);
        assert_eq!(
            quoted(&d),
            [("We say 'no' to Russia's war,", false), ("plan", false)]
        );
    }

    #[test]
    fn a_quote_continues_into_the_next_paragraph() {
        let d = doc(&[
            "\"First part of the speech.",
            "\"Second part.\"",
            "Plain text.",
        ]);
        assert_eq!(
            quoted(&d),
            [
                ("First part of the speech.", false),
                ("Second part.", false)
            ]
        );
    }

    #[test]
    fn an_unclosed_quote_ends_with_its_paragraph_and_is_flagged() {
        let d = doc(&["He said \"this never ends", "Next paragraph."]);
        assert_eq!(quoted(&d), [("this never ends", true)]);
    }

    #[test]
    fn two_apostrophes_and_guillemets_are_marks() {
        let d = doc(&["''It's anti-reform,'' he said. «Non», she replied."]);
        assert_eq!(quoted(&d), [("It's anti-reform,", false), ("Non", false)]);
    }

    #[test]
    fn dash_signature_names_the_speaker() {
        let text = "“He is ignorant of our culture.”\n― Sonya Herridge\n";
        let (_, name) = dash_signature(text, text.find('”').unwrap()).unwrap();
        assert_eq!(name.of(text), "Sonya Herridge");
    }

    #[test]
    fn cue_lexicon_prefers_the_frame_figure() {
        let lex = CueLexicon::from_tsv(
            "# c\nreports\t*\t10\t16\nreports\tclause\t5\t8\nreports\tobject\t0\t40\n",
        );
        assert!(lex.is_cue("Reports", Frame::Clause));
        assert!(!lex.is_cue("reports", Frame::Object));
        assert!(
            lex.is_cue("reports", Frame::Tag),
            "a frame never seen falls back to the word"
        );
    }

    /// A one-sentence document with a hand-written parse: one row per
    /// token, `(word, pos, tag, head, dep)`, with `head` -1 for the root.
    pub(crate) fn parsed(
        rows: &[(&str, &'static str, &'static str, i32, &'static str)],
    ) -> Document {
        let text = rows.iter().map(|r| r.0).collect::<Vec<_>>().join(" ");
        let mut d = doc(&[text.as_str()]);
        let mut at = 0;
        for &(w, pos, tag, head, dep) in rows {
            let mut t = Token::new(Span::new(at, at + w.len()));
            t.pos = Some(pos.parse().unwrap());
            t.tag = Some(tag.parse().unwrap());
            t.head = usize::try_from(head).ok();
            t.dep = Some(dep.parse().unwrap());
            d.tokens.push(t);
            at += w.len() + 1;
        }
        d.sentences.push(Sentence {
            span: Span::new(0, text.len()),
            block: BlockId::new(0),
            tokens: (0, rows.len()),
        });
        d
    }

    fn cue_at(c: usize, b: usize) -> CueAt {
        CueAt {
            c,
            a: 0,
            b,
            signed: None,
            introduced: None,
            passive: false,
        }
    }

    pub(crate) fn words(d: &Document, (x, y): (usize, usize)) -> String {
        (x..y)
            .map(|i| d.span_text(d.tokens[i].span))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// "The airline bought jets, executives announced Wednesday.", parsed
    /// with the cue as an adverbial of the main verb.
    fn signing_parse(object: (&'static str, &'static str, &'static str)) -> Document {
        parsed(&[
            ("The", "DET", "DT", 1, "det"),
            ("airline", "NOUN", "NN", 2, "nsubj"),
            ("bought", "VERB", "VBD", -1, "root"),
            ("jets", "NOUN", "NNS", 2, "obj"),
            (",", "PUNCT", ",", 6, "punct"),
            ("executives", "NOUN", "NNS", 6, "nsubj"),
            ("announced", "VERB", "VBD", 2, "advcl"),
            (object.0, object.1, object.2, 6, "obj"),
            (".", "PUNCT", ".", 2, "punct"),
        ])
    }

    #[test]
    fn a_finite_cue_after_the_clause_signs_it_whatever_the_parse() {
        let d = signing_parse(("Wednesday", "PROPN", "NNP"));
        let content = signed_clause_before(&d, cue_at(6, 9), Some((5, 6)));
        assert_eq!(content.len(), 1);
        assert_eq!(words(&d, content[0]), "The airline bought jets");
    }

    #[test]
    fn a_cue_with_an_object_of_its_own_signs_nothing() {
        let d = signing_parse(("sanctions", "NOUN", "NNS"));
        assert!(signed_clause_before(&d, cue_at(6, 9), Some((5, 6))).is_empty());
    }

    #[test]
    fn the_adjective_after_an_according_to_source_describes_it() {
        let d = parsed(&[
            ("Rates", "NOUN", "NNS", 1, "nsubj"),
            ("rose", "VERB", "VBD", -1, "root"),
            ("sharply", "ADV", "RB", 1, "advmod"),
            (",", "PUNCT", ",", 7, "punct"),
            ("according", "VERB", "VBG", 6, "case"),
            ("to", "ADP", "IN", 4, "fixed"),
            ("people", "NOUN", "NNS", 7, "obl"),
            ("familiar", "ADJ", "JJ", 1, "advcl"),
            ("with", "ADP", "IN", 10, "case"),
            ("the", "DET", "DT", 10, "det"),
            ("talks", "NOUN", "NNS", 7, "obl"),
            (",", "PUNCT", ",", 12, "punct"),
            ("adding", "VERB", "VBG", 7, "advcl"),
            ("to", "ADP", "IN", 14, "case"),
            ("fears", "NOUN", "NNS", 12, "obl"),
            (".", "PUNCT", ".", 1, "punct"),
        ]);
        let f = according_to(&d, 4, 0, 16).expect("an attribution");
        assert_eq!(
            words(&d, f.source.unwrap()),
            "people familiar with the talks"
        );
        let contents: Vec<String> = f.content.iter().map(|&r| words(&d, r)).collect();
        assert_eq!(contents, ["Rates rose sharply"]);
    }

    #[test]
    fn a_time_or_place_before_the_clause_is_not_content() {
        let d = parsed(&[
            ("The", "DET", "DT", 1, "det"),
            ("embassy", "NOUN", "NN", 2, "nsubj"),
            ("reported", "VERB", "VBD", -1, "root"),
            ("Wednesday", "PROPN", "NNP", 2, "obl"),
            ("that", "SCONJ", "IN", 8, "mark"),
            ("the", "DET", "DT", 6, "det"),
            ("air", "NOUN", "NN", 8, "nsubj"),
            ("was", "AUX", "VBD", 8, "cop"),
            ("bad", "ADJ", "JJ", 2, "ccomp"),
            (".", "PUNCT", ".", 2, "punct"),
        ]);
        assert_eq!(
            words(&d, without_hearer(&d, 2, (3, 9))),
            "that the air was bad"
        );
        // "that" as a relative pronoun opens no clause of what was said.
        assert_eq!(without_hearer(&d, 2, (4, 9)), (4, 9));
    }

    #[test]
    fn a_mixed_quote_takes_in_its_closing_mark_after_a_comma() {
        let text = "Privacy is not \"a bolt-on thing,\" Cook said.";
        let open = Span::new(0, text.find("thing").unwrap() + "thing".len());
        assert_eq!(
            balance_marks(text, open).of(text),
            "Privacy is not \"a bolt-on thing,\""
        );
        let curly = "It was “stunning.” She left.";
        let open = Span::new(0, curly.find("stunning").unwrap() + "stunning".len());
        assert_eq!(balance_marks(curly, open).of(curly), "It was “stunning.”");
    }

    /// "Some might call it war": a possibility, not a report.
    #[test]
    fn a_cue_under_a_modal_of_possibility_reports_nothing() {
        let d = parsed(&[
            ("Some", "PRON", "DT", 2, "nsubj"),
            ("might", "AUX", "MD", 2, "aux"),
            ("call", "VERB", "VB", -1, "root"),
            ("it", "PRON", "PRP", 2, "obj"),
            ("war", "NOUN", "NN", 2, "xcomp"),
        ]);
        assert!(non_speech::is_possibility(&d, d.tokens[2].span));
        assert!(!non_speech::is_possibility(&d, d.tokens[4].span));
    }

    /// "He left without telling his parents": the telling never happened.
    #[test]
    fn a_gerund_cue_after_without_reports_nothing() {
        let d = parsed(&[
            ("He", "PRON", "PRP", 1, "nsubj"),
            ("left", "VERB", "VBD", -1, "root"),
            ("without", "SCONJ", "IN", 3, "mark"),
            ("telling", "VERB", "VBG", 1, "advcl"),
            ("his", "PRON", "PRP$", 5, "nmod"),
            ("parents", "NOUN", "NNS", 3, "obj"),
        ]);
        assert!(non_speech::is_unrealised(&d, d.tokens[3].span));
        assert!(!non_speech::is_unrealised(&d, d.tokens[1].span));
    }

    /// "Evidence suggests the opposite" is an evidential; "He suggests the
    /// opposite" a report.
    #[test]
    fn evidence_as_the_subject_of_suggest_is_no_speaker() {
        let lex = CueLexicon::from_tsv("officials\tspeaker\t9\t10\n");
        let sentence = |subject: (&'static str, &'static str, &'static str)| {
            parsed(&[
                (subject.0, subject.1, subject.2, 1, "nsubj"),
                ("suggests", "VERB", "VBZ", -1, "root"),
                ("the", "DET", "DT", 3, "det"),
                ("opposite", "NOUN", "NN", 1, "obj"),
            ])
        };
        let d = sentence(("Evidence", "NOUN", "NN"));
        assert!(non_speech::has_evidence_subject(&d, &lex, d.tokens[1].span));
        for speaker in [("He", "PRON", "PRP"), ("Officials", "NOUN", "NNS")] {
            let d = sentence(speaker);
            assert!(!non_speech::has_evidence_subject(
                &d,
                &lex,
                d.tokens[1].span
            ));
        }
    }

    /// "Erdoğan said in a speech in Ankara.": where he said it, not what.
    #[test]
    fn a_content_of_adjuncts_only_is_no_content() {
        let d = parsed(&[
            ("Erdoğan", "PROPN", "NNP", 1, "nsubj"),
            ("said", "VERB", "VBD", -1, "root"),
            ("in", "ADP", "IN", 4, "case"),
            ("a", "DET", "DT", 4, "det"),
            ("speech", "NOUN", "NN", 1, "obl"),
            ("in", "ADP", "IN", 6, "case"),
            ("Ankara", "PROPN", "NNP", 4, "nmod"),
            (".", "PUNCT", ".", 1, "punct"),
        ]);
        assert!(non_speech::only_adjuncts(&d, 1, (2, 7)));
        // "warned of a “dramatic upshift”": the "of" phrase is the warning.
        let d = parsed(&[
            ("Parker", "PROPN", "NNP", 1, "nsubj"),
            ("warned", "VERB", "VBD", -1, "root"),
            ("of", "ADP", "IN", 4, "case"),
            ("an", "DET", "DT", 4, "det"),
            ("upshift", "NOUN", "NN", 1, "obl"),
        ]);
        assert!(!non_speech::only_adjuncts(&d, 1, (2, 5)));
    }

    #[test]
    fn a_place_inside_the_subjects_clause_is_no_speaker() {
        // "many mothers detained in the camps say", parsed with "say" as a
        // parataxis of "detained".
        let d = parsed(&[
            ("many", "ADJ", "JJ", 1, "amod"),
            ("mothers", "NOUN", "NNS", 2, "nsubj"),
            ("detained", "VERB", "VBD", -1, "root"),
            ("in", "ADP", "IN", 5, "case"),
            ("the", "DET", "DT", 5, "det"),
            ("camps", "NOUN", "NNS", 2, "obl"),
            ("say", "VERB", "VBP", 2, "parataxis"),
            ("they", "PRON", "PRP", 8, "nsubj"),
            ("want", "VERB", "VBP", 6, "ccomp"),
            (".", "PUNCT", ".", 6, "punct"),
        ]);
        let held = holding_phrase(&d, (4, 6), 6, (0, 10)).expect("a holding phrase");
        assert_eq!(words(&d, held), "many mothers");
        // The subject itself is held by nothing.
        assert_eq!(holding_phrase(&d, (0, 2), 6, (0, 10)), None);
    }

    #[test]
    fn a_name_in_a_relative_clause_gives_way_to_the_noun_it_describes() {
        let d = parsed(&[
            ("Details", "NOUN", "NNS", 1, "nsubj"),
            ("came", "VERB", "VBD", -1, "root"),
            ("from", "ADP", "IN", 3, "case"),
            ("people", "NOUN", "NNS", 1, "obl"),
            ("who", "PRON", "WP", 6, "nsubj"),
            ("had", "AUX", "VBD", 6, "aux"),
            ("seen", "VERB", "VBN", 3, "acl"),
            ("him", "PRON", "PRP", 6, "obj"),
            ("in", "ADP", "IN", 9, "case"),
            ("Syria", "PROPN", "NNP", 6, "obl"),
            ("and", "CCONJ", "CC", 11, "cc"),
            ("reported", "VERB", "VBD", 1, "conj"),
            ("it", "PRON", "PRP", 11, "obj"),
            (".", "PUNCT", ".", 1, "punct"),
        ]);
        let held = holding_phrase(&d, (9, 10), 11, (0, 14)).expect("a holding phrase");
        assert_eq!(words(&d, held), "people");
    }

    #[test]
    fn a_name_inside_a_description_gives_way_to_the_person_described() {
        let d = parsed(&[
            ("In", "ADP", "IN", 1, "case"),
            ("March", "PROPN", "NNP", 13, "obl"),
            (",", "PUNCT", ",", 1, "punct"),
            ("Valery", "PROPN", "NNP", 1, "appos"),
            ("Gerasimov", "PROPN", "NNP", 3, "flat"),
            (",", "PUNCT", ",", 7, "punct"),
            ("the", "DET", "DT", 7, "det"),
            ("chief", "NOUN", "NN", 3, "appos"),
            ("of", "ADP", "IN", 11, "case"),
            ("the", "DET", "DT", 11, "det"),
            ("Russian", "ADJ", "JJ", 11, "amod"),
            ("forces", "NOUN", "NNS", 7, "nmod"),
            (",", "PUNCT", ",", 1, "punct"),
            ("said", "VERB", "VBD", -1, "root"),
            ("so", "ADV", "RB", 13, "advmod"),
            (".", "PUNCT", ".", 13, "punct"),
        ]);
        let held = holding_phrase(&d, (10, 11), 13, (0, 16)).expect("a holding phrase");
        assert!(
            words(&d, held).starts_with("Valery Gerasimov ,"),
            "{}",
            words(&d, held)
        );
    }

    #[test]
    fn a_subject_right_after_a_preposition_is_its_object() {
        let d = parsed(&[
            ("The", "DET", "DT", 2, "det"),
            ("few", "ADJ", "JJ", 2, "amod"),
            ("relatives", "NOUN", "NNS", 10, "nsubj"),
            ("who", "PRON", "WP", 4, "nsubj"),
            ("made", "VERB", "VBD", 2, "acl"),
            ("it", "PRON", "PRP", 4, "obj"),
            ("back", "ADV", "RB", 4, "advmod"),
            ("for", "SCONJ", "IN", 10, "mark"),
            ("fleeting", "VERB", "VBG", 9, "amod"),
            ("visits", "NOUN", "NNS", 10, "nsubj"),
            ("say", "VERB", "VBP", -1, "root"),
            ("so", "ADV", "RB", 10, "advmod"),
            (".", "PUNCT", ".", 10, "punct"),
        ]);
        let subject = nearest_subject(&d, 10, 0, 13).expect("a subject");
        assert_eq!(words(&d, subject), "The few relatives who made it back");
    }

    #[test]
    fn a_subject_opening_a_subordinate_clause_is_not_the_cues() {
        let d = parsed(&[
            ("The", "DET", "DT", 1, "det"),
            ("regime", "NOUN", "NN", 12, "nsubj"),
            (",", "PUNCT", ",", 4, "punct"),
            ("which", "PRON", "WDT", 4, "nsubj"),
            ("said", "VERB", "VBD", 1, "acl"),
            ("so", "ADV", "RB", 4, "advmod"),
            (",", "PUNCT", ",", 12, "punct"),
            ("if", "SCONJ", "IN", 12, "mark"),
            ("the", "DET", "DT", 9, "det"),
            ("opposition", "NOUN", "NN", 12, "nsubj"),
            ("insisted", "VERB", "VBN", 9, "acl"),
            ("has", "AUX", "VBZ", 12, "aux"),
            ("said", "VERB", "VBN", -1, "root"),
            (".", "PUNCT", ".", 12, "punct"),
        ]);
        let subject = nearest_subject(&d, 12, 0, 14).expect("a subject");
        assert_eq!(words(&d, subject), "The regime , which said so");
    }

    #[test]
    fn a_name_set_off_after_an_inverted_cue_speaks() {
        let d = parsed(&[
            ("Granting", "VERB", "VBG", 8, "csubj"),
            ("a", "DET", "DT", 3, "det"),
            ("fair", "ADJ", "JJ", 3, "amod"),
            ("trial", "NOUN", "NN", 0, "obj"),
            ("in", "ADP", "IN", 5, "case"),
            ("Britain", "PROPN", "NNP", 3, "nmod"),
            ("would", "AUX", "MD", 8, "ccomp"),
            (",", "PUNCT", ",", 6, "punct"),
            ("said", "VERB", "VBD", -1, "root"),
            ("Carlile", "PROPN", "NNP", 8, "iobj"),
            (",", "PUNCT", ",", 12, "punct"),
            ("also", "ADV", "RB", 12, "advmod"),
            ("help", "VERB", "VB", 8, "ccomp"),
            (".", "PUNCT", ".", 8, "punct"),
        ]);
        let name = name_set_off_after(&d, 8, 14).expect("a name");
        assert_eq!(words(&d, name), "Carlile");
        // Not the hearer of "told", nor a clause's subject after the cue.
        let told = parsed(&[
            ("Ali", "PROPN", "NNP", 2, "nsubj"),
            (",", "PUNCT", ",", 0, "punct"),
            ("told", "VERB", "VBD", -1, "root"),
            ("Reuters", "PROPN", "NNP", 2, "obj"),
            (",", "PUNCT", ",", 2, "punct"),
        ]);
        assert_eq!(name_set_off_after(&told, 2, 5), None);
        let clause = parsed(&[
            ("Ali", "PROPN", "NNP", 2, "nsubj"),
            (",", "PUNCT", ",", 0, "punct"),
            ("said", "VERB", "VBD", -1, "root"),
            ("the", "DET", "DT", 4, "det"),
            ("role", "NOUN", "NN", 6, "nsubj"),
            ("had", "AUX", "VBD", 6, "aux"),
            ("grown", "VERB", "VBN", 2, "ccomp"),
        ]);
        assert_eq!(name_set_off_after(&clause, 2, 7), None);
        // Nor the full stop of '…,” the monitor’s head, Rami Abdel Rahman, said.'
        let stop = parsed(&[
            ("Rahman", "PROPN", "NNP", 2, "appos"),
            (",", "PUNCT", ",", 0, "punct"),
            ("said", "VERB", "VBD", -1, "root"),
            (".", "PUNCT", ".", 2, "punct"),
        ]);
        assert_eq!(name_set_off_after(&stop, 2, 4), None);
    }

    #[test]
    fn a_subject_pronoun_ends_the_noun_phrase_before_a_cue() {
        let d = parsed(&[
            ("In", "ADP", "IN", 2, "case"),
            ("a", "DET", "DT", 2, "det"),
            ("statement", "NOUN", "NN", 4, "obl"),
            ("it", "PRON", "PRP", 4, "expl"),
            ("said", "VERB", "VBD", -1, "root"),
            ("so", "ADV", "RB", 4, "advmod"),
        ]);
        assert_eq!(noun_phrase_before(&d, 4, 0), Some((3, 4)));
    }

    #[test]
    fn a_participle_before_the_name_after_an_inverted_cue_is_part_of_it() {
        let d = parsed(&[
            ("”", "PUNCT", "''", 1, "punct"),
            ("tweeted", "VERB", "VBN", -1, "root"),
            ("retired", "VERB", "VBD", 1, "xcomp"),
            ("US", "PROPN", "NNP", 5, "compound"),
            ("army", "NOUN", "NN", 5, "compound"),
            ("general", "NOUN", "NN", 6, "nmod"),
            ("Jack", "PROPN", "NNP", 2, "obj"),
            ("Keane", "PROPN", "NNP", 6, "flat"),
            (".", "PUNCT", ".", 1, "punct"),
        ]);
        let name = name_after(&d, 1, 9).and_then(|s| trim_source(&d, s));
        assert_eq!(
            words(&d, name.expect("a name")),
            "retired US army general Jack Keane"
        );
    }
}
