//! `HealthcareService` search: the parameters (strict: unknown ones and bad values are 400s), the
//! matches (near a place: the citizen search's own [`crate::search::find`]) and the searchset Bundle.

use super::code_systems::{parse_token, System};
use super::directory::{healthcare_service, location, organization};
use super::outcome::{Issue, Outcome};
use crate::store::OfferStore;
use forebyg_shared::geo::{round_km, GeoPoint, DENMARK};
use forebyg_shared::offer::Offer;
use forebyg_shared::search::{SearchParams, DEFAULT_RADIUS_KM, MAX_RADIUS_KM, MIN_RADIUS_KM};
use forebyg_shared::taxonomy::{Category, Condition, Format};
use serde_json::{json, Value};
use std::collections::BTreeSet;

pub const DEFAULT_COUNT: usize = 20;
pub const MAX_COUNT: usize = 100;
pub const MAX_PAGE: usize = 10_000;

/// The search parameters served: (name, FHIR type, documentation). The CapabilityStatement lists
/// exactly these; anything else is refused.
pub const PARAMS: [(&str, &str, &str); 10] = [
    ("location", "reference", "Offers held at this Location: `Location/<id>` or the id, as `HealthcareService.location` and `_include=HealthcareService:location` give it; comma-separated values are alternatives."),
    ("location.near", "special", "Offers within a distance of a point, as the citizen search: `lat|lon|distance|km` (distance 1–300 km, default 25; units `km` or `m`), nearest first, then the digital offers of the point's region."),
    ("location.address-postalcode", "string", "Offers whose place's postcode starts with this value (FHIR string matching); comma-separated values are alternatives."),
    ("service-category", "token", "The intervention (CodeSystem forebyg-category), e.g. `fysisk-aktivitet`."),
    ("service-type", "token", "The format: `on-site`, `digital` or `hybrid` (CodeSystem forebyg-format)."),
    ("specialty", "token", "A target condition (CodeSystem forebyg-condition), e.g. `kol`."),
    ("_id", "token", "The HealthcareService id."),
    ("_count", "number", "Entries per page, 0–100 (default 20; 0 gives only the total)."),
    ("_page", "number", "The page, from 1; follow the Bundle's `next`/`previous` links."),
    ("_include", "special", "`HealthcareService:location` and/or `HealthcareService:organization` (alias `HealthcareService:providedBy`)."),
];

/// A parsed search. Each list holds one entry per occurrence of the parameter (all must match);
/// an occurrence holds its comma-separated alternatives (any may match).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DirectorySearch {
    pub near: Option<(GeoPoint, f64)>,
    pub postcodes: Vec<Vec<String>>,
    pub categories: Vec<Vec<Category>>,
    pub formats: Vec<Vec<Format>>,
    pub conditions: Vec<Vec<Condition>>,
    pub ids: Vec<Vec<String>>,
    /// `Location` ids (without the `Location/`).
    pub locations: Vec<Vec<String>>,
    pub count: usize,
    pub page: usize,
    pub include_location: bool,
    pub include_organization: bool,
}

/// `_pretty` (every interaction may carry it): accepted; answers are compact JSON either way.
pub fn pretty(value: &str) -> Result<(), Issue> {
    if value == "true" || value == "false" {
        Ok(())
    } else {
        Err(Issue::invalid("_pretty", format!("_pretty is true or false, not `{value}`.")))
    }
}

pub fn number(name: &str, value: &str, min: usize, max: usize) -> Result<usize, Issue> {
    value
        .parse::<usize>()
        .ok()
        .filter(|n| (min..=max).contains(n))
        .ok_or_else(|| Issue::invalid(name, format!("{name} must be a whole number from {min} to {max}, not `{value}`.")))
}

fn tokens<T>(name: &str, value: &str, system: System, from_code: fn(&str) -> Option<T>) -> Result<Vec<T>, Issue> {
    value
        .split(',')
        .map(|v| {
            parse_token(system, v.trim()).and_then(from_code).ok_or_else(|| {
                let codes: Vec<&str> = system.concepts().iter().map(|c| c.code).collect();
                Issue::invalid(name, format!("Unknown {name} `{v}`: use a code of {} ({}).", system.url(), codes.join(", ")))
            })
        })
        .collect()
}

