//! The key of withdrawn referrals' contact digests through the real binary: the local server
//! generates it once into its data directory (owner-only) and keeps it across restarts, so the
//! patient is still told "withdrawn by your clinician"; the table alone checks no guess; another
//! key (`FOREBYG_CONTACT_KEY`) makes the digests already stored unmatchable; the key is never
//! logged; and inside AWS Lambda the binary does not start without it.

mod support;

use forebyg_api::auth::dev;
use forebyg_api::config::CONTACT_KEY_FILE;
use forebyg_api::contact_digest::{ContactKey, ARGON2ID_KEYED};
use forebyg_api::store::ReferralStore;
use forebyg_shared::clinician::{ClinicianReferral, Organisation, OrganisationKind};
use forebyg_shared::referral::{ReferralReceipt, ReferralStatus};
use forebyg_shared::taxonomy::Capacity;
use serde_json::json;
use std::path::Path;
use support::server::Server;

const DEMO: usize = 800;
const PHONE: &str = "+45 81 23 45 67";
const EMAIL: &str = "gudrun.saerlig@example.org";

fn start(data: &Path, dist: &Path, env: &[(&str, &str)]) -> Server {
    Server::start_with(data, dist, DEMO, &[&[("FOREBYG_AUTH", "dev")], env].concat())
}

/// The patient's status lookup of `code` with `contact`: its status code and, when found, whether
/// it says the clinician withdrew it.
fn look(server: &Server, code: &str, contact: &str) -> (u16, Option<bool>) {
    let res = server.request("GET", &format!("/api/v1/self-referrals/{code}"), &[("forebyg-contact", contact)], None);
    let withdrawn = (res.status == 200).then(|| {
        let receipt: ReferralReceipt = res.json();
        receipt.status == ReferralStatus::Withdrawn && receipt.withdrawn_by_clinician
    });
    (res.status, withdrawn)
}

/// A referral made and withdrawn by a clinician on `server`; its receipt code.
fn refer_and_withdraw(server: &Server) -> String {
    let practice = Organisation { kind: OrganisationKind::Practice, name: "Lægerne i Vestergade".into(), sor: None };
    let me = format!("Bearer {}", dev::sign(&dev::clinician_claims(&practice, "a", 600)));
    let offer = forebyg_api::demo::offers(DEMO)
        .into_iter()
        .find(|o| o.is_published() && o.referral.from_gp && o.referral.takes_forebyg() && o.capacity == Capacity::Open)
        .expect("demo data has an offer taking referrals");
    let body = json!({
        "idempotency_key": "contact-key-0000000001",
        "patient_name": "Gudrun Særligtnavn",
        "phone": PHONE,
        "email": EMAIL,
        "conditions": ["kol"],
        "reason": "Henvist til forløb",
        "patient_consent": true
    });
    let path = format!("/api/v1/clinician/offers/{}/referrals", offer.id);
    let made = server.request("POST", &path, &[("authorization", &me)], Some(("application/json", &body.to_string())));
    assert_eq!(made.status, 201, "{}", made.body);
    let code = made.json::<ClinicianReferral>().code;
    let withdrawn = server.request("DELETE", &format!("/api/v1/clinician/referrals/{code}"), &[("authorization", &me)], None);
    assert_eq!(withdrawn.status, 200, "{}", withdrawn.body);
    code
}

#[test]
fn the_local_key_is_kept_in_the_data_directory_and_a_new_key_matches_nothing() {
    let (data, dist) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let server = start(data.path(), dist.path(), &[]);
    let code = refer_and_withdraw(&server);
    assert_eq!(look(&server, &code, PHONE), (200, Some(true)));
    assert_eq!(look(&server, &code, EMAIL), (200, Some(true)));
    assert_eq!(look(&server, &code, "81234568"), (404, None));
    let log = server.log();
    server.stop();

    // The generated key: in the data directory, owner-only, never in the log.
    let file = data.path().join(CONTACT_KEY_FILE);
    let written = std::fs::read_to_string(&file).expect("the server generated its key");
    let key = written.trim();
    assert_eq!(key.len(), 64, "32 random bytes, hex");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
    }
    assert!(!log.contains(key), "the log contains the key");

    // The table holds keyed digests: no guess can be checked against them without the key.
    {
        let store = forebyg_api::store::embedded::EmbeddedStore::open(data.path()).unwrap();
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let stored = rt.block_on(store.get_referral(&code, forebyg_api::self_referral::now())).unwrap().unwrap();
        assert_eq!((stored.phone.as_deref(), stored.email.as_deref()), (None, None), "the contact erased");
        let digests = stored.withdrawn_contact.expect("digests of the contact");
        assert_eq!(digests.kdf.as_deref(), Some(ARGON2ID_KEYED));
        assert!(!digests.matches(None, Some("81234567"), None), "the table alone checks nothing");
        assert!(digests.matches(Some(&ContactKey::new(key.as_bytes()).unwrap()), Some("81234567"), None));
    }

    // A restart reads the same key: the patient is still told.
    let server = start(data.path(), dist.path(), &[]);
    assert_eq!(look(&server, &code, PHONE), (200, Some(true)));
    server.stop();
    assert_eq!(std::fs::read_to_string(&file).unwrap(), written, "the key file is not replaced");

    // A configured key wins over the file; the digests made with the old one match nothing.
    let other = "another-contact-key-of-forty-characters!";
    let server = start(data.path(), dist.path(), &[("FOREBYG_CONTACT_KEY", other)]);
    assert_eq!(look(&server, &code, PHONE), (404, None));
    assert_eq!(look(&server, &code, EMAIL), (404, None));
    server.stop();
    assert_eq!(std::fs::read_to_string(&file).unwrap(), written);
}

/// Inside AWS Lambda the binary refuses to start without FOREBYG_CONTACT_KEY (or with a short
/// one), naming the variable, rather than make digests with a key of its own.
#[test]
fn lambda_does_not_start_without_the_key() {
    let data = tempfile::tempdir().unwrap();
    for key in [None, Some("too-short")] {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_forebyg"));
        command
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            // Nothing listens there: the binary must fail before it asks for an event.
            .env("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9")
            .env("FOREBYG_STORE", "embedded")
            .env("FOREBYG_DATA_DIR", data.path());
        if let Some(key) = key {
            command.env("FOREBYG_CONTACT_KEY", key);
        }
        let out = command.output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success() && stderr.contains("FOREBYG_CONTACT_KEY"), "{key:?}: {:?} {stderr}", out.status);
        assert!(!data.path().join(CONTACT_KEY_FILE).exists(), "no key generated");
    }
}
