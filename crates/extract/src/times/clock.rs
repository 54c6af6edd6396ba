//! Clock times: figures ("3.30pm", "15:00", "half past three"), ranges ("3-8pm"), zones and the
//! part of the day that settles a.m. or p.m.

use super::*;

/// Seconds in `n` hours or minutes.
pub(super) fn clock_seconds(n: i64, u: Unit) -> Option<i64> {
    match u {
        Unit::Hour => Some(n * 3600),
        Unit::Minute => Some(n * 60),
        _ => None,
    }
}

/// A span of clock times: "from 10:30 to 3", "between 5 and 6 in the
/// afternoon", "1 - 3 pm", "5 to seven", "8am - 3".
pub(super) struct ClockRange {
    pub(super) from: ClockFigure,
    pub(super) to: ClockFigure,
    /// 1 when "from" or "between" opens the range.
    pub(super) intro: usize,
    pub(super) first_len: usize,
    /// Where the second time starts.
    pub(super) second: usize,
    pub(super) len: usize,
    pub(super) part: Option<&'static str>,
    /// A meridiem, minutes or a part of the day: a time, not a count.
    pub(super) evidence: bool,
}

pub(super) fn clock_range(w: &[String], i: usize) -> Option<ClockRange> {
    let at = |k: usize| w.get(k).map(String::as_str).unwrap_or("");
    let intro = usize::from(matches!(at(i), "from" | "between"));
    let from = clock_figure(w, i + intro)?;
    let k = i + intro + from.len;
    if !(matches!(at(k), "-" | "–" | "~" | "to" | "till" | "until" | "through")
        || (at(k) == "and" && at(i) == "between"))
    {
        return None;
    }
    let to = clock_figure(w, k + 1)?;
    let mut len = k + 1 + to.len - i;
    if is_zone(at(i + len)) {
        len += 1;
    }
    let mut part = None;
    if at(i + len) == "in" && at(i + len + 1) == "the" {
        part = part_of_day(at(i + len + 2));
        len += if part.is_some() { 3 } else { 0 };
    }
    let evidence = from.pm.is_some()
        || to.pm.is_some()
        || from.colon
        || to.colon
        || from.oclock
        || to.oclock
        || part.is_some();
    Some(ClockRange {
        first_len: from.len,
        from,
        to,
        intro,
        second: k + 1,
        len,
        part,
        evidence,
    })
}

/// A clock time right after a day, across "at", "by", "later than", ","
/// or "for": (hour, minute, second, words). A bare hour needs a word that
/// introduces it ("Friday at 4", not "Friday, 4 people"); the part of the
/// day, the day's own or "in the evening" after, sets the half.
pub(super) fn clock_after_day(
    w: &[String],
    end: usize,
    part: Option<&'static str>,
) -> Option<(i64, i64, i64, usize)> {
    let at = |k: usize| w.get(k).map(String::as_str).unwrap_or("");
    let (gap, introduced) = match (at(end), at(end + 1), at(end + 2)) {
        ("no", "later", "than") => (3, true),
        ("later" | "earlier", "than", _) => (2, true),
        ("at" | "around" | "@" | "by" | "about" | "after" | "before" | "until", ..) => (1, true),
        ("," | "for", ..) => (1, false),
        _ => (0, false),
    };
    let (mut hour, minute, second, mut len, said) = match clock_figure(w, end + gap) {
        // "Tuesday at 2:00 - 2:30 pm" is a range: the caller's to find.
        Some(f)
            if matches!(at(end + gap + f.len), "-" | "–" | "to")
                && clock_figure(w, end + gap + f.len + 1).is_some() =>
        {
            return None
        }
        Some(f) => {
            let next = at(end + gap + f.len);
            let alone = !next.starts_with(char::is_alphanumeric)
                || matches!(
                    next,
                    "and" | "or" | "in" | "on" | "to" | "tonight" | "today" | "tomorrow"
                );
            // "at 4", and "at 17.30" (minutes after a dot say it is a time).
            let dotted = w[end + gap].contains('.') && f.minute > 0;
            let bare =
                introduced && ((alone && (1..=12).contains(&f.hour)) || (dotted && f.hour > 12));
            if !(f.pm.is_some() || f.oclock || f.colon || bare) {
                return None;
            }
            (f.hour, f.minute, f.second, gap + f.len, f.pm.is_some())
        }
        // "at half past seven", "at noon".
        None => clock(w, end + gap).map(|(h, m, s, len)| (h, m, s, gap + len, true))?,
    };
    let mut part = part;
    if at(end + len) == "in" && at(end + len + 1) == "the" {
        if let Some(code) = part_of_day(at(end + len + 2)) {
            part = Some(code);
            len += 3;
        }
    }
    // "Friday at 4" is in the afternoon: a bare hour up to six, with no
    // part of the day said, is read as the working day would have it.
    // At night the small hours stay small: "tonight around 3" is 03:00.
    let night_small = part == Some("NI") && hour < 5;
    if !said
        && hour < 12
        && !night_small
        && (matches!(part, Some("AF" | "EV" | "NI")) || (part.is_none() && (1..=6).contains(&hour)))
    {
        hour += 12;
    }
    if is_zone(at(end + len)) {
        len += 1;
    }
    Some((hour, minute, second, len))
}

