//! Running the real binary from an integration test.

use std::path::Path;
use std::process::{Command, Output};

/// `demarche ARGS` run in `dir`.
pub fn demarche(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_demarche"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Exit status, standard output (cut at 2,000 bytes) and standard error, for a failed assertion.
pub fn show(o: &Output) -> String {
    let mut stdout = String::from_utf8_lossy(&o.stdout).into_owned();
    if stdout.len() > 2000 {
        stdout.truncate(stdout.floor_char_boundary(2000));
        stdout.push_str("...");
    }
    format!(
        "status {:?}\nstdout:\n{stdout}\nstderr:\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stderr)
    )
}
