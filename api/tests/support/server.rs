//! Runs the real `forebyg` binary as a local server on a port it picks itself.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Numbers the log files of the servers started in one data directory (a test restarts its
/// server on the same data).
static LOGS: AtomicUsize = AtomicUsize::new(0);

/// The address in the server's "Forebyg is running at http://…" line (logged at info by the
/// binary's crate, `forebyg`: a test that quiets the log keeps `forebyg=info`).
fn running_at(log: &str) -> Option<&str> {
    let (_, rest) = log.split_once("Forebyg is running at http://")?;
    let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == ':')).unwrap_or(rest.len());
    Some(&rest[..end]).filter(|a| a.contains(':'))
}

pub struct Server {
    child: Child,
    pub base: String,
    /// Where the server's stdout and stderr go, to check what it logs.
    pub log_file: std::path::PathBuf,
}

impl Server {
    pub fn start(data_dir: &Path, dist_dir: &Path, demo_offers: usize) -> Self {
        Self::start_with(data_dir, dist_dir, demo_offers, &[])
    }

    pub fn start_with(data_dir: &Path, dist_dir: &Path, demo_offers: usize, env: &[(&str, &str)]) -> Self {
        // The server binds port 0 and says in its log which port it got. (A port found by binding
        // and closing a listener here could be taken by another test's server meanwhile; this
        // server would then exit while the health check below reached the other one, and the
        // test would share that server: its rate limits, its data.)
        let log_file = data_dir.join(format!("server-{}.log", LOGS.fetch_add(1, Ordering::Relaxed)));
        let log = std::fs::File::create(&log_file).unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_forebyg"))
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("PORT", "0")
            .env("FOREBYG_STORE", "embedded")
            .env("FOREBYG_DATA_DIR", data_dir)
            .env("FOREBYG_DIST_DIR", dist_dir)
            .env("FOREBYG_DEMO_OFFERS", demo_offers.to_string())
            .env("RUST_LOG", "debug")
            .envs(env.iter().copied())
            .stdout(Stdio::from(log.try_clone().unwrap()))
            .stderr(Stdio::from(log))
            .spawn()
            .expect("start the forebyg binary");
        let mut server = Server { child, base: String::new(), log_file };
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Some(address) = running_at(&server.log()) {
                server.base = format!("http://{address}");
                break;
            }
            if let Some(status) = server.child.try_wait().expect("poll the server") {
                panic!("server exited on start ({status}); log:\n{}", server.log());
            }
            assert!(Instant::now() < deadline, "server did not start; log:\n{}", server.log());
            std::thread::sleep(Duration::from_millis(50));
        }
        let status = get(&format!("{}/healthz", server.base)).map(|r| r.status);
        assert_eq!(status.ok(), Some(200), "the server is not healthy; log:\n{}", server.log());
        server
    }

    pub fn get(&self, path: &str) -> Reply {
        get(&format!("{}{path}", self.base)).unwrap_or_else(|e| panic!("GET {path} failed: {e}; log:\n{}", self.log()))
    }

    /// Any request: `body` is sent as-is with `content_type` when given.
    pub fn request(&self, method: &str, path: &str, headers: &[(&str, &str)], body: Option<(&str, &str)>) -> Reply {
        // What failed (the connection, or reading the answer) with the server's log: a rare
        // failure in CI must say which.
        self.send(method, path, headers, body).unwrap_or_else(|e| panic!("{method} {path} failed: {e}; log:\n{}", self.log()))
    }

    /// Like [`Server::request`], but a failed connection (a killed server) is `None`.
    pub fn try_request(&self, method: &str, path: &str, headers: &[(&str, &str)], body: Option<(&str, &str)>) -> Option<Reply> {
        self.send(method, path, headers, body).ok()
    }

    fn send(&self, method: &str, path: &str, headers: &[(&str, &str)], body: Option<(&str, &str)>) -> Result<Reply, String> {
        let mut req = http::Request::builder().method(method).uri(format!("{}{path}", self.base));
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        if let Some((content_type, _)) = body {
            req = req.header("content-type", content_type);
        }
        let mut res = agent().run(req.body(body.map(|b| b.1.to_owned()).unwrap_or_default()).unwrap()).map_err(|e| format!("sending: {e}"))?;
        reply(&mut res)
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log_file).unwrap_or_default()
    }

    /// Kills the server with SIGKILL (no shutdown of any kind), as a crash or an OOM kill would,
    /// while other threads may still be sending to it (the process is reaped on drop).
    pub fn kill_now(&self) {
        let status = Command::new("kill").arg("-KILL").arg(self.child.id().to_string()).status().unwrap();
        assert!(status.success(), "kill -KILL failed");
    }

    /// Stops the server with SIGTERM, as a platform would, and waits for it to exit.
    pub fn stop(mut self) {
        let _ = Command::new("kill").arg("-TERM").arg(self.child.id().to_string()).status();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub struct Reply {
    pub status: u16,
    pub content_type: String,
    pub cache_control: String,
    pub location: String,
    pub retry_after: String,
    pub content_security_policy: String,
    pub etag: String,
    pub allow: String,
    pub www_authenticate: String,
    pub body: String,
    /// Every header, for the ones not named above.
    pub headers: http::HeaderMap,
}

impl Reply {
    pub fn json<T: serde::de::DeserializeOwned>(&self) -> T {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder().http_status_as_error(false).build().into()
}

fn get(url: &str) -> Result<Reply, String> {
    let mut res = agent().get(url).call().map_err(|e| format!("sending: {e}"))?;
    reply(&mut res)
}

fn reply(res: &mut http::Response<ureq::Body>) -> Result<Reply, String> {
    let header = |name: &str| res.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let (content_type, cache_control) = (header("content-type"), header("cache-control"));
    let (location, retry_after, content_security_policy) = (header("location"), header("retry-after"), header("content-security-policy"));
    let (etag, allow, www_authenticate) = (header("etag"), header("allow"), header("www-authenticate"));
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    let body = res.body_mut().read_to_string().map_err(|e| format!("reading the {status} answer: {e}"))?;
    Ok(Reply { status, content_type, cache_control, location, retry_after, content_security_policy, etag, allow, www_authenticate, body, headers })
}
