//! Quantities: money with its ISO 4217 currency, percentages, ordinals and
//! counts with the counted noun, each with its qualifier ("nearly" →
//! about), range and rate ("every month" → P1M). Rules over tokens; years
//! and day numbers are left to the time recogniser.
//!
//! This file reads a sentence's figures into quantities (`token_quantity`,
//! `figure_quantity`, the counted noun and the rate); `numbers` reads the
//! numbers themselves, `money` the currencies, `bounds` qualifiers, ranges
//! and change.

use dossier_core::Upos;
use std::borrow::Cow;

use dossier_core::{Approx, Document, Quantity, QuantityKind, Span};

use crate::lexicon::{is_month_word, CARDINALS, ORDINALS, ORDINAL_TENS, TENS};

mod bounds;
mod money;
mod numbers;
use bounds::*;
use money::*;
use numbers::*;

/// Finds the quantities of every sentence and stores them on `doc`.
pub fn recognise(doc: &mut Document) {
    let text = doc.text();
    let mut found = Vec::new();
    for s in &doc.sentences {
        let toks: Vec<Span> = doc.tokens[s.tokens.0..s.tokens.1]
            .iter()
            .map(|t| t.span)
            .collect();
        let pos: Vec<Option<Upos>> = doc.tokens[s.tokens.0..s.tokens.1]
            .iter()
            .map(|t| t.pos)
            .collect();
        sentence(text, &toks, &pos, &mut found);
    }
    doc.quantities = found;
}

fn word(text: &str, t: Span) -> &str {
    t.of(text)
}

/// A figure alone: no upper end, rate or measured fact.
fn single(
    span: Span,
    kind: QuantityKind,
    value: Option<f64>,
    unit: Option<String>,
    approx: Approx,
) -> Quantity {
    Quantity {
        span,
        kind,
        value,
        upper: None,
        unit,
        approx,
        per: None,
        measures: None,
    }
}

/// The token lowercased; borrowed when it already is (most words), so the
/// per-token scan does not allocate.
fn lower<'a>(text: &'a str, t: Option<&Span>) -> Cow<'a, str> {
    t.map_or(Cow::Borrowed(""), |t| crate::lexicon::lower(t.of(text)))
}

/// Words that end a counted noun phrase.
fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "to" | "that"
            | "which"
            | "who"
            | "in"
            | "on"
            | "at"
            | "for"
            | "from"
            | "by"
            | "with"
            | "into"
            | "and"
            | "or"
            | "but"
            | "is"
            | "are"
            | "was"
            | "were"
            | "will"
            | "would"
            | "has"
            | "have"
            | "had"
            | "be"
            | "been"
            | "of"
            | "as"
            | "than"
            | "per"
            | "every"
            | "each"
            | "a"
            | "an"
            | "the"
            | "this"
            | "these"
            | "those"
            | "its"
            | "their"
            | "his"
            | "her"
            | "ago"
            | "later"
            | "earlier"
            | "since"
            | "over"
            | "under"
            | "after"
            | "before"
            | "during"
            | "while"
            | "when"
            | "if"
            | "because"
            | "so"
            | "not"
            | "no"
            | "plus"
            | "minus"
            | "times"
            | "equals"
    )
}

fn sentence(text: &str, toks: &[Span], pos: &[Option<Upos>], out: &mut Vec<Quantity>) {
    let first = out.len();
    bounded_figures(text, toks, pos, out);
    join_bounds(text, out, first);
    for q in &mut out[first..] {
        if is_age(text, toks, pos, q) {
            q.kind = QuantityKind::Measure;
            q.unit = Some("years".to_string());
        }
    }
}

/// "Shamima Begum, 19, wants to return": a bare whole number set off by
/// commas right after a name is the person's age, not a count.
fn is_age(text: &str, toks: &[Span], pos: &[Option<Upos>], q: &Quantity) -> bool {
    let Some(i) = toks.iter().position(|t| *t == q.span) else {
        return false;
    };
    let digits = word(text, toks[i]).bytes().all(|b| b.is_ascii_digit());
    q.kind == QuantityKind::Count
        && q.unit.is_none()
        && q.approx == Approx::Exact
        && q.value.is_some_and(|v| (1.0..=120.0).contains(&v))
        && digits
        && i >= 2
        && word(text, toks[i - 1]) == ","
        && pos[i - 2] == Some(Upos::Propn)
        && toks
            .get(i + 1)
            .is_none_or(|t| matches!(word(text, *t), "," | "." | ")" | ";"))
}

