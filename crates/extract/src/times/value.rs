//! TIMEX3 values as the rules build them: the calendar units later steps
//! work on (a year, a month, a day and its part, a quarter, a day at a
//! clock time) typed, everything else ("P3Y", "PAST_REF", "2016-W45") as
//! written. A value prints as TIMEX3 writes it.

use std::fmt;

use dossier_core::calendar::days_from_civil;

/// A day: a date, or every such weekday ("XXXX-WXX-1", Monday = 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Day {
    Date(i64, i64, i64),
    EveryWeekday(i64),
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Day::Date(y, m, d) => write!(f, "{y:04}-{m:02}-{d:02}"),
            Day::EveryWeekday(n) => write!(f, "XXXX-WXX-{n}"),
        }
    }
}

/// A part of the day: TIMEX3's "MO", "AF", "EV", "NI".
pub(super) type DayPart = &'static str;

const PARTS: [DayPart; 4] = ["MO", "AF", "EV", "NI"];

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Timex {
    /// "2016".
    Year(i64),
    /// "2016-11".
    Month(i64, i64),
    /// "2016-11-07", "2016-11-07TMO", "XXXX-WXX-1".
    Day(Day, Option<DayPart>),
    /// "2016-11-07T16:12", "2016-11-07T16:12:30": seconds only when not 0.
    Clock(Day, i64, i64, i64),
    /// "2016-Q3".
    Quarter(i64, i64),
    /// Any other value, as TIMEX3 writes it.
    Other(String),
}

impl fmt::Display for Timex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Timex::Year(y) => write!(f, "{y:04}"),
            Timex::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            Timex::Day(day, None) => write!(f, "{day}"),
            Timex::Day(day, Some(part)) => write!(f, "{day}T{part}"),
            Timex::Clock(day, h, m, 0) => write!(f, "{day}T{h:02}:{m:02}"),
            Timex::Clock(day, h, m, s) => write!(f, "{day}T{h:02}:{m:02}:{s:02}"),
            Timex::Quarter(y, q) => write!(f, "{y:04}-Q{q}"),
            Timex::Other(s) => f.write_str(s),
        }
    }
}

/// Figures only, `n` of them.
fn figures(s: &str, n: usize) -> Option<i64> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn parse_day(s: &str) -> Option<Day> {
    if let Some(n) = s.strip_prefix("XXXX-WXX-") {
        return figures(n, 1).map(Day::EveryWeekday);
    }
    let (y, rest) = s.split_once('-')?;
    let (m, d) = rest.split_once('-')?;
    Some(Day::Date(figures(y, 4)?, figures(m, 2)?, figures(d, 2)?))
}

fn parse_clock(s: &str) -> Option<(i64, i64, i64)> {
    let mut parts = s.split(':');
    let h = figures(parts.next()?, 2)?;
    let m = figures(parts.next()?, 2)?;
    let sec = match parts.next() {
        Some(p) => figures(p, 2)?,
        None => 0,
    };
    parts.next().is_none().then_some((h, m, sec))
}

fn parse_typed(s: &str) -> Option<Timex> {
    if let Some(y) = figures(s, 4) {
        return Some(Timex::Year(y));
    }
    if let Some((y, q)) = s.split_once("-Q") {
        return Some(Timex::Quarter(figures(y, 4)?, figures(q, 1)?));
    }
    if s.len() == 7 {
        let (y, m) = s.split_once('-')?;
        return Some(Timex::Month(figures(y, 4)?, figures(m, 2)?));
    }
    let day = parse_day(s.get(..10)?)?;
    let rest = &s[10..];
    if rest.is_empty() {
        return Some(Timex::Day(day, None));
    }
    let time = rest.strip_prefix('T')?;
    if let Some(part) = PARTS.iter().find(|p| **p == time) {
        return Some(Timex::Day(day, Some(part)));
    }
    let (h, m, sec) = parse_clock(time)?;
    Some(Timex::Clock(day, h, m, sec))
}

impl From<String> for Timex {
    /// The value a rule wrote, typed where it names a calendar unit. Only
    /// a reading that prints back the same is taken ("T16:12:00" stays as
    /// written).
    fn from(s: String) -> Timex {
        match parse_typed(&s) {
            Some(t) if t.to_string() == s => t,
            _ => Timex::Other(s),
        }
    }
}

impl From<&str> for Timex {
    fn from(s: &str) -> Timex {
        Timex::from(s.to_string())
    }
}

