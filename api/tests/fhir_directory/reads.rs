//! Reads by id over HTTP (`Location/{id}`, `Organization/{id}`, `HealthcareService/{id}`) from a
//! store the test fills, on both stores: every answer equals what the reads answered when they
//! loaded the region's catalogue (and every region's after a miss), computed here the old way
//! ([`catalogue_read`]): the same resources, 404 OperationOutcomes with the same texts, cached
//! for 300 s; an archived offer is gone (410).

use super::support::{self, location_record, offer, provider_record, server::Server};
use forebyg_api::fhir::{self, Outcome};
use forebyg_api::store::{DirectoryStore, OfferStore};
use forebyg_shared::directory::DirectoryRecord;
use forebyg_shared::geo::GeoPoint;
use forebyg_shared::offer::{Offer, Provider};
use forebyg_shared::taxonomy::{Category, OfferStatus, ProviderKind, RegionCode};
use serde_json::Value;

const AARHUS: GeoPoint = GeoPoint::new(56.1530, 10.2040);

/// An offer at location record `location` (`None`: a place typed in, named `typed`) of
/// `provider`, in `region`. Each offer's copy of its place names its region, so an answer made
/// from the wrong offer shows.
fn at(id: &str, location: Option<&str>, provider: &str, region: RegionCode, status: OfferStatus) -> Offer {
    let mut o = offer(id, Category::Alkohol, Some(AARHUS));
    o.location_id = location.map(str::to_owned);
    let place = o.location.as_mut().unwrap();
    place.name = format!("{} ({})", location.unwrap_or("Skrevet ind"), region.code());
    if location.is_none() {
        place.name = "Skrevet ind".into();
    }
    o.provider = Provider { id: provider.into(), name: format!("Udbyder {provider} i {}", region.code()), kind: ProviderKind::Region };
    o.region = region;
    o.status = status;
    o
}

fn records() -> Vec<DirectoryRecord> {
    use RegionCode::*;
    let providers = [("prov-mid", Midtjylland), ("prov-nord", Nordjylland), ("prov-archived", Midtjylland)];
    let locations = [("loc-mid", "prov-mid", Midtjylland), ("loc-nord", "prov-nord", Nordjylland), ("loc-archived", "prov-archived", Midtjylland)];
    providers
        .into_iter()
        .map(|(id, r)| DirectoryRecord::Provider(provider_record(id, r)))
        .chain(locations.into_iter().map(|(id, p, r)| DirectoryRecord::Location(location_record(id, p, r))))
        .collect()
}

fn offers() -> Vec<Offer> {
    use OfferStatus::*;
    use RegionCode::*;
    vec![
        // A directory-backed place and provider: their region's first published offer, though
        // another region's and a draft have smaller ids.
        at("a-draft", Some("loc-mid"), "prov-mid", Midtjylland, Draft),
        at("a-syd", Some("loc-mid"), "prov-mid", Syddanmark, Published),
        at("b-mid", Some("loc-mid"), "prov-mid", Midtjylland, Published),
        at("c-mid", Some("loc-mid"), "prov-mid", Midtjylland, Published),
        // A record whose region holds none of its offers: the first of every region's.
        at("d-oest", Some("loc-nord"), "prov-nord", Oestdanmark, Published),
        at("e-syd", Some("loc-nord"), "prov-nord", Syddanmark, Published),
        // A place typed in, and a provider without a record: the first of every region's.
        at("f-typed", None, "prov-typed", Syddanmark, Published),
        at("g-typed", None, "prov-typed", Midtjylland, Published),
        // Only unpublished offers at a place and of a provider: 404.
        at("h-archived", Some("loc-archived"), "prov-archived", Midtjylland, Archived),
        // An offer id that is not a FHIR id, with a provider id that is not one either.
        at("Tilbud 1", Some("loc-mid"), "Gammel udbyder", Nordjylland, Published),
    ]
}

/// What a read answered when it loaded the published catalogue: the first published offer by
/// id that `names` in `region` (the record's), else in every region.
fn catalogue_read(offers: &[Offer], region: Option<RegionCode>, names: impl Fn(&Offer) -> bool) -> Option<&Offer> {
    let mut published: Vec<&Offer> = offers.iter().filter(|o| o.is_published()).collect();
    published.sort_by(|a, b| a.id.cmp(&b.id));
    region.and_then(|r| published.iter().find(|o| o.region == r && names(o)).copied()).or_else(|| published.into_iter().find(|o| names(o)))
}

fn assert_read(server: &Server, path: &str, expected: Result<Value, String>) {
    let res = server.get(path);
    assert_eq!(res.content_type, "application/fhir+json", "{path}");
    match expected {
        Ok(resource) => {
            assert_eq!((res.status, res.cache_control.as_str()), (200, "public, max-age=300"), "{path}: {}", res.body);
            assert_eq!(res.json::<Value>(), resource, "{path}");
        }
        Err(text) => {
            assert_eq!(res.status, 404, "{path}: {}", res.body);
            assert_eq!(res.json::<Value>(), Outcome::not_found(text).resource(), "{path}");
        }
    }
}

