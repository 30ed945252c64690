//! `POST /api/v1/dev/token`: the development issuer's sign-in, routed only with
//! `FOREBYG_AUTH=dev` (which the binary refuses inside AWS Lambda).

use crate::auth::dev;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::AppState;
use axum::routing::post;
use axum::{Json, Router};
use forebyg_shared::auth::{Principal, Role};
use forebyg_shared::clinician::Organisation;
use forebyg_shared::taxonomy::RegionCode;
use serde::{Deserialize, Serialize};

pub fn router() -> Router<AppState> {
    Router::new().route("/dev/token", post(token))
}

#[derive(Deserialize)]
pub struct DevLogin {
    pub role: Role,
    pub region: Option<RegionCode>,
    pub provider_id: Option<String>,
    /// For role `clinician` (default: a development practice).
    #[serde(default)]
    pub organisation: Option<Organisation>,
}

#[derive(Serialize)]
pub struct DevToken {
    pub token: String,
    pub principal: Principal,
}

async fn token(ApiJson(login): ApiJson<DevLogin>) -> Result<Json<DevToken>, ApiError> {
    let claims = dev::login_claims(login.role, login.region, login.provider_id.as_deref(), login.organisation, 8 * 3600);
    let principal = crate::auth::principal(claims.clone())?;
    Ok(Json(DevToken { token: dev::sign(&claims), principal }))
}
