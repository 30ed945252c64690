//! The referral contract on both adapters: idempotent creation (also under a race),
//! receipt-code collisions, updates, expiry, clinicians' referrals with their history, and the
//! providers' tallies of promises made and settled (counted once, by month, outliving the requests),
//! and the lifecycle of idempotency keys and undecodable records (`referral_contract/lifecycle.rs`),
//! and a contact undone taken out of its tally (`referral_contract/tally.rs`).

#[path = "referral_contract/lifecycle.rs"]
mod lifecycle;
mod support;
#[path = "referral_contract/tally.rs"]
mod tally;

use forebyg_api::store::{ClinicianSender, Created, Referral, ReferralStore, ResponseTally};
use forebyg_shared::admin::AdminNote;
use forebyg_shared::clinician::{Organisation, OrganisationKind};
use forebyg_shared::referral::{Actor, DeclineReason, ReferralStatus, StatusEvent};
use forebyg_shared::response_time::Settlement;
use forebyg_shared::taxonomy::Condition;
use forebyg_shared::taxonomy::RegionCode;
use std::sync::Arc;

const NOW: i64 = 1_800_000_000;

fn referral(code: &str, key: &str) -> Referral {
    Referral {
        receipt_code: code.into(),
        offer_id: "offer-1".into(),
        offer_title: "Holdtræning".into(),
        region: RegionCode::Midtjylland,
        provider_id: "p1".into(),
        idempotency_key: key.into(),
        name: "Karen Jensen".into(),
        phone: Some("12345678".into()),
        email: None,
        contact_time: None,
        message: Some("Jeg kan bedst om formiddagen".into()),
        status: ReferralStatus::Received,
        waitlist: false,
        contact_by: Some("2027-01-05".into()),
        created_at: NOW,
        updated_at: NOW,
        expires_at: NOW + 90 * 86_400,
        clinician: None,
        cpr: None,
        conditions: vec![],
        interpreter_language: None,
        decline_reason: None,
        note: None,
        history: vec![],
        notes: vec![],
        withdrawn_contact: None,
        tallied_for: None,
        version: 0,
    }
}

async fn creates_once_per_idempotency_key(store: Arc<dyn ReferralStore>) {
    let first = referral("AAAA-BBBB", "key-0000000000000001");
    assert_eq!(store.create_referral(&first).await.unwrap(), Created::Stored);
    // A retry draws a new code but carries the same key: the first request comes back.
    let retry = referral("CCCC-DDDD", "key-0000000000000001");
    assert_eq!(store.create_referral(&retry).await.unwrap(), Created::Duplicate(first.clone()));
    assert_eq!(store.get_referral("AAAA-BBBB", NOW).await.unwrap(), Some(first));
    assert_eq!(store.get_referral("CCCC-DDDD", NOW).await.unwrap(), None);
}

async fn a_taken_code_is_reported(store: Arc<dyn ReferralStore>) {
    assert_eq!(store.create_referral(&referral("AAAA-BBBB", "key-0000000000000001")).await.unwrap(), Created::Stored);
    assert_eq!(store.create_referral(&referral("AAAA-BBBB", "key-0000000000000002")).await.unwrap(), Created::CodeTaken);
    // The failed attempt stored nothing: its key is still free.
    assert_eq!(store.create_referral(&referral("EEEE-FFFF", "key-0000000000000002")).await.unwrap(), Created::Stored);
}

async fn a_double_submit_race_stores_one_request(store: Arc<dyn ReferralStore>) {
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..8 {
        let store = store.clone();
        tasks.spawn(async move { store.create_referral(&referral(&format!("RACE-{i:04}"), "key-race-0000000001")).await.unwrap() });
    }
    let mut stored = 0;
    while let Some(outcome) = tasks.join_next().await {
        match outcome.unwrap() {
            Created::Stored => stored += 1,
            Created::Duplicate(r) => assert_eq!(r.idempotency_key, "key-race-0000000001"),
            Created::CodeTaken => panic!("codes were distinct"),
        }
    }
    assert_eq!(stored, 1);
}

