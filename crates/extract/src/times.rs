//! Time expressions in TIMEX3 terms (DATE, TIME, DURATION, SET), resolved
//! against the document's publication date. Tense cues pick the direction
//! of a bare weekday or month ("began on Tuesday" is past, "is set to meet
//! on Thursday" is future); "two years later" counts from the last year
//! the text mentioned.
//!
//! Rules are named and tried in order over the tokens (`rules`), the first
//! that reads an expression winning; each has an example in
//! `data/en/time-examples.tsv` that runs as a test. The value is typed once
//! (`value::Timex`) for the steps that extend it (a year said after, a part
//! of the day, range ends) and printed as TIMEX3 at the end. A month the
//! parse hangs from a verb in a finite past is never read well ahead
//! (`governors`); a financial quarter counts from the last quarter
//! named; a figure such as "3-8pm" or "2014-2018" is cut at its dash first.
//!
//! This file finds the expressions in a sentence and grows them (`Reading`);
//! what they are made of lives by concept: `dates` (words of a date),
//! `clock` (clock times and ranges), `quarters`, `durations` (units,
//! measured durations, offsets) and `calendar` (day arithmetic, holidays,
//! the year a month falls in given the tense).

use dossier_core::calendar::{civil_from_days, days_from_civil};
use dossier_core::{CueClass, Dep, Xpos};
use dossier_core::{Document, Span, TimeExpr, TimeType, Token};

use crate::lexicon::{CARDINALS, MONTHS, ORDINALS, PAST_VERBS, TENS, WEEKDAYS};

mod calendar;
mod clock;
mod dates;
mod durations;
mod modifier;
mod quarters;
mod rules;
mod value;
use calendar::*;
use clock::*;
use dates::*;
use durations::*;
use quarters::*;
use rules::{expression, Frame};
use value::{Day, Timex};

/// Whether the sentence speaks of the future ("will", "is set to", "plans to").
fn future_tense(words: &[String]) -> bool {
    words.windows(2).any(|w| {
        matches!(
            (w[0].as_str(), w[1].as_str()),
            ("set", "to")
                | ("going", "to")
                | ("plans", "to")
                | ("scheduled", "to")
                | ("expected", "to")
                | ("due", "to")
        )
    }) || words
        .iter()
        .any(|w| matches!(w.as_str(), "will" | "'ll" | "shall" | "upcoming" | "next"))
        || words.windows(2).any(|w| w[0] == "wait" && w[1] == "for")
}

/// The tense at each word of a sentence, from the nearest tense marker
/// before it ("said Friday that it will …": "Friday" is past), else the
/// nearest after it ("On Friday, the company said"): `Some(true)` for the
/// future, `Some(false)` for the past, `None` when no word tells. One pass
/// each way, so every word's answer is ready before the expressions are
/// looked for.
fn tense_at_each(words: &[String], tags: &[Option<Xpos>]) -> Vec<Option<bool>> {
    let marker = |k: usize| -> Option<bool> {
        let w = words[k].as_str();
        let next = words.get(k + 1).map(String::as_str).unwrap_or("");
        // A finite past (VBD) is past whatever its spelling ("began",
        // "hit"), unless an infinitive follows ("expected to report", "set
        // to meet"); a word in "-ed" tagged as no verb ("armed", "red") marks
        // nothing. The present marks nothing: news speaks in it of a state
        // that holds now of a past date ("holds shares bought Thursday") as
        // often as of a plan.
        let tag = tags.get(k).copied().flatten();
        let infinitive = next == "to"
            && tags
                .get(k + 2)
                .copied()
                .flatten()
                .is_some_and(Xpos::is_verb);
        if tag == Some(Xpos::Vbd) && !infinitive {
            return Some(false);
        }
        let verb = tag.is_none_or(Xpos::is_verb);
        match w {
            "will" | "'ll" | "shall" | "wo" => Some(true),
            "going" | "expected" | "set" | "due" | "is" | "are" | "plan" | "plans"
                if next == "to" =>
            {
                Some(true)
            }
            // "since March": what follows is past.
            "since" => Some(false),
            _ if verb && PAST_VERBS.contains(&w) => Some(false),
            _ if verb
                && w.len() > 4
                && w.ends_with("ed")
                && !matches!(
                    w,
                    "need" | "indeed" | "speed" | "proceed" | "succeed" | "exceed"
                ) =>
            {
                Some(false)
            }
            _ => None,
        }
    };
    // Arrangements point at what follows them: "planned a rally on
    // Saturday", "postponed until Tuesday", "would travel Thursday", "as
    // early as Tuesday"; after a date they say nothing of it.
    let arrangement = |k: usize| {
        let next = words.get(k + 1).map(String::as_str).unwrap_or("");
        matches!(
            words[k].as_str(),
            "planned" | "planning" | "scheduled" | "postponed" | "would"
        ) || (matches!(words[k].as_str(), "early" | "soon") && next == "as")
    };
    // A participle after "be" is a passive, not a past: "will be paid Dec. 14".
    let passive = |k: usize| k > 0 && matches!(words[k - 1].as_str(), "be" | "being");
    // An arrangement in the past perfect was for a time already past: "had
    // been scheduled to expire Friday", "as previously planned Saturday".
    let past_perfect = |k: usize| {
        k > 0
            && (matches!(words[k - 1].as_str(), "had" | "previously")
                || (words[k - 1] == "been" && k > 1 && words[k - 2] == "had"))
    };
    let markers: Vec<Option<bool>> = (0..words.len())
        .map(|k| {
            marker(k)
                .filter(|&future| future || !passive(k))
                .map(|future| future && !past_perfect(k))
        })
        .collect();
    // The nearest marker after each word, then the nearest before it wins.
    let mut tenses = vec![None; words.len()];
    let mut after = None;
    for k in (0..words.len()).rev() {
        tenses[k] = after;
        after = markers[k].or(after);
    }
    // A verb of saying dates only the words right after it ("said Friday",
    // "told reporters on Monday"); what it reports keeps its own tense
    // ("said the world must not wait for November").
    let reporting = |k: usize| matches!(words[k].as_str(), "said" | "told" | "says" | "added");
    let mut before = None;
    let mut said: Option<(usize, Option<bool>)> = None; // where, and the tense before it
    for k in 0..words.len() {
        if let Some((_, outer)) = said.filter(|&(r, _)| k > r + 3) {
            before = outer;
            said = None;
        }
        tenses[k] = before.or(tenses[k]);
        if reporting(k) {
            said = Some((k, before));
            before = Some(false);
        } else if arrangement(k) {
            said = None;
            before = Some(!past_perfect(k));
        } else if markers[k].is_some() {
            said = None;
            before = markers[k];
        }
    }
    tenses
}

