//! "Report wrong information" over real HTTP, on both stores: the public files a report, the
//! region's admins see and resolve it, others never see it.

mod support;

use forebyg_api::auth::dev;
use forebyg_api::demo;
use forebyg_shared::admin::{AuditAction, AuditEntry};
use forebyg_shared::auth::Role;
use forebyg_shared::report::{ChangeReport, ReportStatus, ReportTopic};
use forebyg_shared::taxonomy::RegionCode;
use serde_json::json;
use support::server::Server;

const JSON: &str = "application/json";

fn flow(env: &[(&str, &str)]) {
    let (data, dist) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut all_env = vec![("FOREBYG_AUTH", "dev")];
    all_env.extend_from_slice(env);
    let server = Server::start_with(data.path(), dist.path(), 200, &all_env);
    let offer = demo::offers(200).into_iter().find(|o| o.is_published()).unwrap();
    let path = format!("/api/v1/offers/{}/reports", offer.id);
    let report = |body: serde_json::Value| server.request("POST", &path, &[], Some((JSON, &body.to_string())));

    assert_eq!(report(json!({"topic": "times", "message": "Holdet er flyttet til onsdag kl. 10."})).status, 201);
    assert_eq!(report(json!({"topic": "times", "message": "kort"})).status, 422);
    assert_eq!(report(json!({"topic": "weather", "message": "Holdet er flyttet til onsdag kl. 10."})).status, 422);
    assert_eq!(report(json!({"topic": "other", "message": "Køb billige ure her nu!", "website": "x"})).status, 400);
    let unknown =
        server.request("POST", "/api/v1/offers/no-such/reports", &[], Some((JSON, r#"{"topic":"other","message":"Findes ikke længere her"}"#)));
    assert_eq!(unknown.status, 404);

    let bearer = |role, region: Option<RegionCode>| format!("Bearer {}", dev::sign(&dev::claims(role, region, None, 600)));
    let admin = bearer(Role::RegionAdmin, Some(offer.region));
    let other = bearer(Role::RegionAdmin, Some(*RegionCode::ALL.iter().find(|r| **r != offer.region).unwrap()));
    let list = |auth: &str, q: &str| -> Vec<ChangeReport> {
        server.request("GET", &format!("/api/v1/admin/reports{q}"), &[("authorization", auth)], None).json()
    };
    let open = list(&admin, "?status=open");
    assert_eq!(open.len(), 1);
    assert_eq!((open[0].topic, open[0].offer_id.as_str(), open[0].status), (ReportTopic::Times, offer.id.as_str(), ReportStatus::Open));
    assert!(list(&other, "").is_empty(), "another region never sees it");
    let resolve = |auth: &str, status: &str| {
        server.request(
            "POST",
            &format!("/api/v1/admin/reports/{}/resolve", open[0].id),
            &[("authorization", auth)],
            Some((JSON, &json!({ "status": status }).to_string())),
        )
    };
    assert_eq!(resolve(&other, "accepted").status, 403);
    assert_eq!(resolve(&admin, "open").status, 422);
    let done: ChangeReport = resolve(&admin, "accepted").json();
    assert_eq!(done.status, ReportStatus::Accepted);
    assert!(done.resolved_by.is_some() && done.resolved_at.is_some());
    assert!(list(&admin, "?status=open").is_empty());
    let log: Vec<AuditEntry> = server.request("GET", "/api/v1/admin/audit", &[("authorization", admin.as_str())], None).json();
    assert!(log.iter().any(|e| e.action == AuditAction::ReportResolved && e.target == done.id));
}

#[test]
fn reports_on_the_embedded_store() {
    flow(&[]);
}

#[test]
fn reports_on_dynamodb() {
    let local = support::dynamodb_local::DynamoDbLocal::start();
    flow(&[
        ("FOREBYG_STORE", "dynamodb"),
        ("FOREBYG_DYNAMODB_ENDPOINT", &local.endpoint),
        ("FOREBYG_CREATE_TABLE", "1"),
        ("FOREBYG_TABLE", "reports"),
    ]);
}
