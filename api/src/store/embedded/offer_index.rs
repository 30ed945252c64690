//! The embedded store's search index, in memory: every published offer's [`IndexEntry`], per
//! category in geohash order (the same cells as DynamoDB's index, see [`geo_index`]) and per
//! region for digital offers. Built from the database at start and changed only together with a
//! committed write (see `super::OfferWrites`), so it never goes stale. It also lists the published
//! offers by the FHIR ids that name them ([`reference_index`]).

use crate::store::search_index::{plan, IndexEntry, Plan, SearchQuery};
use crate::store::{geo_index, reference_index, OfferRef};
use forebyg_shared::offer::Offer;
use forebyg_shared::taxonomy::{Category, RegionCode};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Bound;

/// Sorts after every geohash character and `#`: the end of a cell's key range.
const CELL_END: char = '~';

#[derive(Debug, Default)]
pub struct OfferIndex {
    /// category → `{geohash8}#{id}` → entry.
    places: HashMap<Category, BTreeMap<String, IndexEntry>>,
    /// region → id → entry.
    digital: HashMap<RegionCode, BTreeMap<String, IndexEntry>>,
    /// id → where its entry is.
    slots: HashMap<String, Slot>,
    /// reference partition → the sort keys (`{region}#{id}`) of the published offers it names.
    refs: HashMap<String, BTreeSet<String>>,
    /// id → its entries in `refs`: (partition, sort key).
    ref_slots: HashMap<String, Vec<(String, String)>>,
}

#[derive(Debug)]
enum Slot {
    Place(Category, String),
    Digital(RegionCode),
}

impl OfferIndex {
    /// Replaces the entry of `offer` (removes it when the offer is no longer searchable).
    pub fn upsert(&mut self, offer: &Offer) {
        match self.slots.remove(&offer.id) {
            Some(Slot::Place(category, key)) => {
                self.places.get_mut(&category).map(|m| m.remove(&key));
            }
            Some(Slot::Digital(region)) => {
                self.digital.get_mut(&region).map(|m| m.remove(&offer.id));
            }
            None => {}
        }
        for (partition, key) in self.ref_slots.remove(&offer.id).into_iter().flatten() {
            // Places and providers come and go: an emptied partition is dropped, not kept.
            if let Some(keys) = self.refs.get_mut(&partition) {
                keys.remove(&key);
                if keys.is_empty() {
                    self.refs.remove(&partition);
                }
            }
        }
        let (location, organization) = reference_index::partitions(offer);
        let service = reference_index::service_alias(offer).filter(|_| offer.is_published()).map(|id| OfferRef::Service(id).partition());
        let entries: Vec<(String, String)> =
            location.into_iter().chain(organization).chain(service).map(|p| (p, reference_index::sort_key(offer))).collect();
        for (partition, key) in &entries {
            self.refs.entry(partition.clone()).or_default().insert(key.clone());
        }
        if !entries.is_empty() {
            self.ref_slots.insert(offer.id.clone(), entries);
        }
        let Some(entry) = IndexEntry::for_offer(offer) else { return };
        match entry.point {
            Some(point) => {
                let key = geo_index::sort_key(&geo_index::encode(point), &offer.id);
                self.slots.insert(offer.id.clone(), Slot::Place(offer.category, key.clone()));
                self.places.entry(offer.category).or_default().insert(key, entry);
            }
            None => {
                self.slots.insert(offer.id.clone(), Slot::Digital(offer.region));
                self.digital.entry(offer.region).or_default().insert(offer.id.clone(), entry);
            }
        }
    }

    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// The id of the first offer (by id) of `region` that `by` names.
    pub fn first_named(&self, by: &OfferRef, region: RegionCode) -> Option<&str> {
        let prefix = reference_index::region_prefix(region);
        let first = self.refs.get(&by.partition())?.range::<str, _>((Bound::Included(prefix.as_str()), Bound::Unbounded)).next()?;
        first.strip_prefix(prefix.as_str())
    }

    /// The matches of `query`, from the covering cells of the wanted categories only.
    pub fn plan(&self, query: &SearchQuery) -> Plan {
        let cells = if query.wants_places() { geo_index::cover(query.origin, query.params.radius_km) } else { vec![] };
        let near = query.categories().iter().filter_map(|c| self.places.get(c)).flat_map(|by_hash| {
            cells.iter().flat_map(move |cell| {
                let end = format!("{cell}{CELL_END}");
                by_hash.range::<str, _>((Bound::Included(cell.as_str()), Bound::Excluded(end.as_str()))).map(|(_, e)| e)
            })
        });
        let digital = self.digital.get(&query.region).into_iter().flat_map(|m| m.values());
        plan(query, cells.len(), near, digital)
    }
}