/// A quantity read from the token at `i` alone, or from a word that names
/// a rate or vague amount before its figure: where reading goes on.
fn token_quantity(
    text: &str,
    toks: &[Span],
    pos: &[Option<Upos>],
    i: usize,
    (w, lw): (&str, &str),
    out: &mut Vec<Quantity>,
) -> Option<usize> {
    // Vague amounts: "dozens of", "hundreds of", "thousands of"; scales
    // chain ("hundreds of thousands of refugees", "tens of thousands of
    // people"), the counted noun after the last.
    let vague = |w: &str| {
        matches!(
            w,
            "dozens" | "tens" | "hundreds" | "thousands" | "millions" | "scores"
        )
    };
    let of_at = |k: usize| toks.get(k).is_some_and(|t| word(text, *t) == "of");
    if vague(lw) && of_at(i + 1) {
        let mut last_scale = i;
        while vague(&lower(text, toks.get(last_scale + 2))) && of_at(last_scale + 3) {
            last_scale += 2;
        }
        let (unit, unit_end) = counted_noun(text, toks, pos, last_scale + 2);
        // "tens of thousands have fled": a scale counts nothing.
        let unit = unit.filter(|u| !vague(&u.to_lowercase()));
        let end = unit_end.unwrap_or(last_scale + 1);
        out.push(single(
            Span::new(toks[i].start, toks[end - 1].end),
            QuantityKind::Count,
            None,
            unit,
            Approx::Vague,
        ));
        return Some(end);
    }
    // "22,24,26,31", "three-nought-four": numbers listed in one token.
    if let Some(pieces) = listed_numbers(w) {
        for (from, to, v) in pieces {
            let span = Span::new(toks[i].start + from, toks[i].start + to);
            out.push(single(
                span,
                QuantityKind::Count,
                Some(v),
                None,
                Approx::Exact,
            ));
        }
        return Some(i + 1);
    }
    if let Some(v) = ordinal(w) {
        if is_rank(text, toks, pos, i, lw) {
            out.push(single(
                toks[i],
                QuantityKind::Ordinal,
                Some(v),
                None,
                Approx::Exact,
            ));
            return Some(i + 1);
        }
    }
    // A comparison glued to its figure: ">30", "<-30", "x>10", ">=5".
    if let Some((at, approx, v)) = glued_comparison(w) {
        out.push(single(
            Span::new(toks[i].start + at, toks[i].end),
            QuantityKind::Count,
            Some(v),
            None,
            approx,
        ));
        return Some(i + 1);
    }
    // Lowercasing keeps the byte length of these (ASCII and CJK signs), so
    // the taken length maps back into the token; otherwise take it whole.
    if let Some((code, v, taken)) = glued_money(lw) {
        let (approx, q_len) = qualifier(text, toks, i);
        let value = tidy(v);
        let end = if lw.len() == w.len() && w.is_char_boundary(taken) {
            toks[i].start + taken
        } else {
            toks[i].end
        };
        out.push(single(
            Span::new(toks[i - q_len].start, end),
            QuantityKind::Money,
            Some(value),
            Some(code.to_string()),
            approx,
        ));
        return Some(i + 1);
    }
    // "percent of 10": the rate named before its figure; "a small
    // percent", "the % of increase", "a percentage": a rate with no figure.
    if let Some(words) = percent_sign(text, toks, i) {
        if i == 0 || number_at(text, toks, i - 1).is_none() {
            let figure = (lower(text, toks.get(i + words)) == "of")
                .then(|| number_at(text, toks, i + words + 1))
                .flatten();
            let end = figure.map_or(i + words, |(_, used)| i + words + 1 + used);
            out.push(single(
                Span::new(toks[i].start, toks[end - 1].end),
                QuantityKind::Percent,
                figure.map(|(v, _)| v),
                Some("%".to_string()),
                if figure.is_some() {
                    Approx::Exact
                } else {
                    Approx::Vague
                },
            ));
            return Some(end);
        }
    }
    None
}

/// Whether the ordinal at token `i` ranks something. "May 4th" is a date;
/// an adverb ("when they first arrived", "at first") or a time ("for the
/// first time") is no rank, but a word owned or determined is one whatever
/// its tag ("Stein's first", "her first six albums"); "second" ranks only
/// after "the" (else it is the unit of time).
fn is_rank(text: &str, toks: &[Span], pos: &[Option<Upos>], i: usize, lw: &str) -> bool {
    let prev = lower(text, i.checked_sub(1).and_then(|k| toks.get(k)));
    let owned = matches!(
        &*prev,
        "'s" | "’s" | "my" | "your" | "his" | "her" | "its" | "our" | "their" | "the" | "a"
    );
    let adverb = pos.get(i) == Some(&Some(Upos::Adv)) && !owned;
    !is_month_word(&prev)
        && !adverb
        && lower(text, toks.get(i + 1)) != "time"
        && (lw != "second" || prev == "the")
}

