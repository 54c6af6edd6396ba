//! `dossier eval …`: accuracy and speed on the shared data sets. Each
//! command prints its figures; BENCHMARKS.md records them.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Subcommand;
use dossier_core::{EntityId, Source, SourceFormat, Span};
use dossier_eval::{aeb, boundaries, f1};
use dossier_ingest::{Meta, Payload, Record};

#[derive(Subcommand)]
pub enum EvalCommand {
    /// Article extraction on the AEB pages (4-token shingle P/R/F1, pages/s on one thread).
    Aeb {
        /// The benchmark folder (with ground-truth.json and html/).
        #[arg(long, default_value = "../shared/data/aeb")]
        data: PathBuf,
        /// Timed passes over all pages (the median is reported).
        #[arg(long, default_value_t = 5)]
        passes: usize,
        /// Write each page's extracted text to this folder, for error analysis.
        #[arg(long)]
        dump: Option<PathBuf>,
        /// Score another system's texts (`ID.txt` per page in this folder)
        /// with the same measure, instead of extracting.
        #[arg(long, value_name = "DIR")]
        predictions: Option<PathBuf>,
    },
    /// Tagging and parsing on gold tokens of a CoNLL-U file: UPOS, XPOS, UAS, LAS, tokens/s.
    Syntax {
        #[arg(
            long,
            default_value = "../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu"
        )]
        conllu: PathBuf,
        #[arg(long, default_value = "models/tagger.bin")]
        tagger: PathBuf,
        #[arg(long, default_value = "models/parser.bin")]
        parser: PathBuf,
        #[arg(long, default_value = "models/clusters.bin")]
        clusters: PathBuf,
    },
    /// Named entities on CoNLL-2003: conlleval precision, recall, F1 per type, and tokens/s.
    Ner {
        #[arg(long, default_value = "../shared/data/conll2003/valid.txt")]
        conll: PathBuf,
        #[arg(long, default_value = "models/ner.bin")]
        model: PathBuf,
        #[arg(long, default_value = "models/clusters.bin")]
        clusters: PathBuf,
        #[arg(long, default_value = "models/gazetteer.tsv")]
        gazetteer: PathBuf,
        /// Label sequences kept while decoding (1: greedy; default: the run-time width).
        #[arg(long)]
        beam: Option<usize>,
    },
    /// TempEval-3 time expressions on TimeML files (each anchored on its DCT): extent and value F1.
    Timeml {
        #[arg(long, default_value = "../shared/data/tempeval3/TBAQ-cleaned")]
        dir: PathBuf,
        /// Print each missed or spurious expression, each wrong extent, value and type, with the words around it.
        #[arg(long)]
        errors: bool,
        #[command(flatten)]
        split: SplitArg,
    },
    /// Microsoft Recognizers-Text English specs (Number, NumberRange, Percent,
    /// Currency, DateTime), compared on what the schema expresses: share of
    /// cases passed.
    Recognizers {
        #[arg(long, default_value = "../shared/data/recognizers")]
        dir: PathBuf,
        /// Print each failed case with what was expected and found.
        #[arg(long)]
        errors: bool,
    },
    /// Attribution on PolNeAR (first annotator file per article): content P/R/F1,
    /// quoted-content recall, source accuracy, and an error breakdown.
    Quotes {
        /// A PolNeAR split folder (with text/ and attributions/).
        #[arg(long, default_value = "../shared/data/polnear/dev")]
        dir: PathBuf,
        /// Which quotes to score: `all` (PolNeAR's broad attribution, the
        /// benchmark's setting) or `speech` (the extract default).
        #[arg(long, value_name = "WHICH", default_value = "speech", value_parser = ["speech", "all"])]
        quotes: String,
        /// Print each missed gold attribution and each unmatched prediction.
        #[arg(long)]
        errors: bool,
    },
    /// PLOVER events on the gold sentences: type recall and precision, and
    /// full recall (type plus source and target actors).
    Events {
        #[arg(
            long,
            default_value = "../shared/data/events/plover/PLOVER_GSR_CAMEO.dev.json"
        )]
        gold: PathBuf,
        /// Print each sentence with its gold and predicted events.
        #[arg(long)]
        errors: bool,
        #[command(flatten)]
        split: SplitArg,
    },
    /// Sentence-boundary F1 on CoNLL-U (`# text` lines) or CoNLL-2003 files.
    Sentences {
        /// A CoNLL-U file, e.g. UD EWT dev.
        #[arg(long, conflicts_with = "conll")]
        conllu: Option<PathBuf>,
        /// A CoNLL-2003 file, e.g. valid.txt.
        #[arg(long)]
        conll: Option<PathBuf>,
        /// Print each missed or spurious boundary.
        #[arg(long)]
        errors: bool,
    },
}

/// Which fixed part of a data set to score (`benchmarks/splits/`): rules
/// are written from the `tune` part's errors and figures reported on
/// `report`, which no rule was written from.
#[derive(clap::Args, Debug)]
pub struct SplitArg {
    /// `tune`, `report` or `all`.
    #[arg(long, default_value = "all", value_parser = ["tune", "report", "all"])]
    split: String,
    /// Where the split lists are.
    #[arg(long, default_value = "benchmarks/splits")]
    splits: PathBuf,
}

impl SplitArg {
    /// The names in `NAME-SPLIT.txt`, or `None` for `all`.
    fn members(&self, name: &str) -> Result<Option<std::collections::HashSet<String>>> {
        if self.split == "all" {
            return Ok(None);
        }
        let path = self.splits.join(format!("{name}-{}.txt", self.split));
        let list = std::fs::read_to_string(&path).with_context(|| {
            format!(
                "reading the split list {} (run from the repository, or give --splits)",
                path.display()
            )
        })?;
        Ok(Some(
            list.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(str::to_string)
                .collect(),
        ))
    }
}

