//! One contract, two adapters: the embedded store and DynamoDB (on DynamoDB Local) must behave
//! the same for everything the API relies on.

mod support;

use forebyg_api::store::{geo_index, OfferStore};
use forebyg_api::{demo, search};
use forebyg_shared::geo::GeoPoint;
use forebyg_shared::search::SearchParams;
use forebyg_shared::taxonomy::{Category, OfferStatus, RegionCode};
use std::collections::BTreeSet;
use support::offer;

const AARHUS: GeoPoint = GeoPoint::new(56.1530, 10.2040);
const ODENSE: GeoPoint = GeoPoint::new(55.3960, 10.3880);

fn ids(offers: &[forebyg_shared::offer::Offer]) -> BTreeSet<String> {
    offers.iter().map(|o| o.id.clone()).collect()
}

async fn round_trip_keeps_every_field(store: &dyn OfferStore) {
    let on_site = offer("a", Category::FysiskAktivitet, Some(AARHUS));
    let mut digital = offer("b", Category::Alkohol, None);
    digital.accessibility = None;
    digital.kronikerpakke = None;
    digital.schedule.next_start = None;
    digital.continue_afterwards.clear();
    store.put_offers(&[on_site.clone(), digital.clone()]).await.unwrap();
    assert_eq!(store.get_offer("a").await.unwrap(), Some(on_site));
    assert_eq!(store.get_offer("b").await.unwrap(), Some(digital));
    assert_eq!(store.get_offer("missing").await.unwrap(), None);
}

async fn geo_read_returns_only_published_offers_in_the_cells(store: &dyn OfferStore) {
    let mut draft = offer("draft", Category::FysiskAktivitet, Some(AARHUS));
    draft.status = OfferStatus::Draft;
    store
        .put_offers(&[offer("aarhus", Category::FysiskAktivitet, Some(AARHUS)), offer("odense", Category::FysiskAktivitet, Some(ODENSE)), draft])
        .await
        .unwrap();
    let read = store.published_in_cells(&geo_index::cover(AARHUS, 25.0)).await.unwrap();
    assert_eq!(ids(&read.offers), BTreeSet::from(["aarhus".to_owned()]));
    assert_eq!(read.items_read, 1, "drafts are not in the index and Odense is not in the cells");
    let both = store.published_in_cells(&geo_index::cover(AARHUS, 150.0)).await.unwrap();
    assert_eq!(ids(&both.offers), BTreeSet::from(["aarhus".to_owned(), "odense".to_owned()]));
}

async fn updates_move_and_remove_index_entries(store: &dyn OfferStore) {
    let mut o = offer("moving", Category::Ernaering, Some(AARHUS));
    store.put_offers(&[o.clone()]).await.unwrap();
    o.location.as_mut().unwrap().point = ODENSE;
    o.version = 2;
    store.put_offers(&[o.clone()]).await.unwrap();
    assert!(store.published_in_cells(&geo_index::cover(AARHUS, 10.0)).await.unwrap().offers.is_empty());
    assert_eq!(store.published_in_cells(&geo_index::cover(ODENSE, 10.0)).await.unwrap().offers, vec![o.clone()]);
    o.status = OfferStatus::Archived;
    store.put_offers(&[o.clone()]).await.unwrap();
    assert!(store.published_in_cells(&geo_index::cover(ODENSE, 10.0)).await.unwrap().offers.is_empty());
    assert_eq!(store.get_offer("moving").await.unwrap().unwrap().status, OfferStatus::Archived);
    assert_eq!(store.count_offers().await.unwrap(), 1);
}

