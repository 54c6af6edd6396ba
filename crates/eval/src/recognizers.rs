//! Microsoft Recognizers-Text English specs, compared on what dossier's
//! schema expresses: a number's value and where it starts; a percentage's
//! value; money as value and ISO 4217 code; a range's two bounds.
//!
//! A case passes when every expected result is matched by a prediction of
//! the right kind and no prediction of that kind lies outside every
//! expected result. dossier's spans are wider by design ("3,000 bombs" holds
//! the counted noun), so a prediction matches when it covers the expected
//! text's start and agrees on the values.

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
    let inner = v.trim().strip_prefix(['(', '['])?.strip_suffix([')', ']'])?;
    let (lo, hi) = inner.split_once(',')?;
    let num = |s: &str| if s.trim().is_empty() { Ok(None) } else { s.trim().parse::<f64>().map(Some) };
    Some((num(lo).ok()?, num(hi).ok()?))
}

/// "100%", "0.5%": the percentage.
pub fn parse_percent(v: &str) -> Option<f64> {
    v.trim().strip_suffix('%')?.trim().parse().ok()
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
            !used[i] && p.start <= e.start && e.start < p.end && close(p.value, e.value) && close(p.upper, e.upper) && (e.unit.is_none() || p.unit == e.unit)
        });
        match hit {
            Some(i) => used[i] = true,
            None => return false,
        }
    }
    predicted.iter().all(|p| expected.iter().any(|e| p.start < e.end && e.start < p.end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(start: usize, end: usize, value: f64) -> Item {
        Item { start, end, value: Some(value), upper: None, unit: None }
    }

    #[test]
    fn a_wider_span_with_the_right_value_passes_and_an_extra_one_fails() {
        let expected = [item(0, 5, 3000.0)];
        assert!(passes(&expected, &[item(0, 11, 3000.0)]));
        assert!(!passes(&expected, &[item(0, 11, 300.0)]));
        assert!(!passes(&expected, &[item(0, 11, 3000.0), item(20, 22, 4.0)]));
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
}
