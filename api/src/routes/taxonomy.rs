//! Codes and labels of categories, conditions, formats, regions and municipalities.

use crate::error::ApiError;
use crate::openapi::{Invalid, NotFound};
use crate::AppState;
use axum::extract::{Path, State};
use axum::Json;
use forebyg_shared::geography;
use forebyg_shared::search::{ClientConfig, MunicipalityTerm, PostcodeInfo, TaxonomyResponse, Term};
use forebyg_shared::taxonomy::{Category, Condition, Format, RegionCode};
use forebyg_shared::{Label, Lang};
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(get_taxonomy)).routes(routes!(get_postcode)).routes(routes!(get_config))
}

/// A postcode's town and region (404 if unknown; 422 if not four digits).
#[utoipa::path(get, path = "/postcodes/{code}", tag = "taxonomy", params(("code" = String, Path, description = "Four-digit postcode", pattern = "^[1-9][0-9]{3}$")),
    responses((status = 200, body = PostcodeInfo), Invalid, NotFound))]
async fn get_postcode(Path(code): Path<String>) -> Result<Json<PostcodeInfo>, ApiError> {
    // `postcode_format` forgives surrounding spaces (form input); a path is exact.
    forebyg_shared::validation::postcode_format("postcode", &code)?;
    if code.trim() != code {
        return Err(forebyg_shared::validation::FieldError::new(
            "postcode",
            forebyg_shared::validation::ErrorCode::Invalid,
            "Ugyldigt postnummer.",
            "Not a postcode.",
        )
        .into());
    }
    let pc = geography::postcode(code.trim()).ok_or_else(|| ApiError::NotFound(format!("No postcode {code}.")))?;
    Ok(Json(PostcodeInfo { postcode: pc.code.into(), name: pc.name.into(), region: pc.region, point: pc.point }))
}

/// Deployment settings for the browser app (map tiles, demo mode).
#[utoipa::path(get, path = "/config", tag = "taxonomy", responses((status = 200, body = ClientConfig), ))]
async fn get_config(State(state): State<AppState>) -> Json<ClientConfig> {
    Json((*state.client_config).clone())
}

fn terms<T: Copy>(all: &[T], code: fn(T) -> &'static str, label: fn(T, Lang) -> &'static str) -> Vec<Term> {
    all.iter().map(|&t| Term { code: code(t).into(), label: Label::new(label(t, Lang::Da), label(t, Lang::En)), description: None }).collect()
}

/// Every code the API accepts, with Danish and English labels.
#[utoipa::path(get, path = "/taxonomy", tag = "taxonomy", responses((status = 200, body = TaxonomyResponse), ))]
async fn get_taxonomy() -> Json<TaxonomyResponse> {
    let mut categories = terms(Category::ALL, Category::code, Category::label);
    for (term, &c) in categories.iter_mut().zip(Category::ALL) {
        term.description = Some(Label::new(c.description(Lang::Da), c.description(Lang::En)));
    }
    Json(TaxonomyResponse {
        categories,
        conditions: terms(Condition::ALL, Condition::code, Condition::label),
        formats: terms(Format::ALL, Format::code, Format::label),
        regions: terms(RegionCode::ALL, RegionCode::code, RegionCode::label),
        municipalities: geography::municipalities()
            .iter()
            .map(|m| MunicipalityTerm { code: m.code.into(), name: m.name.into(), region: m.region })
            .collect(),
    })
}
