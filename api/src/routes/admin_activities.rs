//! `/api/v1/admin/associations` and `/api/v1/admin/activities`: local associations and the
//! activities people continue in after a course. Scopes are checked in
//! [`crate::admin::local_associations`].

use crate::admin::local_associations::{activities, activity_offers, associations};
use crate::auth::Admin;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiQuery};
use crate::openapi::{AdminAuth, Conflict, Invalid, JsonBody, NotFound, Unavailable};
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use forebyg_shared::activity::{ActivityRecord, AssociationRecord, StaleActivity, StaleAssociation};
use forebyg_shared::admin::{ActivityOfferLink, ActivityOfferRow, StaleEdit};
use forebyg_shared::directory::RecordStatusChange;
use serde::Deserialize;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_associations, create_association))
        .routes(routes!(get_association, update_association))
        .routes(routes!(set_association_status))
        .routes(routes!(list_activities, create_activity))
        .routes(routes!(get_admin_activity, update_activity))
        .routes(routes!(set_activity_status))
        .routes(routes!(list_activity_offers, set_activity_offer))
}

/// Associations of the admin's regions, any status.
#[utoipa::path(get, path = "/admin/associations", tag = "admin", security(("bearer" = [])),
    responses((status = 200, body = Vec<AssociationRecord>), AdminAuth, Unavailable))]
async fn list_associations(State(state): State<AppState>, admin: Admin) -> Result<Json<Vec<AssociationRecord>>, ApiError> {
    Ok(Json(associations::list(&state, &admin).await?))
}

/// Create an association (id from the name unless given; version 1). Region admins only.
#[utoipa::path(post, path = "/admin/associations", tag = "admin", security(("bearer" = [])), request_body = AssociationRecord,
    responses((status = 201, body = AssociationRecord), JsonBody, AdminAuth, Conflict, Unavailable))]
async fn create_association(
    State(state): State<AppState>,
    admin: Admin,
    ApiJson(a): ApiJson<AssociationRecord>,
) -> Result<(StatusCode, Json<AssociationRecord>), ApiError> {
    Ok((StatusCode::CREATED, Json(associations::create(&state, &admin, a).await?)))
}

/// One association in any status.
#[utoipa::path(get, path = "/admin/associations/{id}", tag = "admin", security(("bearer" = [])), params(("id" = String, Path)),
    responses((status = 200, body = AssociationRecord), AdminAuth, NotFound, Unavailable))]
async fn get_association(State(state): State<AppState>, admin: Admin, Path(id): Path<String>) -> Result<Json<AssociationRecord>, ApiError> {
    Ok(Json(associations::get(&state, &admin, &id).await?))
}

/// Replace an association from `version`; a stale version is a 409 whose body holds the current one.
/// The status is kept: a different one is a 422 on `status` (archive or restore with `…/status`).
#[utoipa::path(put, path = "/admin/associations/{id}", tag = "admin", security(("bearer" = [])), params(("id" = String, Path)), request_body = AssociationRecord,
    responses((status = 200, body = AssociationRecord), (status = 409, body = StaleAssociation, content_type = "application/problem+json"), JsonBody, AdminAuth, NotFound, Unavailable))]
async fn update_association(
    State(state): State<AppState>,
    admin: Admin,
    Path(id): Path<String>,
    ApiJson(a): ApiJson<AssociationRecord>,
) -> Result<Json<AssociationRecord>, ApiError> {
    Ok(Json(associations::update(&state, &admin, &id, a).await?))
}

/// Archive (a 409 while it has active activities) or restore an association.
#[utoipa::path(post, path = "/admin/associations/{id}/status", tag = "admin", security(("bearer" = [])), params(("id" = String, Path)), request_body = RecordStatusChange,
    responses((status = 200, body = AssociationRecord), JsonBody, AdminAuth, NotFound, Conflict, Unavailable))]
async fn set_association_status(
    State(state): State<AppState>,
    admin: Admin,
    Path(id): Path<String>,
    ApiJson(change): ApiJson<RecordStatusChange>,
) -> Result<Json<AssociationRecord>, ApiError> {
    Ok(Json(associations::set_status(&state, &admin, &id, change).await?))
}

/// What the activity list is for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ActivityPurpose {
    /// The activities the admin may open (a provider editor: linked to their offers or stewarded
    /// by their provider), any status.
    #[default]
    Manage,
    /// The active activities of the admin's regions, to link to an offer (the offer editor's picker).
    Link,
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ActivityQuery {
    /// `manage` (the default) or `link`.
    #[serde(default)]
    #[param(inline)]
    purpose: ActivityPurpose,
}

/// Activities within the admin's scope (a provider editor: those linked to their offers or
/// stewarded by their provider), any status; with `purpose=link` the active activities of the
/// admin's regions an offer may link to.
#[utoipa::path(get, path = "/admin/activities", tag = "admin", security(("bearer" = [])), params(ActivityQuery),
    responses((status = 200, body = Vec<ActivityRecord>), Invalid, AdminAuth, Unavailable))]
