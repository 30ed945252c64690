//! The offer (forløb/tilbud) and its parts.

use crate::geo::GeoPoint;
use crate::package::PackageDelivery;
use crate::taxonomy::{Capacity, Category, Condition, Format, OfferStatus, ProviderKind, RegionCode, Weekday};
use serde::{Deserialize, Serialize};

/// A patient-oriented prevention offer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Offer {
    pub id: String,
    pub title: String,
    /// One or two sentences for result lists.
    pub summary: String,
    pub description: String,
    pub category: Category,
    pub conditions: Vec<Condition>,
    pub format: Format,
    /// ISO 639-1 codes of the languages the offer is given in, e.g. `da`, `en`, `ar`.
    pub languages: Vec<String>,
    pub schedule: Schedule,
    /// Where it takes place; `None` for digital-only offers.
    pub location: Option<Location>,
    /// The location record `location` is a copy of (see [`crate::directory`]); `None` for
    /// digital-only offers and for places typed in before locations were records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_id: Option<String>,
    /// The region responsible for the offer.
    pub region: RegionCode,
    /// Who runs it (often a municipality on the region's behalf).
    pub provider: Provider,
    pub referral: ReferralRules,
    /// Who may join: age limits, accepted conditions and notes (absent in older records: none).
    #[serde(default)]
    pub eligibility: crate::eligibility::Eligibility,
    pub capacity: Capacity,
    pub cost: Cost,
    pub accessibility: Option<String>,
    pub contact: Contact,
    pub status: OfferStatus,
    /// Date (YYYY-MM-DD) someone last confirmed the listing is true.
    pub last_verified: String,
    /// The kronikerpakke components the offer delivers, of one or more packages (see
    /// [`crate::package`]). Absent in offers stored before packages were records.
    #[serde(default)]
    pub packages: Vec<PackageDelivery>,
    /// Association activities to continue with after the course ("Fortsæt bagefter"): ids of
    /// activity records (see [`crate::activity`]).
    #[serde(default)]
    pub activity_ids: Vec<String>,
    /// Synthetic demo data: never to be presented as a real offer.
    pub demo: bool,
    /// Optimistic-concurrency version, incremented on every change.
    pub version: u64,
}

impl Offer {
    /// Whether a clinician can refer to it through Forebyg now: it takes such referrals and is
    /// not full.
    pub fn refers_through_forebyg(&self) -> bool {
        self.referral.takes_forebyg() && self.capacity != Capacity::Full
    }

    /// The working days within which the provider promises to contact a new request: its
    /// response time, only while it has places (on a waiting list, contact comes when a place
    /// does, and a full course takes no requests). The request's `contact_by` and the offer
    /// page's "kontakter dig inden for …" both follow it.
    #[inline]
    pub fn promised_response_days(&self) -> Option<u8> {
        self.referral.response_days.filter(|_| matches!(self.capacity, Capacity::Open | Capacity::FewPlaces))
    }

    /// Its region and municipality, what its residence rule is said in.
    pub fn area(&self) -> crate::eligibility::Area {
        crate::eligibility::Area::new(self.region, self.location.as_ref().map(|l| l.municipality_code.as_str()))
    }

    /// The conditions of the people it takes: its criteria's list when they name one (validation
    /// keeps that within its target groups), else its target groups. Search and the offer page
    /// use this, so an offer for "KOL, type 2-diabetes" that takes only KOL is found for KOL.
    pub fn conditions_taken(&self) -> &[Condition] {
        match self.eligibility.accepted_conditions.as_slice() {
            [] => &self.conditions,
            only => only,
        }
    }

    pub fn is_published(&self) -> bool {
        self.status == OfferStatus::Published
    }

    /// Closed: found by no search and taking no one new, but still read by the people on it.
    pub fn is_archived(&self) -> bool {
        self.status == OfferStatus::Archived
    }

    pub fn point(&self) -> Option<GeoPoint> {
        self.location.as_ref().map(|l| l.point)
    }

    /// Whether its place lies across the water from someone on `island` (`None`: the mainland):
    /// one of them on an island without a fixed link, the other not on it. Never for a digital
    /// offer.
    pub fn across_water(&self, island: Option<&str>) -> bool {
        self.location.as_ref().is_some_and(|l| l.island() != island)
    }
}

/// When an offer runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Schedule {
    pub enrolment: Enrolment,
    /// Weekly time slots; evening and weekend teams are recognisable from these.
    pub slots: Vec<TimeSlot>,
    /// Next course start (YYYY-MM-DD); `None` with continuous enrolment.
    pub next_start: Option<String>,
}

