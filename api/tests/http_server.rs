//! The real binary over real HTTP: search, errors, offer pages, OpenAPI, the SPA, restarts, logs.

mod support;

use forebyg_shared::offer::Offer;
use forebyg_shared::problem::Problem;
use forebyg_shared::search::{SearchResponse, TaxonomyResponse};
use forebyg_shared::validation::ErrorCode;
use support::server::Server;

const DEMO: usize = 1_500;

fn dist() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("index.html"), "<!doctype html><title>Forebyg</title><main id=\"app\"></main>").unwrap();
    std::fs::write(dir.path().join("forebyg-app-0123abcd.js"), "export default 1;").unwrap();
    std::fs::create_dir(dir.path().join("admin")).unwrap();
    std::fs::write(dir.path().join("admin/index.html"), "<!doctype html><title>Forebyg admin</title><main id=\"admin-app\"></main>").unwrap();
    dir
}

#[test]
fn public_api_over_http() {
    let (data, dist) = (tempfile::tempdir().unwrap(), dist());
    let server = Server::start(data.path(), dist.path(), DEMO);

    let res = server.get("/api/v1/offers?postcode=8000&category=fysisk-aktivitet");
    assert_eq!((res.status, res.content_type.as_str()), (200, "application/json"));
    let found: SearchResponse = res.json();
    assert_eq!(found.origin.place_name.as_deref(), Some("Aarhus C"));
    assert!(found.total >= 3, "demo data has offers near Aarhus: {}", found.total);
    let distances: Vec<f64> = found.results.iter().map_while(|h| h.distance_km).collect();
    assert!(!distances.is_empty() && distances.windows(2).all(|w| w[0] <= w[1]) && distances.iter().all(|d| *d <= 25.0));
    assert!(found.results.iter().all(|h| h.offer.category.code() == "fysisk-aktivitet"));
    assert!(found.results.iter().skip(distances.len()).all(|h| h.digital && h.distance_km.is_none()), "digital offers come last, marked");
    // The map view's markers: every offer on site has its point, at the distance given.
    for h in found.results.iter().filter(|h| !h.digital) {
        let p = h.offer.point.expect("an offer on site has a point");
        assert!((p.distance_km(found.origin.point) - h.distance_km.unwrap()).abs() < 0.1, "{}", h.offer.id);
    }
    let all: SearchResponse = server.get("/api/v1/offers?postcode=8000&category=fysisk-aktivitet&per_page=50").json();
    assert_eq!(all.nearby as usize, all.results.iter().filter(|h| !h.digital).count());
    assert!(all.total > all.nearby, "the region has digital offers too");

    // Paging: page 2 continues where page 1 stopped.
    let p1: SearchResponse = server.get("/api/v1/offers?postcode=8000&per_page=5").json();
    let p2: SearchResponse = server.get("/api/v1/offers?postcode=8000&per_page=5&page=2").json();
    assert_eq!((p1.total, p1.results.len(), p2.results.len()), (p2.total, 5, 5));
    assert!(p1.results.last().unwrap().distance_km <= p2.results[0].distance_km);

    // Filters and the soonest-start order.
    let soon: SearchResponse =
        server.get("/api/v1/offers?postcode=8000&radius_km=60&sort=next-start&available=true&self_referral=on&per_page=50").json();
    assert!(soon.total > 0);
    assert!(soon.results.iter().all(|h| h.offer.self_referral && matches!(h.offer.capacity.code(), "open" | "few-places")));
    let starts: Vec<(bool, &str)> = soon
        .results
        .iter()
        .filter(|h| !h.digital)
        .map(|h| (!h.offer.continuous_enrolment, h.offer.next_start.as_deref().unwrap_or("9999")))
        .collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "continuous enrolment first, then by date: {starts:?}");

    // By coordinate (the browser's location).
    let by_point: SearchResponse = server.get("/api/v1/offers?lat=55.6761&lon=12.5683&radius_km=5").json();
    assert!(by_point.origin.postcode.is_none() && by_point.origin.place_name.is_some());

    let offer_id = &found.results[0].offer.id;
    let offer: Offer = server.get(&format!("/api/v1/offers/{offer_id}")).json();
    assert_eq!(&offer.id, offer_id);

    let pc: forebyg_shared::search::PostcodeInfo = server.get("/api/v1/postcodes/8000").json();
    assert_eq!((pc.name.as_str(), pc.region.code()), ("Aarhus C", "midtjylland"));
    assert_eq!((server.get("/api/v1/postcodes/1001").status, server.get("/api/v1/postcodes/80").status), (404, 422));
    let config: forebyg_shared::search::ClientConfig = server.get("/api/v1/config").json();
    assert!(config.tile_url.contains("{z}") && config.demo, "demo data was seeded: {config:?}");

    let taxonomy: TaxonomyResponse = server.get("/api/v1/taxonomy").json();
    assert_eq!((taxonomy.categories.len(), taxonomy.regions.len(), taxonomy.municipalities.len()), (7, 4, 98));
}

