//! Hand-written readers of the API's JSON documents, for the citizen bundle.
//!
//! The browser parses a body with `JSON.parse`; these readers walk the resulting JS value into the
//! `forebyg_shared` types. They replace serde's derived visitors + serde-wasm-bindgen (and the
//! float parsing and formatting those pulled in), which cost the citizen wasm 27.5 KB gzipped
//! (see "Browser bundles" in docs/benchmarks.md). The admin bundle keeps serde.
//!
//! The readers mirror the serde contract of each type: its field names and renames, `Option` fields
//! that may be missing or `null`, `#[serde(default)]`, the enums' codes and the `kind` tag of
//! [`Enrolment`]. A document serde would refuse (a missing required field, a wrong type, an unknown
//! code) gives `None`; unknown extra fields are ignored, as serde does. The native tests below pin
//! each reader to serde: every value serialised with serde_json must read back equal.
//!
//! Known, harmless differences from serde_json: a `null` where serde's default applies
//! (`Problem::errors`) reads as the default; a whole number written as `3.0` reads as an integer
//! and a `u64` above 2^53 - 1 is refused (a JS number cannot tell; serde-wasm-bindgen did the
//! same); and an array is never read as a struct.

use forebyg_shared::eligibility::Eligibility;
use forebyg_shared::geo::GeoPoint;
use forebyg_shared::offer::{AssociationLink, Contact, Cost, Enrolment, Location, Offer, Provider, ReferralRules, Schedule, TimeSlot};
use forebyg_shared::problem::Problem;
use forebyg_shared::referral::{ReferralReceipt, ReferralStatus};
use forebyg_shared::referral_route::ReferralMethod;
use forebyg_shared::search::{OfferHit, OfferSummary, PostcodeInfo, SearchOrigin, SearchResponse, SearchStats};
use forebyg_shared::taxonomy::{Capacity, Category, Condition, Format, Kronikerpakke, OfferStatus, ProviderKind, RegionCode, Weekday};
use forebyg_shared::validation::{ErrorCode, FieldError};
use forebyg_shared::Label;

/// A parsed JSON value: a JS value in the browser, a `serde_json::Value` in the native tests.
pub trait Json: Sized {
    /// An object's member; `None` when missing, `null`, or when this is not an object.
    fn field(&self, key: &str) -> Option<Self>;
    fn string(&self) -> Option<String>;
    fn number(&self) -> Option<f64>;
    fn boolean(&self) -> Option<bool>;
    /// An array's elements; `None` when this is not an array.
    fn items(&self) -> Option<Vec<Self>>;
    /// Whether this is an object (a struct whose fields are all optional needs to know).
    fn is_object(&self) -> bool;
}

/// A type read from a JSON value; `None` where serde would refuse the value.
pub trait FromJson: Sized {
    fn from_json<J: Json>(j: &J) -> Option<Self>;
}

/// A required member.
pub fn req<T: FromJson, J: Json>(j: &J, key: &str) -> Option<T> {
    T::from_json(&j.field(key)?)
}

/// An `Option` member: missing or `null` is `Some(None)`; a present value of the wrong shape fails
/// the whole document, as it does with serde.
pub fn opt<T: FromJson, J: Json>(j: &J, key: &str) -> Option<Option<T>> {
    match j.field(key) {
        None => Some(None),
        Some(v) => T::from_json(&v).map(Some),
    }
}

/// A `#[serde(default)]` member.
pub fn or_default<T: FromJson + Default, J: Json>(j: &J, key: &str) -> Option<T> {
    opt(j, key).map(Option::unwrap_or_default)
}

