//! The clinician's referrals through the real binary over HTTP: a referral through Forebyg
//! (idempotent, every field error, refusals), the provider working it in the inbox to completed
//! with a closing note, "Mine henvisninger" with history and the `since` marker, withdrawal,
//! another clinician seeing nothing, the audit log, and no personal data (name, phone, e-mail,
//! CPR) in the logs. The search itself (a 67-year-old with KOL near 9000, the patient's
//! language) is in `search`, the patient's withdrawal and a reopened decline in `patient_side`.

#[path = "clinician_http/patient_side.rs"]
mod patient_side;
#[path = "clinician_http/search.rs"]
mod search;
mod support;

use forebyg_api::auth::dev;
use forebyg_api::demo;
use forebyg_shared::admin::{AuditEntry, InboxItem};
use forebyg_shared::auth::Role;
use forebyg_shared::clinician::{ClinicianProfile, ClinicianReferral, ClinicianReferralList, Organisation, OrganisationKind};
use forebyg_shared::first_session::FirstSession;
use forebyg_shared::offer::Offer;
use forebyg_shared::problem::{types, Problem};
use forebyg_shared::referral::{Actor, ContactTime, DeclineReason, ReferralReceipt, ReferralStatus};
use forebyg_shared::taxonomy::{Capacity, Condition};
use forebyg_shared::validation::ErrorCode;
use serde_json::{json, Value};
use support::server::{Reply, Server};

const DEMO: usize = 3000;
const JSON: &str = "application/json";
const CPR: &str = "010159-1234";

fn practice() -> Organisation {
    Organisation { kind: OrganisationKind::Practice, name: "Lægerne i Vestergade".into(), sor: Some("481231000016005".into()) }
}

fn bearer(org: &Organisation, who: &str) -> String {
    format!("Bearer {}", dev::sign(&dev::clinician_claims(org, who, 600)))
}

fn find(pred: impl Fn(&Offer) -> bool) -> Offer {
    demo::offers(DEMO).into_iter().find(|o| o.is_published() && pred(o)).expect("demo data has such an offer")
}

fn body(key: &str) -> Value {
    json!({
        "idempotency_key": key,
        "patient_name": "Gudrun Særligtnavn",
        "phone": "+45 81 23 45 67",
        "email": "gudrun.saerlig@example.org",
        "cpr": CPR,
        "conditions": ["kol"],
        "reason": "Hemmelig årsag om lungerne",
        "interpreter_language": "ar",
        "contact_time": "late-afternoon",
        "patient_consent": true
    })
}

fn refer(server: &Server, auth: &str, offer_id: &str, body: &Value) -> Reply {
    server.request("POST", &format!("/api/v1/clinician/offers/{offer_id}/referrals"), &[("authorization", auth)], Some((JSON, &body.to_string())))
}

fn start() -> (Server, tempfile::TempDir, tempfile::TempDir) {
    let (data, dist) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    (Server::start_with(data.path(), dist.path(), DEMO, &[("FOREBYG_AUTH", "dev")]), data, dist)
}

