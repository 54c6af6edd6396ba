//! `dossier export --format parquet`: one Snappy-compressed Parquet file per
//! table, written a page of rows (one row group) at a time.

use std::fs::File;
use std::path::{Path, PathBuf};

use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;

use crate::tables::Table;
use crate::{Store, StoreError};

/// Rows per row group (and per page read from the store).
const PAGE_ROWS: usize = 50_000;

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot write {path}: {source}")]
    Write { path: String, source: ParquetError },
}

/// Writes `table` to `dir/<name>.parquet`; returns its path and row count.
pub fn write_table(
    store: &Store,
    table: &Table,
    dir: &Path,
) -> Result<(PathBuf, usize), ExportError> {
    let path = dir.join(format!("{}.parquet", table.name));
    let failed = |source: ParquetError| ExportError::Write {
        path: path.display().to_string(),
        source,
    };
    let file = File::create(&path).map_err(|e| failed(e.into()))?;
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .build();
    let mut writer = ArrowWriter::try_new(file, crate::arrow::schema(table.columns), Some(props))
        .map_err(failed)?;
    // Documents carry their text: fewer per page keeps memory flat.
    let page = if table.name == "documents" || table.name == "mentions" {
        1_000
    } else {
        PAGE_ROWS
    };
    let mut count = 0;
    store.table_pages(table, page, |rows| {
        count += rows.len();
        let batch =
            crate::arrow::record_batch(table.columns, &rows).map_err(|e| failed(e.into()))?;
        writer.write(&batch).map_err(failed)?;
        writer.flush().map_err(failed)
    })?;
    writer.close().map_err(failed)?;
    Ok((path, count))
}
