//! The storage port for referrals (a citizen's own request to join, or a clinician's referral
//! through Forebyg): health data under GDPR art. 9, so every record carries its expiry, reads
//! never return an expired record, and both adapters delete them.

use super::StoreError;
use async_trait::async_trait;
use forebyg_shared::admin::{AdminNote, AuditEntry};
use forebyg_shared::clinician::Organisation;
use forebyg_shared::referral::{ContactTime, DeclineReason, ReferralStatus, StatusEvent};
use forebyg_shared::response_time::Settlement;
use forebyg_shared::taxonomy::Condition;
use forebyg_shared::taxonomy::RegionCode;
use serde::{Deserialize, Serialize};

/// A stored request to join an offer. Personal data: never log it. Fields added after the
/// first release default, so older records still read.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct Referral {
    pub receipt_code: String,
    pub offer_id: String,
    pub offer_title: String,
    /// The region and provider of the offer: who may see the request.
    pub region: RegionCode,
    pub provider_id: String,
    pub idempotency_key: String,
    /// The citizen's (self-referral) or the patient's (clinician referral) name.
    pub name: String,
    /// Normalised: 8 digits.
    pub phone: Option<String>,
    /// Normalised: trimmed, lower case.
    pub email: Option<String>,
    pub contact_time: Option<ContactTime>,
    /// The citizen's message, or the clinician's short reason text.
    pub message: Option<String>,
    pub status: ReferralStatus,
    pub waitlist: bool,
    /// YYYY-MM-DD by which the provider promised contact (see [`forebyg_shared::referral::ReferralReceipt::contact_by`]).
    #[serde(default)]
    pub contact_by: Option<String>,
    /// Unix seconds.
    pub created_at: i64,
    pub updated_at: i64,
    /// Unix seconds after which the record is deleted (DynamoDB TTL; the embedded store purges).
    pub expires_at: i64,
    /// The clinician who referred; `None` for a self-referral.
    #[serde(default)]
    pub clinician: Option<ClinicianSender>,
    /// 10 digits, clinician referrals only; shown only to the handler.
    #[serde(default)]
    pub cpr: Option<String>,
    #[serde(default)]
    pub conditions: Vec<Condition>,
    #[serde(default)]
    pub interpreter_language: Option<String>,
    #[serde(default)]
    pub decline_reason: Option<DeclineReason>,
    /// The decline note or the closing note.
    #[serde(default)]
    pub note: Option<String>,
    /// Every status change, oldest first (empty in records from before history was kept).
    #[serde(default)]
    pub history: Vec<StatusEvent>,
    /// The handlers' own notes, oldest first; deleted with the record.
    #[serde(default)]
    pub notes: Vec<AdminNote>,
    /// How many changes were stored since it was made. Each change is stored only if the record
    /// is still at the version it was read at (and adds one), so of two concurrent changes one
    /// is refused rather than overwritten.
    #[serde(default)]
    pub version: u64,
    /// Set when the clinician withdrew the referral and its phone and e-mail were erased: their
    /// salted digests, read only by the patient's status lookup (`crate::contact_digest`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn_contact: Option<crate::contact_digest::ContactDigests>,
    /// The provider whose tally counts the answer that settled the promise of contact (the
    /// offer's provider then): a contact undone is taken out of that tally, also when the offer
    /// has moved to another provider since. `None` while unsettled, and in records settled
    /// before it was kept (their provider is the record's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tallied_for: Option<String>,
}

/// Who sent a clinician's referral: the account's subject (whose "Mine henvisninger" lists it),
/// name and organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClinicianSender {
    pub subject: String,
    pub name: Option<String>,
    pub organisation: Organisation,
    /// The sender's record system's own identifier of the request, when it came as a FHIR
    /// ServiceRequest: read back with the referral, so the system finds its request in it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_identifier: Option<SenderIdentifier>,
    /// SHA-256 of the normalised request (see `clinician::request_hash`): a repeat of its key
    /// with another request is refused, not answered with this referral. `None` in records from
    /// before it was kept (then only the offer is compared).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_hash: Option<String>,
}

/// An identifier in the sender's record system (a FHIR `Identifier`'s system and value).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SenderIdentifier {
    pub system: String,
    pub value: String,
}

