//! Times (#5): TIMEX3 values of dates, clock times, ranges, holidays and durations.

use super::*;

/// #5 on the example, dated 2024-07-10: every relative date resolves.
#[test]
fn issue_5_example_times() {
    let doc = &example_document();
    check_document(doc);
    let times: Vec<(String, String, String)> = doc["times"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["text"].as_str().unwrap().to_string(),
                t["type"].as_str().unwrap().to_string(),
                t["value"].as_str().unwrap_or("null").to_string(),
            )
        })
        .collect();
    for (text, ty, value) in [
        ("Tuesday", "DATE", "2024-07-09"),
        ("November", "DATE", "2024-11"),
        ("75 years ago", "DATE", "1949"),
        ("Two years later", "DATE", "2021"),
        ("the coming months", "DATE", "FUTURE_REF"),
        ("four-year", "DURATION", "P4Y"),
        ("every month", "SET", "P1M"),
        ("June 27", "DATE", "2024-06-27"),
        ("Thursday", "DATE", "2024-07-11"),
    ] {
        assert!(
            times.contains(&(text.to_string(), ty.to_string(), value.to_string())),
            "{text} {ty} {value}: {times:?}"
        );
    }
    assert!(
        !times.iter().any(|t| t.0 == "November" && t.2 != "2024-11"),
        "{times:?}"
    );
}

/// #5: a clock time that ends its sentence ("2:45 p.m." as a live blog's
/// heading) looks for a day after it; there is none, and the document used
/// to fail with an index out of bounds.
#[test]
fn issue_5_a_clock_time_ending_its_sentence_does_not_fail_the_document() {
    let text = "The Latest: Cruz gives away a gun.\n\n2:45 p.m.\n\nThe senator spoke at noon.";
    let doc = &docs(&run(
        &["extract", "--date", "2016-01-05", "--layers", "times", "-"],
        Some(text.as_bytes()),
    ))[0];
    check_document(doc);
    let values: Vec<&str> = doc["times"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["value"].as_str().unwrap())
        .collect();
    assert_eq!(values, ["2016-01-05T14:45", "2016-01-05T12:00"]);
}

/// #5: a curly possessive after a word the quarter check reads ("Valentine’s
/// Day", "Q3’s") used to be sliced inside its apostrophe and panic; the
/// DateTime spec found it.
#[test]
fn issue_5_a_curly_possessive_does_not_fail_the_document() {
    let text = "Sales on Valentine’s Day beat Q3’s and this year’s figures.";
    let doc = &docs(&run(
        &["extract", "--date", "2019-06-12", "--layers", "times", "-"],
        Some(text.as_bytes()),
    ))[0];
    check_document(doc);
    assert!(
        time_values(doc).contains(&("Valentine’s Day".to_string(), "2019-02-14".to_string())),
        "{:?}",
        time_values(doc)
    );
}

/// Each time expression of a document as (text, value), "null" for none.
fn time_values(doc: &Value) -> Vec<(String, String)> {
    doc["times"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["text"].as_str().unwrap().to_string(),
                t["value"].as_str().unwrap_or("null").to_string(),
            )
        })
        .collect()
}

/// #5: financial quarters resolve against the publication date and the
/// quarter the report is about; a year before a noun is a year; clock
/// times, "last October" and "Monday, Oct. 30" are whole expressions.
#[test]
fn issue_5_quarters_clock_times_and_anchored_months() {
    let text = "Third-quarter profit rose 5%. Sales in the fourth quarter may slow. The company said the latest quarter was strong, \
and year-earlier results were weaker. In the current quarter it expects more. A 1996 law still applies, and 1999 troops were sent. Profit was lower a year ago. \
Last October the board met, and it met again at 9 a.m. Tuesday and on Monday, Oct. 30, as it did a few years ago.";
    let doc = &docs(&run(
        &["extract", "--date", "1989-11-02", "--layers", "times", "-"],
        Some(text.as_bytes()),
    ))[0];
    check_document(doc);
    let times = time_values(doc);
    for (text, value) in [
        ("Third-quarter", "1989-Q3"),
        ("the fourth quarter", "1989-Q4"),
        ("the latest quarter", "1989-Q3"),
        ("year-earlier", "1988-Q3"),
        ("the current quarter", "1989-Q4"),
        ("1996", "1996"),
        ("a year ago", "1988-Q3"),
        ("Last October", "1989-10"),
        ("9 a.m. Tuesday", "1989-10-31T09:00"),
        ("Monday, Oct. 30", "1989-10-30"),
        ("a few years ago", "PAST_REF"),
    ] {
        assert!(
            times.contains(&(text.to_string(), value.to_string())),
            "{text} {value}: {times:?}"
        );
    }
    assert!(
        !times.iter().any(|t| t.0 == "1999"),
        "a count of troops is not a year: {times:?}"
    );
}

