//! Association activities in the HSDS export: associations are organizations, activities their
//! services, each at its own location (keys `association:{id}` and `activity:{id}`, so they never
//! collide with providers' and offers').

use super::{id, prune, Term};
use forebyg_shared::activity::{ActivityRecord, AssociationRecord};
use forebyg_shared::Lang;
use serde_json::{json, Value};

fn key(a: &ActivityRecord) -> String {
    format!("activity:{}", a.id)
}

pub fn organization_id(association_id: &str) -> String {
    id("organization", &format!("association:{association_id}"))
}

pub fn service_id(a: &ActivityRecord) -> String {
    id("service", &key(a))
}

/// An association as an HSDS organization (the CVR number as its tax id).
pub fn organization(x: &AssociationRecord) -> Value {
    let umbrella = x.umbrella.as_ref().map(|u| format!(", under {u}")).unwrap_or_default();
    prune(json!({
        "id": organization_id(&x.id), "name": x.name, "tax_id": x.cvr, "uri": format!("urn:forebyg:association:{}", x.id),
        "description": format!("Lokal forening{umbrella} med aktiviteter at fortsætte i efter et forløb, i {}.", x.region.label(Lang::Da)),
    }))
}

/// An activity as an HSDS service of its association; `full` nests the organization and the
/// service_at_location.
pub fn service(a: &ActivityRecord, association: Option<&AssociationRecord>, full: bool) -> Value {
    let sid = service_id(a);
    let k = key(a);
    let price = if a.price.dkk == 0 { "Gratis.".to_owned() } else { format!("{} kr.", a.price.dkk) };
    let fees = [Some(price), a.price.note.clone(), a.subsidy.clone(), a.free_trial.then(|| "Prøv gratis første gang.".to_owned())]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let schedules: Vec<Value> = a
        .schedule
        .slots
        .iter()
        .enumerate()
        .map(|(i, slot)| {
            let day = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
                [forebyg_shared::taxonomy::Weekday::ALL.iter().position(|w| *w == slot.weekday).unwrap_or(0)];
            prune(json!({
                "id": id("schedule", &format!("{k}#{i}")), "service_id": sid, "freq": "WEEKLY", "wkst": "MO", "byday": day,
                "opens_at": slot.start, "closes_at": slot.end, "notes": a.schedule.note,
                "description": format!("{} {}–{} (dansk tid).", slot.weekday.label(Lang::Da), slot.start, slot.end),
            }))
        })
        .collect();
    let attributes: Vec<Value> = a
        .conditions
        .iter()
        .map(|&c| {
            let term = Term::Condition(c);
            json!({
                "id": id("attribute", &format!("{k}#{}", term.id())), "link_id": sid, "link_type": "eligibility", "link_entity": "service",
                "taxonomy_term_id": term.id(), "taxonomy_term": term.to_hsds(false),
            })
        })
        .collect();
    let phones: Vec<Value> =
        a.contact.phone.iter().map(|p| json!({"id": id("phone", &k), "service_id": sid, "number": p, "type": "voice"})).collect();
    let eligibility = a.conditions.iter().map(|c| c.label(Lang::Da)).collect::<Vec<_>>().join(", ");
    let mut v = json!({
        "id": sid, "organization_id": organization_id(&a.association_id), "name": a.name, "description": a.description,
        "status": "active", "fees_description": fees, "eligibility_description": format!("Passer til: {eligibility}. Intensitet: {}.", a.intensity.label(Lang::Da).to_lowercase()),
        "assured_date": a.last_verified, "phones": phones, "schedules": schedules, "attributes": attributes,
    });
    if full {
        v["organization"] =
            association.map_or_else(|| json!({"id": organization_id(&a.association_id), "name": "", "description": ""}), organization);
        v["service_at_locations"] = json!([service_at_location(a, true)]);
    }
    prune(v)
}

/// The activity at its place; `full` nests the location.
pub fn service_at_location(a: &ActivityRecord, full: bool) -> Value {
    let mut v = json!({
        "id": id("service_at_location", &key(a)), "service_id": service_id(a), "location_id": id("location", &key(a)),
        "description": format!("{} – {}", a.name, a.place.name),
    });
    if full {
        v["location"] = location(a);
    }
    v
}

/// The activity's place.
pub fn location(a: &ActivityRecord) -> Value {
    let k = key(a);
    let lid = id("location", &k);
    let p = &a.place;
    prune(json!({
        "id": lid, "location_type": "physical", "name": if p.name.is_empty() { &p.address } else { &p.name },
        "organization_id": organization_id(&a.association_id), "latitude": p.point.lat, "longitude": p.point.lon,
        "addresses": [{
            "id": id("address", &k), "location_id": lid, "address_1": p.address, "city": p.city, "postal_code": p.postcode,
            "state_province": a.region.label(Lang::Da), "country": "DK", "address_type": "physical",
        }],
        "accessibility": a.accessibility.as_ref().map(|d| vec![json!({"id": id("accessibility", &k), "location_id": lid, "description": d})]),
    }))
}
