//! What every query command shares: paging, output form, and the checks
//! that turn a bad option into a clear message and exit code 2.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;
use dossier_store::Page;
use serde_json::Value;

#[derive(Args, Debug)]
pub struct Output {
    /// Print JSON (an array of rows) instead of a table; the total goes to stderr.
    #[arg(long)]
    pub json: bool,
    /// Show every table cell in full (the default when stdout is not a terminal).
    #[arg(long)]
    pub wide: bool,
}

#[derive(Args, Debug, Clone, Copy)]
pub struct Paging {
    /// Rows to show at most.
    #[arg(long, value_name = "N", default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub limit: u32,
    /// Rows to skip first; with --limit, pages through the results.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub offset: u32,
}

pub use dossier_store::checks::{confidence, date, event_status, event_type};

/// Prints a page as a table (or JSON) and the line that says which rows of
/// how many these are.
pub fn show_page(page: &Page, paging: Paging, columns: &[&str], out: &Output) -> Result<ExitCode> {
    let mut stdout = std::io::stdout().lock();
    let shown = page.rows.len();
    let summary = total_line(page.total, page.offset, shown, paging.limit as usize);
    if out.json {
        serde_json::to_writer_pretty(&mut stdout, &page.rows)?;
        writeln!(stdout)?;
        stdout.flush()?;
        eprintln!("dossier: {summary}");
    } else {
        let full = out.wide || !std::io::stdout().is_terminal();
        write!(stdout, "{}", table(&page.rows, columns, full))?;
        writeln!(stdout, "({summary})")?;
    }
    Ok(ExitCode::SUCCESS)
}

/// "rows 1–50 of 1,234; --offset 50 for more", "3 rows", "no rows".
pub fn total_line(total: usize, offset: usize, shown: usize, limit: usize) -> String {
    if total == 0 {
        return "no rows".to_string();
    }
    if shown == total {
        return if total == 1 {
            "1 row".to_string()
        } else {
            format!("{total} rows")
        };
    }
    if shown == 0 {
        return format!("no rows past --offset {offset}; there are {total}");
    }
    let last = offset + shown;
    let more = if last < total {
        format!("; --offset {last} for the next {}", limit.min(total - last))
    } else {
        String::new()
    };
    format!("rows {}–{last} of {total}{more}", offset + 1)
}

/// A plain-text table; with `full` false, each cell is cut at 60 characters.
pub fn table(rows: &[Value], columns: &[&str], full: bool) -> String {
    let cell = |v: &Value| -> String {
        let s = dossier_store::export::plain_text(v, ", ").replace(['\n', '\t'], " ");
        if !full && s.chars().count() > 60 {
            format!("{}…", s.chars().take(59).collect::<String>())
        } else {
            s
        }
    };
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| columns.iter().map(|c| cell(&r[*c])).collect())
        .collect();
    let widths: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            cells
                .iter()
                .map(|r| r[i].chars().count())
                .max()
                .unwrap_or(0)
                .max(c.len())
        })
        .collect();
    let mut s = String::new();
    let line = |s: &mut String, vals: &[String]| {
        let parts: Vec<String> = vals
            .iter()
            .zip(&widths)
            .map(|(v, w)| format!("{v:<w$}"))
            .collect();
        s.push_str(parts.join("  ").trim_end());
        s.push('\n');
    };
    line(
        &mut s,
        &columns.iter().map(|c| c.to_uppercase()).collect::<Vec<_>>(),
    );
    for r in &cells {
        line(&mut s, r);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn total_lines_read_well() {
        assert_eq!(total_line(0, 0, 0, 50), "no rows");
        assert_eq!(total_line(1, 0, 1, 50), "1 row");
        assert_eq!(
            total_line(120, 0, 50, 50),
            "rows 1–50 of 120; --offset 50 for the next 50"
        );
        assert_eq!(total_line(120, 100, 20, 50), "rows 101–120 of 120");
        assert_eq!(
            total_line(120, 200, 0, 50),
            "no rows past --offset 200; there are 120"
        );
    }
}
