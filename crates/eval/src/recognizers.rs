//! Microsoft Recognizers-Text English specs, compared on what dossier's
//! schema expresses: a number's value and where it starts; a percentage's
//! value; money as value and ISO 4217 code; a range's two bounds; a date
//! or time's extent and TIMEX3 value (see `times_pass`). Every failure is
//! listed by `dossier eval recognizers --errors`.
//!
//! A case passes when every expected result is matched by a prediction of
//! the right kind and no prediction of that kind lies outside every
//! expected result. dossier's spans are wider by design ("3,000 bombs" holds
//! the counted noun), so a prediction matches when it covers the expected
//! text's start and agrees on the values.
//!
//! Where the two write the same thing differently, the runner (in the CLI's
//! `eval` module) maps one onto the other:
//! - a Number is also answered by the count of a one-unit duration in the
//!   times layer ("3 years" is P3Y: 3), since dossier keeps durations there;
//! - Recognizers' degenerate range "equal to 20", [20, 20], is answered by
//!   an exact 20 whose extent starts with "equal";
//! - a TIMEX3 X in a duration of ours answers the three Recognizers assumes
//!   for "a few hours" (PTXH for PT3H), and TimeML's quarters its months
//!   (P1Q is P3M); a season with no year ("WI") is answered by that season
//!   of the year dossier resolved ("2020-WI"), and a part of the day
//!   ("2016-11-08TAF") the clock time Recognizers starts it at (12:00), and a
//!   quarter ("2017-Q1") the day it starts;
//! - each DateTime case is anchored on its whole ReferenceDateTime, so
//!   "in 5 minutes" counts from its clock.

/// One expected or predicted item, offsets in code points, `end` exclusive.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub start: usize,
    pub end: usize,
    /// The number, the percentage, the amount in the currency's main unit,
    /// or a range's lower bound (`None`: unbounded below).
    pub value: Option<f64>,
    /// A range's upper bound (`None`: unbounded above, or not a range).
    pub upper: Option<f64>,
    /// ISO 4217 code for money.
    pub unit: Option<String>,
}

/// The ISO 4217 code of a Recognizers-Text currency name, and the factor
/// from that name's unit to the currency's main unit ("Cent" is 0.01 USD).
/// `None` for names with no code (dossier cannot express them).
pub fn iso_currency(name: &str) -> Option<(&'static str, f64)> {
    Some(match name {
        "Dollar" | "United States dollar" => ("USD", 1.0),
        "Cent" => ("USD", 0.01),
        "Euro" => ("EUR", 1.0),
        "Pound" | "British pound" => ("GBP", 1.0),
        "Pence" | "Penny" => ("GBP", 0.01),
        "Chinese yuan" => ("CNY", 1.0),
        "Canadian dollar" => ("CAD", 1.0),
        "Australian dollar" => ("AUD", 1.0),
        "New Zealand dollar" => ("NZD", 1.0),
        "Hong Kong dollar" => ("HKD", 1.0),
        "Japanese yen" => ("JPY", 1.0),
        "Sen" => ("JPY", 0.01),
        "Swiss franc" => ("CHF", 1.0),
        "Turkish lira" => ("TRY", 1.0),
        "Rupee" => ("INR", 1.0),
        "Sri Lankan rupee" => ("LKR", 1.0),
        "Mexican peso" => ("MXN", 1.0),
        "Finnish markka" => ("FIM", 1.0),
        "Peseta" => ("ESP", 1.0),
        "Netherlands guilder" => ("NLG", 1.0),
        "Costa Rican colón" => ("CRC", 1.0),
        "Georgian lari" => ("GEL", 1.0),
        "Lao kip" => ("LAK", 1.0),
        "Bitcoin" => ("XBT", 1.0),
        "Satoshi" => ("XBT", 1e-8),
        _ => return None,
    })
}

/// "(20,30]", "[5,)", "(,100)": the two bounds, brackets ignored.
pub fn parse_range(v: &str) -> Option<(Option<f64>, Option<f64>)> {
    let inner = v
        .trim()
        .strip_prefix(['(', '['])?
        .strip_suffix([')', ']'])?;
    let (lo, hi) = inner.split_once(',')?;
    let num = |s: &str| {
        if s.trim().is_empty() {
            Ok(None)
        } else {
            s.trim().parse::<f64>().map(Some)
        }
    };
    Some((num(lo).ok()?, num(hi).ok()?))
}

