//! #27: `dossier export --format parquet` writes one file per table, with
//! the columns docs/parquet.md documents.

use std::fs::File;

use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Field;

use super::*;

/// Each file's column names and rows, read back with the parquet crate.
fn read(path: &Path) -> (Vec<String>, Vec<parquet::record::Row>) {
    let reader =
        SerializedFileReader::new(File::open(path).expect("file written")).expect("a Parquet file");
    let columns = reader
        .metadata()
        .file_metadata()
        .schema_descr()
        .root_schema()
        .get_fields()
        .iter()
        .map(|f| f.name().to_string())
        .collect();
    let rows = reader
        .get_row_iter(None)
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    (columns, rows)
}

fn field<'r>(row: &'r parquet::record::Row, name: &str) -> &'r Field {
    row.get_column_iter()
        .find(|(n, _)| n.as_str() == name)
        .map(|(_, f)| f)
        .unwrap_or_else(|| panic!("no column {name}"))
}

/// Every table the Parquet export writes, with its columns in order.
const PARQUET_TABLES: &[(&str, &[&str])] = &[
    (
        "documents",
        &[
            "id",
            "url",
            "title",
            "published",
            "source_uri",
            "text",
            "ingested_at",
        ],
    ),
    (
        "entities",
        &[
            "key",
            "name",
            "type",
            "kb",
            "mentions",
            "documents",
            "first_seen",
            "last_seen",
            "first_document",
            "last_document",
            "aliases",
            "ambiguous",
            "common",
        ],
    ),
    (
        "mentions",
        &[
            "document",
            "mention",
            "text",
            "type",
            "kind",
            "start",
            "end",
            "entity",
            "entity_key",
        ],
    ),
    (
        "quotes",
        &[
            "document",
            "quote",
            "published",
            "start",
            "end",
            "text",
            "kind",
            "cue",
            "speaker",
            "speaker_key",
            "speaker_name",
            "sentence",
        ],
    ),
    (
        "events",
        &[
            "document",
            "event",
            "published",
            "url",
            "type",
            "act",
            "mode",
            "status",
            "confidence",
            "trigger",
            "start",
            "end",
            "sources",
            "source_keys",
            "targets",
            "target_keys",
            "theme",
            "quantity",
            "value",
            "unit",
            "time",
            "place",
            "quote",
            "sentence",
            "sentence_start",
            "sentence_end",
        ],
    ),
    (
        "commitments",
        &[
            "document",
            "event",
            "donor",
            "donor_keys",
            "recipient",
            "recipient_keys",
            "item",
            "quantity",
            "value",
            "unit",
            "status",
            "confidence",
            "date",
            "published",
            "url",
            "title",
            "evidence",
        ],
    ),
    (
        "stories",
        &[
            "id",
            "title",
            "first_seen",
            "last_seen",
            "sources",
            "articles",
            "documents",
            "publishers",
        ],
    ),
];

#[test]
fn issue_27_parquet_export_writes_every_table_with_its_schema() {
    let dir = scratch("export-parquet");
    let db = dir.join("s.db");
    ingest_example(&db);
    let events_json = lines(&run(&["export", "--db", db.to_str().unwrap()], None));
    let files = dir.join("parquet");
    let out = run(
        &[
            "export",
            "--db",
            db.to_str().unwrap(),
            "--format",
            "parquet",
            "--output",
            files.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));

    for (table, columns) in PARQUET_TABLES {
        let (names, rows) = read(&files.join(format!("{table}.parquet")));
        assert_eq!(&names, columns, "{table}");
        assert!(!rows.is_empty(), "{table} has rows");
    }

    assert_events_index_the_text(&files, events_json.len());
    let (_, entities) = read(&files.join("entities.parquet"));
    assert!(
        entities
            .iter()
            .any(|e| matches!(field(e, "key"), Field::Str(k) if k == "iso3166:UA")),
        "Ukraine is an entity"
    );
}

/// The same events as the JSON export, with actors as lists and offsets
/// that index the text.
fn assert_events_index_the_text(files: &std::path::Path, json_events: usize) {
    let (_, docs) = read(&files.join("documents.parquet"));
    let Field::Str(text) = field(&docs[0], "text") else {
        panic!("text is a string")
    };
    let text: Vec<char> = text.chars().collect();
    let (_, events) = read(&files.join("events.parquet"));
    assert_eq!(events.len(), json_events);
    for e in &events {
        let (Field::Long(start), Field::Long(end), Field::Str(trigger)) =
            (field(e, "start"), field(e, "end"), field(e, "trigger"))
        else {
            panic!("typed columns")
        };
        assert_eq!(
            &text[*start as usize..*end as usize]
                .iter()
                .collect::<String>(),
            trigger
        );
        assert!(
            matches!(field(e, "sources"), Field::ListInternal(_)),
            "sources is a list"
        );
    }
}
