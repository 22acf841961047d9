//! `sentra`: with no command, the window; with a command, the same work headless.

use std::process::ExitCode;

use clap::Parser;
use sentra::cli::{self, Cli, Output};

fn main() -> ExitCode {
    let parsed = match Cli::try_parse() {
        Ok(parsed) => parsed,
        Err(error) if !error.use_stderr() => {
            // --help and --version.
            let _ = error.print();
            return ExitCode::SUCCESS;
        }
        Err(error) => {
            // One line, the reason; not a screenful of usage.
            eprintln!("galat: {}", cli::usage_error_line(&error));
            return ExitCode::from(2);
        }
    };
    let data_dir = match cli::data_dir(parsed.data_dir) {
        Ok(dir) => dir,
        Err(error) => {
            eprintln!("galat: {error}");
            return ExitCode::FAILURE;
        }
    };
    match parsed.command {
        None => match sentra::ui::run(data_dir, parsed.customer_display) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("galat: jendela tidak bisa dibuka: {error}");
                ExitCode::FAILURE
            }
        },
        Some(command) => match cli::run(data_dir, command, &Output { json: parsed.json }) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("galat: {error}");
                ExitCode::FAILURE
            }
        },
    }
}
