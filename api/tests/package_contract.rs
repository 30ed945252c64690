//! The package, association and activity record contract on both adapters: round trips with
//! every field, the national package listing and the regional association/activity listings
//! (beside, never among, the region's offers and directory records), versioned saves that never
//! overwrite silently, and an activity saved together with the offer linking to it.

mod support;

use forebyg_api::store::{DirectorySaved, DirectoryStore, OfferStore};
use forebyg_shared::activity::{ActivityRecord, ActivitySchedule, AssociationRecord, Intensity};
use forebyg_shared::directory::{DirectoryRecord, RecordStatus};
use forebyg_shared::geo::GeoPoint;
use forebyg_shared::offer::{Contact, Cost, Location, Offer, TimeSlot};
use forebyg_shared::package::{known_packages, PackageRecord};
use forebyg_shared::taxonomy::{Category, Condition, RegionCode, Weekday};
use support::offer;

const AARHUS: GeoPoint = GeoPoint::new(56.1530, 10.2040);

fn association(id: &str, region: RegionCode) -> AssociationRecord {
    AssociationRecord {
        id: id.into(),
        name: format!("Forening {id}"),
        umbrella: Some("Hjerteforeningen".into()),
        cvr: Some("61126228".into()),
        region,
        contact: Contact { name: None, phone: None, email: Some("forening@example.org".into()), url: None },
        status: RecordStatus::Active,
        version: 1,
    }
}

fn activity(id: &str, association_id: &str) -> ActivityRecord {
    ActivityRecord {
        id: id.into(),
        association_id: association_id.into(),
        region: RegionCode::Midtjylland,
        name: "Hjertemotion".into(),
        description: "Motion på hold for mennesker med hjertesygdom.".into(),
        conditions: vec![Condition::Hjertesygdom, Condition::Kol],
        intensity: Intensity::Moderate,
        schedule: ActivitySchedule {
            slots: vec![TimeSlot { weekday: Weekday::Tue, start: "17:00".into(), end: "18:00".into() }],
            note: Some("Ikke i ferier".into()),
        },
        location_id: Some("sted".into()),
        place: Location {
            name: "Idrætshallen".into(),
            address: "Stadion Allé 1".into(),
            postcode: "8000".into(),
            city: "Aarhus C".into(),
            municipality_code: "0751".into(),
            point: AARHUS,
        },
        price: Cost { dkk: 300, note: Some("pr. halvår".into()) },
        subsidy: Some("Tilskud fra kommunen".into()),
        free_trial: true,
        contact: Contact { name: Some("Inge".into()), phone: Some("+45 1234 5678".into()), email: None, url: None },
        accessibility: Some("Niveaufri adgang".into()),
        last_verified: "2026-11-01".into(),
        steward_provider_id: Some("udbyder".into()),
        status: RecordStatus::Active,
        version: 1,
    }
}

fn pk(p: &PackageRecord) -> DirectoryRecord {
    DirectoryRecord::Package(p.clone())
}

fn ac(a: &ActivityRecord) -> DirectoryRecord {
    DirectoryRecord::Activity(a.clone())
}

async fn round_trips_and_listings<S: OfferStore + DirectoryStore>(store: &S) {
    let packages = known_packages();
    let records: Vec<_> = packages.iter().rev().map(pk).collect();
    store.put_directory(&records).await.unwrap();
    let (mid, east) = (association("forening-b", RegionCode::Midtjylland), association("forening-a", RegionCode::Oestdanmark));
    let mut archived = activity("aktivitet-b", "forening-b");
    // Without a steward the field is not stored at all, as in records saved before it existed.
    (archived.status, archived.location_id, archived.subsidy, archived.steward_provider_id) = (RecordStatus::Archived, None, None, None);
    store
        .put_directory(&[
            DirectoryRecord::Association(mid.clone()),
            DirectoryRecord::Association(east.clone()),
            ac(&archived),
            ac(&activity("aktivitet-a", "forening-b")),
        ])
        .await
        .unwrap();
    store.put_offers(&[offer("o1", Category::Alkohol, Some(AARHUS))]).await.unwrap();

    assert_eq!(store.get_package("kol").await.unwrap(), Some(packages[0].clone()), "every field, components and region years included");
    let codes: Vec<String> = store.packages().await.unwrap().into_iter().map(|p| p.code).collect();
    assert_eq!(codes, ["hjertesygdom", "kol", "kompleks-multisygdom", "laenderygsmerter", "type-2-diabetes"], "ordered by code");
    assert_eq!(store.get_association("forening-b").await.unwrap(), Some(mid));
    assert_eq!(store.get_activity("aktivitet-b").await.unwrap(), Some(archived));
    let stewarded = store.get_activity("aktivitet-a").await.unwrap().unwrap();
    assert_eq!(stewarded.steward_provider_id.as_deref(), Some("udbyder"), "the steward round-trips");
    assert_eq!((store.get_activity("kol").await.unwrap(), store.get_package("forening-b").await.unwrap()), (None, None), "kinds do not mix");
    let ids = |v: Vec<ActivityRecord>| v.into_iter().map(|a| a.id).collect::<Vec<_>>();
    assert_eq!(ids(store.region_activities(RegionCode::Midtjylland).await.unwrap()), ["aktivitet-a", "aktivitet-b"], "any status, by id");
    assert!(store.region_activities(RegionCode::Oestdanmark).await.unwrap().is_empty());
    let east_ids: Vec<_> = store.region_associations(RegionCode::Oestdanmark).await.unwrap().into_iter().map(|a| a.id).collect();
    assert_eq!(east_ids, ["forening-a"]);
    // The region's other listings stay what they were.
    let offers: Vec<String> = store.region_offers(RegionCode::Midtjylland).await.unwrap().into_iter().map(|o| o.id).collect();
    assert_eq!(offers, ["o1"]);
    assert!(store.region_providers(RegionCode::Midtjylland).await.unwrap().is_empty());
    assert!(store.region_locations(RegionCode::Midtjylland).await.unwrap().is_empty());
}

