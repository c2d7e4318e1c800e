//! Output files that are written whole or not at all, without damaging what they write to.
//!
//! A regular file is written to a temporary file in the same directory first and renamed over
//! the target only once complete, so a failed or interrupted run never leaves a partial file
//! and an existing output is replaced only on success. Around that rule:
//!
//! - a symbolic link is followed, and the file it points to is replaced (the link stays);
//! - a file with other hard links is rewritten in place once the output is complete, so every
//!   name still shows the same file;
//! - anything that is not a regular file (`/dev/null`, a FIFO, a terminal) is written to
//!   directly: it is never replaced by a file;
//! - a new file gets the usual mode under the umask, a replaced file keeps its mode (and, when
//!   allowed, its owner);
//! - the temporary file is removed when the process is killed by SIGINT, SIGTERM or SIGHUP.
//!
//! It does not decide whether an output may be written: [`FileId`] lets a command refuse an
//! output that is one of its inputs.

use crate::error::{Error, Result};
use std::fs::{File, Metadata, OpenOptions, Permissions};
use std::io::{self, Seek, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Symbolic links followed before giving up, as the kernel does (`ELOOP`).
const MAX_LINKS: usize = 40;

/// A file being written; [`AtomicFile::commit`] makes it appear at its path.
pub struct AtomicFile {
    /// The path as the user named it, for messages.
    path: PathBuf,
    target: Target,
}

enum Target {
    /// A new or replaced regular file: a temporary file renamed over `at` on commit.
    Replace {
        at: PathBuf,
        tmp: tempfile::NamedTempFile,
        _cleanup: cleanup::Registered,
    },
    /// A regular file with other hard links: a temporary file copied into `at` on commit.
    InPlace {
        at: PathBuf,
        tmp: tempfile::NamedTempFile,
        _cleanup: cleanup::Registered,
    },
    /// Not a regular file: written as it goes.
    Direct(File),
}

/// Where `path` leads: the final path after symbolic links, and its metadata when it exists.
fn resolve(path: &Path) -> io::Result<(PathBuf, Option<Metadata>)> {
    let mut at = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => {
                let link = std::fs::read_link(&at)?;
                at = match at.parent() {
                    Some(dir) if link.is_relative() => dir.join(link),
                    _ => link,
                };
            }
            Ok(m) => return Ok((at, Some(m))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((at, None)),
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::from_raw_os_error(libc::ELOOP))
}

impl AtomicFile {
    /// Starts writing `path` (symbolic links followed). A regular file is written to a
    /// temporary file beside it that [`AtomicFile::commit`] puts in place, so `path` is
    /// untouched until then; a device or a pipe is written directly.
    pub fn create(path: impl AsRef<Path>) -> Result<AtomicFile> {
        let path = path.as_ref().to_path_buf();
        let (at, meta) = resolve(&path).map_err(|e| Error::write(&path, e))?;
        let target = match &meta {
            Some(m) if m.is_dir() => {
                return Err(Error::write(
                    &path,
                    io::Error::from_raw_os_error(libc::EISDIR),
                ))
            }
            Some(m) if !m.is_file() => {
                let f = OpenOptions::new()
                    .write(true)
                    .open(&at)
                    .map_err(|e| Error::write(&path, e))?;
                Target::Direct(f)
            }
            Some(m) if m.nlink() > 1 => {
                // Fail now, not after the work, when the file cannot be written.
                OpenOptions::new()
                    .write(true)
                    .open(&at)
                    .map_err(|e| Error::write(&path, e))?;
                let (tmp, cleanup) = temporary(&path, &at, meta.as_ref())?;
                Target::InPlace {
                    at,
                    tmp,
                    _cleanup: cleanup,
                }
            }
            _ => {
                let (tmp, cleanup) = temporary(&path, &at, meta.as_ref())?;
                Target::Replace {
                    at,
                    tmp,
                    _cleanup: cleanup,
                }
            }
        };
        Ok(AtomicFile { path, target })
    }

    /// Flushes, syncs and puts the file in place.
    pub fn commit(self) -> Result<()> {
        let path = self.path;
        let write = |e| Error::write(&path, e);
        match self.target {
            Target::Direct(mut f) => f.flush().map_err(write),
            Target::Replace {
                at,
                mut tmp,
                _cleanup,
            } => {
                tmp.flush().map_err(write)?;
                tmp.as_file().sync_all().map_err(write)?;
                tmp.persist(&at)
                    .map_err(|e| Error::write(&path, plain(at.parent().unwrap_or(&at), e.error)))?;
                Ok(())
            }
            Target::InPlace {
                at,
                mut tmp,
                _cleanup,
            } => {
                tmp.flush().map_err(write)?;
                let mut out = OpenOptions::new()
                    .write(true)
                    .truncate(true)
                    .open(&at)
                    .map_err(write)?;
                let file = tmp.as_file_mut();
                file.rewind().map_err(write)?;
                io::copy(file, &mut out).map_err(write)?;
                out.sync_all().map_err(write)
            }
        }
    }
}

/// A temporary file beside `at` (named after it), with the mode a new file gets under the
/// umask, or `existing`'s mode and owner.
fn temporary(
    path: &Path,
    at: &Path,
    existing: Option<&Metadata>,
) -> Result<(tempfile::NamedTempFile, cleanup::Registered)> {
    let dir = match at.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = at
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // The path is registered for removal before the file exists: a signal between creating
    // it and registering it would otherwise leave it behind.
    let mut cleanup = None;
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .make_in(&dir, |candidate| {
            let registered = cleanup::register(candidate);
            // Opened with 0666: the kernel applies the umask, as for any new file.
            let file = OpenOptions::new()
                .read(true)
                .write(true)
                .create_new(true)
                .mode(0o666)
                .open(candidate)?;
            cleanup = Some(registered);
            Ok(file)
        })
        .map_err(|e| Error::write(path, plain(&dir, e)))?;
    let cleanup = cleanup.unwrap_or_else(|| cleanup::register(tmp.path()));
    if let Some(m) = existing {
        let file = tmp.as_file();
        // Owner first: changing it may clear the set-id bits the mode then restores. Only
        // root may give a file away; anyone else keeps their own file, which is fine.
        let _ = std::os::unix::fs::fchown(file, Some(m.uid()), Some(m.gid()));
        file.set_permissions(Permissions::from_mode(m.mode() & 0o7777))
            .map_err(|e| Error::write(path, e))?;
    }
    Ok((tmp, cleanup))
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
        match &mut self.target {
            Target::Replace { tmp, .. } | Target::InPlace { tmp, .. } => tmp.write(buf),
            Target::Direct(f) => f.write(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match &mut self.target {
            Target::Replace { tmp, .. } | Target::InPlace { tmp, .. } => tmp.flush(),
            Target::Direct(f) => f.flush(),
        }
    }
}

/// Writes `bytes` to `path` atomically.
pub fn write_atomic(path: impl AsRef<Path>, bytes: &[u8]) -> Result<()> {
    let mut f = AtomicFile::create(path.as_ref())?;
    f.write_all(bytes)
        .map_err(|e| Error::write(path.as_ref(), e))?;
    f.commit()
}

/// Which file a path names (device and inode, through symbolic links): two paths with the
/// same id are the same file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId {
    dev: u64,
    ino: u64,
}

impl FileId {
    pub(crate) fn new(dev: u64, ino: u64) -> FileId {
        FileId { dev, ino }
    }

    /// The id of an existing file; `None` when it does not exist or cannot be reached.
    pub fn of(path: &Path) -> Option<FileId> {
        std::fs::metadata(path).ok().map(|m| FileId::from(&m))
    }
}

impl From<&Metadata> for FileId {
    fn from(m: &Metadata) -> FileId {
        FileId {
            dev: m.dev(),
            ino: m.ino(),
        }
    }
}

/// Refuses an output path that is also an input (through any link): writing it would destroy
/// the input. A bad-usage error naming the output and the input (exit code 2).
pub fn refuse_input_as_output<'a>(
    output: &Path,
    inputs: impl IntoIterator<Item = &'a Path>,
) -> Result<()> {
    let Some(out) = FileId::of(output) else {
        return Ok(());
    };
    if !std::fs::metadata(output).is_ok_and(|m| m.is_file()) {
        // Writing to a device or a FIFO replaces nothing.
        return Ok(());
    }
    for input in inputs {
        if input.as_os_str() != "-" && FileId::of(input) == Some(out) {
            return Err(same_file(output, input));
        }
    }
    Ok(())
}

