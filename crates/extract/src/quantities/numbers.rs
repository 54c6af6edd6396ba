//! Numbers as written and spoken: numerals with scales ("2.5bn", "three million"), ordinals,
//! fractions ("two-thirds", "1/2", "½"), composed and listed numbers.

use super::*;

/// Value of a number word ("four" → 4), not scales.
pub(super) fn small_number(w: &str) -> Option<f64> {
    let w = w.to_lowercase();
    if let Some(i) = CARDINALS.iter().position(|u| *u == w) {
        return Some(i as f64);
    }
    if w == "nought" || w == "naught" {
        return Some(0.0);
    }
    if let Some(i) = TENS.iter().position(|u| *u == w) {
        return Some(20.0 + 10.0 * i as f64);
    }
    // "twenty-five"
    let (a, b) = w.split_once('-')?;
    let t = TENS.iter().position(|u| *u == a)?;
    let u = CARDINALS[1..10].iter().position(|x| *x == b)?;
    Some(20.0 + 10.0 * t as f64 + 1.0 + u as f64)
}

pub(super) fn scale(w: &str) -> Option<f64> {
    Some(match w.to_lowercase().as_str() {
        "hundred" => 1e2,
        "thousand" | "k" => 1e3,
        "million" | "millions" | "mn" | "m" | "mln" | "mil" | "mm" => 1e6,
        "billion" | "billions" | "bn" | "b" | "bln" => 1e9,
        "trillion" | "trillions" | "tn" | "tln" => 1e12,
        "lakh" | "lakhs" => 1e5,
        "crore" | "crores" => 1e7,
        _ => return None,
    })
}

/// "3,000" → 3000; "1.5" → 1.5; "5m" → 5e6; "1.2bn" → 1.2e9; other scripts' digits too.
pub(super) fn numeral(w: &str) -> Option<f64> {
    // "-1", "−9.5": a sign glued to the digits.
    if let Some(rest) = w
        .strip_prefix(['-', '−'])
        .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()))
    {
        return numeral(rest).map(|v| -v);
    }
    // "½", "2¾": a vulgar fraction, alone or after a whole number.
    if let Some((at, f)) = w
        .char_indices()
        .next_back()
        .and_then(|(at, c)| vulgar_fraction(c).map(|f| (at, f)))
    {
        let whole = &w[..at];
        return if whole.is_empty() {
            Some(f)
        } else {
            numeral(whole)
                .filter(|v| v.fract() == 0.0 && *v >= 0.0)
                .map(|v| v + f)
        };
    }
    let digits_end = w
        .char_indices()
        .find(|(_, c)| !(c.is_numeric() || *c == ',' || *c == '.'))
        .map_or(w.len(), |(i, _)| i);
    if digits_end == 0 {
        return None;
    }
    let (num, suffix) = w.split_at(digits_end);
    // "1e10", "12.32e+14", "-12e-1", "1.3x10^6"
    let exponent = |e: &str| {
        e.strip_prefix('+')
            .unwrap_or(e)
            .parse::<i32>()
            .ok()
            .filter(|e| e.abs() <= 300)
    };
    if let Some(exp) = suffix
        .strip_prefix('e')
        .or_else(|| suffix.strip_prefix("x10^"))
        .or_else(|| suffix.strip_prefix("×10^"))
        .and_then(exponent)
    {
        return numeral(num)
            .map(|v| v * 10f64.powi(exp))
            .filter(|v| v.is_finite());
    }
    // "1.1^23", "2.5^-1": a power.
    if let Some(exp) = suffix.strip_prefix('^').and_then(exponent) {
        return numeral(num)
            .map(|v| v.powi(exp))
            .filter(|v| v.is_finite() && *v != 0.0);
    }
    // "1.111,11" and "5,00" write the decimals after a comma: a comma
    // after the last dot, or one comma not followed by a group of three.
    let last_comma = num.rfind(',');
    let decimal_comma = match (last_comma, num.rfind('.')) {
        (Some(c), Some(d)) => c > d,
        (Some(c), None) => num.matches(',').count() == 1 && num.len() - c - 1 != 3 && c > 0,
        _ => false,
    };
    let mut clean = String::with_capacity(num.len());
    for (at, c) in num.char_indices() {
        match c {
            ',' if decimal_comma && Some(at) == last_comma => clean.push('.'),
            ',' => {}
            '.' if decimal_comma => {}
            '.' => clean.push('.'),
            c => clean.push(char::from_digit(digit_value(c)?, 10)?),
        }
    }
    let v: f64 = clean.parse().ok()?;
    if !v.is_finite() {
        return None;
    }
    if suffix.is_empty() {
        return Some(v);
    }
    scale(suffix).map(|s| v * s)
}

