//! The storage port for self-referrals: health data under GDPR art. 9, so every record carries
//! its expiry, reads never return an expired record, and both adapters delete them.

use super::StoreError;
use async_trait::async_trait;
use forebyg_shared::referral::{ContactTime, ReferralStatus};
use forebyg_shared::taxonomy::RegionCode;
use serde::{Deserialize, Serialize};

/// A stored request to join an offer. Personal data: never log it.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct SelfReferral {
    pub receipt_code: String,
    pub offer_id: String,
    pub offer_title: String,
    /// The region and provider of the offer: who may see the request.
    pub region: RegionCode,
    pub provider_id: String,
    pub idempotency_key: String,
    pub name: String,
    /// Normalised: 8 digits.
    pub phone: Option<String>,
    /// Normalised: trimmed, lower case.
    pub email: Option<String>,
    pub contact_time: Option<ContactTime>,
    pub message: Option<String>,
    pub status: ReferralStatus,
    pub waitlist: bool,
    /// Unix seconds.
    pub created_at: i64,
    pub updated_at: i64,
    /// Unix seconds after which the record is deleted (DynamoDB TTL; the embedded store purges).
    pub expires_at: i64,
}

/// Debug output without the personal fields, so a stray `{:?}` cannot leak them into a log.
impl std::fmt::Debug for SelfReferral {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SelfReferral")
            .field("receipt_code", &self.receipt_code)
            .field("offer_id", &self.offer_id)
            .field("status", &self.status)
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

impl SelfReferral {
    pub fn is_expired(&self, now: i64) -> bool {
        self.expires_at <= now
    }
}

/// The result of storing a new request.
#[derive(Debug, PartialEq)]
pub enum Created {
    Stored,
    /// A request with the same idempotency key exists: this one.
    Duplicate(SelfReferral),
    /// The receipt code is taken (astronomically rare): draw another and retry.
    CodeTaken,
}

#[async_trait]
pub trait ReferralStore: Send + Sync {
    /// Stores a new request unless its idempotency key or receipt code is taken, atomically.
    async fn create_referral(&self, referral: &SelfReferral) -> Result<Created, StoreError>;

    /// The request with this receipt code, unless it has expired.
    async fn get_referral(&self, receipt_code: &str, now: i64) -> Result<Option<SelfReferral>, StoreError>;

    /// The live requests to offers of a region, newest first.
    async fn region_referrals(&self, region: RegionCode, now: i64) -> Result<Vec<SelfReferral>, StoreError>;

    /// Replaces an existing request (status changes).
    async fn update_referral(&self, referral: &SelfReferral) -> Result<(), StoreError>;

    /// Deletes expired requests now; returns how many. (DynamoDB's TTL also deletes them.)
    async fn purge_expired_referrals(&self, now: i64) -> Result<u64, StoreError>;
}
