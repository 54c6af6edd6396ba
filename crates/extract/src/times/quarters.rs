//! Quarters: "the third quarter", "Q3", "fiscal 2019's second quarter", counted from the last quarter named.

use super::*;

/// The quarter a financial text is about (see `recognise`), and the same
/// only if the text named it.
#[derive(Clone, Copy)]
pub(super) struct Quarters {
    pub(super) reference: Option<(i64, i64)>,
    pub(super) named: Option<(i64, i64)>,
}

/// "first" … "fourth" (or "1st" … "4th") as a quarter number.
pub(super) fn quarter_ordinal(w: &str) -> Option<i64> {
    match w {
        "first" | "1st" => Some(1),
        "second" | "2nd" => Some(2),
        "third" | "3rd" => Some(3),
        "fourth" | "4th" => Some(4),
        _ => None,
    }
}

/// How much further a month or day still to come counts than one gone by,
/// when a date without a year picks one: news looks back more often than
/// ahead.
pub(super) const FUTURE_WEIGHT: i64 = 2;

/// A four-digit year: "1988".
pub(super) fn year_number(w: &str) -> Option<i64> {
    w.parse::<i64>()
        .ok()
        .filter(|y| w.len() == 4 && (1000..=2999).contains(y))
}

/// Financial quarters: "the third quarter", "fourth-quarter", "the fiscal
/// first quarter", "the latest quarter", "the year-ago period",
/// "year-earlier". `reference` is the quarter the text is about.
pub(super) fn quarter_expression(
    w: &[String],
    i: usize,
    anchor: Option<i64>,
    future: bool,
    reference: Option<(i64, i64)>,
) -> Option<Found> {
    let q = QuarterWords {
        w,
        i,
        anchor,
        future,
        reference,
    };
    q.relative()
        .or_else(|| quarter_code(w, i))
        .or_else(|| q.determined())
}

/// The words at a quarter expression, and what its value depends on.
pub(super) struct QuarterWords<'w> {
    pub(super) w: &'w [String],
    pub(super) i: usize,
    pub(super) anchor: Option<i64>,
    pub(super) future: bool,
    /// The quarter the text is about.
    pub(super) reference: Option<(i64, i64)>,
}

