//! The offers an activity page lists: those that lead on to the activity ("Fortsæt bagefter"),
//! and those near it for the same conditions that could. An admin links or unlinks one from the
//! activity's page, without opening the offer.

use super::AdminOfferRow;
use crate::activity::ActivityRecord;
use crate::geo::round_km;
use crate::offer::Offer;
use crate::taxonomy::{Condition, OfferStatus};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// On-site offers farther than this from the activity are not suggested (people carry on near
/// where they took the course).
pub const SUGGEST_WITHIN_KM: f64 = 25.0;
/// The most offers suggested besides the linked ones.
pub const MAX_SUGGESTED: usize = 20;

/// One offer on an activity's page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivityOfferRow {
    pub offer: AdminOfferRow,
    /// Whether the offer links to the activity now.
    pub linked: bool,
    /// Kilometres from the activity's place to the offer's, to 100 m; `None` for a digital offer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distance_km: Option<f64>,
}

/// Link the offer to the activity, or unlink it, from the offer's `version` the admin saw.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivityOfferLink {
    pub offer_id: String,
    pub version: u64,
    pub linked: bool,
}

impl ActivityOfferRow {
    pub fn new(a: &ActivityRecord, o: &Offer, today: &str) -> Self {
        ActivityOfferRow {
            offer: AdminOfferRow::new(o, today),
            linked: o.activity_ids.contains(&a.id),
            distance_km: o.point().map(|p| round_km(p.distance_km(a.point()))),
        }
    }

    /// Whether the offer is one to suggest for the activity: not linked, for one of the
    /// activity's conditions, and digital or within [`SUGGEST_WITHIN_KM`].
    fn suggested(&self, a: &ActivityRecord, o: &Offer) -> bool {
        !self.linked && o.conditions_taken().iter().any(|c| a.conditions.contains(c)) && self.distance_km.is_none_or(|d| d <= SUGGEST_WITHIN_KM)
    }
}

/// The activity's page list from the offers of its region the admin may change: the linked ones
/// (by title), then up to [`MAX_SUGGESTED`] suggestions: those made for some conditions before
/// those for every chronic condition (a back exercise group follows a course for back pain
/// rather than a smoking cessation course for anyone), each nearest first and the digital ones
/// last. Archived offers are left out: nobody new joins them.
pub fn activity_offer_rows<'a>(a: &ActivityRecord, offers: impl IntoIterator<Item = &'a Offer>, today: &str) -> Vec<ActivityOfferRow> {
    let (mut linked, mut suggested) = (vec![], vec![]);
    for o in offers.into_iter().filter(|o| o.region == a.region && !o.is_archived()) {
        let row = ActivityOfferRow::new(a, o, today);
        if row.linked {
            linked.push(row);
        } else if row.suggested(a, o) {
            suggested.push((Condition::all_in(&o.conditions), row));
        }
    }
    linked.sort_by(|x, y| x.offer.title.cmp(&y.offer.title).then_with(|| x.offer.id.cmp(&y.offer.id)));
    suggested.sort_by(|(gx, x), (gy, y)| {
        let far = |r: &ActivityOfferRow| r.distance_km.unwrap_or(f64::INFINITY);
        gx.cmp(gy).then(far(x).total_cmp(&far(y))).then_with(|| x.offer.title.cmp(&y.offer.title)).then_with(|| x.offer.id.cmp(&y.offer.id))
    });
    linked.extend(suggested.into_iter().take(MAX_SUGGESTED).map(|(_, row)| row));
    linked
}