/// Finds and resolves the time expressions of `doc`.
pub fn recognise(doc: &mut Document) {
    let text = doc.text();
    let mut reading = Reading::new(doc.published.as_deref());
    let governed = governors(&doc.tokens, text);
    // The sentences' lower-cased words, in one buffer reused for each.
    let mut lowered = Vec::new();
    for s in &doc.sentences {
        let (toks, tags) = split_ranges(
            doc.tokens[s.tokens.0..s.tokens.1]
                .iter()
                .map(|t| (t.span, t.tag)),
            text,
            reading.anchor,
        );
        let n = crate::lexicon::lower_into(toks.iter().map(|t| t.of(text)), &mut lowered);
        let sentence_tokens = &doc.tokens[s.tokens.0..s.tokens.1];
        let governors = toks
            .iter()
            .map(|t| {
                let k = sentence_tokens.partition_point(|d| d.span.start <= t.start);
                if k > 0 {
                    governed[s.tokens.0 + k - 1]
                } else {
                    Governor::Other
                }
            })
            .collect();
        reading.sentence(&Sentence {
            text,
            toks,
            tags,
            governors,
            words: &lowered[..n],
            first: reading.out.len(),
        });
    }
    let own_past: Vec<bool> = reading.out.iter().map(|t| t.past_governed).collect();
    let mut out: Vec<TimeExpr> = reading
        .out
        .into_iter()
        .map(|t| TimeExpr {
            span: t.span,
            ty: t.ty,
            value: t.value.map(|v| v.to_string()),
            modifier: modifier::modifier(t.span.of(text), t.ty),
        })
        .collect();
    keep_first_month_reading(&mut out, &own_past, text);
    doc.times = out;
}

/// Auxiliaries that make a participle a past: "was changed", "has bought",
/// "had been sold"; "will be paid", "is expected" are not, and a participle
/// with none is no finite verb ("funded until February", "polls called for
/// 24 June").
const PAST_AUXILIARIES: &[&str] = &["was", "were", "had", "has", "have", "'ve", "been"];

/// Prepositions that make a date the end of a state or a deadline: a past
/// verb says nothing of its side ("was put on hold until February").
const ENDPOINTS: &[&str] = &["until", "till", "through", "into", "to"];

/// Whether the expression at word `i` is a deadline: right after "until"
/// or "till" with no date just before to make it a span's end ("from
/// Monday until Wednesday"). News gives a deadline still to come whatever
/// the verb's tense ("extended its deadline until Tuesday", "has until
/// Friday"), so a weekday there is read ahead.
fn deadline(words: &[String], i: usize, consumed: usize) -> bool {
    i > 0
        && (consumed == 0 || consumed + 1 != i)
        && matches!(words[i - 1].as_str(), "until" | "till")
}

/// The tense of the verb a token hangs from in the parse (`governors`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Governor {
    #[default]
    Other,
    /// A finite past: "bought RJR in February", "the year ended Jan. 31".
    Past,
    /// A plain present of an act, no auxiliary and no verb of saying or
    /// thinking: news tells what is scheduled in it ("the council votes
    /// Thursday", "they meet Monday"); "says Monday" tells nothing.
    Present,
}

/// The case mark a date takes, which decides whether its verb's tense
/// tells its side (`governors`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    /// "until", "till", "through", "into", "to": the date ends a span.
    Endpoint,
    /// "since": the date takes no side from its verb.
    Since,
    /// "'s": the date owns a noun ("Tuesday's declaration").
    Possessive,
}

/// What verb each token hangs from, in the parse: its own clause's tense,
/// where the nearest tense word may belong to another clause ("declared a
/// dividend, payable Dec. 15": the date hangs from the adjective). A
/// date's own words are climbed first ("Jan." under "31"). A date ending a
/// span ("until February") takes no side from its verb unless that verb is
/// in the past perfect ("until Thursday they had not called him"); one
/// after "since" none; one that owns a noun takes the noun's verb's past
/// but not its present ("the move follows Tuesday's declaration"). All
/// `Other` without a parse.
fn governors(tokens: &[Token], text: &str) -> Vec<Governor> {
    // Case-blind in place: no string per auxiliary or preposition.
    let one_of = |t: &Token, words: &[&str]| {
        let w = t.span.of(text);
        words.iter().any(|x| x.eq_ignore_ascii_case(w))
    };
    let n = tokens.len();
    // Per token: an auxiliary of the past or perfect ("had" among them, or
    // another auxiliary) among its dependents; the preposition or
    // possessive mark it takes; whether it has a subject.
    let (mut past_aux, mut had, mut other_aux) = (vec![false; n], vec![false; n], vec![false; n]);
    let (mut case, mut subject) = (vec![None; n], vec![false; n]);
    for t in tokens {
        match (t.head, t.dep) {
            (Some(h), Some(Dep::Nsubj)) => subject[h] = true,
            (Some(h), Some(Dep::Aux)) if one_of(t, PAST_AUXILIARIES) => {
                past_aux[h] = true;
                had[h] |= one_of(t, &["had"]);
            }
            (Some(h), Some(Dep::Aux)) => other_aux[h] = true,
            (Some(h), Some(Dep::Case)) if one_of(t, ENDPOINTS) => case[h] = Some(Mark::Endpoint),
            (Some(h), Some(Dep::Case)) if one_of(t, &["since"]) => case[h] = Some(Mark::Since),
            (Some(h), Some(Dep::Case)) if one_of(t, &["'s", "’s", "'"]) => {
                case[h] = Some(Mark::Possessive)
            }
            _ => {}
        }
    }
    let cues = crate::cue_classes::CueClasses::english();
    let tense: Vec<Governor> = (0..n)
        .map(|h| match tokens[h].tag {
            Some(Xpos::Vbd) if !other_aux[h] => Governor::Past,
            // A participle with its own subject and no auxiliary is a
            // finite past the tagger took for one ("Since KKR bought RJR
            // in February").
            Some(Xpos::Vbn) if (past_aux[h] || subject[h]) && !other_aux[h] => Governor::Past,
            // A "VBZ" without its "-s" is the tagger's slip ("before dawn").
            Some(Xpos::Vbz | Xpos::Vbp)
                if (tokens[h].tag == Some(Xpos::Vbp) || tokens[h].span.of(text).ends_with('s'))
                    && !past_aux[h]
                    && !other_aux[h]
                    && cues
                        .of_word(tokens[h].span.of(text))
                        .is_none_or(|(class, _)| class == CueClass::Expectation) =>
            {
                Governor::Present
            }
            _ => Governor::Other,
        })
        .collect();
    (0..n)
        .map(|k| {
            let mut date = k;
            while let Some(j) = tokens[date]
                .head
                .filter(|&j| j > date && j <= k + 3 && case[date].is_none())
            {
                date = j;
            }
            match (tokens[date].head, case[date]) {
                (Some(j), None) => tense[j],
                (Some(j), Some(Mark::Endpoint)) if had[j] => Governor::Past,
                // "Tuesday's declaration" is past under "follows", as under "criticized".
                (Some(j), Some(Mark::Possessive)) => match tokens[j].head.map(|h| tense[h]) {
                    Some(Governor::Past) => Governor::Past,
                    _ => Governor::Other,
                },
                _ => Governor::Other,
            }
        })
        .collect()
}

