//! `jst sync` against a real jst-server on port 0 and against release folders: the guarantees
//! of DESIGN §7 and §10 (G2 all or nothing, G3 resume, G4 tampering, G5 rollback and freeze).

use std::io::{Read, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Command;

use jst_release::{encode_chunk, sha256_hex, sign, KeyPair, Latest, Manifest};
use jst_server::{
    build_release, keygen, now, DataRow, SqliteStorage, Storage, SubmissionKey, SubmittedItem,
};
use serde_json::{json, Value};

use crate::jst;

const CATALOGUE: &[u8] = include_bytes!("../../../../assets/catalogue/katalog_wskaznikow.csv");

/// An association server: keys, the shipped catalogue and a few public values.
pub(crate) struct Association {
    pub(crate) storage: SqliteStorage,
    key: KeyPair,
    public_key: PathBuf,
}

pub(crate) fn association(dir: &Path) -> Association {
    let (secret, public_key, _) = keygen(&dir.join("klucze")).expect("keygen");
    let key = KeyPair::from_text(&std::fs::read_to_string(secret).expect("key")).expect("key");
    let mut storage = SqliteStorage::open(&dir.join("serwer")).expect("server db");
    storage.save_catalogue(CATALOGUE, 55, "v1", "2026-11-22T00:00:00Z").expect("catalogue");
    let mut rows = Vec::new();
    for year in 2019..=2024 {
        for (teryt, value) in
            [("1219012", 41.0), ("1219022", 38.5), ("1219043", 77.25), ("1219053", 70.0)]
        {
            rows.push(DataRow {
                teryt: teryt.into(),
                indicator: "KANALIZACJA_PROC".into(),
                year,
                value: value + f64::from(year - 2019),
            });
        }
    }
    storage.upsert_values(&rows, "2026-11-22T00:00:00Z").expect("values");
    Association { storage, key, public_key }
}

/// Each unit contributes its ODPADY_SELEKT_PROC 2024 (`value(i)` for the i-th unit), straight
/// into the association's storage, as an accepted submission would.
fn contribute<'a>(
    a: &mut Association,
    units: impl Iterator<Item = &'a str>,
    value: impl Fn(usize) -> f64,
) {
    for (i, teryt) in units.enumerate() {
        let key = SubmissionKey {
            id: format!("00000000-0000-4000-8000-{i:012}"),
            token_id: jst_server::issue_token(&mut a.storage, teryt, "2026-11-22T00:00:00Z")
                .expect("token")
                .id,
            teryt: teryt.to_owned(),
            body_sha256: "x".into(),
        };
        let item = SubmittedItem {
            indicator: "ODPADY_SELEKT_PROC".into(),
            year: 2024,
            value: value(i),
            status: None,
            base_server_rev: None,
        };
        a.storage
            .apply_submission(&key, &[item], "2026-11-22T00:00:00Z", &|_| "{}".to_owned())
            .expect("contribution");
    }
}

pub(crate) fn build(a: &mut Association, out: &Path, valid_days: i64) -> u64 {
    build_release(&mut a.storage, out, &a.key, now(), valid_days).expect("build").version
}

pub(crate) fn desktop(dir: &Path, a: &Association) -> PathBuf {
    let data = dir.join("pulpit");
    assert_eq!(jst(&data, &["init", "--unit", "1219053"]).status.code(), Some(0));
    let trusted = jst(&data, &["trust", "add", a.public_key.to_str().expect("path"), "--yes"]);
    assert_eq!(trusted.status.code(), Some(0), "{}", String::from_utf8_lossy(&trusted.stderr));
    data
}

fn sync(data: &Path, args: &[&str]) -> (Option<i32>, Value, String) {
    let mut all = vec!["sync", "--format", "json"];
    all.extend_from_slice(args);
    let out = jst(data, &all);
    let view = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (out.status.code(), view, String::from_utf8_lossy(&out.stderr).into_owned())
}

/// Values of KANALIZACJA_PROC 2024 in the powiat group: how much peer data is there.
fn peer_values(data: &Path) -> u64 {
    let out = jst(
        data,
        &[
            "benchmark",
            "KANALIZACJA_PROC",
            "--year",
            "2024",
            "--group",
            "powiat",
            "--format",
            "json",
        ],
    );
    serde_json::from_slice::<Value>(&out.stdout)
        .map(|v| v["stats"]["n"].as_u64().unwrap_or(0))
        .unwrap_or(0)
}

