//! `GET /api/v1/clinician/offers`: offers for a patient, grouped by intervention with the intake
//! conversation first, each with eligibility and referral route. Each group is two searches of
//! the store's index (its nearest ten with the group's total, and its first ten digital offers),
//! all handed to the store at once (on DynamoDB they share their reads). The ten are read whole,
//! since eligibility needs the offer, and the group shows `per_group` of them, those the patient
//! may join first. A group with nothing on site within the radius looks further, as the citizen
//! search does. With the patient's language, each group reads its offers in that language as
//! well (two more searches), so one beyond the nearest ten still comes first.

use crate::error::ApiError;
use crate::search::{resolve_origin, wider_search};
use crate::store::{OfferStore, SearchQuery};
use forebyg_shared::geo::round_km;
use forebyg_shared::package::PackageRecord;
use forebyg_shared::search::clinician::{
    ClinicianHit, ClinicianParams, ClinicianSearchResponse, OfferGroup, DIGITAL_PER_GROUP, DIGITAL_READ, NEAREST_READ,
};
use forebyg_shared::search::{SearchParams, SearchStats};
use forebyg_shared::taxonomy::{Category, Format};
use futures_util::future::try_join_all;

/// `package`: the record `params.package` names (its components say which groups it covers).
pub async fn search(store: &dyn OfferStore, params: &ClinicianParams, package: Option<&PackageRecord>) -> Result<ClinicianSearchResponse, ApiError> {
    let categories = params.groups();
    let place = SearchParams { postcode: params.postcode.clone(), point: params.point, radius_km: params.radius_km, ..Default::default() };
    let origin = resolve_origin(&place)?;
    let today = forebyg_shared::date::copenhagen_date(crate::self_referral::now());
    // The patient's conditions are "any of", which the index filters (`any_condition`); the
    // patient's times filter nearby, digital and the wider search alike. Their language only
    // orders: the searches `in_language` add the offers given in it to those read.
    let in_language = params.language.clone().filter(|l| l != "da");
    let query = |category: Category, format: Option<Format>, per_page: usize, language: Option<String>| SearchQuery {
        origin: origin.point,
        region: origin.region,
        params: SearchParams {
            categories: vec![category],
            format,
            per_page: per_page as u32,
            package: params.package.clone(),
            language,
            evening: params.evening,
            weekend: params.weekend,
            ..place.clone()
        },
        today: today.clone(),
        any_condition: params.conditions.clone(),
    };
    let near_read = NEAREST_READ.max(params.per_group) as usize;
    let group_queries = |c: Category, language: Option<String>| {
        [query(c, None, near_read, language.clone()), query(c, Some(Format::Digital), DIGITAL_READ, language)]
    };
    let queries: Vec<_> = categories
        .iter()
        .flat_map(|&c| group_queries(c, None).into_iter().chain(in_language.iter().flat_map(move |l| group_queries(c, Some(l.clone())))))
        .collect();
    let mut pages = store.search_many(&queries).await?.into_iter();
    let mut next = move || pages.next().expect("a page per query");
    let mut groups: Vec<OfferGroup> = categories
        .iter()
        .map(|&category| {
            let (mut near, mut digital) = (next(), next());
            if in_language.is_some() {
                let (near_in, digital_in) = (next(), next());
                add_missing(&mut near.hits, near_in.hits);
                add_missing(&mut digital.hits, digital_in.hits);
            }
            let mut nearby: Vec<_> = near.hits.iter().filter_map(|(o, d)| Some(ClinicianHit::new(o, Some(round_km((*d)?)), params))).collect();
            ClinicianHit::best_for_patient(&mut nearby, params.per_group as usize, params);
            let digital_total = digital.total;
            let mut digital: Vec<_> = digital.hits.iter().map(|(o, _)| ClinicianHit::new(o, None, params)).collect();
            ClinicianHit::best_for_patient(&mut digital, DIGITAL_PER_GROUP, params);
            OfferGroup {
                category,
                default_referral: category == Category::AfklarendeSamtale,
                nearby_total: near.nearby,
                nearby,
                digital,
                digital_total,
                wider: None,
                outside_package: package.is_some_and(|p| p.leaves_out(category)),
            }
        })
        .collect();
    // An intervention with nothing on site within the radius says how far its nearest offer is;
    // only such groups pay for the extra reads (not one the chosen package leaves out: distance
    // is not why it is empty).
    let wider = try_join_all(groups.iter().map(|g| async {
        if g.nearby_total > 0 || g.outside_package {
            return Ok(None);
        }
        wider_search(store, &query(g.category, None, 1, None), 0, &mut SearchStats::default()).await
    }))
    .await?;
    for (group, wider) in groups.iter_mut().zip(wider) {
        group.wider = wider;
    }
    Ok(ClinicianSearchResponse { origin, radius_km: params.radius_km, groups })
}

/// Adds to `hits` (read in distance order) those of `more` it lacks, keeping the order by
/// distance (a digital offer's `None` after every distance, as the index orders them).
fn add_missing(hits: &mut Vec<(forebyg_shared::offer::Offer, Option<f64>)>, more: Vec<(forebyg_shared::offer::Offer, Option<f64>)>) {
    for hit in more {
        if !hits.iter().any(|(o, _)| o.id == hit.0.id) {
            hits.push(hit);
        }
    }
    hits.sort_by(|(_, a), (_, b)| a.unwrap_or(f64::INFINITY).total_cmp(&b.unwrap_or(f64::INFINITY)));
}