#[cfg(target_arch = "wasm32")]
impl Json for wasm_bindgen::JsValue {
    fn field(&self, key: &str) -> Option<Self> {
        // Reflect.get throws on a non-object (Err); JSON.parse never yields `undefined` members.
        js_sys::Reflect::get(self, &key.into()).ok().filter(|v| !v.is_null() && !v.is_undefined())
    }
    fn string(&self) -> Option<String> {
        self.as_string()
    }
    fn number(&self) -> Option<f64> {
        self.as_f64()
    }
    fn boolean(&self) -> Option<bool> {
        self.as_bool()
    }
    fn items(&self) -> Option<Vec<Self>> {
        use wasm_bindgen::JsCast;
        self.dyn_ref::<js_sys::Array>().map(|a| a.iter().collect())
    }
    fn is_object(&self) -> bool {
        // Arrays are JS objects too, but no reader asks an array for fields.
        wasm_bindgen::JsValue::is_object(self)
    }
}

#[cfg(test)]
impl Json for serde_json::Value {
    fn field(&self, key: &str) -> Option<Self> {
        self.get(key).filter(|v| !v.is_null()).cloned()
    }
    fn string(&self) -> Option<String> {
        self.as_str().map(str::to_owned)
    }
    fn number(&self) -> Option<f64> {
        self.as_f64()
    }
    fn boolean(&self) -> Option<bool> {
        self.as_bool()
    }
    fn items(&self) -> Option<Vec<Self>> {
        self.as_array().cloned()
    }
    fn is_object(&self) -> bool {
        serde_json::Value::is_object(self)
    }
}

impl FromJson for String {
    fn from_json<J: Json>(j: &J) -> Option<Self> {
        j.string()
    }
}

impl FromJson for bool {
    fn from_json<J: Json>(j: &J) -> Option<Self> {
        j.boolean()
    }
}

impl FromJson for f64 {
    fn from_json<J: Json>(j: &J) -> Option<Self> {
        j.number()
    }
}

/// A whole, non-negative number up to `max` (NaN fails every comparison).
fn whole(n: f64, max: f64) -> Option<u64> {
    (n >= 0.0 && n <= max && n.fract() == 0.0).then_some(n as u64)
}

macro_rules! unsigned {
    ($($t:ty = $max:expr;)+) => {$(
        impl FromJson for $t {
            fn from_json<J: Json>(j: &J) -> Option<Self> {
                whole(j.number()?, $max).map(|n| n as $t)
            }
        }
    )+};
}

unsigned! {
    u8 = u8::MAX as f64;
    u16 = u16::MAX as f64;
    u32 = u32::MAX as f64;
    // A JS number holds integers exactly up to 2^53 - 1 (Number.MAX_SAFE_INTEGER).
    u64 = 9_007_199_254_740_991.0;
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json<J: Json>(j: &J) -> Option<Self> {
        j.items()?.iter().map(T::from_json).collect()
    }
}

/// Any document, for answers the app does not read (like serde's `IgnoredAny`).
impl FromJson for () {
    fn from_json<J: Json>(_: &J) -> Option<Self> {
        Some(())
    }
}

/// The `code_enum!` types: serde writes them as their code.
macro_rules! codes {
    ($($t:ty),+) => {$(
        impl FromJson for $t {
            fn from_json<J: Json>(j: &J) -> Option<Self> {
                <$t>::from_code(&j.string()?)
            }
        }
    )+};
}

codes!(Category, Condition, Format, RegionCode, Kronikerpakke, Capacity, OfferStatus, ProviderKind, Weekday, ReferralStatus, ReferralMethod);

/// `#[serde(rename_all = "kebab-case")]`
impl FromJson for ErrorCode {
    fn from_json<J: Json>(j: &J) -> Option<Self> {
        Some(match j.string()?.as_str() {
            "required" => ErrorCode::Required,
            "invalid" => ErrorCode::Invalid,
            "out-of-range" => ErrorCode::OutOfRange,
            "unknown" => ErrorCode::Unknown,
            "too-long" => ErrorCode::TooLong,
            "too-short" => ErrorCode::TooShort,
            _ => return None,
        })
    }
}

/// `#[serde(tag = "kind", rename_all = "kebab-case")]`
impl FromJson for Enrolment {
    fn from_json<J: Json>(j: &J) -> Option<Self> {
        Some(match req::<String, J>(j, "kind")?.as_str() {
            "continuous" => Enrolment::Continuous,
            "course" => Enrolment::Course { sessions: req(j, "sessions")?, weeks: req(j, "weeks")? },
            _ => return None,
        })
    }
}

