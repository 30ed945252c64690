//! Self-referral through the real binary over HTTP: ask to join, double submit, receipt look-up
//! with both factors, withdrawal, every validation error, refusals, rate limit, and no personal
//! data in the logs.

mod support;

use forebyg_api::demo;
use forebyg_shared::offer::Offer;
use forebyg_shared::problem::{types, Problem};
use forebyg_shared::referral::{ReferralReceipt, ReferralStatus};
use forebyg_shared::taxonomy::Capacity;
use forebyg_shared::validation::ErrorCode;
use serde_json::{json, Value};
use support::server::{Reply, Server};

const DEMO: usize = 600;
const JSON: &str = "application/json";

fn find(pred: impl Fn(&Offer) -> bool) -> Offer {
    demo::offers(DEMO).into_iter().find(|o| o.is_published() && pred(o)).expect("demo data has such an offer")
}

fn open_offer() -> Offer {
    find(|o| o.referral.self_referral && o.capacity == Capacity::Open)
}

fn body(key: &str) -> Value {
    json!({
        "idempotency_key": key,
        "name": "Gudrun Særligtnavn",
        "phone": "+45 81 23 45 67",
        "email": "gudrun.saerlig@example.org",
        "contact_time": "morning",
        "message": "Hemmelig besked om min ryg",
        "consent": true
    })
}

fn post(server: &Server, offer_id: &str, body: &Value) -> Reply {
    server.request("POST", &format!("/api/v1/offers/{offer_id}/self-referrals"), &[], Some((JSON, &body.to_string())))
}

fn lookup(server: &Server, method: &str, code: &str, contact: Option<&str>) -> Reply {
    let headers: Vec<(&str, &str)> = contact.map(|c| ("forebyg-contact", c)).into_iter().collect();
    server.request(method, &format!("/api/v1/self-referrals/{code}"), &headers, None)
}

fn start() -> (Server, tempfile::TempDir, tempfile::TempDir) {
    let (data, dist) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    // Failed attempts count towards the per-client limit too; these tests send many from one client.
    (Server::start_with(data.path(), dist.path(), DEMO, &[("FOREBYG_SELF_REFERRAL_LIMIT", "100")]), data, dist)
}