/// The error for an output that is an input.
pub fn same_file(output: &Path, input: &Path) -> Error {
    let message = if output == input {
        "is an input and the output (-o): refusing to overwrite it".to_string()
    } else {
        format!(
            "the output (-o) is the input {}: refusing to overwrite it",
            input.display()
        )
    };
    Error::input(output, None, message)
}

/// Temporary files to remove if the process is killed: a fixed table of paths that a signal
/// handler can read without locks or allocation.
mod cleanup {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    use std::path::Path;
    use std::ptr;
    use std::sync::atomic::{AtomicPtr, Ordering};
    use std::sync::Once;

    /// Temporary files open at once (a command writes one output at a time).
    const SLOTS: usize = 16;
    const SIGNALS: [libc::c_int; 3] = [libc::SIGINT, libc::SIGTERM, libc::SIGHUP];

    static PATHS: [AtomicPtr<libc::c_char>; SLOTS] =
        [const { AtomicPtr::new(ptr::null_mut()) }; SLOTS];
    static INSTALL: Once = Once::new();

    /// A registered path; dropping it (after the file was renamed or removed) unregisters it.
    pub(super) struct Registered(Option<usize>);

    pub(super) fn register(path: &Path) -> Registered {
        INSTALL.call_once(install);
        let Ok(c) = CString::new(path.as_os_str().as_bytes()) else {
            return Registered(None);
        };
        let raw = c.into_raw();
        for (i, slot) in PATHS.iter().enumerate() {
            if slot
                .compare_exchange(ptr::null_mut(), raw, Ordering::SeqCst, Ordering::SeqCst)
                .is_ok()
            {
                return Registered(Some(i));
            }
        }
        // SAFETY: `raw` came from `into_raw` above and was not shared.
        drop(unsafe { CString::from_raw(raw) });
        Registered(None)
    }

