//! The referral's lifecycle in the store: an idempotency key is taken only while its request
//! lives (a replay after the request expired, was withdrawn past its shortened expiry, or is gone
//! stores a new request rather than returning an expired one or failing); on DynamoDB the key's
//! TTL follows its request's; the embedded store's purge and lists survive an undecodable record.

use super::{referral, NOW};
use forebyg_api::store::{Created, Referral, ReferralStore};
use forebyg_shared::taxonomy::RegionCode;
use std::sync::Arc;

const DAY: i64 = 86_400;

/// A replay of `key`, `at` a later moment, drawing a new code.
fn replay(code: &str, key: &str, at: i64) -> Referral {
    Referral { created_at: at, updated_at: at, expires_at: at + 90 * DAY, ..referral(code, key) }
}

/// Both adapters: a referral its clinician withdrew keeps keyed, salted digests of the erased
/// contact (the patient's status lookup), read back as written (they match with the server's key
/// only), and they go when the record expires.
pub async fn a_withdrawn_referral_keeps_only_its_contact_digests(store: Arc<dyn ReferralStore>) {
    use forebyg_api::contact_digest::{ContactDigests, ContactKey};
    let key = ContactKey::random();
    let first = referral("DIGS-0001", "key-lifecycle-0000009");
    assert_eq!(store.create_referral(&first).await.unwrap(), Created::Stored);
    let digests = ContactDigests::of(&key, first.phone.as_deref(), None);
    let withdrawn = Referral { phone: None, withdrawn_contact: digests, expires_at: NOW + 30 * DAY, ..first.clone() };
    assert!(store.update_referral(&withdrawn).await.unwrap());
    let read = store.get_referral("DIGS-0001", NOW).await.unwrap().unwrap();
    assert_eq!(read.phone, None);
    let read_digests = read.withdrawn_contact.as_ref().unwrap();
    assert!(read_digests.matches(Some(&key), Some("12345678"), None));
    assert!(!read_digests.matches(Some(&key), Some("12345679"), None));
    assert!(!read_digests.matches(None, Some("12345678"), None), "nothing without the key");
    assert_eq!(store.get_referral("DIGS-0001", NOW + 30 * DAY).await.unwrap(), None, "gone with the record");
}

/// Both adapters: once the request behind a key has expired, the key is free.
pub async fn a_key_is_free_once_its_request_expired(store: Arc<dyn ReferralStore>) {
    let first = referral("KEYS-0001", "key-lifecycle-0000001");
    assert_eq!(store.create_referral(&first).await.unwrap(), Created::Stored);
    assert_eq!(store.referral_by_key("key-lifecycle-0000001", NOW).await.unwrap(), Some(first.clone()));
    // Withdrawn: kept 30 more days, then expired.
    let withdrawn = Referral { expires_at: NOW + 30 * DAY, ..first.clone() };
    assert!(store.update_referral(&withdrawn).await.unwrap());
    let later = NOW + 31 * DAY;
    assert_eq!(store.referral_by_key("key-lifecycle-0000001", later).await.unwrap(), None, "an expired request is never returned");
    // The same key again, after that: a new request, not the expired one with its personal data.
    let again = replay("KEYS-0002", "key-lifecycle-0000001", later);
    assert_eq!(store.create_referral(&again).await.unwrap(), Created::Stored);
    assert_eq!(store.referral_by_key("key-lifecycle-0000001", later).await.unwrap(), Some(again.clone()));
    // ... which the key now names: a retry of it is its duplicate.
    assert_eq!(store.create_referral(&replay("KEYS-0003", "key-lifecycle-0000001", later)).await.unwrap(), Created::Duplicate(again));
    assert_eq!(store.get_referral("KEYS-0003", later).await.unwrap(), None);
    // While a request lives its key stays taken (a retry within the 30 days is the withdrawn one).
    let live = referral("KEYS-0004", "key-lifecycle-0000002");
    store.create_referral(&live).await.unwrap();
    let dup = store.create_referral(&replay("KEYS-0005", "key-lifecycle-0000002", NOW + 10)).await.unwrap();
    assert_eq!(dup, Created::Duplicate(live));
}

/// DynamoDB: the key's TTL is its request's, also after a change shortens it; a key whose request
/// TTL already deleted is free (it was a 500 "idempotency key without request").
pub async fn dynamodb_keys_follow_their_requests(local: &super::support::dynamodb_local::DynamoDbLocal) {
    use aws_sdk_dynamodb::types::AttributeValue;
    let store = super::support::dynamo(local).await;
    let client = forebyg_api::store::dynamodb::DynamoStore::client(Some(&local.endpoint)).await;
    let key = |pk: &str, sk: &str| {
        std::collections::HashMap::from([("PK".to_owned(), AttributeValue::S(pk.into())), ("SK".to_owned(), AttributeValue::S(sk.into()))])
    };
    let expiry_of_key = |k: &'static str| {
        let (client, table) = (client.clone(), store.table().to_owned());
        let item = key(&format!("IDEMPOTENCY#{k}"), "IDEMPOTENCY");
        async move {
            let out = client.get_item().table_name(table).set_key(Some(item)).consistent_read(true).send().await.unwrap();
            out.item.and_then(|i| i.get("expires_at").cloned())
        }
    };
    let first = referral("TTLK-0001", "key-ttl-000000000001");
    store.create_referral(&first).await.unwrap();
    let withdrawn = Referral { expires_at: NOW + 30 * DAY, ..first.clone() };
    assert!(store.update_referral(&withdrawn).await.unwrap());
    assert_eq!(expiry_of_key("key-ttl-000000000001").await, Some(AttributeValue::N((NOW + 30 * DAY).to_string())), "the key goes with it");

    // TTL deleted the request but not (yet) its key: the key is free.
    client.delete_item().table_name(store.table()).set_key(Some(key("REFERRAL#TTLK-0001", "REFERRAL"))).send().await.unwrap();
    assert_eq!(store.referral_by_key("key-ttl-000000000001", NOW).await.unwrap(), None);
    let again = replay("TTLK-0002", "key-ttl-000000000001", NOW + 60);
    assert_eq!(store.create_referral(&again).await.unwrap(), Created::Stored);
    assert_eq!(store.referral_by_key("key-ttl-000000000001", NOW + 60).await.unwrap(), Some(again.clone()));
    assert_eq!(expiry_of_key("key-ttl-000000000001").await, Some(AttributeValue::N(again.expires_at.to_string())));
}

