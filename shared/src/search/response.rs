//! The search and reference-data responses of the API.

use crate::geo::GeoPoint;
use crate::offer::Offer;
use crate::taxonomy::{Capacity, Category, Condition, Format, RegionCode};
use serde::{Deserialize, Serialize};

/// `GET /api/v1/offers` response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchResponse {
    pub origin: SearchOrigin,
    pub radius_km: f64,
    /// All matches, over all pages: `nearby` plus the region's digital offers.
    pub total: u32,
    /// On-site and hybrid matches within the radius (the rest of `total` is digital).
    pub nearby: u32,
    pub page: u32,
    pub per_page: u32,
    /// On-site and hybrid offers nearest first, then the digital offers of the searched region.
    pub results: Vec<OfferHit>,
    pub stats: SearchStats,
    /// When (almost) nothing lies within the radius: how far the nearest match beyond it is and
    /// how many lie within a wider radius, for "Vis tilbud inden for 50 km". Absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wider: Option<WiderSearch>,
    /// With `pins=true`: every on-site match within the radius (not only this page's), for the
    /// map, nearest first, at most [`MAX_PINS`](super::MAX_PINS).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pins: Vec<MapPin>,
    /// With `package`: the searched interventions (`categories`) that none of the package's
    /// components is, so an empty answer says "not part of the package", not "nothing nearby".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outside_package: Vec<Category>,
    /// When nothing matched at all: each chosen filter without which the same search finds
    /// offers, with how many, most first. Absent otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relaxed: Vec<super::RelaxedFilter>,
}

/// A wider search that finds more: its radius, how many on-site matches lie within it, and the
/// distance of the nearest one beyond the searched radius.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WiderSearch {
    pub radius_km: f64,
    pub count: u32,
    pub nearest_km: f64,
}

/// One offer on the results map, with what its popup says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MapPin {
    pub id: String,
    pub title: String,
    pub point: GeoPoint,
    pub distance_km: f64,
    pub next_start: Option<String>,
    pub continuous_enrolment: bool,
    pub self_referral: bool,
    /// A full offer takes no one, whoever may ask (its popup says so, not "sign up yourself").
    pub capacity: Capacity,
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
    /// The kommunekode of the postcode's post town (for a coordinate, of the nearest postcode's).
    /// A postcode area can reach into a neighbouring municipality, so this is where the searcher
    /// most likely lives, not a fact about them.
    #[serde(default)]
    pub municipality_code: Option<String>,
    /// The island without a fixed link the place lies on (of the postcode, or the nearest one to
    /// a coordinate), named by its postcode or its municipality's code
    /// ([`crate::geography::island`]); absent on the mainland. Offers off it are a ferry crossing
    /// away: their hits say `across_water`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub island: Option<String>,
}

impl SearchOrigin {
    /// "8000 Aarhus C", or what is known of the place.
    pub fn place_text(&self, lang: crate::Lang) -> String {
        match (&self.postcode, &self.place_name) {
            (Some(pc), Some(name)) => format!("{pc} {name}"),
            (Some(pc), None) => pc.clone(),
            (None, Some(name)) => name.clone(),
            (None, None) => self.region.label(lang).to_owned(),
        }
    }

    /// Whether someone searching from here falls outside the `residence` rule of an offer held in
    /// `region` (and the municipality with this kommunekode): for certain when this place lies in
    /// another region; likely when a municipality rule names another municipality than this
    /// postcode's post town ([`Residence::fit`](crate::eligibility::Residence::fit)).
    pub fn outside(&self, residence: Option<crate::eligibility::Residence>, region: RegionCode, municipality_code: Option<&str>) -> Option<Outside> {
        use crate::eligibility::{Area, Residence, ResidenceFit};
        let home = self.municipality_code.as_deref().and_then(crate::geography::municipality).map(|m| m.name);
        match Residence::fit(residence, &Area::new(region, municipality_code), Some(self.region), home) {
            ResidenceFit::OtherRegion => Some(Outside::Region),
            ResidenceFit::OtherMunicipality(_) => Some(Outside::Municipality),
            ResidenceFit::Within | ResidenceFit::Unknown => None,
        }
    }
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
    /// The offer's place lies across the water from the search origin: one of them on an island
    /// without a fixed link ([`SearchOrigin::island`]), the other not on it. The distance is a
    /// straight line over the water; the way there is a ferry crossing.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub across_water: bool,
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
    /// Where it takes place (the map view's marker); `None` for digital-only offers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub point: Option<GeoPoint>,
    pub provider_name: String,
    pub region: RegionCode,
    /// The kommunekode of its place; `None` for digital-only offers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality_code: Option<String>,
    /// Where participants must live (its own municipality or region, or anywhere in Denmark).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residence: Option<crate::eligibility::Residence>,
    /// Youngest age (years) it takes, inclusive: a result card says it before anyone asks to join.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_age: Option<u8>,
    /// Oldest age (years) it takes, inclusive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_age: Option<u8>,
    pub self_referral: bool,
    pub demo: bool,
}

