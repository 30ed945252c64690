//! Self-referrals in the embedded store: one write transaction checks the idempotency key and
//! the receipt code and stores both, so a double submit can never create two requests. A request
//! made with a promise of contact, and the change that settles that promise (or undoes the
//! contact that did), update its provider's tally in the same transaction, and so does the audit
//! log with the entries that record a change.

use super::{backend, EmbeddedStore, IDEMPOTENCY, REFERRALS, RESPONSE_TALLIES};
use crate::store::{Created, Referral, ReferralStore, ResponseTally, StoreError, TallyCount, TallyMove};
use async_trait::async_trait;
use forebyg_shared::admin::AuditEntry;
use forebyg_shared::referral::ReferralStatus;
use forebyg_shared::taxonomy::RegionCode;
use redb::{ReadableDatabase, ReadableTable};

fn decode(code: &str, bytes: &[u8]) -> Result<Referral, StoreError> {
    serde_json::from_slice(bytes).map_err(|e| StoreError::Corrupt { id: code.to_owned(), reason: e.to_string() })
}

fn decode_tally(key: &str, bytes: &[u8]) -> Result<ResponseTally, StoreError> {
    serde_json::from_slice(bytes).map_err(|e| StoreError::Corrupt { id: key.to_owned(), reason: e.to_string() })
}

fn encode(r: &Referral) -> Result<Vec<u8>, StoreError> {
    serde_json::to_vec(r).map_err(backend)
}

/// Adds `by` to a count of `provider_id`'s tally for the month the request was made, within the
/// write transaction `tx`.
fn count_in_tally(tx: &redb::WriteTransaction, r: &Referral, provider_id: &str, count: TallyCount, by: i64) -> Result<(), StoreError> {
    let mut tallies = tx.open_table(RESPONSE_TALLIES).map_err(backend)?;
    let key = format!("{}|{}|{}", r.region.code(), r.created_month(), provider_id);
    let found = tallies.get(key.as_str()).map_err(backend)?.map(|b| decode_tally(&key, b.value())).transpose()?;
    let mut tally = found.unwrap_or_else(|| ResponseTally { provider_id: provider_id.to_owned(), month: r.created_month(), ..Default::default() });
    tally.count(count, by);
    tallies.insert(key.as_str(), serde_json::to_vec(&tally).map_err(backend)?.as_slice()).map_err(backend)?;
    Ok(())
}

impl EmbeddedStore {
    /// Stores `referral` at the next version if the stored one is still at `referral.version`
    /// (and, to move a tally, `received` to settle or not to undo: [`TallyMove`]), with the
    /// tally's count, in one write transaction. `Ok(false)`: it changed meanwhile or is gone;
    /// nothing was written.
    async fn replace_unchanged(&self, referral: &Referral, tally: Option<&TallyMove>, audit: &[AuditEntry]) -> Result<bool, StoreError> {
        let r = Referral { version: referral.version + 1, ..referral.clone() };
        let (tally, audit) = (tally.cloned(), audit.to_vec());
        self.blocking(move |db| {
            let tx = db.begin_write().map_err(backend)?;
            {
                let mut table = tx.open_table(REFERRALS).map_err(backend)?;
                let stored = table.get(r.receipt_code.as_str()).map_err(backend)?.map(|b| decode(&r.receipt_code, b.value())).transpose()?;
                let unchanged = |s: &Referral| {
                    s.version + 1 == r.version && tally.as_ref().is_none_or(|t| t.from_received() == (s.status == ReferralStatus::Received))
                };
                if !stored.as_ref().is_some_and(unchanged) {
                    return Ok(false);
                }
                table.insert(r.receipt_code.as_str(), encode(&r)?.as_slice()).map_err(backend)?;
            }
            if let Some((provider_id, count, by)) = tally.as_ref().map(TallyMove::parts) {
                count_in_tally(&tx, &r, provider_id, count, by)?;
            }
            super::audit::append_in(&tx, &audit)?;
            tx.commit().map_err(backend)?;
            Ok(true)
        })
        .await
    }

    /// The unexpired referrals `keep` selects, newest first (a scan: the embedded store serves
    /// one local process).
    async fn live_referrals(&self, now: i64, keep: impl Fn(&Referral) -> bool + Send + 'static) -> Result<Vec<Referral>, StoreError> {
        self.blocking(move |db| {
            let tx = db.begin_read().map_err(backend)?;
            let (mut out, mut undecodable) = (vec![], 0usize);
            for entry in tx.open_table(REFERRALS).map_err(backend)?.iter().map_err(backend)? {
                let (code, bytes) = entry.map_err(backend)?;
                // One record that does not read must not hide every other one.
                let Ok(r) = decode(code.value(), bytes.value()) else {
                    undecodable += 1;
                    continue;
                };
                if keep(&r) && !r.is_expired(now) {
                    out.push(r);
                }
            }
            report_undecodable(undecodable, "listed without them");
            out.sort_by(|a, b| b.created_at.cmp(&a.created_at).then_with(|| a.receipt_code.cmp(&b.receipt_code)));
            Ok(out)
        })
        .await
    }
}

/// Logs how many referral records did not read (a count only: a record's code or content is
/// personal data).
fn report_undecodable(count: usize, what_then: &str) {
    if count > 0 {
        tracing::error!(count, "referral records that cannot be decoded were skipped ({what_then})");
    }
}

/// What the purge reads of a record: only when it expires and the key it holds.
#[derive(serde::Deserialize)]
struct Expiry {
    expires_at: i64,
    idempotency_key: String,
}

