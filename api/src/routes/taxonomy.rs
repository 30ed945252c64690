//! Codes and labels of categories, conditions, formats, regions and municipalities.

use crate::AppState;
use axum::routing::get;
use axum::{Json, Router};
use forebyg_shared::geography;
use forebyg_shared::search::{MunicipalityTerm, TaxonomyResponse, Term};
use forebyg_shared::taxonomy::{Category, Condition, Format, RegionCode};
use forebyg_shared::{Label, Lang};

pub fn router() -> Router<AppState> {
    Router::new().route("/taxonomy", get(get_taxonomy))
}

fn terms<T: Copy>(all: &[T], code: fn(T) -> &'static str, label: fn(T, Lang) -> &'static str) -> Vec<Term> {
    all.iter().map(|&t| Term { code: code(t).into(), label: Label::new(label(t, Lang::Da), label(t, Lang::En)), description: None }).collect()
}

/// Every code the API accepts, with Danish and English labels.
#[utoipa::path(get, path = "/api/v1/taxonomy", tag = "taxonomy", responses((status = 200, body = TaxonomyResponse)))]
pub async fn get_taxonomy() -> Json<TaxonomyResponse> {
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
