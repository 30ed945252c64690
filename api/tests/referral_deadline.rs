//! The provider's promise to make contact, over real HTTP on both stores: a request still
//! `received` after the day the offer's response time gave is "overdue" in the inbox (each card,
//! the `overdue` filter, the overview's count), to the clinician who referred the patient
//! and to the patient following it with its code; a request moved on, one still within its time,
//! one without a promise and one outside the admin's scope are not counted. The overview's
//! response times, for a span of months, count the answers the providers' tallies kept after the
//! requests were deleted, and the requests deleted unanswered as late; a contact undone is taken
//! out of them until the next answer. The promised day counts
//! Danish working days from the Danish date (no weekends, public holidays, grundlovsdag, 24 and
//! 31 December).

mod support;

use forebyg_api::auth::dev;
use forebyg_api::self_referral::now;
use forebyg_api::store::{ClinicianSender, DirectoryStore, Referral, ReferralStore};
use forebyg_shared::admin::{InboxItem, ReferralCounts};
use forebyg_shared::auth::Role;
use forebyg_shared::clinician::{ClinicianReferralList, Organisation, OrganisationKind};
use forebyg_shared::date::copenhagen_date;
use forebyg_shared::directory::{DirectoryRecord, ProviderRecord, RecordStatus};
use forebyg_shared::offer::Contact;
use forebyg_shared::problem::Problem;
use forebyg_shared::referral::{Actor, ReferralReceipt, ReferralStatus, StatusEvent};
use forebyg_shared::response_time::{per_provider, to_csv, MonthResponseTimes, ProviderResponseTimes, Settlement};
use forebyg_shared::taxonomy::{ProviderKind, RegionCode};
use support::server::Server;

const DAY: i64 = 86_400;

fn org() -> Organisation {
    Organisation { kind: OrganisationKind::Practice, name: "Lægerne i Fristgade".into(), sor: None }
}

/// A request to an offer of `region` made `age_days` ago, promising contact by `contact_by`
/// days from today (negative: in the past), in `status`; referred by the clinician "frist-gp".
fn referral(code: &str, region: RegionCode, age_days: i64, contact_by: Option<i64>, status: ReferralStatus) -> Referral {
    let made = now() - age_days * DAY;
    let history = std::iter::once(StatusEvent::new(ReferralStatus::Received, made, Actor::Clinician))
        .chain((status != ReferralStatus::Received).then(|| StatusEvent::new(status, made + 60, Actor::Provider)))
        .collect();
    Referral {
        receipt_code: code.into(),
        offer_id: format!("offer-{code}"),
        offer_title: "Holdtræning for KOL".into(),
        region,
        provider_id: "p1".into(),
        idempotency_key: format!("deadline-key-{code}"),
        name: "Poul Fristesen".into(),
        phone: Some("81234567".into()),
        email: None,
        contact_time: None,
        message: None,
        status,
        waitlist: false,
        contact_by: contact_by.map(|d| copenhagen_date(now() + d * DAY)),
        created_at: made,
        updated_at: made,
        expires_at: now() + 60 * DAY,
        clinician: Some(ClinicianSender {
            subject: dev::clinician_claims(&org(), "frist-gp", 600).sub,
            name: Some("Dr. Frist".into()),
            organisation: org(),
            request_identifier: None,
            request_hash: None,
        }),
        cpr: None,
        conditions: vec![],
        interpreter_language: None,
        decline_reason: None,
        note: None,
        history,
        notes: vec![],
        withdrawn_contact: None,
        tallied_for: None,
        version: 0,
    }
}

/// Of provider "p2" (named in the directory): one answered two days after its promised day, and
/// one withdrawn before its day (nothing was due: not counted).
fn p2_referrals() -> Vec<Referral> {
    let late = referral("SLOW-GGGG", RegionCode::Midtjylland, 8, Some(-4), ReferralStatus::Contacted);
    let mut slow = Referral { provider_id: "p2".into(), ..late };
    slow.history[1].at = now() - 2 * DAY;
    let gone = referral("GONE-HHHH", RegionCode::Midtjylland, 2, Some(3), ReferralStatus::Withdrawn);
    vec![slow, Referral { provider_id: "p2".into(), ..gone }]
}

