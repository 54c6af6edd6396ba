//! The cascade that reads one time expression at a word: named rules tried
//! in order, the first that reads an expression wins. The order matters
//! (an earlier rule shadows a later one on the same words); each rule's
//! comment says what it reads, and `tests::every_rule_has_an_example` runs
//! an example of each.

use std::cell::{Cell, OnceCell};

use super::*;

/// What the expressions of a sentence are resolved against, at one word.
#[derive(Clone, Copy)]
pub(super) struct Frame {
    /// The publication day (days since 1970), if known.
    pub anchor: Option<i64>,
    /// Whether the clause speaks of the future.
    pub future: bool,
    /// Whether a word of the sentence says its tense (else `future` is a
    /// default): then a date without a year is sought on that side.
    pub told: bool,
    /// Whether the word hangs from a verb in a finite past (the parse): its
    /// own clause's tense, more exact than the nearest marker's.
    pub past_governor: bool,
    /// Whether a weekday here is read ahead whatever the tense words say:
    /// it hangs from a plain present ("they meet Monday") or is a deadline
    /// ("until Tuesday").
    pub weekday_ahead: bool,
    /// The last explicit year mentioned, for "two years later".
    pub last_year: Option<i64>,
    pub quarters: Quarters,
    /// The anchor's clock, in seconds after midnight, if it has one.
    pub now: Option<i64>,
}

impl Frame {
    /// The clause's tense: whether it speaks of the future, and whether a
    /// word said so.
    pub(super) fn tense(&self) -> Tense {
        Tense {
            future: self.future,
            told: self.told,
            past_governor: self.past_governor,
        }
    }
}

/// What every rule reads: the sentence's lower-cased words and their
/// tokens, the word the expression would start at, and the frame.
pub(super) struct Context<'a> {
    words: &'a [String],
    tokens: &'a [Span],
    text: &'a str,
    i: usize,
    anchor: Option<i64>,
    future: bool,
    last_year: Option<i64>,
    quarters: Quarters,
    now: Option<i64>,
    /// The word at `i`.
    a: &'a str,
    /// The anchor's year; 0 without an anchor.
    y0: i64,
    frame: Frame,
    /// The clock figure at `i` with no meridiem, read once for the rules
    /// that take one as a clock time by what surrounds it.
    bare: OnceCell<Option<ClockFigure>>,
    /// Set by a rule that rules out any expression here: no later rule is tried.
    stopped: Cell<bool>,
}

impl<'a> Context<'a> {
    fn new(words: &'a [String], tokens: &'a [Span], text: &'a str, i: usize, frame: Frame) -> Self {
        let Frame {
            anchor,
            future,
            last_year,
            quarters,
            now,
            ..
        } = frame;
        let (y0, _, _) = anchor.map(civil_from_days).unwrap_or((0, 0, 0));
        let a = words.get(i).map(String::as_str).unwrap_or("");
        Context {
            words,
            tokens,
            text,
            i,
            anchor,
            future,
            last_year,
            quarters,
            now,
            a,
            y0,
            frame,
            bare: OnceCell::new(),
            stopped: Cell::new(false),
        }
    }

    /// The word at `k`, "" past the end.
    fn at(&self, k: usize) -> &'a str {
        self.words.get(k).map(String::as_str).unwrap_or("")
    }

    fn bare(&self) -> Option<ClockFigure> {
        *self
            .bare
            .get_or_init(|| clock_figure(self.words, self.i).filter(|f| f.pm.is_none()))
    }

    /// The expression at word `k` of the same sentence, in the same frame.
    fn expression_at(&self, k: usize) -> Option<Typed> {
        expression(self.words, self.tokens, self.text, k, self.frame)
    }

    /// No expression here, and no later rule is to look for one.
    fn stop(&self) -> Option<Found> {
        self.stopped.set(true);
        None
    }
}

/// A rule: the expression it reads at the context's word, if any.
#[cfg(test)]
type Rule = fn(&Context) -> Option<Found>;

/// The expression starting at token `i`: (tokens, type, value, explicit
/// year). The rules write values as TIMEX3 strings; here, the one place,
/// they are typed for the steps that work on them.
pub(super) fn expression(
    w: &[String],
    toks: &[Span],
    text: &str,
    i: usize,
    frame: Frame,
) -> Option<Typed> {
    expression_rule(w, toks, text, i, frame)
        .map(|(_, (len, ty, value, year))| (len, ty, value.map(Timex::from), year))
}

/// The expression at token `i` and the name of the rule that read it.
fn expression_rule(
    w: &[String],
    toks: &[Span],
    text: &str,
    i: usize,
    frame: Frame,
) -> Option<(&'static str, Found)> {
    // "… on Monday," at a sentence's end asks for the date after the comma.
    if i >= toks.len() {
        return None;
    }
    first_rule(&Context::new(w, toks, text, i, frame))
}

/// The rules in the order they are tried: as straight-line calls
/// (`first_rule`, which the compiler can inline) and, for the tests, as a
/// table of names.
macro_rules! rules {
    ($($name:ident),* $(,)?) => {
        #[cfg(test)]
        const RULES: &[(&str, Rule)] = &[$((stringify!($name), $name)),*];

        /// The first rule that reads an expression at the context's word.
        fn first_rule(c: &Context) -> Option<(&'static str, Found)> {
            $(
                if let Some(found) = $name(c) {
                    return Some((stringify!($name), found));
                }
                if c.stopped.get() {
                    return None;
                }
            )*
            None
        }
    };
}

rules![
    quarter,
    half_of_year,
    compact_iso_date,
    dashed_iso_date,
    this_numeric_date,
    glued_month_day,
    dotted_date,
    figures_date,
    hour_before_tonight,
    clock_time,
    deictic_word,
    year_end,
    the_year_ended,
    last_night,
    the_coming_units,
    the_future,
    the_near_term,
    the_past,
    these_days,
    that_year,
    the_full_year,
    decade_in_words,
    the_past_units,
    eoy,
    end_of_unit,
    the_same_unit,
    week_after_next,
    the_unit_of_phrase,
    plural_part_of_day,
    week_number,
    part_of_day_today,
    the_nth,
    every_unit,
    plural_weekday,
    weekday_plural_part,
    to_date,
    at_present,
    calendar_year,
    this_unit,
    following_weekday,
    next_part_of_day,
    this_part_of_day,
    edge_of_year_or_month,
    holiday_date,
    this_month_name,
    this_season,
    season_alone,
    weekend_of_day,
    the_weekend,
    weekday_name,
    century,
    month_name,
    second_day_of_month,
    week_of,
    nth_day_of,
    in_units,
    day_before_after,
    span_of_units,
    last_n_units,
    couple_of_units,
    working_days,
    additional_unit,
    another_unit,
    more_units,
    measured_duration_phrase,
    counted_units,
    vague_units,
    uncounted_units,
    hyphen_duration,
    year_in_words,
    decade_figure,
    year_figure,
];

/// Financial quarters: "the third quarter", "Q3 2019" (see `quarter_expression`).
#[inline(always)]
fn quarter(c: &Context) -> Option<Found> {
    quarter_expression(c.words, c.i, c.anchor, c.future, c.quarters.reference)
}

/// Halves of a year: "the first half of 1998", "the second half of the
/// year", "the last half of next year": "1998-H1".
#[inline(always)]
fn half_of_year(c: &Context) -> Option<Found> {
    let &Context { i, a, .. } = c;
    let k = i + usize::from(a == "the");
    let half = match c.at(k) {
        "first" => 1,
        "second" | "last" | "latter" => 2,
        _ => return None,
    };
    if c.at(k + 1) != "half" || c.at(k + 2) != "of" {
        return None;
    }
    let (len, _, value, year) = c.expression_at(k + 3)?;
    let Some(Timex::Year(y)) = value else {
        return None;
    };
    Some((
        k + 3 + len - i,
        TimeType::Date,
        Some(format!("{y:04}-H{half}")),
        year,
    ))
}

/// "20161016", "-20200701-": a basic ISO date, eight figures.
#[inline(always)]
fn compact_iso_date(c: &Context) -> Option<Found> {
    let &Context { a, .. } = c;
    let compact = a.trim_matches('-');
    if compact.len() == 8 && compact.bytes().all(|b| b.is_ascii_digit()) {
        let (y, m, d) = (
            compact[..4].parse::<i64>().ok()?,
            compact[4..6].parse::<i64>().ok()?,
            compact[6..].parse::<i64>().ok()?,
        );
        if (1950..=2100).contains(&y)
            && (1..=12).contains(&m)
            && civil_from_days(days_from_civil(y, m, d)) == (y, m, d)
        {
            return Some((
                1,
                TimeType::Date,
                Some(format!("{y:04}-{m:02}-{d:02}")),
                Some(y),
            ));
        }
    }
    None
}

/// "-2020-07-01-": an ISO date set off by dashes.
#[inline(always)]
fn dashed_iso_date(c: &Context) -> Option<Found> {
    let &Context { anchor, a, .. } = c;
    if a.starts_with('-') && a.ends_with('-') && a.len() == 12 {
        if let Some((value, year)) =
            numeric_date(&a[1..11], anchor, true).filter(|(v, _)| v.len() == 10)
        {
            return Some((1, TimeType::Date, Some(value), year));
        }
    }
    None
}

/// "this 5/12", "next 5/12", "last 5/12": that date this year, the next
/// one to come, the last one gone.
#[inline(always)]
fn this_numeric_date(c: &Context) -> Option<Found> {
    let &Context { i, anchor, a, .. } = c;
    let at = |k: usize| c.at(k);
    if matches!(a, "this" | "next" | "last") && at(i + 1).contains('/') {
        if let (Some((v, None)), Some(d)) = (numeric_date(at(i + 1), anchor, true), anchor) {
            let (m, day) = (v[5..7].parse::<i64>().ok()?, v[8..10].parse::<i64>().ok()?);
            let y0 = civil_from_days(d).0;
            let y = match a {
                "next" => {
                    if days_from_civil(y0, m, day) > d {
                        y0
                    } else {
                        y0 + 1
                    }
                }
                "last" => {
                    if days_from_civil(y0, m, day) < d {
                        y0
                    } else {
                        y0 - 1
                    }
                }
                _ => y0,
            };
            return Some((
                2,
                TimeType::Date,
                Some(format!("{y:04}-{m:02}-{day:02}")),
                Some(y),
            ));
        }
    }
    None
}