/// A real jst-server over `releases` and the association's database in `server_db`.
pub(crate) fn start_server(releases: &Path, server_db: &Path) -> SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    let releases = releases.to_owned();
    let db = server_db.to_owned();
    std::thread::spawn(move || {
        let _ = jst_server::serve("127.0.0.1:0".parse().expect("addr"), releases, &db, |addr| {
            let _ = tx.send(addr);
        });
    });
    rx.recv_timeout(std::time::Duration::from_secs(10)).expect("server bound")
}

#[test]
fn a_release_moves_through_a_real_server_and_an_update_downloads_little() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = association(dir.path());
    let releases = dir.path().join("wydania");
    build(&mut a, &releases, 60);
    let addr = start_server(&releases, &dir.path().join("serwer"));
    let url = format!("http://{addr}");
    let data = desktop(dir.path(), &a);
    assert_eq!(peer_values(&data), 0);

    let (code, view, stderr) = sync(&data, &["--server", &url]);
    assert_eq!(code, Some(0), "{stderr}");
    let keys: Vec<&String> = view.as_object().expect("object").keys().collect();
    assert_eq!(keys.len(), 7);
    assert_eq!(view["outcome"], json!("applied"));
    assert_eq!(view["version"], json!(1));
    assert_eq!(view["code"], Value::Null);
    // The release carries the register the desktop already has: left alone.
    assert_eq!(view["register"]["outcome"], json!("not_newer"), "{view}");
    let chunks = view["chunks_downloaded"].as_u64().unwrap_or(0);
    assert!(chunks >= 3 && view["bytes_downloaded"].as_u64().unwrap_or(0) > 0, "{view}");
    assert_eq!(peer_values(&data), 4, "the powiat's 4 gminy with data reach Porównania");

    // Defect (issue 13): `--server` was needed every time; the saved address is used now.
    let (code, view, stderr) = sync(&data, &[]);
    assert_eq!(
        (code, view["outcome"].clone(), view["version"].clone()),
        (Some(0), json!("up_to_date"), json!(1)),
        "{stderr}"
    );

    // A revision of one 2024 value: the next release downloads one chunk and reuses the rest.
    a.storage
        .upsert_values(
            &[DataRow {
                teryt: "1219012".into(),
                indicator: "KANALIZACJA_PROC".into(),
                year: 2024,
                value: 99.0,
            }],
            "2026-11-23T00:00:00Z",
        )
        .expect("revise");
    build(&mut a, &releases, 60);
    let (code, view, _) = sync(&data, &["--server", &url]);
    assert_eq!(
        (code, view["outcome"].clone(), view["version"].clone()),
        (Some(0), json!("applied"), json!(2))
    );
    assert_eq!(view["chunks_downloaded"], json!(1), "{view}");
    assert_eq!(view["chunks_reused"].as_u64(), Some(chunks - 1));

    // The server is gone: offline, exit 5, no error but a log line.
    let (code, view, _) = sync(&data, &["--server", "http://127.0.0.1:9"]);
    assert_eq!((code, view["outcome"].clone()), (Some(5), json!("offline")));
}

/// Re-signs a release folder after a test changed its files on purpose (a rogue but
/// correctly signing association), so that only the property under test is wrong.
fn resign(releases: &Path, key: &KeyPair, edit: impl FnOnce(&mut Manifest)) {
    let mut manifest =
        Manifest::parse(&std::fs::read(releases.join("manifest.json")).expect("m")).expect("parse");
    edit(&mut manifest);
    let manifest_bytes = manifest.to_bytes();
    std::fs::write(releases.join("manifest.json"), &manifest_bytes).expect("write");
    std::fs::write(releases.join("manifest.json.sig"), sign(key, "manifest.json", &manifest_bytes))
        .expect("write");
    let mut latest =
        Latest::parse(&std::fs::read(releases.join("latest.json")).expect("l")).expect("parse");
    latest.manifest_sha256 = sha256_hex(&manifest_bytes);
    let latest_bytes = latest.to_bytes();
    std::fs::write(releases.join("latest.json"), &latest_bytes).expect("write");
    std::fs::write(releases.join("latest.json.sig"), sign(key, "latest.json", &latest_bytes))
        .expect("write");
}

