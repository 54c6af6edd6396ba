//! Quantities: money with its ISO 4217 currency, percentages, ordinals and
//! counts with the counted noun, each with its qualifier ("nearly" →
//! about), range and rate ("every month" → P1M). Rules over tokens; years
//! and day numbers are left to the time recogniser.

use dossier_core::Upos;
use std::borrow::Cow;

use dossier_core::{Approx, Document, Quantity, QuantityKind, Span};

use crate::lexicon::{is_month_word, CARDINALS, ORDINALS, ORDINAL_TENS, TENS};

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

/// Value of a number word ("four" → 4), not scales.
fn small_number(w: &str) -> Option<f64> {
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

fn scale(w: &str) -> Option<f64> {
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
fn numeral(w: &str) -> Option<f64> {
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
fn tidy(v: f64) -> f64 {
    if v.fract() == 0.0 {
        v
    } else {
        (v * 1e9).round() / 1e9
    }
}

fn vulgar_fraction(c: char) -> Option<f64> {
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
fn digit_value(c: char) -> Option<u32> {
    let code = c as u32;
    [0x30, 0x660, 0x6F0, 0x966, 0x9E6, 0xFF10]
        .iter()
        .find(|&&zero| (zero..zero + 10).contains(&code))
        .map(|zero| code - zero)
}

/// A currency sign or code before the number; `w` is lowercased.
fn currency_before(w: &str) -> Option<&'static str> {
    Some(match w {
        "$" | "us$" | "usd" | "usd$" => "USD",
        "€" | "eur" => "EUR",
        "£" | "gbp" => "GBP",
        "¥" | "jpy" => "JPY",
        "₹" | "rs" | "rs." | "inr" => "INR",
        "₽" | "rub" => "RUB",
        "₴" | "uah" => "UAH",
        "c$" | "cad" | "cad$" => "CAD",
        "a$" | "aud" | "aud$" => "AUD",
        "hk$" | "hkd" => "HKD",
        "nz$" | "nzd" | "nzd$" => "NZD",
        "mex$" | "mxn" | "mxn$" => "MXN",
        "chf" => "CHF",
        "cny" | "rmb" => "CNY",
        "₿" | "btc" | "xbt" => "XBT",
        _ => return None,
    })
}

/// An ISO code with the "M" of millions in front, as in financial tables:
/// "30 MUSD", "MAUD 60"; `w` is lowercased.
fn million_code(w: &str) -> Option<&'static str> {
    let code = w.strip_prefix('m').filter(|c| c.len() == 3)?;
    currency_before(code)
}

/// A number glued to its currency: "USD115", "115USD", "nzd$15", "100元",
/// "12-cent", "one-yen", and "12-cent-a-share" up to its currency; `w` is
/// lowercased. Returns the currency, the value in its main unit and how
/// many bytes of `w` the sum takes.
fn glued_money(w: &str) -> Option<(&'static str, f64, usize)> {
    let split = w.find(|c: char| c.is_numeric()).unwrap_or(0);
    if split > 0 {
        let (sign, number) = w.split_at(split);
        return Some((currency_before(sign)?, numeral(number)?, w.len()));
    }
    let (number, rest) = match w.split_once('-') {
        Some((n, rest)) if !n.starts_with(|c: char| c.is_numeric()) => (n, rest),
        _ => w.split_at(w.find(|c: char| !(c.is_numeric() || c == ',' || c == '.'))?),
    };
    let unit = rest.strip_prefix('-').unwrap_or(rest);
    let unit = unit.split('-').next().unwrap_or(unit);
    let (code, factor, _) = currency_after(unit, "")?;
    let value = numeral(number).or_else(|| small_number(number))?;
    Some((
        code,
        value * factor,
        (unit.as_ptr() as usize - w.as_ptr() as usize) + unit.len(),
    ))
}

/// "c $ 16.4 million", "us $ 150 million": a country prefix split from "$"; `w` is lowercased.
fn dollar_prefix(w: &str) -> Option<&'static str> {
    Some(match w {
        "us" | "u.s" | "u.s." => "USD",
        "c" | "can" => "CAD",
        "hk" => "HKD",
        "nz" => "NZD",
        "au" | "aus" => "AUD",
        "s" | "sg" => "SGD",
        _ => return None,
    })
}

/// A currency named after the number, over one or two words: its code,
/// the factor to the main unit ("cents" is 0.01 USD) and the words it takes.
fn currency_after(w: &str, next: &str) -> Option<(&'static str, f64, usize)> {
    let two = match (w, next) {
        ("us" | "u.s." | "american", "dollar" | "dollars") => Some("USD"),
        ("canadian", "dollar" | "dollars") => Some("CAD"),
        ("australian", "dollar" | "dollars") => Some("AUD"),
        ("swiss", "franc" | "francs") => Some("CHF"),
        ("dutch", "guilder" | "guilders") => Some("NLG"),
        ("finnish", "markka" | "markkaa") => Some("FIM"),
        ("chinese", "yuan") => Some("CNY"),
        ("mexican", "peso" | "pesos") => Some("MXN"),
        ("turkish", "lira") => Some("TRY"),
        _ => None,
    };
    if let Some(code) = two {
        return Some((code, 1.0, 2));
    }
    let (code, factor) = match w {
        "dollar" | "dollars" | "usd" | "$" => ("USD", 1.0),
        "cent" | "cents" => ("USD", 0.01),
        "euro" | "euros" | "eur" | "€" => ("EUR", 1.0),
        "pound" | "pounds" | "sterling" | "gbp" | "£" => ("GBP", 1.0),
        "pence" | "penny" | "pennies" => ("GBP", 0.01),
        "yen" => ("JPY", 1.0),
        "rupee" | "rupees" => ("INR", 1.0),
        "rouble" | "roubles" | "ruble" | "rubles" => ("RUB", 1.0),
        "hryvnia" | "hryvnias" | "hryvnia's" => ("UAH", 1.0),
        "yuan" | "renminbi" | "rmb" | "kuai" | "元" => ("CNY", 1.0),
        "franc" | "francs" | "chf" => ("CHF", 1.0),
        "peseta" | "pesetas" => ("ESP", 1.0),
        "guilder" | "guilders" => ("NLG", 1.0),
        "markka" | "markkaa" => ("FIM", 1.0),
        "lira" => ("TRY", 1.0),
        "bitcoin" | "bitcoins" | "btc" | "xbt" | "₿" => ("XBT", 1.0),
        "satoshi" | "satoshis" => ("XBT", 1e-8),
        "ரூ" => ("LKR", 1.0),
        "mxn" => ("MXN", 1.0),
        "₡" => ("CRC", 1.0),
        "₾" => ("GEL", 1.0),
        "₭" => ("LAK", 1.0),
        _ => match million_code(w) {
            Some(code) => (code, 1e6),
            None => return None,
        },
    };
    Some((code, factor, 1))
}

/// A range written as one token: "20-30", "5k-20k", "20~100"; `w` is
/// lowercased. Years ("1990-1995") are left to times, and a pair that does
/// not rise ("3-2", a score) is no range.
fn range_token(w: &str) -> Option<(f64, f64)> {
    let (lo, hi) = w.split_once(['-', '–', '~'])?;
    let (a, b) = (numeral(lo)?, numeral(hi)?);
    let year = |s: &str, v: f64| s.len() == 4 && (1800.0..=2100.0).contains(&v);
    (a < b && !(year(lo, a) && (year(hi, b) || hi.len() == 2))).then_some((a, b))
}

/// The change after a sum in the main unit: "3 dollars 50 cents",
/// "thirteen dollars and forty-five cents", "15 dollars 50", "one kuai and
/// five mao five". Returns the amount in the main unit and the end token.
fn change_after(text: &str, toks: &[Span], mut k: usize) -> Option<(f64, usize)> {
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

/// A rank: "first" to "twelfth" in words, or "21st" in figures.
fn ordinal(w: &str) -> Option<f64> {
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
fn number_at(text: &str, toks: &[Span], i: usize) -> Option<(f64, usize)> {
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
fn share_word(text: &str, toks: &[Span], i: usize, first: &str) -> Option<(f64, usize)> {
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
fn fraction_forms(text: &str, toks: &[Span], i: usize, first: &str) -> Option<(f64, usize)> {
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
fn composed_first(text: &str, toks: &[Span], i: usize, first: &str) -> Option<f64> {
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
fn below_scale_after_and(
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
fn composed_number(text: &str, toks: &[Span], i: usize, first: &str) -> Option<(f64, usize, f64)> {
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
fn spoken_decimals(text: &str, toks: &[Span], k: usize, first: f64) -> (f64, usize) {
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
fn fraction_after(
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
fn ratio_or_value(
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
fn spelled_ordinal(w: &str) -> Option<f64> {
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
fn ordinal_fraction(text: &str, toks: &[Span], i: usize) -> Option<(f64, usize)> {
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
fn listed_numbers(w: &str) -> Option<Vec<(usize, usize, f64)>> {
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
fn space_grouped(text: &str, toks: &[Span], i: usize) -> Option<(f64, usize)> {
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
fn with_fraction(
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
fn and_fraction(text: &str, toks: &[Span], k: usize) -> Option<(f64, usize)> {
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
fn slash_fraction(w: &str) -> Option<f64> {
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
fn denominator(w: &str) -> Option<f64> {
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

/// Words that bound a figure from before it, longest first: "no less than",
/// "greater than or equal to", "above", ">=".
const BOUNDS_BEFORE: &[(&[&str], Approx)] = &[
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
fn qualifier(text: &str, toks: &[Span], i: usize) -> (Approx, usize) {
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
        | "circa" | "approx." | "~" => (Approx::About, 1),
        _ => (Approx::Exact, 0),
    }
}

/// The words at token `k` that say "percent", and how many: "%",
/// "percent", "percents", "per cent", "percentage" (but "5 percentage
/// points" is a difference of rates, not a rate).
fn percent_sign(text: &str, toks: &[Span], k: usize) -> Option<usize> {
    let next = lower(text, toks.get(k + 1));
    match &*lower(text, toks.get(k)) {
        "%" | "percent" | "percents" => Some(1),
        "percentage" if !next.starts_with("point") => Some(1),
        "per" if next == "cent" => Some(2),
        _ => None,
    }
}

/// Words that bound a figure from after it: "500 or more", "200 or greater".
fn bound_after(text: &str, toks: &[Span], end: usize) -> Option<(Approx, usize)> {
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
fn glued_comparison(w: &str) -> Option<(usize, Approx, f64)> {
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

fn sentence(text: &str, toks: &[Span], pos: &[Option<Upos>], out: &mut Vec<Quantity>) {
    let first = out.len();
    bounded_figures(text, toks, pos, out);
    join_bounds(text, out, first);
}

/// "more than 10 and less than 20", "at most 100 and at least 20": two
/// bounds joined by "and"/"but" are one range. Looks at `found[first..]`,
/// this sentence's figures.
fn join_bounds(text: &str, found: &mut Vec<Quantity>, first: usize) {
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

fn bounded_figures(text: &str, toks: &[Span], pos: &[Option<Upos>], out: &mut Vec<Quantity>) {
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
    // Vague amounts: "dozens of", "hundreds of", "thousands of".
    if matches!(
        lw,
        "dozens" | "hundreds" | "thousands" | "millions" | "scores"
    ) && toks.get(i + 1).is_some_and(|t| word(text, *t) == "of")
    {
        let (unit, unit_end) = counted_noun(text, toks, pos, i + 2);
        let end = unit_end.unwrap_or(i + 1);
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
        // "May 4th" is a date, not a rank.
        let after_month = i > 0 && is_month_word(&lower(text, toks.get(i - 1)));
        if !after_month
            && (lw != "second" || (i > 0 && word(text, toks[i - 1]).eq_ignore_ascii_case("the")))
        {
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

/// A currency sign or code before the number at `i` ("MAUD 60" is in
/// millions): (currency, where the number starts, the factor it scales by).
fn currency_prefix(
    text: &str,
    toks: &[Span],
    i: usize,
    lw: &str,
) -> (Option<&'static str>, usize, f64) {
    let after_possessive = i > 0 && matches!(word(text, toks[i - 1]), "'" | "’");
    let word_before_digits = matches!(lw, "dollar" | "dollars")
        && toks
            .get(i + 1)
            .is_some_and(|t| word(text, *t).starts_with(|c: char| c.is_ascii_digit()));
    let named = currency_before(lw).or(word_before_digits.then_some("USD"));
    match named
        .map(|c| (c, 1.0))
        .or_else(|| million_code(lw).map(|c| (c, 1e6)))
    {
        Some((c, f)) if i + 1 < toks.len() => (Some(c), i + 1, f),
        _ => match dollar_prefix(lw) {
            // "music ' s $ 500 million": that "s" is a possessive, not Singapore.
            Some(c)
                if i + 2 < toks.len() && word(text, toks[i + 1]) == "$" && !after_possessive =>
            {
                (Some(c), i + 2, 1.0)
            }
            _ => (None, i, 1.0),
        },
    }
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
