//! Bounds, ranges and change: "nearly", "at least", "up to", "between 5 and 10", "5-10", "up 3%"
//! (the qualifier and the range a figure carries).

use super::*;

/// A range written as one token: "20-30", "5k-20k", "20~100"; `w` is
/// lowercased. Years ("1990-1995") are left to times, and a pair that does
/// not rise ("3-2", a score) is no range.
pub(super) fn range_token(w: &str) -> Option<(f64, f64)> {
    let (lo, hi) = w.split_once(['-', '–', '~'])?;
    let (a, b) = (numeral(lo)?, numeral(hi)?);
    let year = |s: &str, v: f64| s.len() == 4 && (1800.0..=2100.0).contains(&v);
    (a < b && !(year(lo, a) && (year(hi, b) || hi.len() == 2))).then_some((a, b))
}

/// The change after a sum in the main unit: "3 dollars 50 cents",
/// "thirteen dollars and forty-five cents", "15 dollars 50", "one kuai and
/// five mao five". Returns the amount in the main unit and the end token.
pub(super) fn change_after(text: &str, toks: &[Span], mut k: usize) -> Option<(f64, usize)> {
    if lower(text, toks.get(k)) == "and" {
        k += 1;
    }
    let (n, used) =
        number_at(text, toks, k).filter(|&(n, _)| n.fract() == 0.0 && (1.0..100.0).contains(&n))?;
    let end = k + used;
    match &*lower(text, toks.get(end)) {
        "cent" | "cents" | "pence" | "penny" | "pennies" | "fen" => Some((n * 0.01, end + 1)),
        "mao" | "jiao" => {
            let fen = number_at(text, toks, end + 1)
                .filter(|&(f, u)| u == 1 && f.fract() == 0.0 && (1.0..10.0).contains(&f));
            Some((
                n * 0.1 + fen.map_or(0.0, |(f, _)| f * 0.01),
                end + 1 + usize::from(fen.is_some()),
            ))
        }
        // A bare number is the change unless it counts something or is a
        // sum of its own: "15 dollars 50", not "50 dollar 40 rmb".
        // It must end the phrase, or "$5 and 10 other firms" would become $5.10.
        next if !next.starts_with(char::is_alphanumeric)
            || matches!(next, "and" | "more" | "each") =>
        {
            Some((n * 0.01, end))
        }
        _ => None,
    }
}

