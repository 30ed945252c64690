//! The audit log's filters reach every entry of their time range, over real HTTP on both stores:
//! an entry older than a thousand newer ones is found by kind; when the search looks at its limit
//! of entries before the range's start, the answer says how far back it got, and asking again
//! from there goes on.

mod support;

use forebyg_api::auth::dev;
use forebyg_api::self_referral::now;
use forebyg_api::store::AuditStore;
use forebyg_shared::admin::{AuditAction, AuditEntry};
use forebyg_shared::auth::Role;
use forebyg_shared::taxonomy::RegionCode;
use support::server::Server;

const REGION: RegionCode = RegionCode::Midtjylland;

/// One old `offer-created` entry, then `newer` `offer-updated` ones, a second apart.
fn entries(newer: usize) -> Vec<AuditEntry> {
    let start = now() - newer as i64 - 3_600;
    let entry = |i: usize, action, target: &str| AuditEntry {
        id: format!("{i:012x}"),
        at: start + i as i64,
        region: REGION,
        actor: "import".into(),
        actor_name: Some("Import Person".into()),
        actor_role: Role::RegionAdmin,
        action,
        target: target.into(),
        target_title: None,
        changes: vec![],
    };
    std::iter::once(entry(0, AuditAction::OfferCreated, "gammelt-tilbud"))
        .chain((1..=newer).map(|i| entry(i, AuditAction::OfferUpdated, "nyere-tilbud")))
        .collect()
}

fn read(server: &Server, query: &str) -> (Vec<AuditEntry>, Option<String>) {
    let auth = format!("Bearer {}", dev::sign(&dev::claims(Role::RegionAdmin, Some(REGION), None, 600)));
    let res = server.request("GET", &format!("/api/v1/admin/audit?{query}"), &[("authorization", auth.as_str())], None);
    assert_eq!(res.status, 200, "{}", res.body);
    let header = res.headers.get("x-audit-searched-back-to").map(|v| v.to_str().unwrap().to_owned());
    (res.json(), header)
}

fn check(server: &Server, newer: usize) {
    let (mut found, stopped) = read(server, "action=offer-created");
    if newer < forebyg_api::admin::audit::SEARCH_BUDGET {
        assert_eq!((found.iter().map(|e| e.target.as_str()).collect::<Vec<_>>(), stopped), (vec!["gammelt-tilbud"], None));
    } else {
        // The search stopped before the old entry, and says so; from there it is found.
        let back_to = stopped.expect("the answer says how far back the search got");
        assert!(found.is_empty(), "{found:?}");
        let stopped;
        (found, stopped) = read(server, &format!("action=offer-created&until={back_to}"));
        assert_eq!((found.iter().map(|e| e.target.as_str()).collect::<Vec<_>>(), stopped), (vec!["gammelt-tilbud"], None));
    }
    // A time range around the old entry reads just that range.
    let at = found[0].at;
    let (found, _) = read(server, &format!("since={at}&until={}", at + 2));
    assert_eq!(found.iter().map(|e| e.target.as_str()).collect::<Vec<_>>(), ["nyere-tilbud", "gammelt-tilbud"]);
    let (found, stopped) = read(server, "limit=3");
    assert_eq!((found.len(), stopped), (3, None));
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
}

#[test]
fn old_entries_are_found_on_the_embedded_store() {
    for newer in [1_200, forebyg_api::admin::audit::SEARCH_BUDGET + 100] {
        let (data, dist) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        {
            let store = forebyg_api::store::embedded::EmbeddedStore::open(data.path()).unwrap();
            runtime().block_on(store.append_audit(&entries(newer))).unwrap();
        }
        let server = Server::start_with(data.path(), dist.path(), 0, &[("FOREBYG_AUTH", "dev")]);
        check(&server, newer);
    }
}

#[test]
fn old_entries_are_found_on_dynamodb() {
    let local = support::dynamodb_local::DynamoDbLocal::start();
    let rt = runtime();
    let store = rt.block_on(support::dynamo(&local));
    rt.block_on(store.append_audit(&entries(1_200))).unwrap();
    let data = tempfile::tempdir().unwrap();
    let dist = tempfile::tempdir().unwrap();
    let env = [
        ("FOREBYG_AUTH", "dev"),
        ("FOREBYG_STORE", "dynamodb"),
        ("FOREBYG_DYNAMODB_ENDPOINT", local.endpoint.as_str()),
        ("FOREBYG_TABLE", store.table()),
    ];
    let server = Server::start_with(data.path(), dist.path(), 0, &env);
    check(&server, 1_200);
}
