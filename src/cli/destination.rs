//! Where command output goes: standard output, or a file written whole or not at all.

use anyhow::Result;
use demarche::output::AtomicFile;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set when standard output turned out to be a closed pipe (`demarche ... | head`): the
/// reader has what it wanted, so the run ends quietly with success, whichever layer (JSON,
/// CSV, a flush) met the error.
static PIPE_CLOSED: AtomicBool = AtomicBool::new(false);

/// Whether standard output was found to be a closed pipe.
pub fn pipe_closed() -> bool {
    PIPE_CLOSED.load(Ordering::Relaxed)
}

/// Standard output that notes a closed pipe.
pub struct Stdout(io::Stdout);

fn noting<T>(r: io::Result<T>) -> io::Result<T> {
    if let Err(e) = &r {
        if e.kind() == io::ErrorKind::BrokenPipe {
            PIPE_CLOSED.store(true, Ordering::Relaxed);
        }
    }
    r
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        noting(self.0.write(buf))
    }
    fn flush(&mut self) -> io::Result<()> {
        noting(self.0.flush())
    }
}

/// Standard output (buffered) or an atomic file.
pub enum Destination {
    Stdout(BufWriter<Stdout>),
    File(BufWriter<AtomicFile>),
}

impl Destination {
    pub fn open(path: Option<&Path>) -> Result<Destination> {
        Ok(match path {
            None => Destination::Stdout(BufWriter::new(Stdout(io::stdout()))),
            Some(p) => Destination::File(BufWriter::new(AtomicFile::create(p)?)),
        })
    }

    /// Flushes and, for a file, puts it in place. Not calling this discards a file.
    pub fn finish(self) -> Result<()> {
        match self {
            Destination::Stdout(mut w) => w.flush()?,
            Destination::File(w) => w.into_inner().map_err(|e| e.into_error())?.commit()?,
        }
        Ok(())
    }
}

impl Write for Destination {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Destination::Stdout(w) => w.write(buf),
            Destination::File(w) => w.write(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            Destination::Stdout(w) => w.flush(),
            Destination::File(w) => w.flush(),
        }
    }
}
