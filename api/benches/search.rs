//! Search benchmark: loads demo offers into a store and prints load throughput, search latency
//! percentiles and how many items each search read compared with the table size.
//!
//! `cargo bench -p forebyg-api --bench search` (embedded, 100,000 offers)
//! `BENCH_STORE=dynamodb BENCH_OFFERS=20000 cargo bench -p forebyg-api --bench search` (DynamoDB Local)

#[path = "../tests/support/dynamodb_local.rs"]
mod dynamodb_local;

use forebyg_api::store::dynamodb::{table, DynamoStore};
use forebyg_api::store::embedded::EmbeddedStore;
use forebyg_api::store::OfferStore;
use forebyg_api::{clinician, demo, search};
use forebyg_shared::search::clinician::ClinicianParams;
use forebyg_shared::search::SearchParams;
use forebyg_shared::taxonomy::Category;
use std::time::{Duration, Instant};

const QUERIES: &[(&str, f64, Option<Category>)] = &[
    ("8000", 5.0, Some(Category::FysiskAktivitet)),
    ("8000", 25.0, Some(Category::FysiskAktivitet)),
    ("8000", 25.0, None),
    ("1050", 10.0, Some(Category::Nikotinafvaenning)),
    ("9000", 50.0, Some(Category::Sygdomsmestring)),
    ("6700", 100.0, Some(Category::Ernaering)),
    ("5000", 300.0, Some(Category::Alkohol)),
];

/// The clinician search (`GET /api/v1/clinician/offers`): postcode, conditions, age.
const CLINICIAN_QUERIES: &[(&str, &str, Option<&str>)] =
    &[("9000", "kol", Some("67")), ("8000", "kol,type-2-diabetes", Some("55")), ("2100", "angst-depression", None), ("6700", "", None)];

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

async fn run(store: &dyn OfferStore, label: &str, count: usize, iterations: usize) {
    let offers = demo::offers(count);
    let started = Instant::now();
    for chunk in offers.chunks(5_000) {
        store.put_offers(chunk).await.unwrap();
    }
    let load = started.elapsed();
    println!("\n## {label}: {count} offers loaded in {:.1} s ({:.0} offers/s)\n", load.as_secs_f64(), count as f64 / load.as_secs_f64());
    println!("| query | radius km | cells | items read | of table | matches | p50 ms | p95 ms |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    for &(postcode, radius_km, category) in QUERIES {
        let params = SearchParams { postcode: Some(postcode.into()), radius_km, categories: category.into_iter().collect(), ..Default::default() };
        let mut times = Vec::with_capacity(iterations);
        let mut last = None;
        for _ in 0..iterations {
            let t = Instant::now();
            last = Some(search::search(store, &params).await.unwrap());
            times.push(t.elapsed());
        }
        times.sort();
        let res = last.unwrap();
        println!(
            "| {postcode} {} | {radius_km} | {} | {} | {:.2}% | {} | {:.2} | {:.2} |",
            category.map_or("(all)", |c| c.code()),
            res.stats.cells,
            res.stats.items_read,
            100.0 * res.stats.items_read as f64 / count as f64,
            res.total,
            percentile(&times, 0.5).as_secs_f64() * 1e3,
            percentile(&times, 0.95).as_secs_f64() * 1e3,
        );
    }
    clinician_rows(store, iterations).await;
}

/// The clinician search's own rows: one store read per search, grouped by intervention.
async fn clinician_rows(store: &dyn OfferStore, iterations: usize) {
    println!("\n| clinician query | groups | offers shown | p50 ms | p95 ms |");
    println!("|---|---:|---:|---:|---:|");
    for &(postcode, conditions, age) in CLINICIAN_QUERIES {
        let mut pairs = vec![("postcode", postcode), ("conditions", conditions)];
        pairs.extend(age.map(|a| ("age", a)));
        let params = ClinicianParams::parse(pairs).unwrap();
        let mut times = Vec::with_capacity(iterations);
        let mut last = None;
        for _ in 0..iterations {
            let t = Instant::now();
            last = Some(clinician::search::search(store, &params).await.unwrap());
            times.push(t.elapsed());
        }
        times.sort();
        let res = last.unwrap();
        let shown: usize = res.groups.iter().map(|g| g.nearby.len() + g.digital.len()).sum();
        println!(
            "| {postcode} {} age {} | {} | {shown} | {:.2} | {:.2} |",
            if conditions.is_empty() { "(all)" } else { conditions },
            age.unwrap_or("–"),
            res.groups.len(),
            percentile(&times, 0.5).as_secs_f64() * 1e3,
            percentile(&times, 0.95).as_secs_f64() * 1e3,
        );
    }
}

#[tokio::main]
async fn main() {
    let store_kind = std::env::var("BENCH_STORE").unwrap_or_else(|_| "embedded".into());
    let count: usize = std::env::var("BENCH_OFFERS").ok().and_then(|n| n.parse().ok()).unwrap_or(100_000);
    match store_kind.as_str() {
        "embedded" => {
            let dir = tempfile::tempdir().unwrap();
            let store = EmbeddedStore::open(dir.path()).unwrap();
            run(&store, "embedded (redb)", count, 200).await;
            let size = std::fs::metadata(dir.path().join(forebyg_api::store::embedded::DB_FILE)).unwrap().len();
            println!("\ndatabase file: {:.1} MB", size as f64 / 1e6);
        }
        "dynamodb" => {
            let local = dynamodb_local::DynamoDbLocal::start();
            let client = DynamoStore::client(Some(&local.endpoint)).await;
            table::create_table(&client, "forebyg-bench").await.unwrap();
            run(&DynamoStore::new(client, "forebyg-bench"), "DynamoDB Local", count, 20).await;
        }
        other => panic!("BENCH_STORE must be embedded or dynamodb, not {other}"),
    }
}