/// `lat|lon|distance|units` (FHIR's `near`), distance and units optional.
fn near(value: &str) -> Result<(GeoPoint, f64), Issue> {
    let bad = |why: &str| {
        Issue::invalid("location.near", format!("location.near must be `latitude|longitude|distance|units`, e.g. `56.15|10.2|25|km`: {why}"))
    };
    let parts: Vec<&str> = value.split('|').map(str::trim).collect();
    if !(2..=4).contains(&parts.len()) {
        return Err(bad("give two to four parts."));
    }
    let coordinate = |s: &str, min: f64, max: f64, what: &str| {
        s.parse::<f64>().ok().filter(|v| (min..=max).contains(v)).ok_or_else(|| bad(&format!("{what} `{s}` is not in Denmark.")))
    };
    let lat = coordinate(parts[0], DENMARK.min.lat, DENMARK.max.lat, "latitude")?;
    let lon = coordinate(parts[1], DENMARK.min.lon, DENMARK.max.lon, "longitude")?;
    let factor = match parts.get(3).copied().unwrap_or("km") {
        "km" | "[km]" => 1.0,
        "m" | "[m]" => 0.001,
        other => return Err(bad(&format!("units `{other}` are not km or m."))),
    };
    let km = match parts.get(2).filter(|d| !d.is_empty()) {
        None => DEFAULT_RADIUS_KM,
        Some(d) => d
            .parse::<f64>()
            .ok()
            .map(|d| d * factor)
            .filter(|km| (MIN_RADIUS_KM..=MAX_RADIUS_KM).contains(km))
            .ok_or_else(|| bad(&format!("the distance `{d}` must be a number from {MIN_RADIUS_KM} to {MAX_RADIUS_KM} km.")))?,
    };
    Ok((GeoPoint::new(lat, lon), km))
}

impl DirectorySearch {
    /// Parses decoded query pairs; every problem is reported at once.
    pub fn parse<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<DirectorySearch, Outcome> {
        let mut s = DirectorySearch { count: DEFAULT_COUNT, page: 1, ..DirectorySearch::default() };
        let mut issues = vec![];
        for (name, value) in pairs {
            let value = value.trim();
            let result: Result<(), Issue> = match name {
                _ if value.is_empty() => Err(Issue::invalid(name, format!("{name} has no value."))),
                "location.near" if s.near.is_some() => Err(Issue::invalid(name, "Give location.near once.")),
                "location.near" => near(value).map(|n| s.near = Some(n)),
                "location.address-postalcode" => value
                    .split(',')
                    .map(|p| Some(p.trim()).filter(|p| (1..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())).map(str::to_owned))
                    .collect::<Option<Vec<_>>>()
                    .map(|p| s.postcodes.push(p))
                    .ok_or_else(|| Issue::invalid(name, format!("A Danish postcode has up to four digits, not `{value}`."))),
                "location" => value
                    .split(',')
                    .map(|l| Some(l.trim()).map(|l| l.strip_prefix("Location/").unwrap_or(l)).filter(|l| super::is_fhir_id(l)).map(str::to_owned))
                    .collect::<Option<Vec<_>>>()
                    .map(|l| s.locations.push(l))
                    .ok_or_else(|| Issue::invalid(name, format!("location is a Location: `Location/<id>` or the id, not `{value}`."))),
                "service-category" => tokens(name, value, System::Category, Category::from_code).map(|v| s.categories.push(v)),
                "service-type" => tokens(name, value, System::Format, Format::from_code).map(|v| s.formats.push(v)),
                "specialty" => tokens(name, value, System::Condition, Condition::from_code).map(|v| s.conditions.push(v)),
                "_id" => {
                    s.ids.push(value.split(',').map(|v| v.trim().to_owned()).collect());
                    Ok(())
                }
                "_count" => number(name, value, 0, MAX_COUNT).map(|n| s.count = n),
                "_page" => number(name, value, 1, MAX_PAGE).map(|n| s.page = n),
                "_include" => match value {
                    "HealthcareService:location" => {
                        s.include_location = true;
                        Ok(())
                    }
                    "HealthcareService:organization" | "HealthcareService:providedBy" => {
                        s.include_organization = true;
                        Ok(())
                    }
                    _ => Err(Issue::not_supported(
                        name,
                        format!("_include `{value}` is not supported: use HealthcareService:location or HealthcareService:organization."),
                    )),
                },
                // Its value was checked before the search (`fhir::format`, 406 unless JSON).
                "_format" => Ok(()),
                "_pretty" => pretty(value),
                _ => {
                    let known: Vec<&str> = PARAMS.iter().map(|p| p.0).collect();
                    Err(Issue::not_supported(name, format!("Unknown search parameter `{name}`; supported: {}, _format, _pretty.", known.join(", "))))
                }
            };
            issues.extend(result.err());
        }
        if issues.is_empty() {
            Ok(s)
        } else {
            Err(Outcome::bad_request(issues))
        }
    }