fn first_values_chunk(releases: &Path) -> (String, PathBuf) {
    let manifest =
        Manifest::parse(&std::fs::read(releases.join("manifest.json")).expect("m")).expect("parse");
    let chunk =
        manifest.chunks.iter().find(|c| c.name.starts_with("values-")).expect("values chunk");
    (chunk.name.clone(), releases.join("chunks").join(&chunk.sha256))
}

#[test]
fn tampered_untrusted_malformed_old_and_expired_releases_are_rejected_and_nothing_is_applied() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = association(dir.path());
    let data = desktop(dir.path(), &a);
    let fresh = |name: &str, a: &mut Association, days: i64| {
        let out = dir.path().join(name);
        build(a, &out, days);
        out
    };
    let expect_rejected = |releases: &Path, code: &str| {
        let (exit, view, stderr) = sync(&data, &["--from", releases.to_str().expect("path")]);
        assert_eq!(
            (exit, view["outcome"].clone(), view["code"].clone()),
            (Some(4), json!("rejected"), json!(code)),
            "{stderr}"
        );
        assert!(stderr.starts_with(code), "the code is on stderr: {stderr}");
        assert_eq!(peer_values(&data), 0, "nothing applied after {code}");
    };

    let tampered_chunk = fresh("zmieniony-fragment", &mut a, 60);
    let (_, path) = first_values_chunk(&tampered_chunk);
    let mut bytes = std::fs::read(&path).expect("chunk");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x40;
    std::fs::write(&path, bytes).expect("write");
    expect_rejected(&tampered_chunk, "hash_mismatch");

    let tampered_manifest = fresh("zmieniony-manifest", &mut a, 60);
    let mut manifest = std::fs::read(tampered_manifest.join("manifest.json")).expect("m");
    manifest.extend_from_slice(b" ");
    std::fs::write(tampered_manifest.join("manifest.json"), manifest).expect("write");
    expect_rejected(&tampered_manifest, "hash_mismatch");

    let other = KeyPair::generate();
    let foreign = fresh("obcy-klucz", &mut a, 60);
    resign(&foreign, &other, |_| {});
    expect_rejected(&foreign, "bad_signature");

    let expired = fresh("przeterminowane", &mut a, -1);
    expect_rejected(&expired, "expired");

    let oversized = fresh("za-duze", &mut a, 60);
    let mut latest = std::fs::read(oversized.join("latest.json")).expect("latest");
    latest.resize(70 * 1024, b' ');
    std::fs::write(oversized.join("latest.json"), latest).expect("write");
    expect_rejected(&oversized, "too_large");

    // One bad row in one chunk of an otherwise good, correctly signed release: all of it is refused.
    let malformed = fresh("zly-wiersz", &mut a, 60);
    let (name, path) = first_values_chunk(&malformed);
    let bad =
        encode_chunk(b"teryt;wskaznik_kod;rok;wartosc\n1219053;KANALIZACJA_PROC;2024;siedem\n");
    let bad_sha = sha256_hex(&bad);
    std::fs::write(malformed.join("chunks").join(&bad_sha), &bad).expect("write");
    let _ = std::fs::remove_file(path);
    resign(&malformed, &a.key, |m| {
        if let Some(c) = m.chunks.iter_mut().find(|c| c.name == name) {
            c.sha256 = bad_sha.clone();
            c.size = bad.len() as u64;
            c.rows = 1;
        }
    });
    expect_rejected(&malformed, "malformed_rows");

    // A good release applies; then an older one (an earlier, validly signed version) is a rollback.
    let older = dir.path().join("starsze");
    std::fs::create_dir_all(&older).expect("dir");
    let good = fresh("dobre", &mut a, 60);
    copy_dir(&good, &older);
    let newer = fresh("nowsze", &mut a, 60);
    let (exit, view, _) = sync(&data, &["--from", newer.to_str().expect("path")]);
    assert_eq!((exit, view["outcome"].clone()), (Some(0), json!("applied")));
    let (exit, view, _) = sync(&data, &["--from", older.to_str().expect("path")]);
    assert_eq!((exit, view["code"].clone()), (Some(4), json!("rollback")));
    assert_eq!(peer_values(&data), 4, "the applied release stays");
}