pub fn run(cmd: EvalCommand) -> Result<ExitCode> {
    match cmd {
        EvalCommand::Aeb {
            data,
            dump,
            passes,
            predictions,
        } => eval_aeb(&data, dump, passes, predictions),
        EvalCommand::Sentences {
            conllu,
            conll,
            errors,
        } => eval_sentences(conllu, conll, errors),
        EvalCommand::Timeml { dir, errors, split } => {
            eval_timeml(&dir, errors, &split.members("tempeval")?)
        }
        EvalCommand::Quotes {
            dir,
            errors,
            quotes,
        } => eval_quotes(&dir, errors, &quotes),
        EvalCommand::Recognizers { dir, errors } => eval_recognizers(&dir, errors),
        EvalCommand::Events {
            gold,
            errors,
            split,
        } => eval_events(&gold, errors, &split.members("plover-dev")?),
        EvalCommand::Syntax {
            conllu,
            tagger,
            parser,
            clusters,
        } => eval_syntax(&conllu, &tagger, &parser, &clusters),
        EvalCommand::Ner {
            conll,
            model,
            clusters,
            gazetteer,
            beam,
        } => eval_ner(&conll, &model, &clusters, &gazetteer, beam),
    }
}

fn print_aeb_scores<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) {
    let (p, r, f) = aeb::score(pairs);
    println!("precision  {p:.4}");
    println!("recall     {r:.4}");
    println!("F1         {f:.4}");
}

fn eval_aeb(
    dir: &std::path::Path,
    dump: Option<PathBuf>,
    passes: usize,
    predictions: Option<PathBuf>,
) -> Result<ExitCode> {
    let gt_path = dir.join("ground-truth.json");
    let gt: serde_json::Value = serde_json::from_slice(
        &std::fs::read(&gt_path).with_context(|| format!("reading {}", gt_path.display()))?,
    )?;
    let gt = gt
        .as_object()
        .context("ground-truth.json is not an object")?;
    // Decompress everything first: the timing covers extraction only.
    let mut pages = Vec::new();
    for (id, v) in gt {
        let path = dir.join("html").join(format!("{id}.html.gz"));
        let mut html = Vec::new();
        flate2::read::MultiGzDecoder::new(
            std::fs::File::open(&path).with_context(|| format!("opening {}", path.display()))?,
        )
        .read_to_end(&mut html)?;
        let url = v["url"].as_str().map(str::to_string);
        let gold = v["articleBody"].as_str().unwrap_or("").to_string();
        pages.push((id.clone(), url, html, gold));
    }
    if let Some(pred) = predictions {
        let texts: Vec<String> = pages
            .iter()
            .map(|(id, ..)| {
                std::fs::read_to_string(pred.join(format!("{id}.txt"))).unwrap_or_default()
            })
            .collect();
        println!(
            "pages      {} (scored from {})",
            pages.len(),
            pred.display()
        );
        print_aeb_scores(
            pages
                .iter()
                .zip(&texts)
                .map(|((.., gold), text)| (gold.as_str(), text.as_str())),
        );
        return Ok(ExitCode::SUCCESS);
    }
    // Several timed passes; the median resists the noise of a shared machine.
    let mut extracted = Vec::new();
    let mut pass_secs = Vec::new();
    for _ in 0..passes.max(1) {
        extracted.clear();
        let start = Instant::now();
        for (id, url, html, _) in &pages {
            let record = Record {
                input: id.clone(),
                source: Source {
                    uri: url.clone(),
                    format: SourceFormat::Html,
                    record: None,
                },
                payload: Payload::Html {
                    bytes: html.clone(),
                    fragment: false,
                },
                charset: None,
                meta: Meta::default(),
            };
            extracted.push(
                record
                    .into_document()
                    .map(|d| d.text().to_string())
                    .unwrap_or_default(),
            );
        }
        pass_secs.push(start.elapsed().as_secs_f64());
    }
    pass_secs.sort_by(f64::total_cmp);
    let median = pass_secs[pass_secs.len() / 2];
    if let Some(d) = &dump {
        std::fs::create_dir_all(d)?;
        for ((id, ..), text) in pages.iter().zip(&extracted) {
            std::fs::write(d.join(format!("{id}.txt")), text)?;
        }
    }
    println!("pages      {}", pages.len());
    print_aeb_scores(
        pages
            .iter()
            .zip(&extracted)
            .map(|((.., gold), text)| (gold.as_str(), text.as_str())),
    );
    let n = pages.len() as f64;
    println!(
        "speed      {:.0} pages/s median of {} passes (best {:.0}; one thread, extraction only)",
        n / median,
        pass_secs.len(),
        n / pass_secs[0]
    );
    Ok(ExitCode::SUCCESS)
}

fn eval_sentences(
    conllu: Option<PathBuf>,
    conll: Option<PathBuf>,
    show_errors: bool,
) -> Result<ExitCode> {
    let (path, docs) = match (conllu, conll) {
        (Some(p), _) => {
            let s =
                std::fs::read_to_string(&p).with_context(|| format!("reading {}", p.display()))?;
            (p, boundaries::conllu_docs(&s))
        }
        (None, Some(p)) => {
            let s =
                std::fs::read_to_string(&p).with_context(|| format!("reading {}", p.display()))?;
            (p, boundaries::conll_docs(&s))
        }
        (None, None) => anyhow::bail!("give --conllu FILE or --conll FILE"),
    };
    let (mut tp, mut np, mut ng) = (0, 0, 0);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut tokens = Vec::new();
    let mut sents = Vec::new();
    for doc in &docs {
        // Paragraphs (blank-line separated) are blocks, as in `extract`.
        let blocks = dossier_ingest::text::line_blocks(&doc.text, 0, doc.text.len());
        let mut ends = Vec::new();
        for b in &blocks {
            tokens.clear();
            sents.clear();
            dossier_nlp::tokenize(&doc.text, b.span, &mut tokens);
            dossier_nlp::split_sentences(&doc.text, &tokens, 0, &mut sents);
            ends.extend(sents.iter().map(|(s, _, _): &(Span, usize, usize)| s.end));
        }
        let (t, p, g) = boundaries::count(&doc.ends, &ends, doc.text.len());
        if show_errors {
            for e in doc
                .ends
                .iter()
                .filter(|e| **e < doc.text.len() && !ends.contains(e))
            {
                let _ = writeln!(
                    out,
                    "MISSED   …{}‖{}…",
                    tail(&doc.text[..*e], 50),
                    head(&doc.text[*e..], 30)
                );
            }
            for e in ends
                .iter()
                .filter(|e| **e < doc.text.len() && !doc.ends.contains(e))
            {
                let _ = writeln!(
                    out,
                    "SPURIOUS …{}‖{}…",
                    tail(&doc.text[..*e], 50),
                    head(&doc.text[*e..], 30)
                );
            }
        }
        tp += t;
        np += p;
        ng += g;
    }
    let precision = tp as f64 / np.max(1) as f64;
    let recall = tp as f64 / ng.max(1) as f64;
    let _ = writeln!(out, "file       {}", path.display());
    let _ = writeln!(out, "documents  {}", docs.len());
    let _ = writeln!(out, "boundaries {ng} gold, {np} predicted, {tp} correct");
    let _ = writeln!(out, "precision  {precision:.4}");
    let _ = writeln!(out, "recall     {recall:.4}");
    let _ = writeln!(out, "F1         {:.4}", f1(precision, recall));
    Ok(ExitCode::SUCCESS)
}