async fn versioned_saves_never_overwrite_silently<S: OfferStore + DirectoryStore>(store: &S) {
    let kol = known_packages().remove(0);
    assert_eq!(store.save_directory(&[(pk(&kol), None)], &[]).await.unwrap(), DirectorySaved::Saved);
    let again = store.save_directory(&[(pk(&kol), None)], &[]).await.unwrap();
    assert_eq!(again, DirectorySaved::RecordConflict { id: "kol".into(), current: Some(Box::new(pk(&kol))) }, "a code in use");
    let mut edit = PackageRecord { version: 2, ..kol.clone() };
    edit.components.truncate(2);
    assert_eq!(store.save_directory(&[(pk(&edit), Some(1))], &[]).await.unwrap(), DirectorySaved::Saved);
    let stale = PackageRecord { source_note: "Noget andet".into(), version: 2, ..kol.clone() };
    let conflict = store.save_directory(&[(pk(&stale), Some(1))], &[]).await.unwrap();
    assert_eq!(conflict, DirectorySaved::RecordConflict { id: "kol".into(), current: Some(Box::new(pk(&edit))) });
    assert_eq!(store.get_package("kol").await.unwrap(), Some(edit));

    let a = activity("a1", "f1");
    store.save_directory(&[(ac(&a), None)], &[]).await.unwrap();
    let moved = ActivityRecord { name: "Lungetræning".into(), version: 2, ..a.clone() };
    assert_eq!(store.save_directory(&[(ac(&moved), Some(1))], &[]).await.unwrap(), DirectorySaved::Saved);
    let lost = store.save_directory(&[(ac(&ActivityRecord { version: 2, ..a.clone() }), Some(1))], &[]).await.unwrap();
    assert_eq!(lost, DirectorySaved::RecordConflict { id: "a1".into(), current: Some(Box::new(ac(&moved))) });
}

async fn an_activity_and_the_offer_linking_it_save_together<S: OfferStore + DirectoryStore>(store: &S) {
    let o = offer("o1", Category::FysiskAktivitet, Some(AARHUS));
    store.put_offers(std::slice::from_ref(&o)).await.unwrap();
    let a = activity("a1", "f1");
    let linked = Offer { activity_ids: vec!["a1".into()], version: 2, ..o.clone() };
    // The offer moved on meanwhile: neither is written.
    let outcome = store.save_directory(&[(ac(&a), None)], &[(linked.clone(), Some(7))]).await.unwrap();
    assert!(matches!(outcome, DirectorySaved::OfferConflict { ref id, .. } if id == "o1"), "{outcome:?}");
    assert_eq!(store.get_activity("a1").await.unwrap(), None);
    assert_eq!(store.save_directory(&[(ac(&a), None)], &[(linked.clone(), Some(1))]).await.unwrap(), DirectorySaved::Saved);
    assert_eq!(store.get_offer("o1").await.unwrap().unwrap().activity_ids, ["a1"]);
    assert_eq!(store.get_activity("a1").await.unwrap(), Some(a));
}

macro_rules! contract {
    ($make:expr, $($case:ident),+ $(,)?) => {{
        $(
            println!("package contract case: {}", stringify!($case));
            let store = $make;
            $case(&store.0).await;
        )+
    }};
}

macro_rules! all_cases {
    ($make:expr) => {
        contract!($make, round_trips_and_listings, versioned_saves_never_overwrite_silently, an_activity_and_the_offer_linking_it_save_together)
    };
}

#[tokio::test]
async fn embedded_store_passes_the_package_contract() {
    all_cases!(support::embedded());
}

#[tokio::test]
async fn dynamodb_store_passes_the_package_contract() {
    let local = support::dynamodb_local::DynamoDbLocal::start();
    all_cases!((support::dynamo(&local).await, ()));
}
