//! The contract's FHIR read cases (`OfferStore::published_offer_by`): the offer a Location,
//! Organization or aliased HealthcareService read answers from is the first published one by id
//! in the preferred region, else in every region, found without reading the region.

use super::support::offer;
use super::{AARHUS, ODENSE};
use forebyg_api::fhir;
use forebyg_api::store::{OfferRef, OfferStore};
use forebyg_shared::offer::{Offer, Provider};
use forebyg_shared::taxonomy::{Category, OfferStatus, ProviderKind, RegionCode};

/// The id of the offer a read by `by` answers from, asserting that it read at most one index
/// entry per region.
pub async fn found(store: &dyn OfferStore, by: OfferRef, prefer: Option<RegionCode>) -> Option<String> {
    let read = store.published_offer_by(&by, prefer).await.unwrap();
    assert!(read.items_read as usize <= RegionCode::ALL.len(), "{by:?}: {} index items read", read.items_read);
    read.offer.map(|o| o.id)
}

pub fn place(id: &str) -> OfferRef {
    OfferRef::Location(id.to_owned())
}

pub fn provider(id: &str) -> OfferRef {
    OfferRef::Organization(id.to_owned())
}

/// A published offer at location record `location` of provider `provider_id`, in `region`.
pub fn at(id: &str, location: Option<&str>, provider_id: &str, region: RegionCode) -> Offer {
    let mut o = offer(id, Category::FysiskAktivitet, Some(if region == RegionCode::Syddanmark { ODENSE } else { AARHUS }));
    o.location_id = location.map(str::to_owned);
    o.provider = Provider { id: provider_id.into(), name: format!("Udbyder {provider_id}"), kind: ProviderKind::Association };
    o.region = region;
    o
}

pub async fn fhir_reads_find_the_first_published_offer_of_the_preferred_region(store: &dyn OfferStore) {
    let mut draft = at("a-draft", Some("loc-a"), "prov-a", RegionCode::Midtjylland);
    draft.status = OfferStatus::Draft;
    let mut archived = at("a-archived", Some("loc-draft-only"), "prov-draft-only", RegionCode::Midtjylland);
    archived.status = OfferStatus::Archived;
    let typed = at("typed", None, "prov-typed", RegionCode::Midtjylland);
    let odd_provider = at("odd-provider", Some("loc-odd"), "Aarhus Kommune (gammel)", RegionCode::Midtjylland);
    store
        .put_offers(&[
            draft,
            archived,
            at("b-mid", Some("loc-a"), "prov-a", RegionCode::Midtjylland),
            at("c-mid", Some("loc-a"), "prov-a", RegionCode::Midtjylland),
            at("a-syd", Some("loc-a"), "prov-a", RegionCode::Syddanmark),
            typed.clone(),
            odd_provider.clone(),
        ])
        .await
        .unwrap();
    let mid = Some(RegionCode::Midtjylland);
    // Unpublished offers never count, even with the smallest id.
    assert_eq!(found(store, place("loc-a"), mid).await.as_deref(), Some("b-mid"));
    assert_eq!(found(store, provider("prov-a"), mid).await.as_deref(), Some("b-mid"));
    assert_eq!(found(store, place("loc-draft-only"), mid).await, None);
    assert_eq!(found(store, provider("prov-draft-only"), None).await, None);
    // Another region's offer only when the preferred region has none, or none is preferred.
    assert_eq!(found(store, place("loc-a"), None).await.as_deref(), Some("a-syd"));
    assert_eq!(found(store, place("loc-a"), Some(RegionCode::Nordjylland)).await.as_deref(), Some("a-syd"));
    assert_eq!(found(store, provider("prov-a"), Some(RegionCode::Syddanmark)).await.as_deref(), Some("a-syd"));
    // A place typed into an offer and a provider id that is not a FHIR id: by their UUIDs.
    let typed_id = fhir::location_id(&typed).unwrap();
    assert_eq!(found(store, place(&typed_id), None).await.as_deref(), Some("typed"));
    let odd_id = fhir::organization_id(&odd_provider.provider);
    assert_ne!(odd_id, odd_provider.provider.id);
    assert_eq!(found(store, provider(&odd_id), mid).await.as_deref(), Some("odd-provider"));
    assert_eq!(found(store, provider(&odd_provider.provider.id), mid).await, None, "only the FHIR id names it");
    // Unknown ids, and a place id asked as a provider's.
    assert_eq!(found(store, place("no-such-place"), mid).await, None);
    assert_eq!(found(store, provider("no-such-provider"), None).await, None);
    assert_eq!(found(store, provider("loc-a"), None).await, None);
}

