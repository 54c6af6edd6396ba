//! The stages as declared components: each names what it requires, what it
//! assigns, and what it reads when an earlier component happened to build it.
//! A [`Pipeline`](crate::Pipeline) is the components the asked-for layers
//! need, in declaration order.

use dossier_core::Document;
use dossier_extract::cue_classes::QuoteMode;

use crate::{models, Layers, Scratch, Stage};

/// What a component builds: a layer of the document, or (`Lexes`, `Tags`)
/// per-token values in the per-thread scratch that the next ones read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Product {
    Tokens,
    Sentences,
    /// Each token's lexical features (scratch).
    Lexes,
    /// The NER's mentions and their first grouping into entities.
    Names,
    /// Each token's part-of-speech tag (also in the scratch for the parser).
    Tags,
    /// Each token's head and dependency label.
    Parse,
    /// Entities after resolution (countries, acronyms, name variants).
    Entities,
    Times,
    Quantities,
    Quotes,
    Events,
    /// What each figure measures, and the conflicting figures' warnings.
    Measures,
    /// Times and quantities listed as mentions too.
    NumericMentions,
}

/// What a component's `run` works with.
pub struct Context<'a> {
    pub doc: &'a mut Document,
    pub scratch: &'a mut Scratch,
    pub models: &'a Models,
    pub quote_mode: QuoteMode,
}

/// The models the selected components load, once per process.
#[derive(Default)]
pub struct Models {
    pub syntax: Option<&'static models::Syntax>,
    pub names: Option<&'static models::Names>,
    pub events: Option<&'static dossier_extract::events::EventLexicon>,
}

impl Models {
    fn syntax(&self) -> &'static models::Syntax {
        self.syntax
            .expect("the pipeline loads the syntax models it runs")
    }

    fn names(&self) -> &'static models::Names {
        self.names
            .expect("the pipeline loads the name models it runs")
    }

    fn events(&self) -> &'static dossier_extract::events::EventLexicon {
        self.events
            .expect("the pipeline loads the event lexicon it runs")
    }
}

