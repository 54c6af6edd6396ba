//! `dossier`: the binary wires the library crates together; all typed
//! errors become `anyhow` here, at the edge.

mod annotate;
mod eval;
mod extract;
mod train;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "dossier", version, about = "Reads the news and turns it into a sourced, queryable record.")]
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
    /// Measure accuracy and speed on the shared data sets.
    #[command(subcommand)]
    Eval(eval::EvalCommand),
    /// Train a model from the shared data (deterministic).
    #[command(subcommand)]
    Train(train::TrainCommand),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Annotate(args) => annotate::run(args),
        Command::Eval(cmd) => eval::run(cmd),
        Command::Train(cmd) => train::run(cmd),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("dossier: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
