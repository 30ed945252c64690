//! The regional admin's day over real HTTP: create and publish a listing a citizen then finds,
//! two editors colliding (409 with the current offer, then reapplied), working a request to join
//! through to "enrolled" as the citizen sees it, re-verifying a stale listing, and the audit log.

mod support;

use forebyg_shared::admin::{AdminOfferRow, AuditAction, AuditEntry, InboxItem, StaleEdit};
use forebyg_shared::offer::Offer;
use forebyg_shared::problem::Problem;
use forebyg_shared::referral::{ReferralReceipt, ReferralStatus};
use forebyg_shared::search::SearchResponse;
use forebyg_shared::taxonomy::{Category, OfferStatus, RegionCode};
use serde_json::{json, Value};
use support::server::{Reply, Server};

const JSON: &str = "application/json";

struct Session<'a> {
    server: &'a Server,
    auth: String,
}

impl Session<'_> {
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Reply {
        let body = body.map(|b| b.to_string());
        self.server.request(method, path, &[("authorization", self.auth.as_str())], body.as_deref().map(|b| (JSON, b)))
    }
}

fn sign_in<'a>(server: &'a Server, login: Value) -> Session<'a> {
    let res = server.request("POST", "/api/v1/dev/token", &[], Some((JSON, &login.to_string())));
    assert_eq!(res.status, 200, "{}", res.body);
    Session { server, auth: format!("Bearer {}", res.json::<Value>()["token"].as_str().unwrap()) }
}

/// A new listing in Skanderborg (Midtjylland), 25 km south of Aarhus.
fn draft() -> Offer {
    let mut o: Offer = serde_json::from_str(include_str!("../../shared/tests/offer_fixture.json")).unwrap();
    o.title = "Gåhold for dig med KOL i Skanderborg".into();
    o.category = Category::FysiskAktivitet;
    o.status = OfferStatus::Draft;
    o.region = RegionCode::Midtjylland;
    o.provider.id = "skanderborg-kommune".into();
    o.provider.name = "Skanderborg Kommune".into();
    o.referral.self_referral = true;
    o.capacity = forebyg_shared::taxonomy::Capacity::Open;
    o.last_verified = forebyg_shared::date::copenhagen_date(forebyg_api::self_referral::now());
    let l = o.location.as_mut().unwrap();
    (l.postcode, l.city, l.municipality_code) = ("8660".into(), "Skanderborg".into(), "0746".into());
    l.point = forebyg_shared::geo::GeoPoint::new(56.0375, 9.9290);
    o
}

fn citizen_finds(server: &Server, id: &str) -> bool {
    let res: SearchResponse = server.get("/api/v1/offers?postcode=8660&category=fysisk-aktivitet&radius_km=5&per_page=50").json();
    res.results.iter().any(|h| h.offer.id == id)
}

