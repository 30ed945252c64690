//! The offer search contract: query parameters (parsed the same way in the browser's URL and on
//! the server) and the response.

use crate::geo::{GeoPoint, DENMARK};
use crate::taxonomy::{Category, Condition, Format};
use crate::validation::{self, ErrorCode, FieldError};

pub mod alternatives;
pub mod clinician;
mod facets;
mod filter;
#[cfg(feature = "openapi")]
mod params_doc;
mod relax;
#[cfg(feature = "openapi")]
pub use params_doc::PlaceParams;
pub use relax::{Relaxable, RelaxedFilter};
mod response;
mod words;

pub use facets::Facets;
pub use response::*;

pub const DEFAULT_RADIUS_KM: f64 = 25.0;
pub const MAX_RADIUS_KM: f64 = 300.0;
pub const MIN_RADIUS_KM: f64 = 1.0;
pub const DEFAULT_PER_PAGE: u32 = 20;
pub const MAX_PER_PAGE: u32 = 50;
pub const MAX_PAGE: u32 = 1000;
pub const MAX_QUERY_CHARS: usize = 100;
pub const MAX_STARTS_WITHIN_WEEKS: u32 = 52;
/// The most pins a search returns for the map.
pub const MAX_PINS: usize = 500;
/// Fewer on-site matches than this within the radius: the response suggests a wider search.
pub const NEAR_EMPTY: u32 = 3;
/// The radii a wider search tries, in order, beyond the searched one.
pub const WIDER_RADII_KM: [f64; 4] = [50.0, 100.0, 200.0, MAX_RADIUS_KM];

/// Result order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Nearest first (the default).
    #[default]
    Distance,
    /// Soonest start first: continuous enrolment, then by next start date, then by distance.
    NextStart,
}

impl Sort {
    pub fn code(self) -> &'static str {
        match self {
            Sort::Distance => "distance",
            Sort::NextStart => "next-start",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [Sort::Distance, Sort::NextStart].into_iter().find(|s| s.code() == code)
    }
}

/// A search as it lives in a URL query: `?postcode=8000&category=fysisk-aktivitet&radius_km=25`.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchParams {
    pub postcode: Option<String>,
    pub point: Option<GeoPoint>,
    pub radius_km: f64,
    /// Any of these categories (empty: all).
    pub categories: Vec<Category>,
    pub condition: Option<Condition>,
    /// Only offers delivering a component of this kronikerpakke (its code, e.g. `kol`).
    pub package: Option<String>,
    pub format: Option<Format>,
    /// Free text matched against title, summary, description, provider and the category's and
    /// conditions' labels; each word must match, allowing for æ/ae, endings and lay or English
    /// words (see `words.rs`).
    pub q: Option<String>,
    /// Only teams outside working hours: weekday evenings and/or weekends (either matches).
    pub evening: bool,
    pub weekend: bool,
    /// Only offers one can start within this many weeks (continuous enrolment always can).
    pub starts_within_weeks: Option<u32>,
    /// Only continuous enrolment.
    pub continuous: bool,
    /// Only offers given in this language (ISO 639-1, e.g. `en`).
    pub language: Option<String>,
    /// Only offers one can sign up for oneself.
    pub self_referral: bool,
    /// Only offers with places (open or few places left).
    pub available: bool,
    pub sort: Sort,
    pub page: u32,
    pub per_page: u32,
    /// Also return every on-site match's pin for the map (`pins=true`).
    pub pins: bool,
}

impl Default for SearchParams {
    fn default() -> Self {
        SearchParams {
            postcode: None,
            point: None,
            radius_km: DEFAULT_RADIUS_KM,
            categories: vec![],
            condition: None,
            package: None,
            format: None,
            q: None,
            evening: false,
            weekend: false,
            starts_within_weeks: None,
            continuous: false,
            language: None,
            self_referral: false,
            available: false,
            sort: Sort::Distance,
            page: 1,
            per_page: DEFAULT_PER_PAGE,
            pins: false,
        }
    }
}