pub(super) fn is_zone(w: &str) -> bool {
    matches!(
        w,
        "edt" | "est" | "cdt" | "cst" | "pdt" | "pst" | "gmt" | "utc" | "et" | "cet" | "bst"
    )
}

/// The two ends of a clock range on 24 hours. A meridiem said once serves
/// both ends ("5 to 6pm" is 17:00 to 18:00, "9.30 - 4.30pm" starts in the
/// morning); with none, an end before the start is in the afternoon
/// ("10:30 to 3"), and the part of the day decides ("7 to 9 last night").
pub(super) fn settle_meridiem(
    r: &ClockRange,
    part: Option<&str>,
) -> ((i64, i64, i64), (i64, i64, i64)) {
    let (a, b) = (&r.from, &r.to);
    let twelve = |h: i64| h % 12;
    let later = matches!(part, Some("AF" | "EV" | "NI"));
    let (ha, hb) = match (a.pm, b.pm) {
        (Some(_), Some(_)) => (a.hour, b.hour),
        (None, Some(pm)) => (
            if pm && twelve(a.hour) < twelve(b.hour) && a.hour < 12 {
                a.hour + 12
            } else {
                a.hour
            },
            b.hour,
        ),
        (Some(pm), None) => {
            let b_pm = if pm {
                twelve(b.hour) >= twelve(a.hour)
            } else {
                twelve(b.hour) < twelve(a.hour)
            };
            (
                a.hour,
                if b_pm && b.hour < 12 {
                    b.hour + 12
                } else {
                    b.hour
                },
            )
        }
        (None, None) if later => (
            if a.hour < 12 { a.hour + 12 } else { a.hour },
            if b.hour < 12 { b.hour + 12 } else { b.hour },
        ),
        (None, None) => (
            a.hour,
            if b.hour < a.hour && b.hour < 12 {
                b.hour + 12
            } else {
                b.hour
            },
        ),
    };
    ((ha, a.minute, a.second), (hb, b.minute, b.second))
}

/// "Tonight" is dated by its day alone (as TimeBank does), but its clock
/// times are in the evening.
pub(super) fn tonight(w: &str) -> Option<&'static str> {
    (w.ends_with("tonight") || w.ends_with("tonite")).then_some("NI")
}

/// A day's value at a clock time: "2016-11-07T19:56:30", seconds only when
/// said.
pub(super) fn at_clock(day: &str, hour: i64, minute: i64, second: i64) -> String {
    if second > 0 {
        format!("{day}T{hour:02}:{minute:02}:{second:02}")
    } else {
        format!("{day}T{hour:02}:{minute:02}")
    }
}

