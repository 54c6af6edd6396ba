//! `dossier train …`: deterministic training of the shipped models.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Subcommand;
use dossier_core::{Dep, Upos};
use dossier_nlp::conllu;

#[derive(Subcommand)]
pub enum TrainCommand {
    /// Word clusters from the en_core_web_md vectors (`../shared/data/vectors`).
    Clusters {
        #[arg(long, default_value = "../shared/data/vectors")]
        vectors: PathBuf,
        #[arg(long)]
        out: PathBuf,
    },
    /// Part-of-speech tagger (UPOS and XPOS) from CoNLL-U.
    Tagger {
        #[command(flatten)]
        data: Data,
        #[arg(long, default_value_t = 10)]
        epochs: usize,
    },
    /// Named-entity recogniser from CoNLL-2003 files.
    Ner(NerArgs),
    /// Reporting-cue lexicon from PolNeAR attributions: per word and frame,
    /// how often a candidate verb was an annotated cue.
    Cues {
        /// A PolNeAR split folder (with text/ and attributions/).
        #[arg(long, default_value = "../shared/data/polnear/train")]
        dir: PathBuf,
        #[arg(long, default_value = "models/cues.tsv")]
        out: PathBuf,
    },
    /// Dependency parser from CoNLL-U, on tags predicted by the tagger.
    Parser(ParserArgs),
    /// The event trigger classifier from labelled stories (JSON Lines of `text` and `label`,
    /// the NGEC synthetic stories as `scripts/build-event-triggers` writes them).
    EventTriggers {
        #[arg(long)]
        stories: PathBuf,
        #[arg(long, default_value = "models/event-triggers.tsv")]
        out: PathBuf,
        /// The probability under which a candidate is no event.
        #[arg(long, default_value_t = 0.05)]
        threshold: f64,
        /// L2 penalty per weight.
        #[arg(long, default_value_t = 0.001)]
        l2: f64,
    },
    /// The event judge's training rows: every event `extract` would judge in
    /// documents (JSON Lines of `id` and `text`), one TSV line each, with its
    /// features (`scripts/build-event-judge` labels and fits them).
    EventFeatures {
        #[arg(long)]
        docs: PathBuf,
    },
}

/// The parser's data, tagger, vectors and network sizes.
#[derive(clap::Args)]
pub struct ParserArgs {
    #[command(flatten)]
    pub data: Data,
    /// The trained tagger: tags the dev set as the pipeline will.
    #[arg(long, default_value = "models/tagger.bin")]
    pub tagger: PathBuf,
    #[arg(long, default_value_t = 24)]
    pub epochs: usize,
    /// Folds for jackknifed training tags (each tagged by a tagger trained on the other folds).
    #[arg(long, default_value_t = 5)]
    pub folds: usize,
    /// The en_core_web_md vectors (`vectors.f32`) that seed the word-row embeddings.
    #[arg(long, default_value = "../shared/data/vectors")]
    pub vectors: PathBuf,
    /// LSTM units per direction.
    #[arg(long, default_value_t = 96)]
    pub hidden: usize,
    /// Units of the scoring layer.
    #[arg(long, default_value_t = 100)]
    pub mlp: usize,
    /// Stacked BiLSTM layers.
    #[arg(long, default_value_t = 1)]
    pub layers: usize,
}

/// Named entities from CoNLL-2003 (`token POS chunk tag`). Settings are
/// chosen with `--hold-out` (train on the rest of train, score the held-out
/// documents); the shipped model trains on all of train with those settings,
/// and `--dev` (CoNLL valid) is only scored.
#[derive(clap::Args)]
pub struct NerArgs {
    /// Training CoNLL-2003.
    #[arg(long)]
    train: PathBuf,
    /// A split list of train's documents (`benchmarks/splits/conll2003-train-tune.txt`):
    /// they are left out of training and scored.
    #[arg(long)]
    hold_out: Option<PathBuf>,
    /// CoNLL-2003 file scored after training (never used to choose anything).
    #[arg(long)]
    dev: Option<PathBuf>,
    /// The model file to write.
    #[arg(long)]
    out: PathBuf,
    /// Word clusters (from `dossier train clusters`).
    #[arg(long, default_value = "models/clusters.bin")]
    clusters: PathBuf,
    #[arg(long, default_value_t = 7)]
    seed: u64,
    #[arg(long, default_value_t = 12)]
    epochs: usize,
    /// Gazetteer (from `scripts/build-gazetteer`).
    #[arg(long, default_value = "models/gazetteer.tsv")]
    gazetteer: PathBuf,
    /// Features of runs of capitalised words, and a case lexicon in the file
    /// (#22: tune split 90.32 -> 92.70, not shipped yet).
    #[arg(long)]
    runs: bool,
    /// With `--runs`: folders of plain-text news (`*.txt`) to count how
    /// often each word is written in lower case, besides the training text.
    #[arg(long)]
    case_text: Vec<PathBuf>,
    /// Decode the jackknifed first-stage labels the second stage learns
    /// from with a beam of this width (1: greedy, as the committed model).
    #[arg(long, default_value_t = 1)]
    jackknife_beam: usize,
}

