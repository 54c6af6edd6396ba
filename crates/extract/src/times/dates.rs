//! Words of a date: month and weekday names, days of the month, spoken and written years, month
//! dates ("March 5", "5 March 2019") and numeric dates ("5/3/2019").

use super::*;

pub(super) fn month_of(w: &str) -> Option<i64> {
    let l = crate::lexicon::lower(w);
    let l = l.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|m| *m == l || (l.len() >= 3 && m.starts_with(l) && l != "may" && l.len() <= 4))
        .map(|i| i as i64 + 1)
        .or_else(|| (l == "may").then_some(5))
}

pub(super) fn number_word(w: &str) -> Option<i64> {
    // Called several times on every word: most words start with a letter no
    // number word starts with, and need no lower-casing.
    if !w.starts_with(|c: char| {
        c.is_ascii_digit()
            || matches!(
                c.to_ascii_lowercase(),
                'z' | 'o' | 't' | 'f' | 's' | 'e' | 'n' | 'h' | 'a'
            )
    }) {
        return None;
    }
    let l: std::borrow::Cow<str> = if w.bytes().any(|b| b.is_ascii_uppercase()) {
        w.to_lowercase().into()
    } else {
        w.into()
    };
    let l = l.as_ref();
    if let Some(i) = CARDINALS.iter().position(|x| *x == l) {
        return Some(i as i64);
    }
    // "twenty", "forty-five" (broadcast transcripts spell numbers out).
    let (tens, ones) = if l.contains('-') {
        l.split_once('-').unwrap_or((l, ""))
    } else {
        (l, "")
    };
    if let Some(t) = TENS.iter().position(|x| *x == tens) {
        let ones = if ones.is_empty() {
            Some(0)
        } else {
            CARDINALS[1..10]
                .iter()
                .position(|x| *x == ones)
                .map(|o| o as i64 + 1)
        };
        return ones.map(|o| 20 + 10 * t as i64 + o);
    }
    if l == "hundred" {
        return Some(100);
    }
    if l == "a" || l == "an" {
        return Some(1);
    }
    if l.len() <= 4 && l.chars().all(|c| c.is_ascii_digit()) {
        return l.parse().ok();
    }
    None
}

/// A weekday name, full or cut ("tues", "Fri."): (0 = Monday, whether full).
pub(super) fn weekday_of(w: &str) -> Option<(usize, bool)> {
    if let Some(k) = WEEKDAYS.iter().position(|x| *x == w) {
        return Some((k, true));
    }
    let cut = w.trim_end_matches('.');
    const CUT: [&[&str]; 7] = [
        &["mon"],
        &["tue", "tues"],
        &["wed"],
        &["thu", "thur", "thurs"],
        &["fri"],
        &["sat"],
        &["sun"],
    ];
    CUT.iter()
        .position(|names| names.contains(&cut))
        .map(|k| (k, false))
}

/// The day of a month at word `k`: "27", "4th", "04th", "fourth",
/// "twenty-third", "twenty third". (day, words).
pub(super) fn day_of_month(w: &[String], k: usize) -> Option<(i64, usize)> {
    let at = |k: usize| w.get(k).map(String::as_str).unwrap_or("");
    let ordinal = |x: &str| {
        ORDINALS
            .iter()
            .position(|o| *o == x)
            .map(|p| p as i64 + 1)
            .or((x == "twentieth").then_some(20))
            .or((x == "thirtieth").then_some(30))
    };
    let word = at(k);
    let figure = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if !figure.is_empty()
        && figure.len() <= 2
        && figure.bytes().all(|b| b.is_ascii_digit())
        && matches!(&word[figure.len()..], "" | "st" | "nd" | "rd" | "th")
    {
        return figure
            .parse()
            .ok()
            .filter(|d| (1..=31).contains(d))
            .map(|d| (d, 1));
    }
    if let Some(d) = ordinal(word) {
        return Some((d, 1));
    }
    let (tens, rest) = word.split_once('-').unwrap_or((word, ""));
    let tens = match tens {
        "twenty" => 20,
        "thirty" => 30,
        _ => return None,
    };
    let (ones, len) = if rest.is_empty() {
        (ordinal(at(k + 1))?, 2)
    } else {
        (ordinal(rest)?, 1)
    };
    (ones < 10 && tens + ones <= 31).then_some((tens + ones, len))
}

