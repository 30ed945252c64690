//! The contract's harness: an API over the real router on either store, seeded with five
//! offers in two regions, and its calls (export, import, a snapshot of every offer and the audit
//! log's length).

use super::*;
use axum::Router;
use forebyg_api::auth::{dev, AuthConfig};
use forebyg_api::{AppState, Limits};

pub(super) struct Api {
    pub(super) state: AppState,
    pub(super) router: Router,
    _dir: Option<tempfile::TempDir>,
}

pub(super) enum Backend<'a> {
    Embedded,
    Dynamo(&'a DynamoDbLocal),
}

/// a1 (tricky text), a2 (digital), b1 (another provider), d1 (draft) in Midtjylland; s1 in Syddanmark.
pub(super) fn seed() -> Vec<Offer> {
    let mut a1 = offer("a1", Category::FysiskAktivitet, Some(AARHUS));
    a1.description = "Linje 1; \"citat\", komma\nLinje 2 | æøå".into();
    // A second package (a list in one cell), with its own intervention's component only.
    a1.packages.push(forebyg_shared::package::PackageDelivery { package: "laenderygsmerter".into(), components: vec!["fysisk-aktivitet".into()] });
    a1.referral.note = Some("=SUM(A1) er ikke en formel".into());
    let a2 = offer("a2", Category::Ernaering, None);
    let mut b1 = offer("b1", Category::Alkohol, Some(AARHUS));
    (b1.provider.id, b1.provider.name) = ("p2".into(), "Favrskov Kommune".into());
    let mut d1 = offer("d1", Category::Sygdomsmestring, Some(AARHUS));
    d1.status = OfferStatus::Draft;
    let mut s1 = offer("s1", Category::Alkohol, Some(ODENSE));
    s1.region = RegionCode::Syddanmark;
    s1.provider.id = "p3".into();
    let l = s1.location.as_mut().unwrap();
    (l.postcode, l.city, l.municipality_code) = ("5000".into(), "Odense C".into(), "0461".into());
    vec![a1, a2, b1, d1, s1]
}

pub(super) async fn fresh(backend: &Backend<'_>) -> Api {
    let (state, dir) = match backend {
        Backend::Embedded => {
            let (store, dir) = support::embedded();
            (AppState::new(store, Limits::default()), Some(dir))
        }
        Backend::Dynamo(local) => (AppState::new(support::dynamo(local).await, Limits::default()), None),
    };
    let state = state.with_auth(&AuthConfig::Dev);
    state.store.put_offers(&seed()).await.unwrap();
    let packages: Vec<_> = forebyg_shared::package::known_packages().into_iter().map(forebyg_shared::directory::DirectoryRecord::Package).collect();
    state.directory.put_directory(&packages).await.unwrap();
    Api { router: forebyg_api::router(state.clone()), state, _dir: dir }
}

pub(super) fn token(role: Role, region: Option<RegionCode>, provider: Option<&str>) -> String {
    format!("Bearer {}", dev::sign(&dev::claims(role, region, provider, 600)))
}

pub(super) fn region_admin() -> String {
    token(Role::RegionAdmin, Some(RegionCode::Midtjylland), None)
}

impl Api {
    pub(super) async fn call(&self, method: &str, path: &str, auth: &str, body: Option<Vec<u8>>) -> (u16, String, Vec<u8>) {
        let req = http::Request::builder().method(method).uri(path).header("authorization", auth);
        let req = match body {
            Some(b) => req.header("content-type", CSV).body(Body::from(b)),
            None => req.body(Body::empty()),
        };
        let res = self.router.clone().oneshot(req.unwrap()).await.unwrap();
        let ct = res.headers().get("content-type").map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
        (res.status().as_u16(), ct, res.into_body().collect().await.unwrap().to_bytes().to_vec())
    }

    pub(super) async fn export(&self, auth: &str) -> Sheet {
        let (status, ct, body) = self.call("GET", "/api/v1/admin/offers.csv", auth, None).await;
        assert_eq!((status, ct.as_str()), (200, CSV), "{}", String::from_utf8_lossy(&body));
        assert!(body.starts_with("\u{feff}id;version;status;title".as_bytes()), "BOM and header");
        Sheet::read(&body)
    }

    pub(super) async fn import(&self, auth: &str, sheet: &Sheet, dry_run: bool) -> (u16, ImportReport) {
        self.import_to(auth, sheet, &format!("dry_run={dry_run}")).await
    }

    /// An import with the query `query` (e.g. `dry_run=false&publish_new=true`).
    pub(super) async fn import_to(&self, auth: &str, sheet: &Sheet, query: &str) -> (u16, ImportReport) {
        let (status, _, body) = self.call("POST", &format!("/api/v1/admin/offers/import?{query}"), auth, Some(sheet.bytes())).await;
        let report = serde_json::from_slice(&body).unwrap_or_else(|e| panic!("{status} {e}: {}", String::from_utf8_lossy(&body)));
        (status, report)
    }

    /// Every offer of every region, and the audit log's length.
    pub(super) async fn snapshot(&self) -> (Vec<Offer>, usize) {
        let (mut offers, mut audit) = (vec![], 0);
        for r in RegionCode::ALL {
            offers.extend(self.state.store.region_offers(*r).await.unwrap());
            audit += self.state.audit.audit_log(*r, 500).await.unwrap().len();
        }
        (offers, audit)
    }
}

pub(super) fn errors(report: &ImportReport) -> BTreeSet<(usize, String)> {
    report.errors.iter().map(|e| (e.row, e.field.clone())).collect()
}
