//! `/api/v1/fhir/*`: HL7 FHIR R4, read-only (see `api/docs/fhir.md`). Answers are
//! `application/fhir+json`; errors are `OperationOutcome`s.

use crate::fhir::code_systems::System;
use crate::fhir::outcome::{fhir_json, Outcome};
use crate::fhir::search::{bundle, matches, DirectorySearch};
use crate::fhir::{self, capability, search_parameter};
use crate::openapi::{FhirGone, FhirInvalid, FhirNotFound, FhirUnavailable};
use crate::store::OfferRef;
use crate::AppState;
use axum::extract::{FromRequestParts, Path, RawQuery, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use forebyg_shared::offer::Offer;
use forebyg_shared::taxonomy::{OfferStatus, RegionCode};
use serde_json::Value;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    fhir::format::json_only(
        OpenApiRouter::new()
            .routes(routes!(fhir_metadata))
            .routes(routes!(fhir_search_healthcare_services))
            .routes(routes!(fhir_read_healthcare_service))
            .routes(routes!(fhir_read_location))
            .routes(routes!(fhir_read_organization))
            .routes(routes!(fhir_read_code_system))
            .routes(routes!(fhir_read_search_parameter)),
    )
}

/// The FHIR base URL of this request (`http(s)://host/api/v1/fhir`): Bundle links and `fullUrl`s
/// are absolute. The host is the one the client used: `Host`, or `X-Forwarded-Host` when a proxy
/// this server trusts sent the request (CloudFront, which drops Host; see
/// [`crate::client_address`]): anyone else could name any host in it, for links in answers that
/// caches may keep. The scheme likewise: that proxy's `X-Forwarded-Proto`, else what this server
/// is reached by: HTTPS in Lambda (API Gateway serves nothing else), plain HTTP locally.
pub(crate) struct BaseUrl(pub String);

impl FromRequestParts<AppState> for BaseUrl {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let in_lambda = parts.extensions.get::<lambda_http::request::RequestContext>().is_some();
        Ok(BaseUrl(base_url(&parts.headers, state.client_address.via_trusted_proxy(parts), in_lambda)))
    }
}

fn base_url(headers: &HeaderMap, via_trusted_proxy: bool, in_lambda: bool) -> String {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).map(|v| v.split(',').next().unwrap_or("").trim().to_owned());
    let forwarded = |name: &str| if via_trusted_proxy { header(name).filter(|h| !h.is_empty()) } else { None };
    let host =
        forwarded("x-forwarded-host").or_else(|| header(header::HOST.as_str())).filter(|h| !h.is_empty()).unwrap_or_else(|| "localhost".into());
    let own = if in_lambda { "https" } else { "http" };
    let proto = forwarded("x-forwarded-proto").filter(|p| p == "https" || p == "http").unwrap_or_else(|| own.into());
    format!("{proto}://{host}/api/v1/fhir")
}

/// A resource that CDNs and clients may keep for five minutes.
fn cached(resource: &Value) -> Response {
    let mut res = fhir_json(StatusCode::OK, resource);
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=300"));
    res
}

/// The published offer a read by id answers from: the first by id among those the reference names
/// in `prefer` (the region of the place's or provider's record), else in every region (a place
/// typed into an offer has no record; an offer may be held in a neighbouring region's place).
/// The store finds it through an index keyed by the reference: a few key lookups, one per region
/// at most, whatever the number of offers (no longer the region's whole catalogue).
async fn published_offer(state: &AppState, by: OfferRef, prefer: Option<RegionCode>) -> Result<Option<Offer>, Outcome> {
    Ok(state.store.published_offer_by(&by, prefer).await?.offer)
}

