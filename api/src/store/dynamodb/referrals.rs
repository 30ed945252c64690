//! Self-referrals in DynamoDB. A request and its idempotency key are written in one transaction,
//! each conditional on not existing, so a retry or double submit stores one request.
//!
//! | item        | PK                    | SK            | GSI1PK             | GSI1SK                    |
//! |-------------|-----------------------|---------------|--------------------|---------------------------|
//! | request     | `REFERRAL#{code}`     | `REFERRAL`    | `INBOX#{region}`   | `{created_at:012}#{code}` |
//! | idempotency | `IDEMPOTENCY#{key}`   | `IDEMPOTENCY` | –                  | –                         |
//!
//! A clinician's referral also has GSI2PK = `CLINICIAN#{subject}` and GSI2SK =
//! `{created_at:012}#{code}` ("Mine henvisninger" without a scan). Both items carry
//! `expires_at`, the table's TTL attribute, kept equal: every change of a request sets its key's
//! too, in the same transaction. A key whose request has expired or is gone is free: a new
//! request takes it over (TTL deletes lazily and each item on its own).
//!
//! A provider's tally of promises for a month, `PK = TALLY#{region}`,
//! `SK = {YYYY-MM}#{provider id}` (counts only, no TTL: it outlives the requests), grows by one
//! with `ADD`: `made` in the transaction that creates a request with a promise, a settlement's
//! count in the transaction of the change that settled it, which is conditional on the request
//! being still `received` at the `version` read: each counted once. A contact undone takes its
//! count out again (`ADD` −1, conditional on the request not being `received`); a count read
//! below zero is zero ([`ResponseTally`]).
//!
//! Every change of a request is a put conditional on its `version` being the one read (and
//! writes the next), in a `TransactWriteItems` (with the tally's `ADD` when it settles the
//! promise): two handlers' concurrent changes never overwrite each other. The audit entries that
//! record a new request or a change (one each) are puts in the same transaction: stored with it
//! or not at all (far below the 100 items and 4 MB a transaction may hold).

use super::item::{s, Item};
use super::table::{GSI1, GSI1_PK, GSI1_SK, GSI2, GSI2_PK, GSI2_SK, PK, SK, TALLY_PREFIX, TTL_ATTRIBUTE};
use super::{all_pages, sdk_error, DynamoStore};
use crate::store::{Created, Referral, ReferralStore, ResponseTally, StoreError, TallyCount, TallyMove};
use async_trait::async_trait;
use aws_sdk_dynamodb::types::{AttributeValue, Put, TransactWriteItem, Update};
use forebyg_shared::admin::AuditEntry;
use forebyg_shared::referral::ReferralStatus;
use forebyg_shared::taxonomy::RegionCode;
use std::collections::HashMap;

const REFERRAL_SK: &str = "REFERRAL";
const IDEMPOTENCY_SK: &str = "IDEMPOTENCY";

fn key(pk: String, sk: &str) -> Item {
    HashMap::from([(PK.to_owned(), s(pk)), (SK.to_owned(), s(sk))])
}

fn referral_key(code: &str) -> Item {
    key(format!("REFERRAL#{code}"), REFERRAL_SK)
}

fn idempotency_key(k: &str) -> Item {
    key(format!("IDEMPOTENCY#{k}"), IDEMPOTENCY_SK)
}

/// `r`'s idempotency key item: the receipt code it names, and the request's expiry (its TTL).
fn key_item(r: &Referral) -> Item {
    let mut idem = idempotency_key(&r.idempotency_key);
    idem.insert("receipt_code".into(), s(r.receipt_code.clone()));
    idem.insert(TTL_ATTRIBUTE.into(), AttributeValue::N(r.expires_at.to_string()));
    idem
}

