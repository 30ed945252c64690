//! The offer search contract: query parameters (parsed the same way in the browser's URL and on
//! the server) and the response.

use crate::geo::{GeoPoint, DENMARK};
use crate::offer::Offer;
use crate::taxonomy::{Capacity, Category, Condition, Format, RegionCode};
use crate::validation::{self, FieldError};
use serde::{Deserialize, Serialize};

pub const DEFAULT_RADIUS_KM: f64 = 25.0;
pub const MAX_RADIUS_KM: f64 = 300.0;
pub const MIN_RADIUS_KM: f64 = 1.0;
pub const DEFAULT_PER_PAGE: u32 = 20;
pub const MAX_PER_PAGE: u32 = 50;
pub const MAX_PAGE: u32 = 1000;

/// A search as it lives in a URL query: `?postcode=8000&category=fysisk-aktivitet&radius_km=25`.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchParams {
    pub postcode: Option<String>,
    pub point: Option<GeoPoint>,
    pub radius_km: f64,
    /// Any of these categories (empty: all).
    pub categories: Vec<Category>,
    pub condition: Option<Condition>,
    pub format: Option<Format>,
    pub page: u32,
    pub per_page: u32,
}

impl Default for SearchParams {
    fn default() -> Self {
        SearchParams {
            postcode: None,
            point: None,
            radius_km: DEFAULT_RADIUS_KM,
            categories: vec![],
            condition: None,
            format: None,
            page: 1,
            per_page: DEFAULT_PER_PAGE,
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
                "lat" => keep(validation::number_in_range(key, value, DENMARK.min.lat, DENMARK.max.lat).map(|v| lat = Some(v))),
                "lon" => keep(validation::number_in_range(key, value, DENMARK.min.lon, DENMARK.max.lon).map(|v| lon = Some(v))),
                "radius_km" => keep(validation::number_in_range(key, value, MIN_RADIUS_KM, MAX_RADIUS_KM).map(|v| p.radius_km = v)),
                "category" => keep(validation::known_code(key, value, Category::from_code).map(|c| {
                    if !p.categories.contains(&c) {
                        p.categories.push(c)
                    }
                })),
                "condition" => keep(validation::known_code(key, value, Condition::from_code).map(|c| p.condition = Some(c))),
                "format" => keep(validation::known_code(key, value, Format::from_code).map(|f| p.format = Some(f))),
                "page" => keep(validation::integer_in_range(key, value, 1, MAX_PAGE).map(|v| p.page = v)),
                "per_page" => keep(validation::integer_in_range(key, value, 1, MAX_PER_PAGE).map(|v| p.per_page = v)),
                _ => {}
            }
        }
        match (lat, lon) {
            (Some(lat), Some(lon)) => p.point = Some(GeoPoint::new(lat, lon)),
            (Some(_), None) => errors.push(FieldError::required("lon", "længdegrad (lon) sammen med lat", "a longitude (lon) with lat")),
            (None, Some(_)) => errors.push(FieldError::required("lat", "breddegrad (lat) sammen med lon", "a latitude (lat) with lon")),
            (None, None) => {}
        }
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
            out.push(("lat", format!("{:.5}", pt.lat)));
            out.push(("lon", format!("{:.5}", pt.lon)));
        }
        if self.radius_km != DEFAULT_RADIUS_KM {
            out.push(("radius_km", format!("{}", self.radius_km)));
        }
        out.extend(self.categories.iter().map(|c| ("category", c.code().to_owned())));
        if let Some(c) = self.condition {
            out.push(("condition", c.code().to_owned()));
        }
        if let Some(f) = self.format {
            out.push(("format", f.code().to_owned()));
        }
        if self.page != 1 {
            out.push(("page", self.page.to_string()));
        }
        if self.per_page != DEFAULT_PER_PAGE {
            out.push(("per_page", self.per_page.to_string()));
        }
        out
    }

    /// Whether an offer matches the non-geographic filters.
    pub fn matches(&self, offer: &Offer) -> bool {
        (self.categories.is_empty() || self.categories.contains(&offer.category))
            && self.condition.is_none_or(|c| offer.conditions.contains(&c))
            && self.format.is_none_or(|f| offer.format == f)
    }
}

/// `GET /api/v1/offers` response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchResponse {
    pub origin: SearchOrigin,
    pub radius_km: f64,
    /// All matches, over all pages.
    pub total: u32,
    pub page: u32,
    pub per_page: u32,
    /// On-site and hybrid offers nearest first, then the digital offers of the searched region.
    pub results: Vec<OfferHit>,
    pub stats: SearchStats,
}