/// "mar3", "Dec31": a cut month name with its day glued on.
#[inline(always)]
fn glued_month_day(c: &Context) -> Option<Found> {
    let &Context { anchor, a, .. } = c;
    let letters = a.bytes().take_while(u8::is_ascii_alphabetic).count();
    if (3..=4).contains(&letters)
        && (1..=2).contains(&(a.len() - letters))
        && a[letters..].bytes().all(|b| b.is_ascii_digit())
    {
        if let (Some(m), Ok(d)) = (month_of(&a[..letters]), a[letters..].parse::<i64>()) {
            if (1..=31).contains(&d) {
                let y = anchor.map(|an| nearest_year(an, m, d));
                let value = match y {
                    Some(y) => format!("{y:04}-{m:02}-{d:02}"),
                    None => format!("XXXX-{m:02}-{d:02}"),
                };
                return Some((1, TimeType::Date, Some(value), None));
            }
        }
    }
    None
}

/// "23.04.2022": day first, as written where dots separate dates.
#[inline(always)]
fn dotted_date(c: &Context) -> Option<Found> {
    let &Context { a, .. } = c;
    if a.len() >= 8
        && a.bytes().filter(|&b| b == b'.').count() == 2
        && a.bytes().all(|b| b.is_ascii_digit() || b == b'.')
    {
        let parts: Vec<&str> = a.split('.').collect();
        if let ([d, m, y], true) = (parts.as_slice(), parts.iter().all(|p| !p.is_empty())) {
            if let (Ok(d), Ok(m), Some(y)) = (d.parse::<i64>(), m.parse::<i64>(), year_number(y)) {
                if (1..=12).contains(&m)
                    && (1..=31).contains(&d)
                    && civil_from_days(days_from_civil(y, m, d)) == (y, m, d)
                {
                    return Some((
                        1,
                        TimeType::Date,
                        Some(format!("{y:04}-{m:02}-{d:02}")),
                        Some(y),
                    ));
                }
            }
        }
    }
    None
}

/// Dates in figures: "2019-08-01", "1/1/2015", "on 22/04".
#[inline(always)]
fn figures_date(c: &Context) -> Option<Found> {
    let &Context {
        tokens: toks,
        i,
        anchor,
        a,
        ..
    } = c;
    let at = |k: usize| c.at(k);
    if a.contains(['/', '-']) && a.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        // "on 11/20, 11/22 or 11/25": a list of dates goes on after the first.
        let listed = i > 1 && matches!(at(i - 1), "," | "or" | "and") && at(i - 2).contains('/');
        // A date said on its own: "2/29", "2/29 - 3/1".
        let alone = i == 0 && (toks.len() == 1 || at(1) == "-");
        // "for 6/4 between 9.30 and 4.30pm": a date, since times follow.
        let timed = i > 0 && at(i - 1) == "for" && matches!(at(i + 1), "between" | "at" | "from");
        let after_cue = i > 0
            && (matches!(
                at(i - 1),
                "on" | "since" | "until" | "till" | "by" | "from" | "before" | "after"
            ) || WEEKDAYS.contains(&at(i - 1)));
        let introduced = listed || alone || timed || after_cue;
        if let Some((value, year)) = numeric_date(a, anchor, introduced) {
            return Some((1, TimeType::Date, Some(value), year));
        }
    }
    None
}

/// "10, tonight": a bare hour before tonight is in the evening.
#[inline(always)]
fn hour_before_tonight(c: &Context) -> Option<Found> {
    let &Context {
        words: w,
        i,
        anchor,
        ..
    } = c;
    let bare = c.bare();
    let at = |k: usize| c.at(k);
    if let Some(f) = bare
        .as_ref()
        .filter(|f| (5..=11).contains(&f.hour) && w[i].len() <= 2)
    {
        let comma = usize::from(at(i + f.len) == ",");
        if matches!(at(i + f.len + comma), "tonight" | "tonite") {
            let value = anchor.map(|d| at_clock(&date(d), f.hour + 12, f.minute, 0));
            return Some((f.len + comma + 1, TimeType::Time, value, None));
        }
    }
    None
}

/// Clock times: "9 a.m.", "10:30 p.m. EDT Wednesday", "noon Thursday".
#[inline(always)]
fn clock_time(c: &Context) -> Option<Found> {
    let &Context {
        words: w,
        i,
        anchor,
        ..
    } = c;
    let bare = c.bare();
    let hour_only = bare.as_ref().filter(|f| (1..=12).contains(&f.hour));
    let at = |k: usize| c.at(k);
    // A bare hour is a clock time before a part of the day: "4 in the morning".
    let before_part = || {
        let f = hour_only?;
        (at(i + f.len) == "in"
            && at(i + f.len + 1) == "the"
            && part_of_day(at(i + f.len + 2)).is_some())
        .then_some((f.hour, f.minute, f.second, f.len))
    };
    // "12:30 december 27th": a clock time said before its date.
    let before_date = || {
        let f = bare.as_ref().filter(|f| f.colon)?;
        MONTHS
            .contains(&at(i + f.len))
            .then_some((f.hour, f.minute, f.second, f.len))
    };
    // "from 9 for 2.5 hours", "for 2.5 hours from 9": a start time.
    let starts_span = || {
        let f = hour_only.filter(|_| i > 0 && at(i - 1) == "from")?;
        let spans =
            at(i + f.len) == "for" || (i >= 2 && duration_unit(at(i - 2)) == Some(Unit::Hour));
        spans.then_some((f.hour, f.minute, f.second, f.len))
    };
    if let Some((mut hour, minute, second, mut len)) = clock(w, i)
        .or_else(before_part)
        .or_else(starts_span)
        .or_else(before_date)
    {
        if is_zone(at(i + len)) {
            len += 1;
        }
        // "eight in the evening": the part of the day sets the half.
        if at(i + len) == "in" && at(i + len + 1) == "the" {
            if let Some(code) = part_of_day(at(i + len + 2)) {
                if matches!(code, "AF" | "EV" | "NI") && hour < 12 {
                    hour += 12;
                }
                len += 3;
            }
        }
        // The day it falls on, when one follows ("9am on Tuesday", "6pm of
        // April 22"); else the day of publication.
        let skip = usize::from(matches!(at(i + len), "on" | "of" | ","));
        let day = c.expression_at(i + len + skip).filter(|(_, ty, v, _)| {
            *ty == TimeType::Date && matches!(v, Some(Timex::Day(Day::Date(..), None)))
        });
        let (day_len, date) = match day {
            Some((l, _, v, _)) => (skip + l, v.map(|v| v.to_string())),
            None => (0, anchor.map(date)),
        };
        return Some((
            len + day_len,
            TimeType::Time,
            date.map(|d| at_clock(&d, hour, minute, second)),
            None,
        ));
    }
    None
}

/// Deictic words.
#[inline(always)]
fn deictic_word(c: &Context) -> Option<Found> {
    let &Context { i, anchor, a, .. } = c;
    let at = |k: usize| c.at(k);
    match a {
        "today" => return Some((1, TimeType::Date, anchor.map(date), None)),
        // TimeML reads "tonight" as a part of the day, a TIME: "2016-11-07TNI".
        "tonight" | "tonite" => {
            return Some((
                1,
                TimeType::Time,
                anchor.map(|d| format!("{}TNI", date(d))),
                None,
            ))
        }
        "yesterday" => return Some((1, TimeType::Date, anchor.map(|d| date(d - 1)), None)),
        "tomorrow" | "tmrw" | "tmr" => {
            return Some((1, TimeType::Date, anchor.map(|d| date(d + 1)), None))
        }
        // TimeBank reads "the current chairman" as the present too.
        "now" | "currently" | "nowadays" | "current" => {
            return Some((1, TimeType::Date, Some("PRESENT_REF".into()), None))
        }
        "then" if at(i + 1) == "current" => {
            return Some((2, TimeType::Date, Some("PAST_REF".into()), None))
        }
        "recently" => return Some((1, TimeType::Date, Some("PAST_REF".into()), None)),
        // "the Daily Mail", "the New York Daily News": a newspaper's name, not a time.
        "daily" if newspaper_name(c) => return c.stop(),
        "daily" => return Some((1, TimeType::Set, Some("P1D".into()), None)),
        // "leave everyday"; "an everyday matter" is an adjective.
        "everyday" if !(i > 0 && matches!(at(i - 1), "a" | "an")) => {
            return Some((1, TimeType::Set, Some("P1D".into()), None))
        }
        "weekly" => return Some((1, TimeType::Set, Some("P1W".into()), None)),
        "monthly" => return Some((1, TimeType::Set, Some("P1M".into()), None)),
        "annually" | "yearly" => return Some((1, TimeType::Set, Some("P1Y".into()), None)),
        // "paid quarterly", not "a quarterly dividend".
        "quarterly" if !at(i + 1).starts_with(char::is_alphanumeric) => {
            return Some((1, TimeType::Set, Some("P3M".into()), None))
        }
        "hourly" => return Some((1, TimeType::Set, Some("PT1H".into()), None)),
        _ => {}
    }
    None
}

/// Whether "Daily" at the context's word, in capitals inside a sentence, is
/// part of a name in capitals (no weekday or month: "Daily Monday to
/// Friday" is a time).
fn newspaper_name(c: &Context) -> bool {
    let next = c.at(c.i + 1);
    c.i > 0
        && capitalised(c.tokens, c.text, c.i)
        && capitalised(c.tokens, c.text, c.i + 1)
        && next.starts_with(char::is_alphabetic)
        && weekday_of(next).is_none()
        && month_of(next).is_none()
}

/// "the year ended Sept. 30": a twelve-month period, its end a date of its own.
#[inline(always)]
fn the_year_ended(c: &Context) -> Option<Found> {
    let &Context {
        i, anchor, a, y0, ..
    } = c;
    let at = |k: usize| c.at(k);
    if a == "the" {
        let k = i + 1 + usize::from(at(i + 1) == "fiscal");
        if at(k) == "year" && matches!(at(k + 1), "ended" | "ending") {
            return Some((k + 1 - i, TimeType::Duration, Some("P1Y".into()), None));
        }
        // "the current year", "the current fiscal year"
        if at(i + 1) == "current" {
            let k = i + 2 + usize::from(at(i + 2) == "fiscal");
            if at(k) == "year" {
                return Some((
                    k + 1 - i,
                    TimeType::Date,
                    anchor.map(|_| format!("{y0:04}")),
                    Some(y0),
                ));
            }
        }
    }
    None
}

#[inline(always)]
fn last_night(c: &Context) -> Option<Found> {
    let &Context { i, anchor, a, .. } = c;
    let at = |k: usize| c.at(k);
    if a == "last" && at(i + 1) == "night" {
        return Some((
            2,
            TimeType::Time,
            anchor.map(|d| format!("{}TNI", date(d - 1))),
            None,
        ));
    }
    None
}

