//! The `copydesk` binary: the command line, or the workstation when no subcommand is given.

use clap::Parser;
use copydesk::cli::{Cli, EXIT_BAD_INPUT, run};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(command) = cli.command {
        return run(command);
    }
    let bundle = match cli.bundle {
        Some(path) => path,
        None => match copydesk::sample::ensure_sample_copy() {
            Ok(path) => path,
            Err(e) => {
                eprintln!("copydesk: cannot prepare the sample project: {e}");
                return ExitCode::from(EXIT_BAD_INPUT);
            }
        },
    };
    match copydesk::ui::run(bundle) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("copydesk: {message}");
            ExitCode::from(EXIT_BAD_INPUT)
        }
    }
}
