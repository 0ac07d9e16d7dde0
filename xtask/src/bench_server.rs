//! The association's server under load and faults (issue 15, item 3), part of
//! `cargo xtask bench` (`--only server`, `--seconds N`): a release `jst-server serve` on a free
//! loopback port with a fresh data folder, 2,500 unit tokens, and 500 concurrent clients sending
//! submissions for N seconds (default 60), a fifth of them sent again with the same
//! Idempotency-Key and body (a client whose answer was lost). Then the faults: the server killed
//! with SIGKILL a third into a second, shorter run and restarted on the same folder and port
//! (clients resend their unanswered submissions with the same keys until answered); one token's
//! rate limit under 150 parallel requests; a release build into a full 1 MiB tmpfs (it must fail
//! with a Polish message while the previous release stays whole and served). After each run the
//! server's database is read: every answered submission is stored exactly once with the very
//! bytes its client got, and nothing unanswered is stored. `--engine sqlite|postgres|both`
//! (default both) picks the storage; on PostgreSQL (a throwaway cluster) one more fault:
//! the database restarted mid-load, when requests must get 503 `storage_unavailable` at once,
//! not hang, and the server must reconnect by itself.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, ensure, Context, Result};
use sha2::{Digest, Sha256};

use crate::shell::{cargo_release, step};

const CLIENTS: usize = 500;
const UNITS: usize = 2_500;
/// Percent of answered submissions sent again, same key and body.
const RESEND_PERCENT: u64 = 20;
/// `RateLimits::default().per_token` of jst-server: requests of one token per minute.
const PER_TOKEN: usize = 60;
const PARALLEL_ON_ONE_TOKEN: usize = 150;
/// How long after the run's end an unanswered submission is still resent.
const GRACE: Duration = Duration::from_secs(30);
const REGISTER: &str = "assets/register/TERC_2024-01-01.csv";
const CATALOGUE: &str = "assets/catalogue/katalog_wskaznikow.csv";

/// The storage a bench run uses: SQLite in the data folder, or a PostgreSQL cluster of its own.
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    pub fn name(&self) -> &'static str {
        match self {
            Self::Sqlite => "SQLite",
            Self::Postgres => "PostgreSQL",
        }
    }
}

/// Where the server under test keeps its data.
struct Db {
    data: PathBuf,
    cluster: Option<crate::postgres::Cluster>,
}

impl Db {
    /// `jst-server --data-dir DATA` with the database of this run, whatever the environment says.
    fn command(&self, bin: &Path) -> Command {
        let mut command = Command::new(bin);
        command.arg("--data-dir").arg(&self.data);
        match &self.cluster {
            Some(cluster) => command.env("JST_SERVER_DATABASE", cluster.url()),
            None => command.env_remove("JST_SERVER_DATABASE"),
        };
        command
    }

    /// `psql` on the run's database: rows with fields split by 0x1f and records by 0x1e.
    fn psql(&self, sql: &str) -> Result<String> {
        let cluster = self.cluster.as_ref().context("psql bez klastra")?;
        let out = Command::new("psql")
            .arg(cluster.url())
            .args([
                "-X",
                "-q",
                "-A",
                "-t",
                "-F",
                "\x1f",
                "-R",
                "\x1e",
                "-v",
                "ON_ERROR_STOP=1",
                "-c",
                sql,
            ])
            .output()
            .context("nie można uruchomić psql")?;
        ensure!(out.status.success(), "psql: {}", String::from_utf8_lossy(&out.stderr));
        Ok(String::from_utf8(out.stdout)?)
    }
}

/// A running `jst-server serve`.
struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(bin: &Path, db: &Db, releases: &Path, bind: &str, log_path: &Path) -> Result<Self> {
        let log = std::fs::OpenOptions::new().create(true).append(true).open(log_path)?;
        // The port of a killed server is free at once (SO_REUSEADDR); a few tries cover a slow
        // kernel.
        for attempt in 0..20 {
            let mut child = db
                .command(bin)
                .args(["serve", "--bind", bind, "--releases"])
                .arg(releases)
                .env("RUST_LOG", "warn")
                .stdout(Stdio::piped())
                .stderr(log.try_clone()?)
                .spawn()
                .context("nie można uruchomić jst-server serve")?;
            let stdout = child.stdout.take().context("brak wyjścia serwera")?;
            let mut line = String::new();
            BufReader::new(stdout).read_line(&mut line)?;
            if let Some(addr) = line.trim().strip_prefix("Serwer nasłuchuje na http://") {
                return Ok(Self { child, addr: addr.to_owned() });
            }
            let _ = child.wait();
            if attempt < 19 {
                std::thread::sleep(Duration::from_millis(100));
            }
        }
        bail!("serwer nie wystartował na {bind} (dziennik: {})", log_path.display())
    }

    /// VmHWM of the process: its peak resident memory so far, in MB.
    fn peak_mb(&self) -> Result<f64> {
        peak_mb(&format!("/proc/{}/status", self.child.id()))
    }

    /// User plus system CPU seconds of the process so far (its load shares 2 cores with the
    /// clients).
    fn cpu_seconds(&self) -> Result<f64> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.child.id()))?;
        // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
        let rest = stat.rsplit_once(')').context("nieczytelny /proc/PID/stat")?.1;
        let mut f = rest.split_whitespace().skip(11);
        let mut ticks = || -> Result<f64> { Ok(f.next().context("brak utime/stime")?.parse()?) };
        Ok((ticks()? + ticks()?) / 100.0)
    }

    /// SIGKILL, as a crash or the OOM killer would end it.
    fn kill(mut self) -> Result<()> {
        self.child.kill()?;
        self.child.wait()?;
        Ok(())
    }
}