#[test]
fn refer_follow_and_withdraw() {
    let (server, _d, _s) = start();
    let me = bearer(&practice(), "a");
    let profile: ClinicianProfile = server.request("GET", "/api/v1/clinician/me", &[("authorization", &me)], None).json();
    assert_eq!((profile.organisation, profile.referrer.code()), (practice(), "gp"));

    let offer = find(|o| o.referral.from_gp && o.referral.takes_forebyg() && o.capacity == Capacity::Open);
    let created = refer(&server, &me, &offer.id, &body("clinic-journey-0000001"));
    assert_eq!((created.status, created.cache_control.as_str()), (201, "no-store"), "{}", created.body);
    let referral: ClinicianReferral = created.json();
    assert_eq!(created.location, format!("/api/v1/clinician/referrals/{}", referral.code));
    assert_eq!((referral.status, referral.cpr_given, referral.interpreter_language.as_deref()), (ReferralStatus::Received, true, Some("ar")));
    assert!(!created.body.contains("1234"), "the CPR number is never shown to the referrer");
    // The patient's status lookup knows it for a referral (and says nothing of who sent it).
    let looked = server.request("GET", &format!("/api/v1/self-referrals/{}", referral.code), &[("forebyg-contact", "81234567")], None);
    assert_eq!(looked.status, 200, "{}", looked.body);
    let receipt: ReferralReceipt = looked.json();
    assert!(receipt.clinician_referral && !receipt.withdrawn_by_clinician);
    assert!(!looked.body.contains("Vestergade") && !looked.body.contains("8123"), "{}", looked.body);
    let again = refer(&server, &me, &offer.id, &body("clinic-journey-0000001"));
    assert_eq!((again.status, again.json::<ClinicianReferral>().code), (200, referral.code.clone()), "a retry is the same referral");
    // Handing the first referral back is a read of it, audited as every read.
    let national = format!("Bearer {}", dev::sign(&dev::claims(Role::NationalAdmin, None, None, 600)));
    let audit: Vec<AuditEntry> =
        server.request("GET", &format!("/api/v1/admin/audit?region={}", offer.region.code()), &[("authorization", &national)], None).json();
    assert!(audit.iter().any(|e| e.action.code() == "referral-read" && e.target == referral.code), "the retry's read is audited");
    // The key again with another patient: 409, in words, never the first patient's referral.
    let mut someone_else = body("clinic-journey-0000001");
    someone_else["patient_name"] = json!("Anden Person");
    let reused = refer(&server, &me, &offer.id, &someone_else);
    assert_eq!(reused.status, 409, "{}", reused.body);
    assert!(!reused.body.contains("Gudrun") && !reused.body.contains(&referral.code), "{}", reused.body);
    let p: Problem = reused.json();
    assert_eq!((p.kind.as_str(), p.errors[0].field.as_str()), ("urn:forebyg:problem:key-reused", "idempotency_key"));
    assert_eq!(p.errors[0].message.da, "Denne henvisnings-nøgle er allerede brugt til en anden henvisning.");

    // Every field's problem at once, in words.
    let mut bad = body("clinic-journey-0000002");
    (bad["patient_name"], bad["phone"], bad["email"], bad["cpr"], bad["conditions"], bad["patient_consent"]) =
        (json!(""), json!("12"), json!(null), json!("310259-1234"), json!([]), json!(false));
    let res = refer(&server, &me, &offer.id, &bad);
    assert_eq!(res.status, 422);
    let p: Problem = res.json();
    let fields: Vec<(&str, ErrorCode)> = p.errors.iter().map(|e| (e.field.as_str(), e.code)).collect();
    assert_eq!(
        fields,
        [
            ("patient_name", ErrorCode::Required),
            ("phone", ErrorCode::Invalid),
            ("cpr", ErrorCode::Invalid),
            ("conditions", ErrorCode::Required),
            ("patient_consent", ErrorCode::Required)
        ]
    );
    assert!(p.field("cpr").unwrap().message.da.contains("fødselsdato") && !res.body.contains("310259"));
    // A time to call outside the list is a shape error, named by its field.
    let mut bad_time = body("clinic-journey-0000002");
    bad_time["contact_time"] = json!("night");
    let p: Problem = refer(&server, &me, &offer.id, &bad_time).json();
    assert_eq!(
        p.field("contact_time").map(|e| e.message.en.as_str()),
        Some("“contact_time”: Invalid value “night”: use any, morning, afternoon, late-afternoon or evening.")
    );
    // Two letters that name no language: no one can book that interpreter.
    let mut no_language = body("clinic-journey-0000002");
    no_language["interpreter_language"] = json!("xx");
    let p: Problem = refer(&server, &me, &offer.id, &no_language).json();
    assert_eq!(p.errors.iter().map(|e| (e.field.as_str(), e.code)).collect::<Vec<_>>(), [("interpreter_language", ErrorCode::Unknown)]);

    // Refusals: the wrong kind of referrer, a full offer.
    let hospital = Organisation { kind: OrganisationKind::HospitalDepartment, name: "Aalborg UH, Lungemedicinsk".into(), sor: None };
    let no_hospital = find(|o| !o.referral.from_hospital && o.referral.takes_forebyg() && o.capacity == Capacity::Open);
    let refused = refer(&server, &bearer(&hospital, "h"), &no_hospital.id, &body("clinic-journey-0000003"));
    assert_eq!((refused.status, refused.json::<Problem>().kind.as_str()), (409, types::REFERRER_NOT_ACCEPTED), "{}", refused.body);
    let full = find(|o| o.referral.from_gp && o.referral.takes_forebyg() && o.capacity == Capacity::Full);
    let refused = refer(&server, &me, &full.id, &body("clinic-journey-0000004"));
    assert_eq!((refused.status, refused.json::<Problem>().kind.as_str()), (409, types::OFFER_FULL));

    // The provider's inbox has it beside self-referrals, marked, with the CPR for the handler.
    let admin = format!("Bearer {}", dev::sign(&dev::claims(Role::RegionAdmin, Some(offer.region), None, 600)));
    let inbox = server.request("GET", "/api/v1/admin/referrals", &[("authorization", &admin)], None);
    assert_eq!((inbox.status, inbox.cache_control.as_str()), (200, "no-store"), "CPR numbers and conditions are never kept by a browser");
    let inbox: Vec<InboxItem> = inbox.json();
    let item = inbox.iter().find(|i| i.receipt_code == referral.code).unwrap();
    assert_eq!(item.referrer.as_ref().unwrap().organisation, practice());
    assert_eq!(item.contact_time, Some(ContactTime::LateAfternoon), "the provider knows when to call");
    // A referral for a condition the offer does not take is marked, with the offer's conditions.
    let not_for_diabetes = find(|o| {
        let only = &o.eligibility.accepted_conditions;
        o.region == offer.region
            && !only.is_empty()
            && !only.contains(&Condition::Type2Diabetes)
            && o.referral.from_gp
            && o.referral.takes_forebyg()
            && o.capacity == Capacity::Open
    });
    let mut diabetes = body("clinic-journey-0000009");
    diabetes["conditions"] = json!(["type-2-diabetes"]);
    let sent = refer(&server, &bearer(&practice(), "colleague"), &not_for_diabetes.id, &diabetes);
    assert_eq!(sent.status, 201, "{}", sent.body);
    let other_code = sent.json::<ClinicianReferral>().code;
    let marked: Vec<InboxItem> = server.request("GET", "/api/v1/admin/referrals", &[("authorization", &admin)], None).json();
    let only_for = |code: &str| marked.iter().find(|i| i.receipt_code == code).map(|i| i.offer_only_for.clone());
    assert_eq!(only_for(&other_code), Some(not_for_diabetes.eligibility.accepted_conditions.clone()));
    assert_eq!(only_for(&referral.code), Some(vec![]), "a KOL referral to a KOL offer is not marked");
    // "Afsender": the clinicians' referrals only, or the citizens' own requests only.
    let own = json!({"idempotency_key": "clinic-own-request-01", "name": "Bodil Selv", "phone": "81234560", "consent": true});
    let asked = server.request("POST", &format!("/api/v1/offers/{}/self-referrals", offer.id), &[], Some((JSON, &own.to_string())));
    assert_eq!(asked.status, 201, "{}", asked.body);
    let sent_by = |who: &str| server.request("GET", &format!("/api/v1/admin/referrals?sent_by={who}"), &[("authorization", &admin)], None);
    let (referred, theirs): (Vec<InboxItem>, Vec<InboxItem>) = (sent_by("clinician").json(), sent_by("citizen").json());
    assert!(referred.iter().any(|i| i.receipt_code == referral.code) && referred.iter().all(|i| i.referrer.is_some()));
    assert!(theirs.iter().any(|i| i.name == "Bodil Selv") && theirs.iter().all(|i| i.referrer.is_none()));
    let nobody = sent_by("nobody").json::<Problem>().field("sent_by").map(|e| (e.code, e.message.da.clone()));
    assert_eq!(nobody, Some((ErrorCode::Unknown, "Ugyldig værdi »nobody«: brug clinician eller citizen.".to_owned())));
    assert_eq!(
        (item.cpr.as_deref(), item.name.as_str(), item.conditions.as_slice()),
        (Some("0101591234"), "Gudrun Særligtnavn", &[Condition::Kol][..])
    );
    let cursor = server.request("GET", "/api/v1/clinician/referrals", &[("authorization", &me)], None).json::<ClinicianReferralList>().cursor;
    std::thread::sleep(std::time::Duration::from_millis(1100));

    // received → contacted → enrolled → completed with a closing note; no declining once enrolled.
    let status = |change: Value| {
        let path = format!("/api/v1/admin/referrals/{}/status", referral.code);
        server.request("POST", &path, &[("authorization", &admin)], Some((JSON, &change.to_string())))
    };
    assert_eq!(status(json!({"status": "declined"})).json::<Problem>().field("reason").unwrap().code, ErrorCode::Required);
    assert_eq!(status(json!({"status": "completed"})).status, 422, "completing needs a closing note");
    assert_eq!(status(json!({"status": "contacted"})).status, 200);
    // Enrolled with the first session agreed: a real day within the window, only with enrolling.
    let today = forebyg_shared::date::copenhagen_date(forebyg_api::self_referral::now());
    let (week, fortnight) = (forebyg_shared::date::add_days(&today, 7), forebyg_shared::date::add_days(&today, 14));
    let field = |change: Value| status(change).json::<Problem>().errors.into_iter().map(|e| e.field).collect::<Vec<_>>();
    assert_eq!(field(json!({"status": "enrolled", "first_session": {"on": "2027-02-30"}})), ["first_session.on"]);
    assert_eq!(field(json!({"status": "enrolled", "first_session": {"on": week, "at": "24:00"}})), ["first_session.at"]);
    assert_eq!(field(json!({"status": "enrolled", "first_session": {"on": forebyg_shared::date::add_days(&today, 400)}})), ["first_session.on"]);
    assert_eq!(field(json!({"status": "contacted", "first_session": {"on": week}})), ["first_session"]);
    let enrolled = status(json!({"status": "enrolled", "first_session": {"on": week, "at": "17:00"}}));
    assert_eq!(enrolled.status, 200, "{}", enrolled.body);
    let first = FirstSession { on: week.clone(), at: Some("17:00".into()) };
    assert_eq!(enrolled.json::<InboxItem>().history.last().unwrap().first_session.as_ref(), Some(&first));
    // The patient reads it on the status page.
    let looked = server.request("GET", &format!("/api/v1/self-referrals/{}", referral.code), &[("forebyg-contact", "81234567")], None);
    assert_eq!(looked.json::<ReferralReceipt>().first_session, Some(first.clone()));
    // The same again is a retry; another day moves it (a new step, the first kept in the history).
    assert_eq!(status(json!({"status": "enrolled", "first_session": first})).json::<InboxItem>().history.len(), 3);
    let moved = status(json!({"status": "enrolled", "first_session": {"on": fortnight}})).json::<InboxItem>();
    assert_eq!(moved.history.iter().filter_map(|e| e.first_session.as_ref()).map(|s| s.on.as_str()).collect::<Vec<_>>(), [week.as_str(), &fortnight]);
    let back = status(json!({"status": "declined", "reason": "no-capacity"}));
    assert_eq!((back.status, back.json::<Problem>().kind.as_str()), (409, types::INVALID_TRANSITION));
    assert_eq!(status(json!({"status": "discontinued"})).status, 422, "discontinuing needs a closing note");
    let done = status(json!({"status": "completed", "note": "Gennemførte 8 af 8 gange. Fortsætter i Lungeforeningen."}));
    assert_eq!((done.status, done.cache_control.as_str()), (200, "no-store"), "{}", done.body);
    let steps = done.json::<InboxItem>().history;
    assert_eq!(steps.len(), 5);
    // The admin inbox names the colleague who made each provider step; the clinician's view does not.
    assert!(steps[1..].iter().all(|e| e.handler.as_deref().is_some_and(|h| !h.is_empty())), "{steps:?}");
    assert_eq!(steps[0].handler, None, "the clinician's own step");
    std::thread::sleep(std::time::Duration::from_millis(1100));

    // "Mine henvisninger": the steps, the note, and what changed since the clinician last looked.
    let list: ClinicianReferralList =
        server.request("GET", &format!("/api/v1/clinician/referrals?since={cursor}"), &[("authorization", &me)], None).json();
    let mine = list.referrals.iter().find(|r| r.code == referral.code).unwrap();
    let steps: Vec<ReferralStatus> = mine.history.iter().map(|e| e.status).collect();
    use ReferralStatus::*;
    assert_eq!(steps, [Received, Contacted, Enrolled, Enrolled, Completed]);
    assert_eq!(forebyg_shared::first_session::current(&mine.history, mine.status).map(|s| s.on.as_str()), Some(fortnight.as_str()));
    assert!(mine.history.iter().all(|e| e.handler.is_none()), "no provider staff names for the clinician");
    assert!(mine.changed && !mine.withdrawable && mine.note.as_deref().unwrap().starts_with("Gennemførte"));
    let later: ClinicianReferralList =
        server.request("GET", &format!("/api/v1/clinician/referrals?since={}", list.cursor), &[("authorization", &me)], None).json();
    assert!(!later.referrals.iter().any(|r| r.changed), "nothing changed since the last look");
    // A first look (no `since`: a new device) marks what the provider did: nothing of it was seen.
    let first: ClinicianReferralList = server.request("GET", "/api/v1/clinician/referrals", &[("authorization", &me)], None).json();
    assert!(first.referrals.iter().find(|r| r.code == referral.code).unwrap().changed, "the provider's steps, never seen");
    let one = server.request("GET", &format!("/api/v1/clinician/referrals/{}", referral.code.to_lowercase()), &[("authorization", &me)], None);
    assert_eq!((one.status, one.cache_control.as_str()), (200, "no-store"));
    // The public directory's answers keep their own lifetime.
    assert_eq!(server.get("/api/v1/hsds/services").cache_control, "public, max-age=300");
    // The one referral's read gives the contact as sent, to check; the list never does.
    let read: ClinicianReferral = one.json();
    assert_eq!(read.status, Completed);
    assert!(read.phone.as_deref().is_some_and(|p| p.contains("81")) && read.email.as_deref().is_some_and(|e| e.contains("gudrun")), "{read:?}");
    assert_eq!(read.contact_time, Some(ContactTime::LateAfternoon));
    assert!(first.referrals.iter().all(|r| r.phone.is_none() && r.email.is_none() && r.contact_time.is_none()), "never in the list");

    // A second referral: withdrawn by the clinician; a completed one cannot be.
    let second: ClinicianReferral = refer(&server, &me, &offer.id, &body("clinic-journey-0000005")).json();
    let withdraw =
        |code: &str, auth: &str| server.request("DELETE", &format!("/api/v1/clinician/referrals/{code}"), &[("authorization", auth)], None);
    let other = bearer(&practice(), "b");
    assert_eq!(withdraw(&second.code, &other).status, 404, "another clinician's referral does not exist for them");
    let withdrawn = withdraw(&second.code, &me);
    assert_eq!((withdrawn.status, withdrawn.cache_control.as_str()), (200, "no-store"));
    assert_eq!(withdrawn.json::<ClinicianReferral>().status, Withdrawn);
    let after: ClinicianReferral =
        server.request("GET", &format!("/api/v1/clinician/referrals/{}", second.code), &[("authorization", &me)], None).json();
    assert_eq!((after.phone, after.email, after.contact_time), (None, None, None), "erased with the withdrawal");
    assert_eq!(withdraw(&referral.code, &me).status, 409);
    // The inbox hides withdrawn referrals unless asked for them.
    let inbox: Vec<InboxItem> = server.request("GET", "/api/v1/admin/referrals?status=withdrawn", &[("authorization", &admin)], None).json();
    let gone = inbox.iter().find(|i| i.receipt_code == second.code).unwrap();
    assert_eq!((gone.status, gone.cpr.as_ref(), gone.phone.as_ref()), (Withdrawn, None, None), "contact data and CPR erased at once");
    // The patient still finds it on the status page (by a salted digest of the contact) and is
    // told the clinician withdrew it; a wrong contact still finds nothing.
    let look = |contact: &str| server.request("GET", &format!("/api/v1/self-referrals/{}", second.code), &[("forebyg-contact", contact)], None);
    for contact in ["+45 81 23 45 67", "Gudrun.Saerlig@example.org"] {
        let found = look(contact);
        assert_eq!(found.status, 200, "{contact}: {}", found.body);
        let receipt: ReferralReceipt = found.json();
        assert_eq!((receipt.status, receipt.withdrawn_by_clinician), (Withdrawn, true));
        assert!(!found.body.contains("8123") && !found.body.contains("gudrun"), "no contact in the answer");
    }
    assert_eq!(look("81234568").status, 404);
    let declined = status(json!({"status": "declined", "reason": DeclineReason::NoCapacity}));
    assert_eq!(declined.status, 409, "a completed referral is closed");

    // Another clinician sees none of it.
    let theirs: ClinicianReferralList = server.request("GET", "/api/v1/clinician/referrals", &[("authorization", &other)], None).json();
    assert!(theirs.referrals.is_empty());
    assert_eq!(server.request("GET", &format!("/api/v1/clinician/referrals/{}", referral.code), &[("authorization", &other)], None).status, 404);

    // Every read of personal data is in the region's audit log, with the clinician as actor.
    let national = format!("Bearer {}", dev::sign(&dev::claims(Role::NationalAdmin, None, None, 600)));
    let audit: Vec<AuditEntry> =
        server.request("GET", &format!("/api/v1/admin/audit?region={}", offer.region.code()), &[("authorization", &national)], None).json();
    let by_clinician = |action: &str| audit.iter().filter(|e| e.actor_role == Role::Clinician && e.action.code() == action).count();
    // Created: two referrals of this clinician's, and the colleague's for another condition.
    assert!(by_clinician("referral-read") >= 3 && by_clinician("referral-created") == 3 && by_clinician("referral-status") == 1);

    // Nothing personal in the logs, even at debug level.
    let log = server.log();
    for secret in ["Gudrun", "Særligtnavn", "81 23 45 67", "81234567", "gudrun.saerlig", "010159", "0101591234", "Hemmelig"] {
        assert!(!log.contains(secret), "the log contains {secret:?}");
    }
}

