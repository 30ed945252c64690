//! Public association activities: near a place by condition, one by id, and those an offer links
//! to ("Fortsæt bagefter"), nearest to the searched place first.

use crate::error::ApiError;
use crate::openapi::{Invalid, NotFound, Unavailable};
use crate::{activities, search, AppState};
use axum::extract::{Path, RawQuery, State};
use axum::Json;
use forebyg_shared::activity::{ActivitySearchResponse, ActivityView};
use forebyg_shared::search::{PlaceParams, SearchParams};
use forebyg_shared::taxonomy::OfferStatus;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(search_activities)).routes(routes!(get_activity)).routes(routes!(offer_activities))
}

fn parse(query: Option<String>) -> Result<SearchParams, ApiError> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.unwrap_or_default().as_bytes()).into_owned().collect();
    SearchParams::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))).map_err(ApiError::Validation)
}

/// Active association activities near a postcode or coordinate, nearest first; `condition`
/// keeps those that suit it.
#[utoipa::path(get, path = "/activities", tag = "activities", params(PlaceParams),
    responses((status = 200, body = ActivitySearchResponse), Invalid, Unavailable))]
async fn search_activities(State(state): State<AppState>, RawQuery(query): RawQuery) -> Result<Json<ActivitySearchResponse>, ApiError> {
    Ok(Json(activities::near(state.directory.as_ref(), &parse(query)?).await?))
}

/// One active activity with its association.
#[utoipa::path(get, path = "/activities/{id}", tag = "activities", params(("id" = String, Path, description = "Activity id")),
    responses((status = 200, body = ActivityView), NotFound, Unavailable))]
async fn get_activity(State(state): State<AppState>, Path(id): Path<String>) -> Result<Json<ActivityView>, ApiError> {
    Ok(Json(activities::one(state.directory.as_ref(), &id).await?))
}

/// The active activities a published or archived offer links to, nearest to the given place
/// first (to the offer's own place without one). An archived offer's participants still have its
/// next-step sheet (`/tilbud/{id}/fortsaet`) after the course has ended; the offer itself stays
/// out of the search and `GET /offers/{id}`. A draft, or an unknown id, is 404.
#[utoipa::path(get, path = "/offers/{id}/activities", tag = "activities", params(("id" = String, Path, description = "Offer id"), PlaceParams),
    responses((status = 200, body = Vec<ActivityView>), Invalid, NotFound, Unavailable))]
async fn offer_activities(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Json<Vec<ActivityView>>, ApiError> {
    let params = parse(query)?;
    let offer = state
        .store
        .get_offer(&id)
        .await?
        .filter(|o| o.status != OfferStatus::Draft)
        .ok_or_else(|| ApiError::NotFound(format!("No published or archived offer with id {id}.")))?;
    let from = match params.require_place() {
        Ok(()) => Some(search::resolve_origin(&params)?.point),
        Err(_) => offer.point(),
    };
    Ok(Json(activities::linked(state.directory.as_ref(), &offer.activity_ids, from).await?))
}