/// Whether the figure read at `num_at` (`used` words, from word `i` with
/// its currency) is no quantity: years and day numbers belong to times;
/// "one" as a pronoun ("the one you mentioned", "which one"), before "of",
/// or alone before no word is no count.
fn no_quantity_of_its_own(
    text: &str,
    toks: &[Span],
    (i, num_at, used): (usize, usize, usize),
    value: f64,
    lw: &str,
    currency: bool,
) -> bool {
    let raw = word(text, toks[num_at]);
    let is_digits = raw.chars().next().is_some_and(|c| c.is_numeric());
    let prev = lower(text, i.checked_sub(1).and_then(|k| toks.get(k)));
    let next = lower(text, toks.get(num_at + used));
    let year_like = !currency
        && used == 1
        && raw.len() == 4
        && (1800.0..=2100.0).contains(&value)
        && !raw.contains([',', '.']);
    let day_like =
        !currency && is_digits && value <= 31.0 && (is_month_word(&prev) || is_month_word(&next));
    let lone_one = lw == "one" && used == 1;
    let pronoun_one = lone_one
        && matches!(
            &*prev,
            "the" | "this" | "that" | "which" | "each" | "every" | "any" | "no"
        );
    let partitive_one = lone_one && next == "of";
    pronoun_one
        || year_like
        || day_like
        || partitive_one
        || (!currency && lone_one && !next.chars().next().is_some_and(char::is_alphabetic))
}

/// The quantity around a figure at or after token `i`: its currency, range,
/// bound, unit and rate. Where reading goes on.
fn figure_quantity(
    text: &str,
    toks: &[Span],
    pos: &[Option<Upos>],
    i: usize,
    lw: &str,
    out: &mut Vec<Quantity>,
) -> usize {
    let (currency, num_at, factor) = currency_prefix(text, toks, i, lw);
    // "20-30 people", "$5-10 million", "5k-20k": a range written as one token.
    let glued_range = range_token(&lower(text, toks.get(num_at))).map(|(lo, hi)| {
        match scale(&lower(text, toks.get(num_at + 1))) {
            Some(s) => (lo * s, hi * s, 2),
            None => (lo, hi, 1),
        }
    });
    let Some((mut value, used)) =
        number_at(text, toks, num_at).or(glued_range.map(|(lo, _, used)| (lo, used)))
    else {
        return i + 1;
    };
    let is_digits = word(text, toks[num_at])
        .chars()
        .next()
        .is_some_and(|c| c.is_numeric());
    if no_quantity_of_its_own(text, toks, (i, num_at, used), value, lw, currency.is_some()) {
        return num_at + used;
    }
    let mut end = num_at + used; // one past the last token of the quantity
    let mut upper = glued_range.map(|(_, hi, _)| hi);
    let (mut approx, q_len) = qualifier(text, toks, i);
    if upper.is_some() {
        approx = Approx::Range;
    }
    let mut start = i - q_len;
    // Ranges: "between 20 and 30", "20-30", "20 to 30", "20 through 100", "20~100".
    let opener = lower(text, start.checked_sub(1).and_then(|k| toks.get(k)));
    let between = opener == "between" || opener == "from";
    if matches!(
        &*lower(text, toks.get(end)),
        "to" | "and" | "-" | "–" | "through" | "thru" | "~"
    ) {
        if let Some((hi, hi_used)) = toks
            .get(end + 1)
            .and_then(|_| number_at(text, toks, end + 1))
        {
            if lower(text, toks.get(end)) != "and" || between {
                upper = Some(hi);
                approx = Approx::Range;
                end += 1 + hi_used;
            }
        }
    }
    // "500 or more", "five hundred or less"; "about 500 or more" is a bound, not an estimate.
    if matches!(approx, Approx::Exact | Approx::About) {
        if let Some((bound, len)) = bound_after(text, toks, end) {
            // "about" gives way to the bound; "equal to 5000 or less" keeps its words.
            if approx == Approx::About {
                start = i;
            }
            approx = bound;
            end += len;
        }
    }
    let span_start = if between && approx == Approx::Range {
        start - 1
    } else {
        start
    };
    let whole_sum = used == 1 && upper.is_none() && value.fract() == 0.0;
    let (kind, unit) = kind_and_unit(
        text,
        toks,
        pos,
        currency.map(|c| (c, factor)),
        whole_sum,
        &mut value,
        &mut end,
    );
    let per = rate_after(text, toks, end);
    // "75 years", "two weeks": durations belong to the time recogniser.
    if kind == QuantityKind::Count && unit.as_deref().is_some_and(is_time_unit) {
        return end;
    }
    if kind == QuantityKind::Count
        && upper.is_none()
        && !is_digits
        && approx == Approx::Exact
        && value < 2.0
    {
        // "one"/"a" with no counted thing is rarely a quantity worth listing.
        if out
            .last()
            .is_some_and(|q: &Quantity| q.span.end > toks[start].start)
        {
            return end;
        }
    }
    value = tidy(value);
    out.push(Quantity {
        span: Span::new(toks[span_start].start, toks[end - 1].end),
        kind,
        value: Some(value),
        upper,
        unit,
        approx,
        per,
        measures: None,
    });
    end
}