/// A day of the month as a cardinal in words: "five", "twenty five", "thirty-one".
pub(super) fn cardinal_day(w: &[String], k: usize) -> Option<(i64, usize)> {
    let at = |k: usize| w.get(k).map(String::as_str).unwrap_or("");
    let words_only =
        |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-');
    let n = number_word(at(k))
        .filter(|n| (1..=31).contains(n) && words_only(at(k)) && !matches!(at(k), "a" | "an"))?;
    match number_word(at(k + 1)).filter(|o| {
        (n == 20 || n == 30) && (1..10).contains(o) && n + o <= 31 && words_only(at(k + 1))
    }) {
        Some(o) => Some((n + o, 2)),
        None => Some((n, 1)),
    }
}

/// A year in words at `k`: "nineteen eighty six", "nineteen hundred ninety
/// three", "seventeen hundred thirty three", "two thousand and fifteen".
pub(super) fn spoken_year(w: &[String], k: usize) -> Option<(i64, usize)> {
    let at = |k: usize| w.get(k).map(String::as_str).unwrap_or("");
    // "eighty six", "eighty-six", "thirty two": a number under a hundred.
    let two_digits = |k: usize| -> Option<(i64, usize)> {
        let n = number_word(at(k)).filter(|n| {
            (1..100).contains(n) && at(k).bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
        })?;
        match number_word(at(k + 1)).filter(|o| {
            n % 10 == 0
                && n >= 20
                && (1..10).contains(o)
                && at(k + 1).bytes().all(|b| b.is_ascii_alphabetic())
        }) {
            Some(o) => Some((n + o, 2)),
            None => Some((n, 1)),
        }
    };
    let century = number_word(at(k))
        .filter(|c| (10..=20).contains(c) && at(k).bytes().all(|b| b.is_ascii_alphabetic()))?;
    if at(k + 1) == "thousand" {
        return None;
    }
    let hundred = usize::from(at(k + 1) == "hundred");
    let (rest, len) = two_digits(k + 1 + hundred).filter(|(n, _)| *n >= 10 || hundred == 1)?;
    Some((century * 100 + rest, 1 + hundred + len))
}

/// "two thousand", "two thousand and fifteen", "two thousand five".
pub(super) fn spoken_millennium(w: &[String], k: usize) -> Option<(i64, usize)> {
    let at = |k: usize| w.get(k).map(String::as_str).unwrap_or("");
    if (at(k), at(k + 1)) != ("two", "thousand") {
        return None;
    }
    let and = usize::from(at(k + 2) == "and");
    let n = number_word(at(k + 2 + and)).filter(|n| {
        (1..100).contains(n)
            && at(k + 2 + and)
                .bytes()
                .all(|b| b.is_ascii_alphabetic() || b == b'-')
    });
    match n {
        Some(n) => {
            let ones = number_word(at(k + 3 + and)).filter(|o| {
                n % 10 == 0
                    && n >= 20
                    && (1..10).contains(o)
                    && at(k + 3 + and).bytes().all(|b| b.is_ascii_alphabetic())
            });
            Some((
                2000 + n + ones.unwrap_or(0),
                3 + and + usize::from(ones.is_some()),
            ))
        }
        None => Some((2000, 2)),
    }
}

/// A year after a date at word `k`: "2024", ", 2024", "of 1995", "of 87",
/// "nineteen eighty six". (year, words).
pub(super) fn year_after(w: &[String], k: usize, anchor: Option<i64>) -> Option<(i64, usize)> {
    let at = |k: usize| w.get(k).map(String::as_str).unwrap_or("");
    if let Some(found) = spoken_year(w, k).or_else(|| spoken_millennium(w, k)) {
        return Some(found);
    }
    match at(k) {
        "," => year_number(at(k + 1)).map(|y| (y, 2)),
        "of" => year_number(at(k + 1))
            .or_else(|| {
                at(k + 1)
                    .parse::<i64>()
                    .ok()
                    .filter(|_| at(k + 1).len() == 2)
                    .map(|yy| full_year(yy, anchor))
            })
            .map(|y| (y, 2)),
        x => year_number(x).map(|y| (y, 1)),
    }
}

