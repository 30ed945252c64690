//! The provider and location record contract on both adapters: round trips, region listings
//! (beside the region's offers, which stay offers only), versioned create/update that never
//! overwrite silently, and record + offers saved all or nothing.

mod support;

use forebyg_api::store::{DirectorySaved, DirectoryStore, OfferStore};
use forebyg_shared::directory::{DirectoryRecord, LocationRecord, ProviderRecord, RecordStatus};
use forebyg_shared::geo::GeoPoint;
use forebyg_shared::offer::Offer;
use forebyg_shared::taxonomy::{Category, RegionCode};
use support::{offer, provider_record as provider};

const AARHUS: GeoPoint = GeoPoint::new(56.1530, 10.2040);
const RISSKOV: GeoPoint = GeoPoint::new(56.1900, 10.2300);

fn location(id: &str, provider_id: &str) -> LocationRecord {
    support::location_record(id, provider_id, RegionCode::Midtjylland)
}

fn p(r: &ProviderRecord) -> DirectoryRecord {
    DirectoryRecord::Provider(r.clone())
}

fn l(r: &LocationRecord) -> DirectoryRecord {
    DirectoryRecord::Location(r.clone())
}

async fn round_trip_and_region_lists<S: OfferStore + DirectoryStore>(store: &S) {
    let (p1, p2, east) = (provider("p1", RegionCode::Midtjylland), provider("p2", RegionCode::Midtjylland), provider("p3", RegionCode::Oestdanmark));
    let mut archived = location("sted-b", "p1");
    archived.status = RecordStatus::Archived;
    archived.step_free_access = None;
    store.put_directory(&[p(&p2), p(&p1), p(&east), l(&location("sted-a", "p1")), l(&archived)]).await.unwrap();
    store.put_offers(&[offer("o1", Category::Alkohol, Some(AARHUS))]).await.unwrap();
    assert_eq!(store.get_provider("p1").await.unwrap(), Some(p1.clone()));
    assert_eq!(store.get_location("sted-b").await.unwrap(), Some(archived.clone()));
    assert_eq!((store.get_provider("nope").await.unwrap(), store.get_location("p1").await.unwrap()), (None, None), "kinds do not mix");
    let mid: Vec<String> = store.region_providers(RegionCode::Midtjylland).await.unwrap().into_iter().map(|p| p.id).collect();
    assert_eq!(mid, ["p1", "p2"], "ordered by id, own region only");
    let places: Vec<String> = store.region_locations(RegionCode::Midtjylland).await.unwrap().into_iter().map(|l| l.id).collect();
    assert_eq!(places, ["sted-a", "sted-b"], "any status");
    assert!(store.region_locations(RegionCode::Oestdanmark).await.unwrap().is_empty());
    // The region's offer listing shares the index partition but holds offers only.
    let offers: Vec<String> = store.region_offers(RegionCode::Midtjylland).await.unwrap().into_iter().map(|o| o.id).collect();
    assert_eq!(offers, ["o1"]);
    assert_eq!(store.count_offers().await.unwrap(), 1);
}

async fn versioned_record_saves_never_overwrite_silently<S: OfferStore + DirectoryStore>(store: &S) {
    let p1 = provider("p1", RegionCode::Midtjylland);
    assert_eq!(store.save_directory(&[(p(&p1), None)], &[]).await.unwrap(), DirectorySaved::Saved);
    let again = store.save_directory(&[(p(&p1), None)], &[]).await.unwrap();
    assert_eq!(again, DirectorySaved::RecordConflict { id: "p1".into(), current: Some(Box::new(p(&p1))) }, "duplicate id");
    let edit = ProviderRecord { name: "Aarhus Kommune".into(), version: 2, ..p1.clone() };
    assert_eq!(store.save_directory(&[(p(&edit), Some(1))], &[]).await.unwrap(), DirectorySaved::Saved);
    // A second editor who also started from version 1 is told, and shown the current record.
    let stale = ProviderRecord { name: "Noget andet".into(), version: 2, ..p1.clone() };
    let conflict = store.save_directory(&[(p(&stale), Some(1))], &[]).await.unwrap();
    assert_eq!(conflict, DirectorySaved::RecordConflict { id: "p1".into(), current: Some(Box::new(p(&edit))) });
    assert_eq!(store.get_provider("p1").await.unwrap(), Some(edit));
    let ghost = store.save_directory(&[(l(&location("ghost", "p1")), Some(1))], &[]).await.unwrap();
    assert_eq!(ghost, DirectorySaved::RecordConflict { id: "ghost".into(), current: None });
    assert_eq!(store.get_location("ghost").await.unwrap(), None);
}