/// A bench that fails half-way leaves no server behind.
impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn peak_mb(status: &str) -> Result<f64> {
    let text = std::fs::read_to_string(status)?;
    let kb: f64 = text
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next())
        .context("brak VmHWM w /proc")?
        .parse()?;
    Ok(kb / 1024.0)
}

/// A tmpfs mounted for the disk-full fault, unmounted whatever happens.
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(dir: &Path, size: &str) -> Result<Self> {
        std::fs::create_dir_all(dir)?;
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .status()
            .context("nie można uruchomić mount")?;
        ensure!(
            status.success(),
            "nie można zamontować tmpfs w {} (potrzebny root): {status}",
            dir.display()
        );
        Ok(Self(dir.to_owned()))
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

fn is_mounted(dir: &Path) -> bool {
    let dir = dir.to_string_lossy();
    std::fs::read_to_string("/proc/mounts")
        .is_ok_and(|m| m.lines().any(|l| l.split(' ').nth(1) == Some(&*dir)))
}

/// The units given tokens: every gmina of the shipped register (2,477), then powiaty up to
/// [`UNITS`] (the register has fewer gminy than the issue's 2,500 units).
fn units(root: &Path) -> Result<Vec<String>> {
    let text = std::fs::read_to_string(root.join(REGISTER))?;
    let (mut gminy, mut powiaty) = (Vec::new(), Vec::new());
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split(';').collect();
        let [woj, pow, gmi, rodz, ..] = f[..] else { continue };
        if !gmi.is_empty() && ["1", "2", "3"].contains(&rodz) {
            gminy.push(format!("{woj}{pow}{gmi}{rodz}"));
        } else if !pow.is_empty() && gmi.is_empty() {
            powiaty.push(format!("{woj}{pow}"));
        }
    }
    let gminy_count = gminy.len();
    gminy.extend(powiaty.into_iter().take(UNITS.saturating_sub(gminy_count)));
    ensure!(gminy.len() == UNITS, "rejestr ma za mało jednostek: {}", gminy.len());
    Ok(gminy)
}

/// `jst-server token issue` for each unit, one process per token on two threads.
fn issue_tokens(bin: &Path, db: &Db, units: &[String]) -> Result<Vec<String>> {
    let issue = |unit: &String| -> Result<String> {
        let out = db.command(bin).args(["token", "issue", "--unit", unit]).output()?;
        ensure!(
            out.status.success(),
            "token dla {unit} nie został wydany: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout)?
            .lines()
            .nth(1)
            .map(|t| t.trim().to_owned())
            .filter(|t| t.starts_with("jst_"))
            .with_context(|| format!("brak tokenu w odpowiedzi dla {unit}"))
    };
    let half = units.len() / 2;
    std::thread::scope(|s| {
        let first = s.spawn(|| units[..half].iter().map(issue).collect::<Result<Vec<_>>>());
        let second = units[half..].iter().map(issue).collect::<Result<Vec<_>>>();
        let mut all = first.join().map_err(|_| anyhow::anyhow!("wątek tokenów przerwany"))??;
        all.extend(second?);
        Ok(all)
    })
}

/// SplitMix64: each client its own reproducible stream, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn uuid(&mut self) -> String {
        let (a, b) = (self.next(), self.next());
        let hex = format!("{a:016x}{b:016x}");
        format!("{}-{}-4{}-8{}-{}", &hex[..8], &hex[8..12], &hex[13..16], &hex[17..20], &hex[20..])
    }
}