/// A value as written: whole numbers stay whole, and float noise
/// ("0.1 * 3") is rounded off at nine decimals.
pub(super) fn tidy(v: f64) -> f64 {
    if v.fract() == 0.0 {
        v
    } else {
        (v * 1e9).round() / 1e9
    }
}

pub(super) fn vulgar_fraction(c: char) -> Option<f64> {
    Some(match c {
        '½' => 0.5,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅕' => 0.2,
        '⅖' => 0.4,
        '⅗' => 0.6,
        '⅘' => 0.8,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅐' => 1.0 / 7.0,
        '⅛' => 0.125,
        '⅜' => 0.375,
        '⅝' => 0.625,
        '⅞' => 0.875,
        '⅑' => 1.0 / 9.0,
        '⅒' => 0.1,
        _ => return None,
    })
}

/// Decimal value of a digit in the common scripts (ASCII, Arabic-Indic,
/// Persian, Devanagari, Bengali, full-width).
pub(super) fn digit_value(c: char) -> Option<u32> {
    let code = c as u32;
    [0x30, 0x660, 0x6F0, 0x966, 0x9E6, 0xFF10]
        .iter()
        .find(|&&zero| (zero..zero + 10).contains(&code))
        .map(|zero| code - zero)
}

/// A rank: "first" to "twelfth" in words, or "21st" in figures.
pub(super) fn ordinal(w: &str) -> Option<f64> {
    let l = w.to_lowercase();
    if let Some(v) = spelled_ordinal(&l).filter(|v| *v <= 12.0 && !l.ends_with('s')) {
        return Some(v);
    }
    for suffix in ["st", "nd", "rd", "th"] {
        if let Some(n) = l.strip_suffix(suffix) {
            if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) {
                return n.parse().ok();
            }
        }
    }
    None
}

/// The number starting at token `i` and how many tokens it takes: digits
/// with scales ("700 million", "5m"), and number words composed the way they
/// are spoken ("one hundred and sixty-one", "two thousand and two hundred",
/// "fifty two", "a dozen", "three dozens", "two hundred point zero three").
pub(super) fn number_at(text: &str, toks: &[Span], i: usize) -> Option<(f64, usize)> {
    let lw = |k: usize| lower(text, toks.get(k));
    let first = lw(i);
    if let Some(share) = share_word(text, toks, i, &first) {
        return Some(share);
    }
    // "minus five", "negative 3.5", and a sign set apart at the start: "- 1 4/5".
    let sign_apart = i == 0
        && matches!(&*first, "-" | "−")
        && lw(i + 1).starts_with(|c: char| c.is_ascii_digit());
    if matches!(&*first, "minus" | "negative") || sign_apart {
        return number_at(text, toks, i + 1).map(|(v, used)| (-v, used + 1));
    }
    if let Some(fraction) = fraction_forms(text, toks, i, &first) {
        return Some(fraction);
    }
    let (value, used, last_scale) = composed_number(text, toks, i, &first)?;
    let digits = first.starts_with(|c: char| c.is_numeric());
    let (value, used) = fraction_after(text, toks, i, value, used, digits, last_scale);
    ratio_or_value(text, toks, i, value, used)
}

/// A share in words: "a third of the vote", "a fifth", "more than half".
pub(super) fn share_word(text: &str, toks: &[Span], i: usize, first: &str) -> Option<(f64, usize)> {
    let lw = |k: usize| lower(text, toks.get(k));
    // "a third of the vote", "a fifth": a fraction, not the ordinal of "a third term".
    if matches!(first, "a" | "an") {
        if let Some(d) = denominator(&lw(i + 1))
            .or_else(|| spelled_ordinal(&lw(i + 1)).filter(|_| lw(i + 1).contains('-')))
            .filter(|_| {
                let after = lw(i + 2);
                after == "of" || !after.starts_with(char::is_alphabetic)
            })
        {
            return Some((1.0 / d, 2));
        }
    }
    // "more than half", "above one quarter and below a half": a share after a bound.
    let bounded = i > 0 && matches!(&*lw(i - 1), "than" | "above" | "below" | "over" | "under");
    if bounded {
        let share = match (first, &*lw(i + 1)) {
            ("half", _) => Some((0.5, 1)),
            ("a" | "one", "half") => Some((0.5, 2)),
            ("a" | "one", "quarter") => Some((0.25, 2)),
            ("a" | "one", "third") => Some((1.0 / 3.0, 2)),
            _ => None,
        };
        if let Some((v, len)) = share.filter(|&(_, len)| scale(&lw(i + len)).is_none()) {
            return Some((v, len));
        }
    }
    None
}