async fn record_and_offers_are_saved_all_or_nothing<S: OfferStore + DirectoryStore>(store: &S) {
    let place = location("sted", "p1");
    let with_place = |id: &str| Offer { location_id: Some("sted".into()), ..offer(id, Category::FysiskAktivitet, Some(AARHUS)) };
    let (a, b) = (with_place("a"), with_place("b"));
    store.put_directory(&[l(&place)]).await.unwrap();
    store.put_offers(&[a.clone(), b.clone()]).await.unwrap();
    let moved = LocationRecord { address: "Ny Vej 2".into(), point: RISSKOV, version: 2, ..place.clone() };
    let refreshed = |o: &Offer| Offer { location: Some(moved.embedded()), version: o.version + 1, ..o.clone() };

    // Offer b changed meanwhile (version 2): nothing is written, not the record, not offer a.
    let mut b_edited = b.clone();
    (b_edited.title, b_edited.version) = ("Redigeret".into(), 2);
    store.put_offers(&[b_edited.clone()]).await.unwrap();
    let outcome = store.save_directory(&[(l(&moved), Some(1))], &[(refreshed(&a), Some(1)), (refreshed(&b), Some(1))]).await.unwrap();
    assert_eq!(outcome, DirectorySaved::OfferConflict { id: "b".into(), current: Some(Box::new(b_edited.clone())) });
    assert_eq!(store.get_location("sted").await.unwrap(), Some(place.clone()));
    assert_eq!(store.get_offer("a").await.unwrap(), Some(a.clone()));

    // From the right versions, everything moves together, search index included.
    let outcome = store.save_directory(&[(l(&moved), Some(1))], &[(refreshed(&a), Some(1)), (refreshed(&b_edited), Some(2))]).await.unwrap();
    assert_eq!(outcome, DirectorySaved::Saved);
    assert_eq!(store.get_location("sted").await.unwrap(), Some(moved.clone()));
    let a_now = store.get_offer("a").await.unwrap().unwrap();
    assert_eq!((a_now.location.unwrap().address, a_now.version), ("Ny Vej 2".to_owned(), 2));
    assert_eq!(support::search_near(store, RISSKOV, 0.5).await.len(), 2, "the index follows the new point");
    assert!(support::search_near(store, AARHUS, 0.5).await.is_empty(), "and leaves the old one");

    // A stale record in the batch stops the offers too.
    let stale = LocationRecord { address: "Tredje Vej 3".into(), version: 2, ..place.clone() };
    let a3 = Offer { title: "Må ikke skrives".into(), version: 3, ..store.get_offer("a").await.unwrap().unwrap() };
    let outcome = store.save_directory(&[(l(&stale), Some(1))], &[(a3, Some(2))]).await.unwrap();
    assert!(matches!(outcome, DirectorySaved::RecordConflict { ref id, current: Some(_) } if id == "sted"), "{outcome:?}");
    assert_eq!(store.get_offer("a").await.unwrap().unwrap().version, 2);
}

async fn concurrent_record_saves_let_one_win<S: OfferStore + DirectoryStore>(store: &S) {
    let p1 = provider("race", RegionCode::Midtjylland);
    store.save_directory(&[(p(&p1), None)], &[]).await.unwrap();
    let edits: Vec<_> = (0..6).map(|i| ProviderRecord { name: format!("Redaktør {i}"), version: 2, ..p1.clone() }).collect();
    let saves: Vec<_> = edits.iter().map(|e| [(p(e), Some(1))]).collect();
    let results = futures_util::future::join_all(saves.iter().map(|s| store.save_directory(s, &[]))).await;
    assert_eq!(results.iter().filter(|r| matches!(r, Ok(DirectorySaved::Saved))).count(), 1, "{results:?}");
}

macro_rules! contract {
    ($make:expr, $($case:ident),+ $(,)?) => {{
        $(
            println!("directory contract case: {}", stringify!($case));
            let store = $make;
            $case(&store.0).await;
        )+
    }};
}

macro_rules! all_cases {
    ($make:expr) => {
        contract!(
            $make,
            round_trip_and_region_lists,
            versioned_record_saves_never_overwrite_silently,
            record_and_offers_are_saved_all_or_nothing,
            concurrent_record_saves_let_one_win,
        )
    };
}

#[tokio::test]
async fn embedded_store_passes_the_directory_contract() {
    all_cases!(support::embedded());
}

#[tokio::test]
async fn dynamodb_store_passes_the_directory_contract() {
    let local = support::dynamodb_local::DynamoDbLocal::start();
    all_cases!((support::dynamo(&local).await, ()));
}