/// What the clients of one run saw.
#[derive(Default)]
struct Tally {
    by_status: HashMap<u16, u64>,
    /// Requests that got no HTTP answer (connection refused or reset).
    transport_errors: u64,
    latencies_us: Vec<u64>,
    /// (submission id, the bytes of its first answer).
    accepted: Vec<(String, Vec<u8>)>,
    resends: u64,
    /// Ids whose resend got other bytes than the first answer.
    resend_mismatches: Vec<String>,
    /// Refusals other than 429 (status, id, body): a fault.
    refusals: Vec<(u16, String, String)>,
    /// Submissions sent at least once without an answer by the grace deadline.
    unanswered: Vec<String>,
    /// First sends refused with 429 (never stored: the limit is checked before the body).
    limited: u64,
    /// 503 `storage_unavailable` answers (the database down) and the slowest of them.
    unavailable: u64,
    unavailable_max_us: u64,
    /// Other 5xx answers.
    other_5xx: u64,
}

impl Tally {
    fn merge(&mut self, other: Tally) {
        for (s, n) in other.by_status {
            *self.by_status.entry(s).or_default() += n;
        }
        self.transport_errors += other.transport_errors;
        self.latencies_us.extend(other.latencies_us);
        self.accepted.extend(other.accepted);
        self.resends += other.resends;
        self.resend_mismatches.extend(other.resend_mismatches);
        self.refusals.extend(other.refusals);
        self.unanswered.extend(other.unanswered);
        self.limited += other.limited;
        self.unavailable += other.unavailable;
        self.unavailable_max_us = self.unavailable_max_us.max(other.unavailable_max_us);
        self.other_5xx += other.other_5xx;
    }

    fn requests(&self) -> u64 {
        self.by_status.values().sum::<u64>() + self.transport_errors
    }

    fn percentile_ms(&mut self, p: f64) -> f64 {
        self.latencies_us.sort_unstable();
        let Some(last) = self.latencies_us.len().checked_sub(1) else { return 0.0 };
        self.latencies_us[((last as f64) * p).round() as usize] as f64 / 1000.0
    }
}

enum Answer {
    Stored(Vec<u8>),
    /// 429 on a first send: the server stored nothing.
    Limited,
    Refused,
    Unanswered,
}

/// Sends one submission until the server answers it: a lost answer (no connection, a reset,
/// a 5xx) is resent with the same key and body; so is a 429 once an earlier send may have
/// reached the server. `first` is true when no earlier send of this key exists.
async fn send(
    client: &reqwest::Client,
    url: &str,
    token: &str,
    (id, body): (&str, &[u8]),
    mut first: bool,
    hard_end: Instant,
    tally: &mut Tally,
) -> Answer {
    loop {
        if Instant::now() > hard_end {
            tally.unanswered.push(id.to_owned());
            return Answer::Unanswered;
        }
        let started = Instant::now();
        let sent = client
            .post(url)
            .bearer_auth(token)
            .header("Idempotency-Key", id)
            .header("Content-Type", "application/json")
            .body(body.to_vec())
            .send()
            .await;
        let answered = match sent {
            Ok(response) => {
                let status = response.status().as_u16();
                let retry_after = response
                    .headers()
                    .get("retry-after")
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.parse::<u64>().ok());
                response.bytes().await.ok().map(|b| (status, retry_after, b.to_vec()))
            }
            Err(_) => None,
        };
        let took_us = started.elapsed().as_micros() as u64;
        tally.latencies_us.push(took_us);
        let Some((status, retry_after, bytes)) = answered else {
            tally.transport_errors += 1;
            first = false;
            tokio::time::sleep(Duration::from_millis(100)).await;
            continue;
        };
        *tally.by_status.entry(status).or_default() += 1;
        match status {
            200 => return Answer::Stored(bytes),
            429 if first => {
                tally.limited += 1;
                return Answer::Limited;
            }
            429 => {
                let wait = retry_after.unwrap_or(1).clamp(1, 5);
                tokio::time::sleep(Duration::from_secs(wait)).await;
            }
            500..=599 => {
                if status == 503 && String::from_utf8_lossy(&bytes).contains("storage_unavailable")
                {
                    tally.unavailable += 1;
                    tally.unavailable_max_us = tally.unavailable_max_us.max(took_us);
                } else {
                    tally.other_5xx += 1;
                }
                first = false;
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            _ => {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                tally.refusals.push((status, id.to_owned(), text));
                return Answer::Refused;
            }
        }
    }
}

