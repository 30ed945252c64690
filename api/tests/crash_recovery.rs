//! The local server killed with SIGKILL in the middle of writes (a burst of self-referrals from
//! several clients and a CSV import): after a restart on the same data directory the embedded
//! store opens, every write the server acknowledged is there, and the import is all or nothing.

mod support;

use forebyg_api::auth::dev;
use forebyg_shared::auth::Role;
use forebyg_shared::taxonomy::RegionCode;
use serde_json::Value;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use support::server::Server;

const CLIENTS: usize = 4;
/// Acknowledged self-referrals before the kill (the burst goes on until then).
const KILL_AFTER: usize = 40;

fn titles(csv: &str) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let title = reader.headers().unwrap().iter().position(|h| h == "title").expect("a title column");
    reader.records().map(|r| r.unwrap()[title].to_owned()).collect()
}

#[test]
fn sigkill_during_writes_loses_no_acknowledged_write_and_half_applies_nothing() {
    let (data, dist) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    // Quiet, but for the binary's own start-up lines: the harness reads the port from one.
    let env = [("FOREBYG_AUTH", "dev"), ("FOREBYG_SELF_REFERRAL_LIMIT", "100000"), ("RUST_LOG", "warn,forebyg=info")];
    let server = Arc::new(Server::start_with(data.path(), dist.path(), 60, &env));
    let token = format!("Bearer {}", dev::sign(&dev::claims(Role::RegionAdmin, Some(RegionCode::Midtjylland), None, 3600)));
    let admin = [("authorization", token.as_str())];
    let search: Value = server.get("/api/v1/offers?postcode=8000&radius_km=300&self_referral=true&per_page=1").json();
    let offer = search["results"][0]["offer"]["id"].as_str().expect("a self-referral offer near Aarhus").to_owned();
    let export = server.request("GET", "/api/v1/admin/offers.csv", &admin, None).body;
    let before = titles(&export);
    let changed = support::retitled_csv(&export, " (ny)");

    // Each acknowledged request to join is reported as (receipt code, phone); the import's answer too.
    let (acks, acked) = mpsc::channel::<(String, String)>();
    let stop = Arc::new(AtomicBool::new(false));
    let mut workers = vec![];
    for client in 0..CLIENTS {
        let (server, acks, stop, offer) = (server.clone(), acks.clone(), stop.clone(), offer.clone());
        workers.push(std::thread::spawn(move || {
            for n in 0.. {
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                let phone = format!("{}{:07}", 2 + client, n);
                let body = serde_json::json!({ "idempotency_key": format!("crash-test-{client}-{n:08}"), "name": "Test Person", "phone": phone, "consent": true });
                let path = format!("/api/v1/offers/{offer}/self-referrals");
                let Some(reply) = server.try_request("POST", &path, &[], Some(("application/json", &body.to_string()))) else { break };
                assert_eq!(reply.status, 201, "{}", reply.body);
                let receipt: Value = reply.json();
                if acks.send((receipt["receipt_code"].as_str().unwrap().to_owned(), phone)).is_err() {
                    break;
                }
            }
        }));
    }
    let import = {
        let (server, token) = (server.clone(), token.clone());
        std::thread::spawn(move || {
            server
                .try_request("POST", "/api/v1/admin/offers/import?dry_run=false", &[("authorization", &token)], Some(("text/csv", &changed)))
                .map(|r| r.status)
        })
    };
    let mut acknowledged: Vec<(String, String)> = acked.iter().take(KILL_AFTER).collect();
    // SIGKILL while the clients are still sending (and the import may still be running).
    server.kill_now();
    stop.store(true, Ordering::SeqCst);
    for w in workers {
        w.join().unwrap();
    }
    acknowledged.extend(acked.try_iter());
    let import_status = import.join().unwrap();
    drop(server);

    let server = Server::start_with(data.path(), dist.path(), 0, &env);
    let mut missing = vec![];
    for (code, phone) in &acknowledged {
        let reply = server.request("GET", &format!("/api/v1/self-referrals/{code}"), &[("forebyg-contact", phone.as_str())], None);
        if reply.status != 200 {
            missing.push(format!("{code}: {} {}", reply.status, reply.body));
        }
    }
    assert!(missing.is_empty(), "{} of {} acknowledged requests lost:\n{}", missing.len(), acknowledged.len(), missing.join("\n"));
    let after = titles(&server.request("GET", "/api/v1/admin/offers.csv", &admin, None).body);
    let all_new = after.iter().all(|t| t.ends_with(" (ny)"));
    assert!(after == before || all_new, "the import is half applied: {after:?}");
    if import_status == Some(200) {
        assert!(all_new, "the import was acknowledged but is not there: {after:?}");
    }
}