/// A fraction or a share of a scale: "half million", "half a million",
/// "3/4", "2 1/4", "1 000 000", "two fifths", "one-eighth".
pub(super) fn fraction_forms(
    text: &str,
    toks: &[Span],
    i: usize,
    first: &str,
) -> Option<(f64, usize)> {
    let lw = |k: usize| lower(text, toks.get(k));
    // "half million", "a quarter million", "three quarters billion".
    let (share, share_len) = match (first, &*lw(i + 1)) {
        ("half", _) => (Some(0.5), 1),
        ("quarter", _) => (Some(0.25), 1),
        ("a", "quarter") => (Some(0.25), 2),
        (n, "quarters") => (small_number(n).map(|n| n * 0.25), 2),
        _ => (None, 0),
    };
    if let Some(s) = share.and_then(|f| {
        scale(&lw(i + share_len))
            .filter(|&s| s >= 1e3)
            .map(|s| f * s)
    }) {
        return Some((s, share_len + 1));
    }
    // "half a million", "half a dozen".
    if first == "half" && matches!(&*lw(i + 1), "a" | "an") {
        if let Some(s) = scale(&lw(i + 2)).or_else(|| (lw(i + 2) == "dozen").then_some(12.0)) {
            return Some((s / 2.0, 3));
        }
    }
    // "3/4", and "2 1/4" with its whole number.
    if let Some(f) = slash_fraction(first) {
        return Some((f, 1));
    }
    if let (Some(whole), Some(f)) = (
        numeral(first).filter(|v| v.fract() == 0.0 && *v >= 0.0),
        slash_fraction(&lw(i + 1)).filter(|f| *f > 0.0),
    ) {
        return Some((whole + f, 2));
    }
    if let Some(grouped) = space_grouped(text, toks, i) {
        return Some(grouped);
    }
    if let Some(fraction) = ordinal_fraction(text, toks, i) {
        return Some(fraction);
    }
    // "one-eighth", "three-quarters" written as one word.
    if let Some((n, d)) = first.split_once('-') {
        let d = denominator(d).or((d == "quarters" || d == "quarter").then_some(4.0));
        if let (Some(n), Some(d)) = (small_number(n).filter(|n| (1.0..10.0).contains(n)), d) {
            return Some((n / d, 1));
        }
    }
    None
}

/// The first word of a composed number: a figure, a number word, "a"
/// before a scale ("a hundred", "a dozen"), "hundred" before a larger one
/// ("hundred thousand dollars").
pub(super) fn composed_first(text: &str, toks: &[Span], i: usize, first: &str) -> Option<f64> {
    let next = lower(text, toks.get(i + 1));
    if let Some(v) = numeral(first).or_else(|| small_number(first)) {
        Some(v)
    } else if matches!(first, "a" | "an") && (scale(&next).is_some() || next == "dozen") {
        Some(1.0)
    } else if first == "hundred" && scale(&next).is_some_and(|s| s >= 1e3) {
        Some(100.0)
    } else {
        None
    }
}

/// "3 hundred and 21", "3 hundred and one": below 100 after a scale and the
/// "and" at `k`; "6 crore and two hundred": hundreds below the scale before.
/// (what it adds, words with the "and".)
pub(super) fn below_scale_after_and(
    text: &str,
    toks: &[Span],
    k: usize,
    last_scale: f64,
) -> Option<(f64, usize)> {
    let lw = |k: usize| lower(text, toks.get(k));
    let scaled = scale(&lw(k + 2)).is_some();
    let next = lw(k + 1);
    let hundred = lw(k + 2) == "hundred" && last_scale > 0.0;
    let v = numeral(&next)
        .or_else(|| small_number(&next))
        .filter(|v| *v > 0.0 && *v < 100.0 && v.fract() == 0.0 && (!scaled || hundred))?;
    Some((
        if hundred { v * 100.0 } else { v },
        2 + usize::from(hundred),
    ))
}