/// An offer that says what a referral must contain (a diagnosis, the latest measurements) needs
/// a reason to hold it: an empty one is a field error naming what to write, on the web form's
/// route and so on FHIR's too; with a reason the referral goes through.
#[test]
fn a_referral_holds_what_the_offer_asks_it_to_contain() {
    let (server, _d, _s) = start();
    let me = bearer(&practice(), "a");
    let offer = find(|o| o.referral.from_gp && o.referral.takes_forebyg() && o.capacity == Capacity::Open && o.referral.must_include.is_some());
    let asked = offer.referral.must_include.clone().unwrap();
    let mut without = body("must-include-000000001");
    without.as_object_mut().unwrap().remove("reason");
    let refused = refer(&server, &me, &offer.id, &without);
    assert_eq!(refused.status, 422, "{}", refused.body);
    let e = refused.json::<Problem>().field("reason").cloned().expect("a reason error");
    assert_eq!(e.code, ErrorCode::Required);
    assert_eq!(e.message.da, format!("Skriv det, henvisningen skal indeholde: {}.", asked.da.trim_end_matches('.')));
    without["reason"] = json!("   ");
    assert_eq!(refer(&server, &me, &offer.id, &without).status, 422, "blank is empty");
    assert_eq!(refer(&server, &me, &offer.id, &body("must-include-000000002")).status, 201);
}
