use crate::ids::*;
use crate::labels::{Dep, Upos, Xpos};
use crate::types::*;
use crate::Span;

/// Where a document came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// File path, URL, or `-` for standard input.
    pub uri: Option<String>,
    pub format: SourceFormat,
    /// WARC-Record-ID, feed item id or JSONL line number.
    pub record: Option<String>,
}

/// A layout unit: paragraph, heading, byline... Blocks never overlap, and no
/// sentence or name crosses a block boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    pub span: Span,
    pub kind: BlockKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub block: BlockId,
    /// Index range into `Document::tokens` (empty when tokens were not built).
    pub tokens: (usize, usize),
}

/// A token; the syntactic fields are filled by the tagger and parser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub pos: Option<Upos>,
    pub tag: Option<Xpos>,
    /// Index of the head token within the document, `None` for the root.
    pub head: Option<usize>,
    pub dep: Option<Dep>,
}

impl Token {
    pub const fn new(span: Span) -> Self {
        Token {
            span,
            pos: None,
            tag: None,
            head: None,
            dep: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    pub span: Span,
    pub ty: EntityType,
    pub kind: MentionKind,
    pub entity: Option<EntityId>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    pub name: String,
    pub ty: EntityType,
    pub mentions: Vec<MentionId>,
    pub aliases: Vec<String>,
    /// Knowledge-base identifiers, e.g. `("iso3166", "UA")`.
    pub kb: Vec<(&'static str, String)>,
    /// Stable cross-document key.
    pub key: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Speaker {
    pub span: Span,
    pub entity: Option<EntityId>,
    /// Further speakers named with it ("Trump and Pence said").
    pub also: Vec<EntityId>,
    /// Who a speaker that names no one speaks for: the campaign of "a Trump
    /// campaign source", the country of "a Russian admiral".
    pub affiliation: Option<EntityId>,
    /// The earlier speaker phrase a pronoun stands for when that phrase
    /// names no one ("said a doctor in Ghouta. … he added").
    pub refers_to: Option<Span>,
}

impl Speaker {
    /// A speaker span not yet resolved to anyone.
    pub fn unresolved(span: Span) -> Self {
        Speaker {
            span,
            entity: None,
            also: Vec::new(),
            affiliation: None,
            refers_to: None,
        }
    }

    /// Every entity the speaker points at, to renumber them.
    pub fn entities_mut(&mut self) -> impl Iterator<Item = &mut EntityId> {
        self.entity
            .iter_mut()
            .chain(self.also.iter_mut())
            .chain(self.affiliation.iter_mut())
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    pub span: Span,
    pub kind: QuoteKind,
    pub cue: Option<Span>,
    /// The class of the cue (or of the attribution the quote borrowed);
    /// `None` for a quote no one is reported to have said.
    pub cue_class: Option<CueClass>,
    pub speaker: Option<Speaker>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TimeExpr {
    pub span: Span,
    pub ty: TimeType,
    pub value: Option<String>,
    /// TIMEX3 `mod`, from the expression's leading words ("early", "the end of", "more than").
    pub modifier: Option<TimeMod>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    pub span: Span,
    pub kind: QuantityKind,
    pub value: Option<f64>,
    pub upper: Option<f64>,
    pub unit: Option<String>,
    pub approx: Approx,
    pub per: Option<String>,
    /// The fact the figure describes, when the parse ties it to one (an
    /// event's amount, "people killed", the noun a sum prices); figures
    /// that measure the same thing can be compared.
    pub measures: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// The PLOVER code, as the codebook assigns it: a pledge of aid is AGREE, a threat THREATEN.
    pub ty: EventType,
    /// What was done, pledged, threatened or denied (AID for "will send tanks"), with `status`.
    pub act: EventType,
    /// The codebook's mode of `ty`, where one applies (for AID, the kind of aid).
    pub mode: Option<String>,
    pub status: EventStatus,
    pub trigger: Span,
    pub sentence: SentenceId,
    pub source: Vec<EntityId>,
    pub target: Vec<EntityId>,
    pub theme: Option<Span>,
    pub quantity: Option<QuantityId>,
    pub time: Option<TimeId>,
    pub place: Option<EntityId>,
    pub quote: Option<QuoteId>,
    /// The event judge's estimate that a person would judge `ty` and `status`
    /// right (none for events the judge does not see): a reader's dial
    /// between recall and precision.
    pub confidence: Option<f64>,
}

/// A problem found in the text or while processing it.
#[derive(Clone, Debug, PartialEq)]
pub struct Warning {
    pub code: &'static str,
    pub message: String,
    pub spans: Vec<Span>,
}

impl Warning {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Warning {
            code,
            message: message.into(),
            spans: Vec::new(),
        }
    }
}

/// One article and its annotation layers.
#[derive(Clone, Debug)]
pub struct Document {
    pub id: String,
    pub source: Source,
    pub title: Option<String>,
    /// ISO 8601 date or RFC 3339 date-time.
    pub published: Option<String>,
    pub authors: Vec<String>,
    /// The article's address on the web: the page's canonical link or
    /// `og:url`, a JSONL `url`, or a WARC target URI.
    pub url: Option<String>,
    /// The outlet that published it (HTML metadata, the feed, a JSONL
    /// `publisher`); the JSON falls back to the URL's host.
    pub publisher: Option<String>,
    /// ISO 639-1 code (639-3 where there is none), detected from the text.
    pub language: String,
    text: String,
    pub blocks: Vec<Block>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub times: Vec<TimeExpr>,
    pub quantities: Vec<Quantity>,
    pub events: Vec<Event>,
    pub warnings: Vec<Warning>,
}

impl Document {
    /// A document over `text`, which never changes afterwards. The id is
    /// derived from the text, so the same article always gets the same id.
    pub fn new(text: String, source: Source) -> Self {
        let id = content_id(&text);
        Document {
            id,
            source,
            title: None,
            published: None,
            authors: Vec::new(),
            url: None,
            publisher: None,
            language: "en".to_string(),
            text,
            blocks: Vec::new(),
            sentences: Vec::new(),
            tokens: Vec::new(),
            mentions: Vec::new(),
            entities: Vec::new(),
            quotes: Vec::new(),
            times: Vec::new(),
            quantities: Vec::new(),
            events: Vec::new(),
            warnings: Vec::new(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// A document over the same text and metadata with only `blocks` and
    /// no layers, for analysing a long document a section at a time. The
    /// text moves into the section; `take_text_back` returns it.
    pub fn section(&mut self, blocks: Vec<Block>) -> Document {
        let mut part = Document::new(String::new(), self.source.clone());
        part.text = std::mem::take(&mut self.text);
        part.id.clone_from(&self.id);
        part.title.clone_from(&self.title);
        part.published.clone_from(&self.published);
        part.url.clone_from(&self.url);
        part.language.clone_from(&self.language);
        part.blocks = blocks;
        part
    }

    /// Takes back the text that `section` lent to `part`.
    pub fn take_text_back(&mut self, part: &mut Document) {
        self.text = std::mem::take(&mut part.text);
    }

    pub fn span_text(&self, span: Span) -> &str {
        span.of(&self.text)
    }

    pub fn warn(&mut self, warning: Warning) {
        self.warnings.push(warning);
    }
}

/// Hex digest of the text (xxh3, 128 bits): stable across runs and versions.
pub fn content_id(text: &str) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(text.as_bytes()))
}
