//! Durations and offsets: units, measured durations ("three and a half years"), compound values
//! (P1Y6M) and a day moved by them ("two weeks ago").

use super::*;

/// A unit of time as the rules count it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Unit {
    Century,
    Decade,
    Year,
    Month,
    Fortnight,
    Week,
    Weekend,
    Day,
    Hour,
    Minute,
    Second,
}

impl Unit {
    /// The unit's letter where a TIMEX3 value names it by one: "Y" in
    /// P2Y, "W" in P1W (a minute is "M" after the "T" of a time, so its
    /// own code is "N"; decades, centuries, fortnights and weekends are
    /// written in other units by the functions that write them).
    pub(super) fn code(self) -> char {
        match self {
            Unit::Century => 'C',
            Unit::Decade => 'E',
            Unit::Year => 'Y',
            Unit::Month => 'M',
            Unit::Fortnight => 'F',
            Unit::Week => 'W',
            Unit::Weekend => 'K',
            Unit::Day => 'D',
            Unit::Hour => 'H',
            Unit::Minute => 'N',
            Unit::Second => 'S',
        }
    }
}

pub(super) fn unit_of(w: &str) -> Option<Unit> {
    Some(match crate::lexicon::lower(w).trim_end_matches('s') {
        "year" => Unit::Year,
        "month" => Unit::Month,
        "week" => Unit::Week,
        "day" => Unit::Day,
        "decade" => Unit::Decade,
        "century" => Unit::Century,
        "hour" | "hr" => Unit::Hour,
        "minute" | "min" => Unit::Minute,
        _ => return None,
    })
}

pub(super) fn duration(n: i64, u: Unit) -> String {
    match u {
        Unit::Decade => format!("P{}Y", n * 10),
        Unit::Century => format!("P{}Y", n * 100),
        Unit::Hour => format!("PT{n}H"),
        Unit::Minute => format!("PT{n}M"),
        u => format!("P{n}{}", u.code()),
    }
}

/// A duration's unit, seconds included: "sec", "seconds", "hrs", "h".
pub(super) fn duration_unit(w: &str) -> Option<Unit> {
    match w {
        "sec" | "secs" | "seconds" => Some(Unit::Second),
        "h" => Some(Unit::Hour),
        "yr" | "yrs" => Some(Unit::Year),
        "night" | "nights" => Some(Unit::Day),
        "fortnight" | "fortnights" => Some(Unit::Fortnight),
        "weekends" => Some(Unit::Weekend),
        _ => unit_of(w),
    }
}