fn tail(s: &str, n: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    chars[chars.len().saturating_sub(n)..]
        .iter()
        .collect::<String>()
        .replace('\n', "⏎")
}

fn head(s: &str, n: usize) -> String {
    s.chars().take(n).collect::<String>().replace('\n', "⏎")
}

fn eval_syntax(
    path: &PathBuf,
    tagger: &PathBuf,
    parser: &PathBuf,
    clusters: &PathBuf,
) -> Result<ExitCode> {
    use dossier_nlp::{clusters::Clusters, conllu, parser as ps, tagger as tg};
    let read = |p: &PathBuf| std::fs::read(p).with_context(|| format!("reading {}", p.display()));
    let clusters = Clusters::from_bytes(&read(clusters)?)?;
    let tagger = tg::Tagger::from_bytes(&read(tagger)?)?;
    let parser = ps::Parser::from_bytes(&read(parser)?)?;
    let sentences = crate::train::read_conllu(path)?;
    let (mut tag_scratch, mut parse_scratch) =
        (tg::TagScratch::default(), ps::ParseScratch::default());
    let (mut lexes, mut tags, mut one, mut arcs, mut bounds) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    // As in the pipeline: sentences go by text (here 32 at a time), each
    // word's lexical keys are computed once for the tagger and the parser,
    // and the parser takes a text's sentences together.
    const TEXT: usize = 32;
    let mut run = |chunk: &[conllu::Sentence],
                   tags: &mut Vec<u16>,
                   arcs: &mut Vec<(Option<usize>, dossier_core::Dep)>| {
        lexes.clear();
        bounds.clear();
        tags.clear();
        for s in chunk {
            let a = lexes.len();
            lexes.extend(
                s.words
                    .iter()
                    .map(|w| dossier_nlp::lexical::lex(&w.form, Some(&clusters))),
            );
            tagger.tag_lexes(&lexes[a..], &mut one, &mut tag_scratch);
            tags.extend_from_slice(&one);
            bounds.push((a, lexes.len()));
        }
        parser.parse_batch(&lexes, tags, &bounds, arcs, &mut parse_scratch);
    };
    // Speed: the best and the median of ten passes (this machine's speed
    // drifts by ±20 % from one second to the next).
    let mut passes: Vec<f64> = (0..10)
        .map(|_| {
            let start = Instant::now();
            for chunk in sentences.chunks(TEXT) {
                run(chunk, &mut tags, &mut arcs);
            }
            start.elapsed().as_secs_f64()
        })
        .collect();
    passes.sort_by(f64::total_cmp);
    let (secs, median) = (passes[0], (passes[4] + passes[5]) / 2.0);
    let (mut upos, mut xpos, mut uas, mut las, mut n) = (0usize, 0usize, 0usize, 0usize, 0usize);
    for chunk in sentences.chunks(TEXT) {
        run(chunk, &mut tags, &mut arcs);
        let words = chunk.iter().flat_map(|s| &s.words);
        for ((w, &t), (head, label)) in words.zip(&tags).zip(&arcs) {
            let (u, x) = tagger.class(t as usize);
            upos += usize::from(u.as_str() == w.upos);
            xpos += usize::from(x.as_str() == w.xpos);
            let gold_head = if w.head == 0 { None } else { Some(w.head - 1) };
            uas += usize::from(*head == gold_head);
            las += usize::from(*head == gold_head && label.as_str() == ps::universal(&w.deprel));
            n += 1;
        }
    }
    let pct = |x: usize| 100.0 * x as f64 / n.max(1) as f64;
    println!("file       {}", path.display());
    println!("tokens     {n} (gold tokenization, punctuation included)");
    println!("UPOS       {:.2}", pct(upos));
    println!("XPOS       {:.2}", pct(xpos));
    println!("UAS        {:.2}", pct(uas));
    println!("LAS        {:.2}  (universal relations)", pct(las));
    println!(
        "speed      {:.0} tokens/s tagging + parsing, one thread (best of 10 passes; median {:.0})",
        n as f64 / secs,
        n as f64 / median
    );
    Ok(ExitCode::SUCCESS)
}

