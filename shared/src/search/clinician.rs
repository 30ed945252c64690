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
    /// Only offers given in the patient's language (ISO 639-1, e.g. `en`), nearby and digital.
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
    /// none was chosen), delivers part of the chosen package (if one is), is given in the
    /// patient's language (if one is chosen) and has a team at the times chosen (if any are).
    /// Eligibility is not a filter: a not-eligible offer shows, with why.
    pub fn matches(&self, offer: &Offer) -> bool {
        let s = &offer.schedule;
        (self.conditions.is_empty() || offer.conditions.iter().any(|c| self.conditions.contains(c)))
            && self.package.as_deref().is_none_or(|code| offer.packages.iter().any(|d| d.package == code))
            && self.language.as_deref().is_none_or(|l| offer.languages.iter().any(|ol| ol == l))
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
    /// those with a waiting list, then those full, then nearest first.
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
    pub fn best_for_patient(hits: &mut Vec<ClinicianHit>, keep: usize, referrer: Option<ReferrerKind>) {
        let room = |c: Capacity| match c {
            Capacity::Open | Capacity::FewPlaces => 0,
            Capacity::Waitlist => 1,
            Capacity::Full => 2,
        };
        let refused = |h: &ClinicianHit| referrer.is_some_and(|k| !h.referral.accepts(k));
        let barred = |h: &ClinicianHit| h.eligibility.verdict == eligibility::Verdict::NotEligible;
        hits.sort_by_key(|h| (barred(h), refused(h), h.eligibility.verdict.rank(), room(h.offer.capacity)));
        hits.truncate(keep);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::ErrorCode;

    #[test]
    fn parses_and_writes_back() {
        let p = ClinicianParams::parse([("conditions", "kol,type-2-diabetes"), ("postcode", "9000"), ("age", "67"), ("utm", "x")]).unwrap();
        assert_eq!((p.conditions.clone(), p.postcode.as_deref(), p.age), (vec![Condition::Kol, Condition::Type2Diabetes], Some("9000"), Some(67)));
        let pairs = p.to_pairs();
        assert_eq!(pairs[0], ("conditions", "kol,type-2-diabetes".to_owned()));
        assert_eq!(ClinicianParams::parse(pairs.iter().map(|(k, v)| (*k, v.as_str()))).unwrap(), p);
        let with_package = ClinicianParams::parse([("postcode", "9000"), ("package", "KOL")]).unwrap();
        assert_eq!(with_package.package.as_deref(), Some("kol"));
        assert_eq!(with_package.to_pairs(), [("postcode", "9000".to_owned()), ("package", "kol".to_owned())]);
        assert_eq!(ClinicianParams::parse([("package", "kol pakke")]).unwrap_err()[0].field, "package");
        for age in ["121", "6,5", "abc"] {
            let e = &ClinicianParams::parse([("age", age)]).unwrap_err()[0];
            assert_eq!((e.field.as_str(), e.message.get(crate::Lang::Da)), ("age", "Skriv patientens alder i hele år, fra 0 til 120."), "{age}");
        }
        let english = ClinicianParams::parse([("postcode", "9000"), ("language", "EN")]).unwrap();
        assert_eq!(english.to_pairs(), [("postcode", "9000".to_owned()), ("language", "en".to_owned())]);
        let e = &ClinicianParams::parse([("language", "engelsk")]).unwrap_err()[0];
        assert_eq!((e.field.as_str(), e.message.get(crate::Lang::Da)), ("language", "Angiv sproget som en tobogstavskode, fx en."));
        let repeated = ClinicianParams::parse([("conditions", "kol"), ("conditions", "kol"), ("conditions", "kraeft")]).unwrap();
        assert_eq!(repeated.conditions, [Condition::Kol, Condition::Kraeft]);
        let after_work = ClinicianParams::parse([("postcode", "9000"), ("evening", "on"), ("weekend", "false")]).unwrap();
        assert_eq!((after_work.evening, after_work.weekend), (true, false));
        assert_eq!(after_work.to_pairs(), [("postcode", "9000".to_owned()), ("evening", "true".to_owned())]);
        let e = &ClinicianParams::parse([("weekend", "maybe")]).unwrap_err()[0];
        assert_eq!((e.field.as_str(), e.code), ("weekend", ErrorCode::Invalid));
        let hospital = ClinicianParams::parse([("postcode", "9000"), ("referrer", "hospital")]).unwrap();
        assert_eq!(hospital.referrer, Some(ReferrerKind::Hospital));
        assert_eq!(hospital.to_pairs(), [("postcode", "9000".to_owned()), ("referrer", "hospital".to_owned())]);
        for bad in ["self", "nurse"] {
            assert_eq!(ClinicianParams::parse([("referrer", bad)]).unwrap_err()[0].field, "referrer", "{bad}");
        }
    }

    /// A patient who works: evening and weekend are "either", as in the citizen search.
    #[test]
    fn the_times_keep_teams_outside_working_hours() {
        use crate::offer::TimeSlot;
        use crate::taxonomy::Weekday;
        let mut o: Offer = serde_json::from_str(include_str!("../../tests/offer_fixture.json")).unwrap();
        let slot = |weekday, start: &str, end: &str| TimeSlot { weekday, start: start.to_owned(), end: end.to_owned() };
        let times = |evening, weekend| ClinicianParams { evening, weekend, ..Default::default() };
        o.schedule.slots = vec![slot(Weekday::Tue, "10:00", "12:00")];
        assert!(times(false, false).matches(&o) && !times(true, false).matches(&o) && !times(true, true).matches(&o));
        o.schedule.slots.push(slot(Weekday::Thu, "17:00", "19:00"));
        assert!(times(true, false).matches(&o) && times(true, true).matches(&o) && !times(false, true).matches(&o));
        o.schedule.slots = vec![slot(Weekday::Sat, "10:00", "12:00")];
        assert!(times(false, true).matches(&o) && times(true, true).matches(&o) && !times(true, false).matches(&o));
    }

    #[test]
    fn reports_every_bad_field() {
        let errs = ClinicianParams::parse([("conditions", "kol,flu"), ("postcode", "90"), ("age", "121"), ("per_group", "11")]).unwrap_err();
        let got: Vec<_> = errs.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(
            got,
            [
                ("conditions", ErrorCode::Unknown),
                ("postcode", ErrorCode::Invalid),
                ("age", ErrorCode::OutOfRange),
                ("per_group", ErrorCode::OutOfRange)
            ]
        );
    }

    #[test]
    fn the_patient_may_join_comes_first_then_the_nearest() {
        let fixture: Offer = serde_json::from_str(include_str!("../../tests/offer_fixture.json")).unwrap();
        let hit = |id: &str, km: f64, verdict: eligibility::Verdict| {
            let mut h = ClinicianHit::new(&Offer { id: id.to_owned(), ..fixture.clone() }, Some(km), &ClinicianParams::default());
            h.eligibility = Assessment { verdict, reasons: vec![] };
            h
        };
        use eligibility::Verdict::{Check, Eligible, NotEligible};
        let mut hits =
            vec![hit("a", 1.0, NotEligible), hit("b", 2.0, Check), hit("c", 3.0, Eligible), hit("d", 4.0, NotEligible), hit("e", 5.0, Eligible)];
        ClinicianHit::best_for_patient(&mut hits, 3, None);
        let got: Vec<_> = hits.iter().map(|h| h.offer.id.as_str()).collect();
        assert_eq!(got, ["c", "e", "b"]);
        // Within a verdict: room, then a waiting list, then full; nearest first within each.
        let with = |id: &str, km: f64, capacity: Capacity| {
            let mut h = hit(id, km, Eligible);
            h.offer.capacity = capacity;
            h
        };
        let mut hits = vec![
            with("full", 1.0, Capacity::Full),
            with("wait", 2.8, Capacity::Waitlist),
            with("open", 3.1, Capacity::Open),
            with("few", 4.0, Capacity::FewPlaces),
        ];
        ClinicianHit::best_for_patient(&mut hits, 4, None);
        assert_eq!(hits.iter().map(|h| h.offer.id.as_str()).collect::<Vec<_>>(), ["open", "few", "wait", "full"]);

        // A hospital's clinician: within a verdict, the offers taking hospital referrals first,
        // before room (a free GP-only course is of no use to them); no referrer, no change.
        let from = |id: &str, km: f64, capacity: Capacity, hospital: bool| {
            let mut h = with(id, km, capacity);
            h.referral.from_hospital = hospital;
            h
        };
        let check = |id: &str, km: f64, hospital: bool| {
            let mut h = hit(id, km, Check);
            h.referral.from_hospital = hospital;
            h
        };
        let hits = vec![
            hit("not-eligible", 0.5, NotEligible),
            check("check-gp-only", 0.8, false),
            from("gp-only", 1.0, Capacity::Open, false),
            from("full", 2.0, Capacity::Full, true),
            check("check-hospital", 2.5, true),
            from("hospital", 3.0, Capacity::Open, true),
        ];
        let order = |referrer| {
            let mut h = hits.clone();
            ClinicianHit::best_for_patient(&mut h, 6, referrer);
            h.iter().map(|h| h.offer.id.clone()).collect::<Vec<_>>()
        };
        assert_eq!(order(Some(ReferrerKind::Hospital)), ["hospital", "full", "check-hospital", "gp-only", "check-gp-only", "not-eligible"]);
        assert_eq!(order(None), ["gp-only", "hospital", "full", "check-gp-only", "check-hospital", "not-eligible"]);
    }

    #[test]
    fn groups_start_with_the_intake_conversation() {
        let kol = ClinicianParams { conditions: vec![Condition::Kol], ..Default::default() };
        assert_eq!(kol.groups()[0], Category::AfklarendeSamtale);
        assert_eq!(kol.groups().len(), 6);
        let anxious = ClinicianParams { conditions: vec![Condition::AngstDepression], ..Default::default() };
        assert_eq!(anxious.groups()[..2], [Category::AfklarendeSamtale, Category::StressAngstDepression]);
        assert_eq!(ClinicianParams::default().groups().last(), Some(&Category::StressAngstDepression));
        assert_eq!(ClinicianParams::default().groups().len(), 7);
    }
}
