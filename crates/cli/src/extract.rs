//! `dossier extract`: inputs → records → (in parallel) documents → JSON
//! Lines on stdout, in input order.

use std::io::{self, Read, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::Args;
use dossier_core::json::write_json;
use dossier_ingest::{
    expand_inputs, is_publication_date, open, open_reader, Error as ReadError, Format, Input,
    ReadOptions, Record,
};
pub use dossier_pipeline::job::Outcome;
use dossier_pipeline::job::{Defaults, Job};
use dossier_pipeline::runner::Runner;
use dossier_pipeline::{Layers, Pipeline, QuoteMode, Stage, StageTimes};

/// What to read, shared by `extract` and `ingest`.
#[derive(Args, Debug)]
pub struct InputArgs {
    /// Publication date (YYYY-MM-DD, or an RFC 3339 date-time such as
    /// 2024-07-10T14:30:00Z) for inputs that carry none; the anchor for
    /// relative times ("in 5 minutes" needs the clock).
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
    /// Show documents, documents/s and (for files) an ETA on stderr while running.
    #[arg(long)]
    pub progress: bool,
    /// Largest decoded size of one document in bytes (guards gzip bombs).
    #[arg(long, value_name = "N", default_value_t = 50_000_000)]
    pub max_bytes: usize,
    /// Which quotes to keep: `speech` (statements, claims, questions,
    /// posts: the cue says someone expressed it) or `all` (every attribution,
    /// with beliefs, perceptions and expectations).
    #[arg(long, value_name = "WHICH", default_value = "speech", value_parser = ["speech", "all"])]
    pub quotes: String,
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
    /// Print on stderr, at the end, how the time split across stages.
    #[arg(long)]
    pub profile: bool,
    /// Exit 0 even if some records could not be read: each still gets its
    /// error record on stdout and a line on stderr. For map stages (Spark's
    /// `pipe`), where only a crash should fail the task.
    #[arg(long)]
    pub tolerate_bad_records: bool,
}

pub fn run(args: ExtractArgs) -> Result<ExitCode> {
    let layers = match &args.layers {
        Some(list) => Layers::parse(list).map_err(anyhow::Error::msg)?,
        None => Layers::default_set(),
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let counts = for_each_document(&args.input, layers, args.pretty, &|_| false, |outcome| {
        let written = match outcome {
            Outcome::Document { json, .. } => write_line(&mut out, &json),
            Outcome::Long(doc, options) => {
                write_json(&doc, options, &mut out).and_then(|_| out.write_all(b"\n"))
            }
            Outcome::Failed(failure) => write_line(&mut out, &failure.json()),
            Outcome::Skipped(_) => return Ok(()),
        };
        if written.and_then(|_| out.flush()).is_err() {
            // stdout closed (e.g. piped into `head`): stop quietly.
            std::process::exit(0);
        }
        Ok(())
    })?;
    if args.profile {
        eprint!("{}", profile_table(&counts.times));
    }
    Ok(if counts.failures == 0 || args.tolerate_bad_records {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Stage, seconds and share of the total, biggest first.
fn profile_table(times: &StageTimes) -> String {
    let total: f64 = times.0.iter().sum();
    let mut rows: Vec<(&str, f64)> = Stage::ALL
        .iter()
        .map(|s| s.name())
        .zip(times.0)
        .filter(|&(_, t)| t > 0.0)
        .collect();
    rows.sort_by(|a, b| b.1.total_cmp(&a.1));
    let mut out = format!("{:<18} {:>9} {:>7}\n", "stage", "seconds", "share");
    for (stage, t) in rows {
        out += &format!(
            "{stage:<18} {t:>9.3} {:>6.1}%\n",
            100.0 * t / total.max(1e-12)
        );
    }
    out += &format!("{:<18} {total:>9.3} {:>6.1}%\n", "total", 100.0);
    out
}

/// What happened to the records of a run.
#[derive(Default)]
pub struct Counts {
    pub failures: usize,
    /// Documents not analysed because their id was in the skip set.
    pub skipped: usize,
    /// Where the time went, stage by stage.
    pub times: StageTimes,
}

/// Reads every input and analyses the documents on `--threads` workers,
/// handing each outcome to `sink` in input order. Documents whose id is
/// skipped are not analysed. At most a few documents per thread are in
/// memory at once, so a multi-gigabyte input streams in constant memory.
pub fn for_each_document(
    args: &InputArgs,
    layers: Layers,
    pretty: bool,
    skip: &(dyn Fn(&str) -> bool + Sync),
    mut sink: impl FnMut(Outcome) -> Result<()>,
) -> Result<Counts> {
    let options = read_options(args)?;
    let layers = Layers {
        quote_mode: QuoteMode::parse(&args.quotes).unwrap_or_default(),
        ..layers
    };
    let pipeline = Pipeline::new(layers).context("loading the embedded models")?;
    let defaults = Defaults {
        date: args.date.clone(),
        title: args.title.clone(),
        url: args.url.clone(),
    };
    let job = Job::new(&pipeline, defaults, pretty, skip);
    quiet_panics();

    let inputs = if args.inputs.is_empty() {
        vec!["-".to_string()]
    } else {
        args.inputs.clone()
    };
    let inputs = expand_inputs(&inputs);
    let progress = args.progress.then(|| Progress::new(&inputs));
    let read_bytes = progress.as_ref().map(|p| p.read.clone());
    let records = inputs.into_iter().flat_map(
        move |input| -> Box<dyn Iterator<Item = Result<Record, ReadError>>> {
            match input.and_then(|i| open_counted(&i, &options, read_bytes.clone())) {
                Ok(records) => records,
                Err(e) => Box::new(std::iter::once(Err(e))),
            }
        },
    );
    let mut counts = Counts::default();
    Runner::new(args.threads).run(&job, records, |outcome| {
        match &outcome {
            Outcome::Skipped(_) => counts.skipped += 1,
            Outcome::Failed(f) => {
                counts.failures += 1;
                eprintln!("{}", f.line());
            }
            Outcome::Document { .. } | Outcome::Long(..) => {}
        }
        if let Some(p) = &progress {
            p.tick();
        }
        sink(outcome)
    })?;
    if let Some(p) = progress {
        p.finish();
    }
    counts.times = job.times();
    Ok(counts)
}

/// The checked reading options: format, date and size limit.
fn read_options(args: &InputArgs) -> Result<ReadOptions> {
    let format = match &args.from {
        Some(f) => Some(Format::parse(f).with_context(|| format!("unknown --from format `{f}` (expected text, html, rss, atom, jsonfeed, warc or jsonl)"))?),
        None => None,
    };
    if let Some(d) = &args.date {
        if !is_publication_date(d) {
            bail!("--date must be YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][offset], got `{d}`");
        }
    }
    if args.max_bytes == 0 {
        bail!("--max-bytes must be positive");
    }
    Ok(ReadOptions {
        format,
        max_bytes: args.max_bytes,
    })
}

/// Opens a file input through a byte counter, so progress can show how
/// much of the input has been read.
fn open_counted(
    input: &Input,
    options: &ReadOptions,
    counter: Option<Arc<AtomicU64>>,
) -> Result<dossier_ingest::Records, ReadError> {
    match (input, counter) {
        (Input::File(path), Some(counter)) => {
            let file = std::fs::File::open(path).map_err(|e| {
                ReadError::new(input.name(), dossier_ingest::ErrorKind::Open(e.to_string()))
            })?;
            open_reader(
                Box::new(CountingReader {
                    inner: file,
                    counter,
                }),
                &input.name(),
                Some(path),
                options,
            )
        }
        _ => open(input, options),
    }
}

struct CountingReader<R> {
    inner: R,
    counter: Arc<AtomicU64>,
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// `--progress`: documents, documents/s and, for file inputs, bytes read
/// and an ETA, on stderr (drawn only on a terminal).
struct Progress {
    bar: indicatif::ProgressBar,
    read: Arc<AtomicU64>,
    docs: std::cell::Cell<u64>,
    started: Instant,
}

impl Progress {
    fn new(inputs: &[Result<Input, ReadError>]) -> Self {
        let sizes: Option<u64> = inputs
            .iter()
            .map(|i| match i {
                Ok(Input::File(p)) => std::fs::metadata(p).ok().map(|m| m.len()),
                _ => None,
            })
            .sum();
        let bar = match sizes {
            Some(total) => {
                let bar = indicatif::ProgressBar::new(total);
                bar.set_style(
                    indicatif::ProgressStyle::with_template(
                        "{bar:30} {bytes}/{total_bytes} {msg} ETA {eta}",
                    )
                    .expect("valid template"),
                );
                bar
            }
            None => {
                let bar = indicatif::ProgressBar::new_spinner();
                bar.set_style(
                    indicatif::ProgressStyle::with_template("{spinner} {msg} [{elapsed}]")
                        .expect("valid template"),
                );
                bar
            }
        };
        bar.set_draw_target(indicatif::ProgressDrawTarget::stderr_with_hz(4));
        Progress {
            bar,
            read: Arc::new(AtomicU64::new(0)),
            docs: std::cell::Cell::new(0),
            started: Instant::now(),
        }
    }

    fn tick(&self) {
        let docs = self.docs.get() + 1;
        self.docs.set(docs);
        let rate = docs as f64 / self.started.elapsed().as_secs_f64().max(1e-3);
        self.bar.set_position(self.read.load(Ordering::Relaxed));
        self.bar
            .set_message(format!("{docs} documents, {rate:.1} documents/s"));
    }

    fn finish(self) {
        self.bar.finish_and_clear();
    }
}

fn write_line(out: &mut impl Write, line: &str) -> io::Result<()> {
    out.write_all(line.as_bytes())?;
    out.write_all(b"\n")
}

/// A panic becomes an error line for its record (the runner catches it),
/// not a backtrace on stderr.
fn quiet_panics() {
    std::panic::set_hook(Box::new(|_| {}));
}