impl SearchParams {
    /// Parses decoded query pairs. Unknown parameter names are ignored (tracking tags, future
    /// filters); bad values of known ones are errors, all reported at once.
    pub fn parse<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Self, Vec<FieldError>> {
        let mut p = SearchParams::default();
        let mut errors = vec![];
        let (mut lat, mut lon) = (None, None);
        let mut keep = |r: Result<(), FieldError>| {
            if let Err(e) = r {
                errors.push(e)
            }
        };
        for (key, value) in pairs {
            let value = value.trim();
            if value.is_empty() {
                continue; // An empty form field means "not set".
            }
            match key {
                "postcode" => keep(validation::postcode_format(key, value).map(|_| p.postcode = Some(value.to_owned()))),
                "lat" => keep(validation::number_in_range(key, value, DENMARK.min.lat, DENMARK.max.lat).map(|v| lat = Some(v)).map_err(outside)),
                "lon" => keep(validation::number_in_range(key, value, DENMARK.min.lon, DENMARK.max.lon).map(|v| lon = Some(v)).map_err(outside)),
                "radius_km" => keep(validation::number_in_range(key, value, MIN_RADIUS_KM, MAX_RADIUS_KM).map(|v| p.radius_km = v)),
                "category" => keep(validation::known_code(key, value, Category::from_code).map(|c| {
                    if !p.categories.contains(&c) {
                        p.categories.push(c)
                    }
                })),
                "condition" => keep(validation::known_code(key, value, Condition::from_code).map(|c| p.condition = Some(c))),
                "package" => keep(package_code(key, value).map(|c| p.package = Some(c))),
                "format" => keep(validation::known_code(key, value, Format::from_code).map(|f| p.format = Some(f))),
                "q" => keep(
                    validation::text_length(key, ("søgeordene", "the search words"), value, 1, MAX_QUERY_CHARS).map(|_| p.q = Some(value.to_owned())),
                ),
                "evening" => keep(flag(key, value).map(|v| p.evening = v)),
                "weekend" => keep(flag(key, value).map(|v| p.weekend = v)),
                "continuous" => keep(flag(key, value).map(|v| p.continuous = v)),
                "self_referral" => keep(flag(key, value).map(|v| p.self_referral = v)),
                "available" => keep(flag(key, value).map(|v| p.available = v)),
                "pins" => keep(flag(key, value).map(|v| p.pins = v)),
                "starts_within_weeks" => {
                    keep(validation::integer_in_range(key, value, 1, MAX_STARTS_WITHIN_WEEKS).map(|v| p.starts_within_weeks = Some(v)))
                }
                "language" => keep(language(key, value).map(|l| p.language = Some(l))),
                "sort" => keep(validation::known_code(key, value, Sort::from_code).map(|s| p.sort = s)),
                "page" => keep(validation::integer_in_range(key, value, 1, MAX_PAGE).map(|v| p.page = v)),
                "per_page" => keep(validation::integer_in_range(key, value, 1, MAX_PER_PAGE).map(|v| p.per_page = v)),
                _ => {}
            }
        }
        p.point = point(lat, lon, &mut errors);
        if errors.is_empty() {
            Ok(p)
        } else {
            Err(errors)
        }
    }

    /// The server needs a place to search from.
    pub fn require_place(&self) -> Result<(), FieldError> {
        if self.postcode.is_none() && self.point.is_none() {
            return Err(FieldError::required("postcode", "et postnummer", "a postcode"));
        }
        Ok(())
    }

