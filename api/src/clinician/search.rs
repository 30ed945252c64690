//! `GET /api/v1/clinician/offers`: offers for a patient, grouped by intervention with the intake
//! conversation first, each with eligibility and referral route. One read of the search core.

use crate::error::ApiError;
use crate::search::{candidates, resolve_origin, round_km, Candidates};
use crate::store::OfferStore;
use forebyg_shared::search::clinician::{ClinicianHit, ClinicianParams, ClinicianSearchResponse, OfferGroup, DIGITAL_PER_GROUP};
use forebyg_shared::search::SearchParams;
use forebyg_shared::taxonomy::Category;

pub async fn search(store: &dyn OfferStore, params: &ClinicianParams) -> Result<ClinicianSearchResponse, ApiError> {
    let place = SearchParams { postcode: params.postcode.clone(), point: params.point, ..Default::default() };
    let origin = resolve_origin(&place)?;
    let categories = params.groups();
    let keep = |o: &forebyg_shared::offer::Offer| categories.contains(&o.category) && params.matches(o);
    let Candidates { near, digital, .. } = candidates(store, &origin, params.radius_km, (true, true), keep).await?;
    let groups = categories
        .iter()
        .map(|&category| {
            let in_group: Vec<_> = near.iter().filter(|(_, o)| o.category == category).collect();
            OfferGroup {
                category,
                default_referral: category == Category::AfklarendeSamtale,
                nearby_total: in_group.len() as u32,
                nearby: in_group.iter().take(params.per_group as usize).map(|(d, o)| ClinicianHit::new(o, Some(round_km(*d)), params)).collect(),
                digital: digital
                    .iter()
                    .filter(|o| o.category == category)
                    .take(DIGITAL_PER_GROUP)
                    .map(|o| ClinicianHit::new(o, None, params))
                    .collect(),
            }
        })
        .collect();
    Ok(ClinicianSearchResponse { origin, radius_km: params.radius_km, groups })
}
