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