fn to_item(r: &Referral) -> Result<Item, StoreError> {
    let mut item: Item = serde_dynamo::to_item(r).map_err(|e| StoreError::Backend(format!("cannot map request {}: {e}", r.receipt_code)))?;
    item.extend(referral_key(&r.receipt_code));
    item.insert("entity".into(), s("referral"));
    item.insert(GSI1_PK.into(), s(format!("INBOX#{}", r.region.code())));
    item.insert(GSI1_SK.into(), s(format!("{:012}#{}", r.created_at, r.receipt_code)));
    if let Some(c) = &r.clinician {
        item.insert(GSI2_PK.into(), s(clinician_partition(&c.subject)));
        item.insert(GSI2_SK.into(), s(format!("{:012}#{}", r.created_at, r.receipt_code)));
    }
    Ok(item)
}

fn clinician_partition(subject: &str) -> String {
    format!("CLINICIAN#{subject}")
}

fn from_item(item: Item) -> Result<Referral, StoreError> {
    serde_dynamo::from_item(item).map_err(|e| StoreError::Corrupt { id: "referral".into(), reason: e.to_string() })
}

fn tally_partition(region: RegionCode) -> String {
    format!("{TALLY_PREFIX}{}", region.code())
}

/// Adds `by` to a count of `provider_id`'s tally for the month the request was made.
fn count_in_tally(r: &Referral, provider_id: &str, count: TallyCount, by: i64, table: &str) -> TransactWriteItem {
    let update = Update::builder()
        .table_name(table)
        .set_key(Some(key(tally_partition(r.region), &format!("{}#{provider_id}", r.created_month()))))
        .update_expression("ADD #count :by SET provider_id = :provider, #month = :month, entity = :entity")
        .expression_attribute_names("#count", count.field())
        .expression_attribute_names("#month", "month")
        .expression_attribute_values(":by", AttributeValue::N(by.to_string()))
        .expression_attribute_values(":provider", s(provider_id.to_owned()))
        .expression_attribute_values(":month", s(r.created_month()))
        .expression_attribute_values(":entity", s("response_tally"))
        .build()
        .expect("table, key and expression set");
    TransactWriteItem::builder().update(update).build()
}

fn put_if_absent(item: Item, table: &str) -> TransactWriteItem {
    let put = Put::builder()
        .table_name(table)
        .set_item(Some(item))
        .condition_expression("attribute_not_exists(#pk)")
        .expression_attribute_names("#pk", PK)
        .build()
        .expect("table and item set");
    TransactWriteItem::builder().put(put).build()
}

impl DynamoStore {
    /// Puts `r` at the next version if the stored one is still at `r.version` (and, to move a
    /// tally, `received` to settle or not to undo: [`TallyMove`]), with the tally's ADD in the
    /// same transaction. `Ok(false)`: it changed meanwhile or is gone; nothing was written.
    async fn replace_unchanged(&self, r: &Referral, tally: Option<&TallyMove>, audit: &[AuditEntry]) -> Result<bool, StoreError> {
        let next = Referral { version: r.version + 1, ..r.clone() };
        // A record stored before versions existed has none: it reads as version 0.
        let mut condition = String::from(if r.version == 0 {
            "attribute_exists(#pk) AND (#version = :read OR attribute_not_exists(#version))"
        } else {
            "attribute_exists(#pk) AND #version = :read"
        });
        match tally.map(TallyMove::from_received) {
            Some(true) => condition.push_str(" AND #status = :received"),
            Some(false) => condition.push_str(" AND #status <> :received"),
            None => {}
        }
        let put = Put::builder()
            .table_name(&self.table)
            .set_item(Some(to_item(&next)?))
            .condition_expression(condition)
            .expression_attribute_names("#pk", PK)
            .expression_attribute_names("#version", "version")
            .expression_attribute_values(":read", AttributeValue::N(r.version.to_string()));
        let put = match tally {
            Some(_) => {
                put.expression_attribute_names("#status", "status").expression_attribute_values(":received", s(ReferralStatus::Received.code()))
            }
            None => put,
        };
        let put = TransactWriteItem::builder().put(put.build().expect("table and item set")).build();
        // The tally's ADD (no condition) and the audit entries (new items): with the change or
        // not at all.
        let mut rest: Vec<TransactWriteItem> =
            tally.map(TallyMove::parts).map(|(provider_id, count, by)| count_in_tally(r, provider_id, count, by, &self.table)).into_iter().collect();
        for e in audit {
            rest.push(super::audit::put_in_transaction(e, &self.table)?);
        }
        // The key's expiry follows the request's (a withdrawal or a close shortens it), so the
        // key goes with its request. The conditions: [request, key, (tally,) audit entries].
        let with_key = [put.clone(), self.key_expires_with(&next)].into_iter().chain(rest.clone()).collect();
        match self.transact(with_key).await? {
            None => Ok(true),
            Some(0) => Ok(false),
            // The key no longer names this request (made before keys expired with it): the
            // change alone.
            Some(1) => match self.transact(std::iter::once(put).chain(rest).collect()).await? {
                None => Ok(true),
                Some(0) => Ok(false),
                Some(_) => Err(StoreError::Backend("an audit entry of the change exists".into())),
            },
            Some(_) => Err(StoreError::Backend("an audit entry of the change exists".into())),
        }
    }