/// "100%", "0.5%": the percentage.
pub fn parse_percent(v: &str) -> Option<f64> {
    v.trim().strip_suffix('%')?.trim().parse().ok()
}

/// One expected DateTime result: its extent in code points and the values a
/// TIMEX3 value may take to answer it. An interval ("(2019-01-22,2020-05-05,
/// P469D)") has no TIMEX3 value, so any of its start, end or length answers.
#[derive(Clone, Debug, PartialEq)]
pub struct ExpectedTime {
    pub start: usize,
    pub end: usize,
    pub values: Vec<String>,
}

/// The TIMEX3 values a Recognizers-Text timex stands for, normalized.
/// An interval is answered by its start, its end or its length, and, when
/// it is exactly one calendar unit, by that unit's TIMEX3 value
/// ("(2019-07-01,2019-10-01,P3M)" is 2019-Q3). An endpoint on the first
/// day of a month or year is also answered at that coarser grain: "April"
/// (2016-04) answers "from April until June".
pub fn timex_values(timex: &str) -> Vec<String> {
    let Some(interval) = timex.strip_prefix('(').and_then(|t| t.strip_suffix(')')) else {
        return vec![normalize_time_value(timex)];
    };
    let parts: Vec<String> = interval.split(',').map(normalize_time_value).collect();
    let mut values = parts.clone();
    for p in parts.iter().take(2) {
        if let Some(month) = p.strip_suffix("-01").filter(|m| m.len() == 7) {
            values.push(month.to_string());
            if let Some(year) = month.strip_suffix("-01") {
                values.push(year.to_string());
            }
        }
    }
    if let [start, end, ..] = parts.as_slice() {
        values.extend(calendar_unit(start, end));
    }
    values
}

/// The TIMEX3 value of an interval that is one calendar unit: a year,
/// half, quarter, month, ISO week, decade or century.
fn calendar_unit(start: &str, end: &str) -> Option<String> {
    let ymd = |s: &str| -> Option<(i64, i64, i64)> {
        let mut it = s.splitn(3, '-').map(|p| p.parse::<i64>().ok());
        Some((it.next()??, it.next()??, it.next()??))
    };
    let ((y0, m0, d0), (y1, m1, d1)) = (ymd(start)?, ymd(end)?);
    let months = (y1 - y0) * 12 + (m1 - m0);
    if d0 == 1 && d1 == 1 {
        return match (months, m0) {
            (1, _) => Some(format!("{y0:04}-{m0:02}")),
            (3, 1 | 4 | 7 | 10) => Some(format!("{y0:04}-Q{}", (m0 - 1) / 3 + 1)),
            (6, 1 | 7) => Some(format!("{y0:04}-H{}", (m0 - 1) / 6 + 1)),
            (12, 1) => Some(format!("{y0:04}")),
            (120, 1) if y0 % 10 == 0 => Some(format!("{:03}", y0 / 10)),
            (1200, 1) if y0 % 100 == 0 => Some(format!("{:02}", y0 / 100)),
            _ => None,
        };
    }
    // Seven days from a Monday: that ISO week. Days count from 1970-01-01,
    // a Thursday, so (days + 3) mod 7 is 0 on Mondays.
    let days = |y: i64, m: i64, d: i64| {
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
        era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
    };
    let (a, b) = (days(y0, m0, d0), days(y1, m1, d1));
    if b - a == 7 && (a + 3).rem_euclid(7) == 0 {
        // The ISO year is the one holding the week's Thursday.
        let thursday = a + 3;
        let iso_year = if thursday >= days(y0 + 1, 1, 1) {
            y0 + 1
        } else if thursday < days(y0, 1, 1) {
            y0 - 1
        } else {
            y0
        };
        let jan4 = days(iso_year, 1, 4);
        let week1_monday = jan4 - (jan4 + 3).rem_euclid(7);
        return Some(format!("{iso_year:04}-W{:02}", (a - week1_monday) / 7 + 1));
    }
    None
}