/// "the coming months", "the next weeks", "in coming quarters".
#[inline(always)]
fn the_coming_units(c: &Context) -> Option<Found> {
    let &Context { i, a, .. } = c;
    let at = |k: usize| c.at(k);
    let plural_unit = |k: usize| {
        (unit_of(at(k)).is_some() || matches!(at(k), "quarters")) && at(k).ends_with('s')
    };
    if a == "the" && matches!(at(i + 1), "coming" | "next" | "following") && plural_unit(i + 2) {
        return Some((3, TimeType::Date, Some("FUTURE_REF".into()), None));
    }
    if a == "coming" && plural_unit(i + 1) {
        return Some((2, TimeType::Date, Some("FUTURE_REF".into()), None));
    }
    None
}

/// "year-end", "year end", "the year's end": the end of the current year
/// (TimeML gives the year, the end being its `mod`).
#[inline(always)]
fn year_end(c: &Context) -> Option<Found> {
    let &Context {
        i, anchor, a, y0, ..
    } = c;
    let at = |k: usize| c.at(k);
    let len = match (a, at(i + 1), at(i + 2)) {
        ("year-end", ..) => 1,
        ("year", "end", _) => 2,
        ("year", "'s", "end") => 3,
        _ => return None,
    };
    Some((
        len,
        TimeType::Date,
        anchor.map(|_| format!("{y0:04}")),
        None,
    ))
}

#[inline(always)]
fn the_future(c: &Context) -> Option<Found> {
    let &Context { i, a, .. } = c;
    let at = |k: usize| c.at(k);
    if a == "the" && at(i + 1) == "future" {
        return Some((2, TimeType::Date, Some("FUTURE_REF".into()), None));
    }
    None
}

/// "the near future", "the near term", "the short term".
#[inline(always)]
fn the_near_term(c: &Context) -> Option<Found> {
    let &Context { i, a, .. } = c;
    let at = |k: usize| c.at(k);
    if a == "the"
        && matches!(
            (at(i + 1), at(i + 2)),
            ("near", "future" | "term") | ("short", "term")
        )
    {
        return Some((3, TimeType::Date, Some("FUTURE_REF".into()), None));
    }
    None
}

/// "the past" on its own; "the past year" is a period, not the past.
#[inline(always)]
fn the_past(c: &Context) -> Option<Found> {
    let &Context { i, a, .. } = c;
    let at = |k: usize| c.at(k);
    // "in the past it considered": a clause follows, where "the past year"
    // is a unit counted back (another rule's).
    let clause_follows = i > 0
        && at(i - 1) == "in"
        && matches!(
            at(i + 2),
            "it" | "he"
                | "she"
                | "they"
                | "we"
                | "i"
                | "you"
                | "that"
                | "there"
                | "the"
                | "a"
                | "an"
        );
    if a == "the"
        && at(i + 1) == "past"
        && (clause_follows || !at(i + 2).starts_with(char::is_alphanumeric))
    {
        return Some((2, TimeType::Date, Some("PAST_REF".into()), None));
    }
    None
}

#[inline(always)]
fn these_days(c: &Context) -> Option<Found> {
    let &Context { i, a, .. } = c;
    let at = |k: usize| c.at(k);
    if a == "these" && at(i + 1) == "days" {
        return Some((2, TimeType::Date, Some("PRESENT_REF".into()), None));
    }
    None
}

/// "that year", "the following year", "the previous year": the year the
/// text last named, or the one after or before it.
#[inline(always)]
fn that_year(c: &Context) -> Option<Found> {
    let &Context {
        i, last_year, a, ..
    } = c;
    let at = |k: usize| c.at(k);
    if let Some(y) = last_year {
        match (a, at(i + 1), at(i + 2)) {
            ("that", "year", _) => {
                return Some((2, TimeType::Date, Some(format!("{y:04}")), Some(y)))
            }
            ("the", "following", "year") => {
                return Some((
                    3,
                    TimeType::Date,
                    Some(format!("{:04}", y + 1)),
                    Some(y + 1),
                ))
            }
            ("the", "previous" | "preceding", "year") => {
                return Some((
                    3,
                    TimeType::Date,
                    Some(format!("{:04}", y - 1)),
                    Some(y - 1),
                ))
            }
            _ => {}
        }
    }
    None
}

/// "the full year": the one the report is about, publication's.
#[inline(always)]
fn the_full_year(c: &Context) -> Option<Found> {
    let &Context {
        i, anchor, a, y0, ..
    } = c;
    let at = |k: usize| c.at(k);
    if a == "the" && at(i + 1) == "full" && at(i + 2) == "year" {
        return Some((
            3,
            TimeType::Date,
            anchor.map(|_| format!("{y0:04}")),
            Some(y0),
        ));
    }
    None
}

/// Decades in words: "the nineties", "in nineties".
#[inline(always)]
fn decade_in_words(c: &Context) -> Option<Found> {
    let &Context { i, a, .. } = c;
    let at = |k: usize| c.at(k);
    if a == "the" || (i > 0 && at(i - 1) == "in" && at(i).ends_with("ties")) {
        let word = i + usize::from(a == "the");
        const DECADES: [&str; 8] = [
            "twenties",
            "thirties",
            "forties",
            "fifties",
            "sixties",
            "seventies",
            "eighties",
            "nineties",
        ];
        if let Some(k) = DECADES.iter().position(|d| *d == at(word)) {
            return Some((
                word + 1 - i,
                TimeType::Date,
                Some(format!("19{}", k + 2)),
                None,
            ));
        }
    }
    None
}

#[inline(always)]
fn the_past_units(c: &Context) -> Option<Found> {
    let &Context { i, a, .. } = c;
    let at = |k: usize| c.at(k);
    if a == "the" && at(i + 1) == "past" && at(i + 2).ends_with('s') && unit_of(at(i + 2)).is_some()
    {
        return Some((3, TimeType::Date, Some("PAST_REF".into()), None));
    }
    None
}

/// "end of year", "the end of the week", "EOY": that unit now (TimeML
/// keeps "the end of" as a modifier of it).
#[inline(always)]
fn eoy(c: &Context) -> Option<Found> {
    let &Context { anchor, a, .. } = c;
    if a == "eoy" {
        return Some((
            1,
            TimeType::Date,
            anchor.map(|d| format!("{:04}", civil_from_days(d).0)),
            None,
        ));
    }
    None
}

#[inline(always)]
fn end_of_unit(c: &Context) -> Option<Found> {
    let &Context { i, anchor, a, .. } = c;
    let at = |k: usize| c.at(k);
    let lead = usize::from(a == "the");
    if at(i + lead) == "end" && at(i + lead + 1) == "of" {
        let the = lead + usize::from(at(i + lead + 2) == "the");
        let unit = at(i + 2 + the);
        if let (Some(value), true) = (
            anchor.and_then(|d| unit_now(d, unit)),
            unit != "day" && !at(i + 3 + the).starts_with(char::is_alphanumeric),
        ) {
            return Some((3 + the, TimeType::Date, Some(value), None));
        }
    }
    None
}

/// "the same week that it happened": the one spoken of, now if none was.
#[inline(always)]
fn the_same_unit(c: &Context) -> Option<Found> {
    let &Context {
        i,
        anchor,
        last_year,
        a,
        ..
    } = c;
    let at = |k: usize| c.at(k);
    if a == "same" && at(i + 1) != "day" {
        // "in 2019, …, the same year": the year just named.
        if let (Some(y), "year") = (last_year, at(i + 1)) {
            return Some((2, TimeType::Date, Some(format!("{y:04}")), Some(y)));
        }
        if let Some(value) = anchor.and_then(|d| unit_now(d, at(i + 1))) {
            return Some((2, TimeType::Date, Some(value), None));
        }
    }
    None
}

/// "the week after next": two weeks on.
#[inline(always)]
fn week_after_next(c: &Context) -> Option<Found> {
    let &Context { i, anchor, a, .. } = c;
    let at = |k: usize| c.at(k);
    if (a, at(i + 1), at(i + 2), at(i + 3)) == ("the", "week", "after", "next") {
        if let Some(d) = anchor {
            let (y, w) = iso_week(d + 14);
            return Some((4, TimeType::Date, Some(format!("{y:04}-W{w:02}")), None));
        }
    }
    None
}

/// "partner of the year", "sales in the week", "blocked for the day":
/// the unit now, when the phrase ends there.
#[inline(always)]
fn the_unit_of_phrase(c: &Context) -> Option<Found> {
    let &Context { i, anchor, a, .. } = c;
    let at = |k: usize| c.at(k);
    if a == "the"
        && i > 0
        && matches!(at(i - 1), "of" | "in" | "for" | "during")
        && !at(i + 2).starts_with(char::is_alphanumeric)
    {
        if let Some(value) = anchor
            .and_then(|d| unit_now(d, at(i + 1)))
            .filter(|_| !(at(i + 1) == "week" && at(i + 2) == "after"))
        {
            return Some((2, TimeType::Date, Some(value), None));
        }
    }
    None
}

/// "mornings", "in the evenings": every morning (TimeBank leaves "nights" out).
#[inline(always)]
fn plural_part_of_day(c: &Context) -> Option<Found> {
    let &Context { i, a, .. } = c;
    let at = |k: usize| c.at(k);
    if let Some(code) = a
        .strip_suffix('s')
        .and_then(part_of_day)
        .filter(|c| *c != "NI")
    {
        let counted = i > 0 && number_word(at(i - 1)).is_some();
        let alone = !at(i + 1).starts_with(char::is_alphanumeric);
        if alone && !counted {
            return Some((1, TimeType::Set, Some(format!("T{code}")), None));
        }
    }
    None
}

/// "week 31", "week 3 of 2027", "week 27 of last year": an ISO week.
#[inline(always)]
fn week_number(c: &Context) -> Option<Found> {
    let &Context { i, anchor, a, .. } = c;
    let at = |k: usize| c.at(k);
    if a == "week" && !(i > 0 && number_word(at(i - 1)).is_some()) {
        if let (Some(n), Some(d)) = (
            at(i + 1)
                .parse::<i64>()
                .ok()
                .filter(|n| (1..=53).contains(n) && at(i + 1).len() <= 2),
            anchor,
        ) {
            let (mut y, mut len) = (civil_from_days(d).0, 2);
            if at(i + 2) == "of" {
                match (at(i + 3), at(i + 4)) {
                    (x, _) if year_number(x).is_some() => (y, len) = (year_number(x)?, 4),
                    ("last", "year") => (y, len) = (y - 1, 5),
                    ("next", "year") => (y, len) = (y + 1, 5),
                    ("this", "year") => len = 5,
                    _ => {}
                }
            }
            return Some((len, TimeType::Date, Some(format!("{y:04}-W{n:02}")), None));
        }
    }
    None
}

