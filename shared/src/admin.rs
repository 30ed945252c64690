//! The admin workspace's contract: listing rows, status changes and the 409 body of a stale edit.
//! The referral inbox's types live in `inbox`, the audit log's in `audit`; both are re-exported
//! here.

use crate::offer::Offer;
use crate::problem::Problem;
use crate::taxonomy::{Category, Format, OfferStatus, RegionCode};
use serde::{Deserialize, Serialize};

mod activity_offers;
mod audit;
mod inbox;
pub use activity_offers::{activity_offer_rows, offers_leading_to, ActivityOfferLink, ActivityOfferRow, MAX_SUGGESTED, SUGGEST_WITHIN_KM};
pub use audit::{AuditAction, AuditEntry, AuditTarget, FieldChange};
pub use inbox::{AdminNote, InboxItem, NewAdminNote, ReferralCounts, ReferralStatusChange, Referrer, ADMIN_NOTE_MAX};

/// Offers not verified for this many days are listed for re-verification (about 6 months).
pub const STALE_AFTER_DAYS: i64 = 183;

/// One line of the admin's listing table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdminOfferRow {
    pub id: String,
    pub title: String,
    pub status: OfferStatus,
    pub category: Category,
    pub format: Format,
    pub region: RegionCode,
    pub provider_id: String,
    pub provider_name: String,
    pub city: Option<String>,
    /// The municipality the offer takes place in (kommunekode); `None` for digital offers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality_code: Option<String>,
    /// The place's name ("Sundhedshuset"); `None` for digital offers. With the weekly times and
    /// the next start, it tells apart offers with the same title, provider and town.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<String>,
    pub slots: Vec<crate::offer::TimeSlot>,
    /// The next course start (YYYY-MM-DD); `None` with continuous enrolment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_start: Option<String>,
    pub last_verified: String,
    /// Not verified for [`STALE_AFTER_DAYS`].
    pub stale: bool,
    pub version: u64,
    /// The associations' activities the offer leads on to ("Fortsæt bagefter").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activity_ids: Vec<String>,
}

/// Whether an offer last verified on `last_verified` is due to be checked on `today` (not
/// verified for [`STALE_AFTER_DAYS`], or never).
pub fn is_stale(last_verified: &str, today: &str) -> bool {
    let age = crate::date::days_from_iso(today).zip(crate::date::days_from_iso(last_verified)).map(|(t, v)| t - v);
    age.is_none_or(|days| days > STALE_AFTER_DAYS)
}

impl AdminOfferRow {
    pub fn new(o: &Offer, today: &str) -> Self {
        AdminOfferRow {
            id: o.id.clone(),
            title: o.title.clone(),
            status: o.status,
            category: o.category,
            format: o.format,
            region: o.region,
            provider_id: o.provider.id.clone(),
            provider_name: o.provider.name.clone(),
            city: o.location.as_ref().map(|l| l.city.clone()),
            municipality_code: o.location.as_ref().map(|l| l.municipality_code.clone()),
            venue: o.location.as_ref().map(|l| l.name.clone()).filter(|n| !n.trim().is_empty()),
            slots: o.schedule.slots.clone(),
            next_start: o.schedule.next_start.clone(),
            last_verified: o.last_verified.clone(),
            stale: is_stale(&o.last_verified, today),
            version: o.version,
            activity_ids: o.activity_ids.clone(),
        }
    }
}

/// Publish, unpublish (back to draft) or archive, from the version the admin saw.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusChange {
    pub status: OfferStatus,
    pub version: u64,
}

/// "Still true": sets the last verified date to today, from the version the admin saw.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Reverify {
    pub version: u64,
}

/// 409 body of a stale edit: the problem plus the offer as it is now, so the editor can see what
/// changed and reapply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaleEdit {
    #[serde(flatten)]
    pub problem: Problem,
    pub current: Offer,
}
