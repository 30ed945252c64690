//! Search benchmark, both stores in one run (docs/benchmarks.md): demo offers are loaded, then
//! every query of the table is answered through the API router in-process (query parsing, the
//! store's search, JSON), page 1, and its latency percentiles printed with what it read. On
//! DynamoDB Local each search's own `ConsumedCapacity` is set against a Scan + filter baseline
//! measured in the same run, with the partition spread and write cost of the search index.
//!
//! `cargo bench -p forebyg-api --bench search`. `BENCH_SIZES` (embedded, default `3000,100000`),
//! `BENCH_DYNAMO_OFFERS` (default 20000; 0 skips DynamoDB Local), `BENCH_ITERATIONS` (embedded,
//! default 400; DynamoDB a tenth).

#[path = "../tests/support/dynamodb_local.rs"]
mod dynamodb_local;

use aws_sdk_dynamodb::types::{AttributeValue, ReturnConsumedCapacity};
use axum::body::Body;
use forebyg_api::store::dynamodb::{item, table, DynamoStore};
use forebyg_api::store::embedded::EmbeddedStore;
use forebyg_api::store::search_index::IndexEntry;
use forebyg_api::store::{AuditStore, DirectoryStore, OfferStore, ReferralStore, ReportStore};
use forebyg_api::{demo, routes, search, AppState, Limits};
use forebyg_shared::search::SearchParams;
use forebyg_shared::taxonomy::Category;
use http_body_util::BodyExt;
use std::collections::HashMap;
use std::time::{Duration, Instant};
use tower::ServiceExt;

/// The queries; the second is the app's default search (25 km).
const QUERIES: &[(&str, f64, Option<Category>)] = &[
    ("8000", 5.0, Some(Category::FysiskAktivitet)),
    ("8000", 25.0, Some(Category::FysiskAktivitet)),
    ("8000", 25.0, None),
    ("1050", 10.0, Some(Category::Nikotinafvaenning)),
    ("9000", 50.0, Some(Category::Sygdomsmestring)),
    ("6700", 100.0, Some(Category::Ernaering)),
    ("5000", 300.0, Some(Category::Alkohol)),
];

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize].as_secs_f64() * 1e3
}

fn params(postcode: &str, radius_km: f64, category: Option<Category>) -> SearchParams {
    SearchParams { postcode: Some(postcode.into()), radius_km, categories: category.into_iter().collect(), ..Default::default() }
}

fn url(postcode: &str, radius_km: f64, category: Option<Category>) -> String {
    let query: String = form_urlencoded::Serializer::new(String::new()).extend_pairs(params(postcode, radius_km, category).to_pairs()).finish();
    format!("/api/v1/offers?{query}")
}

/// Latencies of `iterations` GETs of `uri` through the router, sorted.
async fn time_get(router: &axum::Router, uri: &str, iterations: usize) -> Vec<Duration> {
    let mut times = Vec::with_capacity(iterations);
    for _ in 0..iterations {
        let t = Instant::now();
        let res = router.clone().oneshot(http::Request::get(uri).body(Body::empty()).unwrap()).await.unwrap();
        assert_eq!(res.status(), 200, "{uri}");
        res.into_body().collect().await.unwrap();
        times.push(t.elapsed());
    }
    times.sort();
    times
}

async fn load(store: &dyn OfferStore, count: usize) -> Vec<forebyg_shared::offer::Offer> {
    let offers = demo::offers(count);
    let started = Instant::now();
    for chunk in offers.chunks(5_000) {
        store.put_offers(chunk).await.unwrap();
    }
    let load = started.elapsed();
    println!("{count} offers loaded in {:.1} s ({:.0} offers/s)\n", load.as_secs_f64(), count as f64 / load.as_secs_f64());
    offers
}