    /// The put of `r`'s idempotency key, naming its receipt code and expiring with it: only if the
    /// key is free (absent, expired, or naming the `stale` request found expired or gone).
    fn claim_key(&self, r: &Referral, stale: Option<&str>) -> TransactWriteItem {
        let put = Put::builder()
            .table_name(&self.table)
            .set_item(Some(key_item(r)))
            .condition_expression(if stale.is_some() {
                "attribute_not_exists(#pk) OR #expires <= :now OR receipt_code = :stale"
            } else {
                "attribute_not_exists(#pk) OR #expires <= :now"
            })
            .expression_attribute_names("#pk", PK)
            .expression_attribute_names("#expires", TTL_ATTRIBUTE)
            .expression_attribute_values(":now", AttributeValue::N(r.created_at.to_string()));
        let put = match stale {
            Some(code) => put.expression_attribute_values(":stale", s(code.to_owned())),
            None => put,
        };
        TransactWriteItem::builder().put(put.build().expect("table and item set")).build()
    }

    /// Puts `r`'s idempotency key again with the request's expiry, if the key still names it (a
    /// put, not an update: the role may update tally items only, see infra/template.yaml).
    fn key_expires_with(&self, r: &Referral) -> TransactWriteItem {
        let put = Put::builder()
            .table_name(&self.table)
            .set_item(Some(key_item(r)))
            .condition_expression("receipt_code = :code")
            .expression_attribute_values(":code", s(r.receipt_code.clone()))
            .build()
            .expect("table and item set");
        TransactWriteItem::builder().put(put).build()
    }

    async fn get_item(&self, key: Item) -> Result<Option<Item>, StoreError> {
        let out = self.client.get_item().table_name(&self.table).set_key(Some(key)).consistent_read(true).send().await.map_err(sdk_error)?;
        Ok(out.item)
    }
}

