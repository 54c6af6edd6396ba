//! One record to one analysed document, as `extract`, `ingest` and the
//! server's `POST /documents` do it: decode, fill the caller's defaults,
//! run the pipeline, write the JSON. Run over many records by the
//! [`Runner`](crate::runner::Runner).

use std::any::Any;
use std::cell::RefCell;
use std::sync::Mutex;
use std::time::Instant;

use dossier_core::json::{to_json, JsonOptions};
use dossier_core::Document;
use dossier_ingest::{Error as ReadError, Failure, Record};

use crate::runner::Task;
use crate::{Pipeline, Scratch, Stage, StageTimes};

/// What a record's document gets where its input says nothing.
#[derive(Clone, Debug, Default)]
pub struct Defaults {
    /// Publication date, the anchor of relative times.
    pub date: Option<String>,
    pub title: Option<String>,
    /// Source URL; for an input of one record it replaces the file's path.
    pub url: Option<String>,
}

impl Defaults {
    /// Fills what `doc`'s input left out; `single` says its input holds
    /// only this record, whose path the URL then replaces.
    pub fn fill(&self, doc: &mut Document, single: bool) {
        if doc.published.is_none() {
            doc.published.clone_from(&self.date);
        }
        if doc.title.is_none() {
            doc.title.clone_from(&self.title);
        }
        if self.url.is_some() && (single || doc.source.uri.is_none()) {
            doc.source.uri.clone_from(&self.url);
            doc.url = self
                .url
                .clone()
                .filter(|u| dossier_ingest::meta::is_web_url(u));
        }
    }
}

/// What became of one record.
pub enum Outcome {
    /// The document's JSON.
    Document {
        id: String,
        json: String,
    },
    /// A document too long to hold its JSON in memory too: the sink writes
    /// it out (`write_json`) or serialises it.
    Long(Box<Document>, JsonOptions),
    /// Its id is one the caller skips (already stored): not analysed.
    Skipped(String),
    Failed(Failure),
}

/// Documents with more text than this are handed over unserialised, so
/// the sink can write them out as they are serialised.
pub const STREAMED_JSON_BYTES: usize = 1 << 20;

/// Record → [`Outcome`], shared read-only by every worker.
pub struct Job<'s> {
    pub pipeline: &'s Pipeline,
    pub defaults: Defaults,
    pub json: JsonOptions,
    /// Ids not to analyse.
    pub skip: &'s (dyn Fn(&str) -> bool + Sync),
    /// Stage times summed over every document and thread.
    times: Mutex<StageTimes>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

impl<'s> Job<'s> {
    /// Writes the JSON with tokens if the pipeline builds them.
    pub fn new(
        pipeline: &'s Pipeline,
        defaults: Defaults,
        pretty: bool,
        skip: &'s (dyn Fn(&str) -> bool + Sync),
    ) -> Self {
        let json = JsonOptions {
            tokens: pipeline.layers().tokens,
            pretty,
        };
        Job {
            pipeline,
            defaults,
            json,
            skip,
            times: Mutex::new(StageTimes::default()),
        }
    }

    /// Where the time went, stage by stage, over every record so far.
    pub fn times(&self) -> StageTimes {
        *self.times.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn add_times(&self, times: &StageTimes) {
        self.times
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .add(times);
    }

    fn analyse(&self, record: Record) -> Outcome {
        let single = record.source.record.is_none();
        let mut times = StageTimes::default();
        let mut clock = Instant::now();
        let decoded = record.into_document();
        times.lap(Stage::Read, &mut clock);
        let mut doc = match decoded {
            Ok(d) => d,
            Err(e) => return Outcome::Failed(Failure::from_read(&e)),
        };
        if (self.skip)(&doc.id) {
            return Outcome::Skipped(doc.id);
        }
        self.defaults.fill(&mut doc, single);
        SCRATCH.with(|s| {
            let mut scratch = s.borrow_mut();
            self.pipeline.run(&mut doc, &mut scratch);
            times.add(&std::mem::take(&mut scratch.times));
        });
        if doc.text().len() > STREAMED_JSON_BYTES {
            self.add_times(&times);
            return Outcome::Long(Box::new(doc), self.json);
        }
        clock = Instant::now();
        let json = to_json(&doc, self.json);
        times.lap(Stage::Json, &mut clock);
        self.add_times(&times);
        Outcome::Document { id: doc.id, json }
    }
}

impl Task for Job<'_> {
    type Item = Result<Record, ReadError>;
    type Output = Outcome;
    /// The input's name and the record's label.
    type Label = Option<(String, Option<String>)>;

    fn label(&self, item: &Self::Item) -> Self::Label {
        let record = item.as_ref().ok()?;
        Some((record.input.clone(), record.label().map(str::to_string)))
    }

    fn run(&self, item: Self::Item) -> Outcome {
        match item {
            Ok(record) => self.analyse(record),
            Err(e) => Outcome::Failed(Failure::from_read(&e)),
        }
    }

    fn panicked(&self, label: Self::Label, panic: &(dyn Any + Send)) -> Outcome {
        // The scratch may hold half a document: start the next one afresh.
        SCRATCH.with(|s| *s.borrow_mut() = Scratch::default());
        let (input, record) = label.unwrap_or_default();
        Outcome::Failed(Failure::internal(input, record, panic))
    }
}
