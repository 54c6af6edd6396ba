//! Checks of the values a user gives a query (from the CLI or the API),
//! each failing with a message that says what is expected.

use dossier_core::{EventStatus, EventType};

/// `YYYY-MM-DD`, for `since` and `until`.
pub fn date(s: &str) -> Result<String, String> {
    let b = s.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    let month = s.get(5..7).and_then(|m| m.parse::<u8>().ok()).unwrap_or(0);
    let day = s.get(8..10).and_then(|d| d.parse::<u8>().ok()).unwrap_or(0);
    if shaped && (1..=12).contains(&month) && (1..=31).contains(&day) {
        Ok(s.to_string())
    } else {
        Err(format!(
            "`{s}` is not a date; write YYYY-MM-DD, e.g. 2024-07-10"
        ))
    }
}

/// A PLOVER event type, in any case.
pub fn event_type(s: &str) -> Result<String, String> {
    let upper = s.to_uppercase();
    match EventType::parse(&upper) {
        Some(t) => Ok(t.as_str().to_string()),
        None => Err(format!(
            "`{s}` is not an event type; the types are {}",
            EventType::ALL
                .iter()
                .map(|t| t.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// An event status, in any case.
pub fn event_status(s: &str) -> Result<String, String> {
    let lower = s.to_lowercase();
    match EventStatus::parse(&lower) {
        Some(t) => Ok(t.as_str().to_string()),
        None => Err(format!(
            "`{s}` is not an event status; the statuses are {}",
            EventStatus::ALL
                .iter()
                .map(|t| t.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// An event judge's confidence: a number from 0 to 1.
pub fn confidence(s: &str) -> Result<f64, String> {
    s.parse::<f64>()
        .map_err(|_| not_a_confidence(s))
        .and_then(confidence_value)
}

/// A confidence given as a number (from Python): from 0 to 1.
pub fn confidence_value(p: f64) -> Result<f64, String> {
    if (0.0..=1.0).contains(&p) {
        Ok(p)
    } else {
        Err(not_a_confidence(p))
    }
}

fn not_a_confidence(p: impl std::fmt::Display) -> String {
    format!("`{p}` is not a confidence; write a number from 0 to 1, e.g. 0.7")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confidence_is_a_number_from_0_to_1() {
        assert_eq!(confidence("0.7"), Ok(0.7));
        assert!(confidence("1.5").unwrap_err().contains("from 0 to 1"));
        assert!(confidence("high").is_err());
        assert!(confidence("NaN").is_err() && confidence_value(-0.1).is_err());
    }

    #[test]
    fn options_are_checked() {
        assert!(date("2024-07-10").is_ok());
        for bad in ["notadate", "2024-13-01", "2024-7-1", "20240710"] {
            assert!(date(bad).is_err(), "{bad}");
        }
        assert_eq!(event_type("aid").unwrap(), "AID");
        assert!(event_type("attack").unwrap_err().contains("ASSAULT"));
        assert!(event_status("Pledged").is_ok() && event_status("maybe").is_err());
    }
}