#[async_trait]
impl ReferralStore for DynamoStore {
    async fn create_audited(&self, r: &Referral, audit: &[AuditEntry]) -> Result<Created, StoreError> {
        // The code the key named when its request was found expired or gone: the key is free.
        let mut stale: Option<String> = None;
        let entries = audit.iter().map(|e| super::audit::put_in_transaction(e, &self.table)).collect::<Result<Vec<_>, _>>()?;
        for _ in 0..3 {
            let made = r.tallied_as_made().then(|| count_in_tally(r, &r.provider_id, TallyCount::Made, 1, &self.table));
            let items = [self.claim_key(r, stale.as_deref()), put_if_absent(to_item(r)?, &self.table)]
                .into_iter()
                .chain(entries.clone())
                .chain(made)
                .collect();
            // The conditions, in the order of the transaction's items: [idempotency key, request,
            // audit entries]; the tally's ADD, last, has none.
            match self.transact(items).await? {
                None => return Ok(Created::Stored),
                Some(0) => {
                    // Deleted by TTL meanwhile: free now.
                    let Some(idem) = self.get_item(idempotency_key(&r.idempotency_key)).await? else { continue };
                    let Some(AttributeValue::S(code)) = idem.get("receipt_code") else {
                        return Err(StoreError::Corrupt { id: "idempotency".into(), reason: "no receipt code".into() });
                    };
                    match self.get_item(referral_key(code)).await?.map(from_item).transpose()? {
                        Some(existing) if !existing.is_expired(r.created_at) => return Ok(Created::Duplicate(existing)),
                        // Its request expired or is gone (TTL deletes lazily, each item on its own).
                        _ => stale = Some(code.clone()),
                    }
                }
                Some(1) => return Ok(Created::CodeTaken),
                Some(_) => return Err(StoreError::Backend("an audit entry of the new request exists".into())),
            }
        }
        Err(StoreError::Unavailable("the idempotency key changed on every attempt".into()))
    }

    async fn referral_by_key(&self, idempotency_key_: &str, now: i64) -> Result<Option<Referral>, StoreError> {
        let Some(idem) = self.get_item(idempotency_key(idempotency_key_)).await? else { return Ok(None) };
        match idem.get("receipt_code") {
            Some(AttributeValue::S(code)) => self.get_referral(code, now).await,
            _ => Err(StoreError::Corrupt { id: "idempotency".into(), reason: "no receipt code".into() }),
        }
    }

    async fn get_referral(&self, receipt_code: &str, now: i64) -> Result<Option<Referral>, StoreError> {
        // TTL deletion lags (up to days): an expired record is treated as gone.
        Ok(self.get_item(referral_key(receipt_code)).await?.map(from_item).transpose()?.filter(|r| !r.is_expired(now)))
    }

    async fn region_referrals(&self, region: RegionCode, now: i64) -> Result<Vec<Referral>, StoreError> {
        let items = self.partition_desc((GSI1, GSI1_PK), format!("INBOX#{}", region.code())).await?;
        Ok(items.into_iter().map(from_item).collect::<Result<Vec<_>, _>>()?.into_iter().filter(|r| !r.is_expired(now)).collect())
    }

    async fn clinician_referrals(&self, subject: &str, now: i64) -> Result<Vec<Referral>, StoreError> {
        let items = self.partition_desc((GSI2, GSI2_PK), clinician_partition(subject)).await?;
        Ok(items.into_iter().map(from_item).collect::<Result<Vec<_>, _>>()?.into_iter().filter(|r| !r.is_expired(now)).collect())
    }

    async fn change_referral(&self, r: &Referral, tally: Option<&TallyMove>, audit: &[AuditEntry]) -> Result<bool, StoreError> {
        self.replace_unchanged(r, tally, audit).await
    }

    async fn response_tallies(&self, region: RegionCode, from_month: &str) -> Result<Vec<ResponseTally>, StoreError> {
        let items = all_pages(|| {
            self.client
                .query()
                .table_name(&self.table)
                .key_condition_expression("#pk = :pk AND #sk >= :from")
                .expression_attribute_names("#pk", PK)
                .expression_attribute_names("#sk", SK)
                .expression_attribute_values(":pk", s(tally_partition(region)))
                .expression_attribute_values(":from", s(from_month.to_owned()))
        })
        .await?;
        items
            .into_iter()
            .map(|item| serde_dynamo::from_item(item).map_err(|e| StoreError::Corrupt { id: "response tally".into(), reason: e.to_string() }))
            .collect()
    }

    async fn purge_expired_referrals(&self, _now: i64) -> Result<u64, StoreError> {
        // DynamoDB's TTL on `expires_at` deletes them; reads already hide expired ones.
        Ok(0)
    }
}