fn p2_record() -> DirectoryRecord {
    DirectoryRecord::Provider(ProviderRecord {
        id: "p2".into(),
        name: "Sundhedshuset Langsom".into(),
        kind: ProviderKind::Municipality,
        region: RegionCode::Midtjylland,
        contact: Contact { name: None, phone: Some("+45 11 22 33 44".into()), email: None, url: None },
        status: RecordStatus::Active,
        version: 1,
    })
}

fn referrals() -> Vec<Referral> {
    use ReferralStatus::*;
    vec![
        referral("LATE-AAAA", RegionCode::Midtjylland, 6, Some(-2), Received),
        referral("SOON-BBBB", RegionCode::Midtjylland, 1, Some(2), Received),
        referral("TODY-CCCC", RegionCode::Midtjylland, 3, Some(0), Received),
        referral("DONE-DDDD", RegionCode::Midtjylland, 6, Some(-2), Contacted),
        referral("NONE-EEEE", RegionCode::Midtjylland, 9, None, Received),
        referral("AWAY-FFFF", RegionCode::Syddanmark, 6, Some(-2), Received),
    ]
}

fn check(env: &[(&str, &str)], data: &std::path::Path) {
    let dist = tempfile::tempdir().unwrap();
    let env: Vec<(&str, &str)> = [("FOREBYG_AUTH", "dev")].into_iter().chain(env.iter().copied()).collect();
    let server = Server::start_with(data, dist.path(), 0, &env);
    let admin = format!("Bearer {}", dev::sign(&dev::claims(Role::RegionAdmin, Some(RegionCode::Midtjylland), None, 600)));
    let get = |path: &str, auth: &str| server.request("GET", path, &[("authorization", auth)], None);

    // Per provider, the worst keeper of its promises first: p2 answered its one due request late;
    // p1 answered one in time and has one overdue, two not yet due (one due today).
    let times: Vec<ProviderResponseTimes> = get("/api/v1/admin/referrals/response-times", &admin).json();
    let row = |name: &str, id: &str, in_time, late, overdue, pending| ProviderResponseTimes {
        provider_id: id.into(),
        provider_name: name.into(),
        in_time,
        late,
        overdue,
        pending,
    };
    assert_eq!(times, [row("Sundhedshuset Langsom", "p2", 0, 1, 0, 0), row("p1", "p1", 1, 0, 1, 2)]);
    let editor = format!("Bearer {}", dev::sign(&dev::claims(Role::ProviderEditor, Some(RegionCode::Midtjylland), Some("p2"), 600)));
    let own: Vec<ProviderResponseTimes> = get("/api/v1/admin/referrals/response-times", &editor).json();
    assert_eq!(own.iter().map(|r| r.provider_id.as_str()).collect::<Vec<_>>(), ["p2"], "a provider editor sees their own");
    // Only the requests made in the last five days: p2's late answer (8 days ago) and p1's two
    // six-day-old requests drop out; p1's two still within their time stay.
    let recent: Vec<ProviderResponseTimes> =
        get(&format!("/api/v1/admin/referrals/response-times?from={}", copenhagen_date(now() - 5 * DAY)), &admin).json();
    assert_eq!(recent, [row("p1", "p1", 0, 0, 0, 2)]);
    let bad = get("/api/v1/admin/referrals/response-times?from=31-12-2026", &admin);
    assert_eq!(bad.status, 422, "{}", bad.body);
    assert_eq!(bad.json::<Problem>().errors.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), ["from"]);

    let all: Vec<InboxItem> = get("/api/v1/admin/referrals", &admin).json();
    let flags: Vec<(&str, bool)> = all.iter().map(|i| (i.receipt_code.as_str(), i.overdue)).collect();
    assert_eq!(flags.len(), 6, "{flags:?}");
    for (code, overdue) in flags {
        assert_eq!(overdue, code == "LATE-AAAA", "{code}");
    }
    let late = all.iter().find(|i| i.receipt_code == "LATE-AAAA").unwrap();
    assert_eq!(late.contact_by.as_deref(), Some(copenhagen_date(now() - 2 * DAY).as_str()));
    assert_eq!(all.iter().find(|i| i.receipt_code == "NONE-EEEE").unwrap().contact_by, None);

    let overdue: Vec<InboxItem> = get("/api/v1/admin/referrals?overdue=true", &admin).json();
    assert_eq!(overdue.iter().map(|i| i.receipt_code.as_str()).collect::<Vec<_>>(), ["LATE-AAAA"]);
    let bad = get("/api/v1/admin/referrals?overdue=maybe", &admin);
    assert_eq!(bad.status, 422, "{}", bad.body);
    assert!(bad.json::<Problem>().errors.iter().any(|e| e.field == "overdue"), "{}", bad.body);

    // The response times' rows lead to the inbox: one provider's requests, its overdue ones.
    let codes = |path: &str| -> Vec<String> {
        let items: Vec<InboxItem> = get(path, &admin).json();
        let mut codes: Vec<String> = items.into_iter().map(|i| i.receipt_code).collect();
        codes.sort();
        codes
    };
    assert_eq!(codes("/api/v1/admin/referrals?provider=p2"), ["SLOW-GGGG"], "withdrawn ones stay out of the way");
    assert_eq!(codes("/api/v1/admin/referrals?provider=p2&withdrawn=true"), ["GONE-HHHH", "SLOW-GGGG"]);
    assert_eq!(codes("/api/v1/admin/referrals?provider=p1&overdue=true"), ["LATE-AAAA"]);
    assert_eq!(codes(&format!("/api/v1/admin/referrals?provider=p1&from={}", copenhagen_date(now() - 5 * DAY))), ["SOON-BBBB", "TODY-CCCC"]);
    assert!(codes("/api/v1/admin/referrals?provider=nobody").is_empty());
    let theirs: Vec<InboxItem> = get("/api/v1/admin/referrals?provider=p1", &editor).json();
    assert!(theirs.is_empty(), "a provider editor of p2 sees none of p1's requests: {theirs:?}");

    let counts: ReferralCounts = get("/api/v1/admin/referrals/counts", &admin).json();
    assert_eq!((counts.received, counts.overdue), (4, 1), "{counts:?}");
    // One offer's: what archiving it would leave waiting.
    let one = |offer: &str| get(&format!("/api/v1/admin/referrals/counts?offer={offer}"), &admin).json::<ReferralCounts>();
    assert_eq!((one("offer-LATE-AAAA").received, one("offer-LATE-AAAA").total(), one("no-such-offer").total()), (1, 1, 0));

    // Months back, beyond what the store keeps: p2's late answer of 100 days ago, from its tally,
    // and its other request of then, deleted unanswered (made, never settled, not kept): late.
    // p1's answer given now through the inbox counts at once; its overdue and not yet due ones
    // come from the requests kept (its older answers were stored answered, never through a tally:
    // not counted).
    let since = format!("/api/v1/admin/referrals/response-times/months?since_month={}", &copenhagen_date(now() - 100 * DAY)[..7]);
    let summed = |who: &str| per_provider(&get(&since, who).json::<Vec<MonthResponseTimes>>());
    // Both at 0 % in time: the one with more overdue first.
    assert_eq!(summed(&admin), [row("p1", "p1", 0, 0, 1, 2), row("Sundhedshuset Langsom", "p2", 0, 2, 0, 0)]);
    let answer = server.request(
        "POST",
        "/api/v1/admin/referrals/SOON-BBBB/status",
        &[("authorization", &admin)],
        Some(("application/json", r#"{"status":"contacted"}"#)),
    );
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(summed(&admin), [row("Sundhedshuset Langsom", "p2", 0, 2, 0, 0), row("p1", "p1", 1, 0, 1, 1)]);
    // The contact undone (marked on the wrong card) answered nothing: not yet due again, here
    // and in the figures of the requests kept; contacted again within the day, in time once.
    let change = |body: &str| {
        let res = server.request("POST", "/api/v1/admin/referrals/SOON-BBBB/status", &[("authorization", &admin)], Some(("application/json", body)));
        assert_eq!(res.status, 200, "{body}: {}", res.body);
    };
    let step = |status: &str| change(&format!(r#"{{"status":"{status}"}}"#));
    step("received");
    assert_eq!(summed(&admin), [row("p1", "p1", 0, 0, 1, 2), row("Sundhedshuset Langsom", "p2", 0, 2, 0, 0)]);
    // So does a decline made before anyone called, once reopened (to received, where it was made,
    // as the workspace reopens it): it answers in time while it stands, and nothing after.
    change(r#"{"status":"declined","reason":"no-capacity"}"#);
    assert_eq!(summed(&admin), [row("Sundhedshuset Langsom", "p2", 0, 2, 0, 0), row("p1", "p1", 1, 0, 1, 1)]);
    step("received");
    assert_eq!(summed(&admin), [row("p1", "p1", 0, 0, 1, 2), row("Sundhedshuset Langsom", "p2", 0, 2, 0, 0)]);
    let kept: Vec<ProviderResponseTimes> = get("/api/v1/admin/referrals/response-times", &admin).json();
    assert_eq!(kept[1], row("p1", "p1", 1, 0, 1, 2), "DONE-DDDD in time, LATE-AAAA overdue, SOON-BBBB and TODY-CCCC pending");
    step("contacted");
    assert_eq!(summed(&admin), [row("Sundhedshuset Langsom", "p2", 0, 2, 0, 0), row("p1", "p1", 1, 0, 1, 1)]);
    assert_eq!(summed(&editor), [row("Sundhedshuset Langsom", "p2", 0, 2, 0, 0)], "scoped");
    // Per provider and month, by name, then month, as JSON and CSV (by default the last 12 months).
    let month = |age_days: i64| copenhagen_date(now() - age_days * DAY)[..7].to_owned();
    let mut p1: std::collections::BTreeMap<String, [u32; 4]> = Default::default();
    for (age, fate) in [(1, 0), (6, 2), (3, 3)] {
        p1.entry(month(age)).or_default()[fate] += 1; // SOON in time, LATE overdue, TODY not yet due
    }
    let at = |m: String, times: ProviderResponseTimes| MonthResponseTimes { month: m, times };
    let expected: Vec<MonthResponseTimes> = std::iter::once(at(month(100), row("Sundhedshuset Langsom", "p2", 0, 2, 0, 0)))
        .chain(p1.iter().map(|(m, &[in_time, late, overdue, pending])| at(m.clone(), row("p1", "p1", in_time, late, overdue, pending))))
        .collect();
    for path in [since.clone(), "/api/v1/admin/referrals/response-times/months".into()] {
        assert_eq!(get(&path, &admin).json::<Vec<MonthResponseTimes>>(), expected, "{path}");
        let csv = get(&path.replace("/months", "/months.csv"), &admin);
        assert_eq!((csv.status, csv.content_type.as_str()), (200, "text/csv; charset=utf-8"), "{path}: {}", csv.body);
        assert_eq!(csv.body, to_csv(&expected), "{path}");
        assert!(csv.body.starts_with("\u{feff}udbyder-id;udbyder;måned;") && csv.body.ends_with("\r\n"), "BOM and CRLF: {}", csv.body);
    }
    let theirs = get("/api/v1/admin/referrals/response-times/months.csv", &editor).body;
    assert_eq!(theirs.lines().skip(1).map(|l| l.split(';').next().unwrap()).collect::<Vec<_>>(), ["p2"], "scoped: {theirs}");
    for bad in ["months?since_month=2027-13", "months.csv?since_month=2027-1"] {
        let res = get(&format!("/api/v1/admin/referrals/response-times/{bad}"), &admin);
        assert_eq!(res.status, 422, "{bad}: {}", res.body);
        assert_eq!(res.json::<Problem>().errors.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), ["since_month"], "{bad}");
    }

    // The patient, following it with the code and their phone number, is told too.
    let lookup = |code: &str| -> ReferralReceipt {
        let res = server.request("GET", &format!("/api/v1/self-referrals/{code}"), &[("forebyg-contact", "81 23 45 67")], None);
        assert_eq!(res.status, 200, "{}", res.body);
        res.json()
    };
    assert!(lookup("LATE-AAAA").overdue);
    let soon = lookup("SOON-BBBB");
    assert_eq!((soon.overdue, soon.contact_by), (false, Some(copenhagen_date(now() + 2 * DAY))));

    // The referring clinician sees the same: time to call the provider.
    let clinician = format!("Bearer {}", dev::sign(&dev::clinician_claims(&org(), "frist-gp", 600)));
    let mine: ClinicianReferralList = get("/api/v1/clinician/referrals", &clinician).json();
    let mut late: Vec<&str> = mine.referrals.iter().filter(|r| r.overdue).map(|r| r.code.as_str()).collect();
    late.sort();
    assert_eq!(late, ["AWAY-FFFF", "LATE-AAAA"]);
    assert!(mine.referrals.iter().all(|r| r.contact_by.is_some() != (r.code == "NONE-EEEE")));
}

/// p2 answered a request late 100 days ago; the request is deleted since, its tally kept.
fn p2_long_ago() -> Referral {
    let mut r = referral("PAST-JJJJ", RegionCode::Midtjylland, 100, Some(-97), ReferralStatus::Received);
    (r.provider_id, r.expires_at) = ("p2".into(), now() - 5 * DAY);
    r
}

/// p2 never answered another request made 100 days ago; it is deleted since: its promise
/// is broken, so late.
fn p2_lost() -> Referral {
    let mut r = referral("LOST-KKKK", RegionCode::Midtjylland, 100, Some(-97), ReferralStatus::Received);
    (r.provider_id, r.expires_at) = ("p2".into(), now() - 9 * DAY);
    r
}

async fn seed<S: ReferralStore + DirectoryStore>(store: &S) {
    // Made once: its times come from the clock, and the settle below names the one stored.
    let mut past = p2_long_ago();
    for r in referrals().into_iter().chain(p2_referrals()).chain([past.clone(), p2_lost()]) {
        store.create_referral(&r).await.unwrap();
    }
    past.status = ReferralStatus::Contacted;
    past.history.push(StatusEvent::new(ReferralStatus::Contacted, now() - 92 * DAY, Actor::Provider));
    past.updated_at = now() - 92 * DAY;
    assert!(store.settle_referral(&past, Settlement::Late).await.unwrap());
    store.put_directory(&[p2_record()]).await.unwrap();
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
}

#[test]
fn overdue_requests_on_the_embedded_store() {
    let data = tempfile::tempdir().unwrap();
    {
        let store = forebyg_api::store::embedded::EmbeddedStore::open(data.path()).unwrap();
        runtime().block_on(seed(&store));
    }
    check(&[], data.path());
}

#[test]
fn overdue_requests_on_dynamodb_local() {
    let local = support::dynamodb_local::DynamoDbLocal::start();
    let data = tempfile::tempdir().unwrap();
    let rt = runtime();
    let store = rt.block_on(support::dynamo(&local));
    rt.block_on(seed(&store));
    let env = [("FOREBYG_STORE", "dynamodb"), ("FOREBYG_DYNAMODB_ENDPOINT", local.endpoint.as_str()), ("FOREBYG_TABLE", store.table())];
    check(&env, data.path());
}

/// The days workplaces in Denmark close (weekends aside), 2026–2028, written out by hand: the
/// oracle for the promised day.
const CLOSED: &[&str] = &[
    "2026-01-01",
    "2026-04-02",
    "2026-04-03",
    "2026-04-05",
    "2026-04-06",
    "2026-05-14",
    "2026-05-24",
    "2026-05-25",
    "2026-06-05",
    "2026-12-24",
    "2026-12-25",
    "2026-12-26",
    "2026-12-31",
    "2027-01-01",
    "2027-03-25",
    "2027-03-26",
    "2027-03-28",
    "2027-03-29",
    "2027-05-06",
    "2027-05-16",
    "2027-05-17",
    "2027-06-05",
    "2027-12-24",
    "2027-12-25",
    "2027-12-26",
    "2027-12-31",
    "2028-01-01",
    "2028-04-13",
    "2028-04-14",
    "2028-04-16",
    "2028-04-17",
    "2028-05-25",
    "2028-06-04",
    "2028-06-05",
    "2028-12-24",
    "2028-12-25",
    "2028-12-26",
    "2028-12-31",
];

/// A request made now to an offer promising contact within 20 working days is due on the 20th
/// Danish working day after today's Danish date: weekends, public holidays, grundlovsdag and
/// 24/31 December not counted.
#[test]
fn the_promised_day_counts_danish_working_days() {
    let (data, dist) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let server = Server::start_with(data.path(), dist.path(), 300, &[("FOREBYG_AUTH", "dev")]);
    let offer = forebyg_api::demo::offers(300)
        .into_iter()
        .find(|o| o.is_published() && o.referral.self_referral && o.capacity == forebyg_shared::taxonomy::Capacity::Open)
        .unwrap();
    let admin = format!("Bearer {}", dev::sign(&dev::claims(Role::RegionAdmin, Some(offer.region), None, 600)));
    let path = format!("/api/v1/admin/offers/{}", offer.id);
    let mut current: forebyg_shared::offer::Offer = server.request("GET", &path, &[("authorization", admin.as_str())], None).json();
    current.referral.response_days = Some(20);
    let res = server.request("PUT", &path, &[("authorization", admin.as_str())], Some(("application/json", &serde_json::json!(current).to_string())));
    assert_eq!(res.status, 200, "{}", res.body);
    let asked = serde_json::json!({"idempotency_key": "deadline-days-000001", "name": "Dagmar Dage", "phone": "81234567", "consent": true});
    let res = server.request("POST", &format!("/api/v1/offers/{}/self-referrals", offer.id), &[], Some(("application/json", &asked.to_string())));
    assert_eq!(res.status, 201, "{}", res.body);
    let code = res.json::<ReferralReceipt>().receipt_code;
    let inbox: Vec<InboxItem> = server.request("GET", "/api/v1/admin/referrals", &[("authorization", admin.as_str())], None).json();
    let promised = inbox.iter().find(|i| i.receipt_code == code).unwrap().contact_by.clone().unwrap();

    let today = copenhagen_date(now());
    let mut day = forebyg_shared::date::days_from_iso(&today).unwrap();
    let mut left = 20;
    while left > 0 {
        day += 1;
        let date = forebyg_shared::date::civil_from_days(day);
        let iso = format!("{:04}-{:02}-{:02}", date.0, date.1, date.2);
        if (day + 3).rem_euclid(7) < 5 && !CLOSED.contains(&iso.as_str()) {
            left -= 1;
        }
    }
    let (y, m, d) = forebyg_shared::date::civil_from_days(day);
    assert_eq!(promised, format!("{y:04}-{m:02}-{d:02}"), "made on {today}");
}
