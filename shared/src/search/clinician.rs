//! The clinician search: the patient's conditions, postcode and age in, the offers grouped by
//! intervention out (afklarende samtale first, the default referral), each with eligibility and
//! referral route. `?conditions=kol,type-2-diabetes&postcode=9000&age=67` in the page URL and
//! in the API call alike.

use super::{OfferSummary, SearchOrigin, WiderSearch, DEFAULT_RADIUS_KM, MAX_RADIUS_KM, MIN_RADIUS_KM};
use crate::eligibility::{self, Assessment, Patient};
use crate::geo::{GeoPoint, DENMARK};
use crate::label::join_list;
use crate::offer::{Cost, Offer, ReferralRules};
use crate::referral_route::ReferrerKind;
use crate::taxonomy::{Capacity, Category, Condition};
use crate::validation::{self, FieldError};
use serde::{Deserialize, Serialize};

pub const DEFAULT_PER_GROUP: u32 = 3;
pub const MAX_PER_GROUP: u32 = 10;
/// On-site offers read per group, whatever `per_group` shows: the group shows the best of its
/// nearest ten ([`ClinicianHit::best_for_patient`]), so a group's first three stay its first
/// three when the clinician asks for up to ten.
pub const NEAREST_READ: u32 = MAX_PER_GROUP;
/// Offers this close in distance count as equally near when one is for the patient's illness and
/// the other for every chronic condition ([`ClinicianHit::best_for_patient`]).
pub const SAME_DISTANCE_KM: f64 = 5.0;
/// Digital offers shown per group, after the nearby ones.
pub const DIGITAL_PER_GROUP: usize = 2;
/// Digital offers read per group: the group shows the best [`DIGITAL_PER_GROUP`] of its first
/// ten, so one the patient may join comes before one they may not (a walk saw "Kan ikke deltage ·
/// 18–65 år" for a 72-year-old while open digital offers went unshown).
pub const DIGITAL_READ: usize = MAX_PER_GROUP as usize;

/// The kinds of clinician who refer (`referrer`): every referrer but the citizen themself.
pub const CLINICIAN_REFERRERS: [ReferrerKind; 3] = [ReferrerKind::Gp, ReferrerKind::Hospital, ReferrerKind::Municipality];

/// A clinician search as URL query pairs.
#[derive(Debug, Clone, PartialEq)]
pub struct ClinicianParams {
    /// The patient's conditions (any of them); empty: all offers.
    pub conditions: Vec<Condition>,
    pub postcode: Option<String>,
    pub point: Option<GeoPoint>,
    /// The patient's age in years, if given.
    pub age: Option<u8>,
    pub radius_km: f64,
    /// Nearby offers per group.
    pub per_group: u32,
    /// Only offers delivering a component of this kronikerpakke (its code).
    pub package: Option<String>,
    /// The patient's language (ISO 639-1, e.g. `ar`): in each group, nearby and digital alike,
    /// the offers given in it come first ([`ClinicianHit::best_for_patient`]). Orders, never
    /// filters: an offer in Danish with an interpreter is the other way, and a filter emptied
    /// every group near most postcodes.
    pub language: Option<String>,
    /// Only teams outside working hours, for a patient who works: weekday evenings and/or
    /// weekends (either matches), as the citizen search's `evening` and `weekend`.
    pub evening: bool,
    pub weekend: bool,
    /// Who will refer (a signed-in clinician's kind): within a verdict, the offers taking their
    /// referrals come before those that do not (a hospital nurse does not want a GP-only course
    /// first). Orders, never filters.
    pub referrer: Option<ReferrerKind>,
}

impl Default for ClinicianParams {
    fn default() -> Self {
        ClinicianParams {
            conditions: vec![],
            postcode: None,
            point: None,
            age: None,
            radius_km: DEFAULT_RADIUS_KM,
            per_group: DEFAULT_PER_GROUP,
            package: None,
            language: None,
            evening: false,
            weekend: false,
            referrer: None,
        }
    }
}