#[test]
fn ask_to_join_check_status_and_withdraw() {
    let (server, _d, _s) = start();
    let offer = open_offer();

    let before = forebyg_api::self_referral::now();
    let created = post(&server, &offer.id, &body("journey-key-000000001"));
    let after = forebyg_api::self_referral::now();
    assert_eq!(created.status, 201, "{}", created.body);
    // Personal data: no browser or proxy keeps any answer about a request (a shared computer).
    assert_eq!(created.cache_control, "no-store");
    let receipt: ReferralReceipt = created.json();
    assert_eq!((receipt.status, receipt.offer_id.as_str()), (ReferralStatus::Received, offer.id.as_str()));
    assert_eq!(created.location, format!("/api/v1/self-referrals/{}", receipt.receipt_code));
    assert_eq!(receipt.receipt_code.len(), 9);
    // The person's own request, not a referral: the status page speaks of a "henvendelse".
    assert!(!receipt.clinician_referral && !created.body.contains("clinician_referral"), "{}", created.body);
    // Made on the Danish day; kept 90 days (to the Danish day 90 × 24 h later).
    let on = |t: i64| forebyg_shared::date::copenhagen_date(t);
    assert!([on(before), on(after)].contains(&receipt.created_on), "{receipt:?}");
    assert!([on(before + 90 * 86_400), on(after + 90 * 86_400)].contains(&receipt.expires_on), "{receipt:?}");

    // A double submit or retry with the same key returns the same receipt: one request.
    let again = post(&server, &offer.id, &body("journey-key-000000001"));
    assert_eq!((again.status, again.cache_control.as_str()), (200, "no-store"));
    assert_eq!(again.json::<ReferralReceipt>(), receipt);

    // The status needs both factors; any miss looks the same.
    let code = receipt.receipt_code.as_str();
    for (c, contact) in [(code, None), (code, Some("12345678")), (code, Some("other@example.org")), ("AAAA-AAAA", Some("81234567"))] {
        let res = lookup(&server, "GET", c, contact);
        assert_eq!(
            (res.status, res.content_type.as_str(), res.cache_control.as_str()),
            (404, "application/problem+json", "no-store"),
            "{c} {contact:?}"
        );
        assert!(!res.body.contains("Gudrun") && !res.body.contains(&offer.id));
    }
    let status = lookup(&server, "GET", &code.to_lowercase().replace('-', ""), Some("81 23 45 67"));
    assert_eq!((status.status, status.cache_control.as_str()), (200, "no-store"));
    let by_phone: ReferralReceipt = status.json();
    let by_email: ReferralReceipt = lookup(&server, "GET", code, Some("Gudrun.Saerlig@Example.org")).json();
    assert_eq!((&by_phone, &by_email), (&receipt, &receipt));

    let withdrawal = lookup(&server, "DELETE", code, Some("81234567"));
    assert_eq!((withdrawal.status, withdrawal.cache_control.as_str()), (200, "no-store"));
    let withdrawn: ReferralReceipt = withdrawal.json();
    assert_eq!(withdrawn.status, ReferralStatus::Withdrawn);
    assert_eq!(lookup(&server, "GET", code, Some("81234567")).json::<ReferralReceipt>().status, ReferralStatus::Withdrawn);
    assert_eq!(lookup(&server, "DELETE", code, Some("81234567")).status, 200, "withdrawing twice is fine");

    // Nothing personal in the logs, even at debug level.
    let log = server.log();
    assert!(log.contains("self-referrals"), "requests are logged by route");
    for secret in ["Gudrun", "Særligtnavn", "81 23 45 67", "81234567", "gudrun.saerlig", "Hemmelig", "ryg", code] {
        assert!(!log.contains(secret), "the log contains {secret:?}:\n{log}");
    }
}