pub(crate) fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("dir").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            std::fs::create_dir_all(&target).expect("dir");
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// A plain HTTP/1.1 file server that ignores Range (answers 200 with the whole file).
fn start_server_ignoring_range(root: &Path) -> SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    let root = root.to_owned();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut stream = stream;
            let mut request = [0u8; 4096];
            let n = stream.read(&mut request).unwrap_or(0);
            let line = String::from_utf8_lossy(&request[..n])
                .lines()
                .next()
                .unwrap_or_default()
                .to_owned();
            let path =
                line.split_whitespace().nth(1).unwrap_or("/").trim_start_matches('/').to_owned();
            match std::fs::read(root.join(path)) {
                Ok(body) => {
                    let _ = write!(
                        stream,
                        "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                        body.len()
                    );
                    let _ = stream.write_all(&body);
                }
                Err(_) => {
                    let _ = write!(
                        stream,
                        "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    );
                }
            }
        }
    });
    addr
}

#[test]
fn an_interrupted_download_resumes_with_range_and_starts_over_when_the_server_ignores_range() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = association(dir.path());
    let releases = dir.path().join("wydania");
    build(&mut a, &releases, 60);
    let manifest =
        Manifest::parse(&std::fs::read(releases.join("manifest.json")).expect("m")).expect("parse");
    let total: u64 = manifest.chunks.iter().map(|c| c.size).sum();
    let biggest = manifest.chunks.iter().max_by_key(|c| c.size).expect("chunk");
    let half = biggest.size / 2;
    let chunk_bytes = std::fs::read(releases.join("chunks").join(&biggest.sha256)).expect("chunk");

    // Range honoured: the first half of the biggest chunk is already there.
    let data = desktop(dir.path(), &a);
    let cache = data.join("wydania").join("fragmenty");
    std::fs::create_dir_all(&cache).expect("cache");
    std::fs::write(cache.join(format!("{}.part", biggest.sha256)), &chunk_bytes[..half as usize])
        .expect("part");
    let addr = start_server(&releases, &dir.path().join("serwer"));
    let (exit, view, stderr) = sync(&data, &["--server", &format!("http://{addr}")]);
    assert_eq!((exit, view["outcome"].clone()), (Some(0), json!("applied")), "{stderr}");
    let downloaded = view["bytes_downloaded"].as_u64().unwrap_or(0);
    let small_files = std::fs::metadata(releases.join("latest.json")).map(|m| m.len()).unwrap_or(0)
        + std::fs::metadata(releases.join("manifest.json")).map(|m| m.len()).unwrap_or(0)
        + std::fs::metadata(releases.join("latest.json.sig")).map(|m| m.len()).unwrap_or(0)
        + std::fs::metadata(releases.join("manifest.json.sig")).map(|m| m.len()).unwrap_or(0)
        // The good-practice index (no practices here, so no practice chunks).
        + std::fs::metadata(releases.join("practices.json")).map(|m| m.len()).unwrap_or(0)
        + std::fs::metadata(releases.join("practices.json.sig")).map(|m| m.len()).unwrap_or(0);
    assert_eq!(downloaded, total - half + small_files, "only the missing half was fetched");

    // Range ignored: the part is thrown away and the whole chunk fetched again, still correct.
    let other = dir.path().join("drugi");
    let data = {
        let d = other.join("pulpit");
        assert_eq!(jst(&d, &["init", "--unit", "1219053"]).status.code(), Some(0));
        assert_eq!(
            jst(&d, &["trust", "add", a.public_key.to_str().expect("p"), "--yes"]).status.code(),
            Some(0)
        );
        d
    };
    let cache = data.join("wydania").join("fragmenty");
    std::fs::create_dir_all(&cache).expect("cache");
    std::fs::write(cache.join(format!("{}.part", biggest.sha256)), &chunk_bytes[..half as usize])
        .expect("part");
    let addr = start_server_ignoring_range(&releases);
    let (exit, view, stderr) = sync(&data, &["--server", &format!("http://{addr}")]);
    assert_eq!((exit, view["outcome"].clone()), (Some(0), json!("applied")), "{stderr}");
    assert_eq!(view["bytes_downloaded"].as_u64(), Some(total + small_files));
    assert_eq!(peer_values(&data), 4);
}