/// Where the search was made from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchOrigin {
    pub point: GeoPoint,
    pub postcode: Option<String>,
    /// The town of the postcode, e.g. "Aarhus C", shown to confirm the place.
    pub place_name: Option<String>,
    pub region: RegionCode,
}

/// How much the store read to answer: the geo index reads only the covering cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchStats {
    pub cells: u32,
    pub items_read: u32,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfferHit {
    pub offer: OfferSummary,
    /// Kilometres from the search origin; `None` for a digital offer.
    pub distance_km: Option<f64>,
    pub digital: bool,
}

/// What a result list shows of an offer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfferSummary {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub category: Category,
    pub conditions: Vec<Condition>,
    pub format: Format,
    pub capacity: Capacity,
    pub next_start: Option<String>,
    pub continuous_enrolment: bool,
    pub evening: bool,
    pub weekend: bool,
    /// "Aarhus C" etc.; `None` for digital-only offers.
    pub city: Option<String>,
    pub provider_name: String,
    pub region: RegionCode,
    pub self_referral: bool,
    pub demo: bool,
}

impl From<&Offer> for OfferSummary {
    fn from(o: &Offer) -> Self {
        OfferSummary {
            id: o.id.clone(),
            title: o.title.clone(),
            summary: o.summary.clone(),
            category: o.category,
            conditions: o.conditions.clone(),
            format: o.format,
            capacity: o.capacity,
            next_start: o.schedule.next_start.clone(),
            continuous_enrolment: o.schedule.enrolment == crate::offer::Enrolment::Continuous,
            evening: o.schedule.has_evening(),
            weekend: o.schedule.has_weekend(),
            city: o.location.as_ref().map(|l| l.city.clone()),
            provider_name: o.provider.name.clone(),
            region: o.region,
            self_referral: o.referral.self_referral,
            demo: o.demo,
        }
    }
}

/// `GET /api/v1/taxonomy` response: every code with its labels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TaxonomyResponse {
    pub categories: Vec<Term>,
    pub conditions: Vec<Term>,
    pub formats: Vec<Term>,
    pub regions: Vec<Term>,
    pub municipalities: Vec<MunicipalityTerm>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Term {
    pub code: String,
    pub label: crate::Label,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<crate::Label>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MunicipalityTerm {
    pub code: String,
    pub name: String,
    pub region: RegionCode,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::ErrorCode;

    #[test]
    fn parses_a_full_query_and_writes_it_back() {
        let q = [
            ("postcode", "8000"),
            ("category", "fysisk-aktivitet"),
            ("category", "alkohol"),
            ("radius_km", "10"),
            ("format", "on-site"),
            ("page", "2"),
            ("utm_source", "x"),
        ];
        let p = SearchParams::parse(q).unwrap();
        assert_eq!(p.postcode.as_deref(), Some("8000"));
        assert_eq!(p.categories, vec![Category::FysiskAktivitet, Category::Alkohol]);
        assert_eq!((p.radius_km, p.page, p.format), (10.0, 2, Some(Format::OnSite)));
        let pairs = p.to_pairs();
        let back = SearchParams::parse(pairs.iter().map(|(k, v)| (*k, v.as_str()))).unwrap();
        assert_eq!(back, p);
    }

    #[test]
    fn defaults_and_empty_values() {
        let p = SearchParams::parse([("postcode", "8000"), ("radius_km", "")]).unwrap();
        assert_eq!((p.radius_km, p.page, p.per_page), (DEFAULT_RADIUS_KM, 1, DEFAULT_PER_PAGE));
        assert_eq!(p.to_pairs(), vec![("postcode", "8000".to_owned())]);
        assert_eq!(SearchParams::default().require_place().unwrap_err().field, "postcode");
    }

    #[test]
    fn reports_every_bad_field() {
        let errs =
            SearchParams::parse([("postcode", "80"), ("radius_km", "500"), ("category", "yoga"), ("format", "x"), ("per_page", "51"), ("lat", "56")])
                .unwrap_err();
        let got: Vec<_> = errs.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(
            got,
            vec![
                ("postcode", ErrorCode::Invalid),
                ("radius_km", ErrorCode::OutOfRange),
                ("category", ErrorCode::Unknown),
                ("format", ErrorCode::Unknown),
                ("per_page", ErrorCode::OutOfRange),
                ("lon", ErrorCode::Required),
            ]
        );
    }

    #[test]
    fn coordinates_must_be_in_denmark() {
        let p = SearchParams::parse([("lat", "56.15"), ("lon", "10.2")]).unwrap();
        assert_eq!(p.point, Some(GeoPoint::new(56.15, 10.2)));
        let errs = SearchParams::parse([("lat", "48.85"), ("lon", "2.35")]).unwrap_err();
        assert_eq!(errs.len(), 2);
    }
}