async fn updates_replace_the_status_unless_it_changed_meanwhile(store: Arc<dyn ReferralStore>) {
    let mut r = referral("AAAA-BBBB", "key-0000000000000001");
    store.create_referral(&r).await.unwrap();
    let note = |text: &str| AdminNote { text: text.into(), at: NOW + 60, by: "Anne Admin".into() };
    r.status = ReferralStatus::Contacted;
    r.updated_at = NOW + 60;
    r.notes.push(note("Ringede – ingen svar, prøver igen torsdag"));
    assert!(store.update_referral(&r).await.unwrap());
    let stored = store.get_referral("AAAA-BBBB", NOW + 61).await.unwrap().unwrap();
    assert_eq!(stored, Referral { version: 1, ..r.clone() });
    // A second handler who read the first version is refused: their note does not overwrite.
    let mut stale = r.clone();
    stale.notes = vec![note("Sendt brev")];
    assert!(!store.update_referral(&stale).await.unwrap());
    assert_eq!(store.get_referral("AAAA-BBBB", NOW + 61).await.unwrap().as_ref(), Some(&stored));
    // Read again, it goes through.
    let mut again = stored.clone();
    again.notes.push(note("Sendt brev"));
    assert!(store.update_referral(&again).await.unwrap());
    assert_eq!(store.get_referral("AAAA-BBBB", NOW + 61).await.unwrap(), Some(Referral { version: 2, ..again }));
    assert!(!store.update_referral(&referral("ZZZZ-ZZZZ", "key-0000000000000009")).await.unwrap(), "updates never create");
    assert_eq!(store.get_referral("ZZZZ-ZZZZ", NOW).await.unwrap(), None);
}

async fn a_settled_promise_is_counted_once_in_its_month(store: Arc<dyn ReferralStore>) {
    // Made 2027-01-15; contacted a minute later, in time.
    let mut r = referral("SETL-AAAA", "key-0000000000000011");
    store.create_referral(&r).await.unwrap();
    (r.status, r.updated_at) = (ReferralStatus::Contacted, NOW + 60);
    assert!(store.settle_referral(&r, Settlement::InTime).await.unwrap());
    // A second handler who read the same version is refused, and nothing of theirs is written.
    let mut twin = r.clone();
    (twin.status, twin.updated_at) = (ReferralStatus::Declined, NOW + 61);
    assert!(!store.settle_referral(&twin, Settlement::Late).await.unwrap());
    assert_eq!(store.get_referral("SETL-AAAA", NOW + 62).await.unwrap(), Some(Referral { version: 1, ..r }));
    // One stored answered already (seeded) is never settled, even at the version read.
    let answered = Referral { status: ReferralStatus::Contacted, ..referral("SETL-FFFF", "key-0000000000000017") };
    store.create_referral(&answered).await.unwrap();
    assert!(!store.settle_referral(&answered, Settlement::InTime).await.unwrap());
    assert!(!store.settle_referral(&referral("GONE-GONE", "key-0000000000000012"), Settlement::InTime).await.unwrap(), "never creates");
    assert_eq!(store.get_referral("GONE-GONE", NOW).await.unwrap(), None);
    // Another provider's late answer, one in another region, and one made in December.
    let settle = |code: &str, key: &str, edit: fn(&mut Referral), fate: Settlement| {
        let store = store.clone();
        let mut r = referral(code, key);
        edit(&mut r);
        async move {
            store.create_referral(&r).await.unwrap();
            (r.status, r.updated_at) = (ReferralStatus::Contacted, r.updated_at + 60);
            assert!(store.settle_referral(&r, fate).await.unwrap());
        }
    };
    settle("SETL-BBBB", "key-0000000000000013", |r| r.provider_id = "p2".into(), Settlement::Late).await;
    settle("SETL-CCCC", "key-0000000000000014", |r| r.region = RegionCode::Syddanmark, Settlement::InTime).await;
    settle("SETL-DDDD", "key-0000000000000015", |r| (r.created_at, r.updated_at) = (NOW - 40 * 86_400, NOW - 40 * 86_400), Settlement::Late).await;
    settle("SETL-EEEE", "key-0000000000000016", |_| {}, Settlement::Late).await;
    // Withdrawn before the day: released, not counted as kept or broken.
    settle("SETL-HHHH", "key-0000000000000018", |_| {}, Settlement::Released).await;
    // Made without a promise (a waiting list): not in the tally at all; one still open is made only.
    store.create_referral(&Referral { contact_by: None, ..referral("SETL-GGGG", "key-0000000000000019") }).await.unwrap();
    store.create_referral(&referral("SETL-IIII", "key-0000000000000020")).await.unwrap();
    let tallies = |from: &'static str| {
        let store = store.clone();
        async move {
            let mut t = store.response_tallies(RegionCode::Midtjylland, from).await.unwrap();
            t.sort_by(|a, b| (&a.month, &a.provider_id).cmp(&(&b.month, &b.provider_id)));
            t
        }
    };
    let tally = |provider: &str, month: &str, made, in_time, late, released| ResponseTally {
        provider_id: provider.into(),
        month: month.into(),
        made,
        in_time,
        late,
        released,
    };
    let january = tally("p1", "2027-01", 4, 1, 1, 1);
    assert_eq!(january.unsettled(), 1, "SETL-IIII is still open");
    assert_eq!(tallies("2027-01").await, [january.clone(), tally("p2", "2027-01", 1, 0, 1, 0)]);
    assert_eq!(tallies("2026-12").await, [tally("p1", "2026-12", 1, 0, 1, 0), january, tally("p2", "2027-01", 1, 0, 1, 0)]);
    assert_eq!(tallies("2027-02").await, []);
    // The tallies outlive the requests: the December one expires and is purged.
    store.purge_expired_referrals(NOW + 200 * 86_400).await.unwrap();
    assert_eq!(store.get_referral("SETL-DDDD", NOW + 200 * 86_400).await.unwrap(), None);
    assert_eq!(tallies("2026-12").await.len(), 3);
}

