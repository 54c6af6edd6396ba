//! `dossier extract`: inputs → records → (in parallel) documents → JSON
//! Lines on stdout, in input order.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::collections::HashSet;
use std::io::{self, Read, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::Args;
use dossier_core::json::{to_json, write_json, JsonOptions};
use dossier_core::Document;
use dossier_ingest::{
    expand_inputs, is_publication_date, open, open_reader, Error as ReadError, Failure, Format,
    Input, ReadOptions, Record,
};
use dossier_pipeline::{Layers, Pipeline, QuoteMode, Scratch, Stage, StageTimes};

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

/// Everything a worker needs, shared read-only.
struct Job<'s> {
    skip: &'s HashSet<String>,
    pipeline: Pipeline,
    layers: Layers,
    json: JsonOptions,
    date: Option<String>,
    title: Option<String>,
    url: Option<String>,
    /// Stage times summed over every document and thread.
    times: Mutex<StageTimes>,
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
    let counts = for_each_document(
        &args.input,
        layers,
        args.pretty,
        &HashSet::new(),
        |outcome| {
            let written = match outcome {
                Outcome::Document(json) => write_line(&mut out, &json),
                Outcome::Long(doc, options) => {
                    write_json(&doc, options, &mut out).and_then(|_| out.write_all(b"\n"))
                }
                Outcome::Failed(failure) => write_line(&mut out, &failure.json()),
                Outcome::Skipped => return Ok(()),
            };
            if written.and_then(|_| out.flush()).is_err() {
                // stdout closed (e.g. piped into `head`): stop quietly.
                std::process::exit(0);
            }
            Ok(())
        },
    )?;
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

/// What became of one record.
pub enum Outcome {
    /// The document's JSON.
    Document(String),
    /// A document too long to hold its JSON in memory too: the sink writes
    /// it out (`write_json`) or serialises it.
    Long(Box<Document>, JsonOptions),
    /// Its id was in the skip set.
    Skipped,
    Failed(Failure),
}

/// Documents with more text than this are written out as they are
/// serialised, not first built as one string.
const STREAMED_JSON_BYTES: usize = 1 << 20;

/// Documents read but not yet handed to the sink, per worker thread: the
/// bound on memory whatever the input's size.
const IN_FLIGHT_PER_THREAD: usize = 8;

/// Reads every input and analyses the documents on `--threads` workers,
/// handing each outcome to `sink` in input order. Documents whose id is in
/// `skip` are not analysed. At most a few documents per thread are in
/// memory at once, so a multi-gigabyte input streams in constant memory.
pub fn for_each_document(
    args: &InputArgs,
    layers: Layers,
    pretty: bool,
    skip: &HashSet<String>,
    mut sink: impl FnMut(Outcome) -> Result<()>,
) -> Result<Counts> {
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
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let options = ReadOptions {
        format,
        max_bytes: args.max_bytes,
    };
    let layers = Layers {
        quote_mode: QuoteMode::parse(&args.quotes).unwrap_or_default(),
        ..layers
    };
    let job = Job {
        pipeline: Pipeline::new(layers).context("loading the embedded models")?,
        layers,
        json: JsonOptions {
            tokens: layers.tokens,
            pretty,
        },
        date: args.date.clone(),
        title: args.title.clone(),
        url: args.url.clone(),
        skip,
        times: Mutex::new(StageTimes::default()),
    };
    quiet_panics();

    let inputs = if args.inputs.is_empty() {
        vec!["-".to_string()]
    } else {
        args.inputs.clone()
    };
    let inputs = expand_inputs(&inputs);
    let progress = args.progress.then(|| Progress::new(&inputs));
    let read_bytes = progress.as_ref().map(|p| p.read.clone());
    let mut records = inputs.into_iter().flat_map(
        move |input| -> Box<dyn Iterator<Item = Result<Record, ReadError>>> {
            match input.and_then(|i| open_counted(&i, &options, read_bytes.clone())) {
                Ok(records) => records,
                Err(e) => Box::new(std::iter::once(Err(e))),
            }
        },
    );
    let mut counts = Counts::default();
    let mut deliver = |outcome: Outcome, counts: &mut Counts| -> Result<()> {
        match &outcome {
            Outcome::Skipped => counts.skipped += 1,
            Outcome::Failed(f) => {
                counts.failures += 1;
                eprintln!("{}", f.line());
            }
            Outcome::Document(_) | Outcome::Long(..) => {}
        }
        if let Some(p) = &progress {
            p.tick();
        }
        sink(outcome)
    };

    if threads == 1 {
        // One thread means one: no reader or writer threads either.
        for record in records {
            deliver(process(&job, record), &mut counts)?;
        }
    } else {
        let (work_tx, work_rx) = mpsc::channel::<(usize, Result<Record, ReadError>)>();
        let (done_tx, done_rx) = mpsc::channel::<(usize, Outcome)>();
        let work_rx = Mutex::new(work_rx);
        std::thread::scope(|scope| -> Result<()> {
            for _ in 0..threads {
                let (work_rx, done_tx, job) = (&work_rx, done_tx.clone(), &job);
                std::thread::Builder::new()
                    // Large stacks: third-party HTML code may recurse on odd pages.
                    .stack_size(64 << 20)
                    .spawn_scoped(scope, move || loop {
                        let next = work_rx.lock().unwrap_or_else(|p| p.into_inner()).recv();
                        let Ok((seq, record)) = next else { return };
                        if done_tx.send((seq, process(job, record))).is_err() {
                            return;
                        }
                    })
                    .context("starting a worker thread")?;
            }
            drop(done_tx);
            // Hand out records while fewer than the window are unfinished;
            // put finished ones back in input order.
            let window = threads * IN_FLIGHT_PER_THREAD;
            let (mut sent, mut next_out) = (0usize, 0usize);
            let mut finished: BTreeMap<usize, Outcome> = BTreeMap::new();
            let mut input_done = false;
            let result = (|| -> Result<()> {
                loop {
                    while !input_done && sent - next_out < window {
                        match records.next() {
                            Some(record) => {
                                work_tx
                                    .send((sent, record))
                                    .expect("workers outlive the sender");
                                sent += 1;
                            }
                            None => input_done = true,
                        }
                    }
                    if next_out == sent {
                        return Ok(());
                    }
                    let (seq, outcome) = done_rx.recv().context("a worker thread stopped")?;
                    finished.insert(seq, outcome);
                    while let Some(outcome) = finished.remove(&next_out) {
                        deliver(outcome, &mut counts)?;
                        next_out += 1;
                    }
                }
            })();
            drop(work_tx);
            result
        })?;
    }
    if let Some(p) = progress {
        p.finish();
    }
    counts.times = job.times.into_inner().unwrap_or_else(|p| p.into_inner());
    Ok(counts)
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

fn process(job: &Job<'_>, record: Result<Record, ReadError>) -> Outcome {
    let record = match record {
        Ok(r) => r,
        Err(e) => return Outcome::Failed(Failure::from_read(&e)),
    };
    let (input, record_id, label) = (
        record.input.clone(),
        record.source.record.clone(),
        record.label().map(str::to_string),
    );
    let outcome = catch_unwind(AssertUnwindSafe(|| -> Outcome {
        let single = record_id.is_none();
        let mut times = StageTimes::default();
        let mut clock = Instant::now();
        let decoded = record.into_document();
        times.lap(Stage::Read, &mut clock);
        let mut doc = match decoded {
            Ok(d) => d,
            Err(e) => return Outcome::Failed(Failure::from_read(&e)),
        };
        if job.skip.contains(&doc.id) {
            return Outcome::Skipped; // already stored
        }
        if doc.published.is_none() {
            doc.published = job.date.clone();
        }
        if doc.title.is_none() {
            doc.title = job.title.clone();
        }
        if job.url.is_some() && (single || doc.source.uri.is_none()) {
            doc.source.uri = job.url.clone();
            doc.url = job
                .url
                .clone()
                .filter(|u| dossier_ingest::meta::is_web_url(u));
        }
        SCRATCH.with(|s| {
            let mut scratch = s.borrow_mut();
            job.pipeline.run(&mut doc, job.layers, &mut scratch);
            times.add(&std::mem::take(&mut scratch.times));
        });
        if doc.text().len() > STREAMED_JSON_BYTES {
            job.times
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .add(&times);
            return Outcome::Long(Box::new(doc), job.json);
        }
        clock = Instant::now();
        let json = to_json(&doc, job.json);
        times.lap(Stage::Json, &mut clock);
        job.times
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .add(&times);
        Outcome::Document(json)
    }));
    outcome.unwrap_or_else(|panic| Outcome::Failed(Failure::internal(input, label, &*panic)))
}

/// A panic becomes an error line for its record (see `process`), not a
/// backtrace on stderr.
fn quiet_panics() {
    std::panic::set_hook(Box::new(|_| {}));
}