#[test]
fn contributed_values_reach_benchmark_only_as_type_size_aggregates() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = association(dir.path());
    // Twelve gminy miejsko-wiejskie of małopolskie, 60 thousand residents each on the server,
    // contribute an indicator that is not public; one lonely contribution sits in another class.
    let peers = [
        "1201063", "1202023", "1202033", "1203013", "1203033", "1203043", "1203053", "1204023",
        "1204073", "1205023", "1205033", "1219053",
    ];
    let mut population: Vec<DataRow> = peers
        .iter()
        .map(|t| DataRow {
            teryt: (*t).into(),
            indicator: "LUD_OGOLEM".into(),
            year: 2024,
            value: 60_000.0,
        })
        .collect();
    population.push(DataRow {
        teryt: "1206063".into(),
        indicator: "LUD_OGOLEM".into(),
        year: 2024,
        value: 8_000.0,
    });
    a.storage.upsert_values(&population, "2026-11-22T00:00:00Z").expect("population");
    contribute(&mut a, peers.iter().chain(["1206063"].iter()).copied(), |i| 40.0 + i as f64);
    let releases = dir.path().join("wydania");
    build(&mut a, &releases, 60);

    // No release file names a contributor: the aggregates chunk and the manifest carry groups only.
    let manifest =
        Manifest::parse(&std::fs::read(releases.join("manifest.json")).expect("m")).expect("parse");
    let chunk = manifest
        .chunks
        .iter()
        .find(|c| c.kind == jst_release::ChunkKind::Aggregates)
        .expect("aggregates");
    let text = jst_release::decode_chunk(
        &chunk.name,
        &std::fs::read(releases.join("chunks").join(&chunk.sha256)).expect("c"),
        &chunk.sha256,
    )
    .expect("decode");
    let text = String::from_utf8(text).expect("utf-8");
    for teryt in peers.iter().chain(["1206063"].iter()) {
        assert!(!text.contains(&teryt[..6]), "{teryt} in {text}");
    }
    assert!(
        text.contains("type_size:gmina_miejsko_wiejska:50000-100000;ODPADY_SELEKT_PROC;2024;12;"),
        "{text}"
    );

    let data = desktop(dir.path(), &a);
    let (code, _, stderr) = sync(&data, &["--from", releases.to_str().expect("path")]);
    assert_eq!(code, Some(0), "{stderr}");
    let out =
        jst(&data, &["benchmark", "ODPADY_SELEKT_PROC", "--year", "2024", "--format", "json"]);
    let view: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(view["source"], json!("contributed"));
    assert_eq!(view["members"], json!([]));
    assert_eq!(
        (view["stats"]["min"].clone(), view["stats"]["max"].clone()),
        (Value::Null, Value::Null)
    );
    assert_eq!(view["stats"]["n"], json!(12));
    assert_eq!(
        view["stats"]["median"],
        json!(45.5),
        "type 7 median of 40…51, 3 significant digits"
    );
    assert_eq!(view["stats"]["p10"], Value::Null, "fewer than 20");
    assert_eq!(view["suppressed"], json!(false));
}

/// nginx from Debian's packages serving a release directory as plain static files.
struct Nginx {
    child: std::process::Child,
    port: u16,
    stop: Command,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        // `-s stop` lets the master take its workers down; killing it would orphan them.
        let _ = self.stop.status();
        let _ = self.child.wait();
    }
}