/// Debug output without the personal fields, so a stray `{:?}` cannot leak them into a log.
impl std::fmt::Debug for Referral {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Referral")
            .field("receipt_code", &self.receipt_code)
            .field("offer_id", &self.offer_id)
            .field("status", &self.status)
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

impl Referral {
    pub fn is_expired(&self, now: i64) -> bool {
        self.expires_at <= now
    }

    /// The Danish day it was made (YYYY-MM-DD; a request at 23:30 UTC in winter is made the next
    /// day): what the receipt shows, the date filters compare and the monthly tallies key on.
    pub fn created_on(&self) -> String {
        forebyg_shared::date::copenhagen_date(self.created_at)
    }

    /// The month it was made (YYYY-MM): its provider's tally counts it there.
    pub fn created_month(&self) -> String {
        self.created_on()[..7].to_owned()
    }

    /// A new request that carries a promise of contact: counted as made in its provider's tally
    /// when stored. (One stored already answered, as a seeded one, is not: its answer never
    /// passed through the tally.)
    pub fn tallied_as_made(&self) -> bool {
        self.contact_by.is_some() && self.status == ReferralStatus::Received
    }

    /// Still `received` after the day the provider promised contact by, at `now` (Unix seconds).
    pub fn contact_overdue(&self, now: i64) -> bool {
        forebyg_shared::referral::contact_overdue(self.status, self.contact_by.as_deref(), &forebyg_shared::date::copenhagen_date(now))
    }
}

/// The result of storing a new request.
// Returned once per request and matched at once: the duplicate's size costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, PartialEq)]
pub enum Created {
    Stored,
    /// A request with the same idempotency key exists: this one.
    Duplicate(Referral),
    /// The receipt code is taken (astronomically rare): draw another and retry.
    CodeTaken,
}

/// One provider's promises of contact for the requests made in one month: counts only (no
/// personal data), so they outlive the requests. `made` grows with the request that carried the
/// promise, the other counts with the change that settled it
/// ([`forebyg_shared::response_time::settlement`]) and shrink with a contact undone
/// ([`TallyMove`]), each in the same atomic write: what was made and never settled is still
/// open, or was deleted unanswered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ResponseTally {
    pub provider_id: String,
    /// YYYY-MM.
    pub month: String,
    #[serde(deserialize_with = "stored_count")]
    pub made: u32,
    #[serde(deserialize_with = "stored_count")]
    pub in_time: u32,
    #[serde(deserialize_with = "stored_count")]
    pub late: u32,
    /// Withdrawn before the day: nothing was due.
    #[serde(deserialize_with = "stored_count")]
    pub released: u32,
}

/// A stored count, below zero read as zero: an undone contact takes one from a count that a
/// record settled outside the tallies (before they were kept) never added to.
fn stored_count<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    let n = <i64 as Deserialize>::deserialize(d)?;
    Ok(u32::try_from(n.max(0)).unwrap_or(u32::MAX))
}

/// What a change of a request does to a provider's tally (for the month the request was made).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TallyMove {
    /// The change settled the promise (the stored request is still `received`): one more of
    /// `fate` in `provider_id`'s tally.
    Settle { provider_id: String, fate: Settlement },
    /// The change undid the contact that settled it (the stored request is not `received`; the
    /// change makes it so): one less.
    Unsettle { provider_id: String, fate: Settlement },
}

impl TallyMove {
    /// Whose tally, which count, and by how much.
    pub fn parts(&self) -> (&str, TallyCount, i64) {
        match self {
            TallyMove::Settle { provider_id, fate } => (provider_id, TallyCount::Settled(*fate), 1),
            TallyMove::Unsettle { provider_id, fate } => (provider_id, TallyCount::Settled(*fate), -1),
        }
    }

    /// Whether the stored request must be `received` (settling) or must not be (undoing).
    pub fn from_received(&self) -> bool {
        matches!(self, TallyMove::Settle { .. })
    }
}

/// Which count of a tally a write changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TallyCount {
    /// A request made with a promise of contact.
    Made,
    /// Its promise settled.
    Settled(Settlement),
}

impl TallyCount {
    /// The count's name, in a tally item and its JSON. Both adapters go by it.
    pub fn field(self) -> &'static str {
        match self {
            TallyCount::Made => "made",
            TallyCount::Settled(Settlement::InTime) => "in_time",
            TallyCount::Settled(Settlement::Late) => "late",
            TallyCount::Settled(Settlement::Released) => "released",
        }
    }
}

