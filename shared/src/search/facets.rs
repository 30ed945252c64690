//! What the search filters look at, apart from free text: small enough to keep in a search index
//! (in memory, or projected into a DynamoDB index), so filtering never reads whole offers.

use crate::offer::{Enrolment, Offer};
use crate::taxonomy::{Capacity, Category, Condition, Format};
use serde::{Deserialize, Serialize};

/// The filterable facts of an offer. Short serde names: the DynamoDB adapter stores this as one
/// compact attribute of its search index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Facets {
    #[serde(rename = "c")]
    pub category: Category,
    #[serde(rename = "k", default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Condition>,
    /// Codes of the kronikerpakker the offer delivers components of.
    #[serde(rename = "g", default, skip_serializing_if = "Vec::is_empty")]
    pub packages: Vec<String>,
    #[serde(rename = "f")]
    pub format: Format,
    #[serde(rename = "l", default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    /// Next course start (YYYY-MM-DD).
    #[serde(rename = "n", default, skip_serializing_if = "Option::is_none")]
    pub next_start: Option<String>,
    /// [`Facets::CONTINUOUS`], [`Facets::EVENING`], ... or-ed together.
    #[serde(rename = "b", default)]
    pub flags: u8,
}

impl Facets {
    pub const CONTINUOUS: u8 = 1;
    pub const EVENING: u8 = 2;
    pub const WEEKEND: u8 = 4;
    pub const SELF_REFERRAL: u8 = 8;
    /// Open or few places left.
    pub const AVAILABLE: u8 = 16;

    pub fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }

    /// Soonest start first: continuous enrolment (start now), then by date, undated last.
    pub fn start_key(&self) -> (u8, &str) {
        match (self.has(Self::CONTINUOUS), self.next_start.as_deref()) {
            (true, _) => (0, ""),
            (_, Some(date)) => (1, date),
            (_, None) => (2, ""),
        }
    }
}

impl From<&Offer> for Facets {
    fn from(o: &Offer) -> Self {
        let s = &o.schedule;
        let flags = [
            (s.enrolment == Enrolment::Continuous, Self::CONTINUOUS),
            (s.has_evening(), Self::EVENING),
            (s.has_weekend(), Self::WEEKEND),
            (o.referral.self_referral, Self::SELF_REFERRAL),
            (matches!(o.capacity, Capacity::Open | Capacity::FewPlaces), Self::AVAILABLE),
        ]
        .into_iter()
        .filter(|(on, _)| *on)
        .fold(0, |acc, (_, flag)| acc | flag);
        Facets {
            category: o.category,
            conditions: o.conditions_taken().to_vec(),
            packages: o.packages.iter().map(|d| d.package.clone()).collect(),
            format: o.format,
            languages: o.languages.clone(),
            next_start: s.next_start.clone(),
            flags,
        }
    }
}