fn nginx(releases: &Path, work: &Path) -> Option<Nginx> {
    let binary =
        ["/usr/sbin/nginx", "/usr/bin/nginx"].into_iter().map(PathBuf::from).find(|p| p.exists());
    let Some(binary) = binary else {
        assert!(
            std::env::var_os("JST_REQUIRE_NGINX").is_none(),
            "nginx is missing; cargo xtask test installs it (apt-get install nginx)"
        );
        eprintln!("(nginx not installed: the nginx sync test is skipped outside cargo xtask test)");
        return None;
    };
    std::fs::create_dir_all(work.join("tmp")).expect("dir");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("port")
        .local_addr()
        .expect("addr")
        .port();
    let root_user = std::fs::read_to_string("/proc/self/status")
        .map(|s| {
            s.lines().any(|l| l.starts_with("Uid:") && l.split_whitespace().nth(1) == Some("0"))
        })
        .unwrap_or(false);
    let w = work.display();
    let conf = format!(
        "{}daemon off;\nworker_processes 1;\nerror_log {w}/error.log;\npid {w}/nginx.pid;\nevents {{}}\nhttp {{\n  access_log off;\n  client_body_temp_path {w}/tmp;\n  proxy_temp_path {w}/tmp;\n  fastcgi_temp_path {w}/tmp;\n  uwsgi_temp_path {w}/tmp;\n  scgi_temp_path {w}/tmp;\n  server {{\n    listen 127.0.0.1:{port};\n    root {};\n  }}\n}}\n",
        if root_user { "user root;\n" } else { "" },
        releases.display()
    );
    std::fs::write(work.join("nginx.conf"), conf).expect("conf");
    let conf_path = work.join("nginx.conf").display().to_string();
    let prefix = work.display().to_string();
    let mut stop = Command::new(&binary);
    stop.args(["-c", &conf_path, "-p", &prefix, "-s", "stop"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    let child = Command::new(&binary)
        .args(["-c", &conf_path, "-p", &prefix])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start nginx");
    let started = std::time::Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed().as_secs() < 10,
            "nginx did not start: {}",
            std::fs::read_to_string(work.join("error.log")).unwrap_or_default()
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    Some(Nginx { child, port, stop })
}

#[test]
fn a_release_directory_served_by_nginx_syncs_and_resumes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = association(dir.path());
    let releases = dir.path().join("wydania");
    build(&mut a, &releases, 60);
    let Some(server) = nginx(&releases, &dir.path().join("nginx")) else { return };
    let manifest =
        Manifest::parse(&std::fs::read(releases.join("manifest.json")).expect("m")).expect("parse");
    let biggest = manifest.chunks.iter().max_by_key(|c| c.size).expect("chunk");
    let chunk = std::fs::read(releases.join("chunks").join(&biggest.sha256)).expect("chunk");
    let data = desktop(dir.path(), &a);
    let cache = data.join("wydania").join("fragmenty");
    std::fs::create_dir_all(&cache).expect("cache");
    let half = chunk.len() / 2;
    std::fs::write(cache.join(format!("{}.part", biggest.sha256)), &chunk[..half]).expect("part");
    let url = format!("http://127.0.0.1:{}", server.port);
    let (code, view, stderr) = sync(&data, &["--server", &url]);
    assert_eq!((code, view["outcome"].clone()), (Some(0), json!("applied")), "{stderr}");
    let total: u64 = manifest.chunks.iter().map(|c| c.size).sum();
    let downloaded = view["bytes_downloaded"].as_u64().unwrap_or(0);
    assert!(
        downloaded < total + 4096 - half as u64 + 1,
        "nginx honoured Range: {downloaded} of {total}"
    );
    assert_eq!(peer_values(&data), 4);
    let (code, view, _) = sync(&data, &["--server", &url]);
    assert_eq!((code, view["outcome"].clone()), (Some(0), json!("up_to_date")));
}

/// Rows of the release dataset in the peer store, after checking the file is sound.
fn release_rows(data: &Path) -> i64 {
    let conn = rusqlite::Connection::open(data.join("peers.db")).expect("peers.db");
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).expect("check");
    assert_eq!(check, "ok");
    conn.query_row(
        "SELECT count(*) FROM peer_values WHERE dataset = (SELECT id FROM datasets WHERE name = 'wydanie:krajowy')",
        [],
        |r| r.get(0),
    )
    .expect("count")
}

/// A big enough release for a kill to land inside the work: every gmina of the register, one
/// indicator, 2010–2024.
fn big_release(dir: &Path) -> (Association, PathBuf, i64) {
    let mut a = association(dir);
    let register = jst_import::parse_terc(
        include_bytes!("../../../../assets/register/TERC_2024-01-01.csv"),
        "terc",
    )
    .expect("terc");
    let mut rows = Vec::new();
    for e in register.snapshot.entries.iter().filter(|e| e.teryt.as_str().len() == 7) {
        for year in 2010..=2024 {
            for indicator in ["KANALIZACJA_PROC", "WODOCIAG_PROC", "ODPADY_SELEKT_PROC"] {
                rows.push(DataRow {
                    teryt: e.teryt.as_str().to_owned(),
                    indicator: indicator.into(),
                    year,
                    value: f64::from(year % 97) + 0.5,
                });
            }
        }
    }
    a.storage.upsert_values(&rows, "2026-11-22T00:00:00Z").expect("values");
    let releases = dir.join("wydania");
    build(&mut a, &releases, 60);
    // The small set of `association` has the same keys as some of these rows: replaced, not added.
    let expected = rows.len() as i64;
    (a, releases, expected)
}