fn submission(id: &str, rng: &mut Rng, indicators: &[String]) -> Vec<u8> {
    let items: Vec<serde_json::Value> = (0..1 + rng.below(3))
        .map(|_| {
            serde_json::json!({
                "indicator": indicators[rng.below(indicators.len() as u64) as usize],
                "year": 2010 + rng.below(15) as i32,
                "value": rng.below(1_000_000) as f64 / 10.0,
                "status": null,
                "base_server_rev": null,
            })
        })
        .collect();
    serde_json::json!({
        "submission_id": id,
        "client_version": "bench-server",
        "catalogue_version": "bench",
        "items": items,
    })
    .to_string()
    .into_bytes()
}

/// One client: until `end`, a unit at random, a new submission, a fifth of them sent again.
async fn client_loop(
    client: reqwest::Client,
    url: Arc<String>,
    tokens: Arc<Vec<String>>,
    indicators: Arc<Vec<String>>,
    seed: u64,
    end: Instant,
) -> Tally {
    let mut rng = Rng(seed);
    let mut tally = Tally::default();
    let hard_end = end + GRACE;
    while Instant::now() < end {
        let token = &tokens[rng.below(tokens.len() as u64) as usize];
        let id = rng.uuid();
        let body = submission(&id, &mut rng, &indicators);
        let first = send(&client, &url, token, (&id, &body), true, hard_end, &mut tally).await;
        if let Answer::Stored(answer) = first {
            if rng.below(100) < RESEND_PERCENT {
                tally.resends += 1;
                let again = send(&client, &url, token, (&id, &body), false, hard_end, &mut tally);
                if let Answer::Stored(bytes) = again.await {
                    if bytes != answer {
                        tally.resend_mismatches.push(id.clone());
                    }
                }
            }
            tally.accepted.push((id, answer));
        }
    }
    tally
}

fn runtime() -> Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?)
}

fn http_client() -> Result<reqwest::Client> {
    Ok(reqwest::Client::builder()
        .pool_max_idle_per_host(CLIENTS)
        .timeout(Duration::from_secs(20))
        .build()?)
}

/// The tallies of finished client tasks as one (a task that panicked counts nothing).
async fn merged(tasks: Vec<tokio::task::JoinHandle<Tally>>) -> Tally {
    let mut all = Tally::default();
    for task in tasks {
        if let Ok(t) = task.await {
            all.merge(t);
        }
    }
    all
}

/// Starts the clients on `runtime` for `seconds`; the handle yields their merged tally.
fn start_load(
    runtime: &tokio::runtime::Runtime,
    addr: &str,
    tokens: &Arc<Vec<String>>,
    indicators: &Arc<Vec<String>>,
    seconds: u64,
    seed: u64,
) -> Result<tokio::task::JoinHandle<Tally>> {
    let client = http_client()?;
    let url = Arc::new(format!("http://{addr}/v1/submissions"));
    let end = Instant::now() + Duration::from_secs(seconds);
    let (tokens, indicators) = (tokens.clone(), indicators.clone());
    Ok(runtime.spawn(async move {
        let tasks: Vec<_> = (0..CLIENTS as u64)
            .map(|n| {
                tokio::spawn(client_loop(
                    client.clone(),
                    url.clone(),
                    tokens.clone(),
                    indicators.clone(),
                    seed.wrapping_mul(1_000_003).wrapping_add(n),
                    end,
                ))
            })
            .collect();
        merged(tasks).await
    }))
}

/// Every stored submission (id → the answer stored), read from the server's database; the
/// database checked as its engine can (SQLite's integrity check; both: each id stored once).
fn stored(db: &Db) -> Result<HashMap<String, Vec<u8>>> {
    if db.cluster.is_some() {
        let counts = db.psql("SELECT COUNT(*), COUNT(DISTINCT id) FROM submissions")?;
        let counts: Vec<&str> = counts.trim().trim_end_matches('\x1e').split('\x1f').collect();
        ensure!(
            counts.len() == 2 && counts[0] == counts[1],
            "zgłoszenia zapisane więcej niż raz: {counts:?}"
        );
        let rows = db.psql("SELECT id, response FROM submissions")?;
        let mut all = HashMap::new();
        // psql ends its output with a newline after the last record separator.
        let rows = rows.strip_suffix('\n').unwrap_or(&rows);
        for record in rows.split('\x1e').filter(|r| !r.is_empty()) {
            let (id, response) = record.split_once('\x1f').context("nieczytelny wiersz psql")?;
            all.insert(id.to_owned(), response.as_bytes().to_vec());
        }
        return Ok(all);
    }
    let data = &db.data;
    let conn = rusqlite::Connection::open_with_flags(
        data.join("serwer.db"),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )?;
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    ensure!(integrity == "ok", "baza serwera uszkodzona: {integrity}");
    let (rows, distinct): (i64, i64) =
        conn.query_row("SELECT COUNT(*), COUNT(DISTINCT id) FROM submissions", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    ensure!(rows == distinct, "zgłoszenia zapisane więcej niż raz: {rows} wierszy, {distinct} id");
    let mut query = conn.prepare("SELECT id, response FROM submissions")?;
    let all = query
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?.into_bytes())))?
        .collect::<rusqlite::Result<HashMap<_, _>>>()?;
    Ok(all)
}

