//! Day arithmetic on the proleptic Gregorian calendar: weekdays, ISO weeks, quarters, holidays,
//! the year a month or weekday falls in given the tense, and the anchor read from the publication date.

use super::*;

/// 0 = Monday.
pub(super) fn weekday(days: i64) -> i64 {
    (days + 3).rem_euclid(7)
}

pub(super) fn iso_week(days: i64) -> (i64, i64) {
    let thursday = days - weekday(days) + 3;
    let (y, _, _) = civil_from_days(thursday);
    (y, (thursday - days_from_civil(y, 1, 1)) / 7 + 1)
}

/// The day `days` (since 1970) as a typed day.
pub(super) fn day_of(days: i64) -> Day {
    let (y, m, d) = civil_from_days(days);
    Day::Date(y, m, d)
}

pub(super) fn date(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

pub(super) fn parse_anchor(published: Option<&str>) -> Option<i64> {
    let p = published?;
    let y = p.get(0..4)?.parse().ok()?;
    let m = p.get(5..7)?.parse().ok()?;
    let d = p.get(8..10)?.parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| days_from_civil(y, m, d))
}

/// The clock time of a date-time anchor ("2016-11-07T16:12:00"), in
/// seconds after midnight; `None` for a bare date.
pub(super) fn parse_now(published: Option<&str>) -> Option<i64> {
    let rest = published?.get(10..)?.strip_prefix(['T', 't', ' '])?;
    let h: i64 = rest.get(0..2)?.parse().ok()?;
    let m: i64 = rest.get(3..5)?.parse().ok()?;
    let s: i64 = rest.get(6..8).and_then(|s| s.parse().ok()).unwrap_or(0);
    ((0..24).contains(&h) && (0..60).contains(&m) && (0..60).contains(&s))
        .then_some(h * 3600 + m * 60 + s)
}

/// The moment `seconds` after the anchor's midnight, as a TIMEX3 value.
pub(super) fn moment(anchor: i64, seconds: i64) -> String {
    let s = seconds.rem_euclid(86_400);
    at_clock(
        &date(anchor + seconds.div_euclid(86_400)),
        s / 3600,
        s % 3600 / 60,
        s % 60,
    )
}

/// The (year, quarter) a day falls in.
pub(super) fn quarter_of(day: i64) -> (i64, i64) {
    let (y, m, _) = civil_from_days(day);
    (y, (m - 1) / 3 + 1)
}

pub(super) fn quarter_value((y, q): (i64, i64)) -> String {
    format!("{y:04}-Q{q}")
}

/// A holiday's day (days since 1970) in a given year.
pub(super) type DayOfYear = fn(i64) -> i64;

/// Thanksgiving in the US: the fourth Thursday of November of year `y`.
pub(super) fn thanksgiving(y: i64) -> i64 {
    let first = days_from_civil(y, 11, 1);
    first + (3 - weekday(first)).rem_euclid(7) + 21
}

/// US Election Day: the Tuesday after the first Monday of November.
pub(super) fn election_day(y: i64) -> i64 {
    let first = days_from_civil(y, 11, 1);
    first + (0 - weekday(first)).rem_euclid(7) + 1
}

/// Western Easter Sunday of year `y` (the anonymous Gregorian computus).
pub(super) fn easter(y: i64) -> i64 {
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let g = (8 * b + 13) / 25;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 19 * l) / 433;
    let month = (h + l - 7 * m + 90) / 25;
    days_from_civil(y, month, (h + l - 7 * m + 33 * month + 19) % 32)
}

/// The `day`s of the months from `months` before the anchor's month to
/// `months` after it, where that month has such a day.
pub(super) fn day_in_months_around(
    anchor: i64,
    day: i64,
    months: i64,
) -> impl Iterator<Item = i64> {
    let (y0, m0, _) = civil_from_days(anchor);
    (-months..=months).filter_map(move |k| {
        let n = y0 * 12 + m0 - 1 + k;
        let (y, m) = (n.div_euclid(12), n.rem_euclid(12) + 1);
        let candidate = days_from_civil(y, m, day);
        (civil_from_days(candidate) == (y, m, day)).then_some(candidate)
    })
}

