//! Open Referral HSDS 3.0 export of the published offers (see `api/docs/hsds.md`): providers are
//! organizations, offers services, places locations, an offer at its place a service_at_location,
//! and categories and conditions two taxonomies. Objects are `serde_json::Value`s shaped by the
//! official schemas; ids are stable UUIDs derived from Forebyg's ids ([`id`]).

mod activities;
pub(crate) mod map;
mod packages;

use crate::store::{DirectoryStore, OfferStore, StoreError};
use forebyg_shared::activity::{ActivityRecord, AssociationRecord};
use forebyg_shared::offer::Offer;
use forebyg_shared::package::PackageRecord;
use forebyg_shared::taxonomy::{Category, Condition, RegionCode};
use forebyg_shared::Lang;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use uuid::Uuid;

/// The namespace of every HSDS id Forebyg derives (UUID v5, RFC 9562).
pub const NAMESPACE: Uuid = uuid::uuid!("983e0f81-1a75-4cd8-ab6c-074419abeedc");

/// The stable UUID of a Forebyg entity: `kind` (e.g. `service`) and its key (e.g. the offer id).
pub fn id(kind: &str, key: &str) -> String {
    Uuid::new_v5(&NAMESPACE, format!("{kind}:{key}").as_bytes()).to_string()
}

/// Drops `null` members (HSDS fields are optional, never null), recursively.
pub fn prune(value: Value) -> Value {
    match value {
        Value::Object(m) => Value::Object(m.into_iter().filter(|(_, v)| !v.is_null()).map(|(k, v)| (k, prune(v))).collect::<Map<_, _>>()),
        Value::Array(a) => Value::Array(a.into_iter().map(prune).collect()),
        v => v,
    }
}

/// The published offers and active association activities of one region or of all, ordered by
/// id, with the associations running them and the packages offers deliver components of.
pub struct Catalog {
    offers: Vec<Offer>,
    activities: Vec<ActivityRecord>,
    associations: BTreeMap<String, AssociationRecord>,
    packages: Vec<PackageRecord>,
}

/// One item of an export list: from an offer or from an association activity.
enum Item<'a, T> {
    Offer(T),
    Activity(&'a ActivityRecord),
}

impl Catalog {
    /// The published offers only.
    pub async fn load(store: &dyn OfferStore, region: Option<RegionCode>) -> Result<Self, StoreError> {
        let regions = region.map_or_else(|| RegionCode::ALL.to_vec(), |r| vec![r]);
        // The regions' partitions are read at once, not one after the other.
        let read = futures_util::future::try_join_all(regions.into_iter().map(|r| store.region_offers(r))).await?;
        let mut offers: Vec<Offer> = read.into_iter().flatten().filter(Offer::is_published).collect();
        offers.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(Catalog { offers, activities: vec![], associations: BTreeMap::new(), packages: vec![] })
    }

    /// Adds the active activities of the same regions, their associations and the packages.
    pub async fn with_activities(mut self, directory: &dyn DirectoryStore, region: Option<RegionCode>) -> Result<Self, StoreError> {
        for r in region.map_or_else(|| RegionCode::ALL.to_vec(), |r| vec![r]) {
            self.associations.extend(directory.region_associations(r).await?.into_iter().map(|a| (a.id.clone(), a)));
            self.activities.extend(directory.region_activities(r).await?.into_iter().filter(ActivityRecord::is_active));
        }
        self.activities.sort_by(|a, b| a.id.cmp(&b.id));
        // Only the associations whose activities are exported.
        let activities = &self.activities;
        self.associations.retain(|id, _| activities.iter().any(|a| &a.association_id == id));
        self.packages = directory.packages().await?;
        Ok(self)
    }

    /// The published offers, ordered by id.
    pub fn offers(&self) -> &[Offer] {
        &self.offers
    }

    fn offer_service(&self, o: &Offer, full: bool) -> Value {
        let mut v = map::service(o, full);
        let extra = packages::attributes(o, &id("service", &o.id), &self.packages);
        if let (false, Some(list)) = (extra.is_empty(), v.get_mut("attributes").and_then(Value::as_array_mut)) {
            list.extend(extra);
        }
        v
    }

    fn activity_service(&self, a: &ActivityRecord, full: bool) -> Value {
        activities::service(a, self.associations.get(&a.association_id), full)
    }

