//! The analysis pipeline: which layers to build, and the stages that build
//! them over a [`Document`] whose text and blocks the readers produced.

mod appositions;
pub mod components;
mod entities;
pub mod job;
pub mod models;
pub mod resolve;
pub mod runner;
pub mod sections;

use components::{Component, Context, Models, Product};
use dossier_core::{BlockId, IdVec, MentionId, Renumber};
use dossier_core::{Dep, Document, Sentence, Span, Upos, Xpos};
pub use dossier_extract::cue_classes::QuoteMode;
use dossier_nlp::parser::ParseScratch;
use dossier_nlp::tagger::TagScratch;

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
    /// Which quotes the quotes layer keeps: speech only, or every attribution.
    pub quote_mode: QuoteMode,
}

impl Layers {
    pub const NAMES: &'static [&'static str] = &[
        "text",
        "sentences",
        "tokens",
        "entities",
        "quotes",
        "times",
        "quantities",
        "events",
    ];

    /// Everything but tokens (the default of `extract`).
    pub const fn default_set() -> Self {
        Layers {
            sentences: true,
            tokens: false,
            entities: true,
            quotes: true,
            times: true,
            quantities: true,
            events: true,
            quote_mode: QuoteMode::Speech,
        }
    }

    pub const fn none() -> Self {
        Layers {
            sentences: false,
            tokens: false,
            entities: false,
            quotes: false,
            times: false,
            quantities: false,
            events: false,
            quote_mode: QuoteMode::Speech,
        }
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
                "all" => {
                    l = Layers {
                        tokens: true,
                        ..Layers::default_set()
                    }
                }
                other => {
                    return Err(format!(
                        "unknown layer `{other}` (expected a comma list of {})",
                        Layers::NAMES.join(", ")
                    ))
                }
            }
        }
        Ok(l)
    }
}

/// The components that build the asked-for layers, and the models they
/// load once per process; shared by every worker thread.
pub struct Pipeline {
    layers: Layers,
    components: Vec<&'static Component>,
    models: Models,
}

/// The stages a profile reports, in pipeline order. `Read` and `Json` are
/// the caller's (decoding the input, writing the output).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Read,
    TokensSentences,
    Tagger,
    Parser,
    Ner,
    Resolve,
    Times,
    Quantities,
    Quotes,
    Events,
    Conflicts,
    NumericMentions,
    Json,
}

impl Stage {
    pub const ALL: [Stage; 13] = [
        Stage::Read,
        Stage::TokensSentences,
        Stage::Tagger,
        Stage::Parser,
        Stage::Ner,
        Stage::Resolve,
        Stage::Times,
        Stage::Quantities,
        Stage::Quotes,
        Stage::Events,
        Stage::Conflicts,
        Stage::NumericMentions,
        Stage::Json,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Stage::Read => "read",
            Stage::TokensSentences => "tokens+sentences",
            Stage::Tagger => "tagger",
            Stage::Parser => "parser",
            Stage::Ner => "ner",
            Stage::Resolve => "resolve",
            Stage::Times => "times",
            Stage::Quantities => "quantities",
            Stage::Quotes => "quotes",
            Stage::Events => "events",
            Stage::Conflicts => "conflicts",
            Stage::NumericMentions => "numeric mentions",
            Stage::Json => "json",
        }
    }
}

/// Seconds spent in each [`Stage`], summed over documents.
#[derive(Clone, Copy, Default, Debug)]
pub struct StageTimes(pub [f64; Stage::ALL.len()]);

impl StageTimes {
    pub fn add(&mut self, other: &StageTimes) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a += b;
        }
    }

    /// Adds the time since `*since` to `stage` and restarts the clock.
    pub fn lap(&mut self, stage: Stage, since: &mut std::time::Instant) {
        let now = std::time::Instant::now();
        self.0[stage as usize] += (now - *since).as_secs_f64();
        *since = now;
    }
}