/// Every field is optional: only the object itself is required.
impl FromJson for Contact {
    fn from_json<J: Json>(j: &J) -> Option<Self> {
        if !j.is_object() {
            return None;
        }
        Some(Contact { name: opt(j, "name")?, phone: opt(j, "phone")?, email: opt(j, "email")?, url: opt(j, "url")? })
    }
}

/// A reader for a struct: each field with how it is read (`req`, `opt` or `or_default`) and, when
/// serde renames it, its JSON key. The struct literal lists every field, so a field added to a
/// shared type fails to compile here until its reader is added.
macro_rules! structs {
    ($($t:ident { $($field:ident: $how:ident $(($key:literal))?,)+ })+) => {$(
        impl FromJson for $t {
            fn from_json<J: Json>(j: &J) -> Option<Self> {
                Some($t { $($field: $how(j, structs!(@key $field $($key)?))?,)+ })
            }
        }
    )+};
    (@key $field:ident $key:literal) => { $key };
    (@key $field:ident) => { stringify!($field) };
}

structs! {
    Label { da: req, en: req, }
    GeoPoint { lat: req, lon: req, }
    FieldError { field: req, code: req, message: req, }
    Problem { kind: req("type"), title: req, status: req, detail: opt, errors: or_default, }
    SearchResponse { origin: req, radius_km: req, total: req, nearby: req, page: req, per_page: req, results: req, stats: req, }
    SearchOrigin { point: req, postcode: opt, place_name: opt, region: req, }
    SearchStats { cells: req, items_read: req, }
    OfferHit { offer: req, distance_km: opt, digital: req, }
    OfferSummary {
        id: req, title: req, summary: req, category: req, conditions: req, format: req, capacity: req, next_start: opt,
        continuous_enrolment: req, evening: req, weekend: req, city: opt, point: opt, provider_name: req, region: req,
        self_referral: req, demo: req,
    }
    PostcodeInfo { postcode: req, name: req, region: req, point: req, }
    Offer {
        id: req, title: req, summary: req, description: req, category: req, conditions: req, format: req, languages: req,
        schedule: req, location: opt, location_id: opt, region: req, provider: req, referral: req, eligibility: or_default, capacity: req, cost: req,
        accessibility: opt, contact: req, status: req, last_verified: req, kronikerpakke: opt, continue_afterwards: req,
        demo: req, version: req,
    }
    Schedule { enrolment: req, slots: req, next_start: opt, }
    TimeSlot { weekday: req, start: req, end: req, }
    Location { name: req, address: req, postcode: req, city: req, municipality_code: req, point: req, }
    Provider { id: req, name: req, kind: req, }
    ReferralRules { self_referral: req, from_gp: req, from_hospital: req, from_municipality: req, note: opt, methods: or_default, must_include: opt, }
    Eligibility { min_age: opt, max_age: opt, accepted_conditions: or_default, inclusion_note: opt, exclusion_note: opt, }
    Cost { dkk: req, note: opt, }
    AssociationLink { name: req, url: req, description: opt, }
    ReferralReceipt {
        receipt_code: req, offer_id: req, offer_title: req, status: req, created_on: req, updated_on: req, expires_on: req,
        waitlist: req,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::DeserializeOwned;
    use serde::Serialize;
    use serde_json::{json, Value};

    /// Serialised by serde, read back by the hand reader: the same value.
    fn round_trip<T: Serialize + FromJson + PartialEq + core::fmt::Debug>(value: &T) {
        let json = serde_json::to_value(value).unwrap();
        assert_eq!(T::from_json(&json).as_ref(), Some(value), "{json}");
    }

    /// The reader and serde agree on a document both must accept.
    fn both_read<T: DeserializeOwned + FromJson + PartialEq + core::fmt::Debug>(json: Value) -> T {
        let by_serde: T = serde_json::from_value(json.clone()).expect("serde reads it");
        assert_eq!(T::from_json(&json).as_ref(), Some(&by_serde), "{json}");
        by_serde
    }

    /// The reader and serde both refuse a document.
    fn both_refuse<T: DeserializeOwned + FromJson + core::fmt::Debug>(json: Value) {
        assert!(serde_json::from_value::<T>(json.clone()).is_err(), "serde accepts {json}");
        assert!(T::from_json(&json).is_none(), "the reader accepts {json}");
    }

    fn fixture() -> Offer {
        serde_json::from_str(include_str!("../../shared/tests/offer_fixture.json")).unwrap()
    }

    /// The fixture with every optional part filled in and a course enrolment.
    fn full_offer() -> Offer {
        let mut o = fixture();
        o.schedule.enrolment = Enrolment::Course { sessions: 8, weeks: 12 };
        o.schedule.next_start = Some("2027-02-01".into());
        o.schedule.slots.push(TimeSlot { weekday: Weekday::Sat, start: "09:30".into(), end: "11:00".into() });
        o.location_id = Some("loc-0161-1".into());
        o.referral.note = Some("Henvisning fra egen læge.".into());
        o.cost = Cost { dkk: 250, note: Some("Egenbetaling".into()) };
        o.contact = Contact { name: Some("Sundhedscenter".into()), phone: None, email: Some("a@b.dk".into()), url: Some("https://x.dk".into()) };
        o.kronikerpakke = Some(Kronikerpakke::Kol);
        o.continue_afterwards = vec![
            AssociationLink { name: "Gå-klubben".into(), url: "https://gaa.dk".into(), description: Some("Hver tirsdag".into()) },
            AssociationLink { name: "Svømning".into(), url: "https://svoem.dk".into(), description: None },
        ];
        o.version = 9_007_199_254_740_991;
        o
    }

    fn summary(o: &Offer) -> OfferSummary {
        OfferSummary::from(o)
    }

    fn search_response() -> SearchResponse {
        let mut digital = fixture();
        digital.id = "demo-000002".into();
        digital.format = Format::Digital;
        digital.location = None;
        SearchResponse {
            origin: SearchOrigin {
                point: GeoPoint::new(56.15312, 10.2039),
                postcode: Some("8000".into()),
                place_name: Some("Aarhus C".into()),
                region: RegionCode::Midtjylland,
            },
            radius_km: 12.5,
            total: 2,
            nearby: 1,
            page: 1,
            per_page: 20,
            results: vec![
                OfferHit { offer: summary(&full_offer()), distance_km: Some(3.25), digital: false },
                OfferHit { offer: summary(&digital), distance_km: None, digital: true },
            ],
            stats: SearchStats { cells: 12, items_read: 157 },
        }
    }

    fn receipt() -> ReferralReceipt {
        ReferralReceipt {
            receipt_code: "K7QM-4XRT".into(),
            offer_id: "demo-000001".into(),
            offer_title: "Lær at leve med kronisk sygdom".into(),
            status: ReferralStatus::Received,
            created_on: "2027-01-04".into(),
            updated_on: "2027-01-05".into(),
            expires_on: "2027-04-04".into(),
            waitlist: true,
        }
    }

    fn validation_problem() -> Problem {
        Problem::validation(vec![
            FieldError::new("postcode", ErrorCode::Unknown, "Vi kender ikke postnummer 1001.", "We do not know postcode 1001."),
            FieldError::required("name", "dit navn", "your name"),
        ])
    }

    #[test]
    fn offers_read_back_equal() {
        round_trip(&fixture());
        round_trip(&full_offer());
        let mut digital = fixture();
        digital.location = None;
        digital.accessibility = None;
        round_trip(&digital);
    }

    #[test]
    fn every_enrolment_kind() {
        for e in [Enrolment::Continuous, Enrolment::Course { sessions: 1, weeks: 65_535 }] {
            round_trip(&e);
        }
        both_read::<Enrolment>(json!({"kind": "course", "sessions": 8, "weeks": 8, "note": "ignored"}));
        both_refuse::<Enrolment>(json!({"kind": "drop-in"}));
        both_refuse::<Enrolment>(json!({"kind": "course", "sessions": 8}));
        both_refuse::<Enrolment>(json!({"kind": "course", "sessions": 8, "weeks": 65_536}));
        both_refuse::<Enrolment>(json!({"sessions": 8, "weeks": 8}));
        both_refuse::<Enrolment>(json!("continuous"));
    }

    #[test]
    fn search_answers_read_back_equal() {
        let r = search_response();
        assert!(r.results[0].offer.point.is_some() && r.results[1].offer.point.is_none());
        round_trip(&r);
        round_trip(&SearchOrigin { postcode: None, place_name: None, ..r.origin.clone() });
        round_trip(&PostcodeInfo { postcode: "8000".into(), name: "Aarhus C".into(), region: RegionCode::Midtjylland, point: r.origin.point });
        round_trip(&SearchResponse { results: vec![], ..r });
    }

    #[test]
    fn receipts_read_back_equal() {
        for &status in ReferralStatus::ALL {
            round_trip(&ReferralReceipt { status, waitlist: false, ..receipt() });
        }
    }

    #[test]
    fn problems_with_and_without_field_errors() {
        round_trip(&validation_problem());
        round_trip(&Problem::not_found("no offer demo-1"));
        round_trip(&Problem { detail: None, ..Problem::not_found("") });
        let p: Problem = both_read(json!({"type": "urn:forebyg:problem:not-found", "title": "Not found", "status": 404}));
        assert_eq!((p.detail, p.errors), (None, vec![]));
        // The reader takes an explicit null for the defaulted list (serde refuses it): harmless.
        let nulls = json!({"type": "x", "title": "t", "status": 500, "detail": null, "errors": null});
        assert_eq!(Problem::from_json(&nulls).map(|p| p.errors), Some(vec![]));
    }

    #[test]
    fn every_code_of_every_enum() {
        fn all<T: Serialize + FromJson + PartialEq + core::fmt::Debug>(values: &[T]) {
            for v in values {
                round_trip(v);
            }
        }
        all(Category::ALL);
        all(Condition::ALL);
        all(Format::ALL);
        all(RegionCode::ALL);
        all(Kronikerpakke::ALL);
        all(Capacity::ALL);
        all(OfferStatus::ALL);
        all(ProviderKind::ALL);
        all(Weekday::ALL);
        all(ReferralStatus::ALL);
        all(&[ErrorCode::Required, ErrorCode::Invalid, ErrorCode::OutOfRange, ErrorCode::Unknown, ErrorCode::TooLong, ErrorCode::TooShort]);
        both_refuse::<Category>(json!("yoga"));
        both_refuse::<ErrorCode>(json!("out_of_range"));
        both_refuse::<ErrorCode>(json!("OutOfRange"));
        both_refuse::<Weekday>(json!(1));
    }

    #[test]
    fn optional_fields_may_be_missing_or_null() {
        let mut json = serde_json::to_value(full_offer()).unwrap();
        let o = json.as_object_mut().unwrap();
        for key in ["location", "location_id", "accessibility", "kronikerpakke"] {
            o.remove(key);
        }
        o.insert("extra".into(), json!({"ignored": true}));
        let missing: Offer = both_read(json.clone());
        assert_eq!((missing.location, missing.location_id, missing.accessibility, missing.kronikerpakke), (None, None, None, None));
        let o = json.as_object_mut().unwrap();
        for key in ["location", "location_id", "accessibility", "kronikerpakke"] {
            o.insert(key.into(), Value::Null);
        }
        let nulls: Offer = both_read(json);
        assert_eq!(nulls.location, None);
        let hit: OfferHit = both_read(json!({"offer": serde_json::to_value(summary(&fixture())).unwrap(), "digital": true}));
        assert_eq!(hit.distance_km, None);
        let contact: Contact = both_read(json!({}));
        assert_eq!(contact.phone, None);
    }

    /// The offer fixture as JSON with one change.
    fn offer_with(path: &[&str], value: Option<Value>) -> Value {
        let mut json = serde_json::to_value(full_offer()).unwrap();
        let (last, parents) = path.split_last().unwrap();
        let parent = parents.iter().fold(&mut json, |v, k| &mut v[*k]).as_object_mut().unwrap();
        match value {
            Some(v) => parent.insert((*last).into(), v),
            None => parent.remove(*last),
        };
        json
    }

    #[test]
    fn refuses_what_serde_refuses() {
        // Missing required fields, at the top and nested.
        both_refuse::<Offer>(offer_with(&["title"], None));
        both_refuse::<Offer>(offer_with(&["schedule", "slots"], None));
        both_refuse::<Offer>(offer_with(&["location", "point", "lat"], None));
        both_refuse::<Offer>(offer_with(&["contact"], None));
        both_refuse::<Offer>(offer_with(&["version"], Some(Value::Null)));
        // Wrong types.
        both_refuse::<Offer>(offer_with(&["demo"], Some(json!("true"))));
        both_refuse::<Offer>(offer_with(&["languages"], Some(json!("da"))));
        both_refuse::<Offer>(offer_with(&["languages"], Some(json!(["da", 1]))));
        both_refuse::<Offer>(offer_with(&["accessibility"], Some(json!(5))));
        both_refuse::<Offer>(offer_with(&["location"], Some(json!("Glostrup"))));
        both_refuse::<Offer>(offer_with(&["contact"], Some(json!("x"))));
        both_refuse::<Offer>(offer_with(&["schedule", "enrolment"], Some(json!({"kind": 1}))));
        // Unknown codes.
        both_refuse::<Offer>(offer_with(&["category"], Some(json!("yoga"))));
        both_refuse::<Offer>(offer_with(&["schedule", "slots"], Some(json!([{"weekday": "monday", "start": "10:00", "end": "11:00"}]))));
        // Numbers out of the type's range.
        both_refuse::<Offer>(offer_with(&["cost", "dkk"], Some(json!(-1))));
        both_refuse::<Offer>(offer_with(&["cost", "dkk"], Some(json!(4_294_967_296u64))));
        both_refuse::<Offer>(offer_with(&["cost", "dkk"], Some(json!(2.5))));
        both_refuse::<Offer>(offer_with(&["version"], Some(json!(-3))));
        both_refuse::<SearchStats>(json!({"cells": -1, "items_read": 0}));
        both_refuse::<SearchStats>(json!({"cells": 1}));
        both_refuse::<Problem>(json!({"type": "x", "title": "t", "status": 70_000}));
        both_refuse::<Problem>(json!({"title": "t", "status": 500}));
        both_refuse::<Problem>(
            json!({"type": "x", "title": "t", "status": 422, "errors": [{"field": "q", "code": "bad", "message": {"da": "", "en": ""}}]}),
        );
        both_refuse::<FieldError>(json!({"field": "q", "code": "invalid", "message": {"da": "x"}}));
        both_refuse::<ReferralReceipt>(
            serde_json::to_value(receipt())
                .map(|mut v| {
                    v["status"] = json!("lost");
                    v
                })
                .unwrap(),
        );
        both_refuse::<SearchResponse>(json!("<html>"));
        both_refuse::<Vec<String>>(json!({"0": "a"}));
    }

    #[test]
    fn integers_up_to_each_types_limit() {
        assert_eq!(u16::from_json(&json!(65_535)), Some(u16::MAX));
        assert_eq!(u32::from_json(&json!(4_294_967_295u64)), Some(u32::MAX));
        assert_eq!(u32::from_json(&json!(0)), Some(0));
        assert_eq!(u64::from_json(&json!(9_007_199_254_740_991u64)), Some(9_007_199_254_740_991));
        assert_eq!(u32::from_json(&json!(-0.5)), None);
        assert_eq!(f64::from_json(&json!(-3)), Some(-3.0));
        assert_eq!(<()>::from_json(&json!("anything")), Some(()));
    }
}