/// "in the morning", "early morning", "later in the afternoon": that part
/// of the day of publication.
#[inline(always)]
fn part_of_day_today(c: &Context) -> Option<Found> {
    let &Context { i, anchor, a, .. } = c;
    let at = |k: usize| c.at(k);
    let in_the = a == "the" && i > 0 && at(i - 1) == "in";
    // "mid-afternoon" as one word, "mid afternoon" as two (the "mid" joins
    // the extent as a modifier).
    let mid = a.strip_prefix("mid-").filter(|p| part_of_day(p).is_some());
    if in_the || mid.is_some() || (i > 0 && matches!(at(i - 1), "early" | "late" | "mid")) {
        let k = i + usize::from(in_the);
        let part = mid.unwrap_or(at(k));
        let next = at(k + 1);
        let alone = !next.starts_with(char::is_alphanumeric)
            || matches!(
                next,
                "at" | "and" | "or" | "today" | "tomorrow" | "yesterday"
            );
        // "mid-afternoon yesterday": that day's.
        let (shift, day) = match next {
            "yesterday" => (-1, 1),
            "tomorrow" => (1, 1),
            _ => (0, 0),
        };
        if let Some(code) = part_of_day(part).filter(|_| part != "night" && alone) {
            return Some((
                k + 1 + day - i,
                TimeType::Time,
                anchor.map(|d| format!("{}T{code}", date(d + shift))),
                None,
            ));
        }
    }
    None
}

/// "on the 18th", "by the 4th": that day of this month or a month next
/// to it, whichever is nearer.
/// ("on 29th": a figure with its suffix needs no "the".)
#[inline(always)]
fn the_nth(c: &Context) -> Option<Found> {
    let &Context {
        words: w,
        i,
        anchor,
        future,
        a,
        ..
    } = c;
    let at = |k: usize| c.at(k);
    let the = usize::from(a == "the");
    let suffixed = the == 0
        && a.len() > 2
        && a.starts_with(|c: char| c.is_ascii_digit())
        && a.ends_with(|c: char| c.is_ascii_alphabetic());
    let of_week = i > 1 && at(i - 1) == "of" && at(i - 2) == "week";
    if (the == 1 || suffixed)
        && i > 0
        && (of_week
            || matches!(
                at(i - 1),
                "on" | "by" | "until" | "till" | "before" | "after" | "since"
            ))
    {
        if let (Some((day, len)), Some(d)) = (day_of_month(w, i + the), anchor) {
            let len = len + the - 1;
            let next = at(i + 1 + len);
            if !next.starts_with(char::is_alphanumeric)
                || matches!(next, "and" | "or" | "at" | "from" | "between" | "this")
            {
                let candidate = day_in_months_around(d, day, 1)
                    // The tense picks the side: the next 18th, or the last one.
                    .min_by_key(|c| {
                        if (*c >= d) == future {
                            (c - d).abs()
                        } else {
                            100 + (c - d).abs()
                        }
                    });
                if let Some(c) = candidate {
                    return Some((1 + len, TimeType::Date, Some(date(c)), None));
                }
            }
        }
    }
    None
}

/// "every month", "each year", "every other day", "every two weeks",
/// "every Monday (morning)", "every weekend", "every night", "each July"
/// (a month's full name, capitalised), "every summer".
#[inline(always)]
fn every_unit(c: &Context) -> Option<Found> {
    let &Context { i, a, .. } = c;
    let at = |k: usize| c.at(k);
    if matches!(a, "every" | "each") {
        if let Some(u) = unit_of(at(i + 1)).filter(|_| !at(i + 1).ends_with('s')) {
            return Some((2, TimeType::Set, Some(duration(1, u)), None));
        }
        if at(i + 1) == "quarter" {
            return Some((2, TimeType::Set, Some("P1Q".into()), None));
        }
        let n = if at(i + 1) == "other" {
            Some(2)
        } else {
            number_word(at(i + 1)).filter(|n| *n > 1)
        };
        if let (Some(n), Some(u)) = (n, unit_of(at(i + 2))) {
            return Some((3, TimeType::Set, Some(duration(n, u)), None));
        }
        // "every other Friday": a weekly set all the same.
        if let (true, Some((wd, true))) = (at(i + 1) == "other", weekday_of(at(i + 2))) {
            return Some((3, TimeType::Set, Some(format!("XXXX-WXX-{}", wd + 1)), None));
        }
        if let Some((wd, true)) = weekday_of(at(i + 1)) {
            return Some(match part_of_day(at(i + 2)) {
                Some(code) => (
                    3,
                    TimeType::Set,
                    Some(format!("XXXX-WXX-{}T{code}", wd + 1)),
                    None,
                ),
                None => (2, TimeType::Set, Some(format!("XXXX-WXX-{}", wd + 1)), None),
            });
        }
        if at(i + 1) == "weekend" {
            return Some((2, TimeType::Set, Some("XXXX-WXX-WE".into()), None));
        }
        // "every two weekends"
        if let (Some(n), "weekends") = (number_word(at(i + 1)).filter(|&n| n > 1), at(i + 2)) {
            return Some((3, TimeType::Set, Some(format!("P{n}WE")), None));
        }
        if let Some(code) = part_of_day(at(i + 1)) {
            return Some((2, TimeType::Set, Some(format!("T{code}")), None));
        }
        // "each July", "every summer": a month or season of every year.
        let month = month_of(at(i + 1))
            .filter(|_| MONTHS.contains(&at(i + 1)) && capitalised(c.tokens, c.text, i + 1));
        if let Some(m) = month {
            return Some((2, TimeType::Set, Some(format!("XXXX-{m:02}")), None));
        }
        if let Some(code) = season(at(i + 1)) {
            return Some((2, TimeType::Set, Some(format!("XXXX-{code}")), None));
        }
    }
    None
}

/// "on Tuesdays", "Friday mornings": a weekday in the plural recurs.
#[inline(always)]
fn plural_weekday(c: &Context) -> Option<Found> {
    let &Context { i, a, .. } = c;
    let at = |k: usize| c.at(k);
    if let Some((wd, true)) = a.strip_suffix('s').and_then(weekday_of) {
        return Some(match at(i + 1).strip_suffix('s').and_then(part_of_day) {
            Some(code) => (
                2,
                TimeType::Set,
                Some(format!("XXXX-WXX-{}T{code}", wd + 1)),
                None,
            ),
            None => (1, TimeType::Set, Some(format!("XXXX-WXX-{}", wd + 1)), None),
        });
    }
    None
}

#[inline(always)]
fn weekday_plural_part(c: &Context) -> Option<Found> {
    let &Context { i, a, .. } = c;
    let at = |k: usize| c.at(k);
    if let Some((wd, true)) = weekday_of(a) {
        if let Some(code) = at(i + 1).strip_suffix('s').and_then(part_of_day) {
            return Some((
                2,
                TimeType::Set,
                Some(format!("XXXX-WXX-{}T{code}", wd + 1)),
                None,
            ));
        }
    }
    None
}

/// "sold to date", "till date": up to now.
#[inline(always)]
fn to_date(c: &Context) -> Option<Found> {
    let &Context { i, a, .. } = c;
    let at = |k: usize| c.at(k);
    if matches!(a, "to" | "till")
        && at(i + 1) == "date"
        && !at(i + 2).starts_with(char::is_alphanumeric)
    {
        return Some((2, TimeType::Date, Some("PRESENT_REF".into()), None));
    }
    None
}

/// "at present", "at the moment", "at the present time".
#[inline(always)]
fn at_present(c: &Context) -> Option<Found> {
    let &Context { i, a, .. } = c;
    let at = |k: usize| c.at(k);
    if a == "at" {
        match (at(i + 1), at(i + 2), at(i + 3)) {
            ("present", ..) => return Some((2, TimeType::Date, Some("PRESENT_REF".into()), None)),
            ("the", "moment", _) => {
                return Some((3, TimeType::Date, Some("PRESENT_REF".into()), None))
            }
            ("the", "present", "time") => {
                return Some((4, TimeType::Date, Some("PRESENT_REF".into()), None))
            }
            ("the", "minute", _) => {
                return Some((3, TimeType::Date, Some("PRESENT_REF".into()), None))
            }
            _ => {}
        }
    }
    None
}

/// "this calendar year" is this year.
#[inline(always)]
fn calendar_year(c: &Context) -> Option<Found> {
    let &Context { i, anchor, a, .. } = c;
    let at = |k: usize| c.at(k);
    if matches!(a, "this" | "last" | "next") && at(i + 1) == "calendar" && at(i + 2) == "year" {
        let step = match a {
            "last" => -1,
            "next" => 1,
            _ => 0,
        };
        return Some((
            3,
            TimeType::Date,
            anchor.map(|d| format!("{:04}", civil_from_days(d).0 + step)),
            None,
        ));
    }
    None
}

/// "this/last/next year|month|week"; "the past year" is last year.
#[inline(always)]
fn this_unit(c: &Context) -> Option<Found> {
    let &Context {
        i,
        anchor,
        future,
        a,
        ..
    } = c;
    let at = |k: usize| c.at(k);
    let past = a == "past"
        && i > 0
        && at(i - 1) == "the"
        && matches!(at(i + 1), "year" | "month" | "week");
    // "the following month" counts from a time the story told, not from publication.
    let relative = matches!(a, "previous" | "following") && !(i > 0 && at(i - 1) == "the");
    // "in the coming week", "the upcoming year": the next one.
    let coming = matches!(a, "coming" | "upcoming") && i > 0 && at(i - 1) == "the";
    // ("the last week of 2016" is a week of that year, below.)
    if (matches!(a, "this" | "last" | "next") || relative || past || coming)
        && !(at(i + 1) == "week" && at(i + 2) == "of")
    {
        if let (Some(u), Some(d)) = (
            unit_of(at(i + 1)).filter(|_| !at(i + 1).ends_with('s')),
            anchor,
        ) {
            let step = match a {
                "last" | "past" | "previous" => -1,
                "next" | "following" | "coming" | "upcoming" => 1,
                _ => 0,
            };
            // "next week Wednesday", "next week on Tue", "previous week - Monday".
            if u == Unit::Week {
                let gap = usize::from(matches!(at(i + 2), "on" | "-" | ","));
                if let Some((wd, _)) = weekday_of(at(i + 2 + gap)) {
                    return Some((
                        3 + gap,
                        TimeType::Date,
                        Some(weekday_in_week(d, step, wd)),
                        None,
                    ));
                }
            }
            // "the last decade" is the 1980s (198), "next century" the 2100s (21).
            let (y, _, _) = civil_from_days(d);
            let value = match u {
                Unit::Decade => format!("{:03}", (y + 10 * step).div_euclid(10)),
                Unit::Century => format!("{:02}", (y + 100 * step).div_euclid(100)),
                _ => shifted(d, step, u)?,
            };
            return Some((2, TimeType::Date, Some(value), None));
        }
        if let Some(wd) = WEEKDAYS
            .iter()
            .position(|x| *x == at(i + 1))
            .filter(|_| !relative && !coming)
        {
            // "last Monday" said on a Monday is a week ago, not today; "next
            // Monday" is the Monday of next week.
            let value = anchor.map(|d| match a {
                "next" => weekday_in_week(d, 1, wd),
                "last" => resolve_weekday(d - 1, wd as i64, false),
                _ => resolve_weekday(d, wd as i64, future),
            });
            return Some((2, TimeType::Date, value, None));
        }
    }
    None
}