/// Every answered submission stored once with the bytes its client got, nothing else stored,
/// every resend answered identically.
fn verify(what: &str, db: &Db, tally: &Tally) -> Result<()> {
    let stored = stored(db)?;
    let mut answered: HashMap<&str, &[u8]> = HashMap::new();
    for (id, bytes) in &tally.accepted {
        ensure!(answered.insert(id, bytes).is_none(), "{what}: id {id} przyjęte dwa razy");
    }
    let mut problems = Vec::new();
    for (id, bytes) in &answered {
        match stored.get(*id) {
            None => problems.push(format!("przyjęte {id} nie jest zapisane")),
            Some(s) if s.as_slice() != *bytes => {
                problems.push(format!("zapisana odpowiedź {id} różni się od otrzymanej"))
            }
            Some(_) => {}
        }
    }
    for id in stored.keys().filter(|id| !answered.contains_key(id.as_str())) {
        problems.push(format!("zapisane {id} nie dostało odpowiedzi"));
    }
    for id in &tally.resend_mismatches {
        problems.push(format!("ponowienie {id} dostało inną odpowiedź niż pierwsze wysłanie"));
    }
    for (status, id, body) in tally.refusals.iter().take(5) {
        problems.push(format!("odmowa {status} dla {id}: {body}"));
    }
    for id in tally.unanswered.iter().take(5) {
        problems.push(format!("{id} bez odpowiedzi po {} s ponawiania", GRACE.as_secs()));
    }
    ensure!(
        problems.is_empty(),
        "{what}: weryfikacja nie przeszła ({} problemów, pierwsze):\n{}",
        problems.len(),
        problems.iter().take(10).cloned().collect::<Vec<_>>().join("\n")
    );
    println!(
        "{what}: zweryfikowano {} przyjętych zgłoszeń (w bazie {}{}; każde raz, odpowiedzi identyczne bajt w bajt, {} ponowień z tą samą odpowiedzią)",
        answered.len(),
        stored.len(),
        if db.cluster.is_some() { "" } else { ", integrity_check ok" },
        tally.resends
    );
    Ok(())
}

fn report(what: &str, tally: &mut Tally, seconds: f64) {
    let mut statuses: Vec<_> = tally.by_status.iter().collect();
    statuses.sort();
    let statuses: Vec<String> = statuses.iter().map(|(s, n)| format!("{s}: {n}")).collect();
    println!(
        "{what}: {} żądań w {seconds:.1} s = {:.0}/s; przyjętych zgłoszeń {} = {:.0}/s; opóźnienie p50 {:.1} ms, p99 {:.1} ms, maks. {:.1} ms; statusy {}; bez odpowiedzi HTTP {}; 429 przy pierwszym wysłaniu {}",
        tally.requests(),
        tally.requests() as f64 / seconds,
        tally.accepted.len(),
        tally.accepted.len() as f64 / seconds,
        tally.percentile_ms(0.5),
        tally.percentile_ms(0.99),
        tally.percentile_ms(1.0),
        statuses.join(", "),
        tally.transport_errors,
        tally.limited,
    );
}

/// `PARALLEL_ON_ONE_TOKEN` submissions at once with one fresh token: at most the limit pass.
fn rate_limit_fault(runtime: &tokio::runtime::Runtime, addr: &str, token: &str) -> Result<Tally> {
    let client = http_client()?;
    let url = format!("http://{addr}/v1/submissions");
    let indicators = vec!["LUD_OGOLEM".to_owned()];
    let tally = runtime.block_on(async {
        let tasks: Vec<_> = (0..PARALLEL_ON_ONE_TOKEN as u64)
            .map(|n| {
                let (client, url, token, indicators) =
                    (client.clone(), url.clone(), token.to_owned(), indicators.clone());
                tokio::spawn(async move {
                    let mut rng = Rng(0xfeed_0000 + n);
                    let mut tally = Tally::default();
                    let id = rng.uuid();
                    let body = submission(&id, &mut rng, &indicators);
                    let hard_end = Instant::now() + GRACE;
                    if let Answer::Stored(answer) =
                        send(&client, &url, &token, (&id, &body), true, hard_end, &mut tally).await
                    {
                        tally.accepted.push((id, answer));
                    }
                    tally
                })
            })
            .collect();
        merged(tasks).await
    });
    ensure!(
        tally.accepted.len() == PER_TOKEN && tally.limited as usize == PARALLEL_ON_ONE_TOKEN - PER_TOKEN,
        "limit na token nie działa pod współbieżnością: {PARALLEL_ON_ONE_TOKEN} równoległych żądań z jednym tokenem, przyjęto {}, odrzucono 429 {} (limit {PER_TOKEN} na minutę)",
        tally.accepted.len(),
        tally.limited
    );
    println!(
        "limit na token: {PARALLEL_ON_ONE_TOKEN} równoległych żądań z jednym tokenem → przyjęto {}, 429: {} (limit {PER_TOKEN}/min)",
        tally.accepted.len(),
        tally.limited
    );
    Ok(tally)
}

