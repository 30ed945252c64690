//! Public offer search and offer pages.

use crate::error::ApiError;
use crate::openapi::{Invalid, NotFound, Unavailable};
use crate::{search, AppState};
use axum::extract::{Path, RawQuery, State};
use axum::Json;
use forebyg_shared::offer::Offer;
use forebyg_shared::search::{SearchParams, SearchResponse};
use forebyg_shared::taxonomy::OfferStatus;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(search_offers)).routes(routes!(get_offer))
}

/// Published offers near a postcode or coordinate, nearest first, then the region's digital offers.
#[utoipa::path(
    get, path = "/offers", tag = "offers", params(SearchParams),
    responses(
        (status = 200, body = SearchResponse), Invalid, Unavailable)
)]
async fn search_offers(State(state): State<AppState>, RawQuery(query): RawQuery) -> Result<Json<SearchResponse>, ApiError> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.unwrap_or_default().as_bytes()).into_owned().collect();
    let params = SearchParams::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))).map_err(ApiError::Validation)?;
    let package = crate::admin::packages::require_known(&state, params.package.as_deref()).await?;
    let mut answer = search::search(state.store.as_ref(), &params).await?;
    if let Some(p) = package {
        answer.outside_package = params.categories.iter().copied().filter(|&c| p.leaves_out(c)).collect();
    }
    Ok(Json(answer))
}

/// One published or archived offer (its `status` says which). An archived offer is found by no
/// search and takes no new requests, but the people already on it, or waiting, still need its
/// provider, phone and place; a draft is 404.
#[utoipa::path(
    get, path = "/offers/{id}", tag = "offers",
    params(("id" = String, Path, description = "Offer id")),
    responses(
        (status = 200, body = Offer), NotFound, Unavailable)
)]
async fn get_offer(State(state): State<AppState>, Path(id): Path<String>) -> Result<Json<Offer>, ApiError> {
    match state.store.get_offer(&id).await? {
        Some(offer) if offer.status != OfferStatus::Draft => Ok(Json(offer)),
        _ => Err(ApiError::NotFound(format!("No published or archived offer with id {id}."))),
    }
}