/// Reusable per-thread scratch buffers, so the hot path does not allocate
/// per token.
#[derive(Default)]
pub struct Scratch {
    /// `run` adds each stage's time here (`extract --profile` reads it).
    pub times: StageTimes,
    tokens: Vec<Span>,
    sentences: Vec<(Span, usize, usize)>,
    /// Lexical features of every token, computed once for the tagger,
    /// parser and NER (they share the word clusters).
    lexes: Vec<dossier_nlp::lexical::Lex>,
    tags: Vec<u16>,
    arcs: Vec<(Option<usize>, Dep)>,
    tag: TagScratch,
    parse: ParseScratch,
    /// The tags of every word of the text, and its sentences' token ranges.
    doc_tags: Vec<u16>,
    bounds: Vec<(usize, usize)>,
    ner: dossier_nlp::ner::NerScratch,
}

impl Pipeline {
    /// Selects the components the given layers need and loads their models.
    pub fn new(layers: Layers) -> Result<Self, dossier_nlp::model_file::ModelError> {
        let components = components::select(layers);
        let builds = |p: Product| components.iter().any(|c| c.assigns.contains(&p));
        let models = Models {
            syntax: if builds(Product::Tags) || builds(Product::Parse) {
                Some(models::syntax()?)
            } else {
                None
            },
            names: if builds(Product::Names) {
                Some(models::names()?)
            } else {
                None
            },
            events: if builds(Product::Events) {
                Some(models::event_verbs()?)
            } else {
                None
            },
        };
        Ok(Pipeline {
            layers,
            components,
            models,
        })
    }

    /// The layers it builds.
    pub fn layers(&self) -> Layers {
        self.layers
    }

    /// Its components, in the order they run.
    pub fn components(&self) -> &[&'static Component] {
        &self.components
    }

    pub fn run(&self, doc: &mut Document, scratch: &mut Scratch) {
        self.run_in_sections(doc, scratch, sections::SECTION_BYTES);
    }

    /// Analyses a document of more than `section_bytes` of text a section of
    /// blocks at a time (see [`sections`]); a shorter one whole.
    pub fn run_in_sections(&self, doc: &mut Document, scratch: &mut Scratch, section_bytes: usize) {
        if self.components.is_empty() {
            return;
        }
        if doc.text().len() <= section_bytes {
            return self.run_whole(doc, scratch);
        }
        let blocks = std::mem::take(&mut doc.blocks);
        for section in sections::plan(doc.text(), &blocks, section_bytes) {
            let (pieces, block_of): (Vec<_>, Vec<_>) = section.into_iter().unzip();
            let mut part = doc.section(pieces);
            self.run_whole(&mut part, scratch);
            doc.take_text_back(&mut part);
            if !self.layers.tokens {
                // Only the tokens layer shows them; the sentences then point at
                // none, as when tokens were never built.
                part.tokens = Vec::new();
                part.sentences.iter_mut().for_each(|s| s.tokens = (0, 0));
            }
            sections::absorb(doc, part, &block_of.into());
        }
        doc.blocks = blocks;
        sections::merge_entities(doc);
    }

    fn run_whole(&self, doc: &mut Document, scratch: &mut Scratch) {
        // A clock read per stage costs nothing next to the stages, so
        // timing is always on; `extract --profile` reports it.
        let mut times = std::mem::take(&mut scratch.times);
        let mut clock = std::time::Instant::now();
        // The models and recognisers are English: another language keeps its
        // text, blocks and sentences, and the reader's `not_english` warning.
        let english = doc.language == "en";
        let mut context = Context {
            doc,
            scratch,
            models: &self.models,
            quote_mode: self.layers.quote_mode,
        };
        for component in &self.components {
            if english || component.any_language {
                (component.run)(&mut context);
                times.lap(component.stage, &mut clock);
            }
        }
        scratch.times = times;
        // Events point at their sentence, so they keep the sentences.
        let keep_sentences = self.layers.sentences || (self.layers.events && english);
        if !keep_sentences {
            doc.sentences.clear();
        }
    }
}