#[test]
fn an_admins_day() {
    let (data, dist) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let server = Server::start_with(data.path(), dist.path(), 0, &[("FOREBYG_AUTH", "dev")]);
    let admin = sign_in(&server, json!({"role": "region-admin", "region": "midtjylland"}));
    let colleague = sign_in(&server, json!({"role": "region-admin", "region": "midtjylland"}));
    // The provider is a record of its own, which listings name by id.
    let provider = json!({"id": "skanderborg-kommune", "name": "Skanderborg Kommune", "kind": "municipality", "region": "midtjylland", "contact": {}, "status": "active"});
    assert_eq!(admin.call("POST", "/api/v1/admin/providers", Some(provider)).status, 201);

    // Field errors come back named.
    let mut bad = draft();
    bad.title = " ".into();
    let res = admin.call("POST", "/api/v1/admin/offers", Some(json!(bad)));
    assert_eq!(res.json::<Problem>().field("title").map(|e| e.code), Some(forebyg_shared::validation::ErrorCode::Required));

    // Create a draft: not public until published.
    let created: Offer = admin.call("POST", "/api/v1/admin/offers", Some(json!(draft()))).json();
    assert!(created.id.starts_with("gaahold-for-dig-med-kol-i-skanderborg-") && created.version == 1);
    assert!(!citizen_finds(&server, &created.id));
    assert_eq!(server.get(&format!("/api/v1/offers/{}", created.id)).status, 404);
    let published: Offer =
        admin.call("POST", &format!("/api/v1/admin/offers/{}/status", created.id), Some(json!({"status": "published", "version": 1}))).json();
    assert_eq!((published.status, published.version), (OfferStatus::Published, 2));
    assert!(citizen_finds(&server, &created.id));

    // Two editors open version 2; the first save wins, the second gets 409 with what changed.
    let mut mine = published.clone();
    mine.title = "Gåhold for dig med KOL – Skanderborg Sø".into();
    let mut theirs = published.clone();
    theirs.summary = "Vi går en tur rundt om søen hver tirsdag, i roligt tempo.".into();
    let saved: Offer = admin.call("PUT", &format!("/api/v1/admin/offers/{}", created.id), Some(json!(mine))).json();
    assert_eq!(saved.version, 3);
    let conflict = colleague.call("PUT", &format!("/api/v1/admin/offers/{}", created.id), Some(json!(theirs)));
    assert_eq!((conflict.status, conflict.content_type.as_str()), (409, "application/problem+json"));
    let stale: StaleEdit = conflict.json();
    assert_eq!((stale.current.title.as_str(), stale.current.version), (mine.title.as_str(), 3));
    // Reapplying the change on the current version succeeds and keeps both edits.
    let mut reapplied = stale.current.clone();
    reapplied.summary = theirs.summary.clone();
    let merged: Offer = colleague.call("PUT", &format!("/api/v1/admin/offers/{}", created.id), Some(json!(reapplied))).json();
    assert_eq!((merged.title.as_str(), merged.summary.as_str(), merged.version), (mine.title.as_str(), theirs.summary.as_str(), 4));
    // Saved again unchanged: nothing is written, the version stays and the log has no empty entry.
    let logged = || {
        let log: Vec<AuditEntry> = admin.call("GET", "/api/v1/admin/audit?limit=500", None).json();
        log.iter().filter(|e| e.target == created.id).count()
    };
    let entries = logged();
    let again: Offer = admin.call("PUT", &format!("/api/v1/admin/offers/{}", created.id), Some(json!(merged))).json();
    assert_eq!(again, merged);
    assert_eq!(logged(), entries, "no entry for a save that changes nothing");

    // A citizen asks to join; the admin sees it, calls, and enrols them; the receipt shows it.
    let ask = json!({"idempotency_key": "flow-key-000000000001", "name": "Bent Hansen", "email": "bent@example.org", "consent": true});
    let receipt: ReferralReceipt =
        server.request("POST", &format!("/api/v1/offers/{}/self-referrals", created.id), &[], Some((JSON, &ask.to_string()))).json();
    let inbox: Vec<InboxItem> = admin.call("GET", &format!("/api/v1/admin/referrals?offer={}", created.id), None).json();
    assert_eq!(inbox.len(), 1);
    assert_eq!((inbox[0].name.as_str(), inbox[0].status), ("Bent Hansen", ReferralStatus::Received));
    let look = || -> ReferralReceipt {
        server.request("GET", &format!("/api/v1/self-referrals/{}", receipt.receipt_code), &[("forebyg-contact", "bent@example.org")], None).json()
    };
    // Declined by mistake (the citizen sees why), then reopened: the reason goes with it.
    for change in [json!({"status": "contacted"}), json!({"status": "declined", "reason": "no-capacity"})] {
        let moved = admin.call("POST", &format!("/api/v1/admin/referrals/{}/status", receipt.receipt_code), Some(change));
        assert_eq!(moved.status, 200, "{}", moved.body);
    }
    assert_eq!((look().status, look().decline_reason), (ReferralStatus::Declined, Some(forebyg_shared::referral::DeclineReason::NoCapacity)));
    // Reopened, then put on the waiting list (the class filled up meanwhile): a step of its own
    // the citizen sees; asked again it changes nothing; it goes with "contacted" only.
    let status_url = format!("/api/v1/admin/referrals/{}/status", receipt.receipt_code);
    let mut item = None;
    let mut reopened = vec![];
    for change in [json!({"status": "contacted"}), json!({"status": "contacted", "waitlist": true}), json!({"status": "contacted", "waitlist": true})]
    {
        let moved = admin.call("POST", &status_url, Some(change));
        assert_eq!(moved.status, 200, "{}", moved.body);
        item = Some(moved.json::<InboxItem>());
        reopened.push(look().reopened);
    }
    // The citizen reads the decline taken back as such, until the provider moves on.
    assert_eq!(reopened, [true, false, false]);
    assert_eq!((look().status, look().waitlist), (ReferralStatus::Contacted, true));
    let steps: Vec<(ReferralStatus, bool)> = item.unwrap().history.iter().map(|e| (e.status, e.waitlist)).collect();
    assert_eq!(steps[steps.len() - 2..], [(ReferralStatus::Contacted, false), (ReferralStatus::Contacted, true)]);
    let refused = admin.call("POST", &status_url, Some(json!({"status": "enrolled", "waitlist": true})));
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert_eq!(refused.json::<Problem>().errors.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), ["waitlist"]);
    // Contacted on the wrong card: undone, back to received and off the waiting list (the
    // citizen waits for a call again); the history names the step; only a contact goes back.
    let undone: InboxItem = admin.call("POST", &status_url, Some(json!({"status": "received"}))).json();
    assert_eq!((undone.status, undone.waitlist), (ReferralStatus::Received, false));
    let last = undone.history.last().unwrap();
    assert!(last.undoes_answer() && last.handler.is_some(), "{last:?}");
    assert_eq!((look().status, look().waitlist), (ReferralStatus::Received, false));
    let withdrawn = admin.call("POST", &status_url, Some(json!({"status": "withdrawn"})));
    assert_eq!(withdrawn.status, 422, "{}", withdrawn.body);
    assert!(withdrawn.json::<Problem>().errors[0].message.da.starts_with("Kun afsenderen kan trække en henvendelse tilbage"));
    // Enrolled with a first session, undone (the citizen reads that the day is off), enrolled again.
    let week = forebyg_shared::date::add_days(&forebyg_shared::date::copenhagen_date(forebyg_api::self_referral::now()), 7);
    let first = forebyg_shared::first_session::FirstSession { on: week, at: Some("17:00".into()) };
    let mut seen = Vec::new();
    for change in [
        json!({"status": "contacted"}),
        json!({"status": "enrolled", "first_session": first}),
        json!({"status": "contacted"}),
        json!({"status": "enrolled"}),
    ] {
        let moved = admin.call("POST", &format!("/api/v1/admin/referrals/{}/status", receipt.receipt_code), Some(change));
        assert_eq!(moved.status, 200, "{}", moved.body);
        let r = look();
        seen.push((r.status, r.first_session, r.cancelled_first_session));
    }
    use ReferralStatus::{Contacted, Enrolled};
    assert_eq!(
        seen,
        [(Contacted, None, None), (Enrolled, Some(first.clone()), None), (Contacted, None, Some(first.clone())), (Enrolled, None, None)]
    );
    let seen = look();
    // A place given takes the person off the waiting list.
    assert_eq!((seen.status, seen.decline_reason, seen.waitlist), (ReferralStatus::Enrolled, None, false));
    // Discontinued before its first session's day (the person stopped before starting): the
    // citizen reads that the day is off; reopened, it is not.
    for (change, cancelled) in [
        (json!({"status": "enrolled", "first_session": first}), None),
        (json!({"status": "discontinued"}), Some(first.clone())),
        (json!({"status": "enrolled"}), None),
    ] {
        let moved = admin.call("POST", &status_url, Some(change));
        assert_eq!(moved.status, 200, "{}", moved.body);
        assert_eq!(look().cancelled_first_session, cancelled);
    }
    let enrolled: Vec<InboxItem> = admin.call("GET", "/api/v1/admin/referrals?status=enrolled", None).json();
    assert_eq!(enrolled.len(), 1);
    // A citizen's own request has no referrer: it is completed without a closing note.
    let moved = admin.call("POST", &format!("/api/v1/admin/referrals/{}/status", receipt.receipt_code), Some(json!({"status": "completed"})));
    assert_eq!(moved.status, 200, "{}", moved.body);
    assert_eq!(look().status, ReferralStatus::Completed);
    // Discontinued by mistake (with a note), then reopened: enrolled again, the note gone with
    // the decision (the history keeps it); a closed course goes back to enrolled only.
    for (change, code) in [
        (json!({"status": "enrolled"}), 200),
        (json!({"status": "discontinued", "note": "Stoppede efter 3 gange"}), 200),
        (json!({"status": "contacted"}), 409),
        (json!({"status": "received"}), 409),
    ] {
        assert_eq!(admin.call("POST", &status_url, Some(change)).status, code);
    }
    let reopened: InboxItem = admin.call("POST", &status_url, Some(json!({"status": "enrolled"}))).json();
    assert_eq!((reopened.status, reopened.note.as_deref()), (ReferralStatus::Enrolled, None));
    assert_eq!(reopened.history.iter().filter_map(|e| e.note.as_deref()).collect::<Vec<_>>(), ["Stoppede efter 3 gange"]);
    assert_eq!(look().status, ReferralStatus::Enrolled);

    // A listing not verified for six months shows up until someone re-verifies it.
    let mut old = draft();
    old.title = "Kostvejledning i Skanderborg".into();
    old.last_verified = "2025-01-15".into();
    let old: Offer = admin.call("POST", "/api/v1/admin/offers", Some(json!(old))).json();
    let stale_rows: Vec<AdminOfferRow> = admin.call("GET", "/api/v1/admin/offers?stale=true", None).json();
    assert_eq!(stale_rows.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), [old.id.as_str()]);
    let verified: Offer = admin.call("POST", &format!("/api/v1/admin/offers/{}/verify", old.id), Some(json!({"version": 1}))).json();
    // Verified on the Danish day (from 23:00 UTC in winter, already tomorrow).
    assert_eq!(verified.last_verified, forebyg_shared::date::copenhagen_date(forebyg_api::self_referral::now()));
    assert!(admin.call("GET", "/api/v1/admin/offers?stale=true", None).json::<Vec<AdminOfferRow>>().is_empty());

    // The audit log: who changed which fields, and every read of the request.
    let log: Vec<AuditEntry> = admin.call("GET", "/api/v1/admin/audit", None).json();
    let actions: Vec<AuditAction> = log.iter().map(|e| e.action).collect();
    for a in [
        AuditAction::OfferCreated,
        AuditAction::OfferStatus,
        AuditAction::OfferUpdated,
        AuditAction::ReferralRead,
        AuditAction::ReferralStatus,
        AuditAction::OfferVerified,
    ] {
        assert!(actions.contains(&a), "{a:?} missing from {actions:?}");
    }
    // Put on the waiting list (and off it again later): said in the log, not as a bare "contacted".
    let waitlist: Vec<(&str, &str)> = log
        .iter()
        .filter(|e| e.action == AuditAction::ReferralStatus)
        .flat_map(|e| e.changes.iter().filter(|c| c.field == "waitlist").map(|c| (c.before.as_str(), c.after.as_str())))
        .collect();
    assert!(waitlist.contains(&("false", "true")), "{waitlist:?}");
    let title_change =
        log.iter().find(|e| e.action == AuditAction::OfferUpdated && e.changes.iter().any(|c| c.field == "title")).expect("title change audited");
    let change = title_change.changes.iter().find(|c| c.field == "title").unwrap();
    assert_eq!(
        (change.before.as_str(), change.after.as_str()),
        ("\"Gåhold for dig med KOL i Skanderborg\"", "\"Gåhold for dig med KOL – Skanderborg Sø\"")
    );
    assert!(!title_change.changes.iter().any(|c| c.field == "summary"), "each save records only its own fields");
    assert!(log.windows(2).all(|w| w[0].at >= w[1].at), "newest first");
    assert_eq!(log.iter().filter(|e| e.action == AuditAction::ReferralRead).count(), 2, "two inbox views, one request each");

    // The log names what each entry is about and filters by kind, admin and time.
    assert_eq!(title_change.target_title.as_deref(), Some("Gåhold for dig med KOL – Skanderborg Sø"), "the current title");
    let updates: Vec<AuditEntry> = admin.call("GET", "/api/v1/admin/audit?action=offer-updated", None).json();
    assert!(!updates.is_empty() && updates.iter().all(|e| e.action == AuditAction::OfferUpdated));
    let first = log.last().unwrap();
    let until: Vec<AuditEntry> = admin.call("GET", &format!("/api/v1/admin/audit?until={}", first.at + 1), None).json();
    assert!(!until.is_empty() && until.iter().all(|e| e.at <= first.at));
    let nobody: Vec<AuditEntry> = admin.call("GET", "/api/v1/admin/audit?actor=nobody-at-all", None).json();
    assert!(nobody.is_empty());
    let by_subject: Vec<AuditEntry> = admin.call("GET", &format!("/api/v1/admin/audit?actor={}", first.actor), None).json();
    assert!(by_subject.iter().any(|e| e.id == first.id));

    // The inbox: by part of the offer's title and by day; withdrawn requests out of the way; one
    // audit entry per view, naming every request shown.
    let ask = json!({"idempotency_key": "flow-key-000000000002", "name": "Else Berg", "phone": "20304050", "consent": true});
    let second: ReferralReceipt =
        server.request("POST", &format!("/api/v1/offers/{}/self-referrals", created.id), &[], Some((JSON, &ask.to_string()))).json();
    // The inbox's day filter reads the request's Danish day (`Referral::created_on`).
    let today = forebyg_shared::date::copenhagen_date(forebyg_api::self_referral::now());
    let by_title: Vec<InboxItem> =
        admin.call("GET", &format!("/api/v1/admin/referrals?offer_title=skanderborg%20s%C3%B8&from={today}&to={today}"), None).json();
    assert_eq!(by_title.len(), 2);
    assert!(by_title.iter().all(|i| i.offer_status == OfferStatus::Published), "each request says its offer is still published");
    // (Entries of the same second have no order among them: find the view by the new request.)
    let reads: Vec<AuditEntry> = admin.call("GET", "/api/v1/admin/audit?action=referral-read", None).json();
    let views: Vec<&AuditEntry> = reads.iter().filter(|e| e.target.contains(&second.receipt_code)).collect();
    assert_eq!(views.len(), 1, "{reads:?}");
    let codes: Vec<&str> = views[0].target.split(' ').collect();
    assert_eq!(codes.len(), 2, "one entry for the view of two requests: {codes:?}");
    assert!(codes.contains(&second.receipt_code.as_str()) && codes.contains(&receipt.receipt_code.as_str()));
    let none: Vec<InboxItem> = admin.call("GET", "/api/v1/admin/referrals?offer_title=zebra", None).json();
    assert!(none.is_empty());
    // The person who phones about their request: found by part of their name, or by their code
    // as they read it out (with or without its dash, any case).
    let bare = second.receipt_code.replace('-', "").to_lowercase();
    for person in ["else%20b", "ELSE", "berg%20else", bare.as_str(), second.receipt_code.as_str()] {
        let found: Vec<InboxItem> = admin.call("GET", &format!("/api/v1/admin/referrals?person={person}"), None).json();
        assert_eq!(found.iter().map(|i| i.receipt_code.as_str()).collect::<Vec<_>>(), [second.receipt_code.as_str()], "{person}");
    }
    let withdrawn = server.request("DELETE", &format!("/api/v1/self-referrals/{}", second.receipt_code), &[("forebyg-contact", "20304050")], None);
    assert!(withdrawn.status < 300, "{}", withdrawn.body);
    let open: Vec<InboxItem> = admin.call("GET", &format!("/api/v1/admin/referrals?offer={}", created.id), None).json();
    assert_eq!(open.iter().map(|i| i.receipt_code.as_str()).collect::<Vec<_>>(), [receipt.receipt_code.as_str()], "withdrawn left out");
    let all: Vec<InboxItem> = admin.call("GET", &format!("/api/v1/admin/referrals?offer={}&withdrawn=true", created.id), None).json();
    assert_eq!(all.len(), 2);
    let only: Vec<InboxItem> = admin.call("GET", "/api/v1/admin/referrals?status=withdrawn", None).json();
    assert_eq!(only.iter().map(|i| i.receipt_code.as_str()).collect::<Vec<_>>(), [second.receipt_code.as_str()]);
    let bad = admin.call("GET", "/api/v1/admin/referrals?from=1.12.2026", None);
    assert_eq!(bad.status, 422);
    assert_eq!(bad.json::<Problem>().errors[0].field, "from");
    // A span that ends before it starts is an error on its end, not an empty inbox.
    let inverted = admin.call("GET", "/api/v1/admin/referrals?from=2026-12-02&to=2026-12-01", None);
    assert_eq!(inverted.status, 422, "{}", inverted.body);
    let errors = inverted.json::<Problem>().errors;
    assert_eq!((errors[0].field.as_str(), errors[0].code), ("to", forebyg_shared::validation::ErrorCode::OutOfRange));
}
