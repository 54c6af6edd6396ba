//! `dossier`: the binary wires the library crates together; all typed
//! errors become `anyhow` here, at the edge.

mod annotate;
mod eval;
mod extract;
mod query_args;
mod store_cmd;
mod stories_cmd;
mod train;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "dossier",
    version,
    about = "Reads the news and turns it into a sourced, queryable record."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse articles and write one JSON document per line (JSON Lines).
    Extract(extract::ExtractArgs),
    /// Predict annotations over given tokens: `--from conllu --to conllu` fills UPOS, XPOS, HEAD and DEPREL.
    Annotate(annotate::AnnotateArgs),
    /// Analyse articles and store them in the SQLite database (new ones only).
    Ingest(store_cmd::IngestArgs),
    /// Full-text search over the stored articles, ranked, with snippets.
    Search(store_cmd::SearchArgs),
    /// The stored entities, most mentioned first: key, name, type, aliases, documents, mentions.
    Entities(store_cmd::EntitiesArgs),
    /// One entity's profile: aliases, documents, co-occurring entities, quotes, events, timeline.
    Entity(store_cmd::EntityArgs),
    /// Stored quotes, by speaker, about a name, between dates.
    Quotes(store_cmd::QuotesArgs),
    /// Stored events, by PLOVER type, source, target, between dates.
    Events(store_cmd::EventsArgs),
    /// The aid tracker: donor, recipient, item, amount, status, date, evidence.
    Commitments(store_cmd::CommitmentsArgs),
    /// Stories: documents about the same news event, with their outlets and dates.
    Stories(stories_cmd::StoriesArgs),
    /// One story: its documents, events counted across reports, conflicting figures.
    Story(stories_cmd::StoryArgs),
    /// Figures that disagree, within a document or across documents.
    Conflicts(store_cmd::ConflictsArgs),
    /// The store as flat rows with provenance: every event as JSON Lines or CSV, or every table as Parquet.
    Export(store_cmd::ExportArgs),
    /// Serve the JSON API and the web UI over the database.
    Serve(store_cmd::ServeArgs),
    /// Measure accuracy and speed on the shared data sets.
    #[command(subcommand)]
    Eval(eval::EvalCommand),
    /// Train a model from the shared data (deterministic).
    #[command(subcommand)]
    Train(train::TrainCommand),
}

/// `dossier eval … | head` closes the pipe early, and `println!` then
/// panics. Stop quietly instead, as `extract` and `annotate` do when their
/// reader goes away.
fn quiet_on_broken_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("");
        if message.starts_with("failed printing to stdout") && message.contains("Broken pipe") {
            std::process::exit(0);
        }
        default(info);
    }));
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    }) || e.chain().any(|c| {
        c.downcast_ref::<serde_json::Error>()
            .and_then(serde_json::Error::io_error_kind)
            == Some(std::io::ErrorKind::BrokenPipe)
    })
}

fn main() -> ExitCode {
    quiet_on_broken_pipe();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Annotate(args) => annotate::run(args),
        Command::Ingest(a) => store_cmd::ingest(a),
        Command::Search(a) => store_cmd::search(a),
        Command::Entities(a) => store_cmd::entities(a),
        Command::Entity(a) => store_cmd::entity(a),
        Command::Quotes(a) => store_cmd::quotes(a),
        Command::Events(a) => store_cmd::events(a),
        Command::Commitments(a) => store_cmd::commitments(a),
        Command::Stories(a) => stories_cmd::stories(a),
        Command::Story(a) => stories_cmd::story(a),
        Command::Conflicts(a) => store_cmd::conflicts(a),
        Command::Export(a) => store_cmd::export(a),
        Command::Serve(a) => store_cmd::serve(a),
        Command::Eval(cmd) => eval::run(cmd),
        Command::Train(cmd) => train::run(cmd),
    };
    match result {
        Ok(code) => code,
        // `dossier events | head`: the reader has what it wanted.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dossier: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
