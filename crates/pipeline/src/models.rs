//! The trained models, embedded in the binary so `dossier` is one file with
//! no downloads. Each is decoded once per process, on first use.

use std::sync::OnceLock;

use dossier_nlp::clusters::Clusters;
use dossier_nlp::gazetteer::Gazetteer;
use dossier_nlp::model_file::ModelError;
use dossier_nlp::ner::Ner;
use dossier_nlp::parser::Parser;
use dossier_nlp::tagger::Tagger;

static CLUSTERS: &[u8] = include_bytes!("../../../models/clusters.bin");
static TAGGER: &[u8] = include_bytes!("../../../models/tagger.bin");
static PARSER: &[u8] = include_bytes!("../../../models/parser.bin");
static NER: &[u8] = include_bytes!("../../../models/ner.bin");
static GAZETTEER: &str = include_str!("../../../models/gazetteer.tsv");
static EVENT_VERBS: &str = include_str!("../../../models/event-verbs.tsv");
static EVENT_AGENTS: &str = include_str!("../../../models/event-agents.tsv");
static EVENT_TRIGGER_LIFT: &str = include_str!("../../../models/event-trigger-lift.tsv");
static EVENT_TRIGGERS: &str = include_str!("../../../models/event-triggers.tsv");
static EVENT_JUDGE: &str = include_str!("../../../models/event-judge.tsv");
static CUES: &str = include_str!("../../../models/cues.tsv");

fn clusters() -> Result<&'static Clusters, ModelError> {
    static CELL: OnceLock<Result<Clusters, ModelError>> = OnceLock::new();
    CELL.get_or_init(|| Clusters::from_bytes(CLUSTERS))
        .as_ref()
        .map_err(Clone::clone)
}

/// Tagger and parser with the word clusters they read.
pub struct Syntax {
    pub clusters: &'static Clusters,
    pub tagger: Tagger,
    pub parser: Parser,
}

/// The named-entity recogniser with its clusters and gazetteer.
pub struct Names {
    pub clusters: &'static Clusters,
    pub gazetteer: Gazetteer,
    pub ner: Ner,
}

/// The shipped NER model and gazetteer (decoded on first call), or those
/// the files `DOSSIER_NER_FILE` and `DOSSIER_GAZETTEER_FILE` name, to
/// compare models unbuilt.
pub fn names() -> Result<&'static Names, ModelError> {
    static NAMES: OnceLock<Result<Names, ModelError>> = OnceLock::new();
    NAMES
        .get_or_init(|| {
            let gazetteer = model_file(GAZETTEER.as_bytes(), "DOSSIER_GAZETTEER_FILE")?;
            Ok(Names {
                clusters: clusters()?,
                gazetteer: Gazetteer::from_tsv(&String::from_utf8_lossy(&gazetteer)),
                ner: Ner::from_bytes(&model_file(NER, "DOSSIER_NER_FILE")?)?,
            })
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// The shipped model, or the one read from the file `file` names; a file
/// that cannot be read is an error, as in [`model_table`].
fn model_file(
    shipped: &'static [u8],
    file: &'static str,
) -> Result<std::borrow::Cow<'static, [u8]>, ModelError> {
    let Some(path) = std::env::var_os(file) else {
        return Ok(shipped.into());
    };
    std::fs::read(&path)
        .map(Into::into)
        .map_err(|e| ModelError::Setting {
            var: file,
            reason: format!("cannot read {}: {e}", std::path::Path::new(&path).display()),
        })
}

/// The shipped syntax models (decoded on first call).
pub fn syntax() -> Result<&'static Syntax, ModelError> {
    static SYNTAX: OnceLock<Result<Syntax, ModelError>> = OnceLock::new();
    SYNTAX
        .get_or_init(|| {
            Ok(Syntax {
                clusters: clusters()?,
                tagger: Tagger::from_bytes(TAGGER)?,
                parser: Parser::from_bytes(PARSER)?,
            })
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// The reporting-cue lexicon (read on first call).
pub fn cues() -> &'static dossier_extract::quotes::CueLexicon {
    static CELL: OnceLock<dossier_extract::quotes::CueLexicon> = OnceLock::new();
    CELL.get_or_init(|| dossier_extract::quotes::CueLexicon::from_tsv(CUES))
}

/// The country knowledge base (`dossier_extract::countries`, read on first call).
pub use dossier_extract::countries::countries;

/// A threshold from the environment, to choose one on the tune split; a
/// value that is no number is an error, never silently the shipped one.
fn env_threshold(var: &'static str) -> Result<Option<f64>, ModelError> {
    let Ok(value) = std::env::var(var) else {
        return Ok(None);
    };
    value
        .trim()
        .parse()
        .map(Some)
        .map_err(|_| ModelError::Setting {
            var,
            reason: format!("{value:?} is not a number"),
        })
}

/// A classifier's table: none under `off` (to train it on what it will
/// judge), one read from the file `file` names (to compare models unbuilt),
/// else the shipped one. A file that cannot be read is an error: a run that
/// quietly used the shipped table would compare a model with itself.
fn model_table(
    shipped: &'static str,
    off: &str,
    file: &'static str,
) -> Result<std::borrow::Cow<'static, str>, ModelError> {
    if std::env::var_os(off).is_some() {
        return Ok("".into());
    }
    match model_file(shipped.as_bytes(), file)? {
        std::borrow::Cow::Borrowed(_) => Ok(shipped.into()),
        std::borrow::Cow::Owned(bytes) => {
            String::from_utf8(bytes)
                .map(Into::into)
                .map_err(|e| ModelError::Setting {
                    var: file,
                    reason: format!("not UTF-8 text: {e}"),
                })
        }
    }
}

/// The event verb patterns and the classifiers over them (read on first call).
pub fn event_verbs() -> Result<&'static dossier_extract::events::EventLexicon, ModelError> {
    static CELL: OnceLock<Result<dossier_extract::events::EventLexicon, ModelError>> =
        OnceLock::new();
    CELL.get_or_init(load_event_verbs)
        .as_ref()
        .map_err(Clone::clone)
}