#[test]
fn bad_input_gets_specific_problem_bodies_never_500() {
    let (data, dist) = (tempfile::tempdir().unwrap(), dist());
    let server = Server::start(data.path(), dist.path(), 50);
    let cases: &[(&str, &str, ErrorCode)] = &[
        ("/api/v1/offers", "postcode", ErrorCode::Required),
        ("/api/v1/offers?postcode=80", "postcode", ErrorCode::Invalid),
        ("/api/v1/offers?postcode=1001", "postcode", ErrorCode::Unknown),
        ("/api/v1/offers?postcode=%F0%9F%92%A9", "postcode", ErrorCode::Invalid),
        ("/api/v1/offers?postcode=8000&radius_km=0", "radius_km", ErrorCode::OutOfRange),
        ("/api/v1/offers?postcode=8000&radius_km=301", "radius_km", ErrorCode::OutOfRange),
        ("/api/v1/offers?postcode=8000&radius_km=ti", "radius_km", ErrorCode::Invalid),
        ("/api/v1/offers?postcode=8000&category=yoga", "category", ErrorCode::Unknown),
        ("/api/v1/offers?postcode=8000&condition=flu", "condition", ErrorCode::Unknown),
        ("/api/v1/offers?postcode=8000&format=vr", "format", ErrorCode::Unknown),
        ("/api/v1/offers?postcode=8000&page=0", "page", ErrorCode::OutOfRange),
        ("/api/v1/offers?postcode=8000&per_page=1000", "per_page", ErrorCode::OutOfRange),
        ("/api/v1/offers?lat=56.1", "lon", ErrorCode::Required),
        ("/api/v1/offers?lat=40.4&lon=-3.7", "lat", ErrorCode::OutOfRange),
    ];
    for (path, field, code) in cases {
        let res = server.get(path);
        assert_eq!((res.status, res.content_type.as_str()), (422, "application/problem+json"), "{path}: {}", res.body);
        let problem: Problem = res.json();
        let err = problem.field(field).unwrap_or_else(|| panic!("{path}: no error for {field}: {problem:?}"));
        assert_eq!(err.code, *code, "{path}");
        assert!(!err.message.da.is_empty() && !err.message.en.is_empty());
    }
    // A message names its field (issue #15 point 6): the search words, not "Må højst være …".
    let res = server.get(&format!("/api/v1/offers?postcode=8000&q={}", "x".repeat(forebyg_shared::search::MAX_QUERY_CHARS + 1)));
    let problem: Problem = res.json();
    let q = problem.field("q").unwrap_or_else(|| panic!("no error for q: {problem:?}"));
    assert_eq!(q.code, ErrorCode::TooLong);
    assert!(
        q.message.da.starts_with("Skriv højst 100 tegn i søgeordene") && q.message.en.starts_with("Enter at most 100 characters in the search words"),
        "{q:?}"
    );
    // Unknown API paths, of any version, are problems, never the app's HTML page.
    for path in ["/api/v1/offers/does-not-exist", "/api/v1/nothing-here", "/api/v1/", "/api/v2/offers", "/api/foo", "/api"] {
        let res = server.get(path);
        assert_eq!((res.status, res.content_type.as_str()), (404, "application/problem+json"), "{path}");
    }
    // A path with another method: 405 says so (not "not found"), with the methods it has.
    let res = server.request("DELETE", "/api/v1/offers/demo-000001", &[], None);
    assert_eq!((res.status, res.content_type.as_str()), (405, "application/problem+json"), "{}", res.body);
    assert_eq!(res.json::<Problem>().kind, forebyg_shared::problem::types::METHOD_NOT_ALLOWED);
}