/// Where a model learns from and is written to.
#[derive(clap::Args)]
pub struct Data {
    /// Training CoNLL-U.
    #[arg(long)]
    train: PathBuf,
    /// Dev CoNLL-U: picks the best epoch and is scored.
    #[arg(long)]
    dev: PathBuf,
    /// The model file to write.
    #[arg(long)]
    out: PathBuf,
    /// Word clusters (from `dossier train clusters`).
    #[arg(long, default_value = "models/clusters.bin")]
    clusters: PathBuf,
    #[arg(long, default_value_t = 7)]
    seed: u64,
}

/// `vectors.f32` of the vectors folder: little-endian floats, 300 per row.
fn read_vectors(dir: &std::path::Path) -> Result<Vec<f32>> {
    let path = dir.join("vectors.f32");
    let raw = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
    Ok(raw
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes(b.try_into().unwrap()))
        .collect())
}

fn load_clusters(path: &PathBuf) -> Result<dossier_nlp::clusters::Clusters> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    dossier_nlp::clusters::Clusters::from_bytes(&bytes)
        .with_context(|| format!("loading {}", path.display()))
}

pub fn read_conllu(path: &PathBuf) -> Result<Vec<conllu::Sentence>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let (sentences, problems) = conllu::parse(&text);
    if let Some(p) = problems.first() {
        eprintln!(
            "{}: {} malformed lines, e.g. {p}",
            path.display(),
            problems.len()
        );
    }
    Ok(sentences)
}

pub fn run(cmd: TrainCommand) -> Result<ExitCode> {
    match cmd {
        TrainCommand::Cues { dir, out } => train_cues(&dir, &out),
        TrainCommand::EventTriggers {
            stories,
            out,
            threshold,
            l2,
        } => train_event_triggers(&stories, &out, threshold, l2),
        TrainCommand::EventFeatures { docs } => event_features(&docs),
        TrainCommand::Clusters { vectors, out } => train_clusters(&vectors, &out),
        TrainCommand::Parser(args) => train_parser(args),
        TrainCommand::Ner(args) => train_ner(args),
        TrainCommand::Tagger { data, epochs } => train_tagger(data, epochs),
    }
}