/// Figures or number words composed with their scales: "4 thousand 3
/// hundred", "one hundred and sixty-one", "three lakh crore", "two hundred
/// point zero three". (value, tokens, the last scale of a thousand or more.)
pub(super) fn composed_number(
    text: &str,
    toks: &[Span],
    i: usize,
    first: &str,
) -> Option<(f64, usize, f64)> {
    let lw = |k: usize| lower(text, toks.get(k));
    let mut current = composed_first(text, toks, i, first)?;
    let mut used = 1;
    let digits = first.starts_with(|c: char| c.is_numeric());
    let mut total = 0.0;
    // What the last token was: a word below 100, "hundred", or a larger scale.
    let mut last_small = !digits && first != "a" && first != "an";
    let mut last_tens = last_small && current >= 20.0 && current % 10.0 == 0.0;
    let mut after_scale = false;
    // The last scale of a thousand or more: "3 million and a half" halves it.
    let mut last_scale = 0.0;
    // What the last scale added: "three lakh" before "crore".
    let mut group = 0.0;
    while i + used < toks.len() {
        let w = lw(i + used);
        // "five hundreds": a plural scale after a figure.
        let plural_scale = || {
            w.strip_suffix('s')
                .and_then(scale)
                .filter(|_| current > 0.0 && total == 0.0)
        };
        if let Some(s) = scale(&w).or_else(plural_scale) {
            if s == 100.0 {
                current = if current == 0.0 {
                    100.0
                } else {
                    current * 100.0
                };
                last_scale = 0.0;
            } else if current == 0.0 && last_scale > 0.0 && s > last_scale {
                // "three lakh crore", "a thousand million": a scale of the scale.
                total = total - group + group * s;
                group *= s;
                last_scale = s;
            } else {
                group = if current == 0.0 { s } else { current * s };
                total += group;
                current = 0.0;
                last_scale = s;
            }
            used += 1;
            (last_small, last_tens, after_scale) = (false, false, true);
        } else if matches!(&*w, "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs") {
            // "three hundred and two dozens" is 300 and 24.
            let below = if last_small && current > 100.0 {
                current % 100.0
            } else {
                current
            };
            current = if current == 0.0 {
                12.0
            } else {
                current - below + below * 12.0
            };
            used += 1;
            (last_small, last_tens, after_scale) = (false, false, true);
        } else if digits {
            // "4 thousand 3 hundred": a figure that starts the next group.
            if after_scale && current == 0.0 && scale(&lw(i + used + 1)).is_some() {
                if let Some(v) = numeral(&w).filter(|v| *v < 1000.0 && v.fract() == 0.0) {
                    current = v;
                    used += 1;
                    after_scale = false;
                    continue;
                }
            }
            if w == "and" && after_scale && current % 100.0 == 0.0 {
                if let Some((v, words)) = below_scale_after_and(text, toks, i + used, last_scale) {
                    current += v;
                    used += words;
                }
            }
            break;
        } else if let Some(v) = small_number(&w).filter(|&v| v < 100.0) {
            // "fifty two" after a tens word; "six" after "hundred and".
            if !((last_tens && v < 10.0 && v > 0.0) || (after_scale && current % 100.0 == 0.0)) {
                break;
            }
            current += v;
            used += 1;
            last_tens = v >= 20.0 && v % 10.0 == 0.0 && !last_tens;
            (last_small, after_scale) = (true, false);
        } else if (w == "and" && after_scale) || (w == "-" && last_tens) {
            // "one hundred and six", "fifty - two": only when a number word follows.
            // "one hundred and three quarters" adds a fraction: left to and_fraction.
            let fraction_next = and_fraction(text, toks, i + used).is_some();
            match small_number(&lw(i + used + 1)) {
                Some(v)
                    if v < 100.0 && (w == "and" || v < 10.0) && !(w == "and" && fraction_next) =>
                {
                    used += 1
                }
                _ => break,
            }
        } else if let Some(first_decimal) = (w == "point" && (last_small || after_scale))
            .then(|| small_number(&lw(i + used + 1)))
            .flatten()
        {
            let (fraction, words) = spoken_decimals(text, toks, i + used + 1, first_decimal);
            current += fraction;
            used += 1 + words;
            break;
        } else {
            break;
        }
    }
    Some((total + current, used, last_scale))
}