/// A date around a month name at word `i` (see `expression`).
pub(super) fn month_date(
    w: &[String],
    toks: &[Span],
    text: &str,
    i: usize,
    anchor: Option<i64>,
    tense: Tense,
) -> Option<Found> {
    let at = |k: usize| w.get(k).map(String::as_str).unwrap_or("");
    let (y0, _, _) = anchor.map(civil_from_days).unwrap_or((0, 0, 0));
    let capital = |k: usize| capitalised(toks, text, k);
    let (m, month_at, mut day) = month_and_leading_day(w, toks, text, i, anchor)?;
    let mut len = month_at + 1 - i;
    let full_name = MONTHS.contains(&at(month_at));
    if day.is_none() {
        if let Some((d, l)) = day_after_month(w, i, capital(i)) {
            day = Some(d);
            len += l;
        }
    }
    let mut year = None;
    if let Some((y, l)) = year_after(w, i + len, anchor) {
        year = Some(y);
        len += l;
    }
    // A month alone: capitalized, or a full name other than the verbs "may" and "march".
    if day.is_none()
        && year.is_none()
        && !capital(i)
        && (!full_name || matches!(at(i), "may" | "march"))
    {
        return None;
    }
    // "January this year", "June last year".
    if day.is_none()
        && year.is_none()
        && matches!(at(i + len), "this" | "last" | "next")
        && at(i + len + 1) == "year"
    {
        let y = y0
            + match at(i + len) {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
        return Some((
            len + 2,
            TimeType::Date,
            anchor.map(|_| format!("{y:04}-{m:02}")),
            Some(y),
        ));
    }
    // "after mid May", "since May": a capitalized May after such words is the month.
    let may_month = i > 0
        && capital(i)
        && matches!(
            at(i - 1),
            "in" | "mid" | "early" | "late" | "after" | "before" | "since" | "until" | "by"
        );
    if m == 5 && day.is_none() && year.is_none() && !may_month {
        return None; // "may" the verb
    }
    // "Jan" alone is more often a name, but not in "from Sep to Nov".
    let bounded = i > 0
        && capital(i)
        && matches!(
            at(i - 1),
            "from"
                | "to"
                | "after"
                | "before"
                | "until"
                | "till"
                | "since"
                | "through"
                | "-"
                | "of"
                | "mid"
        );
    if !full_name && day.is_none() && year.is_none() && !bounded {
        return None;
    }
    let resolved_year = year.or_else(|| anchor.map(|a| year_of_month(a, m, day, tense)));
    let value = match (resolved_year, day) {
        (Some(y), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
        (Some(y), None) => format!("{y:04}-{m:02}"),
        (None, Some(d)) => format!("XXXX-{m:02}-{d:02}"),
        (None, None) => format!("XXXX-{m:02}"),
    };
    Some((len, TimeType::Date, Some(value), year))
}

/// Whether token `k` starts with a capital letter.
pub(super) fn capitalised(toks: &[Span], text: &str, k: usize) -> bool {
    toks.get(k)
        .map(|t| t.of(text))
        .unwrap_or("")
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// The month at or after word `i`, with the day said before it: "27
/// June", "4th of July", "the fourth of july", "twenty five January", or
/// the month alone. (month, where the month is, the day.)
pub(super) fn month_and_leading_day(
    w: &[String],
    toks: &[Span],
    text: &str,
    i: usize,
    anchor: Option<i64>,
) -> Option<(i64, usize, Option<i64>)> {
    let at = |k: usize| w.get(k).map(String::as_str).unwrap_or("");
    let raw = |k: usize| toks.get(k).map(|t| t.of(text)).unwrap_or("");
    // ("One may ask": "may" and "march" are verbs after a number in words.)
    let spoken = cardinal_day(w, i).filter(|&(_, len)| {
        MONTHS.contains(&at(i + len)) && !matches!(at(i + len), "may" | "march")
    });
    // "$12 December 27": an amount, then the date.
    let amount = i > 0 && matches!(at(i - 1), "$" | "€" | "£" | "¥");
    let Some((d, len)) = day_of_month(w, i).or(spoken).filter(|_| !amount) else {
        return Some((month_of(raw(i))?, i, None));
    };
    let of = usize::from(at(i + len) == "of");
    // A spelled ordinal needs its "of": "fourth of July", but "first May Day".
    if of == 0 && !at(i).starts_with(|c: char| c.is_ascii_digit()) && spoken.is_none() {
        return None;
    }
    let k = i + len + of;
    let m = month_of(raw(k))?;
    // "3 may" or "5 march" in lower case is a verb unless an "of" or a suffix says otherwise.
    let spelled_as_date = of == 1
        || !at(i).bytes().all(|b| b.is_ascii_digit())
        || capitalised(toks, text, k)
        || year_after(w, k + 1, anchor).is_some();
    if !spelled_as_date && matches!(at(k), "may" | "march") {
        return None;
    }
    Some((m, k, Some(d)))
}

/// The day after the month name at word `i`: "June 27", "July 4th", "june
/// the 28th", "January twenty five", "October, 1st". (day, words.)
pub(super) fn day_after_month(w: &[String], i: usize, capital: bool) -> Option<(i64, usize)> {
    let at = |k: usize| w.get(k).map(String::as_str).unwrap_or("");
    let the = usize::from(at(i + 1) == "the");
    // Lower-case "may" and "march" before a bare figure are verbs ("may 5 …").
    let verb = !capital
        && matches!(at(i), "may" | "march")
        && at(i + 1 + the).bytes().all(|b| b.is_ascii_digit());
    // "January twenty five": a day in words after a full month name (but
    // "the march one and a half hours" is no date).
    let verb_like = !capital && matches!(at(i), "may" | "march");
    let spoken = || {
        cardinal_day(w, i + 1).filter(|_| {
            the == 0
                && MONTHS.contains(&at(i))
                && spoken_year(w, i + 1)
                    .or_else(|| spoken_millennium(w, i + 1))
                    .is_none()
                && !verb_like
        })
    };
    // "October, 1st": a suffixed day after a comma.
    let comma_day = || {
        (at(i + 1) == ",")
            .then(|| day_of_month(w, i + 2))
            .flatten()
            .filter(|_| {
                at(i + 2).ends_with(|c: char| c.is_ascii_alphabetic())
                    && at(i + 2).starts_with(|c: char| c.is_ascii_digit())
            })
            .map(|(d, l)| (d, l + 1))
    };
    day_of_month(w, i + 1 + the)
        .or_else(spoken)
        .filter(|_| !verb)
        .map(|(d, l)| (d, the + l))
        .or_else(comma_day)
}

/// A date written as one token of figures and month names joined by "/" or
/// "-": "2019-08-01", "1/1/2015", "23/Sep/2020", "Dec-2018", "2015-12",
/// "nov/2". Month first when both could be ("5/6/2024" is 6 May, the US
/// reading). A bare "M/D" is a date only after a word that introduces one
/// (`introduced`), since "24/7" and "9/11" are not. (value, explicit year).
pub(super) fn numeric_date(
    token: &str,
    anchor: Option<i64>,
    introduced: bool,
) -> Option<(String, Option<i64>)> {
    #[derive(Clone, Copy, PartialEq)]
    enum Part {
        Year(i64),
        Number(i64, usize),
        Month(i64),
    }
    let separator = if token.contains('/') { '/' } else { '-' };
    if token.contains('/') && token.contains('-') {
        return None;
    }
    let parts: Vec<Part> = token
        .split(separator)
        .map(|p| {
            if p.len() == 4 && p.bytes().all(|b| b.is_ascii_digit()) {
                year_number(p).map(Part::Year)
            } else if (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse().ok().map(|n| Part::Number(n, p.len()))
            } else if p.len() >= 3 && p.bytes().all(|b| b.is_ascii_alphabetic()) {
                month_of(p).map(Part::Month)
            } else {
                None
            }
        })
        .collect::<Option<_>>()?;
    let ymd = |y: Option<i64>, m: i64, d: i64| -> Option<(String, Option<i64>)> {
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        let value = match y.or_else(|| anchor.map(|a| nearest_year(a, m, d))) {
            Some(y) => format!("{y:04}-{m:02}-{d:02}"),
            None => format!("XXXX-{m:02}-{d:02}"),
        };
        Some((value, y))
    };
    // Month first unless the first figure cannot be a month.
    let month_day = |a: i64, b: i64| if a > 12 { (b, a) } else { (a, b) };
    use Part::*;
    match parts.as_slice() {
        [Year(y), Number(m, _), Number(d, _)]
        | [Year(y), Month(m), Number(d, _)]
        | [Year(y), Number(d, _), Month(m)] => ymd(Some(*y), *m, *d),
        [Number(d, _), Month(m), Year(y)] | [Month(m), Number(d, _), Year(y)] => {
            ymd(Some(*y), *m, *d)
        }
        [Number(a, _), Number(b, _), Year(y)] => {
            let (m, d) = month_day(*a, *b);
            ymd(Some(*y), m, d)
        }
        [Number(a, _), Number(b, _), Number(yy, 2)] if separator == '/' => {
            let (m, d) = month_day(*a, *b);
            ymd(Some(full_year(*yy, anchor)), m, d)
        }
        [Year(y), Number(m, _)] | [Number(m, _), Year(y)] | [Month(m), Year(y)]
            if (1..=12).contains(m) =>
        {
            Some((format!("{y:04}-{m:02}"), Some(*y)))
        }
        [Month(m), Number(d, _)] | [Number(d, _), Month(m)] => ymd(None, *m, *d),
        [Number(a, _), Number(b, _)] if separator == '/' && introduced => {
            let (m, d) = month_day(*a, *b);
            ymd(None, m, d)
        }
        _ => None,
    }
}