impl ClinicianParams {
    /// Parses decoded query pairs; `conditions` is comma-separated and may also repeat.
    pub fn parse<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Self, Vec<FieldError>> {
        let mut p = ClinicianParams::default();
        let mut errors = vec![];
        let (mut lat, mut lon) = (None, None);
        for (key, value) in pairs {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            let r = match key {
                "conditions" | "condition" => value.split(',').map(str::trim).filter(|c| !c.is_empty()).try_for_each(|c| {
                    validation::known_code("conditions", c, Condition::from_code).map(|c| {
                        if !p.conditions.contains(&c) {
                            p.conditions.push(c)
                        }
                    })
                }),
                "postcode" => validation::postcode_format(key, value).map(|_| p.postcode = Some(value.to_owned())),
                "lat" => validation::number_in_range(key, value, DENMARK.min.lat, DENMARK.max.lat).map(|v| lat = Some(v)),
                "lon" => validation::number_in_range(key, value, DENMARK.min.lon, DENMARK.max.lon).map(|v| lon = Some(v)),
                // The one value a person types here: the message names it (it stands alone in
                // the error summary).
                "age" => validation::integer_in_range(key, value, 0, u32::from(eligibility::MAX_AGE)).map(|v| p.age = Some(v as u8)).map_err(|e| {
                    let max = eligibility::MAX_AGE;
                    FieldError::new(
                        key,
                        e.code,
                        format!("Skriv patientens alder i hele år, fra 0 til {max}."),
                        format!("Enter the patient's age in whole years, from 0 to {max}."),
                    )
                }),
                "radius_km" => validation::number_in_range(key, value, MIN_RADIUS_KM, MAX_RADIUS_KM).map(|v| p.radius_km = v),
                "per_group" => validation::integer_in_range(key, value, 1, MAX_PER_GROUP).map(|v| p.per_group = v),
                "package" => super::package_code(key, value).map(|c| p.package = Some(c)),
                "language" => super::language(key, value).map(|l| p.language = Some(l)),
                "evening" => super::flag(key, value).map(|v| p.evening = v),
                "weekend" => super::flag(key, value).map(|v| p.weekend = v),
                "referrer" => {
                    ReferrerKind::from_code(value).filter(|k| CLINICIAN_REFERRERS.contains(k)).map(|k| p.referrer = Some(k)).ok_or_else(|| {
                        let codes = CLINICIAN_REFERRERS.map(ReferrerKind::code);
                        let (da, en) = (join_list(&codes, "eller"), join_list(&codes, "or"));
                        FieldError::new(
                            key,
                            validation::ErrorCode::Unknown,
                            format!("»{value}« er ikke gyldig: brug {da}."),
                            format!("“{value}” is not valid: use {en}."),
                        )
                    })
                }
                _ => Ok(()),
            };
            errors.extend(r.err());
        }
        p.point = super::point(lat, lon, &mut errors);
        if errors.is_empty() {
            Ok(p)
        } else {
            Err(errors)
        }
    }