/// Times and quantities are mentions too, with OntoNotes' numeric types;
/// names win where they overlap, and mentions stay in text order.
fn add_numeric_mentions(doc: &mut Document) {
    use dossier_core::{EntityType, Mention, MentionKind, QuantityKind, TimeType};
    let mut extra: Vec<Mention> = Vec::new();
    for t in &doc.times {
        if doc.mentions.iter().any(|m| m.span.overlaps(t.span)) {
            continue;
        }
        let ty = if t.ty == TimeType::Time {
            EntityType::Time
        } else {
            EntityType::Date
        };
        extra.push(Mention {
            span: t.span,
            ty,
            kind: MentionKind::Name,
            entity: None,
        });
    }
    for q in &doc.quantities {
        if extra.iter().any(|m| m.span.overlaps(q.span)) {
            continue;
        }
        if doc.mentions.iter().any(|m| m.span.overlaps(q.span)) {
            continue;
        }
        let ty = match q.kind {
            QuantityKind::Money => EntityType::Money,
            QuantityKind::Percent => EntityType::Percent,
            QuantityKind::Ordinal => EntityType::Ordinal,
            // An age ("Begum, 19,"): OntoNotes types ages DATE.
            QuantityKind::Measure if q.unit.as_deref() == Some("years") => EntityType::Date,
            QuantityKind::Measure => EntityType::Quantity,
            QuantityKind::Count => EntityType::Cardinal,
        };
        extra.push(Mention {
            span: q.span,
            ty,
            kind: MentionKind::Name,
            entity: None,
        });
    }
    if extra.is_empty() {
        return;
    }
    // Merge by start offset and renumber the entities' mention indices.
    let mut all: Vec<(Mention, Option<usize>)> = doc
        .mentions
        .drain(..)
        .enumerate()
        .map(|(i, m)| (m, Some(i)))
        .collect();
    all.extend(extra.into_iter().map(|m| (m, None)));
    all.sort_by_key(|(m, _)| m.span.start);
    let mut new_index: Renumber<MentionId> = IdVec::filled(MentionId::new(0), all.len());
    for (new, (_, old)) in all.iter().enumerate() {
        if let Some(old) = old {
            new_index[MentionId::new(*old)] = MentionId::new(new);
        }
    }
    for e in &mut doc.entities {
        for m in &mut e.mentions {
            *m = new_index[*m];
        }
    }
    doc.mentions = all.into_iter().map(|(m, _)| m).collect();
}

/// Tags every sentence; a capitalised word inside a person's or
/// organization's name is a proper noun, whatever the tagger said. The tags
/// stay in the scratch for the parser.
fn tag(doc: &mut Document, syntax: &models::Syntax, scratch: &mut Scratch) {
    let tokens = &doc.tokens;
    scratch.doc_tags.clear();
    scratch.doc_tags.resize(tokens.len(), 0);
    scratch.bounds.clear();
    for s in &doc.sentences {
        let (a, b) = s.tokens;
        if a == b {
            continue;
        }
        syntax
            .tagger
            .tag_lexes(&scratch.lexes[a..b], &mut scratch.tags, &mut scratch.tag);
        scratch.doc_tags[a..b].copy_from_slice(&scratch.tags);
        scratch.bounds.push((a, b));
    }
    if let Some(proper) = syntax.tagger.class_index((Upos::Propn, Xpos::Nnp)) {
        for m in doc.mentions.iter().filter(|m| {
            matches!(
                m.ty,
                dossier_core::EntityType::Person | dossier_core::EntityType::Org
            )
        }) {
            let first = tokens.partition_point(|t| t.span.end <= m.span.start);
            for i in (first..tokens.len()).take_while(|&i| tokens[i].span.end <= m.span.end) {
                if syntax.tagger.class(scratch.doc_tags[i] as usize).0 != Upos::Propn
                    && doc.text()[tokens[i].span.start..].starts_with(char::is_uppercase)
                {
                    scratch.doc_tags[i] = proper;
                }
            }
        }
    }
    for &(a, b) in &scratch.bounds {
        for (i, t) in doc.tokens[a..b].iter_mut().enumerate() {
            let (upos, xpos) = syntax.tagger.class(scratch.doc_tags[a + i] as usize);
            t.pos = Some(upos);
            t.tag = Some(xpos);
        }
    }
}

/// Parses the tagged sentences all together (the parser shares its passes
/// over the weights across a text's sentences); heads become document
/// token indices.
fn parse(doc: &mut Document, syntax: &models::Syntax, scratch: &mut Scratch) {
    syntax.parser.parse_batch(
        &scratch.lexes[..doc.tokens.len()],
        &scratch.doc_tags,
        &scratch.bounds,
        &mut scratch.arcs,
        &mut scratch.parse,
    );
    for &(a, b) in &scratch.bounds {
        for (i, t) in doc.tokens[a..b].iter_mut().enumerate() {
            let (head, dep) = scratch.arcs[a + i];
            t.head = head.map(|h| a + h);
            t.dep = Some(dep);
        }
    }
    appositions::rehang_subjects(doc);
}