fn eval_ner(
    path: &PathBuf,
    model: &PathBuf,
    clusters: &PathBuf,
    gazetteer: &PathBuf,
    beam: Option<usize>,
) -> Result<ExitCode> {
    use dossier_nlp::{clusters::Clusters, gazetteer::Gazetteer, ner};
    let read = |p: &PathBuf| std::fs::read(p).with_context(|| format!("reading {}", p.display()));
    let clusters = Clusters::from_bytes(&read(clusters)?)?;
    let gazetteer = Gazetteer::from_tsv(&String::from_utf8_lossy(&read(gazetteer)?));
    let mut model = ner::Ner::from_bytes(&read(model)?)?;
    if let Some(width) = beam {
        model.set_beam_width(width);
    }
    let docs = ner::parse_conll(
        &std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?,
    );
    let tokens: usize = docs
        .iter()
        .flat_map(|d| &d.sentences)
        .map(|s| s.words.len())
        .sum();
    // Speed: the whole recogniser (lexical keys, gazetteer, both stages), median of 5 passes.
    let mut times = Vec::new();
    let mut scratch = ner::NerScratch::default();
    let mut spans = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        for d in &docs {
            let prepared = ner::PreparedDoc::new(
                d.sentences
                    .iter()
                    .map(|s| s.words.iter().map(String::as_str)),
                Some(&clusters),
                Some(&gazetteer),
            );
            model.recognise_doc(&prepared, &mut spans, &mut scratch);
        }
        times.push(start.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let (p, r, f) = ner::evaluate(&model, &docs, Some(&clusters), Some(&gazetteer));
    println!("file       {}", path.display());
    println!("tokens     {tokens}");
    for (t, tp, np, ng) in ner::per_type(&model, &docs, Some(&clusters), Some(&gazetteer)) {
        let (p_, r_) = (tp as f64 / np.max(1) as f64, tp as f64 / ng.max(1) as f64);
        println!(
            "{t:10} P {:.2} R {:.2} F1 {:.2}",
            p_ * 100.0,
            r_ * 100.0,
            200.0 * p_ * r_ / (p_ + r_).max(1e-9)
        );
    }
    println!(
        "overall    P {:.2} R {:.2} F1 {:.2}  (exact span and type, conlleval)",
        p * 100.0,
        r * 100.0,
        f * 100.0
    );
    println!(
        "speed      {:.0} tokens/s (one thread, median of 5 passes)",
        tokens as f64 / times[2]
    );
    Ok(ExitCode::SUCCESS)
}

fn eval_timeml(
    dir: &std::path::Path,
    show_errors: bool,
    split: &Option<std::collections::HashSet<String>>,
) -> Result<ExitCode> {
    use dossier_eval::timeml::{parse, Counts};
    use dossier_pipeline::{Layers, Pipeline, Scratch};
    let files = timeml_files(dir, split)?;
    // The sentences are kept: the scorer reads them.
    let layers = Layers {
        times: true,
        sentences: true,
        ..Layers::none()
    };
    let pipeline = Pipeline::new(layers)?;
    let mut scratch = Scratch::default();
    let mut counts = Counts::default();
    let (mut bytes, mut secs) = (0usize, 0.0);
    for f in &files {
        let d =
            parse(&std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()))?);
        let mut doc = dossier_ingest::text::unsourced_document(d.text.clone());
        doc.published = d.dct.clone();
        let start = Instant::now();
        pipeline.run(&mut doc, &mut scratch);
        secs += start.elapsed().as_secs_f64();
        bytes += d.text.len();
        let predicted = predicted_timexes(&doc);
        counts.add(&d.gold, &predicted);
        if show_errors {
            let name = f
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            print_timeml_errors(&name, &d.text, &d.gold, &predicted);
        }
    }
    let (sp, sr, sf) = counts.prf(counts.strict);
    let (rp, rr, rf) = counts.prf(counts.relaxed);
    let (vp, vr, vf) = counts.prf(counts.value);
    println!(
        "documents  {} ({} gold, {} predicted)",
        files.len(),
        counts.gold,
        counts.predicted
    );
    println!("strict     P {sp:.3} R {sr:.3} F1 {sf:.3}");
    println!("relaxed    P {rp:.3} R {rr:.3} F1 {rf:.3}");
    println!("value      P {vp:.3} R {vr:.3} F1 {vf:.3}  (relaxed match with the right value)");
    println!(
        "type acc.  {:.3} of relaxed matches",
        counts.type_ as f64 / counts.relaxed.max(1) as f64
    );
    let (mp, mr) = counts.mod_pr();
    println!(
        "mod        P {mp:.3} R {mr:.3}  (on relaxed matches: {} gold, {} ours, {} the same)",
        counts.gold_mods, counts.predicted_mods, counts.right_mods
    );
    println!(
        "speed      {:.1} MB/s (sentences and times, one thread)",
        bytes as f64 / secs / 1e6
    );
    Ok(ExitCode::SUCCESS)
}

/// The `.tml` files of TBAQ's two folders that are in `split` (all when
/// it is `None`), sorted.
fn timeml_files(
    dir: &std::path::Path,
    split: &Option<std::collections::HashSet<String>>,
) -> Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = Vec::new();
    for sub in ["TimeBank", "AQUAINT"] {
        let d = dir.join(sub);
        let entries = std::fs::read_dir(&d).with_context(|| format!("reading {}", d.display()))?;
        files.extend(
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "tml")),
        );
    }
    files.retain(|f| {
        split.as_ref().is_none_or(|names| {
            f.file_name()
                .is_some_and(|n| names.contains(&*n.to_string_lossy()))
        })
    });
    files.sort();
    Ok(files)
}

/// The document's times as the scorer's TIMEX3s, offsets in code points.
fn predicted_timexes(doc: &dossier_core::Document) -> Vec<dossier_eval::timeml::Timex> {
    let offsets = dossier_core::CharOffsets::new(doc.text());
    doc.times
        .iter()
        .map(|t| dossier_eval::timeml::Timex {
            start: offsets.to_char(t.span.start),
            end: offsets.to_char(t.span.end),
            ty: t.ty.as_str().to_string(),
            value: t.value.clone().unwrap_or_default(),
            modifier: t
                .modifier
                .map_or_else(String::new, |m| m.as_str().to_string()),
        })
        .collect()
}

/// One line per missed, spurious or mis-bounded expression and per wrong
/// value, type or mod, with the words around it: enough to judge the value by.
fn print_timeml_errors(
    name: &str,
    text: &str,
    gold: &[dossier_eval::timeml::Timex],
    predicted: &[dossier_eval::timeml::Timex],
) {
    use dossier_eval::timeml::Timex;
    let chars: Vec<char> = text.chars().collect();
    let piece = |a: usize, b: usize| -> String {
        chars[a.min(chars.len())..b.min(chars.len())]
            .iter()
            .collect::<String>()
            .replace('\n', " ")
    };
    let show = |t: &Timex| piece(t.start, t.end);
    let around = |t: &Timex| {
        format!(
            "{}[{}]{}",
            piece(t.start.saturating_sub(80), t.start),
            piece(t.start, t.end),
            piece(t.end, t.end + 40)
        )
    };
    let overlaps = |a: &Timex, b: &Timex| a.start < b.end && b.start < a.end;
    for g in gold {
        match predicted.iter().find(|p| overlaps(p, g)) {
            None => println!(
                "MISS\t{name}\t{}\t{}\t{}\t{}",
                show(g),
                g.ty,
                g.value,
                around(g)
            ),
            Some(p) if (p.start, p.end) != (g.start, g.end) => println!(
                "EXTENT\t{name}\t{}\t{}\tours {} {}\t{}",
                show(g),
                g.value,
                show(p),
                p.value,
                around(g)
            ),
            Some(p) if p.value != g.value => println!(
                "VALUE\t{name}\t{}\t{}\tours {}\t{}",
                show(g),
                g.value,
                p.value,
                around(g)
            ),
            Some(p) if p.ty != g.ty => println!(
                "TYPE\t{name}\t{}\t{}\tours {}\t{}",
                show(g),
                g.ty,
                p.ty,
                around(g)
            ),
            Some(p) if p.modifier != g.modifier => println!(
                "MOD\t{name}\t{}\t{}\tours {}\t{}",
                show(g),
                g.modifier,
                p.modifier,
                around(g)
            ),
            Some(_) => {}
        }
    }
    for p in predicted
        .iter()
        .filter(|p| !gold.iter().any(|g| overlaps(p, g)))
    {
        println!(
            "SPURIOUS\t{name}\t{}\t{}\t{}\t{}",
            show(p),
            p.ty,
            p.value,
            around(p)
        );
    }
}