#[test]
fn every_invalid_field_is_named() {
    let (server, _d, _s) = start();
    let offer = open_offer();
    let cases: Vec<(&str, Value, &str, ErrorCode)> = vec![
        ("idempotency_key", json!("kort"), "idempotency_key", ErrorCode::Invalid),
        ("name", json!(" "), "name", ErrorCode::Required),
        ("name", json!("x".repeat(101)), "name", ErrorCode::TooLong),
        ("phone", json!("123"), "phone", ErrorCode::Invalid),
        ("email", json!("gudrun@"), "email", ErrorCode::Invalid),
        ("message", json!("x".repeat(501)), "message", ErrorCode::TooLong),
        // The hint asks for no CPR number: one in the message is refused, not stored.
        ("message", json!("Jeg har KOL. Mit CPR er 010160-1234."), "message", ErrorCode::Invalid),
        ("consent", json!(false), "consent", ErrorCode::Required),
        // The wrong shape is named at its field too, not at the body.
        ("contact_time", json!("midnight"), "contact_time", ErrorCode::Unknown),
        ("consent", json!("yes"), "consent", ErrorCode::Invalid),
        ("name", Value::Null, "name", ErrorCode::Invalid),
    ];
    for (i, (key, value, field, code)) in cases.into_iter().enumerate() {
        let mut b = body(&format!("invalid-key-{i:010}"));
        b[key] = value;
        let res = post(&server, &offer.id, &b);
        assert_eq!((res.status, res.content_type.as_str()), (422, "application/problem+json"), "{key}: {}", res.body);
        let problem: Problem = res.json();
        assert_eq!(problem.field(field).map(|e| e.code), Some(code), "{key}: {problem:?}");
        // Every message says what to write in which field, never a bare "Feltet skal udfyldes"
        // or "Skal være …" (issue #15 point 6).
        let e = problem.field(field).unwrap();
        assert!(!e.message.da.starts_with("Feltet") && !e.message.da.starts_with("Skal") && !e.message.da.starts_with("Må "), "{key}: {e:?}");
    }
    let mut long = body("invalid-key-longmessage");
    long["message"] = json!("x".repeat(501));
    let e = post(&server, &offer.id, &long).json::<Problem>().field("message").cloned().unwrap();
    assert_eq!(
        (e.message.da.as_str(), e.message.en.as_str()),
        ("Skriv højst 500 tegn i din besked (nu 501).", "Enter at most 500 characters in your message (now 501).")
    );
    // A code not among a field's codes: the English message lists those it may be.
    let mut midnight = body("invalid-key-midnight001");
    midnight["contact_time"] = json!("midnight");
    let e = post(&server, &offer.id, &midnight).json::<Problem>().field("contact_time").cloned().unwrap();
    assert_eq!(e.message.en, "“contact_time”: Invalid value “midnight”: use any, morning, afternoon, late-afternoon or evening.");
    assert_eq!(e.message.da, "»contact_time«: Ugyldig værdi »midnight«: brug any, morning, afternoon, late-afternoon eller evening.");
    // The detail names the field once (the message opens with it), not serde's text.
    let problem = post(&server, &offer.id, &midnight).json::<Problem>();
    assert_eq!(problem.detail.as_deref(), Some("“contact_time”: Invalid value “midnight”: use any, morning, afternoon, late-afternoon or evening."));
    let mut yes = body("invalid-key-consentyes1");
    yes["consent"] = json!("yes");
    let e = post(&server, &offer.id, &yes).json::<Problem>().field("consent").cloned().unwrap();
    assert_eq!((e.message.da.as_str(), e.message.en.as_str()), ("»consent«: Skal være true eller false.", "“consent”: Must be true or false."));
    let mut missing = body("invalid-key-missing0001");
    missing.as_object_mut().unwrap().remove("consent");
    let problem = post(&server, &offer.id, &missing).json::<Problem>();
    assert_eq!(problem.field("consent").map(|e| e.code), Some(ErrorCode::Required), "{problem:?}");
    let mut no_contact = body("invalid-key-nocontact01");
    no_contact["phone"] = Value::Null;
    no_contact["email"] = json!("");
    assert_eq!(post(&server, &offer.id, &no_contact).json::<Problem>().field("phone").map(|e| e.code), Some(ErrorCode::Required));

    let path = format!("/api/v1/offers/{}/self-referrals", offer.id);
    assert_eq!(server.request("POST", &path, &[], Some(("text/plain", "hej"))).status, 415);
    let malformed = server.request("POST", &path, &[], Some((JSON, "{\"name\":")));
    assert_eq!((malformed.status, malformed.content_type.as_str()), (400, "application/problem+json"));
}

#[test]
fn refusals_are_specific() {
    let (server, _d, _s) = start();
    let status_and_type = |offer_id: &str, key: &str| {
        let res = post(&server, offer_id, &body(key));
        (res.status, res.json::<Problem>().kind)
    };
    let gp_only = find(|o| !o.referral.self_referral);
    assert_eq!(status_and_type(&gp_only.id, "refusal-key-000000001"), (409, types::SELF_REFERRAL_NOT_ALLOWED.into()));
    let full = find(|o| o.referral.self_referral && o.capacity == Capacity::Full);
    assert_eq!(status_and_type(&full.id, "refusal-key-000000002"), (409, types::OFFER_FULL.into()));
    let draft = demo::offers(DEMO).into_iter().find(|o| !o.is_published()).unwrap();
    assert_eq!(status_and_type(&draft.id, "refusal-key-000000003").0, 404);
    assert_eq!(status_and_type("no-such-offer", "refusal-key-000000004").0, 404);
    // Waiting list: accepted, and the receipt says so.
    let waitlist = find(|o| o.referral.self_referral && o.capacity == Capacity::Waitlist);
    let res = post(&server, &waitlist.id, &body("refusal-key-000000005"));
    assert!(res.status == 201 && res.json::<ReferralReceipt>().waitlist);
    // The honeypot field, filled in by a bot.
    let mut bot = body("refusal-key-000000006");
    bot["website"] = json!("http://spam.example");
    assert_eq!(post(&server, &open_offer().id, &bot).status, 400);
    // A key reused for another offer.
    let other = find(|o| o.referral.self_referral && o.capacity == Capacity::Open && o.id != open_offer().id);
    assert_eq!(post(&server, &open_offer().id, &body("refusal-key-000000007")).status, 201);
    let reused = post(&server, &other.id, &body("refusal-key-000000007"));
    assert_eq!(reused.json::<Problem>().field("idempotency_key").map(|e| e.code), Some(ErrorCode::Invalid));
}