/// A duration in several units or a fraction: "1 hour and 30 minutes",
/// "2 years 1 month 21 days", "2.5 hours", "one and a half hours", "one
/// hour and a half", "half an hour", "3.5years", "3h", "for 10D". ("All
/// day" is left out: TimeBank does not annotate it.)
/// Plain "four years" is left to the caller, which knows "ago" and "later".
pub(super) fn measured_duration(w: &[String], i: usize) -> Option<(usize, Vec<(f64, Unit)>)> {
    let at = |k: usize| w.get(k).map(String::as_str).unwrap_or("");
    let a = at(i);
    let amount = |x: &str| -> Option<f64> {
        if x.contains('.') {
            x.parse::<f64>().ok().filter(|n| *n > 0.0)
        } else {
            number_word(x)
                .filter(|&n| n > 0 && !matches!(x, "a" | "an"))
                .map(|n| n as f64)
        }
    };
    let fraction = |k: usize| -> Option<(f64, usize)> {
        let article = usize::from(matches!(at(k), "a" | "an"));
        match at(k + article) {
            "half" => Some((0.5, article + 1)),
            "quarter" => Some((0.25, article + 1)),
            _ => None,
        }
    };
    // "a one second time difference": a second, counted.
    if a == "one" && at(i + 1) == "second" {
        return Some((2, vec![(1.0, Unit::Second)]));
    }
    // "a fortnight", "the past fortnight"
    if a == "fortnight" || (matches!(a, "a" | "one") && at(i + 1) == "fortnight") {
        return Some((
            1 + usize::from(a != "fortnight"),
            vec![(1.0, Unit::Fortnight)],
        ));
    }
    // "half an hour", "a half hour", "½ hour"
    let half = match (a, at(i + 1), at(i + 2)) {
        ("half", "an" | "a", u) | ("a", "half", u) => Some((3, u)),
        ("½", u, _) => Some((2, u)),
        _ => None,
    };
    if let Some((len, Some(u))) =
        half.map(|(len, u)| (len, duration_unit(u).filter(|_| !u.ends_with('s'))))
    {
        return Some((len, vec![(0.5, u)]));
    }
    // Glued: "3.5years", "3h", and after "for" or "lasted" "10D", "2W", "3Y".
    let figure = a
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.')
        .count();
    if figure > 0 && figure < a.len() {
        let (n, unit) = a.split_at(figure);
        let single =
            unit.len() == 1 && i > 0 && matches!(at(i - 1), "for" | "lasted" | "lasts" | "last");
        let u = match unit {
            "d" if single => Some(Unit::Day),
            "w" if single => Some(Unit::Week),
            "y" if single => Some(Unit::Year),
            "d" | "w" | "y" => None,
            u => duration_unit(u),
        };
        if let (Some(n), Some(u)) = (n.parse::<f64>().ok().filter(|n| *n > 0.0), u) {
            return Some((1, vec![(n, u)]));
        }
    }
    // "a minute and a half": the article counts one before a fraction.
    let one_and_fraction = matches!(a, "a" | "an")
        && duration_unit(at(i + 1)).is_some()
        && at(i + 2) == "and"
        && fraction(i + 3).is_some();
    let n = amount(a).or(one_and_fraction.then_some(1.0))?;
    // "2 1/2 years", "2 ½ years"
    let written_fraction = match at(i + 1) {
        "1/2" | "½" => Some(0.5),
        "1/4" | "¼" => Some(0.25),
        "3/4" | "¾" => Some(0.75),
        _ => None,
    };
    if let Some((f, u)) = written_fraction.zip(duration_unit(at(i + 2))) {
        return Some((3, vec![(n + f, u)]));
    }
    // "one and a half hours"
    if at(i + 1) == "and" {
        let (f, flen) = fraction(i + 2)?;
        let u = duration_unit(at(i + 2 + flen))?;
        return Some((3 + flen, vec![(n + f, u)]));
    }
    let u = duration_unit(at(i + 1))?;
    let mut parts = vec![(n, u)];
    let mut k = i + 2;
    loop {
        // "one hour and a half", "a year and a quarter"
        if at(k) == "and" {
            if let Some((f, flen)) = fraction(k + 1) {
                parts.last_mut()?.0 += f;
                k += 1 + flen;
                break;
            }
        }
        let and = usize::from(at(k) == "and");
        let (Some(m), Some(v)) = (amount(at(k + and)), duration_unit(at(k + and + 1))) else {
            break;
        };
        if unit_rank(v) >= unit_rank(parts.last()?.1) {
            break;
        }
        parts.push((m, v));
        k += and + 2;
    }
    // Only what the caller does not already read as "N units".
    let plain = parts.len() == 1 && parts[0].0.fract() == 0.0 && unit_of(at(i + 1)).is_some();
    (!plain).then_some((k - i, parts))
}

/// The anchor moved by a duration in parts: a day when every part is a
/// whole number of days or more, a moment when the anchor has a clock.
pub(super) fn moved(
    anchor: i64,
    now: Option<i64>,
    parts: &[(f64, Unit)],
    sign: i64,
) -> Option<String> {
    let mut day = anchor;
    let mut seconds = 0.0;
    for &(n, u) in parts {
        match u {
            Unit::Hour => seconds += n * 3600.0,
            Unit::Minute => seconds += n * 60.0,
            Unit::Second => seconds += n,
            Unit::Year | Unit::Month | Unit::Week | Unit::Day if n.fract() == 0.0 => {
                day = add_exactly(day, sign * n as i64, u)
            }
            Unit::Fortnight if n.fract() == 0.0 => {
                day = add_exactly(day, sign * 2 * n as i64, Unit::Week)
            }
            _ => return None,
        }
    }
    if seconds == 0.0 {
        return Some(date(day));
    }
    Some(moment(day, now? + sign * seconds.round() as i64))
}

/// Units from the largest down, for compound durations.
pub(super) fn unit_rank(u: Unit) -> u8 {
    match u {
        Unit::Century => 9,
        Unit::Decade => 8,
        Unit::Year => 7,
        Unit::Month => 6,
        // Fortnights and weekends rank with weeks.
        Unit::Week | Unit::Fortnight | Unit::Weekend => 5,
        Unit::Day => 4,
        Unit::Hour => 3,
        Unit::Minute => 2,
        _ => 1,
    }
}