/// "following Friday" is in next week, "previous Wednesday" in last
/// week, "coming Thursday" the next one after today; but "the previous
/// Friday" counts from a day the story told, and "coming Sunday, March
/// 8" is that date.
#[inline(always)]
fn following_weekday(c: &Context) -> Option<Found> {
    let &Context { i, anchor, a, .. } = c;
    let at = |k: usize| c.at(k);
    let told = i > 0 && at(i - 1) == "the";
    if let (Some(wd), Some(d), false, false) = (
        WEEKDAYS.iter().position(|x| *x == at(i + 1)),
        anchor,
        told,
        at(i + 2) == ",",
    ) {
        let value = match a {
            "following" => Some(weekday_in_week(d, 1, wd)),
            "previous" => Some(weekday_in_week(d, -1, wd)),
            "coming" => Some(resolve_weekday(d + 1, wd as i64, true)),
            _ => None,
        };
        if value.is_some() {
            return Some((2, TimeType::Date, value, None));
        }
    }
    None
}

/// "next evening": tomorrow's.
#[inline(always)]
fn next_part_of_day(c: &Context) -> Option<Found> {
    let &Context { i, anchor, a, .. } = c;
    let at = |k: usize| c.at(k);
    if a == "next" {
        if let (Some(code), Some(d)) = (
            part_of_day(at(i + 1)).filter(|_| at(i + 1) != "night"),
            anchor,
        ) {
            return Some((
                2,
                TimeType::Time,
                Some(format!("{}T{code}", date(d + 1))),
                None,
            ));
        }
    }
    None
}

/// "this morning", "this evening".
#[inline(always)]
fn this_part_of_day(c: &Context) -> Option<Found> {
    let &Context { i, anchor, a, .. } = c;
    let at = |k: usize| c.at(k);
    if a == "this" {
        if let Some(code) = part_of_day(at(i + 1)).filter(|_| at(i + 1) != "night") {
            return Some((
                2,
                TimeType::Time,
                anchor.map(|d| format!("{}T{code}", date(d))),
                None,
            ));
        }
    }
    None
}

/// "mid-1996", "mid-November", "late-November": the year or the month.
#[inline(always)]
fn edge_of_year_or_month(c: &Context) -> Option<Found> {
    let &Context { anchor, a, y0, .. } = c;
    if let Some((_, rest)) = a
        .split_once('-')
        .filter(|(edge, _)| matches!(*edge, "mid" | "late" | "early"))
    {
        if rest.len() == 4 && rest.chars().all(|c| c.is_ascii_digit()) {
            let y: i64 = rest.parse().ok()?;
            return Some((1, TimeType::Date, Some(rest.to_string()), Some(y)));
        }
        if let (Some(m), Some(d)) = (month_of(rest).filter(|_| MONTHS.contains(&rest)), anchor) {
            let y = [y0 - 1, y0, y0 + 1]
                .into_iter()
                .min_by_key(|&y| (days_from_civil(y, m, 15) - d).abs())
                .unwrap_or(y0);
            return Some((1, TimeType::Date, Some(format!("{y:04}-{m:02}")), None));
        }
    }
    None
}

/// Holidays: "Thanksgiving", "Christmas 2020", "last Easter", "the
/// following Easter"; the last one unless the clause speaks of the future.
#[inline(always)]
fn holiday_date(c: &Context) -> Option<Found> {
    let &Context {
        words: w,
        i,
        anchor,
        future,
        a,
        ..
    } = c;
    let at = |k: usize| c.at(k);
    let step = match a {
        "last" | "previous" => Some(false),
        "next" | "following" | "coming" => Some(true),
        _ => None,
    };
    let h = i + usize::from(step.is_some() || a == "this");
    if let Some((day_in, len)) = holiday(w, h) {
        if let Some((y, l)) = year_after(w, h + len, anchor) {
            // "labor day 2021 weekend"
            if at(h + len + l) == "weekend" {
                return Some((
                    h - i + len + l + 1,
                    TimeType::Date,
                    Some(weekend_of(day_in(y))),
                    Some(y),
                ));
            }
            return Some((
                h - i + len + l,
                TimeType::Date,
                Some(date(day_in(y))),
                Some(y),
            ));
        }
        // A holiday with neither a year nor an anchor has no date, and is no other expression.
        let Some(d) = anchor else { return c.stop() };
        let (y, _, _) = civil_from_days(d);
        let (before, after) = if day_in(y) <= d {
            (day_in(y), day_in(y + 1))
        } else {
            (day_in(y - 1), day_in(y))
        };
        let pick = match step {
            Some(forward) => {
                if forward {
                    after
                } else {
                    before
                }
            }
            None if a == "this" => day_in(y),
            None => {
                if future {
                    after
                } else {
                    before
                }
            }
        };
        // "Labor Day weekend", "Halloween weekend 2021": the weekend it falls on or ends.
        if at(h + len) == "weekend" {
            let (pick, year_len) = match year_after(w, h + len + 1, anchor) {
                Some((y, l)) => (day_in(y), l),
                None => (pick, 0),
            };
            return Some((
                h - i + len + 1 + year_len,
                TimeType::Date,
                Some(weekend_of(pick)),
                None,
            ));
        }
        // "Easter week": the ISO week the holiday falls in.
        if at(h + len) == "week" {
            let (wy, wk) = iso_week(pick);
            return Some((
                h - i + len + 1,
                TimeType::Date,
                Some(format!("{wy:04}-W{wk:02}")),
                None,
            ));
        }
        return Some((h - i + len, TimeType::Date, Some(date(pick)), None));
    }
    None
}

/// "last October", "this September", "next March".
#[inline(always)]
fn this_month_name(c: &Context) -> Option<Found> {
    let &Context {
        tokens: toks,
        text,
        i,
        anchor,
        a,
        ..
    } = c;
    let at = |k: usize| c.at(k);
    if matches!(a, "this" | "last" | "next") {
        // "this may" in lower case is "this may or may not".
        let verb = matches!(at(i + 1), "may" | "march")
            && !toks
                .get(i + 1)
                .is_some_and(|t| t.of(text).starts_with(char::is_uppercase));
        if let (Some(m), Some(d)) = (
            toks.get(i + 1)
                .and_then(|t| month_of(t.of(text)))
                .filter(|_| MONTHS.contains(&at(i + 1)) && !verb),
            anchor,
        ) {
            let (y, now, _) = civil_from_days(d);
            let y = match a {
                "last" => {
                    if m < now {
                        y
                    } else {
                        y - 1
                    }
                }
                "next" => {
                    if m > now {
                        y
                    } else {
                        y + 1
                    }
                }
                _ => y,
            };
            return Some((2, TimeType::Date, Some(format!("{y:04}-{m:02}")), Some(y)));
        }
    }
    None
}

/// Seasons: "last fall", "this summer".
#[inline(always)]
fn this_season(c: &Context) -> Option<Found> {
    let &Context {
        i, anchor, a, y0, ..
    } = c;
    let at = |k: usize| c.at(k);
    if matches!(a, "this" | "last" | "next") {
        if let Some(code) = season(at(i + 1)) {
            let y = y0
                + match a {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                };
            return Some((
                2,
                TimeType::Date,
                anchor.map(|_| format!("{y:04}-{code}")),
                None,
            ));
        }
        // "this past spring"
        if a == "this" && at(i + 1) == "past" {
            if let Some(code) = season(at(i + 2)) {
                return Some((
                    3,
                    TimeType::Date,
                    anchor.map(|_| format!("{y0:04}-{code}")),
                    None,
                ));
            }
        }
    }
    None
}

/// A season alone, "the summer", "the early summer": this year's. Not
/// "fall", which is more often a noun.
#[inline(always)]
fn season_alone(c: &Context) -> Option<Found> {
    let &Context {
        words: w,
        i,
        anchor,
        a,
        y0,
        ..
    } = c;
    let at = |k: usize| c.at(k);
    let the = usize::from(a == "the");
    let edge = usize::from(the == 1 && matches!(at(i + 1), "early" | "late"));
    if let Some(code) = season(at(i + the + edge)).filter(|_| at(i + the + edge) != "fall") {
        let len = the + edge + 1;
        // "the winter of 1994", "the winter of nineteen ninety-four".
        let year = year_after(w, i + len, anchor)
            .filter(|_| at(i + len) == "of")
            .or_else(|| {
                let n = number_word(at(i + len + 2)).filter(|n| {
                    (10..100).contains(n) && at(i + len) == "of" && at(i + len + 1) == "nineteen"
                })?;
                Some((1900 + n, 3))
            });
        if let Some((y, l)) = year {
            return Some((
                len + l,
                TimeType::Date,
                Some(format!("{y:04}-{code}")),
                Some(y),
            ));
        }
        if anchor.is_some()
            && (the == 1
                || i == 0
                || matches!(
                    at(i - 1),
                    "in" | "during" | "this" | "by" | "until" | "since" | "," | "early" | "late"
                ))
        {
            return Some((len, TimeType::Date, Some(format!("{y0:04}-{code}")), None));
        }
    }
    None
}

/// "the weekend of Halloween": the weekend that day falls on.
#[inline(always)]
fn weekend_of_day(c: &Context) -> Option<Found> {
    let &Context { i, a, .. } = c;
    let at = |k: usize| c.at(k);
    if a == "the" && at(i + 1) == "weekend" && at(i + 2) == "of" {
        if let Some((len, TimeType::Date, Some(v), _)) = c.expression_at(i + 3) {
            if let Some(day) = v.date() {
                return Some((3 + len, TimeType::Date, Some(weekend_of(day)), None));
            }
        }
    }
    None
}