impl Schedule {
    /// Any slot that ends after 17:00 on a weekday.
    pub fn has_evening(&self) -> bool {
        self.slots.iter().any(|s| !s.weekday.is_weekend() && s.end.as_str() > "17:00")
    }

    pub fn has_weekend(&self) -> bool {
        self.slots.iter().any(|s| s.weekday.is_weekend())
    }
}

/// How people join: a course with a fixed start, or continuous enrolment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Enrolment {
    /// Start whenever you are ready.
    Continuous,
    /// A course of `sessions` meetings over `weeks` weeks.
    Course { sessions: u16, weeks: u16 },
}

/// A weekly slot, times as HH:MM in Danish local time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TimeSlot {
    pub weekday: Weekday,
    pub start: String,
    pub end: String,
}

/// A physical place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Location {
    pub name: String,
    pub address: String,
    pub postcode: String,
    pub city: String,
    /// Four-digit kommunekode, e.g. `0751` for Aarhus.
    pub municipality_code: String,
    pub point: GeoPoint,
}

impl Location {
    /// The island without a fixed link it lies on ([`crate::geography::island`]).
    pub fn island(&self) -> Option<&'static str> {
        crate::geography::island(Some(&self.postcode), Some(&self.municipality_code))
    }
}

/// The organisation running the offer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Provider {
    pub id: String,
    pub name: String,
    pub kind: ProviderKind,
}

/// The referral route: who may refer, whether people may sign up themselves, how a referral is
/// sent and what it must contain. See [`crate::referral_route`] for the rules built on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReferralRules {
    pub self_referral: bool,
    pub from_gp: bool,
    pub from_hospital: bool,
    pub from_municipality: bool,
    pub note: Option<String>,
    /// How clinicians send a referral, in the provider's order of preference; empty (older
    /// records): not stated, and a referral through Forebyg is accepted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub methods: Vec<crate::referral_route::ReferralMethod>,
    /// What a referral must contain, e.g. "Diagnose, seneste FEV1 og rygestatus".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub must_include: Option<crate::Label>,
    /// Working days within which the provider contacts a new request (1–20), said to people
    /// before and after they ask; `None`: not promised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_days: Option<u8>,
}

/// Price in whole Danish kroner; prevention offers are normally free.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Cost {
    pub dkk: u32,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Contact {
    pub name: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub url: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn across_the_water_is_either_way_between_an_island_and_elsewhere() {
        let mut o: Offer = serde_json::from_str(include_str!("../tests/offer_fixture.json")).unwrap();
        let at = |o: &mut Offer, postcode: &str| {
            let pc = crate::geography::postcode(postcode).unwrap();
            let l = o.location.as_mut().unwrap();
            (l.postcode, l.municipality_code) = (pc.code.into(), pc.municipality.into());
        };
        at(&mut o, "8300");
        assert!(!o.across_water(None) && o.across_water(Some("0741")), "Odder, from the mainland and from Samsø");
        at(&mut o, "8305");
        assert!(o.across_water(None) && !o.across_water(Some("0741")) && o.across_water(Some("4305")), "Samsø, from the mainland, Samsø and Orø");
        o.location = None;
        assert!(!o.across_water(Some("0741")), "a digital offer");
    }

    fn slot(weekday: Weekday, start: &str, end: &str) -> TimeSlot {
        TimeSlot { weekday, start: start.into(), end: end.into() }
    }

    #[test]
    fn evening_and_weekend_teams_are_recognised() {
        let mut s = Schedule { enrolment: Enrolment::Continuous, slots: vec![slot(Weekday::Tue, "10:00", "12:00")], next_start: None };
        assert!(!s.has_evening() && !s.has_weekend());
        s.slots.push(slot(Weekday::Thu, "17:00", "19:00"));
        assert!(s.has_evening());
        s.slots = vec![slot(Weekday::Sat, "10:00", "12:00")];
        assert!(s.has_weekend() && !s.has_evening());
    }

    #[test]
    fn enrolment_serialises_with_a_kind_tag() {
        let json = serde_json::to_string(&Enrolment::Course { sessions: 8, weeks: 12 }).unwrap();
        assert_eq!(json, r#"{"kind":"course","sessions":8,"weeks":12}"#);
        let back: Enrolment = serde_json::from_str(r#"{"kind":"continuous"}"#).unwrap();
        assert_eq!(back, Enrolment::Continuous);
    }
}