/// The last day of month `m` of year `y`.
pub(super) fn month_end(y: i64, m: i64) -> i64 {
    if m == 12 {
        days_from_civil(y + 1, 1, 1) - 1
    } else {
        days_from_civil(y, m + 1, 1) - 1
    }
}

/// Weekday `wd` (0 = Monday) of the week `step` weeks from the anchor's:
/// "Tuesday of next week", "next week Wednesday".
pub(super) fn weekday_in_week(anchor: i64, step: i64, wd: usize) -> String {
    date(anchor - weekday(anchor) + 7 * step + wd as i64)
}

/// The `n`th given weekday (0 = Monday) of a month; `n` = 5 for the last.
pub(super) fn nth_weekday(y: i64, m: i64, wd: i64, n: i64) -> i64 {
    if n == 5 {
        let last = month_end(y, m);
        return last - (weekday(last) - wd).rem_euclid(7);
    }
    let first = days_from_civil(y, m, 1);
    first + (wd - weekday(first)).rem_euclid(7) + 7 * (n - 1)
}

/// A holiday named at word `k`: the day it falls on in a year, and its
/// words. The fixed and moving holidays of the US and Christian calendars
/// that news dates things by.
pub(super) fn holiday(w: &[String], k: usize) -> Option<(DayOfYear, usize)> {
    let at = |j: usize| w.get(k + j).map(String::as_str).unwrap_or("");
    // "Valentine's Day", "New Year's Eve": the possessive is its own token.
    let poss = usize::from(matches!(at(1), "'s" | "’s"));
    let day = |j: usize| usize::from(at(j) == "day");
    Some(match (at(0), at(1 + poss)) {
        ("thanksgiving", _) => (thanksgiving, 1 + day(1)),
        ("election", "day") => (election_day, 2),
        ("christmas" | "xmas", "eve") => (|y| days_from_civil(y, 12, 24), 2),
        ("christmas" | "xmas", _) => (|y| days_from_civil(y, 12, 25), 1 + day(1)),
        ("new", "year") => {
            let p = usize::from(matches!(at(2), "'s" | "’s"));
            match at(2 + p) {
                "day" => (|y| days_from_civil(y, 1, 1), 3 + p),
                "eve" => (|y| days_from_civil(y, 12, 31), 3 + p),
                _ => return None,
            }
        }
        ("easter", _) => (easter, 1 + usize::from(at(1) == "sunday")),
        ("good", "friday") => (|y| easter(y) - 2, 2),
        ("black", "friday") => (|y| thanksgiving(y) + 1, 2),
        ("halloween", _) => (|y| days_from_civil(y, 10, 31), 1),
        ("valentine", "day") => (|y| days_from_civil(y, 2, 14), 2 + poss),
        ("independence", "day") => (|y| days_from_civil(y, 7, 4), 2),
        ("labor" | "labour", "day") => (|y| nth_weekday(y, 9, 0, 1), 2),
        ("memorial", "day") => (|y| nth_weekday(y, 5, 0, 5), 2),
        ("veterans", "day") => (|y| days_from_civil(y, 11, 11), 2),
        ("boxing", "day") => (|y| days_from_civil(y, 12, 26), 2),
        ("earth", "day") => (|y| days_from_civil(y, 4, 22), 2),
        ("saint" | "st." | "st", "patrick") => {
            // Without "Day" or a year it is more often a church or a parade.
            let p = usize::from(matches!(at(2), "'s" | "’s"));
            if day(2 + p) == 0
                && !(at(2 + p).len() == 4 && at(2 + p).bytes().all(|b| b.is_ascii_digit()))
            {
                return None;
            }
            (|y| days_from_civil(y, 3, 17), 2 + p + day(2 + p))
        }
        _ => return None,
    })
}

/// A clause's tense: whether it speaks of the future, and whether a word
/// said so (else `future` is a default).
#[derive(Clone, Copy)]
pub(super) struct Tense {
    pub(super) future: bool,
    pub(super) told: bool,
    /// The date hangs from a verb in a finite past (`governed_by_past`).
    pub(super) past_governor: bool,
}

/// How far (days) the nearest reading of a date without a year may lie on
/// the side its clause's tense rules out: "will meet on March 3" said on
/// March 10 is still this March.
pub(super) const AGAINST_TENSE_DAYS: i64 = 45;

