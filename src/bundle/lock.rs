//! The bundle lock: one writer at a time; a lock left by a dead process on this host is taken over.

use super::error::BundleError;
use super::format::LOCAL_DIR;
use serde::{Deserialize, Serialize};
use std::fs;
use std::path::{Path, PathBuf};

/// The lock file, inside `.local/`.
pub const LOCK_FILE: &str = "lock.json";

/// Who holds a lock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockHolder {
    /// Host name.
    pub host: String,
    /// Process id.
    pub pid: u32,
    /// When the lock was taken (RFC 3339).
    pub since: String,
}

impl LockHolder {
    fn current() -> Self {
        LockHolder {
            host: this_host(),
            pid: std::process::id(),
            since: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        }
    }

    /// Whether the holder is a process of this host that no longer runs.
    fn is_stale(&self) -> bool {
        self.host == this_host() && !process_alive(self.pid)
    }
}

/// A held lock; released when dropped.
#[derive(Debug)]
pub struct BundleLock {
    path: PathBuf,
    holder: LockHolder,
}

impl BundleLock {
    /// Takes the lock of the bundle at `root`, taking over a stale one.
    pub fn acquire(root: &Path) -> Result<Self, BundleError> {
        let local = super::fsio::make_local_dir(root)?;
        let path = local.join(LOCK_FILE);
        let holder = LockHolder::current();
        let bytes = serde_json::to_vec_pretty(&holder).expect("lock holder serializes");
        for _ in 0..3 {
            // Write the whole lock to a temporary file, then link it into place: the link fails
            // if a lock exists, and a lock is never seen half-written.
            let temp =
                tempfile::NamedTempFile::new_in(&local).map_err(|e| BundleError::io(&local, e))?;
            fs::write(temp.path(), &bytes).map_err(|e| BundleError::io(temp.path(), e))?;
            match fs::hard_link(temp.path(), &path) {
                Ok(()) => return Ok(BundleLock { path, holder }),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(BundleError::io(&path, e)),
            }
            match read_holder(&path) {
                Some(existing) if !existing.is_stale() => {
                    return Err(BundleError::Locked {
                        path: root.to_owned(),
                        host: existing.host,
                        pid: existing.pid,
                        since: existing.since,
                    });
                }
                // Stale, unreadable or already gone: remove and try again.
                _ => match fs::remove_file(&path) {
                    Ok(()) => {}
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    Err(e) => return Err(BundleError::io(&path, e)),
                },
            }
        }
        Err(BundleError::io(
            &path,
            std::io::Error::other("the lock kept changing while it was being taken"),
        ))
    }

    /// Who holds this lock (this process).
    pub fn holder(&self) -> &LockHolder {
        &self.holder
    }
}

impl Drop for BundleLock {
    fn drop(&mut self) {
        // Only remove the lock if it is still ours.
        if read_holder(&self.path).as_ref() == Some(&self.holder) {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// The holder recorded in a bundle's lock, if it is locked.
pub fn current_holder(root: &Path) -> Option<LockHolder> {
    read_holder(&root.join(LOCAL_DIR).join(LOCK_FILE)).filter(|h| !h.is_stale())
}

fn read_holder(path: &Path) -> Option<LockHolder> {
    let bytes = fs::read(path).ok()?;
    serde_json::from_slice(&bytes).ok()
}

fn this_host() -> String {
    gethostname::gethostname().to_string_lossy().into_owned()
}

fn process_alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: kill with signal 0 only checks whether the process exists; it sends nothing.
    let result = unsafe { libc::kill(pid, 0) };
    let exists = result == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM);
    exists && !is_zombie(pid)
}

/// Whether a process has exited but its parent has not yet collected it (a zombie still
/// answers `kill(pid, 0)`, but it will never release its lock). Known on Linux only.
fn is_zombie(pid: libc::pid_t) -> bool {
    fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        // The state comes after the command name, which is in parentheses and may hold spaces.
        let state = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().next());
        state == Some("Z")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_writer_is_refused_with_holder_named() {
        let dir = tempfile::tempdir().unwrap();
        let first = BundleLock::acquire(dir.path()).unwrap();
        let err = BundleLock::acquire(dir.path()).unwrap_err().to_string();
        assert!(
            err.contains(&format!("process {}", std::process::id())),
            "{err}"
        );
        assert!(err.contains(&first.holder().host), "{err}");
        drop(first);
        BundleLock::acquire(dir.path()).unwrap();
    }

    #[test]
    fn stale_lock_of_dead_process_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let local = dir.path().join(LOCAL_DIR);
        fs::create_dir_all(&local).unwrap();
        let dead = LockHolder {
            host: this_host(),
            pid: i32::MAX as u32 - 7,
            since: "2026-01-01T00:00:00Z".into(),
        };
        fs::write(local.join(LOCK_FILE), serde_json::to_vec(&dead).unwrap()).unwrap();
        assert!(current_holder(dir.path()).is_none());
        let lock = BundleLock::acquire(dir.path()).unwrap();
        assert_eq!(lock.holder().pid, std::process::id());
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn lock_of_an_exited_but_uncollected_process_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let local = dir.path().join(LOCAL_DIR);
        fs::create_dir_all(&local).unwrap();
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        // Not waited for yet: once it exits, it stays a zombie until `wait`.
        let zombie = (0..200).any(|_| {
            std::thread::sleep(std::time::Duration::from_millis(10));
            is_zombie(pid as libc::pid_t)
        });
        assert!(zombie, "the child became a zombie");
        let holder = LockHolder {
            host: this_host(),
            pid,
            since: "2026-01-01T00:00:00Z".into(),
        };
        fs::write(local.join(LOCK_FILE), serde_json::to_vec(&holder).unwrap()).unwrap();
        let lock = BundleLock::acquire(dir.path());
        child.wait().unwrap();
        assert_eq!(lock.unwrap().holder().pid, std::process::id());
        assert!(!is_zombie(std::process::id() as libc::pid_t));
    }

    #[test]
    fn lock_on_another_host_is_respected() {
        let dir = tempfile::tempdir().unwrap();
        let local = dir.path().join(LOCAL_DIR);
        fs::create_dir_all(&local).unwrap();
        let remote = LockHolder {
            host: "newsroom-laptop-7".into(),
            pid: 1,
            since: "2026-01-01T00:00:00Z".into(),
        };
        fs::write(local.join(LOCK_FILE), serde_json::to_vec(&remote).unwrap()).unwrap();
        let err = BundleLock::acquire(dir.path()).unwrap_err().to_string();
        assert!(
            err.contains("newsroom-laptop-7") && err.contains("since 2026-01-01"),
            "{err}"
        );
    }
}