fn train_clusters(vectors: &std::path::Path, out: &std::path::Path) -> Result<ExitCode> {
    let start = Instant::now();
    let floats = read_vectors(vectors)?;
    let words = std::fs::read_to_string(vectors.join("words.tsv")).context("reading words.tsv")?;
    let bytes = dossier_nlp::clusters::Clusters::build(&floats, 300, &words, |l| eprintln!("{l}"));
    std::fs::write(out, &bytes)?;
    println!(
        "clusters: {:.1} MB in {:.0} s",
        bytes.len() as f64 / 1e6,
        start.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

fn train_tagger(data: Data, epochs: usize) -> Result<ExitCode> {
    let Data {
        train,
        dev,
        out,
        clusters,
        seed,
    } = data;
    let start = Instant::now();
    let clusters = load_clusters(&clusters)?;
    let (train, dev) = (read_conllu(&train)?, read_conllu(&dev)?);
    let tagger = dossier_nlp::tagger::train(&train, &dev, Some(&clusters), epochs, seed, |line| {
        eprintln!("{line}")
    })?;
    let bytes = tagger.to_bytes();
    std::fs::write(&out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    let (upos, xpos) = dossier_nlp::tagger::accuracy(&tagger, &dev, Some(&clusters));
    println!(
        "tagger: dev UPOS {:.2}% XPOS {:.2}%, {} features, {:.1} MB, trained in {:.0} s",
        upos * 100.0,
        xpos * 100.0,
        tagger.n_features(),
        bytes.len() as f64 / 1e6,
        start.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

fn train_parser(args: ParserArgs) -> Result<ExitCode> {
    use dossier_nlp::{parser, tagger as tg};
    let ParserArgs {
        data:
            Data {
                train,
                dev,
                out,
                clusters,
                seed,
            },
        tagger,
        epochs,
        folds,
        vectors,
        hidden,
        mlp,
        layers,
    } = args;
    let start = Instant::now();
    let clusters = load_clusters(&clusters)?;
    let tagger = tg::Tagger::from_bytes(
        &std::fs::read(&tagger).with_context(|| format!("reading {}", tagger.display()))?,
    )?;
    let (train, dev) = (read_conllu(&train)?, read_conllu(&dev)?);
    let train_tags = jackknifed_tags(&train, &tagger, &clusters, folds.max(2), seed)?;
    let dev_tags = tag_all(&tagger, &dev, &clusters);
    let floats = read_vectors(&vectors)?;
    let defaults = parser::TrainConfig::default();
    let config = parser::TrainConfig {
        epochs,
        seed,
        dims: parser::Dims {
            hidden,
            mlp,
            layers,
            ..defaults.dims
        },
        ..defaults
    };
    let parser = parser::train(
        &train,
        &train_tags,
        &dev,
        &dev_tags,
        Some(&clusters),
        Some(&floats),
        config,
        |l| eprintln!("{l}"),
    )?;
    let bytes = parser.to_bytes();
    std::fs::write(&out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    let (uas, las) = parser::attachment(&parser, &dev, &dev_tags, Some(&clusters));
    println!(
        "parser: dev UAS {:.2} LAS {:.2}, {:.1} MB, trained in {:.0} s",
        uas * 100.0,
        las * 100.0,
        bytes.len() as f64 / 1e6,
        start.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

/// Each sentence's tags by `t`, as class indices.
fn tag_all(
    t: &dossier_nlp::tagger::Tagger,
    sentences: &[conllu::Sentence],
    clusters: &dossier_nlp::clusters::Clusters,
) -> Vec<Vec<u16>> {
    let mut scratch = dossier_nlp::tagger::TagScratch::default();
    sentences
        .iter()
        .map(|s| {
            let mut out = Vec::new();
            t.tag(
                s.words.iter().map(|w| w.form.as_str()),
                Some(clusters),
                &mut out,
                &mut scratch,
            );
            out
        })
        .collect()
}

/// Training tags as the parser will meet them: fold k is tagged by a
/// tagger that never saw it (jackknifing), its classes mapped onto
/// `tagger`'s by name.
fn jackknifed_tags(
    train: &[conllu::Sentence],
    tagger: &dossier_nlp::tagger::Tagger,
    clusters: &dossier_nlp::clusters::Clusters,
    folds: usize,
    seed: u64,
) -> Result<Vec<Vec<u16>>> {
    let mut train_tags = vec![Vec::new(); train.len()];
    for k in 0..folds {
        let held: Vec<usize> = (0..train.len()).filter(|i| i % folds == k).collect();
        let rest: Vec<conllu::Sentence> = (0..train.len())
            .filter(|i| i % folds != k)
            .map(|i| train[i].clone())
            .collect();
        let held_sentences: Vec<conllu::Sentence> =
            held.iter().map(|&i| train[i].clone()).collect();
        let fold_tagger =
            dossier_nlp::tagger::train(&rest, &held_sentences, Some(clusters), 6, seed, |_| {})?;
        let tagged = tag_all(&fold_tagger, &held_sentences, clusters);
        for (&i, t) in held.iter().zip(tagged) {
            train_tags[i] = t
                .into_iter()
                .map(|c| {
                    tagger
                        .class_index(fold_tagger.class(c as usize))
                        .unwrap_or(0)
                })
                .collect();
        }
        eprintln!("jackknife fold {}/{} tagged", k + 1, folds);
    }
    Ok(train_tags)
}

fn train_cues(dir: &std::path::Path, out: &std::path::Path) -> Result<ExitCode> {
    use dossier_extract::quotes::{cue_key, frame, is_candidate};
    use dossier_pipeline::{Layers, Pipeline, Scratch};
    use std::collections::{BTreeMap, HashSet};
    let started = Instant::now();
    let files = dossier_eval::polnear::first_annotator_files(dir)
        .with_context(|| format!("reading {}", dir.display()))?;
    let layers = Layers {
        tokens: true,
        sentences: true,
        ..Layers::none()
    };
    let pipeline = Pipeline::new(layers)?;
    let mut scratch = Scratch::default();
    // (word, frame) → (as cue, occurrences)
    let mut counts: BTreeMap<(String, &'static str), (u32, u32)> = BTreeMap::new();
    for (_, text_path, ann_path) in &files {
        let text = std::fs::read_to_string(text_path)
            .with_context(|| format!("reading {}", text_path.display()))?;
        let gold = dossier_eval::polnear::parse_ann(&std::fs::read_to_string(ann_path)?);
        let mut cue_chars = vec![false; text.chars().count() + 1];
        for a in &gold {
            for &(x, y) in &a.cue {
                for c in cue_chars.iter_mut().take(y.min(text.len())).skip(x) {
                    *c = true;
                }
            }
        }
        let mut doc = dossier_ingest::text::unsourced_document(text);
        pipeline.run(&mut doc, &mut scratch);
        let offsets = dossier_core::CharOffsets::new(doc.text());
        // Nouns that head a gold source ("the spokesman", "officials"),
        // against all their uses as a subject: which nouns name speakers.
        let mut in_source = vec![false; cue_chars.len()];
        for a in &gold {
            for &(x, y) in &a.source {
                for c in in_source.iter_mut().take(y.min(cue_chars.len())).skip(x) {
                    *c = true;
                }
            }
        }
        let inside = |j: usize| in_source[offsets.to_char(doc.tokens[j].span.start)];
        for (i, t) in doc.tokens.iter().enumerate() {
            if t.pos != Some(Upos::Noun) {
                continue;
            }
            let heads_source = inside(i) && t.head.is_none_or(|h| !inside(h));
            if heads_source || t.dep == Some(Dep::Nsubj) {
                let e = counts
                    .entry((cue_key(doc.span_text(t.span)), "speaker"))
                    .or_default();
                e.0 += heads_source as u32;
                e.1 += 1;
            }
        }
        let marks = dossier_extract::quotes::pair_marks(&doc);
        let classes = dossier_extract::cue_classes::CueClasses::english();
        for s in &doc.sentences {
            let (a, b) = s.tokens;
            for c in a..b {
                if !is_candidate(&doc, c) {
                    continue;
                }
                let word = cue_key(doc.span_text(doc.tokens[c].span));
                // Inside quotation marks a belief or perception verb is the
                // quoted speaker's and rarely annotated, while extraction
                // drops such cues there: its ratio is counted outside only.
                let quoted = marks.iter().any(|m| m.inner.contains(doc.tokens[c].span));
                if quoted && classes.of_phrase(&word) != dossier_core::CueClass::Speech {
                    continue;
                }
                let is_cue = cue_chars[offsets.to_char(doc.tokens[c].span.start)] as u32;
                let f = frame(&doc, c, a, b).as_str();
                for key in [(word.clone(), f), (word.clone(), "*")] {
                    let e = counts.entry(key).or_default();
                    e.0 += is_cue;
                    e.1 += 1;
                }
            }
        }
    }
    // Keep words that were cues at least twice; their other frames stay as
    // counter-evidence.
    let cue_words: HashSet<&String> = counts
        .iter()
        .filter(|((_, f), (c, _))| *f == "*" && *c >= 2)
        .map(|((w, _), _)| w)
        .collect();
    let mut tsv = String::from("# word\tframe\tas_cue\toccurrences  (dossier train cues, PolNeAR train, first annotator per article)\n");
    tsv.push_str("# frame \"speaker\": a noun heading a gold source, and its uses as source head or subject\n");
    let mut speaker_nouns = 0;
    for ((w, f), (c, n)) in &counts {
        if *f == "speaker" {
            if *c >= 2 {
                tsv.push_str(&format!("{w}\t{f}\t{c}\t{n}\n"));
                speaker_nouns += 1;
            }
        } else if cue_words.contains(w) {
            tsv.push_str(&format!("{w}\t{f}\t{c}\t{n}\n"));
        }
    }
    std::fs::write(out, tsv).with_context(|| format!("writing {}", out.display()))?;
    eprintln!(
        "{} articles, {} cue words, {speaker_nouns} speaker nouns, {:.0} s",
        files.len(),
        cue_words.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

/// Counts the lower-case and capitalised uses of every word in the `.txt`
/// files of `dir`, a line (paragraph) at a time, in file-name order.
fn add_case_text(counts: &mut dossier_nlp::ner::CaseCounts, dir: &Path) -> Result<()> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    files.retain(|p| p.extension().is_some_and(|x| x == "txt"));
    files.sort();
    let mut spans = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            spans.clear();
            dossier_nlp::tokenize(
                &text,
                dossier_core::Span::new(at, at + line.len()),
                &mut spans,
            );
            counts.add_sentence(spans.iter().map(|s| &text[s.start..s.end]));
            at += line.len();
        }
    }
    Ok(())
}

/// Trains the NER on train (less the held-out documents), then scores the
/// held-out part and the dev file, each when given.
fn train_ner(args: NerArgs) -> Result<ExitCode> {
    use dossier_nlp::ner;
    let start = Instant::now();
    let clusters = load_clusters(&args.clusters)?;
    let gazetteer = dossier_nlp::gazetteer::Gazetteer::from_tsv(
        &std::fs::read_to_string(&args.gazetteer)
            .with_context(|| format!("reading {}", args.gazetteer.display()))?,
    );
    let read = |p: &PathBuf| -> Result<Vec<ner::ConllDoc>> {
        Ok(ner::parse_conll(
            &std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?,
        ))
    };
    let mut train = read(&args.train)?;
    let mut held_out = Vec::new();
    if let Some(path) = &args.hold_out {
        let list =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let ordinals: std::collections::HashSet<usize> = list
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| l.trim().parse())
            .collect::<Result<_, _>>()
            .with_context(|| format!("document ordinals in {}", path.display()))?;
        let (out, kept): (Vec<_>, Vec<_>) = train
            .into_iter()
            .enumerate()
            .partition(|(k, _)| ordinals.contains(k));
        held_out = out.into_iter().map(|(_, d)| d).collect();
        train = kept.into_iter().map(|(_, d)| d).collect();
        eprintln!(
            "training on {} documents, {} held out",
            train.len(),
            held_out.len()
        );
    }
    let mut case_counts = ner::CaseCounts::default();
    for dir in &args.case_text {
        add_case_text(&mut case_counts, dir)?;
    }
    let model = ner::train(
        &train,
        &held_out,
        Some(&clusters),
        Some(&gazetteer),
        args.runs,
        case_counts,
        args.jackknife_beam,
        args.epochs,
        args.seed,
        |l| eprintln!("{l}"),
    );
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes).with_context(|| format!("writing {}", args.out.display()))?;
    let mut scored = Vec::new();
    if !held_out.is_empty() {
        scored.push(("held-out", held_out));
    }
    if let Some(dev) = &args.dev {
        scored.push(("dev", read(dev)?));
    }
    for (name, docs) in &scored {
        for (t, tp, np, ng) in ner::per_type(&model, docs, Some(&clusters), Some(&gazetteer)) {
            let (p, r) = (tp as f64 / np.max(1) as f64, tp as f64 / ng.max(1) as f64);
            eprintln!(
                "  {name} {t:5} P {:.2} R {:.2} F1 {:.2}",
                p * 100.0,
                r * 100.0,
                200.0 * p * r / (p + r).max(1e-9)
            );
        }
        let (p, r, f) = ner::evaluate(&model, docs, Some(&clusters), Some(&gazetteer));
        println!(
            "ner: {name} P {:.2} R {:.2} F1 {:.2}",
            p * 100.0,
            r * 100.0,
            f * 100.0
        );
    }
    println!(
        "ner: {:.1} MB, trained in {:.0} s",
        bytes.len() as f64 / 1e6,
        start.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

/// The event trigger classifier: every candidate trigger of every story
/// (`events::candidates`), positive when its act or PLOVER code is the story's
/// label; a logistic regression by full-batch gradient descent with AdaGrad
/// steps and an L2 penalty (deterministic: no sampling).
fn train_event_triggers(stories: &Path, out: &Path, threshold: f64, l2: f64) -> Result<ExitCode> {
    use dossier_pipeline::{Layers, Pipeline, Scratch};
    let started = Instant::now();
    let text = std::fs::read_to_string(stories)
        .with_context(|| format!("reading {}", stories.display()))?;
    let pipeline = Pipeline::new(Layers {
        events: true,
        ..Layers::none()
    })?;
    let lex = dossier_pipeline::models::event_verbs()?;
    let mut scratch = Scratch::default();
    let mut index: std::collections::BTreeMap<String, usize> = Default::default();
    let mut examples: Vec<(Vec<usize>, bool)> = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let story: serde_json::Value = serde_json::from_str(line)?;
        let (Some(body), Some(label)) = (story["text"].as_str(), story["label"].as_str()) else {
            continue;
        };
        let mut doc = dossier_ingest::text::unsourced_document(body.to_string());
        pipeline.run(&mut doc, &mut scratch);
        for c in dossier_extract::events::candidates(&mut doc, lex) {
            let positive = c.act.as_str() == label || c.ty.as_str() == label;
            let ids = c
                .features
                .into_iter()
                .map(|f| {
                    let next = index.len();
                    *index.entry(f).or_insert(next)
                })
                .collect();
            examples.push((ids, positive));
        }
    }
    let (bias, weights) = fit_logistic(&examples, index.len(), l2);
    let positives = examples.iter().filter(|e| e.1).count();
    let mut tsv = format!(
        "# dossier train event-triggers (scripts/build-event-triggers: NGEC synthetic stories, CC BY-SA 4.0) --threshold {threshold} --l2 {l2}: {} candidates ({positives} of their story's type), {} features\n",
        examples.len(),
        index.len()
    );
    tsv.push_str(&format!("bias\t{bias:.4}\nthreshold\t{threshold}\n"));
    for (name, &i) in &index {
        if weights[i].abs() >= 0.01 {
            tsv.push_str(&format!("{name}\t{:.4}\n", weights[i]));
        }
    }
    std::fs::write(out, tsv).with_context(|| format!("writing {}", out.display()))?;
    eprintln!(
        "{} candidates, {positives} positive, {} features, {:.1}s",
        examples.len(),
        index.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

/// Prints, for every event the judge would see in each document: the
/// document's id, the sentence, the trigger's byte offset in it and text, the PLOVER
/// code, the status, the act and the features (space-separated), tab-separated.
fn event_features(docs: &Path) -> Result<ExitCode> {
    use dossier_pipeline::{Layers, Pipeline, Scratch};
    use std::io::Write;
    let text =
        std::fs::read_to_string(docs).with_context(|| format!("reading {}", docs.display()))?;
    let pipeline = Pipeline::new(Layers::default_set())?;
    let mut scratch = Scratch::default();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let one_line = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let item: serde_json::Value = serde_json::from_str(line)?;
        let Some(body) = item["text"].as_str() else {
            continue;
        };
        let id = match &item["id"] {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let mut doc = dossier_ingest::text::unsourced_document(body.to_string());
        let found =
            dossier_extract::events::judge_candidates_of(|| pipeline.run(&mut doc, &mut scratch));
        for c in found {
            let e = &c.event;
            writeln!(
                out,
                "{id}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                one_line(doc.span_text(doc.sentences[e.sentence].span)),
                e.trigger.start - doc.sentences[e.sentence].span.start,
                one_line(doc.span_text(e.trigger)),
                dossier_extract::events::plover_type(e).as_str(),
                e.status.as_str(),
                e.act.as_str(),
                c.features.join(" ")
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Logistic regression over binary features: (bias, weight per feature).
fn fit_logistic(examples: &[(Vec<usize>, bool)], features: usize, l2: f64) -> (f64, Vec<f64>) {
    let (mut bias, mut w) = (0.0, vec![0.0; features]);
    let (mut g2_bias, mut g2) = (1e-8, vec![1e-8; features]);
    let n = examples.len().max(1) as f64;
    for _ in 0..400 {
        let mut grad = vec![0.0; features];
        let mut grad_bias = 0.0;
        for (ids, y) in examples {
            let z = bias + ids.iter().map(|&i| w[i]).sum::<f64>();
            let err = 1.0 / (1.0 + (-z).exp()) - f64::from(u8::from(*y));
            grad_bias += err / n;
            for &i in ids {
                grad[i] += err / n;
            }
        }
        for (i, g) in grad.iter_mut().enumerate() {
            *g += l2 * w[i];
            g2[i] += *g * *g;
            w[i] -= 0.5 * *g / g2[i].sqrt();
        }
        g2_bias += grad_bias * grad_bias;
        bias -= 0.5 * grad_bias / f64::sqrt(g2_bias);
    }
    (bias, w)
}
