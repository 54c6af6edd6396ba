//! One record to one JSON document, as `dossier extract` does it: the
//! defaults for date, title and URL, the pipeline, and E900 for a panic.

use std::cell::RefCell;
use std::io::Cursor;
use std::panic::{catch_unwind, AssertUnwindSafe};

use dossier_core::json::{to_json, JsonOptions};
use dossier_core::{Source, SourceFormat};
pub use dossier_ingest::Failure;
use dossier_ingest::{
    is_publication_date, open_reader, Error as ReadError, Format, Meta, Payload, ReadOptions,
    Record,
};
use dossier_pipeline::job::Defaults;
use dossier_pipeline::{Layers, Pipeline, Scratch};

/// What every record of a call or a pipe shares.
pub struct Job {
    pipeline: Pipeline,
    defaults: Defaults,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

impl Job {
    /// Checks the options as the CLI does; the message says what is wrong.
    pub fn new(
        layers: Option<&str>,
        date: Option<String>,
        title: Option<String>,
        url: Option<String>,
    ) -> Result<Self, String> {
        let layers = layers.map_or(Ok(Layers::default_set()), Layers::parse)?;
        if let Some(d) = date.as_deref().filter(|d| !is_publication_date(d)) {
            return Err(format!(
                "date must be YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][offset], got {d:?}"
            ));
        }
        let pipeline = Pipeline::new(layers)
            .map_err(|e| format!("E302 the embedded models cannot be loaded: {e}"))?;
        Ok(Job {
            pipeline,
            defaults: Defaults { date, title, url },
        })
    }

    /// The record's JSON document, or why there is none.
    pub fn analyse(&self, record: Result<Record, Failure>) -> Result<String, Failure> {
        let record = record?;
        let (input, label) = (record.input.clone(), record.label().map(str::to_string));
        let single = record.source.record.is_none();
        catch_unwind(AssertUnwindSafe(|| self.analyse_record(record, single)))
            .unwrap_or_else(|panic| Err(Failure::internal(input, label, &*panic)))
    }

    fn analyse_record(&self, record: Record, single: bool) -> Result<String, Failure> {
        let mut doc = record.into_document().map_err(|e| Failure::from_read(&e))?;
        self.defaults.fill(&mut doc, single);
        SCRATCH.with(|s| {
            let mut scratch = s.borrow_mut();
            self.pipeline.run(&mut doc, &mut scratch);
            scratch.times = Default::default(); // nobody reads them here
        });
        Ok(to_json(
            &doc,
            JsonOptions {
                tokens: self.pipeline.layers().tokens,
                pretty: false,
            },
        ))
    }
}

/// A plain text, as `dossier extract` reads a text file.
pub fn text_record(text: String, input: &str, record: Option<String>) -> Result<Record, Failure> {
    let label = record.as_ref().map(|r| format!("item {r}"));
    Ok(Record {
        input: input.to_string(),
        source: Source {
            uri: None,
            format: SourceFormat::Text,
            record,
        },
        payload: Payload::Decoded(text),
        charset: None,
        meta: Meta {
            label,
            ..Meta::default()
        },
    })
}

/// An object with `text` or `html` (and `title`, `url`, `published`,
/// `authors`, `id`), given as one JSON line: read as `--from jsonl` reads it.
pub fn json_record(
    line: String,
    input: &str,
    item: usize,
    max_bytes: usize,
) -> Result<Record, Failure> {
    let options = ReadOptions {
        format: Some(Format::Jsonl),
        max_bytes,
    };
    let label = format!("item {item}");
    let read = open_reader(
        Box::new(Cursor::new(line.into_bytes())),
        input,
        None,
        &options,
    )
    .and_then(|mut records| {
        records.next().unwrap_or_else(|| {
            Err(ReadError::new(
                input.to_string(),
                dossier_ingest::ErrorKind::Empty,
            ))
        })
    });
    match read {
        Ok(mut r) => {
            r.meta.label = Some(label);
            r.source.record = Some(item.to_string());
            Ok(r)
        }
        Err(e) => Err(Failure::from_read(&e.at(label))),
    }
}