#[test]
fn a_sync_killed_during_apply_leaves_the_old_or_the_new_release_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (a, releases, expected) = big_release(dir.path());
    // How long an uninterrupted sync takes here, so the kills land across all of it,
    // the apply transaction included, on fast and slow machines alike.
    let probe = desktop(&dir.path().join("proba"), &a);
    let started = std::time::Instant::now();
    assert_eq!(sync(&probe, &["--from", releases.to_str().expect("path")]).0, Some(0));
    let full = started.elapsed().as_millis() as u64;
    let data = desktop(dir.path(), &a);
    let mut outcomes = Vec::new();
    for percent in (30u64..=58).step_by(14).chain((60..=110).step_by(2)).chain([150, 300]) {
        let delay_ms = full * percent / 100;
        let mut child = Command::new(env!("CARGO_BIN_EXE_jst"))
            .args([
                "--data-dir",
                data.to_str().expect("path"),
                "sync",
                "--from",
                releases.to_str().expect("path"),
            ])
            .env_remove("JST_DATA_DIR")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let rows = release_rows(&data);
        assert!(
            rows == 0 || rows == expected,
            "after a kill at {delay_ms} ms: {rows} rows, neither none nor all {expected}"
        );
        outcomes.push(rows);
        eprintln!("kill at {delay_ms} ms: {rows} rows of the release");
        if rows == expected {
            break;
        }
    }
    // Whatever happened, the next sync brings the store to the release.
    let (code, _, stderr) = sync(&data, &["--from", releases.to_str().expect("path")]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(release_rows(&data), expected, "{outcomes:?}");
}

/// A server that trickles bytes, so a download takes long enough to be killed midway.
fn start_slow_server(root: &Path) -> SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    let root = root.to_owned();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let root = root.clone();
            std::thread::spawn(move || {
                let mut stream = stream;
                let mut request = [0u8; 4096];
                let n = stream.read(&mut request).unwrap_or(0);
                let text = String::from_utf8_lossy(&request[..n]).to_string();
                let path = text
                    .lines()
                    .next()
                    .and_then(|l| l.split_whitespace().nth(1))
                    .unwrap_or("/")
                    .trim_start_matches('/')
                    .to_owned();
                let from: usize = text
                    .lines()
                    .find_map(|l| {
                        l.strip_prefix("Range: bytes=").or_else(|| l.strip_prefix("range: bytes="))
                    })
                    .and_then(|r| r.trim_end_matches('-').parse().ok())
                    .unwrap_or(0);
                let Ok(body) = std::fs::read(root.join(path)) else {
                    let _ = write!(
                        stream,
                        "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    );
                    return;
                };
                let part = &body[from.min(body.len())..];
                let status = if from > 0 { "206 Partial Content" } else { "200 OK" };
                let _ = write!(
                    stream,
                    "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    part.len()
                );
                for piece in part.chunks(2048) {
                    if stream.write_all(piece).is_err() {
                        return;
                    }
                    std::thread::sleep(std::time::Duration::from_millis(2));
                }
            });
        }
    });
    addr
}

#[test]
fn a_sync_killed_during_download_applies_nothing_and_resumes_later() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (a, releases, expected) = big_release(dir.path());
    let data = desktop(dir.path(), &a);
    let url = format!("http://{}", start_slow_server(&releases));
    let mut child = Command::new(env!("CARGO_BIN_EXE_jst"))
        .args(["--data-dir", data.to_str().expect("path"), "sync", "--server", &url])
        .env_remove("JST_DATA_DIR")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    std::thread::sleep(std::time::Duration::from_millis(600));
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(release_rows(&data), 0, "nothing applied from a killed download");
    let cache = data.join("wydania").join("fragmenty");
    let kept: u64 = std::fs::read_dir(&cache)
        .map(|d| d.flatten().filter_map(|e| e.metadata().ok()).map(|m| m.len()).sum())
        .unwrap_or(0);
    assert!(kept > 0, "downloaded bytes are kept for the next time");
    let (code, view, stderr) = sync(&data, &["--server", &url]);
    assert_eq!((code, view["outcome"].clone()), (Some(0), json!("applied")), "{stderr}");
    let manifest =
        Manifest::parse(&std::fs::read(releases.join("manifest.json")).expect("m")).expect("parse");
    let total: u64 = manifest.chunks.iter().map(|c| c.size).sum();
    assert!(
        view["bytes_downloaded"].as_u64().unwrap_or(u64::MAX) < total,
        "resumed, not started over: {view}"
    );
    assert_eq!(release_rows(&data), expected);
}

