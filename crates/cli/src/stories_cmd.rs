//! `dossier stories` and `dossier story ID`: documents about the same news
//! event, grouped as they were ingested, with their outlets and dates.

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;
use dossier_store::StoryFilter;
use serde_json::Value;

use crate::query_args::{self, table, Output, Paging};
use crate::store_cmd::{open_existing, DbArg};

#[derive(Args, Debug)]
pub struct StoriesArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub out: Output,
    /// Stories still reported on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "D", value_parser = query_args::date)]
    pub since: Option<String>,
    /// Stories first reported on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "D", value_parser = query_args::date)]
    pub until: Option<String>,
    /// Stories with a document naming this entity (name, alias or key).
    #[arg(long, value_name = "NAME")]
    pub entity: Option<String>,
    #[command(flatten)]
    pub paging: Paging,
}

pub fn stories(a: StoriesArgs) -> Result<ExitCode> {
    let store = open_existing(&a.db.db)?;
    let (limit, offset) = (a.paging.limit as usize, a.paging.offset as usize);
    let answer = store.story_list(&StoryFilter {
        since: a.since,
        until: a.until,
        entity: a.entity,
        limit: Some(limit),
        offset,
    })?;
    if a.out.json {
        println!("{}", serde_json::to_string_pretty(&answer)?);
        return Ok(ExitCode::SUCCESS);
    }
    let rows = answer["stories"].as_array().cloned().unwrap_or_default();
    print!(
        "{}",
        table(
            &rows,
            &[
                "id",
                "first_seen",
                "last_seen",
                "sources",
                "articles",
                "title"
            ],
            full_cells(&a.out)
        )
    );
    let total = answer["total"].as_u64().unwrap_or(0) as usize;
    println!(
        "({})",
        query_args::total_line(total, offset, rows.len(), limit)
    );
    Ok(ExitCode::SUCCESS)
}

/// Whole cells when asked (`--wide`) or when the table goes to a file or a pipe.
fn full_cells(out: &Output) -> bool {
    out.wide || !std::io::stdout().is_terminal()
}

#[derive(Args, Debug)]
pub struct StoryArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub out: Output,
    /// The story's id (from `dossier stories`).
    pub id: i64,
}

pub fn story(a: StoryArgs) -> Result<ExitCode> {
    let store = open_existing(&a.db.db)?;
    let Some(s) = store.story(a.id)? else {
        eprintln!("dossier: no story {}", a.id);
        return Ok(ExitCode::from(1));
    };
    if a.out.json {
        println!("{}", serde_json::to_string_pretty(&s)?);
        return Ok(ExitCode::SUCCESS);
    }
    let text = |k: &str| s[k].as_str().unwrap_or("?").to_string();
    println!("story {}: {}", s["id"], text("title"));
    println!(
        "{} articles from {} outlets, first seen {}, last seen {}",
        s["articles"],
        s["sources"],
        text("first_seen"),
        text("last_seen")
    );
    let section = |title: &str, rows: &Value, cols: &[&str]| {
        let rows = rows.as_array().cloned().unwrap_or_default();
        if !rows.is_empty() {
            println!("\n{title}\n{}", table(&rows, cols, full_cells(&a.out)));
        }
    };
    section(
        "Documents",
        &s["documents"],
        &["published", "publisher", "title", "source"],
    );
    section(
        "Events",
        &s["events"],
        &["type", "source_keys", "target_keys", "articles", "sources"],
    );
    section("Conflicting figures", &s["conflicts"], &["message"]);
    Ok(ExitCode::SUCCESS)
}