/// A bare month name keeps the reading the document first gave it
/// ("wait for November" … "the November results"), unless its own verb is
/// a finite past (`own_past`): "bought RJR in February" is last February
/// even after "due in February".
fn keep_first_month_reading(out: &mut [TimeExpr], own_past: &[bool], text: &str) {
    let mut months: Vec<(String, String)> = Vec::new();
    for (t, &own_past) in out.iter_mut().zip(own_past) {
        let surface = t.span.of(text);
        if month_of(surface).is_none() || surface.contains(' ') {
            continue;
        }
        let Some(value) = t.value.clone() else {
            continue;
        };
        let key = surface.to_lowercase();
        match months.iter().find(|(k, _)| *k == key) {
            Some(_) if own_past => {}
            Some((_, first)) => t.value = Some(first.clone()),
            None => months.push((key, value)),
        }
    }
}

/// A sentence as the rules read it: its tokens, "3-8pm" cut at the dash,
/// and their lower-cased words.
struct Sentence<'t> {
    text: &'t str,
    toks: Vec<Span>,
    /// Each token's Penn tag, when the tagger ran.
    tags: Vec<Option<Xpos>>,
    /// The tense of the verb each token hangs from (`governors`).
    governors: Vec<Governor>,
    words: &'t [String],
    /// Where its expressions start in `Reading::out`.
    first: usize,
}

/// An expression as found, its value still typed.
struct Expr {
    span: Span,
    ty: TimeType,
    value: Option<Timex>,
    /// Whether it hangs from a verb in a finite past (`Governor::Past`).
    past_governed: bool,
}

/// A document being read: the expressions found so far and what they said
/// that later ones are resolved by.
struct Reading {
    anchor: Option<i64>,
    now: Option<i64>,
    out: Vec<Expr>,
    /// The last explicit year mentioned, for "two years later".
    last_year: Option<i64>,
    /// The quarter publication falls in.
    current_quarter: Option<(i64, i64)>,
    /// The quarter a financial report is about, for "the latest quarter"
    /// and "year-earlier": the last one named that had ended by publication,
    /// at first the last one to have ended.
    quarter: Option<(i64, i64)>,
    /// Whether the text has named a quarter: then "a year ago" is that quarter a year before.
    quarter_named: bool,
}

/// An expression found at a word, its extent and value still growing.
struct Growing {
    /// One past its last token.
    end: usize,
    ty: TimeType,
    value: Option<Timex>,
    /// The year it says explicitly.
    year: Option<i64>,
}

impl Reading {
    fn new(published: Option<&str>) -> Reading {
        let anchor = parse_anchor(published);
        let current_quarter = anchor.map(quarter_of);
        let quarter = current_quarter.map(|(y, q)| if q == 1 { (y - 1, 4) } else { (y, q - 1) });
        Reading {
            anchor,
            now: parse_now(published),
            out: Vec::new(),
            last_year: None,
            current_quarter,
            quarter,
            quarter_named: false,
        }
    }

    fn frame(&self, future: bool, told: bool, governor: Governor, ahead: bool) -> Frame {
        let quarters = Quarters {
            reference: self.quarter,
            named: self.quarter.filter(|_| self.quarter_named),
        };
        Frame {
            anchor: self.anchor,
            future,
            told,
            past_governor: governor == Governor::Past,
            weekday_ahead: ahead || governor == Governor::Present,
            last_year: self.last_year,
            quarters,
            now: self.now,
        }
    }

    fn sentence(&mut self, s: &Sentence) {
        let future = future_tense(s.words);
        let tenses = tense_at_each(s.words, &s.tags);
        let mut i = 0;
        let mut consumed = 0; // tokens before this belong to earlier expressions
                              // The last date found whose year was not said, and where it ended.
        let mut yearless: Option<(usize, usize)> = None;
        while i < s.toks.len() {
            let frame = self.frame(
                tenses[i].unwrap_or(future),
                tenses[i].is_some() || future,
                s.governors[i],
                deadline(s.words, i, consumed) && s.governors[i] != Governor::Past,
            );
            if let Some(end) = self.clock_range(s, i, consumed, frame) {
                i = end;
                consumed = end;
                continue;
            }
            match expression(s.words, &s.toks, s.text, i, frame) {
                Some((len, ty, ..))
                    if (ty == TimeType::Duration
                        && (age_or_rate(s.words, i, len) || programme_name(s, i, len)))
                        || title(s, i, len) =>
                {
                    i += len;
                    consumed = i;
                }
                Some(found) => {
                    let end = self.take(s, i, consumed, &mut yearless, found);
                    i = end;
                    consumed = end;
                }
                None => i += 1,
            }
        }
    }

    /// A span of clock times at word `i`, "from 10:30 to 3 on 1/1/2015":
    /// its two ends, each on the day said before or after it. Where it ends.
    fn clock_range(
        &mut self,
        s: &Sentence,
        i: usize,
        consumed: usize,
        frame: Frame,
    ) -> Option<usize> {
        let (words, toks, text, out) = (s.words, &s.toks, s.text, &mut self.out);
        let range = clock_range(words, i)?;
        let skip = usize::from(matches!(
            words.get(i + range.len).map(String::as_str),
            Some("on" | "of" | ",")
        ));
        let after = expression(words, toks, text, i + range.len + skip, frame).and_then(
            |(len, _, v, _)| {
                let (day, part) = v?.day_and_part()?;
                Some((
                    len,
                    (
                        day,
                        part.or_else(|| tonight(&words[i + range.len + skip + len - 1])),
                    ),
                ))
            },
        );
        // The day just found, right before or across "at", "on" or ",".
        let gap = i
            .checked_sub(1)
            .filter(|&g| g >= consumed && matches!(words[g].as_str(), "at" | "on" | ","))
            .map_or(0, |_| 1);
        let before = (out.len() > s.first && consumed + gap == i)
            .then(|| {
                out.last().and_then(|t: &Expr| {
                    let (day, part) = t.value.as_ref()?.day_and_part()?;
                    Some((
                        day,
                        part.or_else(|| tonight(&t.span.of(text).to_lowercase())),
                    ))
                })
            })
            .flatten();
        if !(range.evidence || after.is_some() || before.is_some()) {
            return None;
        }
        let (day, part) = match (&after, &before) {
            (Some((_, (d, p))), _) => (Some(*d), p.or(range.part)),
            (None, Some((d, p))) => (Some(*d), p.or(range.part)),
            (None, None) => (self.anchor.map(day_of), range.part),
        };
        let ((h0, m0, s0), (h1, m1, s1)) = settle_meridiem(&range, part);
        let first_start = if before.is_some() {
            out.pop().map(|t| t.span.start)
        } else {
            None
        };
        let a_start = i + range.intro;
        let end = i + range.len + after.as_ref().map_or(0, |(len, _)| skip + len);
        out.push(Expr {
            span: Span::new(
                first_start.unwrap_or(toks[a_start].start),
                toks[a_start + range.first_len - 1].end,
            ),
            ty: TimeType::Time,
            value: day.map(|d| Timex::Clock(d, h0, m0, s0)),
            past_governed: false,
        });
        out.push(Expr {
            span: Span::new(toks[range.second].start, toks[end - 1].end),
            ty: TimeType::Time,
            value: day.map(|d| Timex::Clock(d, h1, m1, s1)),
            past_governed: false,
        });
        Some(end)
    }