/// "2016-11-07 10:00:00" and "2016-11-07T10" both become "2016-11-07T10:00":
/// a space for the T, no zero seconds, minutes always written.
pub fn normalize_time_value(v: &str) -> String {
    let v = v.trim().replace(' ', "T");
    // A duration's T opens hours and minutes, not a clock time: "PT3H".
    // TimeML counts quarters, Recognizers-Text months: P1Q is P3M.
    if v.starts_with('P') {
        if let Some(q) = v
            .strip_prefix('P')
            .and_then(|q| q.strip_suffix('Q'))
            .and_then(|q| q.parse::<u32>().ok())
        {
            return format!("P{}M", 3 * q);
        }
        return v;
    }
    let Some(t) = v
        .find('T')
        .filter(|&t| v[t + 1..].starts_with(|c: char| c.is_ascii_digit()))
    else {
        return v;
    };
    let (date, clock) = v.split_at(t + 1);
    let digits = clock
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b':')
        .count();
    let (time, rest) = clock.split_at(digits);
    let mut parts: Vec<&str> = time.split(':').collect();
    if parts.len() == 3 && parts[2] == "00" {
        parts.pop();
    }
    if parts.len() == 1 {
        parts.push("00");
    }
    format!("{date}{}{rest}", parts.join(":"))
}

/// Whether dossier's value answers one of `expected`: equal, with each X of
/// an expected value matching any character ("XXXX-01-04" is any year's 4
/// January), and a clock time with no date matching it on any day. In a
/// duration our X matches a figure too: TimeML writes "a few hours" PTXH
/// where Recognizers-Text assumes three, PT3H.
pub fn time_value_matches(expected: &[String], ours: Option<&str>) -> bool {
    let Some(ours) = ours.map(normalize_time_value) else {
        return false;
    };
    let same = |e: &str, o: &str| {
        let vague = e.starts_with('P') && o.starts_with('P');
        e.len() == o.len()
            && e.bytes()
                .zip(o.bytes())
                .all(|(a, b)| a == b || a == b'X' || (vague && b == b'X' && a.is_ascii_digit()))
    };
    // Where Recognizers-Text writes the start of what ours names: a part of
    // the day ("2016-11-08TAF" starts at 2016-11-08T12:00), a quarter
    // ("2017-Q1" on 2017-01-01).
    if let Some(start) = start_of(&ours) {
        if expected.contains(&start) {
            return true;
        }
    }
    // A season with no year ("WI") is answered by that season of any year.
    let season = |e: &str| {
        matches!(e, "SP" | "SU" | "FA" | "WI")
            && ours.len() == 7
            && ours.ends_with(e)
            && ours.as_bytes()[4] == b'-'
    };
    expected.iter().any(|e| {
        same(e, &ours)
            || season(e)
            || (e.starts_with('T')
                && ours.len() > e.len()
                && ours.ends_with(e.as_str())
                && ours.as_bytes()[ours.len() - e.len() - 1].is_ascii_digit())
    })
}

/// The start of a part of the day or a quarter, as Recognizers-Text writes
/// it: "2016-11-08TAF" starts at "2016-11-08T12:00", "2017-Q1" on "2017-01-01".
fn start_of(v: &str) -> Option<String> {
    let clock = match v.get(10..) {
        Some("TMO") => Some("T08:00"),
        Some("TAF") => Some("T12:00"),
        Some("TEV") => Some("T16:00"),
        Some("TNI") => Some("T20:00"),
        _ => None,
    };
    if let Some(clock) = clock {
        return Some(format!("{}{clock}", &v[..10]));
    }
    let (y, q) = v.split_once("-Q")?;
    let q = q.parse::<u32>().ok().filter(|q| (1..=4).contains(q))?;
    Some(format!("{y}-{:02}-01", 3 * q - 2))
}

/// Whether predicted times (extent and value) answer a DateTime case: each
/// expected result overlapped by a prediction with a matching value, and no
/// prediction outside every expected result. Extents overlap rather than
/// match because the two conventions differ: Recognizers-Text takes "on",
/// "from" and "between" in, TimeML leaves them out.
pub fn times_pass(expected: &[ExpectedTime], predicted: &[(usize, usize, Option<String>)]) -> bool {
    expected.iter().all(|e| {
        predicted.iter().any(|(s, t, v)| {
            *s < e.end && e.start < *t && time_value_matches(&e.values, v.as_deref())
        })
    }) && predicted
        .iter()
        .all(|(s, t, _)| expected.iter().any(|e| *s < e.end && e.start < *t))
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0),
        (None, None) => true,
        _ => false,
    }
}

