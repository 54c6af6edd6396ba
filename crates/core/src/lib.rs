//! The dossier document model.
//!
//! A [`Document`] owns one immutable, authoritative `text`. Every annotation is
//! a typed layer of stand-off spans over that text. Inside Rust, spans hold
//! byte offsets (cheap to slice); the JSON writer ([`json`]) converts them to
//! Unicode code-point offsets, the contract of `document.schema.json`.

pub mod calendar;
mod document;
pub mod json;
pub mod names;
mod offsets;
mod types;

pub use document::{
    Block, Document, Entity, Event, Mention, Quantity, Quote, Sentence, Source, Speaker, TimeExpr,
    Token, Warning,
};
pub use offsets::CharOffsets;
pub use types::{
    Approx, BlockKind, CueClass, EntityType, EventStatus, EventType, MentionKind, QuantityKind, QuoteKind,
    SourceFormat, TimeType,
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
