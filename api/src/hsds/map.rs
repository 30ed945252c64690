//! Offers to HSDS 3.0 objects. Optional fields without a value are left out (see [`prune`]).

use super::{id, prune, Term};
use forebyg_shared::date::add_days;
use forebyg_shared::offer::{Enrolment, Offer};
use forebyg_shared::taxonomy::{Capacity, RegionCode};
use forebyg_shared::Lang;
use serde_json::{json, Value};

/// iCalendar day codes, Monday first as [`Weekday::ALL`](forebyg_shared::taxonomy::Weekday).
const BYDAY: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/// Danish names of the languages offers are given in (ISO 639-1).
fn language_name(code: &str) -> Option<&'static str> {
    Some(match code {
        "da" => "Dansk",
        "en" => "Engelsk",
        "de" => "Tysk",
        "ar" => "Arabisk",
        "tr" => "Tyrkisk",
        "uk" => "Ukrainsk",
        "pl" => "Polsk",
        "so" => "Somali",
        "ur" => "Urdu",
        "fa" => "Persisk",
        "sv" => "Svensk",
        "no" | "nb" => "Norsk",
        _ => return None,
    })
}

/// Only absolute http(s) URLs (HSDS `format: uri`).
fn web_url(url: &Option<String>) -> Option<&str> {
    url.as_deref().filter(|u| (u.starts_with("https://") || u.starts_with("http://")) && !u.contains(char::is_whitespace))
}

