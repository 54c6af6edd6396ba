//! `dossier extract`: inputs → records → (in parallel) documents → JSON
//! Lines on stdout, in input order.

use std::cell::RefCell;
use std::io::{self, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::Args;
use dossier_core::json::{to_json, JsonOptions};
use dossier_ingest::{expand_inputs, open, Error as ReadError, Format, ReadOptions, Record};
use dossier_pipeline::{Layers, Pipeline, Scratch};
use rayon::prelude::*;

#[derive(Args, Debug)]
pub struct ExtractArgs {
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
    /// Comma list of layers: text,sentences,tokens,entities,quotes,times,quantities,events.
    /// Default: all but tokens. `text` alone runs no NLP.
    #[arg(long, value_name = "LIST")]
    pub layers: Option<String>,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Largest decoded size of one document in bytes (guards gzip bombs).
    #[arg(long, value_name = "N", default_value_t = 50_000_000)]
    pub max_bytes: usize,
    /// Indent the JSON.
    #[arg(long)]
    pub pretty: bool,
    /// Files, directories (walked recursively) or `-` for stdin (the default).
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<String>,
}

/// Everything a worker needs, shared read-only.
struct Job {
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
        json: JsonOptions { tokens: layers.tokens, pretty: args.pretty },
        date: args.date,
        title: args.title,
        url: args.url,
    };
    quiet_panics();

    let inputs = if args.inputs.is_empty() { vec!["-".to_string()] } else { args.inputs };
    let batch_size = threads * 16;
    let mut batch: Vec<Result<Record, ReadError>> = Vec::with_capacity(batch_size);
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut failures = 0usize;
    for input in expand_inputs(&inputs) {
        let records = input.and_then(|i| open(&i, &options));
        match records {
            Err(e) => batch.push(Err(e)),
            Ok(records) => {
                for record in records {
                    batch.push(record);
                    if batch.len() >= batch_size {
                        failures += flush(&pool, &job, &mut batch, &mut out)?;
                    }
                }
            }
        }
    }
    failures += flush(&pool, &job, &mut batch, &mut out)?;
    Ok(if failures == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// Processes a batch in parallel and writes it in order. Returns the number
/// of failed records.
fn flush(pool: &rayon::ThreadPool, job: &Job, batch: &mut Vec<Result<Record, ReadError>>, out: &mut impl Write) -> Result<usize> {
    let results: Vec<Result<String, String>> = pool.install(|| batch.par_drain(..).map(|r| process(job, r)).collect());
    let mut failures = 0;
    for r in results {
        match r {
            Ok(line) => {
                if write_line(out, &line).is_err() {
                    // stdout closed (e.g. piped into `head`): stop quietly.
                    std::process::exit(if failures == 0 { 0 } else { 1 });
                }
            }
            Err(msg) => {
                failures += 1;
                eprintln!("{msg}");
            }
        }
    }
    if out.flush().is_err() {
        std::process::exit(0);
    }
    Ok(failures)
}

fn write_line(out: &mut impl Write, line: &str) -> io::Result<()> {
    out.write_all(line.as_bytes())?;
    out.write_all(b"\n")
}

fn process(job: &Job, record: Result<Record, ReadError>) -> Result<String, String> {
    let record = record.map_err(|e| e.to_string())?;
    let label = match &record.source.record {
        Some(r) => format!("{} [{r}]", record.input),
        None => record.input.clone(),
    };
    let outcome = catch_unwind(AssertUnwindSafe(|| -> Result<String, String> {
        let single = record.source.record.is_none();
        let mut doc = record.into_document().map_err(|e| e.to_string())?;
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
        Ok(to_json(&doc, job.json))
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