/// Fills the store (then dropped: the server opens it), starts the server on it, and compares
/// every read with the catalogue's answer.
pub fn reads_answer_as_the_catalogue_did(fill: impl FnOnce(Vec<DirectoryRecord>, Vec<Offer>), env: &[(&str, &str)], data: &std::path::Path) {
    let (records, offers) = (records(), offers());
    fill(records.clone(), offers.clone());
    let dist = tempfile::tempdir().unwrap();
    let server = Server::start_with(data, dist.path(), 0, env);
    let region_of = |id: &str, kind: &str| records.iter().find(|r| r.id() == id && r.kind() == kind).and_then(DirectoryRecord::region);
    let mut places: Vec<String> = offers.iter().filter_map(fhir::location_id).chain(["no-such-place".into(), "loc-unknown".into()]).collect();
    places.extend(records.iter().filter(|r| r.kind() == "location").map(|r| r.id().to_owned()));
    places.push(fhir::resource_id("location", "8000|unknown street 1|nowhere"));
    for id in places {
        let found = catalogue_read(&offers, region_of(&id, "location"), |o| fhir::location_id(o).as_deref() == Some(id.as_str()));
        let expected = found.and_then(fhir::location).ok_or_else(|| format!("No Location with id {id}."));
        assert_read(&server, &format!("/api/v1/fhir/Location/{id}"), expected);
    }
    let mut providers: Vec<String> = offers.iter().map(|o| fhir::organization_id(&o.provider)).chain(["no-such-provider".into()]).collect();
    providers.extend(records.iter().filter(|r| r.kind() == "provider").map(|r| r.id().to_owned()));
    providers.push("Gammel udbyder".into()); // a provider id that is not a FHIR id: only its UUID names it
    for id in providers {
        let found = catalogue_read(&offers, region_of(&id, "provider"), |o| fhir::organization_id(&o.provider) == id);
        let expected = found.map(fhir::organization).ok_or_else(|| format!("No Organization with id {id}."));
        assert_read(&server, &format!("/api/v1/fhir/Organization/{}", id.replace(' ', "%20")), expected);
    }
    let mut services: Vec<String> = offers.iter().map(|o| fhir::resource_id("service", &o.id)).collect();
    services.extend([fhir::resource_id("service", "Tilbud 2"), "no-such-offer".into()]);
    for id in services {
        if offers.iter().any(|o| o.id == id && o.status == OfferStatus::Archived) {
            // Archived: it existed, and a stored referral's performer may still name it (410).
            let res = server.get(&format!("/api/v1/fhir/HealthcareService/{id}"));
            let gone = Outcome::gone(format!("HealthcareService {id} is no longer offered (archived).")).resource();
            assert_eq!((res.status, res.content_type.as_str(), res.json::<Value>()), (410, "application/fhir+json", gone), "{id}");
            continue;
        }
        let found = catalogue_read(&offers, None, |o| fhir::resource_id("service", &o.id) == id);
        let expected = found.map(fhir::healthcare_service).ok_or_else(|| format!("No published HealthcareService with id {id}."));
        assert_read(&server, &format!("/api/v1/fhir/HealthcareService/{id}"), expected);
    }
    assert_read(&server, "/api/v1/fhir/Location/region-syddanmark", Ok(fhir::region_location(RegionCode::Syddanmark)));
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
}

#[test]
fn reads_by_id_on_the_embedded_store() {
    let data = tempfile::tempdir().unwrap();
    let fill = |records: Vec<DirectoryRecord>, offers: Vec<Offer>| {
        let store = forebyg_api::store::embedded::EmbeddedStore::open(data.path()).unwrap();
        runtime().block_on(async {
            store.put_directory(&records).await.unwrap();
            store.put_offers(&offers).await.unwrap();
        });
    };
    reads_answer_as_the_catalogue_did(fill, &[], data.path());
}

#[test]
fn reads_by_id_on_dynamodb_local() {
    let local = support::dynamodb_local::DynamoDbLocal::start();
    let data = tempfile::tempdir().unwrap();
    let rt = runtime();
    let store = rt.block_on(support::dynamo(&local));
    let fill = |records: Vec<DirectoryRecord>, offers: Vec<Offer>| {
        rt.block_on(async {
            store.put_directory(&records).await.unwrap();
            store.put_offers(&offers).await.unwrap();
        })
    };
    let env = [("FOREBYG_STORE", "dynamodb"), ("FOREBYG_DYNAMODB_ENDPOINT", local.endpoint.as_str()), ("FOREBYG_TABLE", store.table())];
    reads_answer_as_the_catalogue_did(fill, &env, data.path());
}