/// The published offer with this HealthcareService id: a direct read when the id is the offer's,
/// else the alias of an offer id that is not a FHIR id (the UUID of it, always 36 characters).
/// An archived offer is gone (410: a stored referral's performer may still name it); a draft, or
/// an id that is not a FHIR id, was never there (404, the latter without a read).
async fn offer(state: &AppState, id: &str) -> Result<Offer, Outcome> {
    let not_found = || Outcome::not_found(format!("No published HealthcareService with id {id}."));
    if !fhir::is_fhir_id(id) {
        return Err(not_found());
    }
    match state.store.get_offer(id).await? {
        Some(o) if o.is_published() => return Ok(o),
        Some(o) if o.status == OfferStatus::Archived => {
            return Err(Outcome::gone(format!("HealthcareService {id} is no longer offered (archived).")));
        }
        _ => {}
    }
    if id.len() == 36 {
        return published_offer(state, OfferRef::Service(id.to_owned()), None).await?.ok_or_else(not_found);
    }
    Err(not_found())
}

/// The CapabilityStatement: exactly what this server serves.
#[utoipa::path(get, path = "/fhir/metadata", tag = "fhir",
    responses((status = 200, description = "FHIR R4 CapabilityStatement", content_type = "application/fhir+json", body = Object)))]
async fn fhir_metadata(BaseUrl(base): BaseUrl) -> Response {
    cached(&capability::capability_statement(&base))
}

/// Search published offers: a `searchset` Bundle, paged, optionally with their Locations and
/// Organizations. Parameters (unknown ones are refused with 400): `location.near`
/// (`lat|lon|distance|km`, the citizen search), `location.address-postalcode`, `service-category`,
/// `service-type`, `specialty`, `_id`, `_count` (0–100), `_page`, `_include`, `_format`, `_pretty`.
#[utoipa::path(get, path = "/fhir/HealthcareService", tag = "fhir",
    params(
        ("location.near" = Option<String>, Query, description = "`lat|lon|distance|units`, e.g. `56.15|10.2|25|km` (1–300 km, default 25): the citizen search around that point"),
        ("location.address-postalcode" = Option<String>, Query, description = "Postcode of the offer's place (starts-with)"),
        ("service-category" = Option<String>, Query, description = "Intervention code (CodeSystem forebyg-category), `code` or `system|code`; comma-separated alternatives"),
        ("service-type" = Option<String>, Query, description = "Format code: on-site, digital, hybrid"),
        ("specialty" = Option<String>, Query, description = "Target condition code (CodeSystem forebyg-condition)"),
        ("_id" = Option<String>, Query, description = "HealthcareService id"),
        ("_count" = Option<u32>, Query, minimum = 0, maximum = 100, description = "Entries per page (default 20)"),
        ("_page" = Option<u32>, Query, minimum = 1, description = "Page, from 1"),
        ("_include" = Option<String>, Query, description = "HealthcareService:location or HealthcareService:organization (repeatable)"),
        ("_format" = Option<String>, Query, description = "json or application/fhir+json (another format: 406)", pattern = r"^(json|application/json|application/fhir\+json|application/json\+fhir)$"),
        ("_pretty" = Option<bool>, Query, description = "Accepted; answers are compact JSON"),
    ),
    responses((status = 200, description = "FHIR R4 Bundle (searchset)", content_type = "application/fhir+json", body = Object), FhirInvalid, FhirUnavailable))]
async fn fhir_search_healthcare_services(
    State(state): State<AppState>,
    BaseUrl(base): BaseUrl,
    RawQuery(query): RawQuery,
) -> Result<Response, Outcome> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.unwrap_or_default().as_bytes()).into_owned().collect();
    let q = DirectorySearch::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))?;
    let found = matches(state.store.as_ref(), &q).await?;
    Ok(cached(&bundle(&q, &found, &base, &pairs)))
}

/// One published offer (410 once archived).
#[utoipa::path(get, path = "/fhir/HealthcareService/{id}", tag = "fhir", params(("id" = String, Path, description = "The offer id")),
    responses((status = 200, description = "FHIR R4 HealthcareService", content_type = "application/fhir+json", body = Object), FhirNotFound, FhirGone, FhirUnavailable))]
async fn fhir_read_healthcare_service(State(state): State<AppState>, Path(id): Path<String>) -> Result<Response, Outcome> {
    Ok(cached(&fhir::healthcare_service(&offer(&state, &id).await?)))
}

