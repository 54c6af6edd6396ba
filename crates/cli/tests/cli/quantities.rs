//! Quantities (#5): sums with currency and change codes, spelled fractions, bounds and ranges.

use super::*;

/// #5 on the example: "$700 million" is 700,000,000 USD, about; the bombs
/// come every month; and quantities are numeric mentions too.
#[test]
fn issue_5_example_quantities() {
    let doc = &example_document();
    check_document(doc);
    let q = |text: &str| {
        doc["quantities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|q| q["text"] == text)
            .unwrap_or_else(|| panic!("no quantity {text}"))
            .clone()
    };
    let money = q("nearly $700 million");
    assert_eq!(
        (
            money["kind"].as_str(),
            money["value"].as_f64(),
            money["unit"].as_str(),
            money["approx"].as_str()
        ),
        (Some("money"), Some(7e8), Some("USD"), Some("about"))
    );
    let bombs = q("3,000 bombs");
    assert_eq!(
        (
            bombs["value"].as_f64(),
            bombs["unit"].as_str(),
            bombs["per"].as_str()
        ),
        (Some(3000.0), Some("bombs"), Some("P1M"))
    );
    let patriots = q("at least four of the powerful Patriot systems");
    assert_eq!(
        (patriots["value"].as_f64(), patriots["approx"].as_str()),
        (Some(4.0), Some("at_least"))
    );
    let mentions = doc["mentions"].as_array().unwrap();
    assert!(mentions
        .iter()
        .any(|m| m["text"] == "nearly $700 million" && m["type"] == "MONEY"));
    let starts: Vec<u64> = mentions
        .iter()
        .map(|m| m["start"].as_u64().unwrap())
        .collect();
    assert!(
        starts.windows(2).all(|w| w[0] < w[1]),
        "mentions in text order, no overlap"
    );
}

/// #5: spelled fractions are numbers ("two thirds", "a fifth of",
/// "half a dozen"); "a third term" stays an ordinal, and "two millionth"
/// is no fraction (the Recognizers spec reads it as a count).
#[test]
fn issue_5_spelled_fractions() {
    let text = "Two thirds of voters approve, and half a dozen officials took a fifth of the budget. She won a third term.";
    let doc = &docs(&run(&["extract", "-"], Some(text.as_bytes())))[0];
    check_document(doc);
    let found: Vec<(String, f64)> = doc["quantities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            (
                q["text"].as_str().unwrap().to_string(),
                q["value"].as_f64().unwrap(),
            )
        })
        .collect();
    let value = |start: &str| {
        found
            .iter()
            .find(|(t, _)| t.starts_with(start))
            .unwrap_or_else(|| panic!("no {start}: {found:?}"))
            .1
    };
    assert!((value("Two thirds") - 2.0 / 3.0).abs() < 1e-6);
    assert_eq!(value("half a dozen"), 6.0);
    assert_eq!(value("a fifth"), 0.2);
    assert_eq!(value("third"), 3.0, "the ordinal of \"a third term\"");
}

/// #5: sums written the ways price lists and tables write them: with their
/// change ("thirteen dollars and forty-five cents"), glued to a code
/// ("USD115", "115USD", "nzd$15"), in millions by code ("30 MUSD", "75 USD
/// million"), as shares of a scale ("a quarter million us dollars"), and
/// in bitcoin; "$5 and 10 other firms" keeps its firms apart.
#[test]
fn issue_5_sums_with_change_codes_and_scales() {
    let text = "It cost thirteen dollars and forty-five cents, then 15 dollars 50. They paid USD115, then 115USD and nzd$15. \
Losses passed 30 MUSD; they lost 75 USD million and a quarter million us dollars. A block pays 6.25 BTC. \
A 12-cent-a-share dividend was paid. The fund gave $5 and 10 other firms joined.";
    let doc = &docs(&run(
        &["extract", "--layers", "quantities", "-"],
        Some(text.as_bytes()),
    ))[0];
    check_document(doc);
    let money: Vec<(String, f64, String)> = doc["quantities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|q| q["kind"] == "money")
        .map(|q| {
            (
                q["text"].as_str().unwrap().to_string(),
                q["value"].as_f64().unwrap(),
                q["unit"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for (text, value, unit) in [
        ("thirteen dollars and forty-five cents", 13.45, "USD"),
        ("15 dollars 50", 15.5, "USD"),
        ("USD115", 115.0, "USD"),
        ("115USD", 115.0, "USD"),
        ("nzd$15", 15.0, "NZD"),
        ("30 MUSD", 30e6, "USD"),
        ("75 USD million", 75e6, "USD"),
        ("a quarter million us dollars", 250_000.0, "USD"),
        ("6.25 BTC", 6.25, "XBT"),
        ("12-cent", 0.12, "USD"),
        ("$5", 5.0, "USD"),
    ] {
        assert!(
            money
                .iter()
                .any(|m| m.0 == text && (m.1 - value).abs() < 1e-9 && m.2 == unit),
            "{text} {value} {unit}: {money:?}"
        );
    }
}

/// #5: bounds on a figure, before it ("no more than 12", "greater than or
/// equal to 50", "above 170") or after it ("500 or more"), and two bounds
/// joined into one range ("more than 10 and less than 40 people"); a range
/// written as one token ("20-30", "$5-10 million").
#[test]
fn issue_5_bounds_and_ranges_from_bounds() {
    let text = "More than 10 and less than 40 people came. Some 500 or more were hurt, no more than 12 left, and greater than or equal to 50 stayed above 170 days. \
Aged 20-30, they raised $5-10 million in 1990-1995; the score was 3-2.";
    let doc = &docs(&run(&["extract", "-"], Some(text.as_bytes())))[0];
    check_document(doc);
    let found: Vec<(String, Option<f64>, Option<f64>, String)> = doc["quantities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            (
                q["text"].as_str().unwrap().to_string(),
                q["value"].as_f64(),
                q["upper"].as_f64(),
                q["approx"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let has = |start: &str, value: f64, upper: Option<f64>, approx: &str| {
        assert!(
            found.iter().any(|q| q.0.starts_with(start)
                && q.1 == Some(value)
                && q.2 == upper
                && q.3 == approx),
            "{start}: {found:?}"
        );
    };
    has("More than 10 and less than 40", 10.0, Some(40.0), "range");
    has("500 or more", 500.0, None, "at_least");
    has("no more than 12", 12.0, None, "at_most");
    has("greater than or equal to 50", 50.0, None, "at_least");
    // A range written as one token, with the scale after it; years and scores are no ranges.
    has("20-30", 20.0, Some(30.0), "range");
    has("$5-10 million", 5e6, Some(10e6), "range");
    assert!(
        !found
            .iter()
            .any(|q| q.0.starts_with("1990") || q.0.starts_with("3-2")),
        "{found:?}"
    );
}
