//! The real `forebyg` binary in Lambda mode, as AWS runs it: `AWS_LAMBDA_RUNTIME_API` points at
//! a small fake of the Lambda Runtime API (written here, plain HTTP/1.1 on 127.0.0.1), which hands
//! out API Gateway HTTP API (payload 2.0) events on `GET /2018-06-01/runtime/invocation/next` and
//! collects what the binary posts to `/invocation/{id}/response` and `/invocation/{id}/error`.
//! It also serves a JWKS, standing in for Cognito's, so the admin sign-in runs as configured by
//! `infra/template.yaml` (`FOREBYG_AUTH=cognito`, issuer, client id).
//! This covers what the in-process `lambda_event` tests cannot: start-up in Lambda mode (config,
//! logging, store, demo seed), the runtime client's protocol, the serialised API Gateway response
//! payloads, token verification against a fetched JWKS, JSON logs, and surviving a malformed
//! event. Run with `--nocapture` to see the cold-start time.

#[path = "lambda_runtime/http1.rs"]
mod http1;

use http1::{read_request, write_response};
use serde_json::Value;
use std::io::BufReader;
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

const FUNCTION_ARN: &str = "arn:aws:lambda:eu-north-1:123456789012:function:forebyg-test-api:live";
/// The user pool and app client of `fixtures/lambda_admin_jwt.json`.
const ISSUER: &str = "https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_Example123";
const CLIENT_ID: &str = "4example0client0id0abcdefg";
const KEY_ID: &str = "test-key-1";
/// Debug build, busy CI machine, 500 demo offers seeded at start: generous on purpose. In AWS the
/// release build starts in well under a second (initDurationMs in the platform.report log).
const COLD_START_BOUND: Duration = Duration::from_secs(10);

struct Invocation {
    id: String,
    event: String,
}

#[derive(Debug)]
enum Posted {
    Response { id: String, body: Vec<u8> },
    Error { id: String, error_type: Option<String>, body: Vec<u8> },
    InitError { body: Vec<u8> },
}

/// What the fake runtime API saw, shared with the connection threads.
struct Shared {
    jwks: String,
    events: Mutex<mpsc::Receiver<Invocation>>,
    posted: mpsc::Sender<(Instant, Posted)>,
    first_next: Mutex<Option<Instant>>,
}

struct FakeRuntimeApi {
    address: String,
    events: mpsc::Sender<Invocation>,
    posted: mpsc::Receiver<(Instant, Posted)>,
    shared: Arc<Shared>,
}

impl FakeRuntimeApi {
    fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let address = listener.local_addr().unwrap().to_string();
        let (events_tx, events_rx) = mpsc::channel();
        let (posted_tx, posted_rx) = mpsc::channel();
        let shared = Arc::new(Shared { jwks: jwks(), events: Mutex::new(events_rx), posted: posted_tx, first_next: Mutex::new(None) });
        let accept = Arc::clone(&shared);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let shared = Arc::clone(&accept);
                std::thread::spawn(move || serve_connection(stream, &shared));
            }
        });
        FakeRuntimeApi { address, events: events_tx, posted: posted_rx, shared }
    }

    fn first_next(&self) -> Option<Instant> {
        *self.shared.first_next.lock().unwrap()
    }
}

