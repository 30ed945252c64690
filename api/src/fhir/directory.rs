//! Offers, places and providers as FHIR R4 `HealthcareService`, `Location` and `Organization`.
//! Each resource is a function of one offer, so a resource reads the same whether it is read by
//! id, found by a search or included in one.

use super::code_systems::System;
use super::{identifier_system, prune, resource_id};
use crate::hsds::map::{fees, how_to_join, location_key};
use forebyg_shared::geography;
use forebyg_shared::offer::{Enrolment, Offer, Provider};
use forebyg_shared::referral_route::ReferralMethod;
use forebyg_shared::taxonomy::{Capacity, ProviderKind, RegionCode};
use forebyg_shared::Lang;
use serde_json::{json, Value};

/// The HL7 SDOH Clinical Care extension for a service's capacity, and its code system.
pub const CAPACITY_EXTENSION: &str = "http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/SDOHCC-ExtensionHealthcareServiceCapacityStatus";
pub const CAPACITY_CODES: &str = "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes";
/// DK-core's identifier systems for kommunekode and regionskode.
pub const KOMMUNEKODE_SYSTEM: &str = "http://hl7.dk/fhir/core/CodeSystem/dk-core-municipality-codes";
pub const REGIONSKODE_SYSTEM: &str = "urn:iso:std:iso:3166:-2";
/// DK-core's SOR identifier system (Sundhedsvæsenets Organisationsregister).
pub const SOR_SYSTEM: &str = "urn:oid:1.2.208.176.1.1";
const REFERRAL_METHOD: &str = "http://terminology.hl7.org/CodeSystem/service-referral-method";
const PROVISION: &str = "http://terminology.hl7.org/CodeSystem/service-provision-conditions";
const BCP47: &str = "urn:ietf:bcp:47";

/// Demo offers carry the HL7 "test health data" security tag: never to be taken for real.
fn meta(o: &Offer) -> Value {
    if o.demo {
        json!({"tag": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActReason", "code": "HTEST", "display": "test health data"}]})
    } else {
        Value::Null
    }
}

/// SDOH capacity code of an offer's capacity.
pub fn capacity_code(c: Capacity) -> &'static str {
    match c {
        Capacity::Open | Capacity::FewPlaces => "capacity",
        Capacity::Waitlist => "no-capacity-has-waitlist",
        Capacity::Full => "no-capacity",
    }
}

fn capacity_display(code: &str) -> &'static str {
    match code {
        "capacity" => "Has Capacity",
        "no-capacity-has-waitlist" => "No Capacity - Has Waitlist",
        _ => "No Capacity",
    }
}

/// How a referral is sent (`forebyg-referral-method`), each also in HL7's referral-method codes;
/// none stated (older records) means through Forebyg.
fn referral_methods(o: &Offer) -> Vec<Value> {
    let methods = if o.referral.methods.is_empty() { vec![ReferralMethod::Forebyg] } else { o.referral.methods.clone() };
    methods
        .into_iter()
        .map(|m| {
            let (code, display) = match m {
                ReferralMethod::Electronic | ReferralMethod::Forebyg => ("elec", "Secure Messaging"),
                ReferralMethod::Phone => ("phone", "Phone"),
            };
            let mut c = System::ReferralMethod.concept(m.code());
            c["coding"].as_array_mut().expect("a concept has codings").push(json!({"system": REFERRAL_METHOD, "code": code, "display": display}));
            c
        })
        .collect()
}

/// The structured criteria: one entry per accepted condition (or one without a code when any
/// condition is accepted), the age limits and the inclusion and exclusion notes as the comment.
fn eligibility(o: &Offer) -> Vec<Value> {
    let e = &o.eligibility;
    let mut comment: Vec<String> = e.age_text().map(|a| format!("Kun {}.", a.da)).into_iter().collect();
    comment.extend(e.residence_text(&o.area()).map(|r| format!("Bopæl: {}.", r.da)));
    comment.extend(e.inclusion_note.as_ref().map(|n| format!("Inklusion: {}", n.da.trim())));
    comment.extend(e.exclusion_note.as_ref().map(|n| format!("Eksklusion: {}", n.da.trim())));
    let comment = comment.join(" ");
    if e.accepted_conditions.is_empty() {
        return (!comment.is_empty()).then(|| json!({"comment": comment})).into_iter().collect();
    }
    e.accepted_conditions.iter().map(|c| prune(json!({"code": System::Condition.concept(c.code()), "comment": comment}))).collect()
}