    /// The canonical query pairs (defaults left out), for URLs and API calls.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = vec![];
        if let Some(pc) = &self.postcode {
            out.push(("postcode", pc.clone()));
        }
        if let Some(pt) = self.point {
            // Two decimals, ~1 km: "Brug min placering" puts no one's doorstep into the address
            // (browser history, shared links, access logs).
            out.push(("lat", crate::decimal::format(pt.lat, 2)));
            out.push(("lon", crate::decimal::format(pt.lon, 2)));
        }
        if self.radius_km != DEFAULT_RADIUS_KM {
            out.push(("radius_km", crate::decimal::format(self.radius_km, 3)));
        }
        out.extend(self.categories.iter().map(|c| ("category", c.code().to_owned())));
        if let Some(c) = self.condition {
            out.push(("condition", c.code().to_owned()));
        }
        if let Some(code) = &self.package {
            out.push(("package", code.clone()));
        }
        if let Some(f) = self.format {
            out.push(("format", f.code().to_owned()));
        }
        if let Some(q) = &self.q {
            out.push(("q", q.clone()));
        }
        for (name, on) in [
            ("evening", self.evening),
            ("weekend", self.weekend),
            ("continuous", self.continuous),
            ("self_referral", self.self_referral),
            ("available", self.available),
            ("pins", self.pins),
        ] {
            if on {
                out.push((name, "true".to_owned()));
            }
        }
        if let Some(w) = self.starts_within_weeks {
            out.push(("starts_within_weeks", w.to_string()));
        }
        if let Some(l) = &self.language {
            out.push(("language", l.clone()));
        }
        if self.sort != Sort::Distance {
            out.push(("sort", self.sort.code().to_owned()));
        }
        if self.page != 1 {
            out.push(("page", self.page.to_string()));
        }
        if self.per_page != DEFAULT_PER_PAGE {
            out.push(("per_page", self.per_page.to_string()));
        }
        out
    }
}

/// A point outside Denmark (a phone's location abroad or at sea) said as such, not as a range of
/// degrees (after the field's name: "Placering: Uden for Danmark. …").
fn outside(e: FieldError) -> FieldError {
    match e.code {
        ErrorCode::OutOfRange => {
            FieldError::new(&e.field, e.code, "Uden for Danmark. Skriv dit postnummer i stedet.", "Outside Denmark. Enter your postcode instead.")
        }
        _ => e,
    }
}

/// The point of a `lat` + `lon` pair; one without the other is an error (unless it was given
/// and refused already: that error says what is wrong with it).
pub(crate) fn point(lat: Option<f64>, lon: Option<f64>, errors: &mut Vec<FieldError>) -> Option<GeoPoint> {
    let refused = |field: &str, errors: &Vec<FieldError>| errors.iter().any(|e| e.field == field);
    match (lat, lon) {
        (None, Some(_)) if refused("lat", errors) => {}
        (Some(_), None) if refused("lon", errors) => {}
        (Some(lat), Some(lon)) => return Some(GeoPoint::new(lat, lon)),
        (Some(_), None) => errors.push(FieldError::required("lon", "længdegrad (lon) sammen med lat", "a longitude (lon) with lat")),
        (None, Some(_)) => errors.push(FieldError::required("lat", "breddegrad (lat) sammen med lon", "a latitude (lat) with lon")),
        (None, None) => {}
    }
    None
}

/// An HTML checkbox sends `on`; links say `true`.
fn flag(field: &str, value: &str) -> Result<bool, FieldError> {
    flag_value(value)
        .ok_or_else(|| FieldError::new(field, crate::validation::ErrorCode::Invalid, "Skal være true eller false.", "Must be true or false."))
}

/// A yes/no query value as the API reads it (`true`, `1`, `on`, `yes` and their opposites).
pub fn flag_value(value: &str) -> Option<bool> {
    match value {
        "true" | "1" | "on" | "yes" => Some(true),
        "false" | "0" | "off" | "no" => Some(false),
        _ => None,
    }
}

/// Package codes are data (see [`crate::package`]): the form is checked here, whether the
/// package exists on the server.
pub(crate) fn package_code(field: &str, value: &str) -> Result<String, FieldError> {
    let v = value.trim().to_ascii_lowercase();
    if crate::directory_validation::is_valid_id(&v) {
        Ok(v)
    } else {
        Err(FieldError::new(field, crate::validation::ErrorCode::Invalid, "Ukendt kronikerpakke.", "Unknown chronic care package."))
    }
}

pub(super) fn language(field: &str, value: &str) -> Result<String, FieldError> {
    let v = value.trim().to_ascii_lowercase();
    if v.len() == 2 && v.bytes().all(|b| b.is_ascii_lowercase()) {
        Ok(v)
    } else {
        Err(FieldError::new(
            field,
            crate::validation::ErrorCode::Invalid,
            "Angiv sproget som en tobogstavskode, fx en.",
            "Give the language as a two-letter code, e.g. en.",
        ))
    }
}

#[cfg(test)]
mod tests;