async fn digital_offers_are_listed_per_region(store: &dyn OfferStore) {
    let mut east = offer("east", Category::Nikotinafvaenning, None);
    east.region = RegionCode::Oestdanmark;
    let mut unpublished = offer("mid-draft", Category::Nikotinafvaenning, None);
    unpublished.status = OfferStatus::Draft;
    store.put_offers(&[offer("mid", Category::Nikotinafvaenning, None), east, unpublished]).await.unwrap();
    let mid = store.published_digital(RegionCode::Midtjylland).await.unwrap();
    assert_eq!((ids(&mid.offers), mid.items_read), (BTreeSet::from(["mid".to_owned()]), 1));
    assert_eq!(ids(&store.published_digital(RegionCode::Oestdanmark).await.unwrap().offers), BTreeSet::from(["east".to_owned()]));
    assert!(store.published_digital(RegionCode::Nordjylland).await.unwrap().offers.is_empty());
}

async fn region_lists_hold_every_status_and_follow_moves(store: &dyn OfferStore) {
    let mut draft = offer("b-draft", Category::Alkohol, Some(AARHUS));
    draft.status = OfferStatus::Draft;
    let mut east = offer("c-east", Category::Alkohol, None);
    east.region = RegionCode::Oestdanmark;
    store.put_offers(&[offer("a-pub", Category::Alkohol, Some(AARHUS)), draft, east.clone()]).await.unwrap();
    let mid: Vec<String> = store.region_offers(RegionCode::Midtjylland).await.unwrap().into_iter().map(|o| o.id).collect();
    assert_eq!(mid, ["a-pub", "b-draft"], "all statuses, ordered by id");
    east.region = RegionCode::Midtjylland;
    store.put_offers(&[east]).await.unwrap();
    assert_eq!(store.region_offers(RegionCode::Midtjylland).await.unwrap().len(), 3);
    assert!(store.region_offers(RegionCode::Oestdanmark).await.unwrap().is_empty());
}

async fn versioned_saves_never_overwrite_silently(store: &dyn OfferStore) {
    use forebyg_api::store::Saved;
    let mut o = offer("versioned", Category::Alkohol, Some(AARHUS));
    assert_eq!(store.save_offer(&o, None).await.unwrap(), Saved::Saved);
    assert_eq!(store.save_offer(&o, None).await.unwrap(), Saved::Conflict(Some(Box::new(o.clone()))), "create twice");
    let mut edit = o.clone();
    edit.title = "Ny titel".into();
    edit.version = 2;
    assert_eq!(store.save_offer(&edit, Some(1)).await.unwrap(), Saved::Saved);
    // A second editor who also started from version 1 is told, and shown the current offer.
    o.summary = "En anden ændring af resuméet".into();
    o.version = 2;
    assert_eq!(store.save_offer(&o, Some(1)).await.unwrap(), Saved::Conflict(Some(Box::new(edit.clone()))));
    assert_eq!(store.get_offer("versioned").await.unwrap(), Some(edit.clone()));
    assert_eq!(store.save_offer(&offer("ghost", Category::Alkohol, None), Some(1)).await.unwrap(), Saved::Conflict(None));
    // Saves keep the indexes in step.
    edit.status = OfferStatus::Draft;
    edit.version = 3;
    assert_eq!(store.save_offer(&edit, Some(2)).await.unwrap(), Saved::Saved);
    assert!(store.published_in_cells(&geo_index::cover(AARHUS, 5.0)).await.unwrap().offers.is_empty());
    assert_eq!(store.region_offers(RegionCode::Midtjylland).await.unwrap().len(), 1);
}

async fn concurrent_saves_of_one_version_let_one_win(store: &dyn OfferStore) {
    use forebyg_api::store::Saved;
    let o = offer("race", Category::Alkohol, Some(AARHUS));
    store.save_offer(&o, None).await.unwrap();
    let edits: Vec<_> = (0..6)
        .map(|i| {
            let mut e = o.clone();
            e.title = format!("Redaktør {i}");
            e.version = 2;
            e
        })
        .collect();
    let outcomes = futures_join(edits.iter().map(|e| store.save_offer(e, Some(1)))).await;
    assert_eq!(outcomes.iter().filter(|r| matches!(r, Ok(Saved::Saved))).count(), 1, "{outcomes:?}");
}