async fn concurrent_requests_to_one_provider_are_each_counted(store: Arc<dyn ReferralStore>) {
    // Eight requests to one provider at once, then their answers at once: one tally item.
    let busy = |i: usize| Referral { provider_id: "busy".into(), ..referral(&format!("BUSY-{i:04}"), &format!("key-busy-{i:012}")) };
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..8 {
        let store = store.clone();
        tasks.spawn(async move { store.create_referral(&busy(i)).await.unwrap() });
    }
    while let Some(outcome) = tasks.join_next().await {
        assert_eq!(outcome.unwrap(), Created::Stored);
    }
    for i in 0..8 {
        let store = store.clone();
        tasks.spawn(async move {
            let r = Referral { status: ReferralStatus::Contacted, updated_at: NOW + 60, ..busy(i) };
            assert!(store.settle_referral(&r, Settlement::InTime).await.unwrap());
            Created::Stored
        });
    }
    while let Some(outcome) = tasks.join_next().await {
        outcome.unwrap();
    }
    let tallies = store.response_tallies(RegionCode::Midtjylland, "2027-01").await.unwrap();
    let tally = tallies.iter().find(|t| t.provider_id == "busy").expect("a tally for the busy provider");
    assert_eq!((tally.made, tally.in_time, tally.unsettled()), (8, 8, 0), "{tally:?}");
}

async fn expired_requests_are_gone(store: Arc<dyn ReferralStore>) {
    let mut old = referral("OLDD-OLDD", "key-0000000000000003");
    old.expires_at = NOW - 1;
    store.create_referral(&old).await.unwrap();
    store.create_referral(&referral("NEWW-NEWW", "key-0000000000000004")).await.unwrap();
    assert_eq!(store.get_referral("OLDD-OLDD", NOW).await.unwrap(), None, "never read after expiry");
    store.purge_expired_referrals(NOW).await.unwrap();
    assert_eq!(store.get_referral("OLDD-OLDD", NOW).await.unwrap(), None);
    assert!(store.get_referral("NEWW-NEWW", NOW).await.unwrap().is_some(), "live requests survive a purge");
}

async fn the_inbox_lists_a_regions_live_requests_newest_first(store: Arc<dyn ReferralStore>) {
    let mut older = referral("OLDR-0001", "key-inbox-000000001");
    older.created_at = NOW - 100;
    let newer = referral("NEWR-0002", "key-inbox-000000002");
    let mut elsewhere = referral("ELSE-0003", "key-inbox-000000003");
    elsewhere.region = RegionCode::Nordjylland;
    let mut expired = referral("GONE-0004", "key-inbox-000000004");
    expired.expires_at = NOW - 1;
    for r in [&older, &newer, &elsewhere, &expired] {
        store.create_referral(r).await.unwrap();
    }
    let codes: Vec<String> = store.region_referrals(RegionCode::Midtjylland, NOW).await.unwrap().into_iter().map(|r| r.receipt_code).collect();
    assert_eq!(codes, ["NEWR-0002", "OLDR-0001"]);
}