/// What a figure ending before `end` counts: a percent, money (in the
/// currency named before it, `prefix`, or after it) or a counted noun; `value`
/// and `end` take the scale and change said after it.
fn kind_and_unit(
    text: &str,
    toks: &[Span],
    pos: &[Option<Upos>],
    prefix: Option<(&str, f64)>,
    whole_sum: bool,
    value_out: &mut f64,
    end_out: &mut usize,
) -> (QuantityKind, Option<String>) {
    let (mut value, mut end) = (*value_out, *end_out);
    let after = lower(text, toks.get(end));
    let take_change = |value: &mut f64, end: &mut usize| {
        if let Some((change, e)) = change_after(text, toks, *end) {
            *value += change;
            *end = e;
        }
    };
    let kind_unit = if let Some(words) = percent_sign(text, toks, end) {
        end += words;
        (QuantityKind::Percent, Some("%".to_string()))
    } else if let Some((c, factor)) = prefix {
        value *= factor;
        if whole_sum && factor == 1.0 {
            take_change(&mut value, &mut end);
        }
        (QuantityKind::Money, Some(c.to_string()))
    } else if let Some((c, factor, words)) = currency_after(&after, &lower(text, toks.get(end + 1)))
        // "1 $ 10 dollars": a sign before a figure named in dollars again
        // is that figure's ("10 $ 30 cent" stays 10.30).
        .filter(|_| {
            let figure_next =
                lower(text, toks.get(end + 1)).starts_with(|c: char| c.is_ascii_digit());
            let named_again = lower(text, toks.get(end + 2));
            after.starts_with(char::is_alphabetic)
                || !figure_next
                || !matches!(
                    &*named_again,
                    "dollar" | "dollars" | "euro" | "euros" | "pound" | "pounds"
                )
        })
    {
        let sign = !after.starts_with(char::is_alphabetic);
        end += words;
        value *= factor;
        // "75 USD million"
        if let Some(s) = scale(&lower(text, toks.get(end))).filter(|&s| s >= 1e3) {
            value *= s;
            end += 1;
        } else if whole_sum
            && factor == 1.0
            && (!sign || lower(text, toks.get(end + 1)).starts_with(char::is_alphabetic))
        {
            take_change(&mut value, &mut end);
        }
        (QuantityKind::Money, Some(c.to_string()))
    } else {
        let (unit, unit_end) = counted_noun(text, toks, pos, end);
        if let Some(e) = unit_end {
            end = e;
        }
        (QuantityKind::Count, unit)
    };
    (*value_out, *end_out) = (value, end);
    kind_unit
}

/// A rate after a quantity ending before `end`: "every month", "a year", "per day".
fn rate_after(text: &str, toks: &[Span], end: usize) -> Option<String> {
    let mut per = None;
    let (p1, p2) = (lower(text, toks.get(end)), lower(text, toks.get(end + 1)));
    if matches!(&*p1, "every" | "each" | "per" | "a" | "an") {
        if let Some(period) = period(&p2) {
            per = Some(period.to_string());
        }
    } else if let Some(k) =
        (end..toks.len().min(end + 4)).find(|&k| lower(text, toks.get(k)) == "every")
    {
        // "3,000 bombs into his country every month"
        if let Some(period) = period(&lower(text, toks.get(k + 1))) {
            per = Some(period.to_string());
        }
    }
    per
}

fn is_time_unit(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "year"
            | "years"
            | "month"
            | "months"
            | "week"
            | "weeks"
            | "day"
            | "days"
            | "hour"
            | "hours"
            | "minute"
            | "minutes"
            | "second"
            | "seconds"
            | "decade"
            | "decades"
            | "century"
            | "centuries"
            | "quarter"
            | "quarters"
    )
}

fn period(w: &str) -> Option<&'static str> {
    Some(match w {
        "day" => "P1D",
        "week" => "P1W",
        "month" => "P1M",
        "year" => "P1Y",
        "hour" => "PT1H",
        _ => return None,
    })
}

