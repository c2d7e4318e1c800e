//! Output files that are written whole or not at all.
//!
//! Everything demarche writes to a path goes to a temporary file in the same directory first
//! and is renamed over the target only once complete, so a failed or interrupted run never
//! leaves a partial file and an existing output is replaced only on success.

use crate::error::{Error, Result};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A file being written; [`AtomicFile::commit`] makes it appear at its path.
pub struct AtomicFile {
    path: PathBuf,
    tmp: tempfile::NamedTempFile,
}

impl AtomicFile {
    pub fn create(path: impl AsRef<Path>) -> Result<AtomicFile> {
        let path = path.as_ref().to_path_buf();
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tmp = tempfile::Builder::new()
            .prefix(&format!(".{name}."))
            .suffix(".tmp")
            .tempfile_in(&dir)
            .map_err(|e| Error::write(&path, plain(&dir, e)))?;
        Ok(AtomicFile { path, tmp })
    }

    /// Flushes, syncs and renames the file into place.
    pub fn commit(mut self) -> Result<()> {
        let path = self.path;
        self.tmp.flush().map_err(|e| Error::write(&path, e))?;
        self.tmp
            .as_file()
            .sync_all()
            .map_err(|e| Error::write(&path, e))?;
        self.tmp
            .persist(&path)
            .map_err(|e| Error::write(&path, plain(path.parent().unwrap_or(&path), e.error)))?;
        Ok(())
    }
}

/// The error without the temporary file's name that `tempfile` adds to it: the user named the
/// output path, and the message names that. A missing directory says so in the OS's words.
fn plain(dir: &Path, e: io::Error) -> io::Error {
    match std::fs::metadata(dir) {
        Err(missing) => missing,
        Ok(_) => io::Error::from(e.kind()),
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.tmp.write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.tmp.flush()
    }
}

/// Writes `bytes` to `path` atomically.
pub fn write_atomic(path: impl AsRef<Path>, bytes: &[u8]) -> Result<()> {
    let mut f = AtomicFile::create(path.as_ref())?;
    f.write_all(bytes)
        .map_err(|e| Error::write(path.as_ref(), e))?;
    f.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uncommitted_file_leaves_nothing_and_keeps_old_content() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        std::fs::write(&path, b"old").unwrap();
        {
            let mut f = AtomicFile::create(&path).unwrap();
            f.write_all(b"half").unwrap();
            // dropped without commit: a failed run
        }
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        write_atomic(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
    }

    #[test]
    fn a_missing_directory_is_a_write_error_naming_the_path_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no-such-dir/out.json");
        let err = write_atomic(&path, b"x").unwrap_err();
        assert_eq!(err.exit_code(), 1);
        let msg = err.to_string();
        assert_eq!(
            msg,
            format!(
                "{}: cannot write: No such file or directory (os error 2)",
                path.display()
            )
        );
    }
}