    /// Takes the expression the rules found at word `i`, with what TimeML
    /// keeps around it; where it ends.
    fn take(
        &mut self,
        s: &Sentence,
        i: usize,
        consumed: usize,
        yearless: &mut Option<(usize, usize)>,
        (len, ty, value, year): Typed,
    ) -> usize {
        let words = s.words;
        let mut e = Growing {
            end: i + len,
            ty,
            value,
            year,
        };
        year_said_after(words, &mut e);
        self.give_year_to_range_start(words, i, *yearless, &e);
        if let Some(y) = e.year {
            self.last_year = Some(y);
        }
        let named = words[i..e.end]
            .iter()
            .any(|w| quarter_ordinal(w.split('-').next().unwrap_or("")).is_some());
        if let Some(q) = e
            .value
            .as_ref()
            .and_then(Timex::quarter)
            .filter(|&q| named && self.current_quarter.is_none_or(|now| q < now))
        {
            self.quarter = Some(q);
            self.quarter_named = true;
        }
        let first = extent_start(words, i, consumed, &e);
        or_so_after(words, &mut e);
        part_of_day_after(words, &mut e);
        clock_after(words, &mut e);
        year_after_clock(words, &mut e);
        *yearless = (e.year.is_none() && e.value.as_ref().is_some_and(Timex::lacks_year))
            .then_some((self.out.len(), e.end));
        self.out.push(Expr {
            span: Span::new(s.toks[first].start, s.toks[e.end - 1].end),
            ty: e.ty,
            value: e.value,
            past_governed: s.governors[i] == Governor::Past,
        });
        e.end
    }

    /// "26 june to 28 june in 2020", "from April to June 2017": the first
    /// end of a range takes the year of the second.
    fn give_year_to_range_start(
        &mut self,
        words: &[String],
        i: usize,
        yearless: Option<(usize, usize)>,
        e: &Growing,
    ) {
        let (Some(y), Some((k, prev_end))) = (e.year, yearless) else {
            return;
        };
        let between: Vec<&str> = words[prev_end..i].iter().map(String::as_str).collect();
        let linked = matches!(
            between.as_slice(),
            ["-" | "–" | "~" | "to" | "until" | "till" | "through" | "and"]
        );
        if linked && k + 1 == self.out.len() {
            let (this, prev) = (
                e.value.as_ref().and_then(Timex::month),
                self.out[k].value.as_ref().and_then(Timex::month),
            );
            // "Nov - Feb 2017" starts in 2016.
            let y = if let (Some(a), Some(b)) = (prev, this) {
                if a > b {
                    y - 1
                } else {
                    y
                }
            } else {
                y
            };
            self.out[k].value = self.out[k].value.as_ref().and_then(|v| v.with_year(y));
        }
    }
}

/// Whether the deictic expression at word `i` (`len` words) is a name in
/// title case, a programme or a column ("ABC's This Week", "VOA Today",
/// "The Tonight Show"): every word capitalised, and more than one word or
/// the one word after another word, where no sentence starts.
fn title(s: &Sentence, i: usize, len: usize) -> bool {
    if !matches!(s.words[i].as_str(), "this" | "today" | "tonight") {
        return false;
    }
    let capital = |k: usize| s.toks[k].of(s.text).starts_with(char::is_uppercase);
    let mid_sentence = i > 0 && s.words[i - 1].starts_with(char::is_alphanumeric);
    (i..i + len).all(capital) && (len > 1 || mid_sentence)
}

/// Whether the duration read at word `i` (`len` words) is a name: a figure
/// and a unit in capitals inside a sentence ("CBS's 60 Minutes").
fn programme_name(s: &Sentence, i: usize, len: usize) -> bool {
    let figures = s.words[i].bytes().all(|b| b.is_ascii_digit());
    let unit = s.toks[i + 1..i + len]
        .iter()
        .any(|t| t.of(s.text).starts_with(char::is_uppercase));
    i > 0 && len == 2 && figures && unit
}

/// Whether the duration read at word `i` (`len` words) measures no time
/// TimeML marks: an age ("52 years old") or the period of a rate, a count
/// or an amount "a week" ("700 seats a week", "$2 million a year").
fn age_or_rate(words: &[String], i: usize, len: usize) -> bool {
    let at = |k: usize| words.get(k).map(String::as_str).unwrap_or("");
    if at(i + len) == "old" {
        return true;
    }
    let figure = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_digit())
            || number_word(w).is_some_and(|n| n > 1)
            || matches!(
                w,
                "hundred" | "thousand" | "million" | "billion" | "trillion"
            )
    };
    let per_unit = len == 2 && matches!(at(i), "a" | "an" | "per") && unit_of(at(i + 1)).is_some();
    let counted = i > 0
        && (figure(at(i - 1))
            || (i > 1 && at(i - 1).len() > 3 && at(i - 1).ends_with('s') && figure(at(i - 2))));
    per_unit && counted
}

/// "28 june in 2020", "5/7, 2020": the year said after the day.
fn year_said_after(words: &[String], e: &mut Growing) {
    if e.year.is_none()
        && e.value.as_ref().is_some_and(Timex::lacks_year)
        && matches!(words.get(e.end).map(String::as_str), Some("in" | ","))
    {
        if let Some(y) = words.get(e.end + 1).and_then(|w| year_number(w)) {
            e.value = e.value.take().and_then(|v| v.with_year(y));
            e.year = Some(y);
            e.end += 2;
        }
    }
}

/// Where the extent of the expression found at word `i` starts: TimeML
/// extents take modifiers, "the first nine months", "late November",
/// "earlier this year".
fn extent_start(words: &[String], i: usize, consumed: usize, e: &Growing) -> usize {
    let mut first = i;
    // An adjective ("a 30-day wait") leaves its article outside.
    let adjective = e.ty == TimeType::Duration
        && ((e.end - i == 1 && words[i].contains('-'))
            || (e.end - i == 2 && singular_unit_after_count(&words[i..e.end])));
    // "Earlier [Friday]", "late [Monday]": a weekday named in full leaves
    // the word that places the event within it outside (TempEval's AQUAINT
    // does so throughout; a month keeps it, "late November").
    let weekday = weekday_of(&words[i]).is_some_and(|(_, full)| full);
    while first > consumed
        && is_modifier(&words[first - 1], e.ty)
        && !(adjective && matches!(words[first - 1].as_str(), "the" | "a" | "an"))
        && !(weekday && within_day(&words[first - 1]))
    {
        first -= 1;
    }
    first - leading_phrase(&words[consumed..first], &words[first..e.end], e.ty)
}

/// "early", "earlier", "late", "later": where within a time an event falls.
fn within_day(w: &str) -> bool {
    matches!(w, "early" | "earlier" | "late" | "later")
}

/// "two day", "three year" (a count above one with a singular unit): a
/// duration said as an adjective, like "two-day".
fn singular_unit_after_count(expr: &[String]) -> bool {
    let [count, unit] = expr else {
        return false;
    };
    number_word(count).is_some_and(|n| n > 1) && !unit.ends_with('s') && unit_of(unit).is_some()
}

