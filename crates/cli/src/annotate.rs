//! `dossier annotate`: the evaluation interface. Reads CoNLL-U and writes
//! it back with UPOS, XPOS, HEAD and DEPREL predicted over the given
//! tokens; comments, multiword-token lines, empty nodes and the other
//! columns are kept as they are.

use std::io::{Read, Write};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::Args;
use dossier_nlp::conllu;
use dossier_nlp::parser::ParseScratch;
use dossier_nlp::tagger::TagScratch;

#[derive(Args)]
pub struct AnnotateArgs {
    /// Input format: conllu (tags and parse) or conll (named entities).
    #[arg(long = "from", value_name = "FORMAT")]
    pub from: String,
    /// Output format; the same as --from.
    #[arg(long = "to", value_name = "FORMAT")]
    pub to: String,
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
    if conll {
        return annotate_conll(&text);
    }
    let (mut sentences, problems) = conllu::parse(&text);
    for p in &problems {
        eprintln!("{}: {p}", args.input);
    }
    let syntax = dossier_pipeline::models::syntax().context("loading the embedded models")?;
    let (mut tag_scratch, mut parse_scratch) = (TagScratch::default(), ParseScratch::default());
    let (mut tags, mut arcs) = (Vec::new(), Vec::new());
    for s in &mut sentences {
        if s.words.is_empty() {
            continue;
        }
        syntax.tagger.tag(
            s.words.iter().map(|w| w.form.as_str()),
            Some(syntax.clusters),
            &mut tags,
            &mut tag_scratch,
        );
        syntax.parser.parse(
            s.words.iter().map(|w| w.form.as_str()),
            &tags,
            Some(syntax.clusters),
            &mut arcs,
            &mut parse_scratch,
        );
        for (w, (&t, &(head, dep))) in s.words.iter_mut().zip(tags.iter().zip(&arcs)) {
            let (upos, xpos) = syntax.tagger.class(t as usize);
            w.columns[3] = upos.to_string();
            w.columns[4] = xpos.to_string();
            w.columns[6] = head.map_or(0, |h| h + 1).to_string();
            w.columns[7] = dep.to_string();
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
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Appends one predicted IOB2 tag (CoNLL's four types) to every token
/// line; `-DOCSTART-` and blank lines are kept.
fn annotate_conll(text: &str) -> Result<ExitCode> {
    use dossier_nlp::ner::{NerScratch, PreparedDoc};
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
    let mut scratch = NerScratch::default();
    let mut spans = Vec::new();
    for doc in &docs {
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
        names.ner.recognise_doc(&prepared, &mut spans, &mut scratch);
        for (s, sp) in doc.iter().zip(&spans) {
            for &i in s {
                tags[i] = Some("O".to_string());
            }
            for &(a, b, t) in sp {
                let ty = conll_type(names.ner.types()[t]);
                tags[s[a]] = Some(format!("B-{ty}"));
                for &i in &s[a + 1..b] {
                    tags[i] = Some(format!("I-{ty}"));
                }
            }
        }
    }
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
    Ok(ExitCode::SUCCESS)
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