/// Words that bound a figure from before it, longest first: "no less than",
/// "greater than or equal to", "above", ">=".
pub(super) const BOUNDS_BEFORE: &[(&[&str], Approx)] = &[
    (&["less", "than", "or", "equal", "to"], Approx::AtMost),
    (&["fewer", "than", "or", "equal", "to"], Approx::AtMost),
    (&["more", "than", "or", "equal", "to"], Approx::AtLeast),
    (&["greater", "than", "or", "equal", "to"], Approx::AtLeast),
    (&["equal", "to", "or", "less", "than"], Approx::AtMost),
    (&["equal", "to", "or", "fewer", "than"], Approx::AtMost),
    (&["equal", "to", "or", "more", "than"], Approx::AtLeast),
    (&["equal", "to", "or", "greater", "than"], Approx::AtLeast),
    (&["less", "or", "equal", "than"], Approx::AtMost),
    (&["smaller", "or", "equal", "than"], Approx::AtMost),
    (&["lower", "or", "equal", "than"], Approx::AtMost),
    (&["more", "or", "equal", "than"], Approx::AtLeast),
    (&["greater", "or", "equal", "than"], Approx::AtLeast),
    (&["bigger", "or", "equal", "than"], Approx::AtLeast),
    (&["larger", "or", "equal", "than"], Approx::AtLeast),
    (&["higher", "or", "equal", "than"], Approx::AtLeast),
    (&["at", "least", "or", "equal", "to"], Approx::AtLeast),
    (&["at", "most", "or", "equal", "to"], Approx::AtMost),
    (&["no", "less", "than"], Approx::AtLeast),
    (&["not", "less", "than"], Approx::AtLeast),
    (&["no", "fewer", "than"], Approx::AtLeast),
    (&["no", "more", "than"], Approx::AtMost),
    (&["not", "more", "than"], Approx::AtMost),
    (&["at", "least"], Approx::AtLeast),
    (&["at", "most"], Approx::AtMost),
    (&["more", "than"], Approx::MoreThan),
    (&["greater", "than"], Approx::MoreThan),
    (&["larger", "than"], Approx::MoreThan),
    (&["bigger", "than"], Approx::MoreThan),
    (&["higher", "than"], Approx::MoreThan),
    (&["less", "than"], Approx::LessThan),
    (&["fewer", "than"], Approx::LessThan),
    (&["smaller", "than"], Approx::LessThan),
    (&["lower", "than"], Approx::LessThan),
    (&["up", "to"], Approx::UpTo),
    // "as many as 4,000 citizens", "as much as $5m": an upper figure.
    (&["as", "many", "as"], Approx::UpTo),
    (&["as", "much", "as"], Approx::UpTo),
    // "equal to 20", "equals 20": exactly, the cue kept in the extent.
    (&["equal", "to"], Approx::Exact),
    (&["equals", "to"], Approx::Exact),
    (&["equaling", "to"], Approx::Exact),
    (&["equalling", "to"], Approx::Exact),
    (&["equals"], Approx::Exact),
    (&[">", "="], Approx::AtLeast),
    (&["<", "="], Approx::AtMost),
    (&[">="], Approx::AtLeast),
    (&["<="], Approx::AtMost),
    (&[">"], Approx::MoreThan),
    (&["<"], Approx::LessThan),
    (&["over"], Approx::MoreThan),
    (&["above"], Approx::MoreThan),
    (&["exceeding"], Approx::MoreThan),
    (&["exceed"], Approx::MoreThan),
    (&["exceeds"], Approx::MoreThan),
    (&["surpass"], Approx::MoreThan),
    (&["surpassing"], Approx::MoreThan),
    (&["under"], Approx::LessThan),
    (&["below"], Approx::LessThan),
];

/// What qualifies the figure at token `i`, and how many words before it say so.
pub(super) fn qualifier(text: &str, toks: &[Span], i: usize) -> (Approx, usize) {
    // The five words before, lowercased once; most figures have none of these.
    let from = i.saturating_sub(5);
    let before: Vec<Cow<'_, str>> = (from..i).map(|k| lower(text, toks.get(k))).collect();
    for &(words, approx) in BOUNDS_BEFORE {
        if words.len() <= before.len()
            && before[before.len() - words.len()..]
                .iter()
                .zip(words)
                .all(|(a, w)| a == w)
        {
            return (approx, words.len());
        }
    }
    match before.last().map(|w| &**w).unwrap_or("") {
        "nearly" | "almost" | "about" | "around" | "approximately" | "roughly" | "some"
        | "circa" | "approx." | "~" | "estimated" => (Approx::About, 1),
        _ => (Approx::Exact, 0),
    }
}

/// The words at token `k` that say "percent", and how many: "%",
/// "percent", "percents", "per cent", "percentage" (but "5 percentage
/// points" is a difference of rates, not a rate).
pub(super) fn percent_sign(text: &str, toks: &[Span], k: usize) -> Option<usize> {
    let next = lower(text, toks.get(k + 1));
    match &*lower(text, toks.get(k)) {
        "%" | "percent" | "percents" => Some(1),
        "percentage" if !next.starts_with("point") => Some(1),
        "per" if next == "cent" => Some(2),
        _ => None,
    }
}

