//! Handlers' notes on a request over real HTTP, on both stores: added within scope only, shown in
//! the inbox with author and time, audited without the text, never logged, never shown to the
//! citizen, and refused with a field error when empty or too long.

mod support;

use forebyg_api::auth::dev;
use forebyg_api::demo;
use forebyg_shared::admin::{AuditAction, AuditEntry, InboxItem, ADMIN_NOTE_MAX};
use forebyg_shared::auth::Role;
use forebyg_shared::problem::Problem;
use forebyg_shared::referral::ReferralReceipt;
use forebyg_shared::taxonomy::{Capacity, RegionCode};
use serde_json::json;
use support::server::Server;

const JSON: &str = "application/json";
const DEMO: usize = 200;
const NOTE: &str = "Ringede kl. 10 – ingen svar. Prøver igen torsdag (ryggen er værre).";

fn flow(env: &[(&str, &str)]) {
    let (data, dist) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut all_env = vec![("FOREBYG_AUTH", "dev")];
    all_env.extend_from_slice(env);
    let server = Server::start_with(data.path(), dist.path(), DEMO, &all_env);
    let offer = demo::offers(DEMO).into_iter().find(|o| o.is_published() && o.referral.self_referral && o.capacity == Capacity::Open).unwrap();
    let asked = json!({"idempotency_key": "notes-key-0000000001", "name": "Gudrun Notesen", "phone": "81234567", "consent": true});
    let created = server.request("POST", &format!("/api/v1/offers/{}/self-referrals", offer.id), &[], Some((JSON, &asked.to_string())));
    assert_eq!(created.status, 201, "{}", created.body);
    let receipt: ReferralReceipt = created.json();

    let bearer = |region: RegionCode| format!("Bearer {}", dev::sign(&dev::claims(Role::RegionAdmin, Some(region), None, 600)));
    let admin = bearer(offer.region);
    let other = bearer(*RegionCode::ALL.iter().find(|r| **r != offer.region).unwrap());
    let note = |auth: &str, code: &str, text: &str| {
        server.request(
            "POST",
            &format!("/api/v1/admin/referrals/{code}/notes"),
            &[("authorization", auth)],
            Some((JSON, &json!({ "text": text }).to_string())),
        )
    };

    let empty = note(&admin, &receipt.receipt_code, "   ");
    assert_eq!(empty.status, 422);
    assert_eq!(empty.json::<Problem>().errors[0].field, "text");
    assert_eq!(note(&admin, &receipt.receipt_code, &"x".repeat(ADMIN_NOTE_MAX + 1)).status, 422);
    assert_eq!(note(&other, &receipt.receipt_code, NOTE).status, 404, "another region cannot write on it, nor learn that it exists");
    assert_eq!(note(&admin, "ZZZZ-ZZZZ", NOTE).status, 404);
    assert_eq!(
        server.request("POST", &format!("/api/v1/admin/referrals/{}/notes", receipt.receipt_code), &[], Some((JSON, r#"{"text":"x"}"#))).status,
        401
    );

    let added = note(&admin, &receipt.receipt_code, &format!("  {NOTE}\n"));
    assert_eq!(added.status, 201, "{}", added.body);
    let item: InboxItem = added.json();
    assert_eq!(item.notes.len(), 1);
    assert_eq!((item.notes[0].text.as_str(), item.notes[0].by.as_str()), (NOTE, "Dev Regional administrator"));
    assert!((forebyg_api::self_referral::now() - item.notes[0].at).abs() < 60);
    assert_eq!(note(&admin, &receipt.receipt_code, "Tilmeldt holdet fra januar.").status, 201);
    // A retry of a note (the answer to the first was lost) is that note, not a second one.
    let retry = note(&admin, &receipt.receipt_code, NOTE);
    assert_eq!((retry.status, retry.json::<InboxItem>().notes.len()), (201, 2), "{}", retry.body);

    // Stored with the request: the inbox shows both, oldest first.
    let inbox: Vec<InboxItem> = server.request("GET", "/api/v1/admin/referrals", &[("authorization", admin.as_str())], None).json();
    let shown = inbox.iter().find(|i| i.receipt_code == receipt.receipt_code).unwrap();
    assert_eq!(shown.notes.iter().map(|n| n.text.as_str()).collect::<Vec<_>>(), [NOTE, "Tilmeldt holdet fra januar."]);

    // The citizen's own status page never shows them.
    let own = server.request("GET", &format!("/api/v1/self-referrals/{}", receipt.receipt_code), &[("forebyg-contact", "81234567")], None);
    assert_eq!(own.status, 200, "{}", own.body);
    assert!(!own.body.contains("Prøver igen"), "the citizen sees no handler notes");

    // Audited (who, which request), without the text; never logged.
    let log: Vec<AuditEntry> = server.request("GET", "/api/v1/admin/audit", &[("authorization", admin.as_str())], None).json();
    let entries: Vec<&AuditEntry> = log.iter().filter(|e| e.action == AuditAction::ReferralNote).collect();
    assert_eq!(entries.len(), 2);
    assert!(entries.iter().all(|e| e.target == receipt.receipt_code && e.changes.is_empty()));
    assert!(!serde_json::to_string(&log).unwrap().contains("Prøver igen"));
    assert!(!server.log().contains("Prøver igen"), "the note is never logged");
}

#[test]
fn notes_on_the_embedded_store() {
    flow(&[]);
}

#[test]
fn notes_on_dynamodb() {
    let local = support::dynamodb_local::DynamoDbLocal::start();
    flow(&[("FOREBYG_STORE", "dynamodb"), ("FOREBYG_DYNAMODB_ENDPOINT", &local.endpoint), ("FOREBYG_CREATE_TABLE", "1"), ("FOREBYG_TABLE", "notes")]);
}