fn clinician_referral(code: &str, key: &str, subject: &str) -> Referral {
    let organisation = Organisation { kind: OrganisationKind::Practice, name: "Lægerne i Vestergade".into(), sor: Some("123456789".into()) };
    Referral {
        clinician: Some(ClinicianSender {
            subject: subject.into(),
            name: Some("Dr. Hansen".into()),
            organisation,
            request_identifier: None,
            request_hash: Some("9f2c".repeat(16)),
        }),
        cpr: Some("0101601234".into()),
        conditions: vec![Condition::Kol],
        interpreter_language: Some("ar".into()),
        history: vec![StatusEvent::new(ReferralStatus::Received, NOW, Actor::Clinician)],
        ..referral(code, key)
    }
}

/// A clinician's referrals: their own only, newest first, with history and every new field
/// read back as written.
async fn a_clinician_lists_their_own_referrals_with_history(store: Arc<dyn ReferralStore>) {
    let mut older = clinician_referral("CLIN-0001", "key-clinic-00000001", "dr-a");
    older.created_at = NOW - 100;
    let newer = clinician_referral("CLIN-0002", "key-clinic-00000002", "dr-a");
    let theirs = clinician_referral("CLIN-0003", "key-clinic-00000003", "dr-b");
    let citizens = referral("SELF-0004", "key-clinic-00000004");
    let mut expired = clinician_referral("CLIN-0005", "key-clinic-00000005", "dr-a");
    expired.expires_at = NOW - 1;
    for r in [&older, &newer, &theirs, &citizens, &expired] {
        store.create_referral(r).await.unwrap();
    }
    let mine = store.clinician_referrals("dr-a", NOW).await.unwrap();
    assert_eq!(mine.iter().map(|r| r.receipt_code.as_str()).collect::<Vec<_>>(), ["CLIN-0002", "CLIN-0001"]);
    assert_eq!(mine[0], newer, "every field reads back");
    assert!(store.clinician_referrals("dr-c", NOW).await.unwrap().is_empty());
    // The inbox holds both kinds side by side.
    let inbox = store.region_referrals(RegionCode::Midtjylland, NOW).await.unwrap();
    assert!(inbox.iter().any(|r| r.clinician.is_none()) && inbox.iter().any(|r| r.clinician.is_some()));
    // A status change with its history and closing note is kept.
    let mut done = newer.clone();
    for (status, at) in [(ReferralStatus::Contacted, NOW + 10), (ReferralStatus::Enrolled, NOW + 20), (ReferralStatus::Completed, NOW + 30)] {
        done.history.push(StatusEvent::new(status, at, Actor::Provider));
        (done.status, done.updated_at) = (status, at);
    }
    done.note = Some("Gennemførte 8 af 8 gange".into());
    done.decline_reason = Some(DeclineReason::Other);
    assert!(store.update_referral(&done).await.unwrap());
    done.version += 1;
    assert_eq!(store.get_referral("CLIN-0002", NOW + 31).await.unwrap(), Some(done.clone()));
    assert_eq!(store.clinician_referrals("dr-a", NOW + 31).await.unwrap()[0].history.len(), 4);
}

macro_rules! all_cases {
    ($make:expr) => {{
        println!("contract case: creates_once_per_idempotency_key");
        creates_once_per_idempotency_key($make).await;
        println!("contract case: a_taken_code_is_reported");
        a_taken_code_is_reported($make).await;
        println!("contract case: a_double_submit_race_stores_one_request");
        a_double_submit_race_stores_one_request($make).await;
        println!("contract case: concurrent_requests_to_one_provider_are_each_counted");
        concurrent_requests_to_one_provider_are_each_counted($make).await;
        println!("contract case: updates_replace_the_status_unless_it_changed_meanwhile");
        updates_replace_the_status_unless_it_changed_meanwhile($make).await;
        println!("contract case: the_inbox_lists_a_regions_live_requests_newest_first");
        the_inbox_lists_a_regions_live_requests_newest_first($make).await;
        println!("contract case: a_settled_promise_is_counted_once_in_its_month");
        a_settled_promise_is_counted_once_in_its_month($make).await;
        println!("contract case: an_undone_contact_leaves_the_tally_it_was_counted_in");
        tally::an_undone_contact_leaves_the_tally_it_was_counted_in($make).await;
        println!("contract case: expired_requests_are_gone");
        expired_requests_are_gone($make).await;
        println!("contract case: a_clinician_lists_their_own_referrals_with_history");
        a_clinician_lists_their_own_referrals_with_history($make).await;
        println!("contract case: a_key_is_free_once_its_request_expired");
        lifecycle::a_key_is_free_once_its_request_expired($make).await;
        println!("contract case: a_withdrawn_referral_keeps_only_its_contact_digests");
        lifecycle::a_withdrawn_referral_keeps_only_its_contact_digests($make).await;
    }};
}