/// Polls futures concurrently on this task (no extra dependency needed).
async fn futures_join<F: std::future::Future>(futures: impl Iterator<Item = F>) -> Vec<F::Output> {
    let mut pinned: Vec<_> = futures.map(Box::pin).collect();
    let mut out: Vec<Option<F::Output>> = pinned.iter().map(|_| None).collect();
    std::future::poll_fn(|cx| {
        for (i, f) in pinned.iter_mut().enumerate() {
            if out[i].is_none() {
                if let std::task::Poll::Ready(v) = f.as_mut().poll(cx) {
                    out[i] = Some(v);
                }
            }
        }
        if out.iter().all(Option::is_some) {
            std::task::Poll::Ready(())
        } else {
            std::task::Poll::Pending
        }
    })
    .await;
    out.into_iter().map(Option::unwrap).collect()
}

async fn large_batches_are_written_whole(store: &dyn OfferStore) {
    let offers: Vec<_> = (0..60).map(|i| offer(&format!("o{i:02}"), Category::Sygdomsmestring, Some(AARHUS))).collect();
    store.put_offers(&offers).await.unwrap();
    assert_eq!(store.count_offers().await.unwrap(), 60);
    assert_eq!(store.published_in_cells(&geo_index::cover(AARHUS, 5.0)).await.unwrap().offers.len(), 60);
}

/// The search over the index equals a brute-force scan, and reads far fewer items than stored.
async fn search_equals_brute_force_and_reads_only_covering_cells(store: &dyn OfferStore) {
    let all = demo::offers(2_000);
    store.put_offers(&all).await.unwrap();
    for (postcode, radius) in [("8000", 25.0), ("1050", 10.0), ("9000", 60.0), ("6700", 300.0)] {
        let params = SearchParams {
            postcode: Some(postcode.into()),
            radius_km: radius,
            categories: vec![Category::FysiskAktivitet],
            per_page: 50,
            ..Default::default()
        };
        let res = search::search(store, &params).await.unwrap();
        let origin = res.origin.point;
        let expected: BTreeSet<String> = all
            .iter()
            .filter(|o| o.is_published() && o.category == Category::FysiskAktivitet)
            .filter(|o| o.point().is_some_and(|p| origin.distance_km(p) <= radius) || (o.location.is_none() && o.region == res.origin.region))
            .map(|o| o.id.clone())
            .collect();
        let mut got = BTreeSet::new();
        let mut page = 1;
        loop {
            let r = search::search(store, &SearchParams { page, ..params.clone() }).await.unwrap();
            got.extend(r.results.iter().map(|h| h.offer.id.clone()));
            if r.results.len() < params.per_page as usize {
                break;
            }
            page += 1;
        }
        assert_eq!(got, expected, "{postcode} within {radius} km");
        assert_eq!(res.total as usize, expected.len());
        let distances: Vec<f64> = res.results.iter().filter_map(|h| h.distance_km).collect();
        assert!(distances.windows(2).all(|w| w[0] <= w[1]), "nearest first: {distances:?}");
        println!(
            "search {postcode} r={radius} km: {} cells, {} items read of {} stored, {} matches",
            res.stats.cells,
            res.stats.items_read,
            all.len(),
            res.total
        );
        // A near-empty search also reads a wider circle (`wider`); the others read only their own.
        if radius <= 60.0 && res.wider.is_none() {
            assert!((res.stats.items_read as usize) < all.len() / 4, "read {} of {}", res.stats.items_read, all.len());
        }
    }
}