#[async_trait]
impl ReferralStore for EmbeddedStore {
    async fn create_audited(&self, referral: &Referral, audit: &[AuditEntry]) -> Result<Created, StoreError> {
        let (r, audit) = (referral.clone(), audit.to_vec());
        self.blocking(move |db| {
            let tx = db.begin_write().map_err(backend)?;
            let outcome = {
                let (mut referrals, mut keys) = (tx.open_table(REFERRALS).map_err(backend)?, tx.open_table(IDEMPOTENCY).map_err(backend)?);
                let existing_code = keys.get(r.idempotency_key.as_str()).map_err(backend)?.map(|c| c.value().to_owned());
                let existing = match &existing_code {
                    Some(code) => referrals.get(code.as_str()).map_err(backend)?.map(|b| decode(code, b.value())).transpose()?,
                    None => None,
                };
                match existing {
                    // The key is taken while its request lives; once that has expired (or is
                    // gone) the key is free, and the expired request goes now.
                    Some(existing) if !existing.is_expired(r.created_at) => Created::Duplicate(existing),
                    _ if referrals.get(r.receipt_code.as_str()).map_err(backend)?.is_some() => Created::CodeTaken,
                    stale => {
                        if let Some(stale) = stale {
                            referrals.remove(stale.receipt_code.as_str()).map_err(backend)?;
                        }
                        referrals.insert(r.receipt_code.as_str(), encode(&r)?.as_slice()).map_err(backend)?;
                        keys.insert(r.idempotency_key.as_str(), r.receipt_code.as_str()).map_err(backend)?;
                        if r.tallied_as_made() {
                            count_in_tally(&tx, &r, &r.provider_id, TallyCount::Made, 1)?;
                        }
                        super::audit::append_in(&tx, &audit)?;
                        Created::Stored
                    }
                }
            };
            tx.commit().map_err(backend)?;
            Ok(outcome)
        })
        .await
    }

    async fn referral_by_key(&self, idempotency_key: &str, now: i64) -> Result<Option<Referral>, StoreError> {
        let key = idempotency_key.to_owned();
        self.blocking(move |db| {
            let tx = db.begin_read().map_err(backend)?;
            let Some(code) = tx.open_table(IDEMPOTENCY).map_err(backend)?.get(key.as_str()).map_err(backend)?.map(|c| c.value().to_owned()) else {
                return Ok(None);
            };
            let found =
                tx.open_table(REFERRALS).map_err(backend)?.get(code.as_str()).map_err(backend)?.map(|b| decode(&code, b.value())).transpose()?;
            Ok(found.filter(|r| !r.is_expired(now)))
        })
        .await
    }

    async fn get_referral(&self, receipt_code: &str, now: i64) -> Result<Option<Referral>, StoreError> {
        let code = receipt_code.to_owned();
        self.blocking(move |db| {
            let tx = db.begin_read().map_err(backend)?;
            let table = tx.open_table(REFERRALS).map_err(backend)?;
            let found = table.get(code.as_str()).map_err(backend)?.map(|b| decode(&code, b.value())).transpose()?;
            Ok(found.filter(|r| !r.is_expired(now)))
        })
        .await
    }

    async fn region_referrals(&self, region: RegionCode, now: i64) -> Result<Vec<Referral>, StoreError> {
        self.live_referrals(now, move |r| r.region == region).await
    }

    async fn clinician_referrals(&self, subject: &str, now: i64) -> Result<Vec<Referral>, StoreError> {
        let subject = subject.to_owned();
        self.live_referrals(now, move |r| r.clinician.as_ref().is_some_and(|c| c.subject == subject)).await
    }

    async fn change_referral(&self, referral: &Referral, tally: Option<&TallyMove>, audit: &[AuditEntry]) -> Result<bool, StoreError> {
        self.replace_unchanged(referral, tally, audit).await
    }

    async fn response_tallies(&self, region: RegionCode, from_month: &str) -> Result<Vec<ResponseTally>, StoreError> {
        let (start, end) = (format!("{}|{from_month}", region.code()), format!("{}|~", region.code()));
        self.blocking(move |db| {
            let tx = db.begin_read().map_err(backend)?;
            let table = tx.open_table(RESPONSE_TALLIES).map_err(backend)?;
            let mut out = vec![];
            for entry in table.range(start.as_str()..end.as_str()).map_err(backend)? {
                let (key, bytes) = entry.map_err(backend)?;
                out.push(decode_tally(key.value(), bytes.value())?);
            }
            Ok(out)
        })
        .await
    }

    async fn purge_expired_referrals(&self, now: i64) -> Result<u64, StoreError> {
        self.blocking(move |db| {
            let tx = db.begin_write().map_err(backend)?;
            let purged = {
                let (mut referrals, mut keys) = (tx.open_table(REFERRALS).map_err(backend)?, tx.open_table(IDEMPOTENCY).map_err(backend)?);
                let (mut expired, mut undecodable) = (vec![], 0usize);
                for entry in referrals.iter().map_err(backend)? {
                    let (code, bytes) = entry.map_err(backend)?;
                    match serde_json::from_slice::<Expiry>(bytes.value()) {
                        Ok(e) if e.expires_at <= now => expired.push((code.value().to_owned(), e.idempotency_key)),
                        Ok(_) => {}
                        // Kept for a person to look at; every other expired record still goes.
                        Err(_) => undecodable += 1,
                    }
                }
                report_undecodable(undecodable, "not purged");
                for (code, key) in &expired {
                    referrals.remove(code.as_str()).map_err(backend)?;
                    // The key goes with its request (not if it already names a newer one).
                    if keys.get(key.as_str()).map_err(backend)?.is_some_and(|c| c.value() == code.as_str()) {
                        keys.remove(key.as_str()).map_err(backend)?;
                    }
                }
                expired.len() as u64 + EmbeddedStore::purge_reports(&tx, now)?
            };
            tx.commit().map_err(backend)?;
            Ok(purged)
        })
        .await
    }
}