/// "the next year or so", "two weeks or so": TimeML keeps the approximation.
fn or_so_after(words: &[String], e: &mut Growing) {
    if words.get(e.end).is_some_and(|w| w == "or")
        && words.get(e.end + 1).is_some_and(|w| w == "so")
    {
        e.end += 2;
    }
}

/// A part of the day after a day: "Wednesday night", "Sunday early
/// morning", "Tuesday in the morning".
fn part_of_day_after(words: &[String], e: &mut Growing) {
    let Some(Timex::Day(day, None)) = e.value.as_ref().filter(|_| e.ty == TimeType::Date) else {
        return;
    };
    let day = *day;
    let end = e.end;
    let in_the =
        words.get(end).is_some_and(|w| w == "in") && words.get(end + 1).is_some_and(|w| w == "the");
    let edge = if in_the {
        2
    } else {
        usize::from(matches!(
            words.get(end).map(String::as_str),
            Some("early" | "late")
        ))
    };
    // "today pm", "tomorrow am": the half of the day.
    let half = |w: &String| match w.as_str() {
        "am" | "a.m." => Some("MO"),
        "pm" | "p.m." => Some("AF"),
        _ => None,
    };
    if let Some(code) = words
        .get(end + edge)
        .and_then(|w| part_of_day(w).or_else(|| half(w).filter(|_| edge == 0)))
    {
        e.end += edge + 1;
        e.ty = TimeType::Time;
        e.value = Some(Timex::Day(day, Some(code)));
    }
}

/// A clock time after a day: "today at 8.30pm", "tomorrow 4:30pm", "every
/// Monday at 4pm", "Wednesday evening at 7".
fn clock_after(words: &[String], e: &mut Growing) {
    let Some((day, part)) = e.value.as_ref().and_then(Timex::day_and_part) else {
        return;
    };
    let part = part.or_else(|| tonight(&words[e.end - 1]));
    if let Some((hour, minute, second, len)) = clock_after_day(words, e.end, part) {
        e.value = Some(Timex::Clock(day, hour, minute, second));
        if e.ty != TimeType::Set {
            e.ty = TimeType::Time;
        }
        e.end += len;
    }
}

/// "Wed Oct 26 15:50:06 2016": the year after the clock time.
fn year_after_clock(words: &[String], e: &mut Growing) {
    if e.year.is_some() || e.ty != TimeType::Time {
        return;
    }
    let Some(in_year) = e.value.as_ref().filter(|v| v.timed_in_year(0).is_some()) else {
        return;
    };
    if let Some(y) = words.get(e.end).and_then(|w| year_number(w)) {
        e.value = in_year.timed_in_year(y);
        e.year = Some(y);
        e.end += 1;
    }
}

/// What a rule reads: (words, type, value as written, the year it says).
type Found = (usize, TimeType, Option<String>, Option<i64>);

/// An expression as the rules hand it on, its value typed.
type Typed = (usize, TimeType, Option<Timex>, Option<i64>);

/// The tokens of a sentence, with "3-8pm", "2014-2018" and "5/1-5/7" cut at
/// the dash between two clock times, years or dates, so that each end is
/// found on its own. A date written with dashes ("2019-08-01") stays whole.
fn split_ranges(
    tokens: impl Iterator<Item = (Span, Option<Xpos>)>,
    text: &str,
    anchor: Option<i64>,
) -> (Vec<Span>, Vec<Option<Xpos>>) {
    let (mut out, mut tags) = (Vec::new(), Vec::new());
    for (t, tag) in tokens {
        let raw = t.of(text);
        // Most tokens are no range: look only at figures with a dash in them.
        if !raw.starts_with(|c: char| c.is_ascii_alphanumeric()) || !raw.contains(['-', '–', '~'])
        {
            out.push(t);
            tags.push(tag);
            continue;
        }
        let word = raw.to_lowercase();
        match range_dash(&word, anchor) {
            // Lowercasing keeps these ASCII offsets; the pieces keep the token's tag.
            Some((p, dash)) if word.len() == t.end - t.start => {
                out.push(Span::new(t.start, t.start + p));
                out.push(Span::new(t.start + p, t.start + p + dash));
                out.push(Span::new(t.start + p + dash, t.end));
                tags.extend([tag; 3]);
            }
            _ => {
                out.push(t);
                tags.push(tag);
            }
        }
    }
    (out, tags)
}

/// Where `word` is cut as a range, and the dash's length.
fn range_dash(word: &str, anchor: Option<i64>) -> Option<(usize, usize)> {
    if !word.contains(['-', '–', '~']) || numeric_date(word, anchor, true).is_some() {
        return None;
    }
    // "nov-feb", "june-august", "dec/2018-may/2019"
    let month_like = |x: &str| {
        month_of(x).is_some() || (x.contains('/') && numeric_date(x, anchor, true).is_some())
    };
    if word.starts_with(|c: char| c.is_ascii_alphabetic()) {
        let (p, c) = word
            .char_indices()
            .find(|(_, c)| matches!(c, '-' | '–' | '~'))?;
        let (left, right) = (&word[..p], &word[p + c.len_utf8()..]);
        return (month_like(left) && month_like(right)).then_some((p, c.len_utf8()));
    }
    // A clock time or a year: "8", "10am", "9.30", "0730", "2014".
    let clock_like = |x: &str| {
        let digits = x
            .bytes()
            .take_while(|b| b.is_ascii_digit() || matches!(b, b':' | b'.'))
            .count();
        digits > 0
            && matches!(&x[digits..], "" | "am" | "pm" | "a.m." | "p.m." | "a" | "p")
            && x[..digits]
                .split([':', '.'])
                .all(|p| (1..=4).contains(&p.len()))
    };
    word.char_indices()
        .filter(|(_, c)| matches!(c, '-' | '–' | '~'))
        .find_map(|(p, c)| {
            let (left, right) = (&word[..p], &word[p + c.len_utf8()..]);
            let dates = numeric_date(left, anchor, true).is_some()
                && (numeric_date(right, anchor, true).is_some()
                    || right.parse::<i64>().is_ok_and(|d| (1..=31).contains(&d)));
            // Two years, or two clock times; "32-2015" is neither.
            let year = |x: &str| year_number(x).is_some();
            let hour = |x: &str| {
                x.bytes().take_while(u8::is_ascii_digit).count() <= 2
                    && x.bytes()
                        .take_while(u8::is_ascii_digit)
                        .fold(0u32, |n, b| n * 10 + u32::from(b - b'0'))
                        <= 24
            };
            let same_kind = (year(left) && year(right))
                || (clock_like(left)
                    && clock_like(right)
                    && (hour(left) || left.len() == 4 && !year(left))
                    && (hour(right) || right.len() == 4 && !year(right)));
            (dates || same_kind).then_some((p, c.len_utf8()))
        })
}