#[inline(always)]
fn the_weekend(c: &Context) -> Option<Found> {
    let &Context {
        i,
        anchor,
        future,
        a,
        ..
    } = c;
    let at = |k: usize| c.at(k);
    if a == "the" && at(i + 1) == "weekend" {
        // Told in the past from Monday to Thursday, it is the weekend before;
        // on a Friday, the one to come.
        let value = anchor.map(|d| {
            let (wy, wk) = iso_week(if !future && weekday(d) < 4 { d - 7 } else { d });
            format!("{wy:04}-W{wk:02}-WE")
        });
        return Some((2, TimeType::Date, value, None));
    }
    None
}

/// Weekdays: direction from tense; "Monday, Oct. 26" is that date.
#[inline(always)]
fn weekday_name(c: &Context) -> Option<Found> {
    let &Context {
        words: w,
        tokens: toks,
        text,
        i,
        anchor,
        future,
        a,
        ..
    } = c;
    let at = |k: usize| c.at(k);
    if let Some((wd, full)) = weekday_of(a) {
        // "Tuesday of next week", "Monday of the following week".
        if at(i + 1) == "of" {
            let the = usize::from(at(i + 2) == "the");
            let step = match at(i + 2 + the) {
                "next" | "following" | "coming" => Some(1),
                "last" | "previous" => Some(-1),
                "this" => Some(0),
                _ => None,
            };
            if let (Some(step), "week", Some(d)) = (step, at(i + 3 + the), anchor) {
                return Some((
                    4 + the,
                    TimeType::Date,
                    Some(weekday_in_week(d, step, wd)),
                    None,
                ));
            }
        }
        let comma = usize::from(at(i + 1) == ",");
        if let Some((len, TimeType::Date, Some(v), year)) =
            month_date(w, toks, text, i + 1 + comma, anchor, c.frame.tense())
        {
            if v.len() == 10 {
                return Some((len + 1 + comma, TimeType::Date, Some(v), year));
            }
        }
        // "friday the 26th", "Sun 14th": the nearest such day that falls on that weekday.
        let the = usize::from(at(i + 1) == "the");
        // A cut name in lower case ("sat", "sun") is a weekday only before an ordinal.
        let plain = at(i + 1 + the).bytes().all(|b| b.is_ascii_digit());
        let named = full || toks[i].of(text).starts_with(char::is_uppercase) || !plain;
        let day = day_of_month(w, i + 1 + the).filter(|&(_, len)| {
            named
                && unit_of(at(i + 1 + the + len)).is_none()
                && !matches!(at(i + 1 + the + len), "of" | "century" | "-" | "–" | "to")
                && clock(w, i + 1 + the).is_none()
        });
        if let (Some((day, len)), Some(d)) = (day, anchor) {
            let found = day_in_months_around(d, day, 12)
                .filter(|&candidate| weekday(candidate) == wd as i64)
                .min_by_key(|c| (c - d).abs());
            if let Some(c) = found {
                return Some((1 + the + len, TimeType::Date, Some(date(c)), None));
            }
        }
        // "Wednesday next week", "Wednesday evening next week".
        let part = part_of_day(at(i + 1));
        let k = i + 1 + usize::from(part.is_some());
        let step = match at(k) {
            "next" | "following" => Some(1),
            "last" | "previous" => Some(-1),
            "this" => Some(0),
            _ => None,
        };
        if let (Some(step), "week", Some(d)) = (step, at(k + 1), anchor) {
            let day = weekday_in_week(d, step, wd);
            return Some(match part {
                Some(code) => (
                    k + 2 - i,
                    TimeType::Time,
                    Some(format!("{day}T{code}")),
                    None,
                ),
                None => (k + 2 - i, TimeType::Date, Some(day), None),
            });
        }
        // A cut name is a weekday when capitalized before a clock time: "Sat at 5".
        let capital = toks[i].of(text).starts_with(char::is_uppercase);
        let listed =
            i > 1 && matches!(at(i - 1), "or" | "and" | ",") && weekday_of(at(i - 2)).is_some();
        let clocked = capital && (matches!(at(i + 1), "at" | "@") || listed);
        // A cut name that is no weekday is no other expression either.
        if !full && !clocked {
            return c.stop();
        }
        let value = anchor
            .map(|d| resolve_weekday(d, wd as i64, future || c.frame.weekday_ahead))
            .or(Some(format!("XXXX-WXX-{}", wd + 1)));
        return Some((1, TimeType::Date, value, None));
    }
    None
}

/// Centuries: "the 19th century" is 18, the hundreds it spans.
#[inline(always)]
fn century(c: &Context) -> Option<Found> {
    let &Context { words: w, i, .. } = c;
    let at = |k: usize| c.at(k);
    if let Some((n, len)) =
        day_of_month(w, i).filter(|&(n, len)| n <= 21 && at(i + len) == "century")
    {
        return Some((len + 1, TimeType::Date, Some(format!("{:02}", n - 1)), None));
    }
    None
}

/// Month names: "June 27", "July 4th", "27 June", "the 4th of July",
/// "June 27, 2024", "April of 1987", "November", "November 2024".
#[inline(always)]
fn month_name(c: &Context) -> Option<Found> {
    let &Context {
        words: w,
        tokens: toks,
        text,
        i,
        anchor,
        ..
    } = c;
    if let Some(found) = month_date(w, toks, text, i, anchor, c.frame.tense()) {
        return Some(found);
    }
    None
}

/// "April 24 and 25": a second day of the month just named, after "and" or "or".
#[inline(always)]
fn second_day_of_month(c: &Context) -> Option<Found> {
    let &Context { i, a, .. } = c;
    let day: i64 = a.parse().ok().filter(|_| a.len() <= 2)?;
    let joined = i >= 3 && matches!(c.at(i - 1), "and" | "or");
    let next = c.at(i + 1);
    if !joined || !(next.is_empty() || !next.starts_with(char::is_alphanumeric) || next == "in") {
        return None;
    }
    let (len, _, value, year) = c.expression_at(i - 3)?;
    let first = value.and_then(|v| v.date()).filter(|_| len == 2)?;
    let (y, m, d) = civil_from_days(first);
    let second = (day > d && day <= 31)
        .then(|| days_from_civil(y, m, day))
        .filter(|&s| civil_from_days(s).1 == m)?;
    Some((1, TimeType::Date, Some(date(second)), year))
}

/// "the first week of 2015", "the last week of July", "the week of April 10th".
#[inline(always)]
fn week_of(c: &Context) -> Option<Found> {
    let &Context { i, a, .. } = c;
    let at = |k: usize| c.at(k);
    let the = usize::from(a == "the");
    let ordinal = match at(i + the) {
        "last" => Some(5),
        w => ["first", "second", "third", "fourth", "fifth"]
            .iter()
            .position(|o| *o == w)
            .map(|p| p as i64 + 1)
            .or_else(|| {
                let n = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
                n.parse::<i64>()
                    .ok()
                    .filter(|n| (1..=5).contains(n) && n.to_string().len() + 2 == w.len())
            }),
    };
    let k = i + the + usize::from(ordinal.is_some());
    if at(k) == "week" && at(k + 1) == "of" && (ordinal.is_some() || the == 1) {
        if let Some((len, _, Some(v), year)) = c.expression_at(k + 2) {
            let parts = v.leading_figures();
            let year_alone = matches!(v, Timex::Year(_));
            let day = match (parts.as_slice(), ordinal) {
                ([y, m, d], None) => Some(days_from_civil(*y, *m, *d)),
                ([y, m], Some(5)) => Some(month_end(*y, *m)),
                ([y, m], Some(n)) => Some(days_from_civil(*y, *m, 1) + 7 * (n - 1)),
                // The last ISO week of a year always holds 28 December.
                ([y], Some(5)) if year_alone => Some(days_from_civil(*y, 12, 28)),
                ([y], Some(n)) if year_alone => Some(days_from_civil(*y, 1, 4) + 7 * (n - 1)),
                _ => None,
            };
            if let Some(d) = day {
                let (wy, wk) = iso_week(d);
                return Some((
                    k + 2 + len - i,
                    TimeType::Date,
                    Some(format!("{wy:04}-W{wk:02}")),
                    year,
                ));
            }
        }
    }
    None
}

/// "the 15th day of next month", "the twenty third day of September",
/// "the third month of 2021".
#[inline(always)]
fn nth_day_of(c: &Context) -> Option<Found> {
    let &Context {
        words: w,
        i,
        anchor,
        a,
        ..
    } = c;
    let at = |k: usize| c.at(k);
    let the = usize::from(a == "the");
    if let Some((n, len)) =
        day_of_month(w, i + the).filter(|_| !at(i + the).bytes().all(|b| b.is_ascii_digit()))
    {
        let k = i + the + len;
        if matches!(at(k), "day" | "month") && at(k + 1) == "of" {
            let this_month = matches!((at(k + 2), at(k + 3)), ("the" | "this", "month"));
            let of = if this_month {
                anchor.map(|d| (2, Timex::from(date(d)[..7].to_string())))
            } else {
                c.expression_at(k + 2)
                    .and_then(|(l, _, v, _)| Some((l, v?)))
            };
            if let Some((l, v)) = of {
                let ym = v.leading_figures();
                let value = match (at(k), ym.as_slice()) {
                    ("day", [y, m])
                        if civil_from_days(days_from_civil(*y, *m, n)) == (*y, *m, n) =>
                    {
                        Some(format!("{y:04}-{m:02}-{n:02}"))
                    }
                    ("month", [y]) if matches!(v, Timex::Year(_)) && n <= 12 => {
                        Some(format!("{y:04}-{n:02}"))
                    }
                    _ => None,
                };
                if value.is_some() {
                    return Some((k + 2 + l - i, TimeType::Date, value, None));
                }
            }
        }
    }
    None
}

/// "in two weeks", "in 3 years" said of the future: that day; "in 5
/// minutes", when the anchor has a clock, that moment.
#[inline(always)]
fn in_units(c: &Context) -> Option<Found> {
    let &Context {
        i,
        anchor,
        future,
        now,
        a,
        ..
    } = c;
    let at = |k: usize| c.at(k);
    if a == "in" && (future || i == 0) {
        let n = match at(i + 1) {
            "a" | "an" => Some(1),
            x => number_word(x).filter(|&n| n > 0),
        };
        if let (Some(n), Some(u), Some(d)) = (n, unit_of(at(i + 2)), anchor) {
            if matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year)
                && (n == 1) != at(i + 2).ends_with('s')
            {
                return Some((3, TimeType::Date, Some(date(add_exactly(d, n, u))), None));
            }
            if let (Some(secs), Some(now)) = (clock_seconds(n, u), now) {
                return Some((3, TimeType::Time, Some(moment(d, now + secs)), None));
            }
        }
    }
    None
}