fn available_times(o: &Offer) -> Vec<Value> {
    o.schedule
        .slots
        .iter()
        .map(|s| json!({"daysOfWeek": [s.weekday.code()], "availableStartTime": format!("{}:00", s.start), "availableEndTime": format!("{}:00", s.end)}))
        .collect()
}

fn availability_exceptions(o: &Offer) -> String {
    let s = &o.schedule;
    let mut text = match s.enrolment {
        Enrolment::Continuous => "Løbende optag.".to_owned(),
        Enrolment::Course { sessions, weeks } => format!("Forløb med {sessions} gange over {weeks} uger."),
    };
    if let Some(start) = &s.next_start {
        text.push_str(&format!(" Næste start {start}."));
    }
    if !s.slots.is_empty() {
        text.push_str(" Tiderne er dansk tid.");
    }
    text
}

/// Evening, weekend and continuous enrolment, and who may refer (or sign up themself).
fn characteristics(o: &Offer) -> Vec<Value> {
    let s = &o.schedule;
    [(s.has_evening(), "evening"), (s.has_weekend(), "weekend"), (s.enrolment == Enrolment::Continuous, "continuous-enrolment")]
        .into_iter()
        .filter(|c| c.0)
        .map(|(_, code)| System::Characteristic.concept(code))
        .chain(o.referral.referrers().into_iter().map(|k| System::ReferralRoute.concept(k.code())))
        .collect()
}

fn telecom(o: &Offer) -> Vec<Value> {
    let c = &o.contact;
    [("phone", &c.phone), ("email", &c.email), ("url", &c.url)]
        .into_iter()
        .filter_map(|(system, v)| v.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(|v| json!({"system": system, "value": v, "use": "work"})))
        .collect()
}

fn extra_details(o: &Offer) -> String {
    let mut parts = vec![o.description.trim().to_owned(), format!("**Sådan kommer du med:** {}", how_to_join(o)), format!("**Pris:** {}", fees(o))];
    parts.extend(o.referral.must_include.as_ref().map(|m| format!("**Henvisningen skal indeholde:** {}", m.da.trim())));
    parts.extend(o.accessibility.as_ref().map(|a| format!("**Tilgængelighed:** {}", a.trim())));
    parts.retain(|p| !p.is_empty());
    parts.join("\n\n")
}

pub fn organization_id(p: &Provider) -> String {
    resource_id("organization", &p.id)
}

fn reference(kind: &str, id: &str, display: &str) -> Value {
    json!({"reference": format!("{kind}/{id}"), "display": display})
}

/// An offer as a `HealthcareService` (see the mapping table in `api/docs/fhir.md`).
pub fn healthcare_service(o: &Offer) -> Value {
    let place_name = o.location.as_ref().map(|l| if l.name.is_empty() { &l.address } else { &l.name });
    let capacity = capacity_code(o.capacity);
    prune(json!({
        "resourceType": "HealthcareService",
        "id": resource_id("service", &o.id),
        "meta": meta(o),
        "extension": [{
            "url": CAPACITY_EXTENSION,
            "valueCodeableConcept": {"coding": [{"system": CAPACITY_CODES, "code": capacity, "display": capacity_display(capacity)}], "text": o.capacity.label(Lang::Da)},
        }],
        "identifier": [{"system": identifier_system("offer"), "value": o.id}],
        "active": true,
        "providedBy": reference("Organization", &organization_id(&o.provider), &o.provider.name),
        "category": [System::Category.concept(o.category.code())],
        "type": [System::Format.concept(o.format.code())],
        "specialty": o.conditions.iter().map(|c| System::Condition.concept(c.code())).collect::<Vec<_>>(),
        "location": location_id(o).zip(place_name).map(|(id, name)| vec![reference("Location", &id, name)]),
        "name": o.title.trim(),
        "comment": o.summary.trim(),
        "extraDetails": extra_details(o),
        "telecom": telecom(o),
        "coverageArea": o.location.is_none().then(|| vec![reference("Location", &region_location_id(o.region), o.region.label(Lang::Da))]),
        "serviceProvisionCode": [{"coding": [{"system": PROVISION, "code": if o.cost.dkk == 0 { "free" } else { "cost" }}], "text": fees(o)}],
        "eligibility": eligibility(o),
        // Packages are records now; the code system lists the known ones' stable codes.
        "program": Some(o.packages.iter().filter_map(|d| forebyg_shared::taxonomy::Kronikerpakke::from_code(&d.package)).map(|k| System::Kronikerpakke.concept(k.code())).collect::<Vec<_>>()).filter(|p| !p.is_empty()),
        "characteristic": characteristics(o),
        "communication": o.languages.iter().map(|l| json!({"coding": [{"system": BCP47, "code": l.trim()}]})).collect::<Vec<_>>(),
        "referralMethod": referral_methods(o),
        "appointmentRequired": !o.referral.self_referral,
        "availableTime": available_times(o),
        "availabilityExceptions": availability_exceptions(o),
    }))
}

