//! The dossier document model.
//!
//! A [`Document`] owns one immutable, authoritative `text`. Every annotation is
//! a typed layer of stand-off spans over that text. Inside Rust, spans hold
//! byte offsets (cheap to slice); the JSON writer ([`json`]) converts them to
//! Unicode code-point offsets, the contract of `document.schema.json`.

pub mod calendar;
mod document;
mod ids;
pub mod json;
pub mod labels;
pub mod names;
mod offsets;
mod types;

pub use document::{
    Block, Document, Entity, Event, Mention, Quantity, Quote, Sentence, Source, Speaker, TimeExpr,
    Token, Warning,
};
pub use ids::{
    BlockId, ById, EntityId, EventId, IdVec, MentionId, Numbered, QuantityId, QuoteId, Renumber,
    SentenceId, TimeId,
};
pub use labels::{Dep, UnknownLabel, Upos, Xpos};
pub use offsets::CharOffsets;
pub use types::{
    Approx, BlockKind, CueClass, EntityType, EventStatus, EventType, MentionKind, QuantityKind,
    QuoteKind, SourceFormat, TimeMod, TimeType,
};

/// The schema identifier written into every document.
pub const SCHEMA_ID: &str = "dossier/document@1";

/// A half-open byte range `[start, end)` into a document's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub const fn len(&self) -> usize {
        self.end - self.start
    }
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The text this span covers. Panics only if the span is not on char
    /// boundaries, which every producer in dossier guarantees.
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// The host of an http(s) URL, lowercased and without `www.`: the outlet a
/// document came from when nothing names it ("https://www.bbc.co.uk/news"
/// → "bbc.co.uk"). `None` for a local path or another scheme.
pub fn url_host(uri: &str) -> Option<String> {
    let rest = uri
        .strip_prefix("https://")
        .or_else(|| uri.strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority
        .rsplit('@')
        .next()?
        .split(':')
        .next()?
        .to_ascii_lowercase();
    let host = host
        .strip_prefix("www.")
        .map(str::to_string)
        .unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

/// The values a figure allows, from its value, upper bound and qualifier
/// (`Approx` as its string): "at least 20" is [20, ∞), "about 1,200" is
/// ±10 %, a vague one ("dozens") allows anything.
pub fn figure_interval(value: f64, upper: Option<f64>, approx: &str) -> (f64, f64) {
    match approx {
        "about" => (value * 0.9, value * 1.1),
        "at_least" | "more_than" => (value, f64::INFINITY),
        "at_most" | "less_than" | "up_to" => (f64::NEG_INFINITY, value),
        "range" => (value, upper.unwrap_or(value)),
        "vague" => (f64::NEG_INFINITY, f64::INFINITY),
        _ => (value, value),
    }
}

/// Whether two figures' intervals cannot both hold: they are apart by more
/// than 1 % of the larger (rounding, "4.2 billion" against "4,210 million").
pub fn intervals_disjoint(a: (f64, f64), b: (f64, f64)) -> bool {
    let scale = [a.0, a.1, b.0, b.1]
        .into_iter()
        .filter(|v| v.is_finite())
        .fold(0.0f64, |m, v| m.max(v.abs()));
    let slack = 0.01 * scale;
    a.1 + slack < b.0 || b.1 + slack < a.0
}

#[cfg(test)]
mod url_host_tests {
    use super::{figure_interval, intervals_disjoint, url_host};

    #[test]
    fn figures_conflict_only_when_no_value_fits_both() {
        let exact = |v| figure_interval(v, None, "exact");
        assert!(intervals_disjoint(exact(23.0), exact(32.0)));
        assert!(!intervals_disjoint(
            exact(23.0),
            figure_interval(20.0, None, "at_least")
        ));
        assert!(!intervals_disjoint(
            exact(1200.0),
            figure_interval(1200.0, None, "about")
        ));
        assert!(!intervals_disjoint(exact(4.2e9), exact(4.21e9)));
        assert!(!intervals_disjoint(
            exact(30.0),
            figure_interval(20.0, Some(40.0), "range")
        ));
        assert!(!intervals_disjoint(
            exact(30.0),
            figure_interval(0.0, None, "vague")
        ));
    }

    #[test]
    fn hosts_of_urls() {
        assert_eq!(
            url_host("https://www.bbc.co.uk/news/world-1").as_deref(),
            Some("bbc.co.uk")
        );
        assert_eq!(
            url_host("http://user@Example.ORG:8080?q=1").as_deref(),
            Some("example.org")
        );
        assert_eq!(url_host("/data/article.html"), None);
        assert_eq!(url_host("ftp://x.org/a"), None);
    }
}