/// Words that bound a figure from after it: "500 or more", "200 or greater".
pub(super) fn bound_after(text: &str, toks: &[Span], end: usize) -> Option<(Approx, usize)> {
    let (w1, w2) = (lower(text, toks.get(end)), lower(text, toks.get(end + 1)));
    if !matches!(&*w1, "or" | "and") {
        return None;
    }
    // "200 or greater than 190": that bound is the next figure's; "200 or
    // greater than" with no figure after is this one's.
    let than = usize::from(lower(text, toks.get(end + 2)) == "than");
    if than == 1 && number_at(text, toks, end + 3).is_some() {
        return None;
    }
    match &*w2 {
        "more" | "greater" | "above" | "higher" | "over" => Some((Approx::AtLeast, 2 + than)),
        "less" | "fewer" | "below" | "lower" | "under" => Some((Approx::AtMost, 2 + than)),
        _ => None,
    }
}

/// A comparison sign glued to a figure, after an optional variable name:
/// (byte offset of the sign, bound, figure).
pub(super) fn glued_comparison(w: &str) -> Option<(usize, Approx, f64)> {
    let at = w.find(['<', '>', '≤', '≥'])?;
    if !w[..at].bytes().all(|b| b.is_ascii_alphabetic()) || w[..at].len() > 2 {
        return None;
    }
    let rest = &w[at..];
    let (approx, figure) =
        if let Some(r) = rest.strip_prefix(">=").or_else(|| rest.strip_prefix('≥')) {
            (Approx::AtLeast, r)
        } else if let Some(r) = rest.strip_prefix("<=").or_else(|| rest.strip_prefix('≤')) {
            (Approx::AtMost, r)
        } else if let Some(r) = rest.strip_prefix('>') {
            (Approx::MoreThan, r)
        } else {
            (Approx::LessThan, rest.strip_prefix('<')?)
        };
    if !figure
        .trim_start_matches('-')
        .starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    figure
        .replace(',', "")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(|v| (at, approx, v))
}

/// "more than 10 and less than 20", "at most 100 and at least 20": two
/// bounds joined by "and"/"but" are one range. Looks at `found[first..]`,
/// this sentence's figures.
pub(super) fn join_bounds(text: &str, found: &mut Vec<Quantity>, first: usize) {
    let lower_bound = |q: &Quantity| matches!(q.approx, Approx::MoreThan | Approx::AtLeast);
    let upper_bound =
        |q: &Quantity| matches!(q.approx, Approx::LessThan | Approx::AtMost | Approx::UpTo);
    let mut k = first;
    while k + 1 < found.len() {
        let (a, b) = (&found[k], &found[k + 1]);
        let gap = text
            .get(a.span.end..b.span.start)
            .unwrap_or("overlap")
            .trim()
            .to_lowercase();
        let pair = (lower_bound(a) && upper_bound(b)) || (upper_bound(a) && lower_bound(b));
        // "more than 10 and less than 40 people": the unit is said once, at the end.
        let (lo, hi) = if lower_bound(a) {
            (a.value, b.value)
        } else {
            (b.value, a.value)
        };
        // "more than 40 and less than 10" bounds nothing: two ranges, not one.
        let nonempty = matches!((lo, hi), (Some(lo), Some(hi)) if lo < hi);
        if pair
            && nonempty
            && a.kind == b.kind
            && (a.unit == b.unit || a.unit.is_none())
            && matches!(gap.as_str(), "and" | "but" | ",")
        {
            let joined = Quantity {
                span: Span::new(a.span.start, b.span.end),
                value: lo,
                upper: hi,
                approx: Approx::Range,
                ..b.clone()
            };
            found.splice(k..k + 2, [joined]);
        }
        k += 1;
    }
}

pub(super) fn bounded_figures(
    text: &str,
    toks: &[Span],
    pos: &[Option<Upos>],
    out: &mut Vec<Quantity>,
) {
    let mut i = 0;
    while i < toks.len() {
        let w = word(text, toks[i]);
        let lw = w.to_lowercase();
        i = match token_quantity(text, toks, pos, i, (w, &lw), out) {
            Some(next) => next,
            None => figure_quantity(text, toks, pos, i, &lw, out),
        };
    }
}
