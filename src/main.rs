//! The `demarche` binary: parse arguments, run the command, print the error once.

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("demarche: {err:#}");
            ExitCode::from(exit_code(&err))
        }
    }
}

/// Whether the run failed because standard output is a closed pipe: the reader has what it
/// wanted (`demarche ... | head`), which is no failure. The error may reach here wrapped by
/// JSON or CSV writers that do not expose their I/O error as a cause, so the output also notes
/// it as it happens.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    cli::pipe_closed()
        || err.chain().any(|c| {
            c.downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
        })
}

/// 2 for bad usage or bad input data, 1 for runtime failures (see `docs/contract.md`).
fn exit_code(err: &anyhow::Error) -> u8 {
    for cause in err.chain() {
        if let Some(e) = cause.downcast_ref::<demarche::Error>() {
            return e.exit_code();
        }
        if cause.downcast_ref::<cli::UsageError>().is_some() {
            return 2;
        }
    }
    1
}
