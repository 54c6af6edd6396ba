//! `dossier annotate`: the evaluation interface. Reads CoNLL-U and writes
//! it back with UPOS, XPOS, HEAD and DEPREL predicted over the given
//! tokens; comments, multiword-token lines, empty nodes and the other
//! columns are kept as they are.

use std::any::Any;
use std::cell::RefCell;
use std::io::{Read, Write};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::Args;
use dossier_nlp::conllu;
use dossier_nlp::ner::{NerScratch, PreparedDoc};
use dossier_nlp::parser::ParseScratch;
use dossier_nlp::tagger::TagScratch;
use dossier_pipeline::models::{Names, Syntax};
use dossier_pipeline::runner::{RunError, Runner, Task};

#[derive(Args)]
pub struct AnnotateArgs {
    /// Input format: conllu (tags and parse) or conll (named entities).
    #[arg(long = "from", value_name = "FORMAT")]
    pub from: String,
    /// Output format; the same as --from.
    #[arg(long = "to", value_name = "FORMAT")]
    pub to: String,
    /// Worker threads (default: all cores); the output is the same.
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// A file, or `-` for stdin.
    #[arg(value_name = "FILE", default_value = "-")]
    pub input: String,
}

pub fn run(args: AnnotateArgs) -> Result<ExitCode> {
    let conll = match (args.from.as_str(), args.to.as_str()) {
        ("conllu", "conllu") => false,
        ("conll", "conll") => true,
        (f, t) => bail!(
            "unsupported conversion --from {f} --to {t} (expected conllu→conllu or conll→conll)"
        ),
    };
    let mut text = String::new();
    if args.input == "-" {
        std::io::stdin()
            .read_to_string(&mut text)
            .context("reading stdin")?;
    } else {
        text = std::fs::read_to_string(&args.input)
            .with_context(|| format!("reading {}", args.input))?;
    }
    let runner = Runner::new(args.threads);
    if conll {
        return annotate_conll(&text, runner);
    }
    let (mut sentences, problems) = conllu::parse(&text);
    for p in &problems {
        eprintln!("{}: {p}", args.input);
    }
    let syntax = dossier_pipeline::models::syntax().context("loading the embedded models")?;
    let mut failed = Vec::new();
    let task = TagAndParse {
        syntax,
        sentences: std::marker::PhantomData,
    };
    runner.run(&task, sentences.iter_mut().enumerate(), |done| {
        if let Err((i, e)) = done {
            eprintln!("{}: sentence {}: error[E900]: {e}", args.input, i + 1);
            failed.push(i);
        }
        Ok::<_, RunError>(())
    })?;
    for &i in &failed {
        for w in &mut sentences[i].words {
            for c in [3, 4, 6, 7] {
                w.columns[c] = "_".to_string();
            }
        }
    }
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    conllu::write(&sentences, &mut out);
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    if lock
        .write_all(out.as_bytes())
        .and_then(|_| lock.flush())
        .is_err()
    {
        return Ok(ExitCode::SUCCESS); // stdout closed early
    }
    Ok(if problems.is_empty() && failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// What the tagger and parser reuse from one sentence to the next.
#[derive(Default)]
struct SyntaxScratch {
    tag: TagScratch,
    parse: ParseScratch,
    tags: Vec<u16>,
    arcs: Vec<(Option<usize>, dossier_core::Dep)>,
}

thread_local! {
    static SYNTAX_SCRATCH: RefCell<SyntaxScratch> = RefCell::default();
    static NER_SCRATCH: RefCell<NerScratch> = RefCell::default();
}

/// The message of a caught panic.
fn panic_message(panic: &(dyn Any + Send)) -> String {
    let message = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    format!("internal error, please report it: {message}")
}

/// Fills a CoNLL-U sentence's UPOS, XPOS, HEAD and DEPREL. A sentence whose
/// analysis failed gets `_` in those columns and its number in the error.
struct TagAndParse<'a> {
    syntax: &'static Syntax,
    sentences: std::marker::PhantomData<&'a mut conllu::Sentence>,
}

impl<'a> Task for TagAndParse<'a> {
    /// A sentence and its index.
    type Item = (usize, &'a mut conllu::Sentence);
    type Output = Result<(), (usize, String)>;
    type Label = usize;

    fn label(&self, item: &Self::Item) -> usize {
        item.0
    }

    fn run(&self, (_, s): Self::Item) -> Self::Output {
        if s.words.is_empty() {
            return Ok(());
        }
        let syntax = self.syntax;
        SYNTAX_SCRATCH.with(|scratch| {
            let SyntaxScratch {
                tag: tag_scratch,
                parse: parse_scratch,
                tags,
                arcs,
            } = &mut *scratch.borrow_mut();
            syntax.tagger.tag(
                s.words.iter().map(|w| w.form.as_str()),
                Some(syntax.clusters),
                tags,
                tag_scratch,
            );
            syntax.parser.parse(
                s.words.iter().map(|w| w.form.as_str()),
                tags,
                Some(syntax.clusters),
                arcs,
                parse_scratch,
            );
            for (w, (&t, &(head, dep))) in s.words.iter_mut().zip(tags.iter().zip(arcs.iter())) {
                let (upos, xpos) = syntax.tagger.class(t as usize);
                w.columns[3] = upos.to_string();
                w.columns[4] = xpos.to_string();
                w.columns[6] = head.map_or(0, |h| h + 1).to_string();
                w.columns[7] = dep.to_string();
            }
        });
        Ok(())
    }

    fn panicked(&self, i: usize, panic: &(dyn Any + Send)) -> Self::Output {
        SYNTAX_SCRATCH.with(|s| *s.borrow_mut() = Default::default());
        Err((i, panic_message(panic)))
    }
}
/// Appends one predicted IOB2 tag (CoNLL's four types) to every token
/// line; `-DOCSTART-` and blank lines are kept.
fn annotate_conll(text: &str, runner: Runner) -> Result<ExitCode> {
    let names = dossier_pipeline::models::names().context("loading the embedded models")?;
    // Group lines into documents and sentences, remembering every line.
    let lines: Vec<&str> = text.lines().collect();
    let mut docs: Vec<Vec<Vec<usize>>> = vec![Vec::new()];
    let mut sentence: Vec<usize> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let first = line.split_whitespace().next();
        match first {
            None | Some("-DOCSTART-") => {
                if !sentence.is_empty() {
                    docs.last_mut().unwrap().push(std::mem::take(&mut sentence));
                }
                if first == Some("-DOCSTART-") && !docs.last().unwrap().is_empty() {
                    docs.push(Vec::new());
                }
            }
            Some(_) => sentence.push(i),
        }
    }
    if !sentence.is_empty() {
        docs.last_mut().unwrap().push(sentence);
    }
    let mut tags: Vec<Option<String>> = vec![None; lines.len()];
    let mut failed = false;
    let task = RecogniseNames {
        names,
        lines: &lines,
    };
    runner.run(&task, docs.iter().enumerate(), |done| {
        match done {
            Ok(tagged) => tagged.into_iter().for_each(|(i, t)| tags[i] = Some(t)),
            Err((d, e)) => {
                eprintln!("document {}: error[E900]: {e}", d + 1);
                failed = true;
                // Its lines say no name rather than go without a column.
                docs[d]
                    .iter()
                    .flatten()
                    .for_each(|&i| tags[i] = Some("O".into()));
            }
        }
        Ok::<_, RunError>(())
    })?;
    let mut out = String::with_capacity(text.len() + lines.len() * 6);
    for (line, tag) in lines.iter().zip(&tags) {
        out.push_str(line);
        if let Some(t) = tag {
            out.push(' ');
            out.push_str(t);
        }
        out.push('\n');
    }
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    let _ = lock.write_all(out.as_bytes()).and_then(|_| lock.flush());
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// One CoNLL document's IOB2 tags, by line (the NER weighs evidence from
/// the whole document).
struct RecogniseNames<'a> {
    names: &'static Names,
    lines: &'a [&'a str],
}