/// The embedded store: one record that does not decode neither stops the purge of the others nor
/// empties the inbox.
pub async fn embedded_purge_and_lists_skip_an_undecodable_record() {
    use forebyg_api::store::embedded::{EmbeddedStore, DB_FILE};
    let dir = tempfile::tempdir().unwrap();
    {
        let store = EmbeddedStore::open(dir.path()).unwrap();
        let old = Referral { expires_at: NOW - 1, ..referral("BADR-0001", "key-corrupt-00000001") };
        store.create_referral(&old).await.unwrap();
        store.create_referral(&referral("BADR-0002", "key-corrupt-00000002")).await.unwrap();
    }
    {
        let db = redb::Database::create(dir.path().join(DB_FILE)).unwrap();
        let tx = db.begin_write().unwrap();
        {
            let table: redb::TableDefinition<&str, &[u8]> = redb::TableDefinition::new("referrals");
            tx.open_table(table).unwrap().insert("BADR-0003", b"{\"receipt_code\": 7".as_slice()).unwrap();
        }
        tx.commit().unwrap();
    }
    let store = EmbeddedStore::open(dir.path()).unwrap();
    let live: Vec<String> = store.region_referrals(RegionCode::Midtjylland, NOW).await.unwrap().into_iter().map(|r| r.receipt_code).collect();
    assert_eq!(live, ["BADR-0002"], "the inbox lists the rest");
    assert_eq!(store.purge_expired_referrals(NOW).await.unwrap(), 1, "the expired one goes");
    assert_eq!(store.get_referral("BADR-0001", NOW - 10).await.unwrap(), None, "gone, not hidden");
    assert_eq!(store.create_referral(&referral("BADR-0004", "key-corrupt-00000001")).await.unwrap(), Created::Stored, "its key freed");
}

fn entry(id: &str, target: &str) -> forebyg_shared::admin::AuditEntry {
    forebyg_shared::admin::AuditEntry {
        id: id.into(),
        at: NOW,
        region: RegionCode::Midtjylland,
        actor: "handler-1".into(),
        actor_name: None,
        actor_role: forebyg_shared::auth::Role::RegionAdmin,
        action: forebyg_shared::admin::AuditAction::ReferralStatus,
        target: target.into(),
        target_title: None,
        changes: vec![],
    }
}

/// Both adapters: a new request or a change is stored with its audit entries in one atomic
/// write: never one without the other (an entry that cannot be written stores nothing), and a
/// duplicate or a refused change writes no entry.
pub async fn audit_entries_go_with_their_change<S: ReferralStore + forebyg_api::store::AuditStore>(store: &S) {
    let logged = || async { store.audit_log(RegionCode::Midtjylland, 100).await.unwrap().into_iter().map(|e| e.id).collect::<Vec<_>>() };
    let first = referral("AUDT-0001", "key-audit-0000000001");
    assert_eq!(store.create_audited(&first, &[entry("a1", "AUDT-0001")]).await.unwrap(), Created::Stored);
    assert_eq!(logged().await, ["a1"]);
    let retry = referral("AUDT-0002", "key-audit-0000000001");
    assert_eq!(store.create_audited(&retry, &[entry("a2", "AUDT-0002")]).await.unwrap(), Created::Duplicate(first.clone()));
    assert_eq!(logged().await, ["a1"], "a duplicate writes no entry");

    let contacted = Referral { status: forebyg_shared::referral::ReferralStatus::Contacted, ..first.clone() };
    assert!(store.change_referral(&contacted, None, &[entry("a3", "AUDT-0001")]).await.unwrap());
    assert!(!store.change_referral(&contacted, None, &[entry("a4", "AUDT-0001")]).await.unwrap(), "read at a version since changed");
    let mut ids = logged().await;
    ids.sort();
    assert_eq!(ids, ["a1", "a3"], "a refused change writes no entry");

    // The entry cannot be written (it exists): nor is the change, nor the new request.
    let now = store.get_referral("AUDT-0001", NOW).await.unwrap().unwrap();
    let enrolled = Referral { status: forebyg_shared::referral::ReferralStatus::Enrolled, ..now.clone() };
    assert!(store.change_referral(&enrolled, None, &[entry("a3", "AUDT-0001")]).await.is_err());
    assert_eq!(store.get_referral("AUDT-0001", NOW).await.unwrap(), Some(now), "the change is not stored without its entry");
    let other = referral("AUDT-0003", "key-audit-0000000002");
    assert!(store.create_audited(&other, &[entry("a1", "AUDT-0003")]).await.is_err());
    assert_eq!(store.get_referral("AUDT-0003", NOW).await.unwrap(), None, "nor a request");
    assert_eq!(store.create_referral(&other).await.unwrap(), Created::Stored, "and its key is still free");
}