/// The decimals said after "point" from word `k`, whose number is
/// `first`: (their value, words).
pub(super) fn spoken_decimals(text: &str, toks: &[Span], k: usize, first: f64) -> (f64, usize) {
    // "two hundred point seventy-one": the decimals said as one number.
    if first >= 10.0 {
        return (first / 100.0, 1);
    }
    // "two hundred point zero three": decimal digits spoken one by one.
    let mut scale_down = 0.1;
    let mut fraction = 0.0;
    let mut j = k;
    while let Some(v) = small_number(&lower(text, toks.get(j))).filter(|&v| v < 10.0) {
        fraction += v * scale_down;
        scale_down /= 10.0;
        j += 1;
    }
    (fraction, j - k)
}

/// A fraction after a number: "two thirds", "five-eighths", "two thirds of
/// a million", "3 million and a half".
pub(super) fn fraction_after(
    text: &str,
    toks: &[Span],
    i: usize,
    mut value: f64,
    mut used: usize,
    digits: bool,
    last_scale: f64,
) -> (f64, usize) {
    let lw = |k: usize| lower(text, toks.get(k));
    if !digits {
        // "two thirds", "five-eighths": a spelled count of a spelled fraction.
        let hyphen = usize::from(lw(i + used) == "-");
        // One takes the singular ("one eighth"), more the plural ("five
        // eighths"): "two millionth" is a count and an ordinal.
        let word = lw(i + used + hyphen);
        let agrees = (value == 1.0) != word.ends_with('s') || word == "half";
        // "three quarters of the vote": quarters as a share, not as time.
        let share_of = word == "quarters"
            && value > 1.0
            && value < 4.0
            && (lw(i + used + 1) == "of" || !lw(i + used + 1).starts_with(char::is_alphanumeric));
        if let Some(d) = denominator(&word)
            .filter(|_| value > 0.0 && agrees)
            .or(share_of.then_some(4.0))
        {
            value /= d;
            used += hyphen + 1;
            // "two thirds of a million"
            if lw(i + used) == "of" && matches!(&*lw(i + used + 1), "a" | "an") {
                if let Some(s) = scale(&lw(i + used + 2)).filter(|&s| s >= 1e3) {
                    value *= s;
                    used += 3;
                }
            }
            return (value, used);
        }
    }
    // "3 million and a half": after digits, or words with no fraction of their own.
    if let Some((f, words)) = and_fraction(text, toks, i + used) {
        (value, used) = with_fraction(
            value,
            used,
            f,
            words,
            last_scale,
            scale(&lw(i + used + words)),
        );
    }
    (value, used)
}

/// "one in three", "two out of five", "1 over 3": a ratio, else the
/// number as read.
pub(super) fn ratio_or_value(
    text: &str,
    toks: &[Span],
    i: usize,
    value: f64,
    used: usize,
) -> Option<(f64, usize)> {
    let lw = |k: usize| lower(text, toks.get(k));
    // "one in three", "two out of five", "1 over 3": a ratio. Not "$2000
    // over 3 years" (a span of time), nor "1 in 2019" (a year).
    let link = match (&*lw(i + used), &*lw(i + used + 1)) {
        ("out", "of") => Some(("out", 2)),
        ("over", _) => Some(("over", 1)),
        ("in", _) => Some(("in", 1)),
        _ => None,
    };
    if let Some((link, link_len)) = link {
        let k = i + used + link_len;
        if let Some((d, d_used)) = number_at(text, toks, k).filter(|&(d, _)| d > 0.0) {
            let after = lw(k + d_used);
            let year = lw(k).len() == 4 && (1800.0..=2100.0).contains(&d);
            let ratio = match link {
                "over" => !after.starts_with(char::is_alphabetic),
                "in" => value > 0.0 && value <= 10.0 && d > value && !year,
                _ => d >= value,
            };
            if ratio {
                return Some((value / d, used + link_len + d_used));
            }
        }
    }
    value.is_finite().then_some((value, used))
}