/// One keep-alive connection from the runtime client: requests until it closes.
fn serve_connection(stream: TcpStream, shared: &Shared) {
    let mut writer = stream.try_clone().unwrap();
    let mut reader = BufReader::new(stream);
    while let Some((method, path, headers, body)) = read_request(&mut reader) {
        let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
        match (method.as_str(), segments.as_slice()) {
            ("GET", ["2018-06-01", "runtime", "invocation", "next"]) => {
                shared.first_next.lock().unwrap().get_or_insert_with(Instant::now);
                // Long poll, as the real API does: block until the test queues the next event.
                let Ok(invocation) = shared.events.lock().unwrap().recv() else { return };
                let deadline = SystemTime::now().duration_since(UNIX_EPOCH).unwrap() + Duration::from_secs(30);
                let extra = [
                    ("Lambda-Runtime-Aws-Request-Id", invocation.id.clone()),
                    ("Lambda-Runtime-Deadline-Ms", deadline.as_millis().to_string()),
                    ("Lambda-Runtime-Invoked-Function-Arn", FUNCTION_ARN.to_owned()),
                    ("Lambda-Runtime-Trace-Id", "Root=1-67a1b2c3-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=1".to_owned()),
                ];
                write_response(&mut writer, "200 OK", &extra, invocation.event.as_bytes());
            }
            ("POST", ["2018-06-01", "runtime", "invocation", id, kind @ ("response" | "error")]) => {
                let id = id.to_string();
                let posted = if *kind == "response" {
                    Posted::Response { id, body }
                } else {
                    Posted::Error { id, error_type: headers.get("lambda-runtime-function-error-type").cloned(), body }
                };
                let _ = shared.posted.send((Instant::now(), posted));
                write_response(&mut writer, "202 Accepted", &[], br#"{"status":"OK"}"#);
            }
            // Not part of the Runtime API: the identity provider's keys (Cognito's /.well-known/jwks.json).
            ("GET", ["jwks.json"]) => write_response(&mut writer, "200 OK", &[], shared.jwks.as_bytes()),
            ("POST", ["2018-06-01", "runtime", "init", "error"]) => {
                let _ = shared.posted.send((Instant::now(), Posted::InitError { body }));
                write_response(&mut writer, "202 Accepted", &[], br#"{"status":"OK"}"#);
            }
            _ => write_response(&mut writer, "404 Not Found", &[], br#"{"errorMessage":"unknown path"}"#),
        }
    }
}

/// An RSA test key (the repository's public development key pair, api/dev-auth/) standing in
/// for the user pool's signing key.
fn signing_key() -> jsonwebtoken::EncodingKey {
    let pem = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/dev-auth/dev-only-signing-key.pem")).unwrap();
    jsonwebtoken::EncodingKey::from_rsa_pem(&pem).unwrap()
}

fn jwks() -> String {
    let mut jwk = jsonwebtoken::jwk::Jwk::from_encoding_key(&signing_key(), jsonwebtoken::Algorithm::RS256).unwrap();
    jwk.common.key_id = Some(KEY_ID.into());
    jwk.common.public_key_use = Some(jsonwebtoken::jwk::PublicKeyUse::Signature);
    serde_json::to_string(&jsonwebtoken::jwk::JwkSet { keys: vec![jwk] }).unwrap()
}

/// A Cognito-style ID token for the test pool, signed with the JWKS key.
fn id_token(audience: &str, groups: &[&str], region: &str) -> String {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs();
    let claims = serde_json::json!({
        "sub": "11111111-2222-3333-4444-555555555555", "iss": ISSUER, "aud": audience, "token_use": "id",
        "iat": now, "auth_time": now, "exp": now + 3600, "email": "admin@region.example",
        "cognito:username": "11111111-2222-3333-4444-555555555555", "cognito:groups": groups, "custom:region": region,
    });
    let mut header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::RS256);
    header.kid = Some(KEY_ID.into());
    jsonwebtoken::encode(&header, &claims, &signing_key()).unwrap()
}

/// The admin fixture with another bearer token (API Gateway's authorizer would have let it through).
fn admin_event(token: &str) -> String {
    let mut event: Value = serde_json::from_str(&fixture("lambda_admin_jwt")).unwrap();
    event["headers"]["authorization"] = Value::String(format!("Bearer {token}"));
    event.to_string()
}

/// Method, path, lower-cased headers, body.
/// The binary, started as Lambda starts a `provided.al2023` function's `bootstrap`.
struct LambdaProcess {
    child: Child,
    log_file: std::path::PathBuf,
}

impl LambdaProcess {
    fn start(runtime_api: &str, data_dir: &Path, demo_offers: usize) -> Self {
        let log_file = data_dir.join("lambda.log");
        let log = std::fs::File::create(&log_file).unwrap();
        let child = binary()
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("AWS_LAMBDA_RUNTIME_API", runtime_api)
            .env("AWS_LAMBDA_FUNCTION_NAME", "forebyg-test-api")
            .env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512")
            .env("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
            .env("AWS_LAMBDA_LOG_STREAM_NAME", "2026/11/23/[$LATEST]0123456789abcdef")
            .env("AWS_LAMBDA_LOG_GROUP_NAME", "/forebyg/test/api")
            .env("AWS_REGION", "eu-north-1")
            .env("FOREBYG_STORE", "embedded")
            .env("FOREBYG_DATA_DIR", data_dir)
            .env("FOREBYG_DEMO_OFFERS", demo_offers.to_string())
            // As infra/template.yaml configures it; the JWKS comes from the fake, not Cognito.
            .env("FOREBYG_AUTH", "cognito")
            .env("FOREBYG_COGNITO_ISSUER", ISSUER)
            .env("FOREBYG_COGNITO_CLIENT_ID", CLIENT_ID)
            .env("FOREBYG_COGNITO_HOSTED_UI", "https://forebyg-test.auth.eu-north-1.amazoncognito.com")
            .env("FOREBYG_JWKS_URL", format!("http://{runtime_api}/jwks.json"))
            // Required inside Lambda (the template resolves it from ContactKeySecret).
            .env("FOREBYG_CONTACT_KEY", "lambda-runtime-test-contact-key-0123456789")
            .env("RUST_LOG", "info")
            .stdout(Stdio::from(log.try_clone().unwrap()))
            .stderr(Stdio::from(log))
            .spawn()
            .expect("start the forebyg binary");
        LambdaProcess { child, log_file }
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.log_file).unwrap_or_default()
    }
}

/// This build's `forebyg`; or, with `FOREBYG_LAMBDA_BOOTSTRAP`, another binary such as the
/// packaged `infra/build/lambda/bootstrap`, started through `FOREBYG_LAMBDA_RUNNER` if set (e.g.
/// `qemu-aarch64 -L /usr/aarch64-linux-gnu` for the arm64 build): `infra/package.sh --smoke-test`.
fn binary() -> Command {
    let Some(bootstrap) = std::env::var_os("FOREBYG_LAMBDA_BOOTSTRAP") else { return Command::new(env!("CARGO_BIN_EXE_forebyg")) };
    let runner = std::env::var("FOREBYG_LAMBDA_RUNNER").unwrap_or_default();
    let mut words = runner.split_whitespace();
    match words.next() {
        Some(program) => {
            let mut command = Command::new(program);
            command.args(words).arg(bootstrap);
            command
        }
        None => Command::new(bootstrap),
    }
}

impl Drop for LambdaProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// An API Gateway HTTP API response payload (format 2.0), as the binary posted it.
struct GatewayResponse {
    status: u64,
    content_type: String,
    body: Value,
    raw: Value,
}

struct Harness {
    api: FakeRuntimeApi,
    lambda: LambdaProcess,
    next_id: usize,
}

impl Harness {
    /// Queues one event and waits for what the binary posts back.
    fn invoke(&mut self, event: String) -> (Instant, Posted) {
        self.next_id += 1;
        let id = format!("8f2c9a1e-0000-4000-8000-{:012}", self.next_id);
        self.api.events.send(Invocation { id: id.clone(), event }).unwrap();
        let (at, posted) = self
            .api
            .posted
            .recv_timeout(Duration::from_secs(60))
            .unwrap_or_else(|_| panic!("no response to invocation {id} within 60 s; log:\n{}", self.lambda.log()));
        match &posted {
            Posted::Response { id: got, .. } | Posted::Error { id: got, .. } => assert_eq!(got, &id, "answer for the wrong invocation"),
            Posted::InitError { body } => panic!("init error: {}\nlog:\n{}", String::from_utf8_lossy(body), self.lambda.log()),
        }
        (at, posted)
    }

    fn invoke_http(&mut self, event: String) -> GatewayResponse {
        match self.invoke(event).1 {
            Posted::Response { body, .. } => {
                let raw: Value = serde_json::from_slice(&body).expect("the response payload is JSON");
                assert_eq!(raw["isBase64Encoded"], Value::Bool(false), "{raw}");
                let body_text = raw["body"].as_str().unwrap_or_else(|| panic!("body is a string: {raw}"));
                GatewayResponse {
                    status: raw["statusCode"].as_u64().unwrap_or_else(|| panic!("statusCode: {raw}")),
                    content_type: raw["headers"]["content-type"].as_str().unwrap_or_default().to_owned(),
                    body: serde_json::from_str(body_text).unwrap_or_else(|e| panic!("body is JSON ({e}): {body_text}")),
                    raw,
                }
            }
            other => panic!("expected a response, got {other:?}\nlog:\n{}", self.lambda.log()),
        }
    }
}

#[test]
fn the_binary_serves_api_gateway_events_through_the_runtime_api() {
    let data = tempfile::tempdir().unwrap();
    let api = FakeRuntimeApi::start();
    let spawned = Instant::now();
    let lambda = LambdaProcess::start(&api.address, data.path(), 500);
    let mut h = Harness { api, lambda, next_id: 0 };

    // 1. Search: the cold start ends with the first response posted.
    let (answered, posted) = h.invoke(fixture("apigw_v2_search"));
    let cold_start = answered - spawned;
    let init = h.api.first_next().expect("the runtime asked for an event") - spawned;
    let which = std::env::var("FOREBYG_LAMBDA_BOOTSTRAP")
        .map_or_else(|_| "this build".to_owned(), |b| format!("{b}, runner {:?}", std::env::var("FOREBYG_LAMBDA_RUNNER").unwrap_or_default()));
    println!("cold start ({which}; 500 demo offers seeded): init {init:?} (spawn -> first /next), first response {cold_start:?}");
    assert!(cold_start < COLD_START_BOUND, "cold start took {cold_start:?}; log:\n{}", h.lambda.log());
    let Posted::Response { body, .. } = posted else { panic!("search failed: {posted:?}\nlog:\n{}", h.lambda.log()) };
    let raw: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!((raw["statusCode"].as_u64(), raw["headers"]["content-type"].as_str()), (Some(200), Some("application/json")), "{raw}");
    let search: Value = serde_json::from_str(raw["body"].as_str().unwrap()).unwrap();
    assert_eq!(search["origin"]["postcode"], "8000");
    assert!(search["total"].as_u64().unwrap() > 0 && !search["results"].as_array().unwrap().is_empty(), "{search}");
    for hit in search["results"].as_array().unwrap() {
        let category = hit["offer"]["category"].as_str().unwrap();
        assert!(["fysisk-aktivitet", "alkohol"].contains(&category), "filtered by both repeated categories: {category}");
    }

    // 2. A bad request: 422 with a problem body naming the fields.
    let bad = h.invoke_http(fixture("apigw_v2_bad_postcode"));
    assert_eq!((bad.status, bad.content_type.as_str()), (422, "application/problem+json"), "{}", bad.raw);
    assert_eq!(bad.body["status"], 422);
    let fields: Vec<&str> = bad.body["errors"].as_array().unwrap().iter().filter_map(|e| e["field"].as_str()).collect();
    assert!(fields.contains(&"postcode") && fields.contains(&"radius_km"), "{}", bad.body);

    // 3. A missing offer: 404 problem.
    let missing = h.invoke_http(fixture("apigw_v2_missing_offer"));
    assert_eq!((missing.status, missing.content_type.as_str()), (404, "application/problem+json"), "{}", missing.raw);
    assert_eq!(missing.body["status"], 404);

    // 4. The admin API, as API Gateway delivers it after its Cognito JWT authorizer accepted the
    //    token (requestContext.authorizer.jwt.claims: every claim a string, arrays as "[a b]").
    //    The Lambda does not trust that context: it verifies the bearer token itself.
    //    a) The fixture's token is not signed by the pool's key: 401.
    let forged = h.invoke_http(fixture("lambda_admin_jwt"));
    assert_eq!((forged.status, forged.content_type.as_str()), (401, "application/problem+json"), "{}", forged.raw);
    assert_eq!(forged.body["status"], 401);
    //    b) A signed ID token of the pool and the SPA client: the admin and their scope.
    let me = h.invoke_http(admin_event(&id_token(CLIENT_ID, &["region-admin"], "midtjylland")));
    assert_eq!((me.status, me.content_type.as_str()), (200, "application/json"), "{}\nlog:\n{}", me.raw, h.lambda.log());
    assert_eq!((me.body["role"].as_str(), me.body["region"].as_str()), (Some("region-admin"), Some("midtjylland")), "{}", me.body);
    //    c) Signed by the pool, but for another app client: 401.
    let other_client = h.invoke_http(admin_event(&id_token("another-client", &["national-admin"], "midtjylland")));
    assert_eq!(other_client.status, 401, "{}", other_client.raw);
    //    d) A valid token without an admin group: 403.
    let no_role = h.invoke_http(admin_event(&id_token(CLIENT_ID, &[], "midtjylland")));
    assert_eq!((no_role.status, no_role.content_type.as_str()), (403, "application/problem+json"), "{}", no_role.raw);

    // 5. A malformed event is reported to /error, and the process keeps serving.
    let (_, posted) = h.invoke(r#"{"not":"an API Gateway event"}"#.to_owned());
    let Posted::Error { error_type, body, .. } = posted else { panic!("expected an invocation error, got {posted:?}") };
    let error: Value = serde_json::from_slice(&body).expect("error body is JSON");
    assert!(error["errorType"].is_string() && error["errorMessage"].is_string(), "{error}");
    println!("malformed event -> /error ({error_type:?}): {error}");
    let health = h.invoke_http(fixture("lambda_healthz"));
    assert_eq!((health.status, &health.body), (200, &serde_json::json!({"status": "ok"})));

    // Logs: one JSON object per line with a level (what Lambda's JSON log format filters on),
    // and never the query string (searches carry places).
    let log = h.lambda.log();
    let lines: Vec<&str> = log.lines().filter(|l| !l.trim().is_empty()).collect();
    assert!(!lines.is_empty());
    println!("{} log lines, all JSON, e.g. {}", lines.len(), lines.iter().find(|l| l.contains("/api/v1/offers")).unwrap_or(&lines[0]));
    for line in &lines {
        let entry: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("log line is not JSON ({e}): {line}"));
        assert!(entry["level"].is_string(), "log line without a level: {line}");
    }
    assert!(!log.contains("postcode=") && !log.contains("radius_km="), "query strings must not be logged:\n{log}");
    assert!(log.contains("/api/v1/offers"), "requests are logged with their route:\n{log}");
}