/// The embedded store deletes expired requests itself.
#[tokio::test]
async fn embedded_purge_deletes_expired_requests() {
    let (store, _dir) = support::embedded();
    let mut old = referral("OLDD-OLDD", "key-0000000000000003");
    old.expires_at = NOW - 1;
    store.create_referral(&old).await.unwrap();
    store.create_referral(&referral("NEWW-NEWW", "key-0000000000000004")).await.unwrap();
    assert_eq!(store.purge_expired_referrals(NOW).await.unwrap(), 1);
    assert_eq!(store.get_referral("OLDD-OLDD", NOW - 10).await.unwrap(), None, "gone, not just hidden");
    // Its idempotency key is freed with it.
    assert_eq!(store.create_referral(&referral("OTHR-OTHR", "key-0000000000000003")).await.unwrap(), Created::Stored);
}

/// DynamoDB deletes expired items through the table's TTL on `expires_at`, stored as a number.
#[tokio::test]
async fn dynamodb_ttl_covers_requests_and_idempotency_keys() {
    use aws_sdk_dynamodb::types::{AttributeValue, TimeToLiveStatus};
    let local = support::dynamodb_local::DynamoDbLocal::start();
    let store = support::dynamo(&local).await;
    store.create_referral(&referral("AAAA-BBBB", "key-0000000000000001")).await.unwrap();
    let client = forebyg_api::store::dynamodb::DynamoStore::client(Some(&local.endpoint)).await;
    let ttl = client.describe_time_to_live().table_name(store.table()).send().await.unwrap();
    let ttl = ttl.time_to_live_description().unwrap();
    assert_eq!((ttl.attribute_name(), ttl.time_to_live_status()), (Some("expires_at"), Some(&TimeToLiveStatus::Enabled)));
    let items = client.scan().table_name(store.table()).send().await.unwrap().items.unwrap();
    let pk = |item: &std::collections::HashMap<String, AttributeValue>| item.get("PK").and_then(|v| v.as_s().ok()).cloned().unwrap_or_default();
    let (tallies, items): (Vec<_>, Vec<_>) = items.into_iter().partition(|item| pk(item).starts_with("TALLY#"));
    assert_eq!(items.len(), 2, "the request and its idempotency key");
    for item in items {
        assert_eq!(item.get("expires_at"), Some(&AttributeValue::N((NOW + 90 * 86_400).to_string())), "{:?}", item.get("PK"));
    }
    // The provider's tally (counts only) is kept: no TTL.
    assert_eq!(tallies.len(), 1, "the request's promise counted as made");
    assert_eq!(tallies[0].get("expires_at"), None);
}

/// The embedded store's purge and lists survive a record that does not decode.
#[tokio::test]
async fn embedded_purge_and_lists_skip_an_undecodable_record() {
    lifecycle::embedded_purge_and_lists_skip_an_undecodable_record().await;
}

/// Both stores: a request or change and its audit entries are written together or not at all.
#[tokio::test]
async fn audit_entries_go_with_their_change_on_both_stores() {
    let (embedded, _dir) = support::embedded();
    lifecycle::audit_entries_go_with_their_change(&embedded).await;
    let local = support::dynamodb_local::DynamoDbLocal::start();
    lifecycle::audit_entries_go_with_their_change(&support::dynamo(&local).await).await;
}

/// DynamoDB: an idempotency key expires with its request, and one whose request is gone is free.
#[tokio::test]
async fn dynamodb_keys_follow_their_requests() {
    let local = support::dynamodb_local::DynamoDbLocal::start();
    lifecycle::dynamodb_keys_follow_their_requests(&local).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn embedded_store_passes_the_referral_contract() {
    let mut dirs = vec![];
    all_cases!({
        let (store, dir) = support::embedded();
        dirs.push(dir);
        Arc::new(store) as Arc<dyn ReferralStore>
    });
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn dynamodb_store_passes_the_referral_contract() {
    let local = support::dynamodb_local::DynamoDbLocal::start();
    all_cases!(Arc::new(support::dynamo(&local).await) as Arc<dyn ReferralStore>);
}