#[test]
fn clients_are_rate_limited() {
    let (data, dist) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let server = Server::start_with(data.path(), dist.path(), DEMO, &[("FOREBYG_SELF_REFERRAL_LIMIT", "3"), ("FOREBYG_LOOKUP_LIMIT", "2")]);
    let offer = open_offer();
    for i in 0..3 {
        assert_eq!(post(&server, &offer.id, &body(&format!("limit-key-{i:011}"))).status, 201);
    }
    let limited = post(&server, &offer.id, &body("limit-key-99999999999"));
    assert_eq!((limited.status, limited.content_type.as_str()), (429, "application/problem+json"));
    assert!(limited.retry_after.parse::<u64>().unwrap() >= 1);
    // Headers the client chooses do not make it another client: only the TCP peer counts.
    let spoof = |headers: &[(&str, &str)], key: &str| {
        server.request("POST", &format!("/api/v1/offers/{}/self-referrals", offer.id), headers, Some((JSON, &body(key).to_string()))).status
    };
    assert_eq!(spoof(&[("x-forwarded-for", "10.0.0.2")], "limit-key-spoof0000001"), 429);
    assert_eq!(spoof(&[("cloudfront-viewer-address", "203.0.113.9:443")], "limit-key-spoof0000002"), 429);
    let both = [("x-forwarded-for", "10.0.0.3"), ("cloudfront-viewer-address", "198.51.100.9:443"), ("x-forebyg-origin-verify", "guess")];
    assert_eq!(spoof(&both, "limit-key-spoof0000003"), 429);
    // Look-ups have their own limit, against guessing receipt codes.
    assert_eq!(lookup(&server, "GET", "AAAA-AAAA", Some("12345678")).status, 404);
    assert_eq!(lookup(&server, "GET", "AAAA-AAAB", Some("12345678")).status, 404);
    assert_eq!(lookup(&server, "GET", "AAAA-AAAC", Some("12345678")).status, 429);
    for i in 0..20 {
        let (xff, path) = (format!("10.1.0.{i}"), format!("/api/v1/self-referrals/AAAA-AB{i:02}"));
        let headers = [("forebyg-contact", "12345678"), ("x-forwarded-for", xff.as_str()), ("cloudfront-viewer-address", "203.0.113.9:443")];
        assert_eq!(server.request("GET", &path, &headers, None).status, 429, "look-up {i} with X-Forwarded-For {xff}");
    }
}

#[test]
fn behind_a_trusted_proxy_the_address_it_appended_is_the_client() {
    let (data, dist) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let env = [("FOREBYG_SELF_REFERRAL_LIMIT", "1"), ("FOREBYG_TRUSTED_PROXIES", "127.0.0.1")];
    let server = Server::start_with(data.path(), dist.path(), DEMO, &env);
    let offer = open_offer();
    let via_proxy = |xff: &str, key: &str| {
        let headers = [("x-forwarded-for", xff)];
        server.request("POST", &format!("/api/v1/offers/{}/self-referrals", offer.id), &headers, Some((JSON, &body(key).to_string()))).status
    };
    assert_eq!(via_proxy("192.0.2.7", "proxy-key-0000000001"), 201);
    assert_eq!(via_proxy("192.0.2.7", "proxy-key-0000000002"), 429);
    // What the client wrote sits left of the proxy's own entry: it changes nothing.
    assert_eq!(via_proxy("10.9.9.9, 192.0.2.7", "proxy-key-0000000003"), 429);
    // Another client behind the same proxy has its own limit.
    assert_eq!(via_proxy("192.0.2.8", "proxy-key-0000000004"), 201);
}