impl QuarterWords<'_> {
    pub(super) fn at(&self, k: usize) -> &str {
        self.w.get(k).map(String::as_str).unwrap_or("")
    }

    /// A named quarter is this year's, or last year's when it has not begun yet.
    pub(super) fn named(&self, q: i64) -> Option<String> {
        self.anchor.map(|d| {
            let (y, now) = quarter_of(d);
            quarter_value((if q > now && !self.future { y - 1 } else { y }, q))
        })
    }

    /// "quarter", or "period" in a text about a quarter.
    pub(super) fn unit(&self, j: usize) -> bool {
        self.at(j) == "quarter" || (self.at(j) == "period" && self.reference.is_some())
    }

    pub(super) fn year_before(&self) -> Option<String> {
        self.reference.map(|(y, q)| quarter_value((y - 1, q)))
    }

    /// "fourth-quarter", "year-earlier", "this year's third quarter",
    /// "last quarter": counted from publication or the reference quarter.
    pub(super) fn relative(&self) -> Option<Found> {
        let (i, anchor, reference) = (self.i, self.anchor, self.reference);
        let a = self.at(i);
        if let Some((n, "quarter")) = a
            .split_once('-')
            .and_then(|(n, u)| quarter_ordinal(n).map(|n| (n, u)))
        {
            return Some((1, TimeType::Date, self.named(n), None));
        }
        if matches!(a, "year-earlier" | "year-ago") && reference.is_some() {
            return Some((1, TimeType::Date, self.year_before(), None));
        }
        // "this year's third quarter", "next year's first quarter", "last year's quarter".
        if let (Some(step), "year", "'s") = (
            match a {
                "this" => Some(0),
                "next" => Some(1),
                "last" => Some(-1),
                _ => None,
            },
            self.at(i + 1),
            self.at(i + 2),
        ) {
            let y = anchor.map(|d| quarter_of(d).0 + step);
            if let Some(n) = quarter_ordinal(self.at(i + 3)).filter(|_| self.at(i + 4) == "quarter")
            {
                return Some((5, TimeType::Date, y.map(|y| quarter_value((y, n))), None));
            }
            if self.at(i + 3) == "quarter" {
                return Some((
                    4,
                    TimeType::Date,
                    y.zip(reference).map(|(y, (_, q))| quarter_value((y, q))),
                    None,
                ));
            }
        }
        // "last quarter", "next quarter", "the coming quarter": counted from the
        // quarter publication falls in.
        let the = usize::from(a == "the");
        let step = match self.at(i + the) {
            "last" | "previous" | "past" if the == 0 => Some(-1),
            "next" | "coming" | "following" => Some(1),
            "current" if the == 0 => Some(0),
            _ => None,
        };
        if let (Some(step), "quarter", Some(d)) = (step, self.at(i + the + 1), anchor) {
            let (y, q) = quarter_of(d);
            let n = y * 4 + q - 1 + step;
            return Some((
                the + 2,
                TimeType::Date,
                Some(quarter_value((n.div_euclid(4), n.rem_euclid(4) + 1))),
                None,
            ));
        }
        None
    }

    /// "the third quarter (of 1990)", "the fiscal first quarter", "the 1988
    /// quarter", "the year-ago period", "the latest quarter".
    pub(super) fn determined(&self) -> Option<Found> {
        let (i, reference) = (self.i, self.reference);
        let a = self.at(i);
        let (det, mut k) = if matches!(a, "the" | "this") {
            (a, i + 1)
        } else {
            ("", i)
        };
        if self.at(k) == "fiscal" {
            k += 1;
        }
        if let Some(n) = quarter_ordinal(self.at(k)).filter(|_| self.at(k + 1) == "quarter") {
            // "the third quarter of 1990"
            if let Some(y) = (self.at(k + 2) == "of")
                .then(|| year_number(self.at(k + 3)))
                .flatten()
            {
                return Some((
                    k + 4 - i,
                    TimeType::Date,
                    Some(quarter_value((y, n))),
                    Some(y),
                ));
            }
            return Some((k + 2 - i, TimeType::Date, self.named(n), None));
        }
        if det.is_empty() {
            return None;
        }
        if matches!(self.at(k), "comparable" | "corresponding") {
            k += 1;
        }
        // "the 1988 third quarter", "the 1988 quarter", "the 1989 period".
        if let Some(y) = year_number(self.at(k)) {
            if let Some(n) = quarter_ordinal(self.at(k + 1)).filter(|_| self.at(k + 2) == "quarter")
            {
                return Some((
                    k + 3 - i,
                    TimeType::Date,
                    Some(quarter_value((y, n))),
                    Some(y),
                ));
            }
            if self.unit(k + 1) {
                return Some((
                    k + 2 - i,
                    TimeType::Date,
                    reference.map(|(_, q)| quarter_value((y, q))),
                    Some(y),
                ));
            }
        }
        // "the year-ago third quarter"
        if matches!(self.at(k), "year-earlier" | "year-ago") {
            if let (Some(n), "quarter") = (quarter_ordinal(self.at(k + 1)), self.at(k + 2)) {
                return Some((
                    k + 3 - i,
                    TimeType::Date,
                    reference.map(|(y, _)| quarter_value((y - 1, n))),
                    None,
                ));
            }
        }
        self.referenced(det, k)
    }

    /// After the determiner `det`, at word `k`: a quarter by reference, "the
    /// quarter a year ago", "this quarter", "the latest period", "the
    /// previous quarter".
    pub(super) fn referenced(&self, det: &str, k: usize) -> Option<Found> {
        let (i, anchor, reference) = (self.i, self.anchor, self.reference);
        // "the quarter a year ago"
        if self.at(k) == "quarter"
            && self.at(k + 1) == "a"
            && self.at(k + 2) == "year"
            && matches!(self.at(k + 3), "ago" | "earlier")
        {
            return Some((k + 4 - i, TimeType::Date, self.year_before(), None));
        }
        let this = || anchor.map(|d| quarter_value(quarter_of(d)));
        let (len, value) = match self.at(k) {
            // "this quarter", "the current quarter": the one publication falls in.
            "quarter" if det == "this" => (1, this()),
            "current" if det == "the" && self.at(k + 1) == "quarter" => (2, this()),
            "quarter" => (1, reference.map(quarter_value)),
            "latest" | "same" if self.unit(k + 1) => (2, reference.map(quarter_value)),
            "most" if self.at(k + 1) == "recent" && self.unit(k + 2) => {
                (3, reference.map(quarter_value))
            }
            "year-earlier" | "year-ago" if self.unit(k + 1) => (2, self.year_before()),
            "previous" | "preceding" | "prior" if self.at(k + 1) == "quarter" => (
                2,
                reference.map(|(y, q)| quarter_value(if q == 1 { (y - 1, 4) } else { (y, q - 1) })),
            ),
            _ => return None,
        };
        Some((k + len - i, TimeType::Date, value, None))
    }
}

/// "Q3 2019", "2019 Q3", "2019-Q1", "q1-2019", "2019-H2".
pub(super) fn quarter_code(w: &[String], i: usize) -> Option<Found> {
    let at = |k: usize| w.get(k).map(String::as_str).unwrap_or("");
    let a = at(i);
    let part = |x: &str| -> Option<(char, i64)> {
        if let Some(n) = x
            .strip_prefix('q')
            .and_then(|n| n.parse::<i64>().ok())
            .filter(|n| (1..=4).contains(n))
        {
            return Some(('Q', n));
        }
        x.strip_prefix('h')
            .and_then(|n| n.parse::<i64>().ok())
            .filter(|n| (1..=2).contains(n))
            .map(|n| ('H', n))
    };
    let joined = a.split_once('-').and_then(|(l, r)| {
        year_number(l)
            .zip(part(r))
            .or_else(|| year_number(r).zip(part(l)))
    });
    let spaced = part(a)
        .and_then(|p| year_number(at(i + 1)).map(|y| (y, p)))
        .or_else(|| year_number(a).and_then(|y| part(at(i + 1)).map(|p| (y, p))));
    let (y, (kind, n)) = joined.or(spaced)?;
    Some((
        if joined.is_some() { 1 } else { 2 },
        TimeType::Date,
        Some(format!("{y:04}-{kind}{n}")),
        Some(y),
    ))
}