/// The TIMEX3 value of a duration in parts: P2Y1M21D, PT1H30M, P3Y6M, P3.5W.
pub(super) fn compound_duration(parts: &[(f64, Unit)]) -> String {
    let figure = |n: f64| {
        if n.fract() == 0.0 {
            format!("{}", n as i64)
        } else {
            format!("{n}")
        }
    };
    let (mut day, mut time) = (String::new(), String::new());
    for (n, u) in whole_parts(parts) {
        match u {
            Unit::Decade => day += &format!("{}Y", figure(n * 10.0)),
            Unit::Century => day += &format!("{}Y", figure(n * 100.0)),
            Unit::Hour => time += &format!("{}H", figure(n)),
            Unit::Minute => time += &format!("{}M", figure(n)),
            Unit::Second => time += &format!("{}S", figure(n)),
            Unit::Fortnight => day += &format!("{}W", figure(2.0 * n)),
            Unit::Weekend => day += &format!("{}WE", figure(n)),
            u => day += &format!("{}{}", figure(n), u.code()),
        }
    }
    if time.is_empty() {
        format!("P{day}")
    } else {
        format!("P{day}T{time}")
    }
}

/// A duration's parts with a fraction written in the next smaller unit
/// where that is a whole number, as TimeBank writes them: "2 1/2 years"
/// P2Y6M, "a minute and a half" PT1M30S ("3.5 weeks" stays P3.5W).
pub(super) fn whole_parts(parts: &[(f64, Unit)]) -> Vec<(f64, Unit)> {
    let mut out = Vec::new();
    for &(n, u) in parts {
        let smaller = match u {
            Unit::Year => Some((12.0, Unit::Month)),
            Unit::Day => Some((24.0, Unit::Hour)),
            Unit::Hour => Some((60.0, Unit::Minute)),
            Unit::Minute => Some((60.0, Unit::Second)),
            _ => None,
        };
        let rest = smaller
            .map(|(k, v)| (n.fract() * k, v))
            .filter(|(m, _)| n.fract() != 0.0 && m.fract() == 0.0);
        match rest {
            Some(rest) => {
                if n.trunc() > 0.0 {
                    out.push((n.trunc(), u));
                }
                out.push(rest);
            }
            None => out.push((n, u)),
        }
    }
    out
}

/// TIMEX3 unit letter of a vague duration ("several days" → PXD).
pub(super) fn vague_duration(u: Unit) -> String {
    match u {
        Unit::Decade => "PXE".to_string(),
        Unit::Century => "PXC".to_string(),
        Unit::Hour => "PTXH".to_string(),
        Unit::Minute => "PTXM".to_string(),
        u => format!("PX{}", u.code()),
    }
}

/// `n` units after (or before, if negative) day `d`, at the unit's granularity.
pub(super) fn shifted(d: i64, n: i64, u: Unit) -> Option<String> {
    let (y, m, _) = civil_from_days(d);
    Some(match u {
        Unit::Year => format!("{:04}", y + n),
        Unit::Decade => format!("{:04}", y + 10 * n),
        Unit::Century => format!("{:04}", y + 100 * n),
        Unit::Month => {
            let months = y * 12 + (m - 1) + n;
            format!(
                "{:04}-{:02}",
                months.div_euclid(12),
                months.rem_euclid(12) + 1
            )
        }
        Unit::Week => {
            let (wy, wk) = iso_week(d + 7 * n);
            format!("{wy:04}-W{wk:02}")
        }
        Unit::Day => date(d + n),
        _ => return None,
    })
}

/// Day `d` moved by `n` days, weeks, months or years, to the day: a month
/// on from 31 January is the last day of February.
pub(super) fn add_exactly(d: i64, n: i64, u: Unit) -> i64 {
    let (y, m, day) = civil_from_days(d);
    let months = match u {
        Unit::Day => return d + n,
        Unit::Week => return d + 7 * n,
        Unit::Month => n,
        _ => 12 * n,
    };
    let total = y * 12 + (m - 1) + months;
    let (y, m) = (total.div_euclid(12), total.rem_euclid(12) + 1);
    let length = month_end(y, m) - days_from_civil(y, m, 1) + 1;
    days_from_civil(y, m, day.min(length))
}