impl OfferSummary {
    /// Where it belongs, what its residence rule is said in.
    pub fn area(&self) -> crate::eligibility::Area {
        crate::eligibility::Area::new(self.region, self.municipality_code.as_deref())
    }

    /// The ages it takes ([`crate::eligibility::age_span`]).
    pub fn ages(&self) -> Option<crate::Label> {
        crate::eligibility::age_span(self.min_age, self.max_age)
    }

    /// Whether someone searching from `origin` falls outside its residence rule
    /// ([`SearchOrigin::outside`]).
    pub fn outside(&self, origin: &SearchOrigin) -> Option<Outside> {
        origin.outside(self.residence, self.region, self.municipality_code.as_deref())
    }
}

/// How a searcher falls outside an offer's residence rule ([`OfferSummary::outside`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outside {
    Region,
    /// The searched postcode belongs to another municipality than the one the offer is for.
    Municipality,
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
            point: o.location.as_ref().map(|l| l.point),
            provider_name: o.provider.name.clone(),
            region: o.region,
            municipality_code: o.location.as_ref().map(|l| l.municipality_code.clone()),
            residence: o.eligibility.residence,
            min_age: o.eligibility.min_age,
            max_age: o.eligibility.max_age,
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

/// `GET /api/v1/postcodes/{code}`: confirms a postcode with its town while the citizen types.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PostcodeInfo {
    pub postcode: String,
    pub name: String,
    pub region: RegionCode,
    pub point: GeoPoint,
}

/// `GET /api/v1/config`: what the browser app needs to know about this deployment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClientConfig {
    /// An OpenStreetMap-compatible raster tile URL template with `{z}`, `{x}` and `{y}`.
    pub tile_url: String,
    /// The attribution the tile provider requires (shown on the map).
    pub tile_attribution: String,
    /// Demo data is loaded: the app says so on every page.
    pub demo: bool,
    /// How the admin workspace signs in (absent when admin sign-in is off).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_sign_in: Option<AdminSignIn>,
}

/// The OAuth 2.0 authorization code flow with PKCE (S256) the admin workspace uses: Cognito's
/// hosted UI in AWS, the development authorization server locally. The browser needs no secret.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdminSignIn {
    /// Where the browser goes to sign in (absolute, or a path on this site for the dev issuer).
    pub authorize_url: String,
    /// Where the app exchanges the code (form POST: code, code_verifier, redirect_uri, client_id).
    pub token_url: String,
    /// Where signing out ends the identity provider's session (`client_id`, `logout_uri`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logout_url: Option<String>,
    pub client_id: String,
    pub scopes: Vec<String>,
    /// The development issuer: anyone can pick any role, so the app says so.
    #[serde(default)]
    pub development: bool,
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
    use crate::eligibility::Residence;

    fn origin(postcode: &str) -> SearchOrigin {
        let pc = crate::geography::postcode(postcode).unwrap();
        SearchOrigin {
            point: pc.point,
            postcode: Some(pc.code.into()),
            place_name: None,
            region: pc.region,
            municipality_code: Some(pc.municipality.into()),
            island: None,
        }
    }

    #[test]
    fn a_residence_rule_says_who_searched_from_outside_it() {
        let aalborg = |residence| OfferSummary {
            region: RegionCode::Nordjylland,
            municipality_code: Some("0851".into()),
            residence: Some(residence),
            ..serde_json::from_value(serde_json::json!({
                "id": "o", "title": "t", "summary": "s", "category": "fysisk-aktivitet", "conditions": [],
                "format": "on-site", "capacity": "open", "cost_dkk": 0, "continuous_enrolment": false,
                "evening": false, "weekend": false, "provider_name": "p", "region": "nordjylland",
                "self_referral": false, "demo": false
            }))
            .unwrap()
        };
        let local = aalborg(Residence::Municipality);
        assert_eq!(local.outside(&origin("9000")), None);
        assert_eq!(local.outside(&origin("9440")), Some(Outside::Municipality), "Aabybro lies in Jammerbugt");
        assert_eq!(local.outside(&origin("8000")), Some(Outside::Region));
        assert_eq!(local.outside(&SearchOrigin { municipality_code: None, ..origin("9440") }), None, "municipality unknown");
        let regional = aalborg(Residence::Region);
        assert_eq!((regional.outside(&origin("9440")), regional.outside(&origin("8000"))), (None, Some(Outside::Region)));
        assert_eq!(aalborg(Residence::Denmark).outside(&origin("8000")), None);
    }
}