pub async fn fhir_read_entries_follow_every_save(store: &dyn OfferStore) {
    let o = at("mover", Some("loc-old"), "prov-old", RegionCode::Midtjylland);
    assert_eq!(store.save_offer(&o, None).await.unwrap(), forebyg_api::store::Saved::Saved);
    assert_eq!(found(store, place("loc-old"), None).await.as_deref(), Some("mover"));
    // Moved to another place and provider (a versioned save): the old entries are gone.
    let mut moved = o.clone();
    moved.location_id = Some("loc-new".into());
    moved.provider.id = "prov-new".into();
    moved.version = 2;
    assert_eq!(store.save_offer(&moved, Some(1)).await.unwrap(), forebyg_api::store::Saved::Saved);
    assert_eq!(found(store, place("loc-old"), None).await, None);
    assert_eq!(found(store, provider("prov-old"), None).await, None);
    assert_eq!(found(store, place("loc-new"), None).await.as_deref(), Some("mover"));
    assert_eq!(found(store, provider("prov-new"), None).await.as_deref(), Some("mover"));
    // Moved to another region (an all-or-nothing batch): found there, preferred or not.
    let mut east = moved.clone();
    east.region = RegionCode::Oestdanmark;
    east.version = 3;
    assert_eq!(store.save_offers_atomically(&[(east.clone(), Some(2))]).await.unwrap(), forebyg_api::store::BatchSaved::Saved);
    assert_eq!(found(store, place("loc-new"), Some(RegionCode::Midtjylland)).await.as_deref(), Some("mover"));
    let read = store.published_offer_by(&place("loc-new"), Some(RegionCode::Oestdanmark)).await.unwrap();
    assert_eq!((read.offer, read.items_read), (Some(east.clone()), 1), "the offer as stored, from one index entry");
    // Digital now: no place; unpublished: found by nothing.
    let mut digital = east.clone();
    digital.location = None;
    digital.location_id = None;
    digital.version = 4;
    store.put_offers(&[digital.clone()]).await.unwrap();
    assert_eq!(found(store, place("loc-new"), None).await, None);
    assert_eq!(found(store, provider("prov-new"), None).await.as_deref(), Some("mover"));
    let mut archived = digital;
    archived.status = OfferStatus::Archived;
    archived.version = 5;
    store.put_offers(&[archived]).await.unwrap();
    assert_eq!(found(store, provider("prov-new"), None).await, None);
}

pub async fn an_offer_id_that_is_not_a_fhir_id_is_found_by_its_service_id(store: &dyn OfferStore) {
    let mut odd = at("Tilbud 1", Some("loc-x"), "prov-x", RegionCode::Nordjylland);
    let alias = fhir::resource_id("service", &odd.id);
    assert_ne!(alias, odd.id);
    store.put_offers(&[odd.clone()]).await.unwrap();
    let service = OfferRef::Service(alias.clone());
    assert_eq!(found(store, service.clone(), None).await.as_deref(), Some("Tilbud 1"));
    assert_eq!(found(store, OfferRef::Service(fhir::resource_id("service", "Tilbud 2")), None).await, None);
    odd.status = OfferStatus::Draft;
    odd.version = 2;
    assert_eq!(store.save_offer(&odd, Some(1)).await.unwrap(), forebyg_api::store::Saved::Saved);
    assert_eq!(found(store, service, None).await, None, "a draft is not served");
}

/// A read of a place or provider reads one index entry per region asked, however many offers the
/// region, the place or the provider holds.
pub async fn fhir_reads_do_not_grow_with_the_region(store: &dyn OfferStore) {
    let offers: Vec<Offer> =
        (0..300).map(|i| at(&format!("big-{i:03}"), Some(&format!("loc-{}", i % 3)), "prov-big", RegionCode::Midtjylland)).collect();
    store.put_offers(&offers).await.unwrap();
    assert_eq!(store.region_offers(RegionCode::Midtjylland).await.unwrap().len(), 300, "what a catalogue read reads");
    for (by, prefer, expected, items) in [
        (place("loc-1"), Some(RegionCode::Midtjylland), Some("big-001"), 1),
        (provider("prov-big"), Some(RegionCode::Midtjylland), Some("big-000"), 1),
        (provider("prov-big"), None, Some("big-000"), 1),
        (place("loc-unknown"), Some(RegionCode::Midtjylland), None, 0),
    ] {
        let read = store.published_offer_by(&by, prefer).await.unwrap();
        assert_eq!((read.offer.map(|o| o.id).as_deref(), read.items_read), (expected, items), "{by:?}");
        // DynamoDB: a Limit-1 Query per region (0.5 read units each, eventually consistent).
        assert!(read.read_units.is_none_or(|u| u <= 4.0), "{by:?}: {:?} read units", read.read_units);
    }
}