/// One stage of the analysis.
pub struct Component {
    pub name: &'static str,
    /// Built before it runs: selecting it selects their builders.
    pub requires: &'static [Product],
    /// Read if an earlier component built them; never selected for it.
    pub uses: &'static [Product],
    pub assigns: &'static [Product],
    /// Only segmentation runs on a text that is not English: the models
    /// and recognisers are English.
    pub any_language: bool,
    /// Where `--profile` counts its time.
    pub stage: Stage,
    pub run: fn(&mut Context<'_>),
}

use Product::*;

/// Every component, in the order they run.
pub static COMPONENTS: &[Component] = &[
    Component {
        name: "segment",
        requires: &[],
        uses: &[],
        assigns: &[Tokens, Sentences],
        any_language: true,
        stage: Stage::TokensSentences,
        run: |c| crate::segment(c.doc, c.scratch),
    },
    Component {
        name: "lexical",
        requires: &[Tokens],
        uses: &[],
        assigns: &[Lexes],
        any_language: false,
        stage: Stage::TokensSentences,
        run: lexical,
    },
    // Names come before the parse (the NER reads no tags), so that a word
    // inside a person's or organization's name can be a proper noun.
    Component {
        name: "ner",
        requires: &[Lexes, Sentences],
        uses: &[],
        assigns: &[Names],
        any_language: false,
        stage: Stage::Ner,
        run: |c| {
            crate::entities::recognise(
                c.doc,
                c.models.names(),
                &c.scratch.lexes,
                &mut c.scratch.ner,
            )
        },
    },
    Component {
        name: "tagger",
        requires: &[Lexes, Sentences],
        uses: &[Names],
        assigns: &[Tags],
        any_language: false,
        stage: Stage::Tagger,
        run: |c| crate::tag(c.doc, c.models.syntax(), c.scratch),
    },
    Component {
        name: "parser",
        requires: &[Tags],
        uses: &[],
        assigns: &[Parse],
        any_language: false,
        stage: Stage::Parser,
        run: |c| crate::parse(c.doc, c.models.syntax(), c.scratch),
    },
    Component {
        name: "resolve",
        requires: &[Names],
        uses: &[Parse],
        assigns: &[Entities],
        any_language: false,
        stage: Stage::Resolve,
        run: |c| crate::resolve::resolve(c.doc, models::countries()),
    },
    Component {
        name: "times",
        // The tags tell the tense a bare weekday or month is read in, and
        // the parse which verb a date hangs from.
        requires: &[Tokens, Sentences, Tags, Parse],
        uses: &[],
        assigns: &[Times],
        any_language: false,
        stage: Stage::Times,
        run: |c| dossier_extract::times::recognise(c.doc),
    },
    Component {
        name: "quantities",
        requires: &[Tokens, Sentences],
        uses: &[Tags],
        assigns: &[Quantities],
        any_language: false,
        stage: Stage::Quantities,
        run: |c| dossier_extract::quantities::recognise(c.doc),
    },
    Component {
        name: "quotes",
        requires: &[Parse, Entities],
        uses: &[],
        assigns: &[Quotes],
        any_language: false,
        stage: Stage::Quotes,
        run: |c| dossier_extract::quotes::recognise(c.doc, models::cues(), c.quote_mode),
    },
    // Events link to times, quantities and quotes, so they need all three.
    Component {
        name: "events",
        requires: &[Parse, Entities, Times, Quantities, Quotes],
        uses: &[],
        assigns: &[Events],
        any_language: false,
        stage: Stage::Events,
        run: |c| dossier_extract::events::recognise(c.doc, c.models.events()),
    },
    Component {
        name: "conflicts",
        requires: &[Quantities],
        uses: &[Parse, Entities, Events],
        assigns: &[Measures],
        any_language: false,
        stage: Stage::Conflicts,
        run: |c| {
            dossier_extract::conflicts::describe(c.doc);
            dossier_extract::conflicts::flag(c.doc);
        },
    },
    Component {
        name: "numeric mentions",
        requires: &[Entities],
        uses: &[Times, Quantities],
        assigns: &[NumericMentions],
        any_language: false,
        stage: Stage::NumericMentions,
        run: |c| crate::add_numeric_mentions(c.doc),
    },
];

/// Lexical features once per token, for the tagger, parser and NER.
fn lexical(c: &mut Context<'_>) {
    let clusters = c
        .models
        .syntax
        .map(|s| s.clusters)
        .or(c.models.names.map(|n| n.clusters));
    let text = c.doc.text();
    c.scratch.lexes.clear();
    c.scratch.lexes.extend(
        c.doc
            .tokens
            .iter()
            .map(|t| dossier_nlp::lexical::lex(t.span.of(text), clusters)),
    );
}

/// What the asked-for layers show, as products.
fn wanted(layers: Layers) -> Vec<Product> {
    let mut out = Vec::new();
    let mut want = |on: bool, products: &[Product]| {
        if on {
            out.extend_from_slice(products);
        }
    };
    want(layers.sentences, &[Sentences]);
    // The tokens layer shows each token's tag and head.
    want(layers.tokens, &[Tokens, Parse]);
    want(layers.entities, &[Entities]);
    want(layers.quotes, &[Quotes]);
    want(layers.times, &[Times]);
    want(layers.quantities, &[Quantities, Measures]);
    want(layers.events, &[Events]);
    want(
        layers.entities && (layers.times || layers.quantities),
        &[NumericMentions],
    );
    out
}

/// The components that build what `layers` show, with everything they
/// require, in declaration order.
pub fn select(layers: Layers) -> Vec<&'static Component> {
    let mut needed = wanted(layers);
    let mut chosen = vec![false; COMPONENTS.len()];
    while let Some(product) = needed.pop() {
        let i = COMPONENTS
            .iter()
            .position(|c| c.assigns.contains(&product))
            .expect("every product has a component that assigns it");
        if !chosen[i] {
            chosen[i] = true;
            needed.extend_from_slice(COMPONENTS[i].requires);
        }
    }
    COMPONENTS
        .iter()
        .zip(chosen)
        .filter_map(|(c, on)| on.then_some(c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_product_is_built_by_one_component_before_it_is_read() {
        for (i, c) in COMPONENTS.iter().enumerate() {
            for p in c.requires.iter().chain(c.uses) {
                let by: Vec<usize> = (0..COMPONENTS.len())
                    .filter(|&j| COMPONENTS[j].assigns.contains(p))
                    .collect();
                assert_eq!(by.len(), 1, "{p:?} is assigned once");
                assert!(by[0] < i, "{} reads {p:?} built after it", c.name);
            }
        }
    }

    fn names(layers: &str) -> Vec<&'static str> {
        select(Layers::parse(layers).unwrap())
            .iter()
            .map(|c| c.name)
            .collect()
    }

    #[test]
    fn a_layer_selects_what_it_requires_and_no_more() {
        assert_eq!(names("text"), Vec::<&str>::new());
        assert_eq!(names("sentences"), ["segment"]);
        assert_eq!(
            names("times"),
            ["segment", "lexical", "tagger", "parser", "times"],
            "times read the tense from the tags, and a date's verb from the parse"
        );
        assert_eq!(
            names("tokens"),
            ["segment", "lexical", "tagger", "parser"],
            "tokens show tags and heads, without names"
        );
        assert_eq!(names("entities"), ["segment", "lexical", "ner", "resolve"]);
        assert_eq!(
            names("entities,quantities"),
            [
                "segment",
                "lexical",
                "ner",
                "resolve",
                "quantities",
                "conflicts",
                "numeric mentions"
            ]
        );
        assert_eq!(
            names("events"),
            [
                "segment",
                "lexical",
                "ner",
                "tagger",
                "parser",
                "resolve",
                "times",
                "quantities",
                "quotes",
                "events"
            ]
        );
        assert_eq!(names("all").len(), COMPONENTS.len());
    }
}
