//! The contract's reindex cases (`store::reindex`): offers stored before the FHIR read index
//! existed are found by their place, provider and service alias after `reindex_offers`, exactly
//! as they were (same version and dates, so an editor's open form still saves), drafts and
//! archived offers get no entries, and a save made after the reindex read an offer is never
//! overwritten. On DynamoDB the offers are written as the table held them before (items without
//! the GSI4 and GSI1 attributes, no alias items); the embedded store builds its index in memory
//! at open, so it has no such state: there the reindex must change nothing and the same reads
//! must hold.

use super::references::{at, found, place, provider};
use super::support::dynamodb_local::DynamoDbLocal;
use forebyg_api::fhir;
use forebyg_api::store::dynamodb::{item, table, DynamoStore};
use forebyg_api::store::reindex::{reindex_offers, resave_published, Reindexed};
use forebyg_api::store::{OfferRef, OfferStore, Saved};
use forebyg_shared::offer::Offer;
use forebyg_shared::taxonomy::{OfferStatus, RegionCode};

/// A DynamoDB Local table through a client of its own, to write items the way the adapter wrote
/// them before the FHIR read index existed.
pub struct RawTable {
    client: aws_sdk_dynamodb::Client,
    table: String,
}

impl RawTable {
    pub async fn of(local: &DynamoDbLocal, store: &DynamoStore) -> Self {
        RawTable { client: DynamoStore::client(Some(&local.endpoint)).await, table: store.table().to_owned() }
    }

    /// Writes `offers` as items without the FHIR read attributes (GSI4 for the place, GSI1 for
    /// the provider) and without alias items: what every offer item was before this index.
    async fn put_unindexed(&self, offers: &[Offer]) {
        for offer in offers {
            let mut old = item::offer_to_item(offer).unwrap();
            for attribute in [table::GSI4_PK, table::GSI4_SK, table::GSI1_PK, table::GSI1_SK] {
                old.remove(attribute);
            }
            self.client.put_item().table_name(&self.table).set_item(Some(old)).send().await.unwrap();
        }
    }
}

/// Stores `offers` as a store held them before the index (see the module documentation); whether
/// they are missing from it now (DynamoDB).
async fn stored_before_the_index(store: &dyn OfferStore, raw: Option<&RawTable>, offers: &[Offer]) -> bool {
    match raw {
        Some(raw) => raw.put_unindexed(offers).await,
        None => store.put_offers(offers).await.unwrap(),
    }
    raw.is_some()
}

