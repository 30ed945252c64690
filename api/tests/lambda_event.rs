//! The Lambda path: real API Gateway HTTP API (payload v2) events, parsed by `lambda_http`
//! exactly as in AWS, answered by the same router the local server uses.

mod support;

use axum::body::Body;
use forebyg_api::store::embedded::EmbeddedStore;
use forebyg_api::store::OfferStore;
use forebyg_api::{demo, router, AppState, Limits};
use forebyg_shared::geo::GeoPoint;
use forebyg_shared::offer::Offer;
use forebyg_shared::problem::Problem;
use forebyg_shared::search::{SearchParams, SearchResponse};
use forebyg_shared::taxonomy::Category;
use http_body_util::BodyExt;
use tower::ServiceExt;

struct Reply {
    status: u16,
    content_type: String,
    body: Vec<u8>,
}

async fn invoke(store: &EmbeddedStore, fixture: &str) -> Reply {
    let path = format!("{}/tests/fixtures/{fixture}.json", env!("CARGO_MANIFEST_DIR"));
    let event = std::fs::read_to_string(&path).unwrap();
    let request = lambda_http::request::from_str(&event).expect("a valid API Gateway v2 event");
    let app = router(AppState::new(store.clone(), Limits::default()));
    let response = app.oneshot(request.map(|b| Body::from(b.to_vec()))).await.unwrap();
    let status = response.status().as_u16();
    let content_type = response.headers().get("content-type").map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
    let body = response.into_body().collect().await.unwrap().to_bytes().to_vec();
    Reply { status, content_type, body }
}

async fn seeded() -> (EmbeddedStore, tempfile::TempDir) {
    let (store, dir) = support::embedded();
    store.put_offers(&demo::offers(1_500)).await.unwrap();
    store.put_offers(&[support::offer("aarhus-traening", Category::FysiskAktivitet, Some(GeoPoint::new(56.16, 10.2)))]).await.unwrap();
    (store, dir)
}

#[tokio::test]
async fn search_event_with_repeated_categories() {
    let (store, _dir) = seeded().await;
    let reply = invoke(&store, "apigw_v2_search").await;
    assert_eq!((reply.status, reply.content_type.as_str()), (200, "application/json"));
    let res: SearchResponse = serde_json::from_slice(&reply.body).unwrap();
    assert_eq!(res.origin.postcode.as_deref(), Some("8000"));
    assert_eq!(res.radius_km, 30.0);
    assert!(res.total > 0);
    let categories: std::collections::BTreeSet<_> = res.results.iter().map(|h| h.offer.category).collect();
    assert!(categories.is_subset(&[Category::FysiskAktivitet, Category::Alkohol].into()), "{categories:?}");
    // Both repeated categories apply: the total is the sum of the two single-category searches.
    let mut totals = vec![];
    for c in [Category::FysiskAktivitet, Category::Alkohol] {
        let params = SearchParams { postcode: Some("8000".into()), radius_km: 30.0, categories: vec![c], ..Default::default() };
        totals.push(forebyg_api::search::search(&store, &params).await.unwrap());
    }
    let (fysisk, alkohol) = (&totals[0], &totals[1]);
    assert!(fysisk.total > 0 && alkohol.total > 0);
    assert_eq!(res.total, fysisk.total + alkohol.total);
}

#[tokio::test]
async fn bad_input_event_gets_a_problem_body() {
    let (store, _dir) = seeded().await;
    let reply = invoke(&store, "apigw_v2_bad_postcode").await;
    assert_eq!((reply.status, reply.content_type.as_str()), (422, "application/problem+json"));
    let problem: Problem = serde_json::from_slice(&reply.body).unwrap();
    assert!(problem.field("postcode").is_some() && problem.field("radius_km").is_some(), "{problem:?}");
}

#[tokio::test]
async fn offer_events_found_and_missing() {
    let (store, _dir) = seeded().await;
    let found = invoke(&store, "apigw_v2_offer").await;
    assert_eq!(found.status, 200);
    let offer: Offer = serde_json::from_slice(&found.body).unwrap();
    assert_eq!(offer.id, "aarhus-traening");
    let missing = invoke(&store, "apigw_v2_missing_offer").await;
    assert_eq!((missing.status, missing.content_type.as_str()), (404, "application/problem+json"));
}

/// A receipt look-up as API Gateway hands it to the Lambda: from `source_ip` (whoever connected
/// to API Gateway: CloudFront, or a client calling the execute-api endpoint itself) with `headers`.
async fn look_up(app: &axum::Router, source_ip: &str, headers: &[(&str, &str)]) -> u16 {
    let path = format!("{}/tests/fixtures/apigw_v2_offer.json", env!("CARGO_MANIFEST_DIR"));
    let mut event: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let path = "/api/v1/self-referrals/AAAA-AAAA";
    event["routeKey"] = "GET /api/v1/self-referrals/{code}".into();
    event["rawPath"] = path.into();
    event["requestContext"]["http"]["path"] = path.into();
    event["requestContext"]["http"]["sourceIp"] = source_ip.into();
    event["headers"]["x-forwarded-for"] = source_ip.into();
    event["headers"]["forebyg-contact"] = "12345678".into();
    for (name, value) in headers {
        event["headers"][*name] = (*value).into();
    }
    let request = lambda_http::request::from_str(&event.to_string()).expect("a valid API Gateway v2 event");
    app.clone().oneshot(request.map(|b| Body::from(b.to_vec()))).await.unwrap().status().as_u16()
}