impl ResponseTally {
    /// Adds `by` (one, or minus one to take an answer out again) to a count, not below zero.
    pub fn count(&mut self, c: TallyCount, by: i64) {
        let n = match c {
            TallyCount::Made => &mut self.made,
            TallyCount::Settled(Settlement::InTime) => &mut self.in_time,
            TallyCount::Settled(Settlement::Late) => &mut self.late,
            TallyCount::Settled(Settlement::Released) => &mut self.released,
        };
        *n = u32::try_from((i64::from(*n) + by).max(0)).unwrap_or(u32::MAX);
    }

    /// Promises made and not settled: still open, or deleted unanswered.
    pub fn unsettled(&self) -> u32 {
        self.made.saturating_sub(self.in_time + self.late + self.released)
    }
}

#[async_trait]
pub trait ReferralStore: Send + Sync {
    /// Stores a new request unless its idempotency key or receipt code is taken, atomically; one
    /// that carries a promise of contact ([`Referral::tallied_as_made`]) is counted as made in its
    /// provider's tally for the month in the same write. A key is taken only while the request
    /// stored under it lives: once that request has expired (at `referral.created_at`, the
    /// moment of this request) or is gone, the key is free again and this request is stored
    /// under it. The key's own expiry follows its request's through every change.
    async fn create_referral(&self, referral: &Referral) -> Result<Created, StoreError> {
        self.create_audited(referral, &[]).await
    }

    /// The same, with `audit` appended to the audit log in the same atomic write when the request
    /// is stored (nothing is written for a duplicate or a taken code): a request is never stored
    /// without its entries, nor an entry without its request.
    async fn create_audited(&self, referral: &Referral, audit: &[AuditEntry]) -> Result<Created, StoreError>;

    /// The request stored under this idempotency key, unless it has expired (or is gone).
    async fn referral_by_key(&self, idempotency_key: &str, now: i64) -> Result<Option<Referral>, StoreError>;

    /// The request with this receipt code, unless it has expired.
    async fn get_referral(&self, receipt_code: &str, now: i64) -> Result<Option<Referral>, StoreError>;

    /// The live requests to offers of a region, newest first.
    async fn region_referrals(&self, region: RegionCode, now: i64) -> Result<Vec<Referral>, StoreError>;

    /// The live referrals a clinician (by account subject) sent, newest first.
    async fn clinician_referrals(&self, subject: &str, now: i64) -> Result<Vec<Referral>, StoreError>;

    /// Replaces a request that was read at `referral.version` (a status change, a note) with
    /// `referral` at the next version, only if the stored one is still at that version.
    /// `Ok(false)`: it changed meanwhile (or is gone); nothing was written.
    async fn update_referral(&self, referral: &Referral) -> Result<bool, StoreError> {
        self.change_referral(referral, None, &[]).await
    }

    /// The same for the change that settled the request's promise of contact (`fate`), which it
    /// also counts in its provider's tally for the month it was made
    /// ([`Referral::created_month`]), in one atomic write, and only if the stored request is
    /// also still `received`: each request is counted once. `Ok(false)`: nothing was written.
    async fn settle_referral(&self, referral: &Referral, fate: Settlement) -> Result<bool, StoreError> {
        let tally = TallyMove::Settle { provider_id: referral.provider_id.clone(), fate };
        self.change_referral(referral, Some(&tally), &[]).await
    }

    /// [`ReferralStore::update_referral`] (`tally` `None`), or a change that also moves a tally
    /// ([`TallyMove`]: settling the promise as [`ReferralStore::settle_referral`] does, or undoing
    /// the contact that settled it, only if the stored request is not `received`), with `audit`
    /// appended to the audit log, all in one atomic write: the change is stored with its count
    /// and entries or not at all.
    async fn change_referral(&self, referral: &Referral, tally: Option<&TallyMove>, audit: &[AuditEntry]) -> Result<bool, StoreError>;

    /// A region's tallies for the months from `from_month` (YYYY-MM) on, in no particular order.
    async fn response_tallies(&self, region: RegionCode, from_month: &str) -> Result<Vec<ResponseTally>, StoreError>;

    /// Deletes expired requests now; returns how many. (DynamoDB's TTL also deletes them.)
    async fn purge_expired_referrals(&self, now: i64) -> Result<u64, StoreError>;
}