/// How many words before an expression belong to it in TimeML: "the end
/// of 1990", "nearly two years", "more than four decades ago" (the
/// `attach` rows of `data/en/time-modifiers.tsv`), "the late 1970s".
fn leading_phrase(before: &[String], expr: &[String], ty: TimeType) -> usize {
    let n = before.len();
    let ends = |tail: &[&str]| {
        n >= tail.len()
            && before[n - tail.len()..]
                .iter()
                .zip(tail)
                .all(|(a, b)| a == b)
    };
    let first = expr.first().map(String::as_str).unwrap_or("");
    let bound = modifier::attached(before, ty, expr.last().is_some_and(|w| w == "ago"));
    if bound > 0 {
        return bound;
    }
    let decade = first.ends_with("0s")
        || first.ends_with("0's")
        || first.starts_with("mid-")
        || first.starts_with(['\'', '\u{2019}'])
        || expr
            .get(1)
            .is_some_and(|w| matches!(w.as_str(), "'s" | "\u{2019}s"))
        || expr.last().is_some_and(|w| w == "century");
    // "the year two thousand", "the year 2000".
    let year = first.parse::<i64>().is_ok() || number_word(first).is_some();
    if ty == TimeType::Date && ends(&["the", "year"]) && year {
        return 2;
    }
    if ty == TimeType::Date
        && ends(&["the"])
        && (decade
            || matches!(
                first,
                "last"
                    | "past"
                    | "previous"
                    | "next"
                    | "following"
                    | "coming"
                    | "upcoming"
                    | "early"
                    | "late"
            ))
    {
        return 1;
    }
    // "this coming Sunday", "this coming Sunday, March 8": the words that
    // pick the day are kept.
    if ty == TimeType::Date {
        let weekday_after =
            first == "coming" && expr.get(1).is_some_and(|w| weekday_of(w).is_some());
        if weekday_of(first).is_some() && ends(&["this", "coming"]) {
            return 2;
        }
        if (weekday_of(first).is_some() && ends(&["coming"])) || (weekday_after && ends(&["this"]))
        {
            return 1;
        }
    }
    0
}

/// Words TimeML keeps inside an expression when they precede it.
fn is_modifier(w: &str, ty: TimeType) -> bool {
    matches!(w, "early" | "late" | "mid" | "earlier" | "later" | "fiscal")
        || (ty == TimeType::Duration
            && matches!(
                w,
                "the" | "past" | "last" | "first" | "next" | "coming" | "previous" | "recent"
            ))
}

fn part_of_day(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" => "MO",
        "daytime" => "DT",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" | "tonight" => "NI",
        _ => return None,
    })
}

