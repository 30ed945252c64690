//! `GET /api/v1/clinician/offers`: offers for a patient, grouped by intervention with the intake
//! conversation first, each with eligibility and referral route. One read of the search core
//! ([`crate::search::find`], the store's search port), for all groups at once.

use crate::error::ApiError;
use crate::search::{find, round_km, Found};
use crate::store::OfferStore;
use forebyg_shared::search::clinician::{ClinicianHit, ClinicianParams, ClinicianSearchResponse, OfferGroup, DIGITAL_PER_GROUP};
use forebyg_shared::search::SearchParams;
use forebyg_shared::taxonomy::Category;

pub async fn search(store: &dyn OfferStore, params: &ClinicianParams) -> Result<ClinicianSearchResponse, ApiError> {
    let categories = params.groups();
    // The index filters by one condition; several are "any of", filtered here.
    let condition = match params.conditions.as_slice() {
        [one] => Some(*one),
        _ => None,
    };
    let query = SearchParams {
        postcode: params.postcode.clone(),
        point: params.point,
        radius_km: params.radius_km,
        categories: categories.clone(),
        condition,
        ..Default::default()
    };
    let Found { origin, near, digital, .. } = find(store, &query).await?;
    let groups = categories
        .iter()
        .map(|&category| {
            let in_group: Vec<_> = near.iter().filter(|(_, o)| o.category == category && params.matches(o)).collect();
            let digital = digital.iter().filter(|o| o.category == category && params.matches(o));
            OfferGroup {
                category,
                default_referral: category == Category::AfklarendeSamtale,
                nearby_total: in_group.len() as u32,
                nearby: in_group.iter().take(params.per_group as usize).map(|(d, o)| ClinicianHit::new(o, Some(round_km(*d)), params)).collect(),
                digital: digital.take(DIGITAL_PER_GROUP).map(|o| ClinicianHit::new(o, None, params)).collect(),
            }
        })
        .collect();
    Ok(ClinicianSearchResponse { origin, radius_km: params.radius_km, groups })
}