    /// Whether an offer passes every filter but the place.
    pub fn matches(&self, o: &Offer) -> bool {
        let postcode = o.location.as_ref().map(|l| l.postcode.trim());
        self.categories.iter().all(|any| any.contains(&o.category))
            && self.formats.iter().all(|any| any.contains(&o.format))
            && self.conditions.iter().all(|any| any.iter().any(|c| o.conditions.contains(c)))
            && self.postcodes.iter().all(|any| postcode.is_some_and(|pc| any.iter().any(|p| pc.starts_with(p.as_str()))))
            && self.ids.iter().all(|any| any.iter().any(|id| *id == super::resource_id("service", &o.id)))
            && (self.locations.is_empty() || {
                let at = super::directory::location_id(o);
                self.locations.iter().all(|any| any.iter().any(|l| at.as_deref() == Some(l.as_str())))
            })
    }

    /// The citizen search for the same place and filters (`None` without `location.near`).
    pub fn citizen_params(&self) -> Option<SearchParams> {
        let (point, radius_km) = self.near?;
        let single = |sets: &[Vec<Format>]| match sets {
            [only] if only.len() == 1 => Some(only[0]),
            _ => None,
        };
        Some(SearchParams { point: Some(point), radius_km, format: single(&self.formats), ..SearchParams::default() })
    }
}

/// Every match in result order, with its distance in km when found near a place.
pub async fn matches(store: &dyn OfferStore, q: &DirectorySearch) -> Result<Vec<(Option<f64>, Offer)>, Outcome> {
    let all: Vec<(Option<f64>, Offer)> = match q.citizen_params() {
        Some(params) => {
            let found = crate::search::find(store, &params).await.map_err(Outcome::from)?;
            found.near.into_iter().map(|(d, o)| (Some(d), o)).chain(found.digital.into_iter().map(|o| (None, o))).collect()
        }
        None => crate::hsds::Catalog::load(store, None).await?.offers().iter().map(|o| (None, o.clone())).collect(),
    };
    Ok(all.into_iter().filter(|(_, o)| q.matches(o)).collect())
}

/// The searchset Bundle of one page of matches. `base` is the FHIR base URL; `query` the request's
/// decoded pairs, repeated in the paging links with `_page` replaced.
pub fn bundle(q: &DirectorySearch, matches: &[(Option<f64>, Offer)], base: &str, query: &[(String, String)]) -> Value {
    let total = matches.len();
    let page: Vec<&(Option<f64>, Offer)> = matches.iter().skip((q.page - 1).saturating_mul(q.count)).take(q.count).collect();
    let mut entries: Vec<Value> = page
        .iter()
        .map(|(km, o)| {
            let r = healthcare_service(o);
            let mut search = json!({"mode": "match"});
            if let Some(km) = km {
                let km = round_km(*km);
                search["extension"] = json!([{
                    "url": "http://hl7.org/fhir/StructureDefinition/location-distance",
                    "valueDistance": {"value": km, "unit": "km", "system": "http://unitsofmeasure.org", "code": "km"},
                }]);
            }
            json!({"fullUrl": format!("{base}/HealthcareService/{}", r["id"].as_str().unwrap_or_default()), "resource": r, "search": search})
        })
        .collect();
    let mut seen = BTreeSet::new();
    for (_, o) in &page {
        let included = [
            q.include_location.then(|| location(o)).flatten().map(|l| ("Location", l)),
            q.include_organization.then(|| ("Organization", organization(o))),
        ];
        for (kind, r) in included.into_iter().flatten() {
            let full_url = format!("{base}/{kind}/{}", r["id"].as_str().unwrap_or_default());
            if seen.insert(full_url.clone()) {
                entries.push(json!({"fullUrl": full_url, "resource": r, "search": {"mode": "include"}}));
            }
        }
    }
    searchset(total, page_links(&format!("{base}/HealthcareService"), query, q.page, q.count, total), entries)
}