/// #5: TimeML extents take the words that bound or place them ("the end
/// of 1990", "nearly two years", "at least 30 days", "the late 1970s"),
/// but an adjective leaves its article out ("a 30-day review"); quarters
/// named with a year resolve to it ("the 1988 third quarter", "the third
/// quarter of 1990", "next year's first quarter").
#[test]
fn issue_5_extents_take_their_bounds_and_quarters_their_years() {
    let text = "Talks ran until the end of 1990 and lasted nearly two years, with at least 30 days of recess. \
Prices rose in the late 1970s. A 30-day review began. Profit beat the 1988 third quarter and the third quarter of 1990. \
The company expects a loss in next year's first quarter.";
    let doc = &docs(&run(
        &["extract", "--date", "1989-11-02", "--layers", "times", "-"],
        Some(text.as_bytes()),
    ))[0];
    check_document(doc);
    let times = time_values(doc);
    for (text, value) in [
        ("the end of 1990", "1990"),
        ("nearly two years", "P2Y"),
        ("at least 30 days", "P30D"),
        ("the late 1970s", "197"),
        ("30-day", "P30D"),
        ("the 1988 third quarter", "1988-Q3"),
        ("the third quarter of 1990", "1990-Q3"),
        ("next year's first quarter", "1990-Q1"),
    ] {
        assert!(
            times.contains(&(text.to_string(), value.to_string())),
            "{text} {value}: {times:?}"
        );
    }
}

/// #5: clock times glued or spaced, a day with its clock time, dates in
/// figures and dates around a month name in any case; "24/7" and "may 5
/// more" stay words.
#[test]
fn issue_5_clock_times_and_dates_in_figures_and_words() {
    let text = "The vote opens today at 8.30pm and closes tomorrow 7:56:30 pm. Officials met on 22/04 and signed on 1/1/2015. \
The ceasefire began on the fourth of july of 1995 and ended july 4th, 1996. Records from 2019-08-01 and Dec-2018 were kept. \
They work 24/7 and may 5 more join. A review is due in april of 87, at 14:30.";
    let doc = &docs(&run(
        &["extract", "--date", "2016-11-07", "--layers", "times", "-"],
        Some(text.as_bytes()),
    ))[0];
    check_document(doc);
    let times = time_values(doc);
    for (text, value) in [
        ("today at 8.30pm", "2016-11-07T20:30"),
        ("tomorrow 7:56:30 pm", "2016-11-08T19:56:30"),
        ("22/04", "2016-04-22"),
        ("1/1/2015", "2015-01-01"),
        ("fourth of july of 1995", "1995-07-04"),
        ("july 4th, 1996", "1996-07-04"),
        ("2019-08-01", "2019-08-01"),
        ("Dec-2018", "2018-12"),
        ("april of 87", "1987-04"),
        ("14:30", "2016-11-07T14:30"),
    ] {
        assert!(
            times.contains(&(text.to_string(), value.to_string())),
            "{text} {value}: {times:?}"
        );
    }
    assert!(
        !times
            .iter()
            .any(|(t, _)| t.contains("24/7") || t.contains("may")),
        "{times:?}"
    );
}

/// #5: holidays, relative and numbered quarters, centuries, recurring
/// times and counts from a day resolve; "this may or may not" stays a verb.
#[test]
fn issue_5_holidays_quarters_centuries_and_recurring_times() {
    let text = "Talks resume after Christmas 2020 and ended last Easter. Sales fell last quarter and in Q3 2019. \
Such walls date from the 19th century. Inspectors visit every Monday morning and every other day. \
The vote will be 3 days from today, on New Year's Day. This may or may not help. \
Results will come in two weeks, or the day after tomorrow. Audits ran in the last week of July 2016 and the first week of 2015. \
Talks resume on Tuesday of next week or next week Wednesday.";
    let doc = &docs(&run(
        &["extract", "--date", "2019-06-12", "--layers", "times", "-"],
        Some(text.as_bytes()),
    ))[0];
    check_document(doc);
    let times = time_values(doc);
    for (text, value) in [
        ("Christmas 2020", "2020-12-25"),
        ("last Easter", "2019-04-21"),
        ("last quarter", "2019-Q1"),
        ("Q3 2019", "2019-Q3"),
        ("the 19th century", "18"),
        ("every Monday morning", "XXXX-WXX-1TMO"),
        ("every other day", "P2D"),
        ("3 days from today", "2019-06-15"),
        ("New Year's Day", "2020-01-01"),
        ("in two weeks", "2019-06-26"),
        ("the day after tomorrow", "2019-06-14"),
        ("the last week of July 2016", "2016-W30"),
        ("the first week of 2015", "2015-W01"),
        ("Tuesday of next week", "2019-06-18"),
        ("next week Wednesday", "2019-06-19"),
    ] {
        assert!(
            times.contains(&(text.to_string(), value.to_string())),
            "{text} {value}: {times:?}"
        );
    }
    assert!(!times.iter().any(|(t, _)| t.contains("may")), "{times:?}");
}