    impl Drop for Registered {
        fn drop(&mut self) {
            if let Some(i) = self.0 {
                // The path is left allocated: a handler running on another thread may be
                // reading it. A few bytes per output file, a handful per process.
                PATHS[i].swap(ptr::null_mut(), Ordering::SeqCst);
            }
        }
    }

    extern "C" fn on_signal(signal: libc::c_int) {
        for slot in &PATHS {
            let p = slot.load(Ordering::SeqCst);
            if !p.is_null() {
                // SAFETY: `p` is a NUL-terminated path never freed; unlink is
                // async-signal-safe.
                unsafe { libc::unlink(p) };
            }
        }
        // SAFETY: restoring the default action and raising the signal again ends the process
        // as the signal would have, with the status a parent expects.
        unsafe {
            libc::signal(signal, libc::SIG_DFL);
            libc::raise(signal);
        }
    }

    fn install() {
        for signal in SIGNALS {
            // SAFETY: sigaction with a zeroed struct and a handler that only calls
            // async-signal-safe functions; a signal that is ignored (nohup) stays ignored.
            unsafe {
                let mut old: libc::sigaction = std::mem::zeroed();
                if libc::sigaction(signal, ptr::null(), &mut old) != 0
                    || old.sa_sigaction == libc::SIG_IGN
                {
                    continue;
                }
                let mut new: libc::sigaction = std::mem::zeroed();
                new.sa_sigaction = on_signal as *const () as libc::sighandler_t;
                libc::sigemptyset(&mut new.sa_mask);
                libc::sigaction(signal, &new, ptr::null_mut());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::FileTypeExt;

    fn umask() -> u32 {
        // SAFETY: reading the umask means setting it; it is set straight back.
        unsafe {
            let m = libc::umask(0o022);
            libc::umask(m);
            m as u32
        }
    }

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

    #[test]
    fn a_new_file_honours_the_umask_and_a_replaced_file_keeps_its_mode() {
        let dir = tempfile::tempdir().unwrap();
        let new = dir.path().join("new.json");
        write_atomic(&new, b"x").unwrap();
        let mode = std::fs::metadata(&new).unwrap().permissions().mode() & 0o7777;
        assert_eq!(mode, 0o666 & !umask());
        let old = dir.path().join("old.json");
        std::fs::write(&old, b"old").unwrap();
        std::fs::set_permissions(&old, Permissions::from_mode(0o640)).unwrap();
        write_atomic(&old, b"new").unwrap();
        let mode = std::fs::metadata(&old).unwrap().permissions().mode() & 0o7777;
        assert_eq!(mode, 0o640);
        assert_eq!(std::fs::read(&old).unwrap(), b"new");
    }

    #[test]
    fn a_symlink_is_followed_and_its_target_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("real")).unwrap();
        std::fs::write(d.join("real/out.json"), b"old").unwrap();
        std::os::unix::fs::symlink("real/out.json", d.join("link.json")).unwrap();
        std::os::unix::fs::symlink("link.json", d.join("link2.json")).unwrap();
        write_atomic(d.join("link2.json"), b"new").unwrap();
        assert!(std::fs::symlink_metadata(d.join("link.json"))
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read(d.join("real/out.json")).unwrap(), b"new");
        // A dangling link makes its target.
        std::os::unix::fs::symlink("real/made.json", d.join("dangling.json")).unwrap();
        write_atomic(d.join("dangling.json"), b"made").unwrap();
        assert_eq!(std::fs::read(d.join("real/made.json")).unwrap(), b"made");
        // A loop is an error, not a hang.
        std::os::unix::fs::symlink("loop-b", d.join("loop-a")).unwrap();
        std::os::unix::fs::symlink("loop-a", d.join("loop-b")).unwrap();
        let e = write_atomic(d.join("loop-a"), b"x").unwrap_err();
        assert!(e.to_string().contains("loop-a: cannot write"), "{e}");
        // No temporary file is left anywhere.
        for sub in [d.to_path_buf(), d.join("real")] {
            for entry in std::fs::read_dir(sub).unwrap() {
                let name = entry.unwrap().file_name();
                assert!(!name.to_string_lossy().ends_with(".tmp"), "{name:?}");
            }
        }
    }

    #[test]
    fn a_hard_linked_file_is_rewritten_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.json");
        let b = dir.path().join("b.json");
        std::fs::write(&a, b"old content").unwrap();
        std::fs::hard_link(&a, &b).unwrap();
        let before = FileId::of(&a);
        {
            let mut f = AtomicFile::create(&a).unwrap();
            f.write_all(b"half").unwrap();
        }
        assert_eq!(std::fs::read(&b).unwrap(), b"old content");
        write_atomic(&a, b"new").unwrap();
        assert_eq!(FileId::of(&a), before);
        assert_eq!(std::fs::read(&b).unwrap(), b"new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    fn mknod(path: &Path, mode: libc::mode_t, dev: libc::dev_t) -> bool {
        let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: mknod on a NUL-terminated path.
        unsafe { libc::mknod(c.as_ptr(), mode, dev) == 0 }
    }

    #[test]
    fn a_device_is_written_to_not_replaced() {
        // A null device of our own (making one needs root), never the system's /dev/null.
        let dir = tempfile::tempdir().unwrap();
        let null = dir.path().join("null");
        if !mknod(&null, libc::S_IFCHR | 0o666, libc::makedev(1, 3)) {
            eprintln!("not root: no device node to write to");
            return;
        }
        let before = std::fs::metadata(&null).unwrap();
        write_atomic(&null, b"into the void").unwrap();
        let after = std::fs::metadata(&null).unwrap();
        assert!(after.file_type().is_char_device());
        assert_eq!(FileId::from(&before), FileId::from(&after));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_fifo_is_written_to_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        assert!(mknod(&fifo, libc::S_IFIFO | 0o600, 0));
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read(fifo).unwrap())
        };
        write_atomic(&fifo, b"through the pipe").unwrap();
        assert_eq!(reader.join().unwrap(), b"through the pipe");
        assert!(std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo());
    }

    #[test]
    fn a_directory_is_refused_before_any_work() {
        let dir = tempfile::tempdir().unwrap();
        let e = AtomicFile::create(dir.path()).err().unwrap();
        assert!(e.to_string().contains("Is a directory"), "{e}");
        assert_eq!(e.exit_code(), 1);
    }

    #[test]
    fn an_output_that_is_an_input_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in.txt");
        std::fs::write(&input, b"x").unwrap();
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&input, &link).unwrap();
        let other = dir.path().join("other.txt");
        let e = refuse_input_as_output(&link, [input.as_path()]).unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert!(e.to_string().contains("is the input"), "{e}");
        let e = refuse_input_as_output(&input, [input.as_path()]).unwrap_err();
        assert!(e.to_string().contains("is an input and the output"), "{e}");
        assert!(refuse_input_as_output(&other, [input.as_path()]).is_ok());
        let fifo = dir.path().join("fifo");
        assert!(mknod(&fifo, libc::S_IFIFO | 0o600, 0));
        assert!(refuse_input_as_output(&fifo, [fifo.as_path()]).is_ok());
    }
}