/// A searchset's paging links (`self`, `first`, `previous`, `next`, `last`) at `url` (the search's
/// absolute address without its query): the request's decoded pairs with `_page` replaced.
pub fn page_links(url: &str, query: &[(String, String)], page: usize, count: usize, total: usize) -> Vec<Value> {
    let link = |relation: &str, n: usize| {
        let mut q = form_urlencoded::Serializer::new(String::new());
        for (k, v) in query.iter().filter(|(k, _)| k != "_page") {
            q.append_pair(k, v);
        }
        q.append_pair("_page", &n.to_string());
        json!({"relation": relation, "url": format!("{url}?{}", q.finish())})
    };
    let mut links = vec![link("self", page), link("first", 1)];
    if count == 0 {
        // `_count=0` asks for the total only: there are no pages to walk, so no last page.
        return links;
    }
    let last = total.div_ceil(count).max(1);
    if page > 1 {
        links.push(link("previous", (page - 1).min(last)));
    }
    if page < last {
        links.push(link("next", page + 1));
    }
    links.push(link("last", last));
    links
}

/// A `searchset` Bundle of `total` matches with its links and this page's entries.
pub fn searchset(total: usize, links: Vec<Value>, entries: Vec<Value>) -> Value {
    let mut b = json!({"resourceType": "Bundle", "type": "searchset", "total": total, "link": links});
    if !entries.is_empty() {
        b["entry"] = Value::Array(entries); // FHIR has no empty arrays
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(q: &[(&str, &str)]) -> Result<DirectorySearch, Outcome> {
        DirectorySearch::parse(q.iter().copied())
    }

    #[test]
    fn parses_every_parameter() {
        let s = parse(&[
            ("location.near", "56.15|10.2|10|km"),
            ("service-category", "fysisk-aktivitet,http://forebyg.dk/fhir/CodeSystem/forebyg-category|alkohol"),
            ("service-type", "on-site"),
            ("specialty", "kol"),
            ("location.address-postalcode", "8000,80"),
            ("_count", "5"),
            ("_page", "2"),
            ("_include", "HealthcareService:location"),
            ("_include", "HealthcareService:providedBy"),
        ])
        .unwrap();
        assert_eq!(s.near, Some((GeoPoint::new(56.15, 10.2), 10.0)));
        assert_eq!(s.categories, vec![vec![Category::FysiskAktivitet, Category::Alkohol]]);
        assert_eq!((s.count, s.page, s.include_location, s.include_organization), (5, 2, true, true));
        assert_eq!(parse(&[("location.near", "56.15|10.2|5000|m")]).unwrap().near.unwrap().1, 5.0);
        assert_eq!(parse(&[("location.near", "56.15|10.2")]).unwrap().near.unwrap().1, DEFAULT_RADIUS_KM);
        assert_eq!(parse(&[("location.near", "56.15|10.2")]).unwrap().citizen_params().unwrap().radius_km, DEFAULT_RADIUS_KM);
    }

    #[test]
    fn refuses_unknown_parameters_and_bad_values_all_at_once() {
        let bad = parse(&[
            ("name", "x"),
            ("service-category", "yoga"),
            ("location.near", "48.8|2.3|10|km"),
            ("_count", "101"),
            ("_include", "HealthcareService:endpoint"),
            ("location.address-postalcode", "80000"),
            ("specialty:text", "kol"),
            ("_page", "0"),
        ])
        .unwrap_err();
        assert_eq!(bad.status, 400);
        let params: Vec<&str> = bad.issues.iter().map(|i| i.expression.as_deref().unwrap()).collect();
        assert_eq!(
            params,
            ["name", "service-category", "location.near", "_count", "_include", "location.address-postalcode", "specialty:text", "_page"]
        );
        assert!(parse(&[("location.near", "56|10|2|miles")]).is_err());
        assert!(parse(&[("location.near", "56|10|400")]).is_err());
    }

    #[test]
    fn count_zero_links_self_and_first_only() {
        let q = vec![("_count".to_owned(), "0".to_owned())];
        let links = super::page_links("https://x/fhir/HealthcareService", &q, 1, 0, 2888);
        let relations: Vec<&str> = links.iter().map(|l| l["relation"].as_str().unwrap()).collect();
        assert_eq!(relations, ["self", "first"]);
        let with_pages = super::page_links("https://x/fhir/HealthcareService", &q, 1, 10, 25);
        assert_eq!(with_pages.last().unwrap()["url"], "https://x/fhir/HealthcareService?_count=0&_page=3");
    }
}