/// A clock time at word `i`: (hour on 24 hours, minute, second, words).
/// "9 a.m.", "3pm", "8.30pm", "7:56:30 pm", "3 p . m .", "10 o'clock",
/// and "14:30" or "2:00" after a word that introduces a time ("at 14:30").
pub(super) fn clock(w: &[String], i: usize) -> Option<(i64, i64, i64, usize)> {
    let at = |k: usize| w.get(k).map(String::as_str).unwrap_or("");
    match at(i) {
        "noon" | "midday" => return Some((12, 0, 0, 1)),
        "midnight" => return Some((0, 0, 0, 1)),
        "mid" if at(i + 1) == "night" => return Some((0, 0, 0, 2)),
        _ => {}
    }
    // "half past seven", "ten past 9", "quarter to eight", "20 min past
    // eight": only after a word that introduces a time, or before
    // "o'clock" or a part of the day.
    let minutes = match at(i) {
        "half" => Some((30, 1)),
        "quarter" => Some((15, 1)),
        w => number_word(w).filter(|m| (1..60).contains(m)).map(|m| {
            (
                m,
                1 + usize::from(matches!(at(i + 1), "min" | "mins" | "minute" | "minutes")),
            )
        }),
    };
    if let Some((m, len)) =
        minutes.filter(|&(_, len)| matches!(at(i + len), "past" | "to" | "after"))
    {
        let hour_at = i + len + 1;
        let hour = number_word(at(hour_at)).filter(|h| (1..=12).contains(h));
        let introduced = i > 0
            && matches!(
                at(i - 1),
                "at" | "around" | "by" | "about" | "until" | "before" | "after" | "'s" | "is"
            );
        let closed = matches!(
            at(hour_at + 1),
            "o'clock" | "oclock" | "in" | "am" | "pm" | "a.m." | "p.m."
        );
        if let Some(h) = hour.filter(|_| introduced || closed) {
            let (h, m) = if at(i + len) == "to" {
                ((h + 11) % 12, 60 - m)
            } else {
                (h, m)
            };
            let h = if h == 0 { 12 } else { h };
            let oclock = usize::from(matches!(at(hour_at + 1), "o'clock" | "oclock"));
            return Some((h, m, 0, len + 2 + oclock));
        }
    }
    let f = clock_figure(w, i)?;
    match f.pm {
        Some(_) => Some((f.hour, f.minute, f.second, f.len)),
        // Without a meridiem a bare figure is a time only as "H:MM" after a
        // word that introduces one, or with "o'clock"; a number in words
        // only with "o'clock".
        None => {
            let introduced = i > 0
                && matches!(
                    at(i - 1),
                    "at" | "by"
                        | "until"
                        | "till"
                        | "before"
                        | "after"
                        | "around"
                        | "from"
                        | "since"
                        | "to"
                );
            ((f.oclock && (1..=12).contains(&f.hour)) || (f.colon && introduced) || f.ish)
                .then_some((f.hour, f.minute, f.second, f.len))
        }
    }
}

/// A clock figure with its meridiem, if said: "5", "5:30", "0730", "8.30pm",
/// "9a", "7:56:30 pm", "3 p . m .", "seven p m", "three thirty", "11ish".
/// The hour is on 24 hours when a meridiem is said.
#[derive(Clone, Copy)]
pub(super) struct ClockFigure {
    pub(super) hour: i64,
    pub(super) minute: i64,
    pub(super) second: i64,
    pub(super) pm: Option<bool>,
    /// Minutes written with a colon, as four figures ("0730") or spoken
    /// ("three thirty"): a clock time, not a count.
    pub(super) colon: bool,
    pub(super) oclock: bool,
    /// "11ish", "noonish".
    pub(super) ish: bool,
    pub(super) len: usize,
}

pub(super) fn clock_figure(w: &[String], i: usize) -> Option<ClockFigure> {
    let at = |k: usize| w.get(k).map(String::as_str).unwrap_or("");
    let word = at(i);
    let digits = word
        .bytes()
        .take_while(|b| b.is_ascii_digit() || matches!(b, b':' | b'.'))
        .count();
    if word == "noonish" {
        return Some(ClockFigure {
            hour: 12,
            minute: 0,
            second: 0,
            pm: None,
            colon: false,
            oclock: false,
            ish: true,
            len: 1,
        });
    }
    let (hour, minute, second, colon, mut len, glued) = if digits == 0 {
        spoken_clock_figure(w, i)?
    } else {
        written_clock_figure(w, i, digits)?
    };
    // The meridiem, glued ("3pm", "9a") or in the next words ("3 p.m.", "3 p . m .", "p m").
    let mut oclock = false;
    let mut ish = false;
    let pm = match glued {
        "am" | "a.m." | "a.m" | "a" => Some(false),
        "pm" | "p.m." | "p.m" | "p" => Some(true),
        "ish" => {
            ish = true;
            None
        }
        "" => match (
            at(i + len),
            at(i + len + 1),
            at(i + len + 2),
            at(i + len + 3),
        ) {
            ("a.m." | "am" | "a.m", ..) => {
                len += 1;
                Some(false)
            }
            ("p.m." | "pm" | "p.m", ..) => {
                len += 1;
                Some(true)
            }
            (m @ ("a" | "p"), ".", "m", ".") => {
                len += 4;
                Some(m == "p")
            }
            (m @ ("a" | "p"), "m", ..) => {
                len += 2;
                Some(m == "p")
            }
            ("o'clock" | "oclock" | "o’clock", ..) => {
                len += 1;
                oclock = true;
                None
            }
            _ => None,
        },
        _ => return None,
    };
    let hour = match pm {
        Some(pm) if (1..=12).contains(&hour) => hour % 12 + if pm { 12 } else { 0 },
        Some(_) => return None,
        None if (0..24).contains(&hour) => hour,
        None => return None,
    };
    Some(ClockFigure {
        hour,
        minute,
        second,
        pm,
        colon,
        oclock,
        ish,
        len,
    })
}