/// The counted noun after a number: "bombs" in "3,000 bombs into…",
/// "systems" in "four of the powerful Patriot systems". Returns the noun
/// and one past its token, if any.
fn counted_noun(
    text: &str,
    toks: &[Span],
    pos: &[Option<Upos>],
    mut k: usize,
) -> (Option<String>, Option<usize>) {
    // "of the" / "of"
    if lower(text, toks.get(k)) == "of" {
        k += 1;
        if matches!(
            &*lower(text, toks.get(k)),
            "the" | "its" | "their" | "his" | "her" | "these" | "those"
        ) {
            k += 1;
        }
    }
    let mut last = None;
    let mut j = k;
    while j < toks.len() && j < k + 4 {
        let w = word(text, toks[j]);
        let lw = w.to_lowercase();
        // "3 USD50 cards": an amount of money is no part of the noun.
        if !w.chars().next().is_some_and(char::is_alphabetic)
            || is_function_word(&lw)
            || period(&lw).is_some() && j > k
            || glued_money(&lw).is_some()
        {
            break;
        }
        // With tags: a noun phrase is adjectives and nouns; stop at a verb.
        match pos.get(j).copied().flatten() {
            Some(Upos::Noun | Upos::Propn) => last = Some(j),
            Some(Upos::Adj | Upos::Num | Upos::X) => {}
            Some(_) => break,
            None => {
                last = Some(j);
                // Untagged: a plural noun usually ends the phrase ("Koreas support").
                if lw.ends_with('s') && !lw.ends_with("ss") && j > k {
                    break;
                }
            }
        }
        j += 1;
    }
    match last {
        Some(l) => (Some(word(text, toks[l]).to_string()), Some(l + 1)),
        None => (None, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quantities(text: &str) -> Vec<Quantity> {
        let mut toks = Vec::new();
        let mut t = 0;
        for w in text.split(' ') {
            toks.push(Span::new(t, t + w.len()));
            t += w.len() + 1;
        }
        let mut out = Vec::new();
        sentence(text, &toks, &vec![None; toks.len()], &mut out);
        out
    }

    #[test]
    fn money_with_scale_and_qualifier() {
        let q = &quantities("a nearly $ 700 million contract")[0];
        assert_eq!(
            (q.kind, q.value, q.unit.as_deref(), q.approx),
            (QuantityKind::Money, Some(7e8), Some("USD"), Approx::About)
        );
        let q = &quantities("costs € 1.2bn now")[0];
        assert_eq!((q.value, q.unit.as_deref()), (Some(1.2e9), Some("EUR")));
        let q = &quantities("paid 700 million dollars")[0];
        assert_eq!((q.value, q.unit.as_deref()), (Some(7e8), Some("USD")));
        let q = &quantities("worth Rs 5 crore")[0];
        assert_eq!((q.value, q.unit.as_deref()), (Some(5e7), Some("INR")));
        let q = &quantities("raised £ 5m")[0];
        assert_eq!((q.value, q.unit.as_deref()), (Some(5e6), Some("GBP")));
        for (text, value, code) in [
            ("the c $ 300 million charge", 3e8, "CAD"),
            ("a us $ 150 million loan", 1.5e8, "USD"),
            ("rose 34 cents", 0.34, "USD"),
            ("closed at 197 pence", 1.97, "GBP"),
            ("125 million australian dollars of bonds", 1.25e8, "AUD"),
            ("fined 10,000 swiss francs", 1e4, "CHF"),
            ("notes of 10 € each", 10.0, "EUR"),
        ] {
            let q = &quantities(text)[0];
            assert_eq!(
                (q.kind, q.value, q.unit.as_deref()),
                (QuantityKind::Money, Some(value), Some(code)),
                "{text}"
            );
        }
    }

    #[test]
    fn counts_ranges_percent_and_rates() {
        let q = &quantities("firing 3,000 bombs into his country every month")[0];
        assert_eq!(
            (q.value, q.unit.as_deref(), q.per.as_deref()),
            (Some(3000.0), Some("bombs"), Some("P1M"))
        );
        let q = &quantities("at least four of the powerful Patriot systems that")[0];
        assert_eq!(
            (q.value, q.unit.as_deref(), q.approx),
            (Some(4.0), Some("systems"), Approx::AtLeast)
        );
        let q = &quantities("between 20 and 30 people")[0];
        assert_eq!(
            (q.value, q.upper, q.approx, q.unit.as_deref()),
            (Some(20.0), Some(30.0), Approx::Range, Some("people"))
        );
        let q = &quantities("rose 20 % last")[0];
        assert_eq!((q.kind, q.value), (QuantityKind::Percent, Some(20.0)));
        let q = &quantities("sending dozens of air-defense systems to Ukraine")[0];
        assert_eq!(
            (q.approx, q.value, q.unit.as_deref()),
            (Approx::Vague, None, Some("systems"))
        );
    }

    /// Words and parts of speech given as "word/UPOS" ("/" alone: none).
    fn tagged_quantities(text: &str) -> Vec<Quantity> {
        let (words, pos): (Vec<&str>, Vec<Option<Upos>>) = text
            .split(' ')
            .map(|wt| {
                let (w, tag) = wt.rsplit_once('/').unwrap_or((wt, ""));
                (w, tag.parse().ok())
            })
            .unzip();
        let plain = words.join(" ");
        let mut toks = Vec::new();
        let mut t = 0;
        for w in &words {
            toks.push(Span::new(t, t + w.len()));
            t += w.len() + 1;
        }
        let mut out = Vec::new();
        sentence(&plain, &toks, &pos, &mut out);
        out
    }

    #[test]
    fn an_age_after_a_name_is_in_years() {
        let q = &tagged_quantities("Jane/PROPN Doe/PROPN ,/PUNCT 19/NUM ,/PUNCT left/VERB")[0];
        assert_eq!(
            (q.kind, q.value, q.unit.as_deref()),
            (QuantityKind::Measure, Some(19.0), Some("years"))
        );
        // Not after a name, or with more after it: a count as before.
        let q = &tagged_quantities("in/ADP town/NOUN ,/PUNCT 19/NUM ,/PUNCT left/VERB")[0];
        assert_eq!((q.kind, q.unit.as_deref()), (QuantityKind::Count, None));
        let q = &tagged_quantities("Doe/PROPN ,/PUNCT 19/NUM people/NOUN left/VERB")[0];
        assert_eq!(q.kind, QuantityKind::Count);
    }

    #[test]
    fn an_adverb_or_a_time_is_no_rank() {
        assert!(tagged_quantities("they/PRON first/ADV arrived/VERB").is_empty());
        let q = &tagged_quantities("her/PRON first/ADV six/NUM albums/NOUN")[0];
        assert_eq!((q.kind, q.value), (QuantityKind::Ordinal, Some(1.0)));
        assert!(quantities("for the first time").is_empty());
        let q = &tagged_quantities("the/DET first/ADJ Briton/PROPN")[0];
        assert_eq!((q.kind, q.value), (QuantityKind::Ordinal, Some(1.0)));
    }

    #[test]
    fn vague_scales_chain_to_their_noun() {
        let q = &quantities("hundreds of thousands of refugees .")[0];
        assert_eq!(
            (q.approx, q.value, q.unit.as_deref()),
            (Approx::Vague, None, Some("refugees"))
        );
        let q = &quantities("tens of thousands of civil servants")[0];
        assert_eq!(
            (q.approx, q.unit.as_deref()),
            (Approx::Vague, Some("servants"))
        );
        let q = &quantities("tens of thousands have fled")[0];
        assert_eq!((q.approx, q.unit.as_deref()), (Approx::Vague, None));
    }

    #[test]
    fn as_many_as_and_estimated_qualify_a_figure() {
        let q = &quantities("as many as 4,000 citizens")[0];
        assert_eq!((q.value, q.approx), (Some(4000.0), Approx::UpTo));
        let q = &quantities("an estimated 3 million people")[0];
        assert_eq!((q.value, q.approx), (Some(3e6), Approx::About));
    }

    #[test]
    fn leaves_years_days_and_durations_to_times() {
        assert!(quantities("in 2019 and on June 27 , 75 years ago").is_empty());
    }

    /// One example per way `number_at` reads a number, the word it starts
    /// at marked with `^`: (phrase, value, tokens taken).
    #[test]
    fn every_number_form_has_an_example() {
        for (phrase, value, used) in [
            // share_word
            ("won ^a third of the vote", 1.0 / 3.0, 2),
            ("more than ^half", 0.5, 1),
            // a sign
            ("^minus five", -5.0, 2),
            // fraction_forms
            ("^half million", 5e5, 2),
            ("^half a million", 5e5, 3),
            ("^3/4", 0.75, 1),
            ("^2 1/4", 2.25, 2),
            ("^1 000 000 people", 1e6, 3),
            ("^one-eighth", 0.125, 1),
            // composed_number, spoken_decimals
            ("^4 thousand 3 hundred", 4300.0, 4),
            ("^one hundred and sixty-one", 161.0, 4),
            ("^two hundred point zero three", 200.03, 5),
            ("^two hundred point seventy-one", 200.71, 4),
            // fraction_after
            ("^two thirds of a million", 2e6 / 3.0, 5),
            ("^3 million and a half", 3.5e6, 5),
            // ratio_or_value
            ("^one in three", 1.0 / 3.0, 3),
            ("^two out of five", 0.4, 4),
        ] {
            let start = phrase.split(' ').position(|w| w.starts_with('^')).unwrap();
            let text = phrase.replace('^', "");
            let mut toks = Vec::new();
            let mut t = 0;
            for w in text.split(' ') {
                toks.push(Span::new(t, t + w.len()));
                t += w.len() + 1;
            }
            let (v, n) =
                number_at(&text, &toks, start).unwrap_or_else(|| panic!("{phrase}: no number"));
            assert!(
                (v - value).abs() < 1e-9 && n == used,
                "{phrase}: {v} over {n} tokens"
            );
        }
    }

    /// One example per way a sentence yields a quantity: (phrase, the
    /// quantities as "kind value..upper unit approx per").
    #[test]
    fn every_quantity_form_has_an_example() {
        let show = |q: &Quantity| {
            format!(
                "{:?} {:?}..{:?} {} {:?} {}",
                q.kind,
                q.value,
                q.upper,
                q.unit.as_deref().unwrap_or("-"),
                q.approx,
                q.per.as_deref().unwrap_or("-")
            )
        };
        for (phrase, expected) in [
            // token_quantity
            (
                "hundreds of protesters",
                &["Count None..None protesters Vague -"][..],
            ),
            (
                "numbers 22,24,26,31",
                &[
                    "Count Some(22.0)..None - Exact -",
                    "Count Some(24.0)..None - Exact -",
                    "Count Some(26.0)..None - Exact -",
                    "Count Some(31.0)..None - Exact -",
                ],
            ),
            ("the 21st round", &["Ordinal Some(21.0)..None - Exact -"]),
            ("scores >30", &["Count Some(30.0)..None - MoreThan -"]),
            ("paid $50", &["Money Some(50.0)..None USD Exact -"]),
            ("percent of 10", &["Percent Some(10.0)..None % Exact -"]),
            // figure_quantity: currency before, a range in one token, a range, a bound after
            (
                "worth MAUD 60",
                &["Money Some(60000000.0)..None AUD Exact -"],
            ),
            (
                "20-30 people",
                &["Count Some(20.0)..Some(30.0) people Range -"],
            ),
            (
                "from 20 to 30 people",
                &["Count Some(20.0)..Some(30.0) people Range -"],
            ),
            (
                "500 or more troops",
                &["Count Some(500.0)..None troops AtLeast -"],
            ),
            // kind_and_unit: a percent, money after the figure, change, a counted noun
            ("rose 20 %", &["Percent Some(20.0)..None % Exact -"]),
            (
                "75 USD million",
                &["Money Some(75000000.0)..None USD Exact -"],
            ),
            ("15 dollars 50", &["Money Some(15.5)..None USD Exact -"]),
            // rate_after
            (
                "3,000 bombs into his country every month",
                &["Count Some(3000.0)..None bombs Exact P1M"],
            ),
            // left to times: durations and years
            ("for 75 years in 2019", &[]),
        ] {
            let found: Vec<String> = quantities(phrase).iter().map(show).collect();
            assert_eq!(found, expected, "{phrase}");
        }
    }

    #[test]
    fn spoken_numbers_compose() {
        let value = |s: &str| quantities(s).first().and_then(|q| q.value);
        for (text, v) in [
            ("one hundred and sixty-one", 161.0),
            ("Three hundred and thirty one", 331.0),
            ("two thousand and two hundred", 2200.0),
            ("fifty - two", 52.0),
            ("a dozen eggs", 12.0),
            ("three dozens", 36.0),
            ("two hundred point zero three", 200.03),
            ("-1", -1.0),
            ("twenty-five soldiers", 25.0),
        ] {
            assert_eq!(value(text), Some(v), "{text}");
        }
        let range = &quantities("between twenty and thirty people")[0];
        assert_eq!(
            (range.value, range.upper),
            (Some(20.0), Some(30.0)),
            "\"and\" joins two numbers only after a hundred or a scale"
        );
    }

    #[test]
    fn vulgar_fractions_scientific_notation_and_nought() {
        assert_eq!(numeral("½"), Some(0.5));
        assert_eq!(numeral("2¾"), Some(2.75));
        assert_eq!(numeral("1e10"), Some(1e10));
        assert_eq!(numeral("12.32e+14"), Some(1.232e15));
        assert!((numeral("-12e-1").unwrap() + 1.2).abs() < 1e-12);
        assert_eq!(numeral("1e999"), None, "no exponent beyond what f64 holds");
        assert_eq!(small_number("nought"), Some(0.0));
    }

    #[test]
    fn scaled_fractions_powers_and_space_grouped_digits() {
        let value = |s: &str| quantities(s).first().and_then(|q| q.value);
        assert_eq!(value("3 million and a half"), Some(3_500_000.0));
        assert_eq!(value("five and a half million fishes"), Some(5_500_000.0));
        assert_eq!(
            value("one billion and three quarters million"),
            Some(1_000_750_000.0)
        );
        assert_eq!(value("1.3x10^6"), Some(1_300_000.0));
        assert_eq!(value("2.5^-1"), Some(0.4));
        assert_eq!(value("population 1 414 021 100"), Some(1_414_021_100.0));
        let day_then_count = quantities("on July 4 200 protesters");
        assert_eq!(day_then_count.last().and_then(|q| q.value), Some(200.0));
        // Compound ordinals take the longest denominator; decimal commas; scales of scales.
        assert_eq!(value("one twenty-fifth"), Some(0.04));
        assert!((value("one one hundred fifth").unwrap() - 1.0 / 105.0).abs() < 1e-8);
        assert_eq!(value("two and fifty-four hundredths"), Some(2.54));
        assert_eq!(value("1.111,11"), Some(1111.11));
        assert_eq!(value("5,00"), Some(5.0));
        assert_eq!(value("1,500"), Some(1500.0));
        assert_eq!(value("three lakh crore"), Some(3e12));
        assert_eq!(value("three hundred and two dozens"), Some(324.0));
        assert_eq!(value("- 1 4/5"), Some(-1.8));
        // A currency sign between two figures belongs to the one named again.
        let bill = quantities("1 $ 10 dollars bill");
        let money: Vec<(Option<f64>, Option<&str>)> = bill
            .iter()
            .filter(|q| q.kind == QuantityKind::Money)
            .map(|q| (q.value, q.unit.as_deref()))
            .collect();
        assert_eq!(money, [(Some(10.0), Some("USD"))]);
        assert_eq!(
            quantities("giving away 3 USD50 cards")
                .iter()
                .find(|q| q.kind == QuantityKind::Money)
                .and_then(|q| q.value),
            Some(50.0)
        );
        let listed: Vec<Option<f64>> = quantities("nrs. 22,24,26,31")
            .iter()
            .map(|q| q.value)
            .collect();
        assert_eq!(listed, [Some(22.0), Some(24.0), Some(26.0), Some(31.0)]);
    }

    #[test]
    fn fractions_in_words_and_slashes_comparisons_and_bounds() {
        let first = |s: &str| {
            let q = quantities(s);
            q.first().map(|q| (q.value, q.upper, q.approx))
        };
        assert_eq!(
            first("twenty and three fifths").map(|q| q.0),
            Some(Some(20.6))
        );
        // "equal to" says exactly, and stays in the extent before a bound.
        let equal = quantities("His score is equal to 5000 or less");
        assert_eq!(
            (equal[0].value, equal[0].approx, equal[0].span.start),
            (Some(5000.0), Approx::AtMost, 13)
        );
        assert_eq!(
            first("one hundred and three quarters").map(|q| q.0),
            Some(Some(100.75))
        );
        assert_eq!(
            first("three quarters of the vote").map(|q| q.0),
            Some(Some(0.75))
        );
        assert_eq!(first("2 1/4 cups").map(|q| q.0), Some(Some(2.25)));
        assert_eq!(
            first("3 hundred and 21 yuan").map(|q| q.0),
            Some(Some(321.0))
        );
        assert_eq!(
            first("two hundred point seventy-one").map(|q| q.0),
            Some(Some(200.71))
        );
        assert_eq!(first("either 10 bln").map(|q| q.0), Some(Some(1e10)));
        assert_eq!(first("x>10"), Some((Some(10.0), None, Approx::MoreThan)));
        assert_eq!(
            first("200 or greater than"),
            Some((Some(200.0), None, Approx::AtLeast))
        );
        // No fraction in "9/11" or "24/7", and no range in bounds that enclose nothing.
        assert!(quantities("after 9/11 and 24/7 care")
            .iter()
            .all(|q| q.value != Some(9.0 / 11.0) && q.value != Some(24.0 / 7.0)));
        assert_eq!(quantities("more than 40 and less than 10").len(), 2);
        // Ratios, but not a sum over a span of time or a count in a year.
        assert_eq!(
            first("one in three Americans").map(|q| q.0),
            Some(Some(0.333333333))
        );
        assert_eq!(first("two out of five").map(|q| q.0), Some(Some(0.4)));
        assert_eq!(first("1 over 3").map(|q| q.0), Some(Some(0.333333333)));
        assert_eq!(first("$2000 over 3 years").map(|q| q.0), Some(Some(2000.0)));
        assert_eq!(first("3 in 2019").map(|q| q.0), Some(Some(3.0)));
        assert!(quantities("the one you mentioned").is_empty());
        assert_eq!(
            first("4 thousand 3 hundred and 21").map(|q| q.0),
            Some(Some(4321.0))
        );
        assert_eq!(
            first("two thirds of a million").map(|q| q.0),
            Some(Some(666666.666666667))
        );
        assert_eq!(
            first("hundred thousand dollars").map(|q| q.0),
            Some(Some(100000.0))
        );
        assert_eq!(
            first("more than half"),
            Some((Some(0.5), None, Approx::MoreThan))
        );
        assert_eq!(
            first("the game is half over").map(|q| q.0),
            None,
            "half is a share only after a bound"
        );
    }

    #[test]
    fn odd_numbers_never_panic() {
        for s in [
            "١٢٣ bombs",
            "99999999999999999999999999999999999999 dollars",
            "the 1990s",
            "Q3 results",
            "5/6/2024 .",
            "$",
            "$ $ $",
            "1e309 x",
        ] {
            let _ = quantities(s);
        }
        assert_eq!(quantities("١٢٣ bombs")[0].value, Some(123.0));
    }
}