async fn list_activities(
    State(state): State<AppState>,
    admin: Admin,
    ApiQuery(q): ApiQuery<ActivityQuery>,
) -> Result<Json<Vec<ActivityRecord>>, ApiError> {
    Ok(Json(match q.purpose {
        ActivityPurpose::Manage => activities::list(&state, &admin).await?,
        ActivityPurpose::Link => activities::linkable(&state, &admin).await?,
    }))
}

/// Create an activity of an active association in the same region (id from the name unless
/// given). Region admins only; a `location_id` copies the place from that location record; a
/// `steward_provider_id` must be an active provider of the region (422 on the field otherwise).
#[utoipa::path(post, path = "/admin/activities", tag = "admin", security(("bearer" = [])), request_body = ActivityRecord,
    responses((status = 201, body = ActivityRecord), JsonBody, AdminAuth, Conflict, Unavailable))]
async fn create_activity(
    State(state): State<AppState>,
    admin: Admin,
    ApiJson(a): ApiJson<ActivityRecord>,
) -> Result<(StatusCode, Json<ActivityRecord>), ApiError> {
    Ok((StatusCode::CREATED, Json(activities::create(&state, &admin, a).await?)))
}

/// One activity in any status.
#[utoipa::path(get, path = "/admin/activities/{id}", tag = "admin", security(("bearer" = [])), params(("id" = String, Path)),
    responses((status = 200, body = ActivityRecord), AdminAuth, NotFound, Unavailable))]
async fn get_admin_activity(State(state): State<AppState>, admin: Admin, Path(id): Path<String>) -> Result<Json<ActivityRecord>, ApiError> {
    Ok(Json(activities::get(&state, &admin, &id).await?))
}

/// Replace an activity from `version` (its association and region are fixed); a stale version is
/// a 409 whose body holds the current one. Provider editors may replace only the activities their
/// provider stewards, and never change the steward (403).
/// The status is kept: a different one is a 422 on `status` (archive or restore with `…/status`).
#[utoipa::path(put, path = "/admin/activities/{id}", tag = "admin", security(("bearer" = [])), params(("id" = String, Path)), request_body = ActivityRecord,
    responses((status = 200, body = ActivityRecord), (status = 409, body = StaleActivity, content_type = "application/problem+json"), JsonBody, AdminAuth, NotFound, Unavailable))]
async fn update_activity(
    State(state): State<AppState>,
    admin: Admin,
    Path(id): Path<String>,
    ApiJson(a): ApiJson<ActivityRecord>,
) -> Result<Json<ActivityRecord>, ApiError> {
    Ok(Json(activities::update(&state, &admin, &id, a).await?))
}

/// Archive (a 409 naming the published offers that link to it) or restore an activity.
#[utoipa::path(post, path = "/admin/activities/{id}/status", tag = "admin", security(("bearer" = [])), params(("id" = String, Path)), request_body = RecordStatusChange,
    responses((status = 200, body = ActivityRecord), JsonBody, AdminAuth, NotFound, Conflict, Unavailable))]
async fn set_activity_status(
    State(state): State<AppState>,
    admin: Admin,
    Path(id): Path<String>,
    ApiJson(change): ApiJson<RecordStatusChange>,
) -> Result<Json<ActivityRecord>, ApiError> {
    Ok(Json(activities::set_status(&state, &admin, &id, change).await?))
}

/// The offers the admin may change that lead on to the activity ("Fortsæt bagefter"), by title,
/// then up to 20 that could: not archived, for one of the activity's conditions, digital or
/// within 25 km; those made for some conditions before those for every chronic condition, each
/// nearest first.
#[utoipa::path(get, path = "/admin/activities/{id}/offers", tag = "admin", security(("bearer" = [])), params(("id" = String, Path)),
    responses((status = 200, body = Vec<ActivityOfferRow>), AdminAuth, NotFound, Unavailable))]
async fn list_activity_offers(State(state): State<AppState>, admin: Admin, Path(id): Path<String>) -> Result<Json<Vec<ActivityOfferRow>>, ApiError> {
    Ok(Json(activity_offers::list(&state, &admin, &id).await?))
}

/// Link an offer of the activity's region to the activity, or unlink it: an edit of the offer
/// from `version` (a stale one is a 409 whose body holds the current offer), checked and audited
/// as one. Already linked (or unlinked): the offer unchanged. An archived activity is not linked
/// (422 on `linked`); an offer that fails its own checks is a 422 on `offer_id`.
#[utoipa::path(post, path = "/admin/activities/{id}/offers", tag = "admin", security(("bearer" = [])), params(("id" = String, Path)), request_body = ActivityOfferLink,
    responses((status = 200, body = ActivityOfferRow), (status = 409, body = StaleEdit, content_type = "application/problem+json"), JsonBody, AdminAuth, NotFound, Unavailable))]
async fn set_activity_offer(
    State(state): State<AppState>,
    admin: Admin,
    Path(id): Path<String>,
    ApiJson(change): ApiJson<ActivityOfferLink>,
) -> Result<Json<ActivityOfferRow>, ApiError> {
    Ok(Json(activity_offers::set_link(&state, &admin, &id, change).await?))
}