/// Prints the table for one store; returns the read units of each query (DynamoDB).
async fn run<S>(store: S, count: usize, iterations: usize, offers: &[forebyg_shared::offer::Offer]) -> Vec<Option<f64>>
where
    S: OfferStore + ReferralStore + AuditStore + ReportStore + DirectoryStore + Clone + 'static,
{
    let router = routes::router(AppState::new(store.clone(), Limits::default()));
    let by_id = time_get(&router, &format!("/api/v1/offers/{}", offers[count / 2].id), iterations).await;
    println!("`GET /api/v1/offers/{{id}}`: p50 {:.2} ms, p99 {:.2} ms\n", percentile(&by_id, 0.5), percentile(&by_id, 0.99));
    println!("| query | radius km | cells | index entries read | of table | matches | read units | p50 ms | p99 ms |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    let mut units = vec![];
    for &(postcode, radius_km, category) in QUERIES {
        let (res, read_units) = search::search_with_cost(&store, &params(postcode, radius_km, category)).await.unwrap();
        let times = time_get(&router, &url(postcode, radius_km, category), iterations).await;
        println!(
            "| {postcode} {} | {radius_km} | {} | {} | {:.2}% | {} | {} | {:.2} | {:.2} |",
            category.map_or("(all)", |c| c.code()),
            res.stats.cells,
            res.stats.items_read,
            100.0 * res.stats.items_read as f64 / count as f64,
            res.total,
            read_units.map_or("–".into(), |u| format!("{u:.1}")),
            percentile(&times, 0.5),
            percentile(&times, 0.99),
        );
        units.push(read_units);
    }
    clinician_rows(&router, iterations).await;
    units
}

/// The clinician search (`GET /api/v1/clinician/offers`): postcode, conditions, age.
const CLINICIAN_QUERIES: &[&str] = &[
    "postcode=9000&conditions=kol&age=67",
    "postcode=8000&conditions=kol,type-2-diabetes&age=55",
    "postcode=2100&conditions=angst-depression",
    "postcode=6700",
];

/// The clinician search's own rows, through the same router: one search read for all groups.
async fn clinician_rows(router: &axum::Router, iterations: usize) {
    println!("\n| clinician query | p50 ms | p99 ms |");
    println!("|---|---:|---:|");
    for query in CLINICIAN_QUERIES {
        let times = time_get(router, &format!("/api/v1/clinician/offers?{query}"), iterations).await;
        println!("| `{query}` | {:.2} | {:.2} |", percentile(&times, 0.5), percentile(&times, 0.99));
    }
}

/// A Scan of the whole table with the search's non-geographic filter: what a search costs
/// without an index (DynamoDB cannot filter by distance, so every item is read).
async fn scan_baseline(client: &aws_sdk_dynamodb::Client, table: &str, category: Category) -> (f64, usize) {
    let (mut units, mut matched) = (0.0, 0usize);
    let mut start = None;
    loop {
        let page = client
            .scan()
            .table_name(table)
            .filter_expression("#e = :offer AND #s = :published AND #c = :category")
            .expression_attribute_names("#e", item::ENTITY)
            .expression_attribute_names("#s", "status")
            .expression_attribute_names("#c", "category")
            .expression_attribute_values(":offer", AttributeValue::S(item::ENTITY_OFFER.into()))
            .expression_attribute_values(":published", AttributeValue::S("published".into()))
            .expression_attribute_values(":category", AttributeValue::S(category.code().into()))
            .return_consumed_capacity(ReturnConsumedCapacity::Total)
            .set_exclusive_start_key(start.take())
            .send()
            .await
            .unwrap();
        units += page.consumed_capacity().and_then(|c| c.capacity_units()).unwrap_or(0.0);
        matched += page.items().len();
        match page.last_evaluated_key {
            Some(k) if !k.is_empty() => start = Some(k),
            _ => return (units, matched),
        }
    }
}

/// How the search index spreads over partitions, and what it adds to a write.
fn index_shape(offers: &[forebyg_shared::offer::Offer]) {
    let mut partitions: HashMap<String, usize> = HashMap::new();
    let (mut entries, mut entry_bytes, mut item_bytes) = (0usize, 0usize, 0usize);
    for o in offers {
        let Some(entry) = IndexEntry::for_offer(o) else { continue };
        let (pk, sk) = item::search_keys(&entry, o);
        let ix = serde_json::to_string(&entry).unwrap();
        // Index item size: keys of the table and the index, and the projected attribute.
        entry_bytes += pk.len() + sk.len() + ix.len() + "PK".len() + 6 + o.id.len() + "SKOFFER".len() + "GSI3PKGSI3SKix".len();
        item_bytes += serde_json::to_string(o).unwrap().len();
        entries += 1;
        *partitions.entry(pk).or_default() += 1;
    }
    let (largest, size) = partitions.iter().max_by_key(|(_, n)| **n).unwrap();
    println!(
        "\nSearch index (GSI3): {entries} entries in {} partitions; the largest, `{largest}`, holds {size} = {:.1}% of the index.",
        partitions.len(),
        100.0 * *size as f64 / entries as f64
    );
    println!(
        "Average index entry ≈ {} bytes (1 write unit, 2 when it moves partition) against ≈ {} bytes of offer JSON (≈ {} write units for the item, the same again for GSI2).",
        entry_bytes / entries,
        item_bytes / entries,
        (item_bytes / entries).div_ceil(1024)
    );
}

#[tokio::main]
async fn main() {
    let env = |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.into());
    let sizes: Vec<usize> = env("BENCH_SIZES", "3000,100000").split(',').filter_map(|n| n.trim().parse().ok()).collect();
    let dynamo_count: usize = env("BENCH_DYNAMO_OFFERS", "20000").parse().unwrap();
    let iterations: usize = env("BENCH_ITERATIONS", "400").parse().unwrap();
    println!(
        "Search benchmark: page 1 of each query through the API router in-process, {iterations} runs per query (DynamoDB: {}).",
        iterations / 10
    );

    for &count in &sizes {
        println!("\n## Embedded store (redb + in-memory index), {count} offers\n");
        let dir = tempfile::tempdir().unwrap();
        let store = EmbeddedStore::open(dir.path()).unwrap();
        let offers = load(&store, count).await;
        drop(store);
        let started = Instant::now();
        let store = EmbeddedStore::open(dir.path()).unwrap();
        println!("Reopened, index rebuilt from the database in {:.2} s.\n", started.elapsed().as_secs_f64());
        run(store, count, iterations, &offers).await;
    }

    if dynamo_count > 0 {
        println!("\n## DynamoDB Local, {dynamo_count} offers\n");
        let local = dynamodb_local::DynamoDbLocal::start();
        let client = DynamoStore::client(Some(&local.endpoint)).await;
        table::create_table(&client, "forebyg-bench").await.unwrap();
        let store = DynamoStore::new(client.clone(), "forebyg-bench");
        let offers = load(&store, dynamo_count).await;
        let units = run(store, dynamo_count, (iterations / 10).max(10), &offers).await;
        println!("\nScan + filter baseline (the same run, same table), against the indexed search:\n");
        println!("| query | Scan read units | items matched | indexed search read units | fewer |");
        println!("|---|---:|---:|---:|---:|");
        for (&(postcode, radius_km, category), indexed) in QUERIES.iter().zip(units) {
            let Some(category) = category else { continue };
            let (scan, matched) = scan_baseline(&client, "forebyg-bench", category).await;
            let indexed = indexed.unwrap_or(f64::NAN);
            println!("| {postcode} {} {radius_km} km | {scan:.1} | {matched} | {indexed:.1} | {:.0}× |", category.code(), scan / indexed);
        }
        index_shape(&offers);
    }
}