/// How many offers lead on to each activity (by id), of the listing rows given: those an
/// activity's page lists as "Henviser hertil", so archived offers are not counted. An activity
/// no offer leads to is absent (nobody is sent there after a course).
pub fn offers_leading_to(rows: &[AdminOfferRow]) -> HashMap<&str, usize> {
    let mut counts = HashMap::new();
    for id in rows.iter().filter(|r| r.status != OfferStatus::Archived).flat_map(|r| &r.activity_ids) {
        *counts.entry(id.as_str()).or_default() += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::taxonomy::RegionCode;

    fn activity() -> ActivityRecord {
        serde_json::from_value(serde_json::json!({
            "id": "gang", "association_id": "hf", "region": "midtjylland", "name": "Gåhold", "description": "Vi går.",
            "conditions": ["kol"], "intensity": "light", "schedule": {"slots": [], "note": null},
            "place": {"name": "Hallen", "address": "Vej 1", "postcode": "8000", "city": "Aarhus C", "municipality_code": "0751",
                "point": {"lat": 56.15, "lon": 10.2}},
            "price": {"dkk": 0, "note": null}, "subsidy": null, "free_trial": true,
            "contact": {"name": null, "phone": null, "email": null, "url": null}, "accessibility": null,
            "last_verified": "2026-11-01", "status": "active", "version": 1
        }))
        .unwrap()
    }

    fn offer(id: &str, conditions: &[Condition], lat: Option<f64>) -> Offer {
        let mut o =
            crate::coverage::tests::offer(id, crate::taxonomy::Category::FysiskAktivitet, lat.map(|lat| crate::geo::GeoPoint::new(lat, 10.2)));
        o.conditions = conditions.to_vec();
        o.eligibility.accepted_conditions.clear();
        o
    }

    #[test]
    fn lists_the_linked_then_the_nearest_made_for_the_same_conditions_then_those_for_everyone() {
        let a = activity();
        let mut linked = offer("z-linked", &[Condition::Hjertesygdom], Some(56.9));
        linked.activity_ids = vec!["gang".into()];
        let far = offer("far", &[Condition::Kol], Some(56.5)); // ~39 km
        let near = offer("near", &[Condition::Kol, Condition::Kraeft], Some(56.16));
        let nearer = offer("nearer", &[Condition::Kol], Some(56.15));
        let digital = offer("digital", &[Condition::Kol], None);
        let everyone = offer("everyone", Condition::ALL, Some(56.15));
        let other_illness = offer("other", &[Condition::Laenderyg], Some(56.15));
        let mut archived = offer("archived", &[Condition::Kol], Some(56.15));
        archived.status = crate::taxonomy::OfferStatus::Archived;
        let mut elsewhere = offer("elsewhere", &[Condition::Kol], Some(56.15));
        elsewhere.region = RegionCode::Nordjylland;
        let offers = [far, everyone, digital, near, linked, other_illness, archived, nearer, elsewhere];
        let rows = activity_offer_rows(&a, &offers, "2026-12-01");
        let ids: Vec<_> = rows.iter().map(|r| (r.offer.id.as_str(), r.linked, r.distance_km)).collect();
        assert_eq!(
            ids,
            [
                ("z-linked", true, Some(83.4)),
                ("nearer", false, Some(0.0)),
                ("near", false, Some(1.1)),
                ("digital", false, None),
                ("everyone", false, Some(0.0))
            ]
        );
    }

    #[test]
    fn suggests_at_most_the_nearest_twenty() {
        let a = activity();
        let offers: Vec<Offer> = (0..30).map(|i| offer(&format!("o{i:02}"), &[Condition::Kol], Some(56.15 + f64::from(i) * 0.001))).collect();
        let rows = activity_offer_rows(&a, offers.iter().rev(), "2026-12-01");
        assert_eq!(rows.len(), MAX_SUGGESTED);
        assert_eq!((rows[0].offer.id.as_str(), rows[19].offer.id.as_str()), ("o00", "o19"));
    }

    #[test]
    fn counts_the_offers_leading_to_each_activity_but_not_the_archived() {
        let row = |id: &str, activities: &[&str], status: OfferStatus| {
            let mut o = offer(id, &[Condition::Kol], Some(56.15));
            o.activity_ids = activities.iter().map(|a| a.to_string()).collect();
            o.status = status;
            AdminOfferRow::new(&o, "2026-12-01")
        };
        let rows = [
            row("a", &["gang", "svøm"], OfferStatus::Published),
            row("b", &["gang"], OfferStatus::Draft),
            row("c", &["gang", "dans"], OfferStatus::Archived),
            row("d", &[], OfferStatus::Published),
        ];
        let counts = offers_leading_to(&rows);
        assert_eq!((counts.get("gang"), counts.get("svøm"), counts.get("dans")), (Some(&2), Some(&1), None));
    }
}