    /// Offers, then activities.
    fn items<'a, T>(&'a self, offers: impl Iterator<Item = T>) -> Vec<Item<'a, T>> {
        offers.map(Item::Offer).chain(self.activities.iter().map(Item::Activity)).collect()
    }

    /// One page of services (with schedules, attributes, contacts, phones and languages).
    pub fn services(&self, page: Paging) -> Value {
        page.of(&self.items(self.offers.iter()), |item| match item {
            Item::Offer(o) => self.offer_service(o, false),
            Item::Activity(a) => self.activity_service(a, false),
        })
    }

    /// The fully nested service with this HSDS id: with its organization and service_at_locations.
    pub fn service(&self, hsds_id: &str) -> Option<Value> {
        match self.offers.iter().find(|o| id("service", &o.id) == hsds_id) {
            Some(o) => Some(self.offer_service(o, true)),
            None => self.activities.iter().find(|a| activities::service_id(a) == hsds_id).map(|a| self.activity_service(a, true)),
        }
    }

    pub fn service_at_locations(&self, page: Paging) -> Value {
        let placed = self.items(self.offers.iter().filter(|o| o.location.is_some()));
        page.of(&placed, |item| match item {
            Item::Offer(o) => map::service_at_location(o, false),
            Item::Activity(a) => activities::service_at_location(a, false),
        })
    }

    /// One organization per provider, ordered by provider id, then the associations.
    pub fn organizations(&self, page: Paging) -> Value {
        let mut providers: BTreeMap<&str, Vec<&Offer>> = BTreeMap::new();
        for o in &self.offers {
            providers.entry(o.provider.id.as_str()).or_default().push(o);
        }
        let mut items: Vec<Result<Vec<&Offer>, &AssociationRecord>> = providers.into_values().map(Ok).collect();
        items.extend(self.associations.values().map(Err));
        page.of(&items, |item| match item {
            Ok(offers) => map::organization(offers),
            Err(association) => activities::organization(association),
        })
    }

    /// One location per location record or distinct typed place, ordered by its key, then one
    /// per activity.
    pub fn locations(&self, page: Paging) -> Value {
        let mut places: BTreeMap<String, Vec<&Offer>> = BTreeMap::new();
        for o in &self.offers {
            if let Some(key) = map::location_key(o) {
                places.entry(key).or_default().push(o);
            }
        }
        let places = self.items(places.into_values());
        page.of(&places, |item| match item {
            Item::Offer(offers) => map::location(offers),
            Item::Activity(a) => activities::location(a),
        })
    }
}

/// The three taxonomies: categories (the interventions), conditions (the target groups) and the
/// kronikerpakker.
pub fn taxonomies(page: Paging) -> Value {
    page.of(&[TAXONOMIES[0], TAXONOMIES[1], packages::TAXONOMY], |t| taxonomy(*t))
}

/// Every category and condition as a taxonomy term, with its code and Danish name, then every
/// package and its components.
pub fn taxonomy_terms(page: Paging, packages: &[PackageRecord]) -> Value {
    let fixed = Category::ALL.iter().map(|&c| Term::Category(c)).chain(Condition::ALL.iter().map(|&c| Term::Condition(c))).map(|t| t.to_hsds(true));
    let terms: Vec<Value> = fixed.chain(packages::terms(packages)).collect();
    page.of(&terms, Value::clone)
}

/// (key, name, description) of the two taxonomies.
const TAXONOMIES: [(&str, &str, &str); 2] = [
    ("category", "Forebyg: indsatser", "Forebyggelsesindsatser i de nationale kvalitetsstandarder, plus stress, angst og depression."),
    ("condition", "Forebyg: målgrupper", "De kroniske sygdomme og tilstande, tilbuddene er rettet mod."),
];

fn taxonomy((key, name, description): (&str, &str, &str)) -> Value {
    json!({"id": id("taxonomy", key), "name": name, "description": description, "version": "1"})
}

/// A category or condition as an HSDS taxonomy term.
#[derive(Clone, Copy)]
pub enum Term {
    Category(Category),
    Condition(Condition),
}

impl Term {
    fn parts(self) -> (&'static str, &'static str, &'static str, String) {
        match self {
            Term::Category(c) => ("category", c.code(), c.label(Lang::Da), c.description(Lang::Da).to_owned()),
            Term::Condition(c) => ("condition", c.code(), c.label(Lang::Da), format!("Tilbud til borgere med {}.", c.label(Lang::Da).to_lowercase())),
        }
    }

    pub fn id(self) -> String {
        let (taxonomy, code, ..) = self.parts();
        id("taxonomy_term", &format!("{taxonomy}:{code}"))
    }

    /// The term; `detail` nests its taxonomy.
    pub fn to_hsds(self, detail: bool) -> Value {
        let (taxonomy_key, code, name, description) = self.parts();
        let t = TAXONOMIES.iter().copied().find(|t| t.0 == taxonomy_key).expect("a known taxonomy");
        prune(json!({
            "id": self.id(), "code": code, "name": name, "description": description, "taxonomy": format!("forebyg-{taxonomy_key}"),
            "taxonomy_id": id("taxonomy", taxonomy_key), "language": "da", "taxonomy_detail": detail.then(|| taxonomy(t)),
        }))
    }
}

/// A page request: `page` from 1, `per_page` items.
#[derive(Debug, Clone, Copy)]
pub struct Paging {
    pub page: usize,
    pub per_page: usize,
}

impl Paging {
    /// The HSDS `Page` of `items`, mapping only the items on the page.
    fn of<T>(self, items: &[T], f: impl Fn(&T) -> Value) -> Value {
        let total = items.len();
        let total_pages = total.div_ceil(self.per_page).max(1);
        let contents: Vec<Value> = items.iter().skip((self.page - 1).saturating_mul(self.per_page)).take(self.per_page).map(f).collect();
        json!({
            "total_items": total, "total_pages": total_pages, "page_number": self.page, "size": contents.len(),
            "first_page": self.page == 1, "last_page": self.page >= total_pages, "empty": contents.is_empty(), "contents": contents,
        })
    }
}
