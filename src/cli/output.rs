//! Where command output goes: standard output, or a file written whole or not at all.

use anyhow::Result;
use demarche::output::AtomicFile;
use std::io::{self, BufWriter, Write};
use std::path::Path;

/// Standard output (buffered) or an atomic file.
pub enum Sink {
    Stdout(BufWriter<io::Stdout>),
    File(BufWriter<AtomicFile>),
}

impl Sink {
    pub fn open(path: Option<&Path>) -> Result<Sink> {
        Ok(match path {
            None => Sink::Stdout(BufWriter::new(io::stdout())),
            Some(p) => Sink::File(BufWriter::new(AtomicFile::create(p)?)),
        })
    }

    /// Flushes and, for a file, renames it into place. Not calling this discards a file.
    pub fn finish(self) -> Result<()> {
        match self {
            Sink::Stdout(mut w) => w.flush()?,
            Sink::File(w) => w.into_inner().map_err(|e| e.into_error())?.commit()?,
        }
        Ok(())
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(w) => w.write(buf),
            Sink::File(w) => w.write(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(w) => w.flush(),
            Sink::File(w) => w.flush(),
        }
    }
}
