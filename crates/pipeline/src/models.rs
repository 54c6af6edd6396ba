//! The trained models, embedded in the binary so `dossier` is one file with
//! no downloads. Each is decoded once per process, on first use.

use std::sync::OnceLock;

use dossier_nlp::clusters::Clusters;
use dossier_nlp::model_file::ModelError;
use dossier_nlp::parser::Parser;
use dossier_nlp::tagger::Tagger;

static CLUSTERS: &[u8] = include_bytes!("../../../models/clusters.bin");
static TAGGER: &[u8] = include_bytes!("../../../models/tagger.bin");
static PARSER: &[u8] = include_bytes!("../../../models/parser.bin");

/// Tagger and parser with the word clusters they read.
pub struct Syntax {
    pub clusters: Clusters,
    pub tagger: Tagger,
    pub parser: Parser,
}

/// The shipped syntax models (decoded on first call).
pub fn syntax() -> Result<&'static Syntax, ModelError> {
    static SYNTAX: OnceLock<Result<Syntax, ModelError>> = OnceLock::new();
    SYNTAX
        .get_or_init(|| {
            Ok(Syntax {
                clusters: Clusters::from_bytes(CLUSTERS)?,
                tagger: Tagger::from_bytes(TAGGER)?,
                parser: Parser::from_bytes(PARSER)?,
            })
        })
        .as_ref()
        .map_err(Clone::clone)
}