impl Timex {
    /// A month or a day without a part, moved to year `y`: "26 june to 28
    /// june in 2020". `None` for any other value.
    pub(super) fn with_year(&self, y: i64) -> Option<Timex> {
        match *self {
            Timex::Month(_, m) => Some(Timex::Month(y, m)),
            Timex::Day(Day::Date(_, m, d), None) => Some(Timex::Day(Day::Date(y, m, d), None)),
            _ => None,
        }
    }

    /// A day's part or clock time, moved to year `y`.
    pub(super) fn timed_in_year(&self, y: i64) -> Option<Timex> {
        match *self {
            Timex::Day(Day::Date(_, m, d), Some(part)) => {
                Some(Timex::Day(Day::Date(y, m, d), Some(part)))
            }
            Timex::Clock(Day::Date(_, m, d), h, mi, s) => {
                Some(Timex::Clock(Day::Date(y, m, d), h, mi, s))
            }
            _ => None,
        }
    }

    /// The figures it starts with, year first, as far as they are whole:
    /// [y] of a year or a quarter, [y, m] of a month or a day's part or
    /// clock time, [y, m, d] of a day alone.
    pub(super) fn leading_figures(&self) -> Vec<i64> {
        match self {
            Timex::Year(y) | Timex::Quarter(y, _) => vec![*y],
            Timex::Month(y, m)
            | Timex::Day(Day::Date(y, m, _), Some(_))
            | Timex::Clock(Day::Date(y, m, _), ..) => vec![*y, *m],
            Timex::Day(Day::Date(y, m, d), None) => vec![*y, *m, *d],
            Timex::Day(Day::EveryWeekday(_), _) | Timex::Clock(Day::EveryWeekday(_), ..) => {
                Vec::new()
            }
            Timex::Other(s) => s.split('-').map_while(|p| p.parse().ok()).collect(),
        }
    }

    /// Whether it is a month or a day that a year could be given to.
    pub(super) fn lacks_year(&self) -> bool {
        self.with_year(0).is_some()
    }

    /// The day it names, alone or with a part of it.
    pub(super) fn day_and_part(&self) -> Option<(Day, Option<DayPart>)> {
        match *self {
            Timex::Day(day, part) => Some((day, part)),
            _ => None,
        }
    }

    /// The (year, quarter) it names.
    pub(super) fn quarter(&self) -> Option<(i64, i64)> {
        match *self {
            Timex::Quarter(y, q) if (0..10_000).contains(&y) && (1..=4).contains(&q) => {
                Some((y, q))
            }
            _ => None,
        }
    }

    /// The date it names with nothing else (days since 1970).
    pub(super) fn date(&self) -> Option<i64> {
        match *self {
            Timex::Day(Day::Date(y, m, d), None)
                if (1..=12).contains(&m) && (1..=31).contains(&d) =>
            {
                Some(days_from_civil(y, m, d))
            }
            _ => None,
        }
    }

    /// The month of a month, a day or a day's clock time (of another
    /// value, the figures where a month's would be).
    pub(super) fn month(&self) -> Option<i64> {
        match self {
            Timex::Month(_, m)
            | Timex::Day(Day::Date(_, m, _), _)
            | Timex::Clock(Day::Date(_, m, _), ..) => Some(*m),
            Timex::Other(s) => s.get(5..7).and_then(|m| m.parse().ok()),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_print_as_they_were_written() {
        for v in [
            "2016",
            "2016-11",
            "2016-11-07",
            "2016-11-07TMO",
            "XXXX-WXX-1",
            "XXXX-WXX-1TNI",
            "2016-11-07T16:12",
            "2016-11-07T16:12:30",
            "2016-11-07T16:12:00",
            "2016-Q3",
            "P3Y",
            "PAST_REF",
            "2016-W45-WE",
            "199",
        ] {
            assert_eq!(Timex::from(v).to_string(), v);
        }
        assert_eq!(Timex::from("2016-11"), Timex::Month(2016, 11));
        assert_eq!(
            Timex::from("2016-11-07T16:12:00"),
            Timex::Other("2016-11-07T16:12:00".into())
        );
        assert_eq!(
            Timex::from("2019-06-26").with_year(2020),
            Some(Timex::from("2020-06-26"))
        );
        assert_eq!(Timex::from("2019-06-26TMO").with_year(2020), None);
        assert_eq!(Timex::from("1989-Q3").quarter(), Some((1989, 3)));
    }
}
