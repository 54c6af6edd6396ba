//! `dossier extract`: inputs → records → (in parallel) documents → JSON
//! Lines on stdout, in input order.

use std::cell::RefCell;
use std::collections::HashSet;
use std::io::{self, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::Args;
use dossier_core::json::{to_json, JsonOptions};
use dossier_ingest::{expand_inputs, open, Error as ReadError, Format, ReadOptions, Record};
use dossier_pipeline::{Layers, Pipeline, Scratch};
use rayon::prelude::*;

/// What to read, shared by `extract` and `ingest`.
#[derive(Args, Debug)]
pub struct InputArgs {
    /// Publication date (YYYY-MM-DD) for inputs that carry none; the anchor for relative times.
    #[arg(long, value_name = "D")]
    pub date: Option<String>,
    /// Title for inputs that carry none.
    #[arg(long, value_name = "T")]
    pub title: Option<String>,
    /// Source URL for inputs that carry none (replaces a local file path).
    #[arg(long, value_name = "U")]
    pub url: Option<String>,
    /// Input format: text, html, rss, atom, jsonfeed, warc or jsonl (default: detected).
    #[arg(long = "from", value_name = "FORMAT")]
    pub from: Option<String>,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Largest decoded size of one document in bytes (guards gzip bombs).
    #[arg(long, value_name = "N", default_value_t = 50_000_000)]
    pub max_bytes: usize,
    /// Files, directories (walked recursively) or `-` for stdin (the default).
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<String>,
}

#[derive(Args, Debug)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Comma list of layers: text,sentences,tokens,entities,quotes,times,quantities,events.
    /// Default: all but tokens. `text` alone runs no NLP.
    #[arg(long, value_name = "LIST")]
    pub layers: Option<String>,
    /// Indent the JSON.
    #[arg(long)]
    pub pretty: bool,
}

/// Everything a worker needs, shared read-only.
struct Job<'s> {
    skip: &'s HashSet<String>,
    pipeline: Pipeline,
    layers: Layers,
    json: JsonOptions,
    date: Option<String>,
    title: Option<String>,
    url: Option<String>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

pub fn run(args: ExtractArgs) -> Result<ExitCode> {
    let layers = match &args.layers {
        Some(list) => Layers::parse(list).map_err(anyhow::Error::msg)?,
        None => Layers::default_set(),
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let counts = for_each_document(&args.input, layers, args.pretty, &HashSet::new(), |line| {
        if write_line(&mut out, &line).and_then(|_| out.flush()).is_err() {
            // stdout closed (e.g. piped into `head`): stop quietly.
            std::process::exit(0);
        }
        Ok(())
    })?;
    Ok(if counts.failures == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// What happened to the records of a run.
#[derive(Default)]
pub struct Counts {
    pub failures: usize,
    /// Documents not analysed because their id was in the skip set.
    pub skipped: usize,
}

/// Reads every input, analyses the documents in parallel batches and hands
/// each one's JSON to `sink` in input order. Documents whose id is in
/// `skip` are not analysed. Errors go to stderr, one line each.
pub fn for_each_document(args: &InputArgs, layers: Layers, pretty: bool, skip: &HashSet<String>, mut sink: impl FnMut(String) -> Result<()>) -> Result<Counts> {
    let format = match &args.from {
        Some(f) => Some(Format::parse(f).with_context(|| format!("unknown --from format `{f}` (expected text, html, rss, atom, jsonfeed, warc or jsonl)"))?),
        None => None,
    };
    if let Some(d) = &args.date {
        if !is_iso_date(d) {
            bail!("--date must be YYYY-MM-DD, got `{d}`");
        }
    }
    if args.max_bytes == 0 {
        bail!("--max-bytes must be positive");
    }
    let threads = args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    // Large stacks: third-party HTML code may recurse on odd pages.
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).stack_size(64 << 20).build()?;
    let options = ReadOptions { format, max_bytes: args.max_bytes };
    let job = Job {
        pipeline: Pipeline::new(layers).context("loading the embedded models")?,
        layers,
        json: JsonOptions { tokens: layers.tokens, pretty },
        date: args.date.clone(),
        title: args.title.clone(),
        url: args.url.clone(),
        skip,
    };
    quiet_panics();

    let inputs = if args.inputs.is_empty() { vec!["-".to_string()] } else { args.inputs.clone() };
    let batch_size = threads * 16;
    let mut batch: Vec<Result<Record, ReadError>> = Vec::with_capacity(batch_size);
    let mut counts = Counts::default();
    for input in expand_inputs(&inputs) {
        let records = input.and_then(|i| open(&i, &options));
        match records {
            Err(e) => batch.push(Err(e)),
            Ok(records) => {
                for record in records {
                    batch.push(record);
                    if batch.len() >= batch_size {
                        flush(&pool, &job, &mut batch, &mut sink, &mut counts)?;
                    }
                }
            }
        }
    }
    flush(&pool, &job, &mut batch, &mut sink, &mut counts)?;
    Ok(counts)
}

/// Processes a batch in parallel and hands it on in order.
fn flush(pool: &rayon::ThreadPool, job: &Job<'_>, batch: &mut Vec<Result<Record, ReadError>>, sink: &mut impl FnMut(String) -> Result<()>, counts: &mut Counts) -> Result<()> {
    let results: Vec<Result<Option<String>, String>> = pool.install(|| batch.par_drain(..).map(|r| process(job, r)).collect());
    for r in results {
        match r {
            Ok(Some(line)) => sink(line)?,
            Ok(None) => counts.skipped += 1,
            Err(msg) => {
                counts.failures += 1;
                eprintln!("{msg}");
            }
        }
    }
    Ok(())
}

fn write_line(out: &mut impl Write, line: &str) -> io::Result<()> {
    out.write_all(line.as_bytes())?;
    out.write_all(b"\n")
}

fn process(job: &Job<'_>, record: Result<Record, ReadError>) -> Result<Option<String>, String> {
    let record = record.map_err(|e| e.to_string())?;
    let label = match &record.source.record {
        Some(r) => format!("{} [{r}]", record.input),
        None => record.input.clone(),
    };
    let outcome = catch_unwind(AssertUnwindSafe(|| -> Result<Option<String>, String> {
        let single = record.source.record.is_none();
        let mut doc = record.into_document().map_err(|e| e.to_string())?;
        if job.skip.contains(&doc.id) {
            return Ok(None); // already stored
        }
        if doc.published.is_none() {
            doc.published = job.date.clone();
        }
        if doc.title.is_none() {
            doc.title = job.title.clone();
        }
        if job.url.is_some() && (single || doc.source.uri.is_none()) {
            doc.source.uri = job.url.clone();
        }
        SCRATCH.with(|s| job.pipeline.run(&mut doc, job.layers, &mut s.borrow_mut()));
        Ok(Some(to_json(&doc, job.json)))
    }));
    match outcome {
        Ok(r) => r,
        Err(panic) => {
            let msg = panic.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| panic.downcast_ref::<String>().cloned()).unwrap_or_default();
            Err(format!("{label}: error[E900]: internal error, please report it: {msg}"))
        }
    }
}

/// A panic becomes an error line for its record (see `process`), not a
/// backtrace on stderr.
fn quiet_panics() {
    std::panic::set_hook(Box::new(|_| {}));
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&s[5..7].parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u32>().unwrap_or(0))
}