#[test]
fn a_group_with_too_few_contributors_is_suppressed_with_the_reason() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = association(dir.path());
    let units = ["1201063", "1202023", "1219053"];
    let population: Vec<DataRow> = units
        .iter()
        .map(|t| DataRow {
            teryt: (*t).into(),
            indicator: "LUD_OGOLEM".into(),
            year: 2024,
            value: 60_000.0,
        })
        .collect();
    a.storage.upsert_values(&population, "2026-11-22T00:00:00Z").expect("population");
    contribute(&mut a, units.iter().copied(), |_| 40.0);
    let releases = dir.path().join("wydania");
    build(&mut a, &releases, 60);
    let data = desktop(dir.path(), &a);
    assert_eq!(sync(&data, &["--from", releases.to_str().expect("path")]).0, Some(0));
    let out =
        jst(&data, &["benchmark", "ODPADY_SELEKT_PROC", "--year", "2024", "--format", "json"]);
    let view: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(view["source"], json!("contributed"));
    assert_eq!(view["suppressed"], json!(true));
    assert!(
        view["reason"].as_str().is_some_and(|r| r.starts_with("za mało danych w grupie")),
        "{view}"
    );
    for key in ["q1", "median", "q3", "mean", "min", "max"] {
        assert_eq!(view["stats"][key], Value::Null, "{key}");
    }
    assert_eq!(view["stats"]["n"], json!(3));
}

/// The apply reads the verified chunks back from the cache: one changed on disk between the
/// check and the apply (another program, a failing disk) is refused, and nothing is applied.
#[test]
fn a_chunk_changed_in_the_cache_after_the_check_is_refused_at_apply() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = association(dir.path());
    let releases = dir.path().join("wydania");
    build(&mut a, &releases, 60);
    let data = desktop(dir.path(), &a);
    let mut monitor = jst_core::Monitor::open(&data).expect("open");
    let job = monitor.sync_job(&jst_core::SyncSource::Folder(releases.clone())).expect("job");
    let planned = job.plan(&mut |_, _| true);
    let cache = data.join("wydania").join("fragmenty");
    let mut changed = 0;
    for entry in std::fs::read_dir(&cache).expect("cache") {
        let path = entry.expect("entry").path();
        let bytes = std::fs::read(&path).expect("chunk");
        // Values chunks only: the register and catalogue are not read again.
        let text = jst_release::decode_chunk("x", &bytes, &sha256_hex(&bytes)).expect("decode");
        if text.starts_with(b"teryt;wskaznik_kod;rok;wartosc") {
            std::fs::write(&path, encode_chunk(b"teryt;wskaznik_kod;rok;wartosc\n"))
                .expect("overwrite");
            changed += 1;
        }
    }
    assert!(changed > 0, "the release has values chunks");
    let view = monitor.apply_sync(&job, planned).expect("apply");
    assert_eq!(
        (view.outcome.code(), view.code.map(|c| c.as_str())),
        ("rejected", Some("hash_mismatch"))
    );
    drop(monitor);
    assert_eq!(peer_values(&data), 0, "nothing applied");
    // The next sync notices the bad cache entry, fetches the chunk again and applies.
    let (code, view, stderr) = sync(&data, &["--from", releases.to_str().expect("path")]);
    assert_eq!((code, view["outcome"].clone()), (Some(0), json!("applied")), "{stderr}");
    assert_eq!(peer_values(&data), 4);
}

#[test]
fn sync_without_a_saved_server_asks_for_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("dane");
    let out = crate::jst(&data, &["sync"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--server URL"));
}

/// A desktop (Wieliczka) that synced from a folder release whose association imported the
/// practice file `practices`; returns the desktop's data folder.
pub(crate) fn association_with_release(dir: &Path, practices: &Path) -> PathBuf {
    let mut a = association(dir);
    jst_server::practices::import_file(&mut a.storage, practices, "2026-11-30T00:00:00Z")
        .expect("practices");
    let releases = dir.join("wydania");
    build(&mut a, &releases, 60);
    let data = desktop(dir, &a);
    let (exit, _, stderr) = sync(&data, &["--from", releases.to_str().expect("path")]);
    assert_eq!(exit, Some(0), "{stderr}");
    data
}