/// Values of `indicators` for every unit and `years`, as `import data` reads them.
fn write_values(out: &Path, units: &[String], indicators: &[String], years: &[i32]) -> Result<()> {
    let mut w = std::io::BufWriter::new(std::fs::File::create(out)?);
    writeln!(w, "teryt;wskaznik_kod;rok;wartosc")?;
    let mut rng = Rng(7);
    for unit in units.iter().filter(|u| u.len() == 7) {
        for code in indicators {
            for year in years {
                writeln!(w, "{unit};{code};{year};{}", rng.below(10_000_000) as f64 / 100.0)?;
            }
        }
    }
    w.flush()?;
    Ok(())
}

fn fetch(runtime: &tokio::runtime::Runtime, url: &str) -> Result<Vec<u8>> {
    let client = http_client()?;
    runtime.block_on(async {
        let response = client.get(url).send().await?;
        ensure!(response.status().is_success(), "{url}: {}", response.status());
        Ok(response.bytes().await?.to_vec())
    })
}

/// The release files a client reads first, as served now.
fn served_index(runtime: &tokio::runtime::Runtime, addr: &str) -> Result<Vec<Vec<u8>>> {
    ["latest.json", "latest.json.sig", "manifest.json", "manifest.json.sig"]
        .iter()
        .map(|f| fetch(runtime, &format!("http://{addr}/{f}")))
        .collect()
}

/// The served release is whole: latest.json names the served manifest's hash and every chunk
/// the manifest lists is served with its hash.
fn check_served_release(runtime: &tokio::runtime::Runtime, addr: &str) -> Result<usize> {
    let latest: serde_json::Value =
        serde_json::from_slice(&fetch(runtime, &format!("http://{addr}/latest.json"))?)?;
    let manifest = fetch(runtime, &format!("http://{addr}/manifest.json"))?;
    let sha = format!("{:x}", Sha256::digest(&manifest));
    ensure!(
        latest["manifest_sha256"].as_str() == Some(sha.as_str()),
        "latest.json wskazuje inny manifest niż podawany"
    );
    let manifest: serde_json::Value = serde_json::from_slice(&manifest)?;
    let chunks = manifest["chunks"].as_array().context("manifest bez listy fragmentów")?;
    for chunk in chunks {
        let sha = chunk["sha256"].as_str().context("fragment bez sha256")?;
        let bytes = fetch(runtime, &format!("http://{addr}/chunks/{sha}"))?;
        ensure!(format!("{:x}", Sha256::digest(&bytes)) == sha, "fragment {sha} uszkodzony");
    }
    Ok(chunks.len())
}

/// Fills the file system of `dir` but for about `leave` bytes.
fn fill(dir: &Path, leave: u64) -> Result<u64> {
    let path = dir.join("wypelnienie.bin");
    let mut file = std::fs::File::create(&path)?;
    let block = vec![0x55u8; 16 * 1024];
    let mut written = 0u64;
    while file.write_all(&block).is_ok() {
        written += block.len() as u64;
    }
    let _ = file.sync_all();
    let keep = written.saturating_sub(leave);
    file.set_len(keep)?;
    Ok(keep)
}