/// "the day after tomorrow", "the day before", "the day after".
#[inline(always)]
fn day_before_after(c: &Context) -> Option<Found> {
    let &Context { i, anchor, a, .. } = c;
    let at = |k: usize| c.at(k);
    if a == "the" && at(i + 1) == "day" && matches!(at(i + 2), "before" | "after") {
        if let Some(d) = anchor {
            let sign = if at(i + 2) == "before" { -1 } else { 1 };
            let (shift, len) = match at(i + 3) {
                "yesterday" if sign < 0 => (-2, 4),
                "tomorrow" if sign > 0 => (2, 4),
                x if !x.starts_with(char::is_alphanumeric) => (sign, 3),
                _ => (0, 0),
            };
            if len > 0 {
                return Some((len, TimeType::Date, Some(date(d + shift)), None));
            }
        }
    }
    None
}

/// "the 5 upcoming years", "the 13 last minutes", "the last 2 quarters",
/// "the next couple weeks": a span of that length.
#[inline(always)]
fn span_of_units(c: &Context) -> Option<Found> {
    let &Context { i, a, .. } = c;
    let at = |k: usize| c.at(k);
    if let Some(n) = number_word(a).filter(|&n| n > 1) {
        let (side, unit) = (at(i + 1), at(i + 2));
        if matches!(
            side,
            "upcoming" | "coming" | "next" | "past" | "previous" | "last" | "following"
        ) && unit.ends_with('s')
        {
            if let Some(u) = duration_unit(unit) {
                return Some((
                    3,
                    TimeType::Duration,
                    Some(compound_duration(&[(n as f64, u)])),
                    None,
                ));
            }
        }
    }
    None
}

#[inline(always)]
fn last_n_units(c: &Context) -> Option<Found> {
    let &Context { i, a, .. } = c;
    let at = |k: usize| c.at(k);
    if matches!(
        a,
        "last" | "past" | "previous" | "next" | "coming" | "following"
    ) {
        let couple = usize::from(at(i + 1) == "couple");
        let n = if couple == 1 {
            Some(2)
        } else {
            number_word(at(i + 1)).filter(|&n| n > 1 && at(i + 1) != "a")
        };
        if let (Some(n), "quarters") = (n, at(i + 2)) {
            return Some((3, TimeType::Duration, Some(format!("P{n}Q")), None));
        }
        if let (Some(n), 1, Some(u)) = (
            n,
            couple,
            duration_unit(at(i + 2)).filter(|_| at(i + 2).ends_with('s')),
        ) {
            return Some((
                3,
                TimeType::Duration,
                Some(compound_duration(&[(n as f64, u)])),
                None,
            ));
        }
    }
    None
}

/// "a couple of years": about two.
#[inline(always)]
fn couple_of_units(c: &Context) -> Option<Found> {
    let &Context { i, a, .. } = c;
    let at = |k: usize| c.at(k);
    if a == "a" && at(i + 1) == "couple" && at(i + 2) == "of" {
        if let Some(u) = unit_of(at(i + 3)) {
            return Some((4, TimeType::Duration, Some(duration(2, u)), None));
        }
    }
    None
}

/// "an additional year", "another day": a count of the unit after all.
#[inline(always)]
fn additional_unit(c: &Context) -> Option<Found> {
    let &Context { i, a, .. } = c;
    let at = |k: usize| c.at(k);
    if matches!(a, "an" | "a") && matches!(at(i + 1), "additional" | "extra") {
        if let Some(u) = unit_of(at(i + 2)).filter(|_| !at(i + 2).ends_with('s')) {
            return Some((3, TimeType::Duration, Some(duration(1, u)), None));
        }
    }
    None
}

#[inline(always)]
fn another_unit(c: &Context) -> Option<Found> {
    let &Context { i, a, .. } = c;
    let at = |k: usize| c.at(k);
    if a == "another" {
        if let Some(u) = unit_of(at(i + 1)).filter(|_| !at(i + 1).ends_with('s')) {
            return Some((2, TimeType::Duration, Some(duration(1, u)), None));
        }
    }
    None
}

/// "two more weeks", "20 more years": a count of units still to come, a length.
#[inline(always)]
fn more_units(c: &Context) -> Option<Found> {
    let &Context { i, a, .. } = c;
    let n = number_word(a).filter(|&n| n > 0 && !matches!(a, "a" | "an"))?;
    let u = unit_of(c.at(i + 2)).filter(|_| c.at(i + 1) == "more")?;
    Some((3, TimeType::Duration, Some(duration(n, u)), None))
}

#[inline(always)]
fn measured_duration_phrase(c: &Context) -> Option<Found> {
    let &Context {
        words: w,
        i,
        anchor,
        future,
        now,
        ..
    } = c;
    let at = |k: usize| c.at(k);
    if let Some((len, parts)) = measured_duration(w, i) {
        // "half an hour from now", "2 years 1 month ago", "in half an hour".
        let (sign, extra) = match (at(i + len), at(i + len + 1)) {
            ("from", "now") => (1, 2),
            ("ago" | "earlier", _) => (-1, 1),
            _ => (0, 0),
        };
        let in_future = sign == 0 && i > 0 && at(i - 1) == "in" && (future || i == 1);
        if sign != 0 || in_future {
            if let Some(value) =
                anchor.and_then(|d| moved(d, now, &parts, if in_future { 1 } else { sign }))
            {
                let ty = if value.len() > 10 {
                    TimeType::Time
                } else {
                    TimeType::Date
                };
                return Some((len + extra, ty, Some(value), None));
            }
        }
        return Some((
            len,
            TimeType::Duration,
            Some(compound_duration(&parts)),
            None,
        ));
    }
    None
}

/// "eight trading days", "five working days": days counted on a calendar
/// of work, a length in days.
#[inline(always)]
fn working_days(c: &Context) -> Option<Found> {
    let &Context { i, a, .. } = c;
    let n = number_word(a).filter(|&n| n > 0 && !matches!(a, "a" | "an"))?;
    let day = matches!(c.at(i + 2), "day" | "days");
    (day && matches!(c.at(i + 1), "trading" | "business" | "working"))
        .then(|| (3, TimeType::Duration, Some(format!("P{n}D")), None))
}

/// "75 years ago", "two years later", "a four-year term", "four years".
#[inline(always)]
fn counted_units(c: &Context) -> Option<Found> {
    let &Context {
        i,
        anchor,
        last_year,
        quarters,
        now,
        a,
        ..
    } = c;
    let at = |k: usize| c.at(k);
    if let Some(n) = number_word(a) {
        // "four-year" as one token
        if let Some(u) = unit_of(at(i + 1)) {
            let len = 2;
            // "3 minutes from now", "30 minutes later": that moment, when the
            // anchor has a clock.
            if let (Some(secs), Some(now), Some(d)) = (clock_seconds(n, u), now, anchor) {
                match (at(i + 2), at(i + 3)) {
                    ("from", "now") => {
                        return Some((4, TimeType::Time, Some(moment(d, now + secs)), None))
                    }
                    ("ago" | "earlier", _) => {
                        return Some((3, TimeType::Time, Some(moment(d, now - secs)), None))
                    }
                    _ => {}
                }
            }
            // "3 days from today", "two weeks after January 15": that day exactly.
            if matches!(at(i + 2), "from" | "after" | "before")
                && matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year)
            {
                let sign = if at(i + 2) == "before" { -1 } else { 1 };
                let base = match at(i + 3) {
                    "now" | "today" if at(i + 2) == "from" => anchor.map(|d| (1, d)),
                    "tomorrow" | "tmrw" => anchor.map(|d| (1, d + 1)),
                    "yesterday" => anchor.map(|d| (1, d - 1)),
                    _ => match c.expression_at(i + 3) {
                        Some((l, TimeType::Date, Some(v), _)) => v.date().map(|d| (l, d)),
                        _ => None,
                    },
                };
                if let Some((l, base)) = base {
                    return Some((
                        3 + l,
                        TimeType::Date,
                        Some(date(add_exactly(base, sign * n, u))),
                        None,
                    ));
                }
            }
            // "a week or so ago": the approximation inside, the direction after it.
            let k = i + 2 + 2 * usize::from(at(i + 2) == "or" && at(i + 3) == "so");
            match at(k) {
                // "a year ago" in a quarterly report: the same quarter a year before.
                "ago" | "earlier" if n == 1 && u == Unit::Year && quarters.named.is_some() => {
                    let value = quarters.named.map(|(y, q)| quarter_value((y - 1, q)));
                    return Some((k + 1 - i, TimeType::Date, value, None));
                }
                "ago" => {
                    let value = anchor.and_then(|d| shifted(d, -n, u));
                    return Some((k + 1 - i, TimeType::Date, value, None));
                }
                "later" | "after" if last_year.is_some() && u == Unit::Year => {
                    let y = last_year.unwrap() + n;
                    return Some((k + 1 - i, TimeType::Date, Some(format!("{y:04}")), Some(y)));
                }
                "earlier" | "before" if last_year.is_some() && u == Unit::Year => {
                    let y = last_year.unwrap() - n;
                    return Some((k + 1 - i, TimeType::Date, Some(format!("{y:04}")), Some(y)));
                }
                // No year to count from: count back from the publication date.
                "earlier" => {
                    return Some((
                        k + 1 - i,
                        TimeType::Date,
                        anchor.and_then(|d| shifted(d, -n, u)),
                        None,
                    ));
                }
                // "three days later": a length (TimeML's convention); what it
                // counts from is a time the story tells, not the publication.
                _ => return Some((len, TimeType::Duration, Some(duration(n, u)), None)),
            }
        }
    }
    None
}

/// "several days", "a few weeks", "for years", "recent days", "a few years ago".
#[inline(always)]
fn vague_units(c: &Context) -> Option<Found> {
    let &Context { i, a, .. } = c;
    let at = |k: usize| c.at(k);
    let article = usize::from(a == "a" && at(i + 1) == "few");
    let (q, j) = (at(i + article), i + article);
    if matches!(q, "several" | "few" | "many" | "recent" | "some") {
        if let Some(u) = unit_of(at(j + 1)).filter(|_| at(j + 1).ends_with('s')) {
            if at(j + 2) == "ago" && q != "recent" {
                return Some((article + 3, TimeType::Date, Some("PAST_REF".into()), None));
            }
            // TimeBank reads "recent years" as an unknown number of them, PXY.
            return Some((
                article + 2,
                TimeType::Duration,
                Some(vague_duration(u)),
                None,
            ));
        }
    }
    None
}