/// The year of month `m` (on `day`, if said) that a date without one
/// means: the one that puts it nearest the anchor, unless the clause's
/// tense says otherwise ("changed in December", said in October, is last
/// December); with no tense said, a month alone takes its side by default only when about six
/// months from the anchor either way.
pub(super) fn year_of_month(anchor: i64, m: i64, day: Option<i64>, tense: Tense) -> i64 {
    let (y0, _, _) = civil_from_days(anchor);
    let d = day.unwrap_or(15);
    let best = nearest_year(anchor, m, d);
    let gap = (days_from_civil(best, m, d) - anchor).abs();
    let ahead = days_from_civil(best, m, d) > anchor;
    let against = ahead != tense.future;
    // Its own verb in the past rules out a date well ahead, as "will" rules
    // out one well behind ("bought RJR in February", said in November).
    if tense.past_governor {
        return if ahead && gap > AGAINST_TENSE_DAYS && (m, d) != (2, 29) {
            best - 1
        } else {
            best
        };
    }
    let by_tense = if tense.told && tense.future {
        against && gap > AGAINST_TENSE_DAYS
    } else {
        gap > 150 && day.is_none()
    };
    if !by_tense {
        best
    } else if tense.future {
        if days_from_civil(y0, m, d) >= anchor {
            y0
        } else {
            y0 + 1
        }
    } else if days_from_civil(y0, m, d) <= anchor {
        y0
    } else {
        y0 - 1
    }
}

/// The year, month, ISO week or day `unit` names that holds `day`.
pub(super) fn unit_now(day: i64, unit: &str) -> Option<String> {
    Some(match unit {
        "year" => format!("{:04}", civil_from_days(day).0),
        "month" => date(day)[..7].to_string(),
        "week" => {
            let (y, w) = iso_week(day);
            format!("{y:04}-W{w:02}")
        }
        "day" => date(day),
        _ => return None,
    })
}

/// The weekend a day falls on, or that a Monday ends: "2021-W35-WE".
pub(super) fn weekend_of(day: i64) -> String {
    let saturday = match weekday(day) {
        0 => day - 2,
        wd => day - wd + 5,
    };
    let (y, w) = iso_week(saturday);
    format!("{y:04}-W{w:02}-WE")
}

/// The year that puts day `d` of month `m` nearest the anchor, a day still
/// to come counting `FUTURE_WEIGHT` times as far (news reports the past).
pub(super) fn nearest_year(anchor: i64, m: i64, d: i64) -> i64 {
    let (y0, _, _) = civil_from_days(anchor);
    let distance = |y: i64| {
        let gap = days_from_civil(y, m, d) - anchor;
        if gap > 0 {
            gap * FUTURE_WEIGHT
        } else {
            -gap
        }
    };
    // 29 February exists in leap years only: look as far as it takes.
    let exists = |y: i64| civil_from_days(days_from_civil(y, m, d)) == (y, m, d);
    (y0 - 4..=y0 + 4)
        .filter(|&y| exists(y) && (y - y0).abs() <= if m == 2 && d == 29 { 4 } else { 1 })
        .min_by_key(|&y| distance(y))
        .unwrap_or(y0)
}

/// A two-digit year on a pivot: up to ten years past the anchor's year is
/// this century, later is the last ("12/12/30" in 2016 is 1930).
pub(super) fn full_year(yy: i64, anchor: Option<i64>) -> i64 {
    let now = anchor.map_or(2000, |a| civil_from_days(a).0);
    let century = now - now % 100;
    if yy <= now % 100 + 10 {
        century + yy
    } else {
        century - 100 + yy
    }
}

/// The weekday `wd` nearest the anchor in the given direction (the anchor
/// day itself counts as "this" weekday when looking back).
pub(super) fn resolve_weekday(anchor: i64, wd: i64, future: bool) -> String {
    let today = weekday(anchor);
    if wd == today {
        return date(anchor); // news "on Friday" in a Friday report is that day
    }
    let d = if future {
        anchor + (wd - today).rem_euclid(7).clamp(1, 7)
    } else {
        anchor - (today - wd).rem_euclid(7)
    };
    date(d)
}
