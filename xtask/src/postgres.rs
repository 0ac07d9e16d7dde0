//! A throwaway PostgreSQL cluster for the server's tests (and its bench): initdb in a temporary
//! folder, a free port on loopback, no durability (`fsync=off`: nothing in it outlives the
//! run), and stopped and removed when the [`Cluster`] is dropped, also when the tests failed.
//! initdb and the server refuse to run as root, so under root they run as Debian's `postgres`
//! user, which owns the folder.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use anyhow::{bail, Context, Result};

/// Where Debian installs PostgreSQL's programs, one folder per major version.
const DEBIAN_PREFIX: &str = "/usr/lib/postgresql";

/// The programs of the newest PostgreSQL Debian installed (`/usr/lib/postgresql/N/bin`).
pub fn debian_bin() -> Option<PathBuf> {
    let versions = std::fs::read_dir(DEBIAN_PREFIX).ok()?;
    versions
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|major| Path::new(DEBIAN_PREFIX).join(format!("{major}/bin/initdb")).exists())
        .max()
        .map(|major| Path::new(DEBIAN_PREFIX).join(format!("{major}/bin")))
}

/// A running cluster of its own: `postgres` (trust, on 127.0.0.1 only) is its superuser.
pub struct Cluster {
    dir: PathBuf,
    bin: PathBuf,
    /// The `postgres` user's (uid, gid) when this process is root.
    run_as: Option<(u32, u32)>,
    port: u16,
    version: String,
}

impl Cluster {
    /// initdb and start a cluster in a new temporary folder on a free port; waits until it
    /// accepts connections.
    pub fn start() -> Result<Self> {
        let bin = debian_bin().context(
            "brak PostgreSQL (initdb w /usr/lib/postgresql/N/bin): zainstaluj pakiet postgresql",
        )?;
        let run_as = if crate::shell::is_root() { Some(postgres_user()?) } else { None };
        let dir = std::env::temp_dir().join(format!(
            "jst-pg-{}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos())
        ));
        std::fs::create_dir(&dir)
            .with_context(|| format!("nie można utworzyć {}", dir.display()))?;
        // "postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)"
        let said = Command::new(bin.join("postgres")).arg("--version").output()?.stdout;
        let version = String::from_utf8_lossy(&said)
            .split_whitespace()
            .skip_while(|w| *w != "(PostgreSQL)")
            .nth(1)
            .unwrap_or("?")
            .to_owned();
        // From here on, Drop stops what was started and removes the folder.
        let mut cluster = Self { dir, bin, run_as, port: 0, version };
        if let Some((uid, gid)) = run_as {
            #[cfg(unix)]
            {
                std::os::unix::fs::chown(&cluster.dir, Some(uid), Some(gid))
                    .context("nie można oddać folderu klastra użytkownikowi postgres")?;
            }
            // Elsewhere nobody is root (`is_root` is false) and nothing changes owner.
            #[cfg(not(unix))]
            let _ = (uid, gid);
        }
        let data = cluster.data();
        cluster.run(
            "initdb",
            &[
                "-D".as_ref(),
                data.as_os_str(),
                "-A".as_ref(),
                "trust".as_ref(),
                "-U".as_ref(),
                "postgres".as_ref(),
                "-E".as_ref(),
                "UTF8".as_ref(),
                "--locale=C.UTF-8".as_ref(),
                "--no-sync".as_ref(),
            ],
        )?;
        cluster.port = free_port()?;
        cluster.start_again()?;
        Ok(cluster)
    }

    /// Starts the stopped cluster again on its port (the fault bench restarts it mid-load).
    pub fn start_again(&self) -> Result<()> {
        let data = self.data();
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off \
             -c max_connections=300",
            self.port,
            self.dir.display()
        );
        let log = self.dir.join("log");
        let started = self.run(
            "pg_ctl",
            &[
                "-D".as_ref(),
                data.as_os_str(),
                "-o".as_ref(),
                options.as_ref(),
                "-l".as_ref(),
                log.as_os_str(),
                "-w".as_ref(),
                "-t".as_ref(),
                "60".as_ref(),
                "start".as_ref(),
            ],
        );
        if let Err(e) = started {
            let tail = std::fs::read_to_string(&log).unwrap_or_default();
            bail!("{e:#}\n{}", tail.lines().rev().take(20).collect::<Vec<_>>().join("\n"));
        }
        Ok(())
    }

    /// Stops the cluster as an operator's restart does (`pg_ctl stop -m fast`: open
    /// connections are ended).
    pub fn stop(&self) -> Result<()> {
        let data = self.data();
        self.run(
            "pg_ctl",
            &[
                "-D".as_ref(),
                data.as_os_str(),
                "-m".as_ref(),
                "fast".as_ref(),
                "-w".as_ref(),
                "stop".as_ref(),
            ],
        )?;
        Ok(())
    }

    /// The superuser's URL of the `postgres` database.
    pub fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// As `postgres --version` says it, e.g. `15.18`.
    pub fn version(&self) -> &str {
        &self.version
    }

    fn data(&self) -> PathBuf {
        self.dir.join("data")
    }

    /// Runs one of PostgreSQL's programs (as `postgres` under root), failing with its output.
    fn run(&self, program: &str, args: &[&std::ffi::OsStr]) -> Result<Output> {
        let mut command = Command::new(self.bin.join(program));
        command.args(args).current_dir(&self.dir);
        if let Some((uid, gid)) = self.run_as {
            #[cfg(unix)]
            {
                use std::os::unix::process::CommandExt;
                command.uid(uid).gid(gid).env("HOME", &self.dir).env("USER", "postgres");
            }
            #[cfg(not(unix))]
            let _ = (uid, gid);
        }
        let output = command.output().with_context(|| format!("nie można uruchomić {program}"))?;
        if !output.status.success() {
            bail!(
                "{program} zakończył się błędem ({}): {}{}",
                output.status,
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            );
        }
        Ok(output)
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let data = self.data();
        if data.join("postmaster.pid").exists() {
            let stop = |mode: &str| {
                self.run(
                    "pg_ctl",
                    &[
                        "-D".as_ref(),
                        data.as_os_str(),
                        "-m".as_ref(),
                        mode.as_ref(),
                        "-w".as_ref(),
                        "stop".as_ref(),
                    ],
                )
            };
            // Fast: connections left by the tests are ended; immediate only when that fails.
            if let Err(e) = stop("fast").or_else(|_| stop("immediate")) {
                eprintln!(
                    "nie udało się zatrzymać klastra PostgreSQL w {}: {e:#}",
                    self.dir.display()
                );
                return;
            }
        }
        if let Err(e) = std::fs::remove_dir_all(&self.dir) {
            eprintln!("nie udało się usunąć {}: {e}", self.dir.display());
        }
    }
}

/// A port nobody listens on now: the system's pick for port 0. Another program could take it
/// before the cluster binds it; then the start fails and says so.
fn free_port() -> Result<u16> {
    let listener = TcpListener::bind("127.0.0.1:0").context("brak wolnego portu")?;
    Ok(listener.local_addr()?.port())
}

/// The `postgres` user's (uid, gid), which Debian's package creates.
fn postgres_user() -> Result<(u32, u32)> {
    let id = |flag: &str| -> Result<u32> {
        let output = Command::new("id").args([flag, "postgres"]).output()?;
        String::from_utf8_lossy(&output.stdout)
            .trim()
            .parse()
            .with_context(|| "brak użytkownika postgres (z pakietu postgresql)")
    };
    Ok((id("-u")?, id("-g")?))
}
