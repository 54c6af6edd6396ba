//! Rows as Arrow record batches, typed by a column list (`tables`), for
//! Parquet files and PyArrow tables.

use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::{ArrayRef, Float64Array, Int64Array, RecordBatch, RecordBatchOptions};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};
use serde_json::Value;

use crate::tables::{Column, Kind};

/// The Arrow schema of `columns`; every column may be null.
pub fn schema(columns: &[Column]) -> SchemaRef {
    schema_of(&named(columns))
}

fn named(columns: &[Column]) -> Vec<(&str, Kind)> {
    columns.iter().map(|c| (c.name, c.kind)).collect()
}

/// The Arrow schema of named, typed columns.
pub fn schema_of(columns: &[(&str, Kind)]) -> SchemaRef {
    let field = |&(name, kind): &(&str, Kind)| {
        let ty = match kind {
            Kind::Str | Kind::Json => DataType::Utf8,
            Kind::Int => DataType::Int64,
            Kind::Float => DataType::Float64,
            Kind::StrList => DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
        };
        Field::new(name, ty, true)
    };
    Arc::new(Schema::new(columns.iter().map(field).collect::<Vec<_>>()))
}

/// A value as text: strings as they are, anything else as JSON.
fn text(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

fn array(kind: Kind, name: &str, rows: &[Value]) -> ArrayRef {
    let values = rows.iter().map(|r| r.get(name).unwrap_or(&Value::Null));
    match kind {
        Kind::Str | Kind::Json => {
            let mut b = StringBuilder::new();
            values.for_each(|v| b.append_option(text(v)));
            Arc::new(b.finish())
        }
        Kind::Int => Arc::new(
            values
                .map(|v| v.as_i64().or_else(|| v.as_f64().map(|f| f as i64)))
                .collect::<Int64Array>(),
        ),
        Kind::Float => Arc::new(values.map(Value::as_f64).collect::<Float64Array>()),
        Kind::StrList => {
            let mut b = ListBuilder::new(StringBuilder::new());
            for v in values {
                match v {
                    Value::Array(items) => b.append_value(items.iter().map(text)),
                    Value::Null => b.append_null(),
                    single => b.append_value([text(single)]),
                }
            }
            Arc::new(b.finish())
        }
    }
}

/// The rows as one batch of `columns`; fields the rows lack are null,
/// fields the columns do not name are left out.
pub fn record_batch(columns: &[Column], rows: &[Value]) -> Result<RecordBatch, ArrowError> {
    record_batch_of(&named(columns), rows)
}

/// As `record_batch`, for columns named at run time.
pub fn record_batch_of(
    columns: &[(&str, Kind)],
    rows: &[Value],
) -> Result<RecordBatch, ArrowError> {
    let arrays = columns
        .iter()
        .map(|&(name, kind)| array(kind, name, rows))
        .collect();
    // The row count, for a batch of no columns (no stories).
    let options = RecordBatchOptions::new().with_row_count(Some(rows.len()));
    RecordBatch::try_new_with_options(schema_of(columns), arrays, &options)
}

/// Columns for rows of unknown shape (a table of another version): each
/// typed by its first non-null value, in the first row's order.
pub fn infer_columns(rows: &[Value]) -> Vec<(String, Kind)> {
    let Some(Value::Object(first)) = rows.first() else {
        return Vec::new();
    };
    let kind_of = |name: &str| {
        let v = rows.iter().map(|r| &r[name]).find(|v| !v.is_null());
        match v {
            Some(Value::Number(n)) if n.is_i64() => Kind::Int,
            Some(Value::Number(_)) => Kind::Float,
            Some(Value::Array(_)) => Kind::StrList,
            Some(Value::Object(_)) => Kind::Json,
            _ => Kind::Str,
        }
    };
    first.keys().map(|k| (k.clone(), kind_of(k))).collect()
}
