//! `/api/v1/fhir/ServiceRequest/{id}` and `/api/v1/fhir/Task/{id}`: a clinician referral as FHIR,
//! for the referring clinician and the admins whose scope holds the offer (bearer token, as the
//! web routes). Anyone else gets 404, as if it did not exist; every read is audited.
//! `/api/v1/fhir/Task`: the signed-in clinician's own referrals as Tasks (what changed since).

use crate::admin::audit;
use crate::auth::Clinician;
use crate::clinician::referrals::read_mine;
use crate::error::ApiError;
use crate::fhir::outcome::{fhir_json, Outcome};
use crate::fhir::referral::{service_request, task};
use crate::fhir::task_search::{bundle, TaskSearch};
use crate::openapi::{FhirAuth, FhirInvalid, FhirNotFound, FhirUnavailable};
use crate::self_referral::{normalise_code, now};
use crate::store::Referral;
use crate::AppState;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use forebyg_shared::admin::AuditAction;
use forebyg_shared::auth::Role;
use serde_json::Value;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(fhir_read_service_request)).routes(routes!(fhir_read_task)).routes(routes!(fhir_search_tasks))
}

/// The clinician referral with this code, if the caller may read it (their own, or in an
/// admin's scope); the read is audited.
async fn readable(state: &AppState, headers: &HeaderMap, id: &str) -> Result<Referral, Outcome> {
    let who = state.auth.authenticate(headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok())).await?;
    let code = normalise_code(id);
    let r = state.referrals.get_referral(&code, now()).await?.filter(|r| match (&r.clinician, who.role) {
        (None, _) => false, // a citizen's own request is not a clinician referral
        (Some(c), Role::Clinician) => c.subject == who.subject,
        (Some(_), _) => who.role.is_admin() && who.may_manage(r.region, &r.provider_id),
    });
    let r = r.ok_or_else(|| Outcome::not_found(format!("No referral {id} that you may read.")))?;
    let entry = audit::entry(&who, r.region, AuditAction::ReferralRead, &r.receipt_code, vec![]);
    state.audit.append_audit(&[entry]).await?;
    Ok(r)
}

/// Personal data: never cached by anyone on the way.
fn private(resource: &Value) -> Response {
    let mut res = fhir_json(StatusCode::OK, resource);
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// A clinician referral as a ServiceRequest: the patient contained (name, phone/e-mail,
/// interpreter language; never the CPR number), requester, performer (the HealthcareService),
/// reason and note.
#[utoipa::path(get, path = "/fhir/ServiceRequest/{id}", tag = "fhir", security(("bearer" = [])),
    params(("id" = String, Path, description = "The referral's code, e.g. K7QM-4XRT")),
    responses((status = 200, description = "FHIR R4 ServiceRequest", content_type = "application/fhir+json", body = Object), FhirAuth, FhirNotFound, FhirUnavailable))]
async fn fhir_read_service_request(State(state): State<AppState>, headers: HeaderMap, Path(id): Path<String>) -> Result<Response, Outcome> {
    Ok(private(&service_request(&readable(&state, &headers, &id).await?)))
}

/// The Task tracking a clinician referral: status (see the table in api/docs/fhir.md),
/// business status, decline reason, closing note and the status history.
#[utoipa::path(get, path = "/fhir/Task/{id}", tag = "fhir", security(("bearer" = [])),
    params(("id" = String, Path, description = "The referral's code, e.g. K7QM-4XRT")),
    responses((status = 200, description = "FHIR R4 Task", content_type = "application/fhir+json", body = Object), FhirAuth, FhirNotFound, FhirUnavailable))]
async fn fhir_read_task(State(state): State<AppState>, headers: HeaderMap, Path(id): Path<String>) -> Result<Response, Outcome> {
    Ok(private(&task(&readable(&state, &headers, &id).await?)))
}

/// The signed-in clinician's own referrals as the Tasks that track them, the last changed first
/// (a `searchset` Bundle, with their ServiceRequests on `_include=Task:focus`). A record system
/// polls with `_lastUpdated=ge` and the newest `meta.lastUpdated` it has seen (whole seconds: a
/// change in that second comes again, never goes missing). Clinicians only;
/// every Task returned is an audited read.
#[utoipa::path(get, path = "/fhir/Task", tag = "fhir", security(("bearer" = [])),
    params(
        ("_lastUpdated" = Option<String>, Query, description = "`gt`, `ge`, `lt`, `le` or `eq` (default) and a date (`2027-03-01`, a real one) or an instant with its zone (`2027-03-01T09:30:00Z`); repeat for a range",
            pattern = r"^(gt|ge|lt|le|eq)?[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2}))?$"),
        ("status" = Option<String>, Query, description = "Task status: requested, accepted, in-progress, rejected, completed, cancelled; comma-separated alternatives",
            pattern = r"^(requested|accepted|in-progress|rejected|completed|cancelled)(,(requested|accepted|in-progress|rejected|completed|cancelled))*$"),
        ("_include" = Option<String>, Query, description = "Task:focus: the referrals' ServiceRequests too", pattern = r"^Task:(focus|based-on)$"),
        ("_format" = Option<String>, Query, description = "json or application/fhir+json", pattern = r"^(json|application/json|application/fhir\+json)$"),
    ),
    responses((status = 200, description = "FHIR R4 Bundle (searchset)", content_type = "application/fhir+json", body = Object), FhirInvalid, FhirAuth, FhirUnavailable))]
async fn fhir_search_tasks(
    State(state): State<AppState>,
    who: Result<Clinician, ApiError>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Result<Response, Outcome> {
    let who = who?;
    let query = query.unwrap_or_default();
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes()).into_owned().collect();
    let q = TaskSearch::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))?;
    let found = read_mine(&state, &who, now(), |r| q.matches(r)).await?;
    let base = crate::routes::fhir::base_url(&headers);
    let self_url = if query.is_empty() { format!("{base}/Task") } else { format!("{base}/Task?{query}") };
    Ok(private(&bundle(&q, &found.iter().collect::<Vec<_>>(), &base, &self_url)))
}