#[tokio::test]
async fn the_viewer_address_is_believed_only_with_cloudfront_s_origin_secret() {
    use forebyg_api::client_address::{ClientAddressConfig, ORIGIN_VERIFY_HEADER};
    let (store, _dir) = support::embedded();
    let secret = "k3Xq9vRt2LmN8pWz4HsY7bDc1FgJ6aQe";
    let config = ClientAddressConfig { origin_secret: Some(secret.into()), trusted_proxies: vec![] };
    // One look-up per client per window.
    let app = router(AppState::new(store.clone(), Limits::per_ten_minutes(1, 1)).with_client_address(config));
    let cloudfront = "130.176.0.1";
    let viewer = |address: &'static str, verify: &'static str| [("cloudfront-viewer-address", address), (ORIGIN_VERIFY_HEADER, verify)];
    // Through CloudFront (the secret): each viewer has its own limit, whatever the edge's address.
    assert_eq!(look_up(&app, cloudfront, &viewer("198.51.100.1:50001", secret)).await, 404);
    assert_eq!(look_up(&app, cloudfront, &viewer("198.51.100.1:50002", secret)).await, 429);
    assert_eq!(look_up(&app, cloudfront, &viewer("198.51.100.2:50003", secret)).await, 404);
    assert_eq!(look_up(&app, cloudfront, &viewer("2001:db8::5:50004", secret)).await, 404);
    // Straight to the execute-api endpoint, with a made-up viewer address and a guessed or
    // missing secret: keyed by API Gateway's sourceIp, so changing the header does not help.
    let direct = "203.0.113.50";
    assert_eq!(look_up(&app, direct, &viewer("198.51.100.3:1", "k3Xq9vRt2LmN8pWz4HsY7bDc1FgJ6aQ")).await, 404);
    assert_eq!(look_up(&app, direct, &viewer("198.51.100.4:1", "guess")).await, 429);
    assert_eq!(look_up(&app, direct, &[("cloudfront-viewer-address", "198.51.100.5:1"), ("x-forwarded-for", "10.0.0.7")]).await, 429);
    // Without a configured secret the viewer address is never believed.
    let unconfigured = router(AppState::new(store, Limits::per_ten_minutes(1, 1)));
    assert_eq!(look_up(&unconfigured, direct, &viewer("198.51.100.6:1", secret)).await, 404);
    assert_eq!(look_up(&unconfigured, direct, &viewer("198.51.100.7:1", secret)).await, 429);
}

/// The FHIR answers' absolute links name `X-Forwarded-Host` only when CloudFront sent it (its
/// origin secret); anyone calling the execute-api endpoint could otherwise name any host in links
/// that caches may keep (`public, max-age=300`).
#[tokio::test]
async fn the_forwarded_host_is_believed_only_from_cloudfront() {
    use forebyg_api::client_address::{ClientAddressConfig, ORIGIN_VERIFY_HEADER};
    let (store, _dir) = support::embedded();
    let secret = "k3Xq9vRt2LmN8pWz4HsY7bDc1FgJ6aQe";
    let config = ClientAddressConfig { origin_secret: Some(secret.into()), trusted_proxies: vec![] };
    let app = router(AppState::new(store, Limits::default()).with_client_address(config));
    let base = |headers: &[(&str, &str)]| {
        let path = format!("{}/tests/fixtures/apigw_v2_offer.json", env!("CARGO_MANIFEST_DIR"));
        let mut event: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        (event["routeKey"], event["rawPath"], event["requestContext"]["http"]["path"]) =
            ("GET /api/v1/fhir/{proxy+}".into(), "/api/v1/fhir/metadata".into(), "/api/v1/fhir/metadata".into());
        for (name, value) in headers {
            event["headers"][*name] = (*value).into();
        }
        let request = lambda_http::request::from_str(&event.to_string()).unwrap();
        let app = app.clone();
        async move {
            let response = app.oneshot(request.map(|b| Body::from(b.to_vec()))).await.unwrap();
            let body: serde_json::Value = serde_json::from_slice(&response.into_body().collect().await.unwrap().to_bytes()).unwrap();
            body["implementation"]["url"].as_str().unwrap().to_owned()
        }
    };
    let through_cloudfront = [("x-forwarded-host", "forebyg.example.dk"), (ORIGIN_VERIFY_HEADER, secret)];
    assert_eq!(base(&through_cloudfront).await, "https://forebyg.example.dk/api/v1/fhir");
    assert_eq!(base(&[("x-forwarded-host", "evil.example")]).await, "https://api.forebyg.example/api/v1/fhir");
    assert_eq!(base(&[("x-forwarded-host", "evil.example"), (ORIGIN_VERIFY_HEADER, "guess")]).await, "https://api.forebyg.example/api/v1/fhir");
    // The scheme too: API Gateway serves HTTPS only, whatever a caller claims.
    assert_eq!(base(&[("x-forwarded-proto", "http")]).await, "https://api.forebyg.example/api/v1/fhir");
    assert_eq!(
        base(&[("x-forwarded-proto", "http"), ("x-forwarded-host", "forebyg.example.dk"), (ORIGIN_VERIFY_HEADER, secret)]).await,
        "http://forebyg.example.dk/api/v1/fhir"
    );
}