    /// The canonical query pairs (defaults left out), for the page URL and the API call.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = vec![];
        if !self.conditions.is_empty() {
            out.push(("conditions", self.conditions.iter().map(|c| c.code()).collect::<Vec<_>>().join(",")));
        }
        if let Some(pc) = &self.postcode {
            out.push(("postcode", pc.clone()));
        }
        if let Some(pt) = self.point {
            out.push(("lat", crate::decimal::format(pt.lat, 5)));
            out.push(("lon", crate::decimal::format(pt.lon, 5)));
        }
        if let Some(age) = self.age {
            out.push(("age", age.to_string()));
        }
        if self.radius_km != DEFAULT_RADIUS_KM {
            out.push(("radius_km", crate::decimal::format(self.radius_km, 3)));
        }
        if self.per_group != DEFAULT_PER_GROUP {
            out.push(("per_group", self.per_group.to_string()));
        }
        if let Some(code) = &self.package {
            out.push(("package", code.clone()));
        }
        if let Some(l) = &self.language {
            out.push(("language", l.clone()));
        }
        for (name, on) in [("evening", self.evening), ("weekend", self.weekend)] {
            if on {
                out.push((name, "true".to_owned()));
            }
        }
        if let Some(k) = self.referrer {
            out.push(("referrer", k.code().to_owned()));
        }
        out
    }

    /// The intervention groups to show, in order: afklarende samtale (the default referral), then
    /// stress/anxiety/depression when anxiety and depression is among the patient's conditions
    /// (the offers made for them, not after smoking and alcohol), then the other five; with no
    /// condition chosen, stress/anxiety/depression last.
    pub fn groups(&self) -> Vec<Category> {
        let mut groups = Category::REQUIRED.to_vec();
        if self.conditions.contains(&Condition::AngstDepression) {
            groups.insert(1, Category::StressAngstDepression);
        } else if self.conditions.is_empty() {
            groups.push(Category::StressAngstDepression);
        }
        groups
    }

    /// Whether an offer belongs in the results: it targets one of the patient's conditions (or
    /// none was chosen), delivers part of the chosen package (if one is) and has a team at the
    /// times chosen (if any are). Eligibility and the patient's language are not filters: a
    /// not-eligible offer shows, with why, and one in another language after those in theirs.
    pub fn matches(&self, offer: &Offer) -> bool {
        let s = &offer.schedule;
        (self.conditions.is_empty() || offer.conditions.iter().any(|c| self.conditions.contains(c)))
            && self.package.as_deref().is_none_or(|code| offer.packages.iter().any(|d| d.package == code))
            && super::filter::at_times(self.evening, self.weekend, s.has_evening(), s.has_weekend())
    }

    /// The patient as [`eligibility::assess`] sees them.
    pub fn patient(&self) -> Patient<'_> {
        Patient::new(self.age, &self.conditions, self.home())
    }

    /// The patient's postcode (the nearest one for a coordinate), if known.
    pub fn home(&self) -> Option<&'static crate::geography::Postcode> {
        self.postcode.as_deref().and_then(crate::geography::postcode).or_else(|| self.point.and_then(crate::geography::nearest_postcode))
    }
}

/// `GET /api/v1/clinician/offers` response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClinicianSearchResponse {
    pub origin: SearchOrigin,
    pub radius_km: f64,
    pub groups: Vec<OfferGroup>,
}

/// One intervention's offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfferGroup {
    pub category: Category,
    /// Refer here when in doubt: Sundhedsstyrelsen recommends the intake conversation first.
    pub default_referral: bool,
    /// Matching on-site and hybrid offers within the radius (more than `nearby` may show).
    pub nearby_total: u32,
    /// `per_group` of the nearest ten ([`NEAREST_READ`]): those the patient may join first, then
    /// those whose criteria must be read, then the rest; within each, those with room, then
    /// those with a waiting list, then those full; then nearest first, but within each 5 km
    /// ([`SAME_DISTANCE_KM`]) those for the patient's conditions before those for every chronic
    /// condition.
    pub nearby: Vec<ClinicianHit>,
    /// Up to two digital offers of the searched region, those the patient may join first: the
    /// alternative to travelling.
    pub digital: Vec<ClinicianHit>,
    /// All the region's digital offers of the group for the patient (more than `digital` may
    /// show): the count says "3 tilbud + 1 digitalt", so a group with nothing near is not "0".
    #[serde(default)]
    pub digital_total: u32,
    /// When none of this intervention's on-site offers lies within the radius: the first wider
    /// radius with one, how many it holds and how far the nearest is (the clinician's next step
    /// rather than a dead end). Absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wider: Option<WiderSearch>,
    /// A package was chosen and none of its components is this intervention: an empty group
    /// means "not part of the package", not "nothing nearby". Absent (false) otherwise.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub outside_package: bool,
}

/// One offer for the clinician: what the citizen search shows plus what a referral needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClinicianHit {
    /// Capacity, next start, city, provider and so on.
    pub offer: OfferSummary,
    /// Kilometres from the patient's postcode; `None` for a digital offer.
    pub distance_km: Option<f64>,
    /// As [`crate::search::OfferHit::across_water`], from the patient's postcode.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub across_water: bool,
    pub languages: Vec<String>,
    pub eligibility: Assessment,
    /// Who may refer, how, and what the referral must contain.
    pub referral: ReferralRules,
    /// A referral through Forebyg is possible for some referrer (the offer takes them and is
    /// not full); whether for this clinician: [`crate::referral_route::forebyg_refusal`].
    pub refer_through_forebyg: bool,
    pub phone: Option<String>,
    /// What it costs the patient: the card says so, as the handout does.
    pub cost: Cost,
}