/// The `Location` id of an offer's place: the location record's id, or for a place typed in the
/// HSDS export's UUID of its postcode, address and name. `None` for digital-only offers.
pub fn location_id(o: &Offer) -> Option<String> {
    match (&o.location_id, &o.location) {
        (Some(record), Some(_)) if super::is_fhir_id(record) => Some(record.clone()),
        _ => location_key(o).map(|key| crate::hsds::id("location", &key)),
    }
}

/// An offer's place as a `Location` with its address and position.
pub fn location(o: &Offer) -> Option<Value> {
    let l = o.location.as_ref()?;
    Some(prune(json!({
        "resourceType": "Location",
        "id": location_id(o)?,
        "meta": meta(o),
        "identifier": o.location_id.as_ref().map(|id| vec![json!({"system": identifier_system("location"), "value": id})]),
        "status": "active",
        "name": if l.name.trim().is_empty() { l.address.trim() } else { l.name.trim() },
        "mode": "instance",
        "address": {
            "use": "work", "type": "physical", "line": [l.address.trim()], "city": l.city.trim(), "postalCode": l.postcode.trim(),
            "district": geography::municipality(&l.municipality_code).map(|m| m.name), "state": o.region.label(Lang::Da), "country": "DK",
        },
        "position": {"longitude": l.point.lon, "latitude": l.point.lat},
    })))
}

pub fn region_location_id(r: RegionCode) -> String {
    format!("region-{}", r.code())
}

/// A region as a jurisdiction `Location`: the coverage area of its digital offers.
pub fn region_location(r: RegionCode) -> Value {
    prune(json!({
        "resourceType": "Location",
        "id": region_location_id(r),
        "identifier": r.iso().map(|iso| vec![json!({"system": REGIONSKODE_SYSTEM, "value": iso})]),
        "status": "active",
        "name": r.label(Lang::Da),
        "mode": "instance",
        "physicalType": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/location-physical-type", "code": "jdn", "display": "Jurisdiction"}]},
        "address": {"state": r.label(Lang::Da), "country": "DK"},
    }))
}

/// The kommunekode of a municipality provider, from its name ("Aarhus Kommune", "Københavns
/// Kommune", "Bornholms Regionskommune").
fn kommunekode(p: &Provider) -> Option<&'static str> {
    if p.kind != ProviderKind::Municipality {
        return None;
    }
    let name = p.name.trim().to_lowercase();
    geography::municipalities()
        .iter()
        .find(|m| {
            let m = m.name.to_lowercase();
            [format!("{m} kommune"), format!("{m}s kommune"), format!("{m}s regionskommune"), format!("{m} regionskommune")].contains(&name)
        })
        .map(|m| m.code)
}

/// An offer's provider as an `Organization`, with DK-core identifiers where Forebyg knows them:
/// the kommunekode of a municipality, the regionskode (ISO 3166-2) of a region that has one.
pub fn organization(o: &Offer) -> Value {
    let p = &o.provider;
    let regionskode = (p.kind == ProviderKind::Region).then(|| o.region.iso()).flatten();
    let identifiers: Vec<Value> = std::iter::once(json!({"system": identifier_system("provider"), "value": p.id}))
        .chain(kommunekode(p).map(|k| json!({"use": "official", "system": KOMMUNEKODE_SYSTEM, "value": k})))
        .chain(regionskode.map(|r| json!({"use": "official", "system": REGIONSKODE_SYSTEM, "value": r})))
        .collect();
    prune(json!({
        "resourceType": "Organization",
        "id": organization_id(p),
        "meta": meta(o),
        "identifier": identifiers,
        "active": true,
        "type": [System::ProviderKind.concept(p.kind.code())],
        "name": p.name.trim(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kommunekode_from_the_municipalitys_name() {
        let p = |name: &str, kind| Provider { id: "x".into(), name: name.into(), kind };
        assert_eq!(kommunekode(&p("Aarhus Kommune", ProviderKind::Municipality)), Some("0751"));
        assert_eq!(kommunekode(&p("Københavns Kommune", ProviderKind::Municipality)), Some("0101"));
        assert_eq!(kommunekode(&p("Aarhus Kommune", ProviderKind::Association)), None);
        assert_eq!(kommunekode(&p("Sundhedscenter Aarhus", ProviderKind::Municipality)), None);
    }
}
