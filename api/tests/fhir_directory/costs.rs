//! What a FHIR read by id costs on DynamoDB Local with the demo's offers, the way reads looked
//! their offer up before (the region's published catalogue, then every region's) and now (the
//! store's reference index), on one table in one run. Prints the figures for
//! `docs/benchmarks.md`; run with
//! `cargo test -p forebyg-api --test fhir_directory fhir_read_costs -- --ignored --nocapture`
//! (`FHIR_COST_OFFERS` sets the number of demo offers, default 3,000).

use super::support;
use forebyg_api::demo;
use forebyg_api::fhir;
use forebyg_api::store::{DirectoryStore, OfferRef, OfferStore};
use forebyg_shared::directory::DirectoryRecord;
use forebyg_shared::offer::Offer;
use forebyg_shared::taxonomy::RegionCode;
use std::time::Instant;

/// The lookup as the routes did it: load the published offers of `region` (every offer of the
/// region read whole), and after a miss of every region; the first by id that `names`.
async fn catalogue_read(store: &dyn OfferStore, region: Option<RegionCode>, names: impl Fn(&Offer) -> bool) -> (Option<String>, usize) {
    let mut items = 0;
    for regions in region.map(|r| vec![r]).into_iter().chain([RegionCode::ALL.to_vec()]) {
        let read = futures_util::future::try_join_all(regions.iter().map(|r| store.region_offers(*r))).await.unwrap();
        items += read.iter().map(Vec::len).sum::<usize>();
        let mut offers: Vec<Offer> = read.into_iter().flatten().filter(Offer::is_published).collect();
        offers.sort_by(|a, b| a.id.cmp(&b.id));
        if let Some(o) = offers.into_iter().find(|o| names(o)) {
            return (Some(o.id), items);
        }
    }
    (None, items)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

#[test]
#[ignore = "prints figures; slow: seeds thousands of offers into DynamoDB Local"]
fn fhir_read_costs_on_dynamodb_local() {
    let count: usize = std::env::var("FHIR_COST_OFFERS").ok().and_then(|n| n.parse().ok()).unwrap_or(3_000);
    let local = support::dynamodb_local::DynamoDbLocal::start();
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    rt.block_on(async {
        let store = support::dynamo(&local).await;
        let offers = demo::offers(count);
        let (providers, locations) = demo::directory(&offers);
        store.put_offers(&offers).await.unwrap();
        let records: Vec<DirectoryRecord> =
            providers.iter().cloned().map(DirectoryRecord::Provider).chain(locations.iter().cloned().map(DirectoryRecord::Location)).collect();
        store.put_directory(&records).await.unwrap();
        let published: Vec<&Offer> = offers.iter().filter(|o| o.is_published()).collect();
        // Every 50th published offer's place and provider, and ids that name nothing.
        let mut cases: Vec<(&str, OfferRef, Option<RegionCode>)> = vec![];
        for o in published.iter().step_by(50) {
            if let Some(place) = fhir::location_id(o) {
                let region = locations.iter().find(|l| l.id == place).map(|l| l.region);
                cases.push(("Location", OfferRef::Location(place), region));
            }
            let org = fhir::organization_id(&o.provider);
            let region = providers.iter().find(|p| p.id == org).map(|p| p.region);
            cases.push(("Organization", OfferRef::Organization(org), region));
        }
        for id in ["no-such-place", "loc-0000", "3f1c6a52-0000-5000-8000-000000000000"] {
            cases.push(("unknown", OfferRef::Location(id.into()), None));
        }
        println!("{count} demo offers ({} published), DynamoDB Local, debug build, in-process store calls", published.len());
        for kind in ["Location", "Organization", "unknown"] {
            let (mut before_ms, mut after_ms, mut before_items, mut after_items, mut units) = (vec![], vec![], vec![], vec![], vec![]);
            for (_, by, region) in cases.iter().filter(|c| c.0 == kind) {
                let names = |o: &Offer| by.names(o);
                let started = Instant::now();
                let (old, items) = catalogue_read(&store, *region, names).await;
                before_ms.push(started.elapsed().as_secs_f64() * 1e3);
                before_items.push(items as f64);
                let started = Instant::now();
                let read = store.published_offer_by(by, *region).await.unwrap();
                after_ms.push(started.elapsed().as_secs_f64() * 1e3);
                after_items.push(read.items_read as f64);
                units.push(read.read_units.unwrap_or_default());
                assert_eq!(read.offer.map(|o| o.id), old, "{by:?}: the same offer as the catalogue read");
            }
            let max = |v: &[f64]| v.iter().copied().fold(0.0, f64::max);
            println!(
                "{kind:<12} {:>3} reads: before {:>5.0} items (max {:>5.0}), p50 {:>6.1} ms (max {:>6.1}); after {:.0} items (max {:.0}), {:.1} read units (max {:.1}), p50 {:>4.1} ms (max {:>4.1})",
                before_ms.len(),
                median(before_items.clone()),
                max(&before_items),
                median(before_ms.clone()),
                max(&before_ms),
                median(after_items.clone()),
                max(&after_items),
                median(units.clone()),
                max(&units),
                median(after_ms.clone()),
                max(&after_ms),
            );
        }
    });
}