/// A retry of a request stored before the offer filled up or was unpublished is that request:
/// the same receipt (and code) as the first answer, never a refusal the citizen would take for a
/// failure while the provider's inbox lists the request.
#[test]
fn a_retry_after_the_offer_filled_up_or_closed_gets_the_first_receipt() {
    let (data, dist) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let server = Server::start_with(data.path(), dist.path(), DEMO, &[("FOREBYG_SELF_REFERRAL_LIMIT", "100"), ("FOREBYG_AUTH", "dev")]);
    let offer = open_offer();
    let admin = support::session::Session::new(&server, forebyg_shared::auth::Role::RegionAdmin, Some(offer.region), None);
    let first = post(&server, &offer.id, &body("retry-full-key-0000001"));
    assert_eq!(first.status, 201, "{}", first.body);
    let receipt: ReferralReceipt = first.json();

    let mut full: Offer = admin.call("GET", &format!("/api/v1/admin/offers/{}", offer.id), None).json();
    full.capacity = Capacity::Full;
    let saved = admin.call("PUT", &format!("/api/v1/admin/offers/{}", offer.id), Some(serde_json::to_value(&full).unwrap()));
    assert_eq!(saved.status, 200, "{}", saved.body);
    let again = post(&server, &offer.id, &body("retry-full-key-0000001"));
    assert_eq!(again.status, 200, "{}", again.body);
    assert_eq!(again.json::<ReferralReceipt>(), receipt);
    // A new request (another key) is refused as before.
    assert_eq!(post(&server, &offer.id, &body("retry-full-key-0000002")).json::<Problem>().kind, types::OFFER_FULL);

    let version = saved.json::<Offer>().version;
    let hidden = admin.call("POST", &format!("/api/v1/admin/offers/{}/status", offer.id), Some(json!({"status": "draft", "version": version})));
    assert_eq!(hidden.status, 200, "{}", hidden.body);
    let again = post(&server, &offer.id, &body("retry-full-key-0000001"));
    assert_eq!(again.status, 200, "{}", again.body);
    assert_eq!(again.json::<ReferralReceipt>(), receipt);
    assert_eq!(post(&server, &offer.id, &body("retry-full-key-0000003")).status, 404);
    // The key names a request to another offer: refused as any new request would be.
    assert_eq!(post(&server, &find(|o| !o.referral.self_referral).id, &body("retry-full-key-0000001")).status, 409);
}

/// An e-mail address with æ, ø or å is looked up as it was given: the contact header carries it
/// percent-encoded (as the app sends it); plain ASCII still works as it is.
#[test]
fn a_danish_e_mail_address_finds_its_request() {
    let (server, _d, _s) = start();
    let offer = open_offer();
    let mut b = body("danish-email-000000001");
    b["phone"] = Value::Null;
    b["email"] = json!("Søren@Søndergaard.dk");
    let created = post(&server, &offer.id, &b);
    assert_eq!(created.status, 201, "{}", created.body);
    let code = created.json::<ReferralReceipt>().receipt_code;
    let found = lookup(&server, "GET", &code, Some("s%C3%B8ren%40s%C3%B8ndergaard.dk"));
    assert_eq!(found.status, 200, "{}", found.body);
    assert_eq!(lookup(&server, "GET", &code, Some("soren%40sondergaard.dk")).status, 404);
    let withdrawn = lookup(&server, "DELETE", &code, Some("S%C3%98REN%40S%C3%98NDERGAARD.DK"));
    assert_eq!(withdrawn.json::<ReferralReceipt>().status, ReferralStatus::Withdrawn);
}