#[test]
fn drafts_are_not_public() {
    let draft = forebyg_api::demo::offers(DEMO).into_iter().find(|o| !o.is_published()).expect("demo data has drafts");
    let (data, dist) = (tempfile::tempdir().unwrap(), dist());
    let server = Server::start(data.path(), dist.path(), DEMO);
    assert_eq!(server.get(&format!("/api/v1/offers/{}", draft.id)).status, 404);
}

#[test]
fn serves_the_spa_with_history_fallback_and_caching() {
    let (data, dist) = (tempfile::tempdir().unwrap(), dist());
    let server = Server::start(data.path(), dist.path(), 0);
    // Every citizen page gets the citizen app's index.html (its router shows the page).
    for path in ["/", "/tilbud/demo-000001?x=1", "/some/client/route"] {
        let res = server.get(path);
        assert_eq!(res.status, 200, "{path}");
        assert!(res.body.contains("<main id=\"app\">") && res.content_type.starts_with("text/html"), "{path}: {}", res.body);
        assert_eq!(res.cache_control, "no-cache", "{path}");
    }
    // A missing file is not a page.
    for path in ["/missing-0123abcd.js", "/admin/missing.css"] {
        assert_eq!(server.get(path).status, 404, "{path}");
    }
    // The admin workspace is a separate app with its own history fallback.
    for path in ["/admin", "/admin/", "/admin/tilbud/x"] {
        let res = server.get(path);
        assert!(res.status == 200 && res.body.contains("admin-app"), "{path}: {}", res.body);
    }
    let asset = server.get("/forebyg-app-0123abcd.js");
    assert_eq!((asset.status, asset.cache_control.as_str()), (200, "public, max-age=31536000, immutable"));
    // The pages carry the production Content-Security-Policy, with the configured tile host.
    for path in ["/", "/tilbud/x", "/admin/tilbud/x", "/forebyg-app-0123abcd.js"] {
        let csp = server.get(path).content_security_policy;
        assert!(csp.starts_with("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'"), "{path}: {csp}");
        assert!(csp.contains("img-src 'self' data: https://tile.openstreetmap.org;"), "{path}: {csp}");
    }
}