impl ClinicianHit {
    pub fn new(offer: &Offer, distance_km: Option<f64>, params: &ClinicianParams) -> Self {
        ClinicianHit {
            offer: OfferSummary::from(offer),
            distance_km,
            across_water: distance_km.is_some() && params.home().is_some_and(|home| offer.across_water(home.island())),
            languages: offer.languages.clone(),
            eligibility: eligibility::assess(&offer.eligibility, &offer.area(), &params.patient()),
            referral: offer.referral.clone(),
            refer_through_forebyg: offer.refers_through_forebyg(),
            phone: offer.contact.phone.clone(),
            cost: offer.cost.clone(),
        }
    }

    /// Keeps the `keep` best of `hits` (read in distance order) for the patient: a GP whose
    /// 67-year-old patient is refused by the nearest course (18–65) wants the next one that takes
    /// them first, and within a verdict one with room before one with a waiting list (a walk
    /// found a waiting list at 2.8 km above free places at 3.1 km), and that before one that is
    /// full without a waiting list (which cannot take the patient). The sort is stable: nearest
    /// first within each.
    /// With `referrer` (a signed-in clinician's kind), among the offers the patient may join or
    /// whose criteria must be read, those taking their referrals come first, whatever their room
    /// or verdict: a hospital nurse cannot use a free place on a course only GPs refer to, and a
    /// walk found three such above one she could refer to whose only criterion was "a doctor's
    /// diagnosis". Offers the patient may not join stay last.
    /// With the patient's `language` (not Danish), the offers given in it come first among those
    /// the patient may join, before the referrer's, the verdict and the room: a course the
    /// patient understands is worth reading criteria for (or their own sign-up, or their GP's
    /// referral, which the card says), and one in Danish needs an interpreter.
    /// Last, all else alike and at about the same distance (the same [`SAME_DISTANCE_KM`] step:
    /// 0–5 km, 5–10 km, …), an offer for the patient's conditions (a KOL school for a KOL patient)
    /// comes before one for every chronic condition, though a little farther: it was made for
    /// their illness, and a few more kilometres are worth that, not ten. Without conditions,
    /// nothing is preferred.
    pub fn best_for_patient(hits: &mut Vec<ClinicianHit>, keep: usize, params: &ClinicianParams) {
        let (referrer, language) = (params.referrer, params.language.as_deref().filter(|l| *l != "da"));
        let room = |c: Capacity| match c {
            Capacity::Open | Capacity::FewPlaces => 0,
            Capacity::Waitlist => 1,
            Capacity::Full => 2,
        };
        let refused = |h: &ClinicianHit| referrer.is_some_and(|k| !h.referral.accepts(k));
        let barred = |h: &ClinicianHit| h.eligibility.verdict == eligibility::Verdict::NotEligible;
        let foreign = |h: &ClinicianHit| language.is_some_and(|l| !h.given_in(l));
        let general = |h: &ClinicianHit| !params.conditions.is_empty() && h.for_every_condition();
        let step = |h: &ClinicianHit| h.distance_km.map_or(0, |d| (d / SAME_DISTANCE_KM) as u32);
        hits.sort_by_key(|h| (barred(h), foreign(h), refused(h), h.eligibility.verdict.rank(), room(h.offer.capacity), step(h), general(h)));
        hits.truncate(keep);
    }

    /// Whether the offer is for people with any chronic condition (every one listed), not made
    /// for some.
    pub fn for_every_condition(&self) -> bool {
        Condition::all_in(&self.offer.conditions)
    }

    /// Whether the offer is given in `language` (ISO 639-1).
    pub fn given_in(&self, language: &str) -> bool {
        self.languages.iter().any(|l| l == language)
    }
}

#[cfg(test)]
mod tests;