fn load_event_verbs() -> Result<dossier_extract::events::EventLexicon, ModelError> {
    // DOSSIER_NO_TRIGGER_LIFT: every CAMEO default, for scripts/build-event-trigger-lift to count.
    let lift = model_table(
        EVENT_TRIGGER_LIFT,
        "DOSSIER_NO_TRIGGER_LIFT",
        "DOSSIER_EVENT_TRIGGER_LIFT_FILE",
    )?;
    let triggers = model_table(
        EVENT_TRIGGERS,
        "DOSSIER_NO_EVENT_TRIGGERS",
        "DOSSIER_EVENT_TRIGGERS_FILE",
    )?;
    let judge = model_table(
        EVENT_JUDGE,
        "DOSSIER_NO_EVENT_JUDGE",
        "DOSSIER_EVENT_JUDGE_FILE",
    )?;
    // DOSSIER_EVENT_VERBS_FILE: another verb lexicon, to compare builds of
    // scripts/build-event-verbs unbuilt.
    let verbs = model_table(
        EVENT_VERBS,
        "DOSSIER_NO_EVENT_VERBS",
        "DOSSIER_EVENT_VERBS_FILE",
    )?;
    Ok(dossier_extract::events::EventLexicon::from_tsv(&verbs)
        .with_agents(EVENT_AGENTS)
        .with_trigger_lift(&lift)
        .with_trigger_model(&triggers, env_threshold("DOSSIER_EVENT_TRIGGER_THRESHOLD")?)
        .with_judge_model(&judge, env_threshold("DOSSIER_EVENT_JUDGE_THRESHOLD")?))
}

#[cfg(test)]
mod tests {
    /// An institution filed under a people's sector is an organisation; its people are a group.
    #[test]
    fn institutions_among_the_agents_are_organisations() {
        let type_of = |noun: &str| {
            super::EVENT_AGENTS
                .lines()
                .find_map(|l| l.strip_prefix(&format!("{noun}\t")))
                .and_then(|rest| rest.split('\t').nth(1))
        };
        assert_eq!(type_of("hospital"), Some("ORG"));
        assert_eq!(type_of("school"), Some("ORG"));
        assert_eq!(type_of("doctor"), Some("NORP"));
        assert_eq!(type_of("protester"), Some("NORP"));
    }
}