#[test]
fn openapi_documents_every_route_and_error() {
    let (data, dist) = (tempfile::tempdir().unwrap(), dist());
    let server = Server::start(data.path(), dist.path(), 0);
    let doc: serde_json::Value = server.get("/api/v1/openapi.json").json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"), "{}", doc["openapi"]);
    let paths = doc["paths"].as_object().unwrap();
    for path in [
        "/api/v1/offers",
        "/api/v1/offers/{id}",
        "/api/v1/taxonomy",
        "/api/v1/postcodes/{code}",
        "/api/v1/config",
        "/api/v1/openapi.json",
        "/healthz",
    ] {
        assert!(paths.contains_key(path), "{path} missing from {:?}", paths.keys());
    }
    let search = &paths["/api/v1/offers"]["get"];
    let params: Vec<&str> = search["parameters"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(
        params,
        [
            "postcode",
            "lat",
            "lon",
            "radius_km",
            "category",
            "condition",
            "package",
            "format",
            "q",
            "evening",
            "weekend",
            "starts_within_weeks",
            "continuous",
            "language",
            "self_referral",
            "available",
            "pins",
            "sort",
            "page",
            "per_page"
        ]
    );
    assert!(search["responses"]["422"]["content"]["application/problem+json"].is_object());
    // Code enums are documented with the codes the API sends and accepts, not the Rust names.
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    let codes = |name: &str| -> Vec<String> { serde_json::from_value(schemas[name]["enum"].clone()).unwrap() };
    assert_eq!(codes("Category"), forebyg_shared::taxonomy::Category::ALL.iter().map(|c| c.code().to_owned()).collect::<Vec<_>>());
    assert_eq!(codes("RegionCode"), forebyg_shared::taxonomy::RegionCode::ALL.iter().map(|c| c.code().to_owned()).collect::<Vec<_>>());
    // Every reference resolves, and every problem response is problem+json.
    let text = doc.to_string();
    for name in text.split("#/components/schemas/").skip(1).map(|rest| rest.split('"').next().unwrap()) {
        assert!(schemas.contains_key(name), "dangling $ref to {name}");
    }
    for (path, item) in paths {
        for (method, op) in item.as_object().unwrap() {
            for (status, response) in op["responses"].as_object().unwrap() {
                if status.starts_with('4') || status.starts_with('5') {
                    let content = response["content"].as_object().map(|c| c.keys().cloned().collect::<Vec<_>>()).unwrap_or_default();
                    // FHIR routes answer errors as FHIR OperationOutcomes.
                    let expected = if path.starts_with("/api/v1/fhir/") { "application/fhir+json" } else { "application/problem+json" };
                    assert!(content.iter().any(|c| c == expected), "{method} {path} {status}: {content:?}");
                }
            }
        }
    }
    // The search's bounds are the parser's.
    let per_page = search["parameters"].as_array().unwrap().iter().find(|p| p["name"] == "per_page").unwrap();
    assert_eq!(per_page["schema"]["maximum"].as_f64(), Some(forebyg_shared::search::MAX_PER_PAGE as f64));
    assert!(paths["/api/v1/offers/{id}"]["get"]["responses"]["404"]["content"]["application/problem+json"].is_object());
    // Every documented parameter is one the parser knows: documenting a typo would fail here.
    for p in params {
        // Free text accepts any words, but not a whole essay.
        let bad_value = if p == "q" { "x".repeat(101) } else { "not-a-valid-value-%".to_owned() };
        let bad = forebyg_shared::search::SearchParams::parse([(p, bad_value.as_str())]);
        assert!(bad.is_err(), "the parser ignores documented parameter {p}");
    }
}

#[test]
fn data_survives_a_restart_and_logs_hold_no_query_values() {
    let (data, dist) = (tempfile::tempdir().unwrap(), dist());
    let first = Server::start(data.path(), dist.path(), 300);
    assert_eq!(first.get("/api/v1/offers?postcode=9999&radius_km=300").status, 422);
    let before: SearchResponse = first.get("/api/v1/offers?postcode=6000&radius_km=300&per_page=1").json();
    let log = first.log();
    first.stop();
    assert!(log.contains("/api/v1/offers"), "requests are logged by route: {log}");
    assert!(!log.contains("6000") && !log.contains("9999") && !log.contains("radius_km"), "query values must not be logged:\n{log}");

    // No demo seeding the second time: what is there came from disk.
    let second = Server::start(data.path(), dist.path(), 0);
    let after: SearchResponse = second.get("/api/v1/offers?postcode=6000&radius_km=300&per_page=1").json();
    assert_eq!(after.total, before.total);
    assert!(after.total > 0);
}

/// Sends `head` (request line and headers, maybe the start of a body) on a raw connection and
/// returns what the server answers (lower-cased) and how long that took.
fn raw_answer(server: &Server, head: &str) -> (String, std::time::Duration) {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(server.base.trim_start_matches("http://")).unwrap();
    stream.set_read_timeout(Some(std::time::Duration::from_secs(20))).unwrap();
    stream.write_all(head.as_bytes()).unwrap();
    let started = std::time::Instant::now();
    let mut answer = vec![0; 4096];
    let n = stream.read(&mut answer).expect("the server answers before the client's 20 s read timeout");
    (String::from_utf8_lossy(&answer[..n]).to_lowercase(), started.elapsed())
}

#[test]
fn oversized_bodies_get_a_413_problem_and_stalled_clients_are_cut_off() {
    let (data, dist) = (tempfile::tempdir().unwrap(), dist());
    let server = Server::start_with(data.path(), dist.path(), 0, &[("FOREBYG_REQUEST_TIMEOUT_SECS", "3")]);
    // Just over axum's 2 MB JSON limit (the whole body is sent before the server answers, so
    // nothing races its early answer): a problem body, not a dropped connection.
    let body = format!("{{\"name\":\"{}\"}}", "x".repeat(2 * 1024 * 1024 + 1024));
    let head = format!(
        "POST /api/v1/offers/x/self-referrals HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    let (answer, _) = raw_answer(&server, &head);
    assert!(answer.starts_with("http/1.1 413"), "{answer}");
    assert!(answer.contains("content-type: application/problem+json"), "{answer}");

    // A client that announces a small body and stops sending holds nothing for long.
    let head = "POST /api/v1/offers/x/self-referrals HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{";
    let (answer, took) = raw_answer(&server, head);
    assert!(answer.starts_with("http/1.1 408"), "{answer}");
    assert!(answer.contains("content-type: application/problem+json"), "{answer}");
    assert!(took < std::time::Duration::from_secs(10), "{took:?}");

    // Nor does one that never finishes its request head (slowloris): the connection is closed
    // (hyper may say 408 first) within the same limit.
    let (answer, took) = raw_answer(&server, "GET /healthz HTTP/1.1\r\nHost: localhost\r\n");
    assert!(answer.is_empty() || answer.starts_with("http/1.1 408"), "{answer}");
    assert!(took < std::time::Duration::from_secs(10), "{took:?}");
}

/// GET with `Accept-Encoding`: status, `Content-Encoding`, the decoded body, and the CSP.
fn get_encoded(server: &Server, path: &str, accept: &str) -> (u16, String, String, String) {
    use std::io::Read;
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
    let mut res = agent.get(format!("{}{path}", server.base)).header("accept-encoding", accept).call().unwrap();
    let header = |name: &str| res.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let (encoding, csp) = (header("content-encoding"), header("content-security-policy"));
    let raw = res.body_mut().read_to_vec().unwrap();
    let mut body = String::new();
    match encoding.as_str() {
        "br" => brotli::Decompressor::new(raw.as_slice(), 4096).read_to_string(&mut body).unwrap(),
        "gzip" => flate2::read::GzDecoder::new(raw.as_slice()).read_to_string(&mut body).unwrap(),
        _ => raw.as_slice().read_to_string(&mut body).unwrap(),
    };
    (res.status().as_u16(), encoding, body, csp)
}

#[test]
fn compresses_api_answers_and_serves_the_bundles_precompressed() {
    let (data, dist) = (tempfile::tempdir().unwrap(), dist());
    let script = "export const greeting = 'Velkommen til Forebyg';\n".repeat(200);
    std::fs::write(dist.path().join("forebyg-app-89abcdef.js"), &script).unwrap();
    let server = Server::start(data.path(), dist.path(), 300);
    assert!(dist.path().join("forebyg-app-89abcdef.js.br").exists() && dist.path().join("forebyg-app-89abcdef.js.gz").exists(), "at start-up");
    for (accept, encoding) in [("gzip, deflate, br, zstd", "br"), ("gzip", "gzip"), ("identity", "")] {
        let (status, got, body, csp) = get_encoded(&server, "/forebyg-app-89abcdef.js", accept);
        assert_eq!((status, got.as_str(), body == script), (200, encoding, true), "{accept}");
        assert!(csp.starts_with("default-src 'self'"), "security headers kept: {csp}");
        let (status, got, body, _) = get_encoded(&server, "/api/v1/offers?postcode=8000&radius_km=50", accept);
        assert_eq!((status, got.as_str()), (200, encoding), "{accept}");
        assert!(serde_json::from_str::<SearchResponse>(&body).unwrap().total > 0);
    }
    // A page (HTML) too, with its security headers.
    let (status, _, body, csp) = get_encoded(&server, "/tilbud/demo-000001", "br");
    assert!(status == 200 && body.contains("<main id=\"app\">") && csp.contains("'wasm-unsafe-eval'"), "{body} {csp}");
}