/// A near-empty search says how far the nearest match beyond the radius is and how many lie within
/// the first wider radius that has one (issue #15: "0 tilbud inden for 25 km" was a dead end); with
/// `pins=true` it returns every match's pin, not just the page's. Checked against brute force.
async fn near_empty_searches_point_further_and_pins_cover_all_matches(store: &dyn OfferStore) {
    use forebyg_shared::search::{NEAR_EMPTY, WIDER_RADII_KM};
    let all = demo::offers(2_000);
    store.put_offers(&all).await.unwrap();
    let mut checked_wider = 0;
    for (postcode, radius, category) in [
        ("9990", 25.0, Category::FysiskAktivitet),
        ("6990", 10.0, Category::Alkohol),
        ("3700", 5.0, Category::Nikotinafvaenning),
        ("8000", 25.0, Category::FysiskAktivitet),
    ] {
        let params = SearchParams {
            postcode: Some(postcode.into()),
            radius_km: radius,
            categories: vec![category],
            per_page: 2,
            pins: true,
            ..Default::default()
        };
        let res = search::search(store, &params).await.unwrap();
        let origin = res.origin.point;
        let mut on_site: Vec<(f64, &str)> = all
            .iter()
            .filter(|o| o.is_published() && o.category == category)
            .filter_map(|o| o.point().map(|p| (origin.distance_km(p), o.id.as_str())))
            .collect();
        on_site.sort_by(|a, b| a.0.total_cmp(&b.0));
        let near: Vec<&str> = on_site.iter().filter(|(d, _)| *d <= radius).map(|(_, id)| *id).collect();
        assert_eq!(res.nearby as usize, near.len(), "{postcode}");
        // Every match's pin, though the page holds at most two results.
        assert_eq!(res.pins.iter().map(|p| p.id.as_str()).collect::<BTreeSet<_>>(), near.iter().copied().collect::<BTreeSet<_>>(), "{postcode} pins");
        assert!(res.pins.windows(2).all(|w| w[0].distance_km <= w[1].distance_km));
        let beyond = on_site.iter().find(|(d, _)| *d > radius).map(|(d, _)| *d);
        match (&res.wider, beyond) {
            (Some(w), Some(nearest)) if res.nearby < NEAR_EMPTY => {
                let expected_radius = WIDER_RADII_KM.into_iter().find(|r| *r > radius && nearest <= *r).unwrap();
                assert_eq!(w.radius_km, expected_radius, "{postcode}");
                assert_eq!(w.count as usize, on_site.iter().filter(|(d, _)| *d <= expected_radius).count(), "{postcode}");
                assert!((w.nearest_km - nearest).abs() <= 0.05, "{postcode}: {} vs {nearest}", w.nearest_km);
                checked_wider += 1;
            }
            (None, _) if res.nearby >= NEAR_EMPTY => {}
            (None, b) if b.is_none_or(|d| d > forebyg_shared::search::MAX_RADIUS_KM) => {}
            (w, b) => panic!("{postcode}: nearby {} wider {w:?} nearest beyond {b:?}", res.nearby),
        }
        let without: forebyg_shared::search::SearchResponse = search::search(store, &SearchParams { pins: false, ..params }).await.unwrap();
        assert!(without.pins.is_empty(), "pins only when asked for");
    }
    assert!(checked_wider >= 2, "the demo data has near-empty searches to check");
}

macro_rules! contract {
    ($make:expr, $($case:ident),+ $(,)?) => {{
        $(
            println!("contract case: {}", stringify!($case));
            let store = $make;
            $case(&store.0).await;
        )+
    }};
}

macro_rules! all_cases {
    ($make:expr) => {
        contract!(
            $make,
            round_trip_keeps_every_field,
            geo_read_returns_only_published_offers_in_the_cells,
            updates_move_and_remove_index_entries,
            digital_offers_are_listed_per_region,
            region_lists_hold_every_status_and_follow_moves,
            versioned_saves_never_overwrite_silently,
            concurrent_saves_of_one_version_let_one_win,
            large_batches_are_written_whole,
            search_equals_brute_force_and_reads_only_covering_cells,
            near_empty_searches_point_further_and_pins_cover_all_matches,
        )
    };
}

#[tokio::test]
async fn embedded_store_passes_the_contract() {
    all_cases!(support::embedded());
}

#[tokio::test]
async fn dynamodb_store_passes_the_contract() {
    let local = support::dynamodb_local::DynamoDbLocal::start();
    all_cases!((support::dynamo(&local).await, ()));
}