/// #5: clock ranges give both ends on the day said before or after them,
/// a clock time joins its day across "at", "on" or "by", durations come in
/// several units, and a date-time anchor's clock resolves "in 5 minutes".
#[test]
fn issue_5_clock_ranges_days_with_clocks_and_compound_durations() {
    let text = "The talks ran from 10:30 to 3 on 1/1/2015. Voting is between 5 and 6 in the afternoon. \
Polls close Monday 12-4. The briefing was yesterday afternoon from 3-8pm. \
The vote will be Friday at 4 and the count 9am on Tuesday. Envoys will meet next week on Tuesday and Wednesday evening next week. \
Results will come in 5 minutes. The siege lasted 2 years 1 month 21 days and the march one and a half hours. \
Ministers met 2014-2018 and again 26 june to 28 june in 2020. She was born twenty five January nineteen eighty six. \
Talks end on the 15th day of next month. The range is week 31 of last year. \
The deal closes at the end of the month. The file is 20161016. They met in August two thousand and fifteen. \
Talks began in 2019 and collapsed the same year.";
    let doc = &docs(&run(
        &[
            "extract",
            "--date",
            "2018-05-31T16:12:00",
            "--layers",
            "times",
            "-",
        ],
        Some(text.as_bytes()),
    ))[0];
    check_document(doc);
    let times = time_values(doc);
    for (text, value) in [
        ("10:30", "2015-01-01T10:30"),
        ("3 on 1/1/2015", "2015-01-01T15:00"),
        ("5", "2018-05-31T17:00"),
        ("6 in the afternoon", "2018-05-31T18:00"),
        ("Monday 12", "2018-05-28T12:00"),
        ("yesterday afternoon from 3", "2018-05-30T15:00"),
        ("8pm", "2018-05-30T20:00"),
        ("Friday at 4", "2018-06-01T16:00"),
        ("9am on Tuesday", "2018-06-05T09:00"),
        ("4", "2018-05-28T16:00"),
        ("next week on Tuesday", "2018-06-05"),
        ("Wednesday evening next week", "2018-06-06TEV"),
        ("in 5 minutes", "2018-05-31T16:17"),
        ("2 years 1 month 21 days", "P2Y1M21D"),
        ("one and a half hours", "PT1H30M"),
        ("2014", "2014"),
        ("2018", "2018"),
        ("26 june", "2020-06-26"),
        ("28 june in 2020", "2020-06-28"),
        ("twenty five January nineteen eighty six", "1986-01-25"),
        ("the 15th day of next month", "2018-06-15"),
        ("week 31 of last year", "2017-W31"),
        ("the end of the month", "2018-05"),
        ("20161016", "2016-10-16"),
        ("August two thousand and fifteen", "2015-08"),
        ("same year", "2019"),
    ] {
        assert!(
            times.contains(&(text.to_string(), value.to_string())),
            "{text} {value}: {times:?}"
        );
    }
    // "the march one and a half hours" is a march, not 1 March.
    assert!(!times.iter().any(|(t, _)| t.contains("march")), "{times:?}");
}

/// #28: each time carries TIMEX3 `mod` from its own words ("late 2014" is the
/// END of 2014), null when it has none.
#[test]
fn issue_28_times_carry_their_mod() {
    let text =
        "The deal was delayed in late 2014. The talks lasted more than four hours on Monday.";
    let doc = &docs(&run(
        &["extract", "--date", "2016-01-05", "--layers", "times", "-"],
        Some(text.as_bytes()),
    ))[0];
    check_document(doc);
    let mods: Vec<(&str, Option<&str>)> = doc["times"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["text"].as_str().unwrap(), t["mod"].as_str()))
        .collect();
    assert_eq!(
        mods,
        [
            ("late 2014", Some("END")),
            ("more than four hours", Some("MORE_THAN")),
            ("Monday", None)
        ],
        "{mods:?}"
    );
}
