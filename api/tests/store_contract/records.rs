//! The contract's record cases: what is written is read back whole, versions guard every save,
//! index entries follow every change, large batches are written whole.

use super::support::{self, offer};
use super::{query, AARHUS, ODENSE};
use forebyg_api::store::OfferStore;
use forebyg_shared::search::SearchParams;
use forebyg_shared::taxonomy::{Category, OfferStatus, RegionCode};

pub async fn round_trip_keeps_every_field(store: &dyn OfferStore) {
    let on_site = offer("a", Category::FysiskAktivitet, Some(AARHUS));
    let mut digital = offer("b", Category::Alkohol, None);
    digital.accessibility = None;
    digital.packages.clear();
    digital.schedule.next_start = None;
    store.put_offers(&[on_site.clone(), digital.clone()]).await.unwrap();
    assert_eq!(store.get_offer("a").await.unwrap(), Some(on_site));
    assert_eq!(store.get_offer("b").await.unwrap(), Some(digital));
    assert_eq!(store.get_offer("missing").await.unwrap(), None);
}

pub async fn updates_move_and_remove_index_entries(store: &dyn OfferStore) {
    let mut o = offer("moving", Category::Ernaering, Some(AARHUS));
    store.put_offers(&[o.clone()]).await.unwrap();
    o.location.as_mut().unwrap().point = ODENSE;
    o.version = 2;
    store.put_offers(&[o.clone()]).await.unwrap();
    assert!(support::search_near(store, AARHUS, 10.0).await.is_empty());
    assert_eq!(support::search_near(store, ODENSE, 10.0).await, ["moving"]);
    o.category = Category::Alkohol;
    o.version = 3;
    store.put_offers(&[o.clone()]).await.unwrap();
    let alcohol = SearchParams { categories: vec![Category::Alkohol], ..Default::default() };
    let found = store.search(&query(ODENSE, RegionCode::Syddanmark, alcohol)).await.unwrap();
    assert_eq!(found.hits.iter().map(|(o, _)| o.clone()).collect::<Vec<_>>(), vec![o.clone()], "the page holds the offer as stored");
    let food = SearchParams { categories: vec![Category::Ernaering], ..Default::default() };
    assert_eq!(store.search(&query(ODENSE, RegionCode::Syddanmark, food)).await.unwrap().total, 0, "the old category's entry is gone");
    o.status = OfferStatus::Archived;
    store.put_offers(&[o.clone()]).await.unwrap();
    assert!(support::search_near(store, ODENSE, 10.0).await.is_empty());
    assert_eq!(store.get_offer("moving").await.unwrap().unwrap().status, OfferStatus::Archived);
    assert_eq!(store.count_offers().await.unwrap(), 1);
}

pub async fn region_lists_hold_every_status_and_follow_moves(store: &dyn OfferStore) {
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

pub async fn versioned_saves_never_overwrite_silently(store: &dyn OfferStore) {
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
    assert!(support::search_near(store, AARHUS, 5.0).await.is_empty());
    assert_eq!(store.region_offers(RegionCode::Midtjylland).await.unwrap().len(), 1);
}

pub async fn concurrent_saves_of_one_version_let_one_win(store: &dyn OfferStore) {
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
    // Polled together on this task: the six saves of one version race.
    let outcomes = futures_util::future::join_all(edits.iter().map(|e| store.save_offer(e, Some(1)))).await;
    assert_eq!(outcomes.iter().filter(|r| matches!(r, Ok(Saved::Saved))).count(), 1, "{outcomes:?}");
}

pub async fn large_batches_are_written_whole(store: &dyn OfferStore) {
    let offers: Vec<_> = (0..60).map(|i| offer(&format!("o{i:02}"), Category::Sygdomsmestring, Some(AARHUS))).collect();
    store.put_offers(&offers).await.unwrap();
    assert_eq!(store.count_offers().await.unwrap(), 60);
    assert_eq!(support::search_near(store, AARHUS, 5.0).await.len(), 60);
}