fn eval_recognizers(dir: &std::path::Path, show_errors: bool) -> Result<ExitCode> {
    use dossier_eval::recognizers::{passes, Item};
    use dossier_pipeline::{Layers, Pipeline, Scratch};
    // Times too: the count in "3 years" is written in the times layer (P3Y).
    let layers = Layers {
        quantities: true,
        sentences: true,
        times: true,
        ..Layers::none()
    };
    let pipeline = Pipeline::new(layers)?;
    let mut scratch = Scratch::default();
    let (mut bytes, mut secs) = (0usize, 0.0);
    for (model, file) in [
        ("Number", "Number_EN_NumberModel.json"),
        ("NumberRange", "Number_EN_NumberRangeModel.json"),
        ("Percent", "Number_EN_PercentModel.json"),
        ("Currency", "NumberWithUnit_EN_CurrencyModel.json"),
    ] {
        let cases = read_spec(&dir.join(file))?;
        let mut passed = 0;
        for case in &cases {
            let input = case["Input"].as_str().unwrap_or_default();
            let expected = expected_items(model, case);
            let mut doc = dossier_ingest::text::unsourced_document(input.to_string());
            let start = Instant::now();
            pipeline.run(&mut doc, &mut scratch);
            secs += start.elapsed().as_secs_f64();
            bytes += input.len();
            let predicted = predicted_items(model, &doc);
            if passes(&expected, &predicted) {
                passed += 1;
            } else if show_errors {
                let show = |v: &[Item]| show_items(input, v);
                println!(
                    "FAIL {model} | {input}\n  expected {}\n  found    {}",
                    show(&expected),
                    show(&predicted)
                );
            }
        }
        println!(
            "{model:12} {passed} of {} cases pass ({:.1} %)",
            cases.len(),
            100.0 * passed as f64 / cases.len().max(1) as f64
        );
    }
    println!("speed      {:.2} MB/s (whole pipeline up to quantities and times, both recognizers together, one thread, on these short inputs)", bytes as f64 / secs / 1e6);
    eval_recognizers_datetime(dir, show_errors)
}

/// A Recognizers-Text case's expected items, in the form dossier writes.
fn expected_items(model: &str, case: &serde_json::Value) -> Vec<dossier_eval::recognizers::Item> {
    use dossier_eval::recognizers::{iso_currency, parse_percent, parse_range, Item};
    case["Results"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            let start = r["Start"].as_u64().unwrap_or(0) as usize;
            let end = r["End"].as_u64().unwrap_or(0) as usize + 1;
            let value = r["Resolution"]["value"].as_str().unwrap_or_default();
            let (value, upper, unit) = match model {
                "NumberRange" => {
                    parse_range(value).map_or((None, None, None), |(lo, hi)| (lo, hi, None))
                }
                "Percent" => (parse_percent(value), None, None),
                "Currency" => {
                    match iso_currency(r["Resolution"]["unit"].as_str().unwrap_or_default()) {
                        Some((code, factor)) => (
                            value.parse::<f64>().ok().map(|v| v * factor),
                            None,
                            Some(code.to_string()),
                        ),
                        None => (value.parse().ok(), None, None),
                    }
                }
                _ => (value.parse().ok(), None, None),
            };
            Item {
                start,
                end,
                value,
                upper,
                unit,
            }
        })
        .collect()
}

/// What dossier found in a case's input, as items of the given model.
fn predicted_items(
    model: &str,
    doc: &dossier_core::Document,
) -> Vec<dossier_eval::recognizers::Item> {
    use dossier_core::{Approx, QuantityKind};
    use dossier_eval::recognizers::Item;
    let offsets = dossier_core::CharOffsets::new(doc.text());
    doc.quantities
        .iter()
        .filter_map(|q| {
            let (start, end) = (offsets.to_char(q.span.start), offsets.to_char(q.span.end));
            let item = |value, upper, unit| {
                Some(Item {
                    start,
                    end,
                    value,
                    upper,
                    unit,
                })
            };
            match model {
                "Number" if q.kind != QuantityKind::Percent => item(q.value, None, None),
                "Percent" if q.kind == QuantityKind::Percent => item(q.value, None, None),
                "Currency" if q.kind == QuantityKind::Money => item(q.value, None, q.unit.clone()),
                "NumberRange" => match q.approx {
                    Approx::Range => item(q.value, q.upper, None),
                    // Recognizers-Text reads "equal to 20" as the range
                    // [20, 20]; dossier writes exactly 20, "equal to" in
                    // its extent.
                    Approx::Exact
                        if q.span
                            .of(doc.text())
                            .get(..5)
                            .is_some_and(|w| w.eq_ignore_ascii_case("equal")) =>
                    {
                        item(q.value, q.value, None)
                    }
                    Approx::MoreThan | Approx::AtLeast => item(q.value, None, None),
                    Approx::LessThan | Approx::AtMost | Approx::UpTo => item(None, q.value, None),
                    _ => None,
                },
                _ => None,
            }
        })
        .chain(
            doc.times
                .iter()
                .filter(|_| model == "Number")
                .filter_map(|t| {
                    // A duration's count is a number of the text: "3 years" is P3Y.
                    let count = duration_count(t.value.as_deref()?)?;
                    Some(Item {
                        start: offsets.to_char(t.span.start),
                        end: offsets.to_char(t.span.end),
                        value: Some(count),
                        upper: None,
                        unit: None,
                    })
                }),
        )
        .collect()
}