/// Longest sentence, in tokens: a run of text with no sentence end (a
/// table, a list, a page without punctuation) is cut into pieces of this
/// size, so that the parse and the recognisers see bounded sentences.
pub const MAX_SENTENCE_TOKENS: usize = 400;

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
            if b - a <= MAX_SENTENCE_TOKENS {
                sentences.push(Sentence {
                    span,
                    block: BlockId::new(bi),
                    tokens: (a, b),
                });
                continue;
            }
            for start in (a..b).step_by(MAX_SENTENCE_TOKENS) {
                let end = (start + MAX_SENTENCE_TOKENS).min(b);
                let span = Span::new(scratch.tokens[start].start, scratch.tokens[end - 1].end);
                sentences.push(Sentence {
                    span,
                    block: BlockId::new(bi),
                    tokens: (start, end),
                });
            }
        }
    }
    doc.tokens = scratch
        .tokens
        .iter()
        .map(|&s| dossier_core::Token::new(s))
        .collect();
    doc.sentences = sentences;
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_core::ById;

    /// The example four times over, analysed in sections of about one copy:
    /// every copy gets the same layers, and one person stays one entity.
    #[test]
    fn a_long_document_in_sections_keeps_its_layers_and_links() {
        let example = include_str!("../../../examples/nato-summit-2024.txt");
        let analyse = |text: String, section_bytes: usize| {
            let source = dossier_core::Source {
                uri: None,
                format: dossier_core::SourceFormat::Text,
                record: None,
            };
            let mut doc = dossier_core::Document::new(text, source);
            doc.published = Some("2024-07-10".into());
            let mut start = 0;
            for line in doc.text().to_string().split_inclusive('\n') {
                let end = start + line.trim_end().len();
                if end > start {
                    doc.blocks.push(dossier_core::Block {
                        span: Span::new(start, end),
                        kind: dossier_core::BlockKind::Paragraph,
                    });
                }
                start += line.len();
            }
            let layers = Layers {
                tokens: true,
                ..Layers::default_set()
            };
            Pipeline::new(layers).unwrap().run_in_sections(
                &mut doc,
                &mut Scratch::default(),
                section_bytes,
            );
            doc
        };
        let one = analyse(example.to_string(), usize::MAX);
        let four = analyse(format!("{example}\n").repeat(4), example.len() / 2);
        assert_eq!(four.blocks.len(), 4 * one.blocks.len());
        assert_eq!(four.sentences.len(), 4 * one.sentences.len());
        assert_eq!(four.tokens.len(), 4 * one.tokens.len());
        // The NER's second stage weighs evidence from its whole text, here a
        // half copy: a few names may differ, not many.
        assert!(
            four.mentions.len() * 100 >= 4 * one.mentions.len() * 97,
            "{} mentions against {}",
            four.mentions.len(),
            one.mentions.len()
        );
        assert!(
            four.events.len() >= 3 * one.events.len(),
            "{} events against {}",
            four.events.len(),
            one.events.len()
        );
        let persons = |d: &dossier_core::Document| {
            d.entities
                .iter()
                .filter(|e| e.ty == dossier_core::EntityType::Person && e.name.contains("Biden"))
                .count()
        };
        assert_eq!(
            persons(&four),
            persons(&one),
            "one Biden entity, however many sections"
        );
        for (i, m) in four.mentions.with_ids() {
            if let Some(e) = m.entity {
                assert!(
                    four.entities[e].mentions.contains(&i),
                    "mention {i} and its entity agree"
                );
            }
        }
        for e in &four.events {
            assert!(
                four.sentences[e.sentence].span.contains(e.trigger),
                "an event points at its own sentence"
            );
            assert!(e
                .source
                .iter()
                .chain(&e.target)
                .all(|&a| a.index() < four.entities.len()));
            assert!(e
                .quote
                .is_none_or(|q| four.quotes[q].span.contains(e.trigger)));
        }
        for t in &four.tokens {
            assert!(t.head.is_none_or(|h| h < four.tokens.len()));
        }
    }

    #[test]
    fn stage_list_follows_the_declaration_order() {
        for (i, stage) in Stage::ALL.iter().enumerate() {
            assert_eq!(*stage as usize, i, "{}", stage.name());
        }
    }
}