/// Phone numbers as phones and people type them are accepted; a number no one can have, and a
/// name without letters, are not.
#[test]
fn phone_numbers_and_names_are_checked_as_people_write_them() {
    let (server, _d, _s) = start();
    let offer = open_offer();
    let cases = [
        ("+45\u{a0}22\u{a0}34\u{a0}56\u{a0}78", "Karen Jensen", 201),
        ("\u{202a}+45 22 34 56 78\u{202c}", "Karen Jensen", 201),
        ("+45 (0) 22345678", "Karen Jensen", 201),
        ("00000000", "Karen Jensen", 422),
        ("12 34 56 78", "Karen Jensen", 422),
        ("22 34 56 78", "..", 422),
    ];
    for (i, (phone, name, status)) in cases.into_iter().enumerate() {
        let mut b = body(&format!("phone-case-{i:010}"));
        b["phone"] = json!(phone);
        b["email"] = Value::Null;
        b["name"] = json!(name);
        let res = post(&server, &offer.id, &b);
        assert_eq!(res.status, status, "{phone:?} {name:?}: {}", res.body);
        if status == 422 {
            let field = if name == ".." { "name" } else { "phone" };
            assert_eq!(res.json::<Problem>().field(field).map(|e| e.code), Some(ErrorCode::Invalid), "{phone:?}");
        }
    }
    // The number found again with the separators it was given with (the header percent-encoded).
    let mut b = body("phone-case-lookup0001");
    b["phone"] = json!("+45 (0) 23 45 67 89");
    let code = post(&server, &offer.id, &b).json::<ReferralReceipt>().receipt_code;
    assert_eq!(lookup(&server, "GET", &code, Some("%2B45%C2%A023456789")).status, 200);
}

/// The same person asking twice (or again after losing the receipt) makes two requests: the
/// citizen is not told (that would tell anyone who types a number whether its owner asked to join
/// a course for a disease: health data), but the inbox marks each live one with the other's code.
#[test]
fn a_second_request_with_the_same_contact_is_marked_in_the_inbox() {
    use forebyg_api::auth::dev;
    use forebyg_shared::admin::InboxItem;
    use forebyg_shared::auth::Role;
    let (data, dist) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let server = Server::start_with(data.path(), dist.path(), DEMO, &[("FOREBYG_AUTH", "dev")]);
    let offer = open_offer();
    let ask = |key: &str, phone: &str, email: Option<&str>| {
        let body = json!({"idempotency_key": key, "name": "Gudrun Særligtnavn", "phone": phone, "email": email, "consent": true});
        let r = post(&server, &offer.id, &body);
        assert_eq!(r.status, 201, "{}", r.body);
        r.json::<ReferralReceipt>().receipt_code
    };
    // The same number written another way, and the same e-mail in other letter case.
    let first = ask("same-contact-key-00001", "+45 81 23 45 67", None);
    let again = ask("same-contact-key-00002", "81234567", None);
    let by_mail = ask("same-contact-key-00003", "22334455", Some("Gudrun@Example.org"));
    let by_mail_again = ask("same-contact-key-00004", "33445566", Some("gudrun@example.org"));
    let stranger = ask("same-contact-key-00005", "44556677", None);

    let admin = format!("Bearer {}", dev::sign(&dev::claims(Role::RegionAdmin, Some(offer.region), None, 600)));
    let inbox = |query: &str| -> Vec<InboxItem> {
        let r = server.request("GET", &format!("/api/v1/admin/referrals{query}"), &[("authorization", &admin)], None);
        assert_eq!(r.status, 200, "{}", r.body);
        r.json()
    };
    let same = |items: &[InboxItem], code: &str| items.iter().find(|i| i.receipt_code == code).map(|i| i.same_contact.clone());
    let all = inbox("");
    assert_eq!(same(&all, &first), Some(vec![again.clone()]));
    assert_eq!(same(&all, &again), Some(vec![first.clone()]));
    assert_eq!(same(&all, &by_mail), Some(vec![by_mail_again.clone()]));
    assert_eq!(same(&all, &stranger), Some(vec![]));
    // The marks are the same under a filter.
    let filtered = inbox(&format!("?offer={}&status=received", offer.id));
    assert_eq!(same(&filtered, &again), Some(vec![first.clone()]));

    // Closed requests are history, not duplicates: once the first is withdrawn, the second stands alone.
    let withdrawn = lookup(&server, "DELETE", &first, Some("81234567"));
    assert!(withdrawn.status < 300, "{}", withdrawn.body);
    assert_eq!(same(&inbox(""), &again), Some(vec![]));
}
