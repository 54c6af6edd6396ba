//! The analysis pipeline: which layers to build, and the stages that build
//! them over a [`Document`] whose text and blocks the readers produced.

use dossier_core::{Document, Sentence, Span};

/// The layers `--layers` can name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layers {
    pub sentences: bool,
    pub tokens: bool,
    pub entities: bool,
    pub quotes: bool,
    pub times: bool,
    pub quantities: bool,
    pub events: bool,
}

impl Layers {
    pub const NAMES: &'static [&'static str] = &["text", "sentences", "tokens", "entities", "quotes", "times", "quantities", "events"];

    /// Everything but tokens (the default of `extract`).
    pub const fn default_set() -> Self {
        Layers { sentences: true, tokens: false, entities: true, quotes: true, times: true, quantities: true, events: true }
    }

    pub const fn none() -> Self {
        Layers { sentences: false, tokens: false, entities: false, quotes: false, times: false, quantities: false, events: false }
    }

    /// Parses a comma list such as `text,sentences`. `text` alone runs no NLP.
    pub fn parse(list: &str) -> Result<Self, String> {
        let mut l = Layers::none();
        for name in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            match name {
                "text" => {}
                "sentences" => l.sentences = true,
                "tokens" => l.tokens = true,
                "entities" => l.entities = true,
                "quotes" => l.quotes = true,
                "times" => l.times = true,
                "quantities" => l.quantities = true,
                "events" => l.events = true,
                "all" => l = Layers { tokens: true, ..Layers::default_set() },
                other => return Err(format!("unknown layer `{other}` (expected a comma list of {})", Layers::NAMES.join(", "))),
            }
        }
        Ok(l)
    }

    /// Whether any stage needs tokens and sentences.
    pub fn needs_tokens(&self) -> bool {
        self.sentences || self.tokens || self.entities || self.quotes || self.times || self.quantities || self.events
    }
}

/// Runs the stages. Holds what is loaded once per process (models, later),
/// and is shared by every worker thread.
#[derive(Debug, Default)]
pub struct Pipeline {}

/// Reusable per-thread scratch buffers, so the hot path does not allocate
/// per token.
#[derive(Default)]
pub struct Scratch {
    tokens: Vec<Span>,
    sentences: Vec<(Span, usize, usize)>,
}

impl Pipeline {
    pub fn new() -> Self {
        Pipeline {}
    }

    pub fn run(&self, doc: &mut Document, layers: Layers, scratch: &mut Scratch) {
        if !layers.needs_tokens() {
            return;
        }
        segment(doc, scratch);
        if !layers.sentences {
            doc.sentences.clear();
        }
    }
}

/// Tokens and sentences, block by block: no sentence crosses a block.
fn segment(doc: &mut Document, scratch: &mut Scratch) {
    scratch.tokens.clear();
    scratch.sentences.clear();
    let text = doc.text();
    let mut sentences = Vec::new();
    for (bi, block) in doc.blocks.iter().enumerate() {
        let first = scratch.tokens.len();
        dossier_nlp::tokenize(text, block.span, &mut scratch.tokens);
        let before = scratch.sentences.len();
        dossier_nlp::split_sentences(text, &scratch.tokens, first, &mut scratch.sentences);
        for &(span, a, b) in &scratch.sentences[before..] {
            sentences.push(Sentence { span, block: bi, tokens: (a, b) });
        }
    }
    doc.tokens = scratch.tokens.iter().map(|&s| dossier_core::Token::new(s)).collect();
    doc.sentences = sentences;
}