pub async fn reindex_lists_offers_stored_before_the_index(store: &dyn OfferStore, raw: Option<&RawTable>) {
    let mut edited = at("r-mid", Some("loc-r"), "prov-r", RegionCode::Midtjylland);
    (edited.version, edited.last_verified) = (7, "2025-03-14".into());
    let syd = at("r-syd", Some("loc-r"), "prov-r", RegionCode::Syddanmark);
    let typed = at("r-typed", None, "prov-typed", RegionCode::Nordjylland);
    let odd = at("Gammelt tilbud", Some("loc-odd"), "prov-odd", RegionCode::Oestdanmark);
    let mut draft = at("r-draft", Some("loc-unpublished"), "prov-unpublished", RegionCode::Midtjylland);
    draft.status = OfferStatus::Draft;
    let mut archived = at("r-archived", Some("loc-unpublished"), "prov-unpublished", RegionCode::Syddanmark);
    (archived.status, archived.version) = (OfferStatus::Archived, 4);
    let offers = [edited.clone(), syd, typed.clone(), odd.clone(), draft, archived];
    let missing = stored_before_the_index(store, raw, &offers).await;
    let mid = Some(RegionCode::Midtjylland);
    let reads = [
        (place("loc-r"), mid, "r-mid"),
        (provider("prov-r"), Some(RegionCode::Syddanmark), "r-syd"),
        (place(&fhir::location_id(&typed).unwrap()), None, "r-typed"),
        (provider("prov-typed"), mid, "r-typed"),
        (OfferRef::Service(fhir::resource_id("service", &odd.id)), None, "Gammelt tilbud"),
    ];
    for (by, prefer, expected) in &reads {
        let before = found(store, by.clone(), *prefer).await;
        assert_eq!(before.as_deref(), (!missing).then_some(*expected), "{by:?} before the reindex");
    }

    assert_eq!(reindex_offers(store).await.unwrap(), Reindexed { saved: 4, skipped: 0, unpublished: 2 });
    for (by, prefer, expected) in &reads {
        assert_eq!(found(store, by.clone(), *prefer).await.as_deref(), Some(*expected), "{by:?} after the reindex");
    }
    for by in [place("loc-unpublished"), provider("prov-unpublished")] {
        let read = store.published_offer_by(&by, None).await.unwrap();
        assert_eq!((read.offer, read.items_read), (None, 0), "{by:?}: a draft or archived offer has no entry");
    }
    // Nothing a user or editor sees changed: same content, version and last-confirmed date.
    for offer in &offers {
        assert_eq!(store.get_offer(&offer.id).await.unwrap().as_ref(), Some(offer), "{} after the reindex", offer.id);
    }
    // An editor who opened r-mid at version 7 before the reindex saves without a conflict.
    let mut next = edited.clone();
    (next.title, next.version) = ("Rettet efter reindeksering".into(), 8);
    assert_eq!(store.save_offer(&next, Some(7)).await.unwrap(), Saved::Saved);
    // Running it again is harmless: the same offers written back, the editor's save kept.
    assert_eq!(reindex_offers(store).await.unwrap(), Reindexed { saved: 4, skipped: 0, unpublished: 2 });
    assert_eq!(store.get_offer("r-mid").await.unwrap(), Some(next));
}

/// Offers saved by an editor between the reindex's read and its write (one in each of DynamoDB's
/// transactions of 100) keep the editor's version; the rest of their batches is still written.
pub async fn reindex_never_overwrites_a_save_made_after_its_read(store: &dyn OfferStore, raw: Option<&RawTable>) {
    let mid = RegionCode::Midtjylland;
    let offers: Vec<Offer> = (0..130).map(|i| at(&format!("n-{i:03}"), Some(&format!("loc-n{i:03}")), "prov-n", mid)).collect();
    stored_before_the_index(store, raw, &offers).await;
    let read = store.region_offers(mid).await.unwrap();
    assert_eq!(read.len(), offers.len());
    let mut edits = vec![];
    for i in [5, 120] {
        let mut moved = offers[i].clone();
        moved.location_id = Some(format!("loc-moved-{i}"));
        (moved.title, moved.last_verified, moved.version) = ("Flyttet".into(), "2026-11-30".into(), 2);
        assert_eq!(store.save_offer(&moved, Some(1)).await.unwrap(), Saved::Saved);
        edits.push(moved);
    }

    assert_eq!(resave_published(store, read).await.unwrap(), Reindexed { saved: 128, skipped: 2, unpublished: 0 });
    for moved in &edits {
        assert_eq!(store.get_offer(&moved.id).await.unwrap().as_ref(), Some(moved), "the editor's save stands");
        assert_eq!(found(store, place(moved.location_id.as_deref().unwrap()), None).await.as_deref(), Some(moved.id.as_str()));
        let left = offers.iter().find(|o| o.id == moved.id).unwrap().location_id.clone().unwrap();
        assert_eq!(found(store, place(&left), None).await, None, "{left}: the place {} left does not name it", moved.id);
    }
    for offer in offers.iter().filter(|o| edits.iter().all(|e| e.id != o.id)) {
        assert_eq!(found(store, place(offer.location_id.as_deref().unwrap()), Some(mid)).await.as_deref(), Some(offer.id.as_str()));
        assert_eq!(store.get_offer(&offer.id).await.unwrap().as_ref(), Some(offer));
    }
    assert_eq!(found(store, provider("prov-n"), Some(mid)).await.as_deref(), Some("n-000"));
}