pub fn run(root: &Path, target: &Path, seconds: u64, engine: Engine) -> Result<()> {
    step(&format!(
        "Serwer pod obciążeniem ({}): {UNITS} tokenów, {CLIENTS} klientów przez {seconds} s, awarie",
        engine.name()
    ));
    cargo_release(root, &["build", "-p", "jst-server"])?;
    let bin = target.join("release/jst-server");
    let work = target.join("bench-server");
    let releases = work.join("wydania");
    if is_mounted(&releases) {
        let _ = Command::new("umount").arg(&releases).status();
    }
    if work.exists() {
        std::fs::remove_dir_all(&work)?;
    }
    std::fs::create_dir_all(&work)?;
    let (data, keys, log) = (work.join("serwer"), work.join("klucze"), work.join("serwer.log"));
    let cluster = match engine {
        Engine::Sqlite => None,
        Engine::Postgres => {
            let cluster = crate::postgres::Cluster::start()?;
            println!(
                "PostgreSQL {} (klaster tymczasowy, port {})",
                cluster.version(),
                cluster.port()
            );
            Some(cluster)
        }
    };
    let db = Db { data: data.clone(), cluster };
    let server_cmd = |args: &[&str]| -> Result<String> {
        let out = db.command(&bin).args(args).output()?;
        ensure!(
            out.status.success(),
            "jst-server {} zakończył się błędem: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr)
        );
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let path = |p: &Path| p.to_string_lossy().into_owned();

    // The releases live on a 1 MiB tmpfs from the start, so the disk-full fault below hits the
    // very directory the server serves.
    let tmpfs = Tmpfs::mount(&releases, "1m")?;
    server_cmd(&["keygen", "--out", &path(&keys)])?;
    server_cmd(&["import", "catalogue", &path(&root.join(CATALOGUE))])?;
    let catalogue = std::fs::read_to_string(root.join(CATALOGUE))?;
    let indicators: Vec<String> = catalogue
        .lines()
        .skip(1)
        .filter_map(|l| l.split(';').next().map(str::to_owned))
        .filter(|c| !c.is_empty())
        .collect();
    let units = units(root)?;
    let small = work.join("dane-male.csv");
    write_values(&small, &units, &indicators[..1], &[2023])?;
    server_cmd(&["import", "data", &path(&small)])?;
    let key = path(&keys.join("release.key"));
    server_cmd(&["release", "build", "--out", &path(&releases), "--key", &key])?;

    let started = Instant::now();
    let tokens = issue_tokens(&bin, &db, &units)?;
    let token_seconds = started.elapsed().as_secs_f64();
    println!(
        "wydano {} tokenów w {token_seconds:.1} s ({:.1} ms na proces jst-server token issue, dwa naraz)",
        tokens.len(),
        1000.0 * token_seconds * 2.0 / tokens.len() as f64
    );
    let tokens = Arc::new(tokens);
    let indicators = Arc::new(indicators);
    let runtime = runtime()?;

    // 1. Load.
    let server = Server::start(&bin, &db, &releases, "127.0.0.1:0", &log)?;
    let addr = server.addr.clone();
    let load_started = Instant::now();
    let handle = start_load(&runtime, &addr, &tokens, &indicators, seconds, 1)?;
    let mut load = runtime.block_on(handle)?;
    let load_seconds = load_started.elapsed().as_secs_f64();
    let server_peak = server.peak_mb()?;
    let server_cpu = server.cpu_seconds()?;
    report("obciążenie", &mut load, load_seconds);
    println!(
        "obciążenie: CPU serwera {server_cpu:.1} s w {load_seconds:.1} s ({:.0} % jednego rdzenia; klienci na tych samych 2 rdzeniach)",
        100.0 * server_cpu / load_seconds
    );
    verify("obciążenie", &db, &load)?;

    // 4d. One token's limit under concurrency (a fresh token, unused so far).
    let one = server_cmd(&["token", "issue", "--unit", &units[0]])?;
    let one = one.lines().nth(1).context("brak tokenu")?.trim().to_owned();
    let limited = rate_limit_fault(&runtime, &addr, &one)?;
    load.merge(limited);
    verify("obciążenie i limit na token", &db, &load)?;

    // 4a. SIGKILL a third into a shorter run, restart on the same folder and port.
    let fault_seconds = (seconds / 2).max(6);
    let before = served_index(&runtime, &addr)?;
    let handle = start_load(&runtime, &addr, &tokens, &indicators, fault_seconds, 2)?;
    std::thread::sleep(Duration::from_secs(fault_seconds / 3));
    let killed_peak = server.peak_mb()?;
    server.kill()?;
    let killed_at = Instant::now();
    let server = Server::start(&bin, &db, &releases, &addr, &log)?;
    let restart_ms = killed_at.elapsed().as_secs_f64() * 1000.0;
    let mut faulty = runtime.block_on(handle)?;
    report("z kill -9", &mut faulty, fault_seconds as f64);
    faulty.merge(std::mem::take(&mut load));
    verify("obciążenie, limit i kill -9 (łącznie)", &db, &faulty)?;
    println!(
        "kill -9 po {} s, serwer ponownie nasłuchuje na {addr} po {restart_ms:.0} ms; {} żądań bez odpowiedzi HTTP ponowiono tym samym kluczem",
        fault_seconds / 3,
        faulty.transport_errors
    );
    ensure!(served_index(&runtime, &addr)? == before, "wydanie zmieniło się po kill -9");

    // 4c. PostgreSQL restarted a third into a shorter run (`pg_ctl stop -m fast`, 3 s down,
    // start): requests meanwhile get 503 `storage_unavailable` within the pool's wait, not a
    // hang; clients resend with the same keys; the server reconnects by itself.
    if let Some(cluster) = &db.cluster {
        let handle = start_load(&runtime, &addr, &tokens, &indicators, fault_seconds, 3)?;
        std::thread::sleep(Duration::from_secs(fault_seconds / 3));
        cluster.stop()?;
        let stopped_at = Instant::now();
        std::thread::sleep(Duration::from_secs(3));
        cluster.start_again()?;
        let down_ms = stopped_at.elapsed().as_secs_f64() * 1000.0;
        let mut restarted = runtime.block_on(handle)?;
        report("z restartem PostgreSQL", &mut restarted, fault_seconds as f64);
        println!(
            "restart PostgreSQL: baza niedostępna {down_ms:.0} ms; odpowiedzi 503 storage_unavailable: {} (najdłuższa {:.0} ms); inne 5xx: {}",
            restarted.unavailable,
            restarted.unavailable_max_us as f64 / 1000.0,
            restarted.other_5xx
        );
        ensure!(restarted.unavailable > 0, "podczas restartu bazy żadne żądanie nie dostało 503");
        ensure!(
            restarted.unavailable_max_us < 10_000_000,
            "503 w czasie restartu bazy przyszło po {} ms: serwer czekał zamiast odpowiedzieć",
            restarted.unavailable_max_us / 1000
        );
        faulty.merge(restarted);
        verify("łącznie z restartem PostgreSQL", &db, &faulty)?;
        // The load has ended well after the restart: the first health check must pass.
        let health = fetch(&runtime, &format!("http://{addr}/v1/health"))
            .context("po restarcie bazy serwer się nie połączył ponownie")?;
        ensure!(
            String::from_utf8_lossy(&health).contains("\"storage\":\"ok\""),
            "po restarcie bazy serwer się nie połączył ponownie: {}",
            String::from_utf8_lossy(&health)
        );
        println!(
            "restart PostgreSQL: serwer połączył się ponownie sam (GET /v1/health: storage ok)"
        );
    }

    // 4b. Disk full on the release directory.
    let big = work.join("dane-duze.csv");
    write_values(
        &big,
        &units,
        &indicators[..indicators.len().min(10)],
        &(2010..2025).collect::<Vec<_>>(),
    )?;
    server_cmd(&["import", "data", &path(&big)])?;
    let filled = fill(&releases, 48 * 1024)?;
    let out = db
        .command(&bin)
        .args(["release", "build", "--out", &path(&releases), "--key", &key])
        .output()?;
    let message = String::from_utf8_lossy(&out.stderr).trim().to_owned();
    ensure!(
        !out.status.success(),
        "budowa wydania na pełnym dysku się udała (wypełniono {filled} B)"
    );
    let after = served_index(&runtime, &addr)?;
    ensure!(after == before, "po nieudanej budowie podawane jest inne wydanie niż poprzednie");
    let chunks = check_served_release(&runtime, &addr)?;
    let leftovers: Vec<u64> = std::fs::read_dir(releases.join("chunks"))?
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .filter_map(|e| e.metadata().ok().map(|m| m.len()))
        .collect();
    println!(
        "pełny dysk: pozostałe pliki .tmp w chunks/: {} ({} B)",
        leftovers.len(),
        leftovers.iter().sum::<u64>()
    );
    println!(
        "pełny dysk (tmpfs 1 MiB, wolne ~48 KiB): budowa wydania zakończona kodem {}: „{message}”; poprzednie wydanie podawane bez zmian ({chunks} fragmentów, skróty zgodne)",
        out.status.code().unwrap_or(-1)
    );
    // Another refusal (e.g. the disclosure policy) would pass the checks above for the wrong
    // reason: the message must be the Polish one of a failed write, with ENOSPC.
    ensure!(
        message.contains("nie można zapisać") && message.contains("os error 28"),
        "budowa nie padła z powodu pełnego dysku albo komunikat nie jest po polsku: {message}"
    );

    let server_peak = server_peak.max(killed_peak).max(server.peak_mb()?);
    let client_peak = peak_mb("/proc/self/status")?;
    server.kill()?;
    drop(tmpfs);
    println!(
        "pamięć: serwer szczyt {server_peak:.0} MB (VmHWM), klient (xtask z {CLIENTS} klientami) szczyt {client_peak:.0} MB"
    );
    Ok(())
}