/// An ordinal in words, singular or plural: "fifth" 5, "twenty-firsts" 21,
/// "thirtieth" 30, "hundredths" 100.
pub(super) fn spelled_ordinal(w: &str) -> Option<f64> {
    let w = w.strip_suffix('s').unwrap_or(w);
    if let Some((tens, unit)) = w.split_once('-') {
        let t = small_number(tens).filter(|t| *t >= 20.0 && t % 10.0 == 0.0)?;
        let u = ORDINALS[..9].iter().position(|x| *x == unit)?;
        return Some(t + u as f64 + 1.0);
    }
    if let Some(u) = ORDINALS.iter().position(|x| *x == w) {
        return Some(u as f64 + 1.0);
    }
    if let Some(t) = ORDINAL_TENS.iter().position(|x| *x == w) {
        return Some(20.0 + 10.0 * t as f64);
    }
    match w {
        "hundredth" => Some(100.0),
        "thousandth" => Some(1000.0),
        _ => None,
    }
}

/// A fraction over a compound ordinal: "one twenty-fifth", "three twenty
/// firsts", "one hundred thirty fifths" (100/35), "one one hundred and
/// fifth" (1/105). The denominator takes as many words as it can, the
/// numerator must agree with it (one fifth, two fifths). Plain "two
/// thirds" is left to the caller, which knows "of a million".
pub(super) fn ordinal_fraction(text: &str, toks: &[Span], i: usize) -> Option<(f64, usize)> {
    let lw = |k: usize| lower(text, toks.get(k));
    small_number(&lw(i))?;
    // The ordinal that ends the phrase, after number words only.
    let mut e = i + 1;
    while spelled_ordinal(&lw(e)).is_none() {
        let w = lw(e);
        if e > i + 6 || !(small_number(&w).is_some() || scale(&w).is_some() || w == "and") {
            return None;
        }
        e += 1;
    }
    let ordinal = lw(e);
    let plural = ordinal.ends_with('s');
    for j in i + 1..=e {
        let Some((num, used)) = number_at(text, &toks[..j], i) else {
            continue;
        };
        if used != j - i || (num == 1.0) == plural {
            continue;
        }
        // The words between numerator and ordinal: a round number the
        // ordinal completes ("thirty fifths" 35, "one hundred and fifth" 105).
        let between = if lw(e - 1) == "and" && e - 1 > j {
            e - 1
        } else {
            e
        };
        let base = if between == j {
            0.0
        } else {
            match number_at(text, &toks[..between], j) {
                Some((b, u)) if u == between - j && b >= 20.0 && b % 10.0 == 0.0 => b,
                _ => continue,
            }
        };
        let last = spelled_ordinal(&ordinal)?;
        if base > 0.0 && last >= if base % 100.0 == 0.0 { 100.0 } else { 10.0 } {
            continue;
        }
        // A plain fraction ("two thirds") is the caller's.
        if base == 0.0 && j == e && denominator(&ordinal).is_some() {
            return None;
        }
        return Some((num / (base + last), e + 1 - i));
    }
    None
}

/// Numbers listed in one token, with their byte ranges: "22,24,26,31" (two
/// commas or more, and groups that are not thousands), "three-nought-four"
/// (three number words or more; "twenty-five" is one number).
pub(super) fn listed_numbers(w: &str) -> Option<Vec<(usize, usize, f64)>> {
    let separator = if w.contains(',') { ',' } else { '-' };
    let mut pieces = Vec::new();
    let mut from = 0;
    for part in w.split(separator) {
        let v = if separator == ',' {
            part.parse::<f64>().ok().filter(|_| {
                (1..=3).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit())
            })?
        } else {
            small_number(part).filter(|v| *v < 20.0)?
        };
        pieces.push((from, from + part.len(), v));
        from += part.len() + 1;
    }
    let thousands = separator == ',' && pieces.iter().skip(1).all(|&(a, b, _)| b - a == 3);
    (pieces.len() >= 3 && !thousands).then_some(pieces)
}

