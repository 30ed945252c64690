//! The patient's side of a clinician's referral: withdrawing it on the status page, and the
//! retention clock of a decline reopened.

use super::*;

/// The patient's side and the retention clock: a decline reopened keeps the referral to its
/// latest day again (the course may run for months), and the patient who withdraws on the
/// status page is recorded as such, can still look it up, and the clinician sees it as news.
#[test]
fn a_reopened_decline_is_kept_and_the_patient_may_withdraw() {
    let (server, _d, _s) = start();
    let me = bearer(&practice(), "a");
    let offer = find(|o| o.referral.from_gp && o.referral.takes_forebyg() && o.capacity == Capacity::Open);
    let admin = format!("Bearer {}", dev::sign(&dev::claims(Role::RegionAdmin, Some(offer.region), None, 600)));
    let mine = |code: &str, since: i64| -> ClinicianReferral {
        server.request("GET", &format!("/api/v1/clinician/referrals/{code}?since={since}"), &[("authorization", &me)], None).json()
    };
    // Kept until the Danish day `n` days after the referral was made (or declined, the same second here).
    let kept_until = |r: &ClinicianReferral, n: i64| forebyg_shared::date::copenhagen_date(r.created_at + n * 86_400);

    // Declined: kept 90 days from today; reopened: back to 365 days from the day it was made.
    let first: ClinicianReferral = refer(&server, &me, &offer.id, &body("clinic-reopen-00000001")).json();
    assert_eq!(first.expires_on, kept_until(&first, 365));
    let status = |change: Value| {
        let path = format!("/api/v1/admin/referrals/{}/status", first.code);
        server.request("POST", &path, &[("authorization", &admin)], Some((JSON, &change.to_string())))
    };
    assert_eq!(status(json!({"status": "declined", "reason": "could-not-reach"})).status, 200);
    let declined = mine(&first.code, 0);
    assert_eq!(declined.expires_on, kept_until(&declined, 90), "the clock runs from the decline (made today)");
    assert_eq!(status(json!({"status": "contacted"})).status, 200);
    let reopened = mine(&first.code, 0);
    assert_eq!((reopened.status, reopened.expires_on.clone()), (ReferralStatus::Contacted, kept_until(&reopened, 365)), "reopened: kept again");

    // The patient withdraws on the status page with the code and their phone number.
    let second: ClinicianReferral = refer(&server, &me, &offer.id, &body("clinic-reopen-00000002")).json();
    // Declined with a note, reopened, and a handler's note: health data the withdrawal must take.
    let on_second = |path: &str, change: Value| {
        let path = format!("/api/v1/admin/referrals/{}/{path}", second.code);
        server.request("POST", &path, &[("authorization", &admin)], Some((JSON, &change.to_string())))
    };
    assert_eq!(on_second("status", json!({"status": "declined", "reason": "not-eligible", "note": "Hjertesvigt – for syg nu"})).status, 200);
    assert_eq!(on_second("status", json!({"status": "contacted"})).status, 200);
    assert_eq!(on_second("notes", json!({"text": "Ryggen er værre"})).status, 201);
    let cursor = server.request("GET", "/api/v1/clinician/referrals", &[("authorization", &me)], None).json::<ClinicianReferralList>().cursor;
    let by_patient =
        |method: &str| server.request(method, &format!("/api/v1/self-referrals/{}", second.code), &[("forebyg-contact", "81234567")], None);
    assert_eq!(by_patient("DELETE").json::<ReferralReceipt>().status, ReferralStatus::Withdrawn);
    let again = by_patient("GET");
    assert_eq!((again.status, again.json::<ReferralReceipt>().status), (200, ReferralStatus::Withdrawn), "the patient can still look it up");
    let seen = mine(&second.code, cursor);
    let last = seen.history.last().unwrap();
    assert_eq!((seen.status, last.by, seen.changed), (ReferralStatus::Withdrawn, Actor::Citizen, true), "the patient's step, news to the clinician");
    assert_eq!(
        (seen.patient_name.as_str(), seen.reason.as_deref(), seen.cpr_given),
        ("Gudrun Særligtnavn", None, false),
        "name kept, the rest erased"
    );
    let inbox: Vec<InboxItem> = server.request("GET", "/api/v1/admin/referrals?status=withdrawn", &[("authorization", &admin)], None).json();
    let gone = inbox.iter().find(|i| i.receipt_code == second.code).unwrap();
    assert_eq!(gone.cpr, None, "the CPR number erased at once");
    // Health data too: conditions, interpreter language, the handlers' notes, the history's notes
    // (its steps stay).
    assert_eq!((gone.conditions.len(), gone.interpreter_language.as_deref(), gone.notes.len()), (0, None, 0));
    assert_eq!(gone.history.len(), 4, "received, declined, contacted, withdrawn: {:?}", gone.history);
    assert!(gone.history.iter().all(|e| e.note.is_none()));
    assert!(seen.conditions.is_empty() && seen.interpreter_language.is_none() && seen.history.iter().all(|e| e.note.is_none()));
    let fhir = server.request("GET", &format!("/api/v1/fhir/ServiceRequest/{}", second.code), &[("authorization", &me)], None);
    assert_eq!(fhir.status, 200, "{}", fhir.body);
    let sr: Value = fhir.json();
    assert!(sr.get("reasonCode").is_none() && sr.get("note").is_none(), "no empty reasonCode, no reason: {sr}");
    for secret in ["Hjertesvigt", "Ryggen"] {
        assert!(!fhir.body.contains(secret) && !serde_json::to_string(gone).unwrap().contains(secret), "{secret} kept");
    }

    // The offer closes; a retry of a referral sent before is still that referral, a new one is refused.
    let current: Offer = server.request("GET", &format!("/api/v1/admin/offers/{}", offer.id), &[("authorization", &admin)], None).json();
    let unpublish = json!({"status": "draft", "version": current.version}).to_string();
    let closed = server.request("POST", &format!("/api/v1/admin/offers/{}/status", offer.id), &[("authorization", &admin)], Some((JSON, &unpublish)));
    assert_eq!(closed.status, 200, "{}", closed.body);
    let retry = refer(&server, &me, &offer.id, &body("clinic-reopen-00000001"));
    assert_eq!((retry.status, retry.json::<ClinicianReferral>().code), (200, first.code.clone()), "the first referral, not a refusal");
    assert_eq!(refer(&server, &me, &offer.id, &body("clinic-reopen-00000003")).status, 404);
    let theirs = refer(&server, &bearer(&practice(), "b"), &offer.id, &body("clinic-reopen-00000001"));
    assert_eq!(theirs.status, 404, "another clinician's key finds nothing of mine");
}