fn season(w: &str) -> Option<&'static str> {
    Some(match w {
        "spring" => "SP",
        "summer" => "SU",
        "fall" | "autumn" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_core::{BlockId, Sentence, Source, SourceFormat, Token};

    /// The times `recognise` finds in one sentence, words split at spaces:
    /// (surface, value).
    fn times(text: &str, published: &str) -> Vec<(String, String)> {
        tagged_times(text, &[], published)
    }

    /// As [`times`], the words carrying the Penn tags given (as many as the
    /// words, or none).
    fn tagged_times(text: &str, tags: &[&str], published: &str) -> Vec<(String, String)> {
        read_tokens(text, published, |k| {
            (tags.get(k).map(|t| t.parse().unwrap()), None, None)
        })
    }

    /// The values of the times of a parsed sentence, its parse given word
    /// by word as "tag/head/relation" ("-" the root's head).
    fn parsed_times(text: &str, parse: &str, published: &str) -> Vec<String> {
        let words: Vec<Vec<&str>> = parse.split(' ').map(|p| p.split('/').collect()).collect();
        read_tokens(text, published, |k| {
            (
                Some(words[k][0].parse().unwrap()),
                words[k][1].parse().ok(),
                Some(words[k][2].parse().unwrap()),
            )
        })
        .into_iter()
        .map(|(_, value)| value)
        .collect()
    }

    /// The times `recognise` finds in one sentence, words split at spaces,
    /// each word's tag, head and relation given by `parse`: (surface, value).
    fn read_tokens(
        text: &str,
        published: &str,
        parse: impl Fn(usize) -> (Option<Xpos>, Option<usize>, Option<Dep>),
    ) -> Vec<(String, String)> {
        recognised(text, published, parse)
            .times
            .iter()
            .map(|t| {
                (
                    t.span.of(text).to_string(),
                    t.value.clone().unwrap_or_default(),
                )
            })
            .collect()
    }

    /// One sentence, words split at spaces and parsed by `parse`, after `recognise`.
    fn recognised(
        text: &str,
        published: &str,
        parse: impl Fn(usize) -> (Option<Xpos>, Option<usize>, Option<Dep>),
    ) -> Document {
        let mut doc = Document::new(
            text.to_string(),
            Source {
                uri: None,
                format: SourceFormat::Text,
                record: None,
            },
        );
        doc.published = Some(published.to_string());
        let mut at = 0;
        for (k, w) in text.split(' ').enumerate() {
            let mut token = Token::new(Span::new(at, at + w.len()));
            (token.tag, token.head, token.dep) = parse(k);
            doc.tokens.push(token);
            at += w.len() + 1;
        }
        doc.sentences.push(Sentence {
            span: Span::new(0, text.len()),
            block: BlockId::new(0),
            tokens: (0, doc.tokens.len()),
        });
        recognise(&mut doc);
        doc
    }

    /// Every row of `data/en/time-modifiers.tsv` gives its mod to an
    /// expression of its example that opens with its words.
    #[test]
    fn modifier_examples_read_as_written() {
        for (words, expected, example) in modifier::examples() {
            let text = example.trim_end_matches('.');
            let doc = recognised(text, "2000-01-10", |_| (None, None, None));
            let found: Vec<_> = doc
                .times
                .iter()
                .map(|t| (t.span.of(text), t.modifier))
                .collect();
            let opens = |surface: &str| match modifier::closing_words(words) {
                Some(closing) => surface.to_lowercase().ends_with(closing),
                None => surface.to_lowercase().starts_with(words),
            };
            assert!(
                found
                    .iter()
                    .any(|&(surface, m)| opens(surface) && m == Some(expected)),
                "{example}: expected {expected} on an expression opening with {words:?}, found {found:?}"
            );
        }
    }

    /// A month without a year that hangs from a verb in a finite past is
    /// not read months ahead; one under an adjective, a future, a bare
    /// participle or "until" keeps the nearest reading (2020 here).
    #[test]
    fn a_past_governing_verb_rules_out_a_month_well_ahead() {
        for (phrase, parse, expected) in [
            (
                "KKR bought RJR in February",
                "NNP/1/nsubj VBD/-/root NNP/1/obj IN/4/case NNP/1/obl",
                "2019-02",
            ),
            // "Jan." hangs from "31", which hangs from the verb.
            (
                "the offer ended Jan. 31",
                "DT/1/det NN/2/nsubj VBD/-/root NNP/4/compound CD/2/obl",
                "2019-01-31",
            ),
            (
                "it was put in February",
                "PRP/2/nsubj VBD/2/aux VBN/-/root IN/4/case NNP/2/obl",
                "2019-02",
            ),
            (
                "it declared a dividend , payable Feb. 15",
                "PRP/1/nsubj VBD/-/root DT/3/det NN/1/obj ,/5/punct JJ/3/amod NNP/5/obl CD/6/nummod",
                "2020-02-15",
            ),
            (
                "it will be paid in February",
                "PRP/3/nsubj MD/3/aux VB/3/aux VBN/-/root IN/5/case NNP/3/obl",
                "2020-02",
            ),
            (
                "it would have ended in February",
                "PRP/3/nsubj MD/3/aux VB/3/aux VBN/-/root IN/5/case NNP/3/obl",
                "2020-02",
            ),
            (
                "funded in February",
                "VBN/-/root IN/2/case NNP/0/obl",
                "2020-02",
            ),
            (
                "it was put until February",
                "PRP/2/nsubj VBD/2/aux VBN/-/root IN/4/case NNP/2/obl",
                "2020-02",
            ),
            // The tagger's participle with a subject is a finite past.
            (
                "KKR bought RJR in February",
                "NNP/1/nsubj VBN/-/root NNP/1/obj IN/4/case NNP/1/obl",
                "2019-02",
            ),
            // A month just past is read as it was without the parse.
            (
                "KKR bought RJR in October",
                "NNP/1/nsubj VBD/-/root NNP/1/obj IN/4/case NNP/1/obl",
                "2019-10",
            ),
        ] {
            assert_eq!(parsed_times(phrase, parse, "2019-11-02"), [expected], "{phrase}");
        }
    }

    /// A month under its own finite past keeps its reading though the
    /// document read the same month ahead before.
    #[test]
    fn a_past_governed_month_keeps_its_own_reading() {
        let phrase = "the vote will be in February ; KKR bought RJR in February";
        let parse = "DT/1/det NN/5/nsubj MD/5/aux VB/5/cop IN/5/case NNP/-/root :/8/punct \
                     NNP/8/nsubj VBD/5/parataxis NNP/8/obj IN/11/case NNP/8/obl";
        assert_eq!(
            parsed_times(phrase, parse, "2019-11-02"),
            ["2020-02", "2019-02"]
        );
    }

    /// A weekday under a plain present of an act is still to come; under
    /// a verb of saying, or after "since", it takes the tense words' side
    /// (the past by default). Read on Tuesday 5 November 2019.
    #[test]
    fn a_present_governing_verb_reads_a_weekday_ahead() {
        for (phrase, parse, expected) in [
            (
                "the council votes Thursday",
                "DT/1/det NN/2/nsubj VBZ/-/root NNP/2/obl",
                "2019-11-07",
            ),
            (
                "they meet separately Monday",
                "PRP/1/nsubj VBP/-/root RB/1/advmod NNP/1/obl",
                "2019-11-11",
            ),
            (
                "the minister says Thursday",
                "DT/1/det NN/2/nsubj VBZ/-/root NNP/2/obl",
                "2019-10-31",
            ),
            (
                "shares trade higher since Thursday",
                "NNS/1/nsubj VBP/-/root JJR/1/advmod IN/4/case NNP/1/obl",
                "2019-10-31",
            ),
            (
                "the firm sold shares Thursday",
                "DT/1/det NN/2/nsubj VBD/-/root NNS/2/obj NNP/2/obl",
                "2019-10-31",
            ),
        ] {
            assert_eq!(
                parsed_times(phrase, parse, "2019-11-05"),
                [expected],
                "{phrase}"
            );
        }
    }

    /// A weekday right after "until" is a deadline still to come, whatever
    /// the verb's tense; one that ends a span of two days keeps the span's
    /// side. Read on Monday 3 April 2017.
    #[test]
    fn a_deadline_weekday_is_ahead() {
        for (phrase, expected) in [
            (
                "the agency extended its deadline until Tuesday",
                vec!["2017-04-04"],
            ),
            (
                "they were given until 9 a.m. Tuesday",
                vec!["2017-04-04T09:00"],
            ),
            (
                "the talks ran from Wednesday until Friday",
                vec!["2017-03-29", "2017-03-31"],
            ),
        ] {
            let values: Vec<String> = times(phrase, "2017-04-03")
                .into_iter()
                .map(|(_, v)| v)
                .collect();
            assert_eq!(values, expected, "{phrase}");
        }
    }

    /// What `recognise` adds around the rules' expressions, one example each:
    /// (phrase, expected times), read on Monday 7 November 2016 at 16:12.
    #[test]
    fn recognise_extends_and_links_expressions() {
        for (phrase, expected) in [
            // A span of clock times, each end on the day said after it.
            (
                "open from 10:30 to 3 on 1/1/2015",
                &[
                    ("10:30", "2015-01-01T10:30"),
                    ("3 on 1/1/2015", "2015-01-01T15:00"),
                ][..],
            ),
            // The year said after the day; the first end of a range takes it.
            (
                "from 26 june to 28 june in 2020",
                &[("26 june", "2020-06-26"), ("28 june in 2020", "2020-06-28")],
            ),
            // Modifiers and leading words TimeML keeps in the extent.
            (
                "by late November and the end of 1990",
                &[("late November", "2016-11"), ("the end of 1990", "1990")],
            ),
            // A part of the day, and a clock time, after a day.
            (
                "met Wednesday night",
                &[("Wednesday night", "2016-11-02TNI")],
            ),
            (
                "back today at 8.30pm",
                &[("today at 8.30pm", "2016-11-07T20:30")],
            ),
            // "the coming week" is the next one; "this coming" picks a day.
            (
                "talks in the coming week , this coming Sunday , November 13 and this coming Sunday",
                &[
                    ("the coming week", "2016-W46"),
                    ("this coming Sunday , November 13", "2016-11-13"),
                    ("this coming Sunday", "2016-11-13"),
                ],
            ),
            // "the year" before a year is part of it.
            (
                "by the year two thousand",
                &[("the year two thousand", "2000")],
            ),
            // The year after a clock time.
            (
                "sent Wed Oct 26 15:50:06 2016",
                &[("Wed Oct 26 15:50:06 2016", "2016-10-26T15:50:06")],
            ),
            // A count with a singular unit is an adjective, like "two-day":
            // its article stays outside.
            ("for the two day rally", &[("two day", "P2D")]),
            ("for the two days", &[("the two days", "P2D")]),
            // A weekday leaves "earlier" or "late" outside; a month keeps it.
            (
                "earlier Friday , and late Monday morning , not early December",
                &[
                    ("Friday", "2016-11-04"),
                    ("Monday morning", "2016-11-07TMO"),
                    ("early December", "2016-12"),
                ],
            ),
            // A figure and a unit in capitals are a name.
            ("watched 60 Minutes for 60 minutes", &[("60 minutes", "PT60M")]),
            // A deictic word in title case is a name, not a time.
            (
                "he told Today . speaking on \"This Week\" , he said this week",
                &[("this week", "2016-W45")],
            ),
        ] {
            let found = times(phrase, "2016-11-07T16:12:00");
            let expected: Vec<(String, String)> = expected
                .iter()
                .map(|(s, v)| (s.to_string(), v.to_string()))
                .collect();
            assert_eq!(found, expected, "{phrase}");
        }
        // A bare month keeps the reading the document first gave it.
        let found = times(
            "they wait for November . the November results",
            "2016-11-07",
        );
        assert_eq!(
            found.iter().map(|(_, v)| v.as_str()).collect::<Vec<_>>(),
            ["2016-11", "2016-11"]
        );
    }

    /// A date without a year said in the future tense is sought ahead, even
    /// where the nearest reading is behind; a participle after "be" is a
    /// passive, not a past ("will be published"). Read on Monday 7 November 2016.
    #[test]
    fn future_tense_picks_the_year_and_the_week() {
        for (phrase, surface, value) in [
            ("the vote will be held in August", "August", "2017-08"),
            (
                "the plant would reopen on August 20",
                "August 20",
                "2017-08-20",
            ),
            (
                "the report will be published on Wednesday",
                "Wednesday",
                "2016-11-09",
            ),
            // Without a tense said, the nearest reading stands.
            ("the plant reopened on August 20", "August 20", "2016-08-20"),
        ] {
            let found = times(phrase, "2016-11-07");
            assert_eq!(
                found,
                [(surface.to_string(), value.to_string())],
                "{phrase}"
            );
        }
    }

    /// The tagger's word on a verb decides its tense where the spelling
    /// cannot: an irregular past outside the lexicon, an "-ed" that is no verb.
    #[test]
    fn tags_tell_the_tense() {
        let phrase = "the firm , which will appeal , swung to a loss Wednesday";
        let tags = [
            "DT", "NN", ",", "WDT", "MD", "VB", ",", "VBD", "TO", "DT", "NN", "NNP",
        ];
        assert_eq!(times(phrase, "2016-11-07")[0].1, "2016-11-09");
        assert_eq!(tagged_times(phrase, &tags, "2016-11-07")[0].1, "2016-11-02");
        let phrase = "the rally will go ahead with armed guards Wednesday";
        let tags = ["DT", "NN", "MD", "VB", "RB", "IN", "JJ", "NNS", "NNP"];
        assert_eq!(times(phrase, "2016-11-07")[0].1, "2016-11-02");
        assert_eq!(tagged_times(phrase, &tags, "2016-11-07")[0].1, "2016-11-09");
        // "expected to" looks ahead, whatever its tag.
        let phrase = "the firm expected to report Wednesday";
        let tags = ["DT", "NN", "VBD", "TO", "VB", "NNP"];
        assert_eq!(tagged_times(phrase, &tags, "2016-11-07")[0].1, "2016-11-09");
    }

    /// Ages and the periods of rates are no time expressions; a period
    /// after a verb still is.
    #[test]
    fn ages_and_rates_are_no_durations() {
        for phrase in [
            "children younger than six years old",
            "a boy , 15 months old",
            "it takes in 15,000 refugees a year",
            "700 seats a week",
        ] {
            assert_eq!(times(phrase, "2016-11-07"), [], "{phrase}");
        }
        assert_eq!(
            times("the talks lasted a year", "2016-11-07"),
            [("a year".to_string(), "P1Y".to_string())]
        );
        assert_eq!(
            times("kept alone 23 hours a day", "2016-11-07"),
            [("23 hours".to_string(), "PT23H".to_string())]
        );
    }

    #[test]
    fn calendar_arithmetic() {
        let d = days_from_civil(2024, 7, 10);
        assert_eq!(civil_from_days(d), (2024, 7, 10));
        assert_eq!(weekday(d), 2); // Wednesday
        assert_eq!(iso_week(d), (2024, 28));
        assert_eq!(resolve_weekday(d, 1, false), "2024-07-09"); // Tuesday before
        assert_eq!(resolve_weekday(d, 3, true), "2024-07-11"); // Thursday after
        assert_eq!(resolve_weekday(d, 0, false), "2024-07-08"); // Monday
        assert_eq!(shifted(d, -75, Unit::Year).unwrap(), "1949");
        assert_eq!(shifted(d, 2, Unit::Month).unwrap(), "2024-09");
        assert_eq!(shifted(d, -7, Unit::Month).unwrap(), "2023-12");
    }

    #[test]
    fn spelled_numbers_and_clock_times() {
        assert_eq!(number_word("forty-five"), Some(45));
        assert_eq!(number_word("Twenty"), Some(20));
        assert_eq!(number_word("nineteen"), Some(19));
        assert_eq!(number_word("twenty-ten"), None);
        let words = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        assert_eq!(clock(&words("10:30 p.m."), 0), Some((22, 30, 0, 2)));
        assert_eq!(clock(&words("12 a.m."), 0), Some((0, 0, 0, 2)));
        assert_eq!(clock(&words("noon"), 0), Some((12, 0, 0, 1)));
        assert_eq!(clock(&words("13 p.m."), 0), None);
        assert_eq!(clock(&words("8.30pm"), 0), Some((20, 30, 0, 1)));
        assert_eq!(clock(&words("7:56:30 pm"), 0), Some((19, 56, 30, 2)));
        assert_eq!(clock(&words("3 p . m ."), 0), Some((15, 0, 0, 5)));
        assert_eq!(clock(&words("10 o'clock"), 0), Some((10, 0, 0, 2)));
        assert_eq!(clock(&words("at 14:30"), 1), Some((14, 30, 0, 1)));
        assert_eq!(clock(&words("scored 14:30"), 1), None);
        assert_eq!(clock(&words("8.30 percent"), 0), None);
        assert_eq!(clock(&words("at half past seven"), 1), Some((7, 30, 0, 3)));
        assert_eq!(clock(&words("at quarter to eight"), 1), Some((7, 45, 0, 3)));
        assert_eq!(clock(&words("at 20 min past 8"), 1), Some((8, 20, 0, 4)));
        assert_eq!(clock(&words("half past the hour"), 0), None);
        assert_eq!(date(thanksgiving(1999)), "1999-11-25");
        let a = Some(days_from_civil(2016, 11, 7));
        let nd = |t: &str, introduced| numeric_date(t, a, introduced).map(|(v, _)| v);
        assert_eq!(nd("2019-08-01", false).as_deref(), Some("2019-08-01"));
        assert_eq!(nd("1/1/2015", false).as_deref(), Some("2015-01-01"));
        assert_eq!(nd("23/08/39", false).as_deref(), Some("1939-08-23"));
        assert_eq!(nd("23/sep/2020", false).as_deref(), Some("2020-09-23"));
        assert_eq!(nd("dec-2018", false).as_deref(), Some("2018-12"));
        assert_eq!(nd("nov/2", false).as_deref(), Some("2016-11-02"));
        assert_eq!(nd("22/04", true).as_deref(), Some("2016-04-22"));
        assert_eq!(nd("24/7", false), None);
        assert_eq!(nd("4-23", true), None);
        assert_eq!(nd("2015-16", false), None);
        assert_eq!(date(election_day(1998)), "1998-11-03");
        assert_eq!(date(election_day(2024)), "2024-11-05");
        assert_eq!(date(easter(2019)), "2019-04-21");
        assert_eq!(date(easter(2018)), "2018-04-01");
        assert_eq!(date(nth_weekday(2021, 5, 0, 5)), "2021-05-31"); // Memorial Day
        assert_eq!(date(nth_weekday(2021, 9, 0, 1)), "2021-09-06"); // Labor Day
    }
}