/// Items as `text[value..upper unit]`, for `--errors`.
fn show_items(input: &str, v: &[dossier_eval::recognizers::Item]) -> String {
    v.iter()
        .map(|i| {
            format!(
                "{}[{:?}..{:?} {}]",
                input
                    .chars()
                    .skip(i.start)
                    .take(i.end - i.start)
                    .collect::<String>(),
                i.value,
                i.upper,
                i.unit.as_deref().unwrap_or("")
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The count of a one-unit TIMEX3 duration: P3Y is 3, PT1.5H 1.5; none for
/// PXY or P2Y6M.
fn duration_count(value: &str) -> Option<f64> {
    let body = value
        .strip_prefix("PT")
        .or_else(|| value.strip_prefix('P'))?;
    let figure = body.strip_suffix(|c: char| c.is_ascii_alphabetic())?;
    figure.parse().ok()
}

/// One Recognizers-Text spec file: its cases, the byte-order mark the files
/// start with left out.
fn read_spec(path: &std::path::Path) -> Result<Vec<serde_json::Value>> {
    let raw =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_str(raw.trim_start_matches('\u{feff}'))
        .with_context(|| format!("parsing {}", path.display()))
}

/// The DateTime spec: each case's text anchored on its reference date, its
/// times compared on extent (overlap) and TIMEX3 value.
fn eval_recognizers_datetime(dir: &std::path::Path, show_errors: bool) -> Result<ExitCode> {
    use dossier_eval::recognizers::{times_pass, timex_values, ExpectedTime};
    use dossier_pipeline::{Layers, Pipeline, Scratch};
    let layers = Layers {
        sentences: true,
        times: true,
        ..Layers::none()
    };
    let pipeline = Pipeline::new(layers)?;
    let mut scratch = Scratch::default();
    let cases = read_spec(&dir.join("DateTime_EN_DateTimeModel.json"))?;
    let (mut passed, mut bytes, mut secs) = (0, 0usize, 0.0);
    for case in &cases {
        let input = case["Input"].as_str().unwrap_or_default();
        let expected: Vec<ExpectedTime> = case["Results"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|r| {
                let mut values = Vec::new();
                for v in r["Resolution"]["values"].as_array().into_iter().flatten() {
                    values.extend(timex_values(v["timex"].as_str().unwrap_or_default()));
                    // The resolved dates of an ambiguous timex: "the 4th" is
                    // XXXX-XX-04, resolved to the 4th before and after the reference.
                    for key in ["value", "start", "end"] {
                        if let Some(x) = v[key]
                            .as_str()
                            .filter(|x| x.len() >= 10 && x.as_bytes()[4] == b'-')
                        {
                            values.extend(timex_values(x));
                        }
                    }
                    // A resolved span ("the week of April 10th": 2018-04-09 to
                    // 2018-04-16) is answered like an interval timex.
                    if let (Some(start), Some(end)) = (v["start"].as_str(), v["end"].as_str()) {
                        values.extend(timex_values(&format!("({start},{end},)")));
                    }
                }
                let start = r["Start"].as_u64().unwrap_or(0) as usize;
                ExpectedTime {
                    start,
                    end: r["End"].as_u64().unwrap_or(0) as usize + 1,
                    values,
                }
            })
            .collect();
        let mut doc = dossier_ingest::text::unsourced_document(input.to_string());
        // The reference is a date-time: "in 5 minutes" counts from its clock.
        doc.published = case["Context"]["ReferenceDateTime"]
            .as_str()
            .map(str::to_string);
        let start = Instant::now();
        pipeline.run(&mut doc, &mut scratch);
        secs += start.elapsed().as_secs_f64();
        bytes += input.len();
        let offsets = dossier_core::CharOffsets::new(doc.text());
        let predicted: Vec<(usize, usize, Option<String>)> = doc
            .times
            .iter()
            .map(|t| {
                (
                    offsets.to_char(t.span.start),
                    offsets.to_char(t.span.end),
                    t.value.clone(),
                )
            })
            .collect();
        if times_pass(&expected, &predicted) {
            passed += 1;
        } else if show_errors {
            let text = |s: usize, e: usize| {
                input
                    .chars()
                    .skip(s)
                    .take(e.saturating_sub(s))
                    .collect::<String>()
            };
            let want = expected
                .iter()
                .map(|e| format!("{}[{}]", text(e.start, e.end), e.values.join(" ")))
                .collect::<Vec<_>>()
                .join("; ");
            let found = predicted
                .iter()
                .map(|(s, e, v)| format!("{}[{}]", text(*s, *e), v.as_deref().unwrap_or("null")))
                .collect::<Vec<_>>()
                .join("; ");
            println!(
                "FAIL DateTime | {input} | {}\n  expected {want}\n  found    {found}",
                doc.published.as_deref().unwrap_or("")
            );
        }
    }
    println!(
        "{:12} {passed} of {} cases pass ({:.1} %)",
        "DateTime",
        cases.len(),
        100.0 * passed as f64 / cases.len().max(1) as f64
    );
    println!(
        "speed      {:.2} MB/s (sentences and times, one thread, on these short inputs)",
        bytes as f64 / secs / 1e6
    );
    Ok(ExitCode::SUCCESS)
}

fn eval_quotes(dir: &std::path::Path, show_errors: bool, mode: &str) -> Result<ExitCode> {
    use dossier_eval::polnear::{parse_ann, Counts};
    use dossier_pipeline::{Layers, Pipeline, QuoteMode, Scratch};
    let files = dossier_eval::polnear::first_annotator_files(dir)
        .with_context(|| format!("reading {}", dir.display()))?;
    let layers = Layers {
        quotes: true,
        quote_mode: QuoteMode::parse(mode).unwrap_or_default(),
        ..Layers::none()
    };
    let pipeline = Pipeline::new(layers)?;
    let mut scratch = Scratch::default();
    let mut counts = Counts::default();
    let mut errors = QuoteErrors::default();
    let (mut bytes, mut secs) = (0usize, 0.0);
    for (article, text_path, ann_path) in &files {
        let text = std::fs::read_to_string(text_path)
            .with_context(|| format!("reading {}", text_path.display()))?;
        let gold = parse_ann(
            &std::fs::read_to_string(ann_path)
                .with_context(|| format!("reading {}", ann_path.display()))?,
        );
        let mut doc = dossier_ingest::text::unsourced_document(text.clone());
        let start = Instant::now();
        pipeline.run(&mut doc, &mut scratch);
        secs += start.elapsed().as_secs_f64();
        bytes += text.len();
        let (predicted, predicted_cue) = attributions(&doc);
        let all: Vec<char> = text.chars().collect();
        let (outcomes, used) = counts.add(&all, &gold, &predicted);
        let scored = ScoredArticle {
            name: article,
            all: &all,
            gold: &gold,
            predicted: &predicted,
            predicted_cue: &predicted_cue,
            outcomes: &outcomes,
            used: &used,
        };
        errors.tally(&scored, show_errors);
    }
    let (p, r, f) = counts.prf();
    println!(
        "articles   {} ({} gold attributions, {} predicted)",
        files.len(),
        counts.gold,
        counts.predicted
    );
    println!(
        "content    P {p:.3} R {r:.3} F1 {f:.3}  (overlap >= half of the gold content, one to one)"
    );
    println!(
        "quoted     recall {:.3} ({} of {} gold contents with quotation marks)",
        counts.matched_quoted as f64 / counts.gold_quoted.max(1) as f64,
        counts.matched_quoted,
        counts.gold_quoted
    );
    println!(
        "source     accuracy {:.3} ({} of {} matched pairs with a gold source)",
        counts.source_right as f64 / counts.with_source.max(1) as f64,
        counts.source_right,
        counts.with_source
    );
    let QuoteErrors {
        missed_quoted,
        missed_other,
        wrong_source,
        wrong_pronoun,
        no_speaker,
        other_report,
    } = errors;
    println!("errors     missed quoted {missed_quoted}, missed other {missed_other}; wrong speaker {wrong_source}, wrong pronoun {wrong_pronoun}, content taken by another cue {other_report}; predictions without a speaker {no_speaker}");
    println!(
        "speed      {:.2} MB/s (whole pipeline up to quotes, one thread)",
        bytes as f64 / secs / 1e6
    );
    Ok(ExitCode::SUCCESS)
}

/// A predicted attribution: its content ranges and its speaker's, in code points.
type PredictedAttribution = (
    dossier_eval::polnear::Ranges,
    Option<dossier_eval::polnear::Ranges>,
);

/// A document's quotes as attributions (quotes sharing a cue are one: a
/// quote split by "he said"), each with its cue.
fn attributions(
    doc: &dossier_core::Document,
) -> (Vec<PredictedAttribution>, Vec<Option<(usize, usize)>>) {
    let offsets = dossier_core::CharOffsets::new(doc.text());
    let chars = |s: Span| (offsets.to_char(s.start), offsets.to_char(s.end));
    let mut predicted: Vec<PredictedAttribution> = Vec::new();
    let mut predicted_cue: Vec<Option<(usize, usize)>> = Vec::new();
    let mut by_cue: std::collections::HashMap<(usize, usize), usize> =
        std::collections::HashMap::new();
    for q in &doc.quotes {
        let speaker = q.speaker.as_ref().map(|s| vec![chars(s.span)]);
        match q
            .cue
            .map(chars)
            .and_then(|c| by_cue.get(&c).copied().map(|i| (c, i)))
        {
            Some((_, i)) => predicted[i].0.push(chars(q.span)),
            None => {
                if let Some(c) = q.cue {
                    by_cue.insert(chars(c), predicted.len());
                }
                predicted.push((vec![chars(q.span)], speaker));
                predicted_cue.push(q.cue.map(chars));
            }
        }
    }
    (predicted, predicted_cue)
}

/// One PolNeAR article scored: gold and predicted attributions, what each
/// gold one became and which gold one each prediction matched.
struct ScoredArticle<'a> {
    name: &'a str,
    all: &'a [char],
    gold: &'a [dossier_eval::polnear::Attribution],
    predicted: &'a [PredictedAttribution],
    predicted_cue: &'a [Option<(usize, usize)>],
    outcomes: &'a [dossier_eval::polnear::Outcome],
    used: &'a [Option<usize>],
}

impl ScoredArticle<'_> {
    /// The text of some ranges, pieces joined by " … ".
    fn show(&self, r: &dossier_eval::polnear::Ranges) -> String {
        let all = self.all;
        r.iter()
            .map(|&(a, b)| all[a..b.min(all.len())].iter().collect::<String>())
            .collect::<Vec<_>>()
            .join(" … ")
    }
}

/// Error categories over gold attributions.
#[derive(Default)]
struct QuoteErrors {
    missed_quoted: usize,
    missed_other: usize,
    wrong_source: usize,
    wrong_pronoun: usize,
    no_speaker: usize,
    /// Wrong speakers whose quote came from another cue than the gold one:
    /// the content matched, but it was reported as part of another attribution.
    other_report: usize,
}

impl QuoteErrors {
    /// Counts an article's errors; with `show_errors`, prints each.
    fn tally(&mut self, s: &ScoredArticle<'_>, show_errors: bool) {
        use dossier_eval::polnear::{is_quoted, Outcome};
        let (all, article) = (s.all, s.name);
        let mut pred_of = vec![None; s.gold.len()];
        for (pi, u) in s.used.iter().enumerate() {
            if let Some(g) = u {
                pred_of[*g] = Some(pi);
            }
        }
        for (gi, (g, o)) in s.gold.iter().zip(s.outcomes).enumerate() {
            let source_text = s.show(&g.source).to_lowercase();
            let pronoun = matches!(
                source_text.as_str(),
                "he" | "she" | "they" | "i" | "we" | "it"
            );
            let our_cue = pred_of[gi].and_then(|pi| s.predicted_cue[pi]);
            let same_cue = our_cue.is_some_and(|c| g.cue.iter().any(|&(a, b)| a < c.1 && c.0 < b));
            match o {
                Outcome::Missed if is_quoted(all, &g.content) => self.missed_quoted += 1,
                Outcome::Missed => self.missed_other += 1,
                Outcome::Matched {
                    source: Some(false),
                } if our_cue.is_some() && !same_cue && !g.cue.is_empty() => self.other_report += 1,
                Outcome::Matched {
                    source: Some(false),
                } if pronoun => self.wrong_pronoun += 1,
                Outcome::Matched {
                    source: Some(false),
                } => self.wrong_source += 1,
                _ => {}
            }
            if show_errors && *o == Outcome::Missed {
                let label = if is_quoted(all, &g.content) {
                    "MISS QUOTED"
                } else {
                    "MISS"
                };
                println!(
                    "{label} {article}\n  cue    {}\n  source {}\n  content {}",
                    s.show(&g.cue),
                    s.show(&g.source),
                    s.show(&g.content)
                );
            }
            if show_errors
                && *o
                    == (Outcome::Matched {
                        source: Some(false),
                    })
            {
                print_wrong_source(s, g, pred_of[gi], our_cue);
            }
        }
        for (p, u) in s.predicted.iter().zip(s.used) {
            if p.1.is_none() {
                self.no_speaker += 1;
            }
            if show_errors && u.is_none() {
                println!(
                    "SPURIOUS {article}\n  content {}\n  source {}",
                    s.show(&p.0),
                    p.1.as_ref().map(|r| s.show(r)).unwrap_or_default()
                );
            }
        }
    }
}

/// A matched attribution with the wrong speaker, with its surroundings.
fn print_wrong_source(
    s: &ScoredArticle<'_>,
    g: &dossier_eval::polnear::Attribution,
    predicted: Option<usize>,
    our_cue: Option<(usize, usize)>,
) {
    let all = s.all;
    let predicted_source = predicted
        .and_then(|pi| s.predicted[pi].1.as_ref())
        .map(|r| s.show(r))
        .unwrap_or_else(|| "(none)".into());
    let around = g
        .content
        .first()
        .map(|&(a, _)| {
            all[a.saturating_sub(160)..(a + 120).min(all.len())]
                .iter()
                .collect::<String>()
                .replace('\n', " ¶ ")
        })
        .unwrap_or_default();
    let cues = format!(
        "{} · ours {}",
        s.show(&g.cue),
        our_cue.map_or_else(|| "(none)".into(), |c| s.show(&vec![c]))
    );
    println!(
        "SOURCE {}\n  gold   {}\n  ours   {}\n  cue    {cues}\n  content {}\n  around {around}",
        s.name,
        s.show(&g.source),
        predicted_source,
        s.show(&g.content)
    );
}

fn eval_events(
    path: &std::path::Path,
    show: bool,
    split: &Option<std::collections::HashSet<String>>,
) -> Result<ExitCode> {
    use dossier_pipeline::{Layers, Pipeline, Scratch};
    let items: Vec<serde_json::Value> = serde_json::from_str(
        &std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?,
    )?;
    let layers = Layers {
        events: true,
        ..Layers::none()
    };
    let pipeline = Pipeline::new(layers)?;
    let mut scratch = Scratch::default();
    // PLOVER 0.5 names in the gold, renamed to the current 16 types.
    let current = |t: &str| {
        match t {
            "DEMAND" => "REQUEST",
            "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
            "FIGHT" => "ASSAULT",
            other => other,
        }
        .to_string()
    };
    let (mut gold_n, mut type_hit, mut full_hit, mut predicted_types, mut right_types) =
        (0, 0, 0, 0, 0);
    for item in &items {
        let (Some(text), Some(ty)) = (item["text"].as_str(), item["event"].as_str()) else {
            continue;
        };
        let in_split = split
            .as_ref()
            .is_none_or(|ids| item["id"].as_str().is_some_and(|id| ids.contains(id)));
        if ty == "DOCUMENT" || !in_split {
            continue;
        }
        let ty = current(ty);
        gold_n += 1;
        let mut doc = dossier_ingest::text::unsourced_document(text.to_string());
        pipeline.run(&mut doc, &mut scratch);
        // Exactly the JSON `type` that `extract` writes (the PLOVER code).
        let plover = |e: &dossier_core::Event| e.ty.as_str();
        let mut types: Vec<&str> = doc.events.iter().map(plover).collect();
        types.sort_unstable();
        types.dedup();
        predicted_types += types.len();
        right_types += types.contains(&ty.as_str()) as usize;
        let same_type: Vec<&dossier_core::Event> =
            doc.events.iter().filter(|e| plover(e) == ty).collect();
        type_hit += !same_type.is_empty() as usize;
        // An actor is found when a mention of a predicted actor overlaps the gold actor text.
        let found = |actors: &[EntityId], gold: &serde_json::Value| {
            gold.as_array().into_iter().flatten().all(|g| {
                let Some(t) = g["actorText"].as_str() else {
                    return true;
                };
                let Some(at) = text.find(t) else { return false };
                let gspan = Span::new(at, at + t.len());
                actors.iter().any(|&e| {
                    doc.entities[e]
                        .mentions
                        .iter()
                        .any(|&m| doc.mentions[m].span.overlaps(gspan))
                })
            })
        };
        // PLOVER's target also codes where the act was done ("a curfew in
        // Algiers"), which the JSON keeps apart as `place`: both count.
        let targets =
            |e: &dossier_core::Event| e.target.iter().copied().chain(e.place).collect::<Vec<_>>();
        let full = same_type
            .iter()
            .any(|e| found(&e.source, &item["source"]) && found(&targets(e), &item["target"]));
        full_hit += full as usize;
        if show && !full {
            print_event_miss(&ty, item, &doc);
        }
    }
    println!("sentences  {gold_n} gold events");
    println!("type       recall {:.3} ({type_hit}), precision {:.3} ({right_types} of {predicted_types} distinct predicted types per sentence)", type_hit as f64 / gold_n.max(1) as f64, right_types as f64 / predicted_types.max(1) as f64);
    println!("full       recall {:.3} ({full_hit}): type, and each gold source and target overlapped by a mention of a predicted actor (a target also by the event's place)", full_hit as f64 / gold_n.max(1) as f64);
    Ok(ExitCode::SUCCESS)
}

/// A gold event not fully found, with every event predicted in its sentence.
fn print_event_miss(ty: &str, item: &serde_json::Value, doc: &dossier_core::Document) {
    let text = doc.text();
    let ev: Vec<String> = doc
        .events
        .iter()
        .map(|e| {
            let names = |v: &[EntityId]| {
                v.iter()
                    .map(|&i| doc.entities[i].name.clone())
                    .collect::<Vec<_>>()
                    .join("+")
            };
            format!(
                "{} {}({}→{})",
                e.ty.as_str(),
                doc.span_text(e.trigger),
                names(&e.source),
                names(&e.target)
            )
        })
        .collect();
    let actors = |k: &str| {
        item[k]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|a| a["actorText"].as_str())
            .collect::<Vec<_>>()
            .join("+")
    };
    println!(
        "{ty} {}→{} | {}\n   predicted: {}",
        actors("source"),
        actors("target"),
        text,
        ev.join("; ")
    );
}