/// Digits grouped by thousands with spaces, as SI style writes them: "1 234
/// 567", "40 000", "1 234 567.89". Each group after the first has three
/// digits and follows a single space, so "in 2019 100 people" stays two numbers.
pub(super) fn space_grouped(text: &str, toks: &[Span], i: usize) -> Option<(f64, usize)> {
    let first = word(text, *toks.get(i)?);
    if !(1..=3).contains(&first.len()) || !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // "July 4 200 protesters": a day, then a count.
    if i > 0 && is_month_word(&lower(text, toks.get(i - 1))) {
        return None;
    }
    let mut figure = first.to_string();
    let mut k = i + 1;
    while let Some(&t) = toks.get(k) {
        let gap = &text[toks[k - 1].end..t.start];
        let group = word(text, t);
        let (digits, decimals) = group.split_once('.').unwrap_or((group, ""));
        let grouped = matches!(gap, " " | "\u{a0}" | "\u{202f}" | "\u{2009}")
            && digits.len() == 3
            && digits.bytes().all(|b| b.is_ascii_digit())
            && decimals.bytes().all(|b| b.is_ascii_digit());
        if !grouped {
            break;
        }
        figure.push_str(group);
        k += 1;
        if !decimals.is_empty() {
            break;
        }
    }
    (k > i + 1)
        .then(|| figure.parse::<f64>().ok().map(|v| (v, k - i)))
        .flatten()
}

/// A number with a fraction after "and": a share of the scale after it
/// ("one billion and three quarters million", "five and a half million"),
/// or of the scale the number ended on ("3 million and a half"), else added
/// as it is ("two and a half"). (value, tokens used.)
pub(super) fn with_fraction(
    value: f64,
    used: usize,
    f: f64,
    words: usize,
    last_scale: f64,
    next_scale: Option<f64>,
) -> (f64, usize) {
    match next_scale.filter(|&s| s >= 1e3) {
        Some(s) if last_scale > 0.0 => (value + f * s, used + words + 1),
        Some(s) => ((value + f) * s, used + words + 1),
        None if last_scale > 0.0 && value % last_scale == 0.0 => {
            (value + f * last_scale, used + words)
        }
        None => (value + f, used + words),
    }
}

/// A fraction added with "and" at token `k`: "and a half", "and three
/// fifths", "and one fourth", "and three quarters". (value, tokens).
pub(super) fn and_fraction(text: &str, toks: &[Span], k: usize) -> Option<(f64, usize)> {
    let lw = |j: usize| lower(text, toks.get(j));
    if lw(k) != "and" {
        return None;
    }
    let count = match &*lw(k + 1) {
        "a" | "an" => 1.0,
        w => small_number(w).filter(|n| *n >= 1.0 && *n < 100.0)?,
    };
    let word = lw(k + 2);
    let agrees = (count == 1.0) != word.ends_with('s') || word == "half";
    // "and a thirtieth", "and fifty-four hundredths"; not "and a second".
    let d = match &*word {
        "quarter" | "quarters" => Some(4.0),
        w => denominator(w).or_else(|| spelled_ordinal(w).filter(|d| *d >= 3.0)),
    }
    .filter(|_| agrees)?;
    (count < d).then_some((count / d, 3))
}

/// A fraction written with a slash: "3/4", "-4/5". Only proper fractions
/// over the denominators recipes and statistics use, so "9/11", "24/7"
/// and "50/50" stay what they are.
pub(super) fn slash_fraction(w: &str) -> Option<f64> {
    let (sign, w) = match w.strip_prefix(['-', '−']) {
        Some(rest) => (-1.0, rest),
        None => (1.0, w),
    };
    let (n, d) = w.split_once('/')?;
    let (n, d) = (n.parse::<u32>().ok()?, d.parse::<u32>().ok()?);
    (n > 0 && n < d && matches!(d, 2 | 3 | 4 | 5 | 6 | 8 | 10 | 16 | 32 | 64 | 100))
        .then(|| sign * f64::from(n) / f64::from(d))
}

/// The denominator a fraction word names: "half" 2, "thirds" 3, "eighth" 8.
/// Not "quarter", which is mostly a span of time in news.
pub(super) fn denominator(w: &str) -> Option<f64> {
    const NAMES: [(&str, f64); 15] = [
        ("half", 2.0),
        ("third", 3.0),
        ("fourth", 4.0),
        ("fifth", 5.0),
        ("sixth", 6.0),
        ("seventh", 7.0),
        ("eighth", 8.0),
        ("ninth", 9.0),
        ("tenth", 10.0),
        ("hundredth", 100.0),
        ("thousandth", 1000.0),
        ("millionth", 1e6),
        ("billionth", 1e9),
        ("trillionth", 1e12),
        ("halves", 2.0),
    ];
    let singular = w.strip_suffix('s').filter(|s| *s != "half").unwrap_or(w);
    NAMES
        .iter()
        .find(|(n, _)| *n == singular || *n == w)
        .map(|&(_, d)| d)
}
