//! `GET /api/v1/fhir/Task`: the signed-in clinician's own referrals as Tasks, the last changed
//! first; `_lastUpdated`, `status` and `_include=Task:focus`; nobody else's; clinicians only;
//! strict parameters; every Bundle valid against the R4 schema.

use super::support::fhir_schema::schema;
use super::support::server::Server;
use serde_json::Value;

/// What a search answers `me`: the Bundle, checked against the schema, with its Tasks' codes.
fn search(server: &Server, auth: &str, query: &str, failures: &mut Vec<String>) -> (Value, Vec<String>) {
    let res = server.request("GET", &format!("/api/v1/fhir/Task{query}"), &[("authorization", auth)], None);
    assert_eq!(
        (res.status, res.content_type.as_str(), res.cache_control.as_str()),
        (200, "application/fhir+json", "no-store"),
        "{query}: {}",
        res.body
    );
    let b: Value = res.json();
    schema().check(&b, failures);
    assert_eq!(b["type"], "searchset");
    let entries = b["entry"].as_array().cloned().unwrap_or_default();
    let tasks: Vec<String> = entries
        .iter()
        .filter(|e| e["search"]["mode"] == "match")
        .map(|e| e["resource"]["identifier"][0]["value"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(b["total"], tasks.len(), "{query}");
    (b, tasks)
}

fn last_updated(b: &Value) -> Vec<String> {
    let entries = b["entry"].as_array().cloned().unwrap_or_default();
    entries.iter().filter(|e| e["search"]["mode"] == "match").map(|e| e["resource"]["meta"]["lastUpdated"].as_str().unwrap().to_owned()).collect()
}

/// `me` referred `codes` (a completed, b declined, c withdrawn); `refer` sends one more.
pub fn check(
    server: &Server,
    me: &str,
    someone_else: &str,
    an_admin: &str,
    codes: [&str; 3],
    refer: &dyn Fn(&str) -> String,
    failures: &mut Vec<String>,
) {
    let [a, b, c] = codes;
    let (all, tasks) = search(server, me, "", failures);
    let mut sorted = tasks.clone();
    sorted.sort();
    let mut expected = vec![a.to_owned(), b.to_owned(), c.to_owned()];
    expected.sort();
    assert_eq!(sorted, expected, "every referral of mine, nobody else's");
    let times = last_updated(&all);
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "the last changed first: {times:?}");
    assert_eq!(all["entry"][0]["resource"]["resourceType"], "Task");
    assert_eq!(all["link"][0]["url"].as_str().unwrap().rsplit_once("/api/v1/fhir/").unwrap().1, "Task");

    // Status, and several parameters at once.
    assert_eq!(search(server, me, "?status=completed", failures).1, [a]);
    let (_, closed) = search(server, me, "?status=rejected,cancelled&status=cancelled", failures);
    assert_eq!(closed, [c]);
    assert!(search(server, me, "?status=requested,accepted,in-progress", failures).1.is_empty());

    // The ServiceRequests come along, each after its Task.
    let (with, _) = search(server, me, "?_include=Task:focus&status=completed", failures);
    let kinds: Vec<(&str, &str)> = with["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["resource"]["resourceType"].as_str().unwrap(), e["search"]["mode"].as_str().unwrap()))
        .collect();
    assert_eq!(kinds, [("Task", "match"), ("ServiceRequest", "include")]);
    assert!(!with.to_string().contains("010159"), "never the CPR number");

    // Polling: nothing after the newest change; from its second on, it again and what comes next.
    let newest = times[0].clone();
    assert!(search(server, me, &format!("?_lastUpdated=gt{newest}"), failures).1.is_empty());
    let d = refer("fhir-referral-000004");
    let (since, polled) = search(server, me, &format!("?_lastUpdated=ge{newest}"), failures);
    assert!(polled.contains(&d), "{polled:?}");
    assert!(last_updated(&since).iter().all(|t| *t >= newest));
    let day = &newest[..10];
    assert_eq!(search(server, me, &format!("?_lastUpdated=lt{day}"), failures).1, Vec::<String>::new());
    // A range: that day, up to the newest change before d (d may share its second).
    let (now, _) = search(server, me, "", failures);
    let in_range = last_updated(&now).iter().filter(|t| t.starts_with(day) && **t <= newest).count();
    assert!(in_range >= 1);
    assert_eq!(search(server, me, &format!("?_lastUpdated={day}&_lastUpdated=le{newest}"), failures).1.len(), in_range);

    // Nobody else's referrals; clinicians only; no token at all is 401.
    assert!(search(server, someone_else, "", failures).1.is_empty());
    for (auth, status, code) in [(Some(an_admin), 403, "forbidden"), (None, 401, "login")] {
        let headers: Vec<(&str, &str)> = auth.iter().map(|a| ("authorization", *a)).collect();
        let res = server.request("GET", "/api/v1/fhir/Task", &headers, None);
        assert_eq!((res.status, res.content_type.as_str()), (status, "application/fhir+json"), "{}", res.body);
        assert_eq!(res.json::<Value>()["issue"][0]["code"], code);
    }

    // An instant with a fraction (a record system's own clock) takes in its whole second: a
    // change stored in that second comes with `gt` too, never goes missing.
    let fraction = newest.replace('Z', ".999Z");
    assert!(search(server, me, &format!("?_lastUpdated=gt{fraction}"), failures).1.contains(&tasks[0]), "{fraction}");

    // Pages of `_count`, with links to follow (HAPI and other clients always send `_count`).
    let (first, page1) = search_page(server, me, "?_count=2&_pretty=true", failures);
    assert_eq!((first["total"].as_u64(), page1.len()), (Some(4), 2));
    let next = link(&first, "next").expect("a next page");
    assert!(link(&first, "previous").is_none() && link(&first, "last").unwrap().contains("_page=2"), "{first}");
    let (second, page2) = search_page(server, me, &next[next.find("?").unwrap()..], failures);
    assert!(link(&second, "next").is_none());
    let (_, everything) = search(server, me, "", failures);
    assert_eq!([page1, page2].concat(), everything, "the pages in order are the whole list");

    // Only the Tasks returned are audited reads: none for `_count=0` (the total only), one for a
    // page of one.
    let reads = || -> Vec<String> {
        let res = server.request("GET", "/api/v1/admin/audit?action=referral-read&limit=500", &[("authorization", an_admin)], None);
        assert_eq!(res.status, 200, "{}", res.body);
        let log: Vec<forebyg_shared::admin::AuditEntry> = res.json();
        log.into_iter().filter(|e| e.actor_role == forebyg_shared::auth::Role::Clinician).map(|e| e.target).collect()
    };
    let read_before = reads();
    let before = read_before.len();
    let (total_only, none) = search_page(server, me, "?_count=0", failures);
    assert_eq!((total_only["total"].as_u64(), none.len(), reads().len()), (Some(4), 0, before), "nothing returned, nothing read");
    let (_, one) = search_page(server, me, "?_count=1&_page=2", failures);
    let after = reads();
    assert_eq!((one.len(), after.len()), (1, before + 1), "one Task returned, one read");
    let times = |log: &[String]| log.iter().filter(|t| **t == one[0]).count();
    assert_eq!(times(&after), times(&read_before) + 1, "the one on the page");

    // Bad input: every problem at once, each naming its parameter.
    let res = server.request("GET", "/api/v1/fhir/Task?_lastUpdated=gt2027-02-30&status=done&_count=500", &[("authorization", me)], None);
    assert_eq!(res.status, 400, "{}", res.body);
    let outcome: Value = res.json();
    schema().check(&outcome, failures);
    let at: Vec<&str> = outcome["issue"].as_array().unwrap().iter().map(|i| i["expression"][0].as_str().unwrap()).collect();
    assert_eq!(at, ["_lastUpdated", "status", "_count"]);

    // A method a path does not serve is an OperationOutcome too, saying what is allowed; a
    // missing token asks for a bearer token.
    let res = server.request("DELETE", &format!("/api/v1/fhir/Task/{a}"), &[("authorization", me)], None);
    assert_eq!((res.status, res.content_type.as_str(), res.allow.as_str()), (405, "application/fhir+json", "GET,HEAD"), "{}", res.body);
    assert_eq!(res.json::<Value>()["issue"][0]["code"], "not-supported");
    let res = server.request("POST", "/api/v1/fhir/Patient", &[], Some(("application/fhir+json", "{}")));
    assert_eq!((res.status, res.content_type.as_str()), (404, "application/fhir+json"), "{}", res.body);
    let res = server.request("GET", &format!("/api/v1/fhir/Task/{a}"), &[], None);
    assert_eq!((res.status, res.www_authenticate.as_str()), (401, "Bearer"));
}

/// One page of a search: its Bundle and its Tasks' codes (`total` counts every match).
fn search_page(server: &Server, auth: &str, query: &str, failures: &mut Vec<String>) -> (Value, Vec<String>) {
    let res = server.request("GET", &format!("/api/v1/fhir/Task{query}"), &[("authorization", auth)], None);
    assert_eq!(res.status, 200, "{query}: {}", res.body);
    let b: Value = res.json();
    schema().check(&b, failures);
    let entries = b["entry"].as_array().cloned().unwrap_or_default();
    let tasks = entries.iter().map(|e| e["resource"]["identifier"][0]["value"].as_str().unwrap().to_owned()).collect();
    (b, tasks)
}

/// A Bundle's link of `relation`.
fn link(b: &Value, relation: &str) -> Option<String> {
    b["link"].as_array()?.iter().find(|l| l["relation"] == relation).and_then(|l| l["url"].as_str()).map(str::to_owned)
}