/// A place of published offers, or a region (`region-{code}`: the coverage area of digital offers).
#[utoipa::path(get, path = "/fhir/Location/{id}", tag = "fhir", params(("id" = String, Path, description = "The location id, or region-{code}")),
    responses((status = 200, description = "FHIR R4 Location", content_type = "application/fhir+json", body = Object), FhirNotFound, FhirUnavailable))]
async fn fhir_read_location(State(state): State<AppState>, Path(id): Path<String>) -> Result<Response, Outcome> {
    if let Some(r) = RegionCode::ALL.iter().find(|r| fhir::region_location_id(**r) == id) {
        return Ok(cached(&fhir::region_location(*r)));
    }
    // Every Location id an offer has is a FHIR id (a record's id or a UUID): no read for others.
    if !fhir::is_fhir_id(&id) {
        return Err(Outcome::not_found(format!("No Location with id {id}.")));
    }
    let region = state.directory.get_location(&id).await?.map(|l| l.region);
    let o = published_offer(&state, OfferRef::Location(id.clone()), region).await?;
    o.as_ref().and_then(fhir::location).map(|l| cached(&l)).ok_or_else(|| Outcome::not_found(format!("No Location with id {id}.")))
}

/// A provider of published offers.
#[utoipa::path(get, path = "/fhir/Organization/{id}", tag = "fhir", params(("id" = String, Path, description = "The provider id")),
    responses((status = 200, description = "FHIR R4 Organization", content_type = "application/fhir+json", body = Object), FhirNotFound, FhirUnavailable))]
async fn fhir_read_organization(State(state): State<AppState>, Path(id): Path<String>) -> Result<Response, Outcome> {
    if !fhir::is_fhir_id(&id) {
        return Err(Outcome::not_found(format!("No Organization with id {id}.")));
    }
    let region = state.directory.get_provider(&id).await?.map(|p| p.region);
    let o = published_offer(&state, OfferRef::Organization(id.clone()), region).await?;
    o.map(|o| cached(&fhir::organization(&o))).ok_or_else(|| Outcome::not_found(format!("No Organization with id {id}.")))
}

/// One of Forebyg's code systems, e.g. `forebyg-category` (the CapabilityStatement's CodeSystem
/// entry names them all).
#[utoipa::path(get, path = "/fhir/CodeSystem/{id}", tag = "fhir", params(("id" = String, Path, description = "The code system id, e.g. forebyg-category")),
    responses((status = 200, description = "FHIR R4 CodeSystem", content_type = "application/fhir+json", body = Object), FhirNotFound))]
async fn fhir_read_code_system(Path(id): Path<String>) -> Result<Response, Outcome> {
    System::from_id(&id).map(|s| cached(&s.resource())).ok_or_else(|| Outcome::not_found(format!("No CodeSystem with id {id}.")))
}

/// The definition of a parameter searched through chains, named by the CapabilityStatement's
/// searchParam `definition`: `HealthcareService-location` (chains `near`, `address-postalcode`).
#[utoipa::path(get, path = "/fhir/SearchParameter/{id}", tag = "fhir", params(("id" = String, Path, description = "The SearchParameter id: HealthcareService-location")),
    responses((status = 200, description = "FHIR R4 SearchParameter", content_type = "application/fhir+json", body = Object), FhirNotFound))]
async fn fhir_read_search_parameter(Path(id): Path<String>) -> Result<Response, Outcome> {
    search_parameter::resource(&id).map(|r| cached(&r)).ok_or_else(|| Outcome::not_found(format!("No SearchParameter with id {id}.")))
}

/// Unknown paths under `/api/v1/fhir/` (not part of the contract): a 404 OperationOutcome.
pub async fn fhir_not_found() -> Outcome {
    Outcome::not_found("No such FHIR resource type or interaction; see /api/v1/fhir/metadata.")
}

/// A method a FHIR path does not serve (ServiceRequests are created, never updated or deleted
/// here): a 405 OperationOutcome.
pub fn fhir_method_not_allowed() -> Outcome {
    Outcome::one(StatusCode::METHOD_NOT_ALLOWED, "not-supported", "This interaction is not served here; see /api/v1/fhir/metadata.")
}