/// Only plausible addresses (HSDS `format: email`).
fn email(email: &Option<String>) -> Option<&str> {
    email.as_deref().filter(|e| e.split_once('@').is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.')) && !e.contains(' '))
}

pub(crate) fn how_to_join(o: &Offer) -> String {
    let r = &o.referral;
    let mut text = vec![];
    if r.self_referral {
        text.push("Du kan selv tilmelde dig.".to_owned());
    }
    let referrers: Vec<&str> =
        [(r.from_gp, "egen læge"), (r.from_hospital, "hospitalet"), (r.from_municipality, "kommunen")].iter().filter(|w| w.0).map(|w| w.1).collect();
    if !referrers.is_empty() {
        text.push(format!("Du kan henvises af {}.", referrers.join(", ")));
    }
    text.extend(r.note.clone());
    if !r.methods.is_empty() {
        let how: Vec<&str> = r.methods.iter().map(|m| m.label(Lang::Da)).collect();
        text.push(format!("Henvisningsvej: {}.", how.join("; ")));
    }
    text.extend(r.must_include.as_ref().map(|m| format!("Henvisningen skal indeholde: {}.", m.da.trim_end_matches('.'))));
    text.join(" ")
}

/// The conditions the offer is for, then its structured criteria in words.
fn eligibility_text(o: &Offer) -> String {
    let e = &o.eligibility;
    let conditions = o.conditions.iter().map(|c| c.label(Lang::Da)).collect::<Vec<_>>().join(", ");
    let mut text = vec![format!("For borgere med: {conditions}.")];
    let criteria = [e.age_text(), e.conditions_text(), e.inclusion_note.clone()];
    text.extend(criteria.into_iter().flatten().map(|l| format!("{}.", capitalise(l.da.trim_end_matches('.')))));
    text.extend(e.exclusion_note.as_ref().map(|n| format!("Ikke for: {}.", n.da.trim_end_matches('.'))));
    text.extend(e.residence_text(&o.area()).map(|r| format!("{}.", capitalise(&r.da))));
    text.join(" ")
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

pub(crate) fn fees(o: &Offer) -> String {
    let price = if o.cost.dkk == 0 { "Gratis.".to_owned() } else { format!("{} kr.", o.cost.dkk) };
    o.cost.note.as_ref().map_or(price.clone(), |n| format!("{price} {n}"))
}

/// One schedule per weekly slot (times in Danish local time); a course without slots gets one
/// with its start date.
fn schedules(o: &Offer, service_id: &str) -> Vec<Value> {
    let s = &o.schedule;
    let (notes, valid_to) = match s.enrolment {
        Enrolment::Continuous => ("Løbende optag.".to_owned(), None),
        Enrolment::Course { sessions, weeks } => {
            (format!("Forløb med {sessions} gange over {weeks} uger."), s.next_start.as_deref().map(|d| add_days(d, i64::from(weeks) * 7 - 1)))
        }
    };
    let base = |key: String, description: String| {
        json!({
            "id": id("schedule", &format!("{}#{key}", o.id)), "service_id": service_id, "valid_from": s.next_start, "dtstart": s.next_start,
            "valid_to": valid_to, "description": description, "notes": notes, "attending_type": o.format.label(Lang::Da),
        })
    };
    let mut out: Vec<Value> = s
        .slots
        .iter()
        .enumerate()
        .map(|(i, slot)| {
            let mut v = base(i.to_string(), format!("{} {}–{} (dansk tid).", slot.weekday.label(Lang::Da), slot.start, slot.end));
            let day = BYDAY[forebyg_shared::taxonomy::Weekday::ALL.iter().position(|w| *w == slot.weekday).unwrap_or(0)];
            for (k, val) in [("freq", "WEEKLY"), ("wkst", "MO"), ("byday", day), ("opens_at", &slot.start), ("closes_at", &slot.end)] {
                v[k] = json!(val);
            }
            prune(v)
        })
        .collect();
    if out.is_empty() {
        if let (Enrolment::Course { .. }, Some(start)) = (&s.enrolment, &s.next_start) {
            out.push(prune(base("start".into(), format!("Næste forløb starter {start}."))));
        }
    }
    out
}

/// The category and the conditions as attributes linking taxonomy terms.
fn attributes(o: &Offer, service_id: &str) -> Vec<Value> {
    let terms = std::iter::once((Term::Category(o.category), "category")).chain(o.conditions.iter().map(|&c| (Term::Condition(c), "eligibility")));
    terms
        .map(|(term, link_type)| {
            json!({
                "id": id("attribute", &format!("{}#{}", o.id, term.id())), "link_id": service_id, "link_type": link_type,
                "link_entity": "service", "taxonomy_term_id": term.id(), "taxonomy_term": term.to_hsds(false),
            })
        })
        .collect()
}

/// The offer as an HSDS service; `full` nests its organization and service_at_location.
pub fn service(o: &Offer, full: bool) -> Value {
    let sid = id("service", &o.id);
    let c = &o.contact;
    let phones: Vec<Value> = c.phone.iter().map(|p| json!({"id": id("phone", &o.id), "service_id": sid, "number": p, "type": "voice"})).collect();
    let contacts: Vec<Value> = (c.name.is_some() || email(&c.email).is_some())
        .then(|| prune(json!({"id": id("contact", &o.id), "service_id": sid, "name": c.name, "email": email(&c.email)})))
        .into_iter()
        .collect();
    let languages: Vec<Value> = o
        .languages
        .iter()
        .map(|l| prune(json!({"id": id("language", &format!("{}#{l}", o.id)), "service_id": sid, "code": l, "name": language_name(l)})))
        .collect();
    let alert = matches!(o.capacity, Capacity::Waitlist | Capacity::Full).then(|| o.capacity.label(Lang::Da));
    let mut v = json!({
        "id": sid, "organization_id": id("organization", &o.provider.id), "name": o.title,
        "description": format!("{}\n\n{}", o.summary.trim(), o.description.trim()).trim().to_owned(),
        "url": web_url(&c.url), "email": email(&c.email), "status": "active", "application_process": how_to_join(o),
        "fees_description": fees(o), "alert": alert, "eligibility_description": eligibility_text(o),
        "minimum_age": o.eligibility.min_age, "maximum_age": o.eligibility.max_age,
        "assured_date": o.last_verified, "phones": phones, "contacts": contacts, "languages": languages,
        "schedules": schedules(o, &sid), "attributes": attributes(o, &sid),
    });
    if full {
        v["organization"] = organization(&[o]);
        v["service_at_locations"] = json!(o.location.as_ref().map(|_| service_at_location(o, true)).into_iter().collect::<Vec<_>>());
    }
    prune(v)
}

/// The key that makes one HSDS location of offers at the same place: the location record's id
/// (so the HSDS id survives an address change), or for a place typed in, its postcode, address
/// and name.
pub fn location_key(o: &Offer) -> Option<String> {
    match (&o.location_id, &o.location) {
        (Some(id), Some(_)) => Some(format!("record:{id}")),
        (None, Some(l)) => Some(format!("{}|{}|{}", l.postcode.trim(), l.address.trim().to_lowercase(), l.name.trim().to_lowercase())),
        (_, None) => None,
    }
}

/// The offer at its place; `full` nests the location.
pub fn service_at_location(o: &Offer, full: bool) -> Value {
    let l = o.location.as_ref().expect("an offer with a place");
    let key = location_key(o).expect("an offer with a place");
    let mut v = json!({
        "id": id("service_at_location", &o.id), "service_id": id("service", &o.id), "location_id": id("location", &key),
        "description": format!("{} – {}", o.title, if l.name.is_empty() { &l.address } else { &l.name }),
    });
    if full {
        v["location"] = location(&[o]);
    }
    v
}

/// A place, from the offers held there (all share its name, address and postcode).
pub fn location(offers: &[&Offer]) -> Value {
    let o = offers[0];
    let l = o.location.as_ref().expect("an offer with a place");
    let key = location_key(o).expect("an offer with a place");
    let lid = id("location", &key);
    let single_provider = offers.iter().all(|x| x.provider.id == o.provider.id);
    prune(json!({
        "id": lid, "location_type": "physical", "name": if l.name.is_empty() { &l.address } else { &l.name },
        "organization_id": single_provider.then(|| id("organization", &o.provider.id)), "latitude": l.point.lat, "longitude": l.point.lon,
        "addresses": [{
            "id": id("address", &key), "location_id": lid, "address_1": l.address, "city": l.city, "postal_code": l.postcode,
            "state_province": o.region.label(Lang::Da), "country": "DK", "address_type": "physical",
        }],
        "accessibility": o.accessibility.as_ref().map(|a| vec![json!({"id": id("accessibility", &key), "location_id": lid, "description": a})]),
    }))
}

/// A provider, from its offers.
pub fn organization(offers: &[&Offer]) -> Value {
    let p = &offers[0].provider;
    let mut regions: Vec<RegionCode> = offers.iter().map(|o| o.region).collect();
    regions.sort();
    regions.dedup();
    let regions: Vec<&str> = regions.iter().map(|r| r.label(Lang::Da)).collect();
    // A URN keeps the Forebyg provider id, when it is a plain slug.
    let urn = p.id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.').then(|| format!("urn:forebyg:provider:{}", p.id));
    prune(json!({
        "id": id("organization", &p.id), "name": p.name, "uri": urn,
        "description": format!("{} med forebyggelsestilbud i {}.", p.kind.label(Lang::Da), regions.join(" og ")),
    }))
}
