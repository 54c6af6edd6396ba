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
    match (args.from.as_str(), args.to.as_str()) {
        ("conllu", "conllu") => {}
        ("conll", "conll") => bail!("--from conll needs the named-entity model, which is not built yet (issue #4)"),
        (f, t) => bail!("unsupported conversion --from {f} --to {t} (expected conllu→conllu or conll→conll)"),
    }
    let mut text = String::new();
    if args.input == "-" {
        std::io::stdin().read_to_string(&mut text).context("reading stdin")?;
    } else {
        text = std::fs::read_to_string(&args.input).with_context(|| format!("reading {}", args.input))?;
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
        syntax.tagger.tag(s.words.iter().map(|w| w.form.as_str()), Some(&syntax.clusters), &mut tags, &mut tag_scratch);
        syntax.parser.parse(s.words.iter().map(|w| w.form.as_str()), &tags, Some(&syntax.clusters), &mut arcs, &mut parse_scratch);
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
    if lock.write_all(out.as_bytes()).and_then(|_| lock.flush()).is_err() {
        return Ok(ExitCode::SUCCESS); // stdout closed early
    }
    Ok(if problems.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