/// The parts of a clock figure read before its meridiem: (hour, minute,
/// second, colon, words, what is glued after the figures).
pub(super) type ClockParts<'w> = (i64, i64, i64, bool, usize, &'w str);

/// An hour in words, and its minutes in words: "three thirty", "two forty
/// five".
pub(super) fn spoken_clock_figure(w: &[String], i: usize) -> Option<ClockParts<'static>> {
    let at = |k: usize| w.get(k).map(String::as_str).unwrap_or("");
    let word = at(i);
    let hour = number_word(word).filter(|h| {
        (1..=12).contains(h) && word.len() > 2 && word.bytes().all(|b| b.is_ascii_alphabetic())
    })?;
    let tens = number_word(at(i + 1)).filter(|m| {
        (10..60).contains(m)
            && at(i + 1)
                .bytes()
                .all(|b| b.is_ascii_alphabetic() || b == b'-')
    });
    let ones = tens
        .filter(|t| t % 10 == 0)
        .and_then(|_| number_word(at(i + 2)).filter(|o| (1..10).contains(o)));
    Some(match tens {
        Some(t) => (
            hour,
            t + ones.unwrap_or(0),
            0,
            true,
            2 + usize::from(ones.is_some()),
            "",
        ),
        None => (hour, 0, 0, false, 1, ""),
    })
}

/// A clock figure in digits (`digits` of them, with ':' and '.'): "5:30",
/// "0730", "8.30pm", "7:56:30".
pub(super) fn written_clock_figure(
    w: &[String],
    i: usize,
    digits: usize,
) -> Option<ClockParts<'_>> {
    let at = |k: usize| w.get(k).map(String::as_str).unwrap_or("");
    let word = at(i);
    let (figure, glued) = word.split_at(digits);
    let figure = figure
        .strip_suffix('.')
        .filter(|_| !glued.is_empty())
        .unwrap_or(figure);
    let mut parts = figure.split([':', '.']);
    let first = parts.next()?;
    // "0730", "1140 a.m.": hours and minutes run together.
    let (hour, minute) = if first.len() == 4 && figure.len() == 4 {
        (
            first[..2].parse::<i64>().ok()?,
            Some(first[2..].parse::<i64>().ok()?),
        )
    } else if first.len() <= 2 {
        (first.parse::<i64>().ok()?, None)
    } else {
        return None;
    };
    let minute = match (minute, parts.next()) {
        (Some(m), None) => m,
        (None, Some(m)) if m.len() == 2 => m.parse::<i64>().ok()?,
        (None, None) => 0,
        _ => return None,
    };
    let second = match parts.next() {
        Some(s) if s.len() == 2 => s.parse::<i64>().ok()?,
        Some(_) => return None,
        None => 0,
    };
    if parts.next().is_some() || !(0..60).contains(&minute) || !(0..60).contains(&second) {
        return None;
    }
    let four = first.len() == 4
        && (first.starts_with('0')
            || !glued.is_empty()
            || matches!(at(i + 1), "am" | "pm" | "a.m." | "p.m."));
    if first.len() == 4 && !four {
        return None;
    }
    Some((hour, minute, second, figure.contains(':') || four, 1, glued))
}