impl<'a> Task for RecogniseNames<'a> {
    /// A document's index and its sentences' line numbers.
    type Item = (usize, &'a Vec<Vec<usize>>);
    type Output = Result<Vec<(usize, String)>, (usize, String)>;
    type Label = usize;

    fn label(&self, item: &Self::Item) -> usize {
        item.0
    }

    fn run(&self, (_, doc): Self::Item) -> Self::Output {
        let (names, lines) = (self.names, self.lines);
        let words = |s: &Vec<usize>| {
            s.iter()
                .map(|&i| lines[i].split_whitespace().next().unwrap_or(""))
                .collect::<Vec<&str>>()
        };
        let sentences: Vec<Vec<&str>> = doc.iter().map(words).collect();
        let prepared = PreparedDoc::new(
            sentences.iter().map(|s| s.iter().copied()),
            Some(names.clusters),
            Some(&names.gazetteer),
        );
        let mut spans = Vec::new();
        NER_SCRATCH.with(|scratch| {
            names
                .ner
                .recognise_doc(&prepared, &mut spans, &mut scratch.borrow_mut())
        });
        let mut tags = Vec::new();
        for (s, sp) in doc.iter().zip(&spans) {
            let first = tags.len();
            tags.extend(s.iter().map(|&i| (i, "O".to_string())));
            for &(a, b, t) in sp {
                let ty = conll_type(names.ner.types()[t]);
                tags[first + a].1 = format!("B-{ty}");
                for tag in &mut tags[first + a + 1..first + b] {
                    tag.1 = format!("I-{ty}");
                }
            }
        }
        Ok(tags)
    }

    fn panicked(&self, d: usize, panic: &(dyn Any + Send)) -> Self::Output {
        NER_SCRATCH.with(|s| *s.borrow_mut() = NerScratch::default());
        Err((d, panic_message(panic)))
    }
}

/// OntoNotes-style types folded into CoNLL's four.
fn conll_type(t: &str) -> &str {
    match t {
        "PERSON" | "PER" => "PER",
        "ORG" => "ORG",
        "GPE" | "LOC" | "FAC" => "LOC",
        _ => "MISC",
    }
}