/// Whether `predicted` answers `expected`: every expected item matched one
/// to one, and nothing predicted outside them.
pub fn passes(expected: &[Item], predicted: &[Item]) -> bool {
    let mut used = vec![false; predicted.len()];
    for e in expected {
        let hit = predicted.iter().enumerate().position(|(i, p)| {
            !used[i]
                && p.start <= e.start
                && e.start < p.end
                && close(p.value, e.value)
                && close(p.upper, e.upper)
                && (e.unit.is_none() || p.unit == e.unit)
        });
        match hit {
            Some(i) => used[i] = true,
            None => return false,
        }
    }
    predicted
        .iter()
        .all(|p| expected.iter().any(|e| p.start < e.end && e.start < p.end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(start: usize, end: usize, value: f64) -> Item {
        Item {
            start,
            end,
            value: Some(value),
            upper: None,
            unit: None,
        }
    }

    #[test]
    fn a_wider_span_with_the_right_value_passes_and_an_extra_one_fails() {
        let expected = [item(0, 5, 3000.0)];
        assert!(passes(&expected, &[item(0, 11, 3000.0)]));
        assert!(!passes(&expected, &[item(0, 11, 300.0)]));
        assert!(!passes(
            &expected,
            &[item(0, 11, 3000.0), item(20, 22, 4.0)]
        ));
        assert!(passes(&[], &[]));
    }

    #[test]
    fn ranges_percentages_and_currencies_parse() {
        assert_eq!(parse_range("(20,30]"), Some((Some(20.0), Some(30.0))));
        assert_eq!(parse_range("[5,)"), Some((Some(5.0), None)));
        assert_eq!(parse_percent("12.5%"), Some(12.5));
        assert_eq!(iso_currency("Cent"), Some(("USD", 0.01)));
        assert_eq!(iso_currency("Penny"), Some(("GBP", 0.01)));
        assert_eq!(iso_currency("Dogecoin"), None);
    }

    #[test]
    fn time_values_match_with_wildcards_intervals_and_bare_clock_times() {
        let e = |t: &str| timex_values(t);
        assert!(time_value_matches(&e("XXXX-01-04"), Some("2017-01-04")));
        assert!(!time_value_matches(&e("XXXX-01-04"), Some("2017-01-05")));
        assert!(time_value_matches(&e("T10"), Some("2016-11-07T10:00")));
        assert!(time_value_matches(
            &e("2016-11-07 10:00:00"),
            Some("2016-11-07T10:00")
        ));
        assert!(time_value_matches(
            &e("(2019-09-20,2019-09-22,P2D)"),
            Some("P2D")
        ));
        assert!(!time_value_matches(&e("T10"), Some("2016-11-07T110:00")));
        assert!(!time_value_matches(&e("2019"), None));
        assert!(time_value_matches(
            &e("(2019-07-01,2019-10-01,P3M)"),
            Some("2019-Q3")
        ));
        assert!(time_value_matches(
            &e("(1990-01-01,2000-01-01,P10Y)"),
            Some("199")
        ));
        assert!(time_value_matches(
            &e("(2018-07-02,2018-07-09,P1W)"),
            Some("2018-W27")
        ));
        assert!(time_value_matches(
            &e("(2014-12-29,2015-01-05,P1W)"),
            Some("2015-W01")
        ));
        assert!(time_value_matches(
            &e("(2016-04-01,2016-07-01,P3M)"),
            Some("2016-04")
        ));
        let expected = [ExpectedTime {
            start: 4,
            end: 13,
            values: e("P2D"),
        }];
        assert!(times_pass(&expected, &[(6, 13, Some("P2D".into()))]));
        assert!(!times_pass(
            &expected,
            &[(6, 13, Some("P2D".into())), (20, 24, Some("2019".into()))]
        ));
    }
}