/// A plural unit with no count, after a word that makes it a length of
/// time: "for years", "within weeks", "over the years", "for centuries",
/// "months ago" ("hundreds of years" and "on days when" are no lengths).
#[inline(always)]
fn uncounted_units(c: &Context) -> Option<Found> {
    let &Context { i, a, .. } = c;
    let at = |k: usize| c.at(k);
    let plural_unit = |w: &str| match w {
        "centuries" => Some(Unit::Century),
        _ => unit_of(w).filter(|_| w.ends_with('s')),
    };
    let before = if i > 0 { at(i - 1) } else { "" };
    // "over the years": the article inside.
    if a == "the" && before == "over" {
        let u = plural_unit(at(i + 1))?;
        return Some((2, TimeType::Duration, Some(vague_duration(u)), None));
    }
    let u = plural_unit(a)?;
    let length =
        matches!(before, "for" | "within" | "in" | "over" | "after" | "just") || at(i + 1) == "ago";
    length.then(|| {
        let len = 1 + usize::from(at(i + 1) == "ago");
        (len, TimeType::Duration, Some(vague_duration(u)), None)
    })
}

#[inline(always)]
fn hyphen_duration(c: &Context) -> Option<Found> {
    let &Context { a, .. } = c;
    if let Some((num, unit)) = a.split_once('-') {
        if let (Some(n), Some(u)) = (number_word(num), unit_of(unit)) {
            return Some((1, TimeType::Duration, Some(duration(n, u)), None));
        }
    }
    None
}

/// Years spelled out: "nineteen ninety six", "two thousand and fifteen"
/// after "in" or "year"; "two thousand" alone is more often a count.
#[inline(always)]
fn year_in_words(c: &Context) -> Option<Found> {
    let &Context { words: w, i, a, .. } = c;
    let at = |k: usize| c.at(k);
    if let Some((y, len)) = spoken_year(w, i).or_else(|| spoken_millennium(w, i)) {
        let said_as_year =
            i > 0 && matches!(at(i - 1), "in" | "year" | "since" | "of" | "until" | "by");
        if a == "nineteen" || said_as_year {
            return Some((len, TimeType::Date, Some(y.to_string()), Some(y)));
        }
    }
    None
}

/// Years and decades: "2019", "in 2022", "the 1990s".
#[inline(always)]
fn year_figure(c: &Context) -> Option<Found> {
    let &Context { i, a, .. } = c;
    let at = |k: usize| c.at(k);
    if a.len() == 4 && a.chars().all(|c| c.is_ascii_digit()) {
        let y: i64 = a.parse().ok()?;
        let prev = if i > 0 { at(i - 1) } else { "" };
        let year_context = matches!(
            prev,
            "in" | "since"
                | "until"
                | "by"
                | "of"
                | "from"
                | "to"
                | "during"
                | "before"
                | "after"
                | "the"
                | ","
                | "early"
                | "late"
                | "mid"
        ) || prev.is_empty();
        // "a 1996 law", "its 1990 invasion": a year modifying a noun; but
        // "1999 troops" counts them.
        let next = at(i + 1);
        let modifies = matches!(
            prev,
            "a" | "an" | "that" | "this" | "its" | "his" | "her" | "their" | "our"
        ) || (next.chars().next().is_some_and(char::is_alphabetic)
            && !next.ends_with('s'));
        let far = (2101..=2200).contains(&y) && matches!(prev, "in" | "by" | "until");
        // "2015 - 32", "32 - 2015": a year joined to a number that is none.
        let dashed = |dash: &str, other: &str| {
            matches!(dash, "-" | "–")
                && other.bytes().all(|b| b.is_ascii_digit())
                && !other.is_empty()
                && year_number(other).is_none()
        };
        if dashed(next, at(i + 2)) || (i >= 2 && dashed(prev, at(i - 2))) {
            return c.stop();
        }
        if ((1900..=2100).contains(&y) || far)
            && (year_context || modifies || !next.chars().next().is_some_and(char::is_alphabetic))
        {
            return Some((1, TimeType::Date, Some(a.to_string()), Some(y)));
        }
        if (1100..1900).contains(&y) && history_year_context(c) {
            return Some((1, TimeType::Date, Some(a.to_string()), Some(y)));
        }
    }
    None
}

/// Whether a figure of an earlier century at the context's word is a year:
/// after a word that places an event in time ("independence in 1898",
/// "since 1865"), not after a count ("one in 1500"), and with no noun after
/// it ("in 1500 cases").
fn history_year_context(c: &Context) -> bool {
    let i = c.i;
    let placed = i > 0
        && matches!(
            c.at(i - 1),
            "in" | "since" | "until" | "during" | "before" | "after"
        );
    let counted = i > 1 && number_word(c.at(i - 2)).is_some();
    let next = c.at(i + 1);
    let closes = !next.starts_with(char::is_alphabetic) || matches!(next, "and" | "when" | "to");
    placed && !counted && closes
}

/// Decades in figures: "the 1990s", "the 1980's", "the mid-1990s", "the
/// '80s", "the 90s" (two-figure decades by the anchor's century, as
/// two-figure years). TimeML writes a decade as its first three figures,
/// "mid" as a modifier.
#[inline(always)]
fn decade_figure(c: &Context) -> Option<Found> {
    let &Context { i, a, anchor, .. } = c;
    let next = c.at(i + 1);
    let word = a.strip_prefix("mid-").unwrap_or(a);
    // The apostrophe of "'80s" and the "'s" of "1980's" can be tokens of their own.
    let (figures, len) = if matches!(word, "'" | "\u{2019}") {
        (next.to_string(), 2)
    } else if matches!(next, "'s" | "\u{2019}s") && word.len() == 4 {
        (format!("{word}s"), 2)
    } else {
        (word.to_string(), 1)
    };
    let bare = figures.trim_start_matches(['\'', '\u{2019}']);
    if bare.len() == 3 && !two_figure_decade(c, bare.len() == figures.len()) {
        return None;
    }
    decade_prefix(bare, anchor).map(|d| (len, TimeType::Date, Some(d), None))
}

/// Whether "80s" at the context's word is a decade, not an age ("in
/// their mid-20s", "her late 30s"): never after a possessive, and without
/// an apostrophe only after "the" ("the early 70s").
fn two_figure_decade(c: &Context, without_apostrophe: bool) -> bool {
    let mut k = c.i;
    while k > 0 && matches!(c.at(k - 1), "early" | "late" | "mid") {
        k -= 1;
    }
    let before = if k > 0 { c.at(k - 1) } else { "" };
    let possessive = crate::lexicon::POSSESSIVES.contains(&before);
    !possessive && (!without_apostrophe || before == "the")
}

/// The TIMEX3 value of a decade written "1990s" or "90s": "199".
fn decade_prefix(figures: &str, anchor: Option<i64>) -> Option<String> {
    let digits = figures.strip_suffix('s')?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) || !digits.ends_with('0') {
        return None;
    }
    match digits.len() {
        4 => Some(digits[..3].to_string()),
        2 => Some(format!("{}", full_year(digits.parse().ok()?, anchor) / 10)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every expression a phrase holds, read the way `recognise` reads a
    /// sentence (tense at each word, the last year said), each with the
    /// rule that read it: (rule, surface, value). Words are split at spaces.
    fn read(phrase: &str, published: &str) -> Vec<(&'static str, String, String)> {
        let mut tokens = Vec::new();
        let mut start = None;
        for (k, ch) in phrase.char_indices().chain([(phrase.len(), ' ')]) {
            match (ch == ' ', start) {
                (true, Some(s)) => {
                    tokens.push(Span::new(s, k));
                    start = None;
                }
                (false, None) => start = Some(k),
                _ => {}
            }
        }
        let words: Vec<String> = tokens.iter().map(|t| t.of(phrase).to_lowercase()).collect();
        let (anchor, now) = (parse_anchor(Some(published)), parse_now(Some(published)));
        let reference = anchor
            .map(quarter_of)
            .map(|(y, q)| if q == 1 { (y - 1, 4) } else { (y, q - 1) });
        let (sentence_future, tenses) = (future_tense(&words), tense_at_each(&words, &[]));
        let (mut found, mut last_year, mut i) = (Vec::new(), None, 0);
        while i < words.len() {
            let frame = Frame {
                anchor,
                future: tenses[i].unwrap_or(sentence_future),
                told: tenses[i].is_some() || sentence_future,
                past_governor: false,
                weekday_ahead: false,
                last_year,
                quarters: Quarters {
                    reference,
                    named: None,
                },
                now,
            };
            match expression_rule(&words, &tokens, phrase, i, frame) {
                Some((rule, (len, _, value, year))) => {
                    last_year = year.or(last_year);
                    found.push((rule, words[i..i + len].join(" "), value.unwrap_or_default()));
                    i += len;
                }
                None => i += 1,
            }
        }
        found
    }

    /// The examples of `data/en/time-examples.tsv`: (rule, anchor, phrase,
    /// the words it reads, TIMEX3 value).
    fn examples() -> Vec<[&'static str; 5]> {
        include_str!("../../data/en/time-examples.tsv")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|l| {
                let cols: Vec<&str> = l.split('\t').collect();
                cols.try_into()
                    .unwrap_or_else(|c| panic!("time-examples.tsv: five columns in {c:?}"))
            })
            .collect()
    }

    /// A newspaper's name, and a figure of an earlier century that counts,
    /// are no times; "daily" before a weekday, or before a name it is no
    /// part of, is one.
    #[test]
    fn newspapers_and_counts_are_no_times() {
        for phrase in [
            "she told the Daily Planet",
            "one in 1500 cases",
            "rose in 1500 homes",
        ] {
            assert!(read(phrase, "2016-11-07").is_empty(), "{phrase}");
        }
        for phrase in ["open daily Monday to Friday", "the party daily Pravda"] {
            assert_eq!(read(phrase, "2016-11-07")[0].1, "daily", "{phrase}");
        }
    }

    #[test]
    fn ages_are_no_decades() {
        for phrase in [
            "women in their 20s",
            "a man in his mid-20s",
            "in her late 30s",
        ] {
            assert!(read(phrase, "2016-11-07").is_empty(), "{phrase}");
        }
    }

    #[test]
    fn examples_read_as_written() {
        let examples = examples();
        let failed: Vec<String> = examples
            .iter()
            .filter_map(|[rule, anchor, phrase, words, value]| {
                let found = read(phrase, anchor);
                let ok = found
                    .iter()
                    .any(|(r, w, v)| r == rule && w == words && v == value);
                (!ok).then(|| format!("{rule}: {phrase:?} read as {found:?}"))
            })
            .collect();
        assert!(failed.is_empty(), "{}", failed.join("\n"));
        let missing: Vec<&str> = RULES
            .iter()
            .map(|(name, _)| *name)
            .filter(|name| !examples.iter().any(|[r, ..]| r == name))
            .collect();
        assert!(missing.is_empty(), "rules without an example: {missing:?}");
    }
}
