//! Public offer search and offer pages.

use crate::error::ApiError;
use crate::{search, AppState};
use axum::extract::{Path, RawQuery, State};
use axum::routing::get;
use axum::{Json, Router};
use forebyg_shared::offer::Offer;
use forebyg_shared::problem::Problem;
use forebyg_shared::search::{SearchParams, SearchResponse};
use forebyg_shared::taxonomy::{Category, Condition, Format};

pub fn router() -> Router<AppState> {
    Router::new().route("/offers", get(search_offers)).route("/offers/{id}", get(get_offer))
}

/// The query parameters of a search (documentation of what `SearchParams::parse` accepts).
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct SearchQuery {
    /// Danish postcode to search from (four digits). Either this or `lat` + `lon`.
    postcode: Option<String>,
    /// Latitude (WGS84) to search from, e.g. from the browser's location.
    lat: Option<f64>,
    /// Longitude (WGS84), with `lat`.
    lon: Option<f64>,
    /// Search radius in km, 1–300.
    #[param(minimum = 1, maximum = 300, default = 25)]
    radius_km: Option<f64>,
    /// Category code; repeat for several (any of them matches).
    #[param(explode = true, style = Form)]
    category: Option<Vec<Category>>,
    condition: Option<Condition>,
    format: Option<Format>,
    /// Free text (1–100 characters); every word must occur in the title, summary, description or provider.
    q: Option<String>,
    /// Only teams on weekday evenings (with `weekend`: either).
    evening: Option<bool>,
    /// Only teams at weekends (with `evening`: either).
    weekend: Option<bool>,
    /// Only offers one can start within this many weeks (1–52); continuous enrolment always can.
    #[param(minimum = 1, maximum = 52)]
    starts_within_weeks: Option<u32>,
    /// Only continuous enrolment.
    continuous: Option<bool>,
    /// Only offers given in this language (ISO 639-1, e.g. `en`).
    language: Option<String>,
    /// Only offers one can sign up for oneself.
    self_referral: Option<bool>,
    /// Only offers with places (open or few places left).
    available: Option<bool>,
    /// Also return `pins`: every on-site match within the radius (up to 500), for the map.
    pins: Option<bool>,
    /// `distance` (default) or `next-start`.
    #[param(pattern = "^(distance|next-start)$")]
    sort: Option<String>,
    #[param(minimum = 1, maximum = 1000, default = 1)]
    page: Option<u32>,
    #[param(minimum = 1, maximum = 50, default = 20)]
    per_page: Option<u32>,
}

/// Published offers near a postcode or coordinate, nearest first, then the region's digital offers.
#[utoipa::path(
    get, path = "/api/v1/offers", tag = "offers", params(SearchQuery),
    responses(
        (status = 200, body = SearchResponse),
        (status = 422, description = "A parameter is invalid or unknown (field named in `errors`).", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The store is unavailable.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn search_offers(State(state): State<AppState>, RawQuery(query): RawQuery) -> Result<Json<SearchResponse>, ApiError> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.unwrap_or_default().as_bytes()).into_owned().collect();
    let params = SearchParams::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))).map_err(ApiError::Validation)?;
    Ok(Json(search::search(state.store.as_ref(), &params).await?))
}

/// One published offer.
#[utoipa::path(
    get, path = "/api/v1/offers/{id}", tag = "offers",
    params(("id" = String, Path, description = "Offer id")),
    responses(
        (status = 200, body = Offer),
        (status = 404, description = "No published offer with this id.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get_offer(State(state): State<AppState>, Path(id): Path<String>) -> Result<Json<Offer>, ApiError> {
    match state.store.get_offer(&id).await? {
        Some(offer) if offer.is_published() => Ok(Json(offer)),
        _ => Err(ApiError::NotFound(format!("No published offer with id {id}."))),
    }
}
