//! `/api/v1/fhir/ServiceRequest/{id}` and `/api/v1/fhir/Task/{id}`: a clinician referral as FHIR,
//! for the referring clinician and the admins whose scope holds the offer (bearer token, as the
//! web routes). Anyone else gets 404, as if it did not exist; every read is audited.
//! `/api/v1/fhir/Task`: the signed-in clinician's own referrals as Tasks (what changed since).
//! `POST /api/v1/fhir/ServiceRequest`: a clinician's record system refers a patient.

use crate::admin::audit;
use crate::admin::inbox::{all_with_current_provider, with_current_provider};
use crate::auth::Clinician;
use crate::clinician::referrals::{audit_reads, create, mine_matching};
use crate::error::ApiError;
use crate::extract::ApiBytes;
use crate::fhir::outcome::{fhir_json, Issue, Outcome};
use crate::fhir::referral::{referral_id, service_request, task, version_id};
use crate::fhir::referral_create;
use crate::fhir::task_search::{bundle, TaskSearch};
use crate::openapi::{FhirAuth, FhirBadResource, FhirDuplicate, FhirInvalid, FhirNotFound, FhirTooLarge, FhirUnavailable, FhirUnprocessable};
use crate::routes::fhir::BaseUrl;
use crate::self_referral::{normalise_code, now};
use crate::store::Referral;
use crate::AppState;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use forebyg_shared::admin::AuditAction;
use forebyg_shared::auth::Role;
use forebyg_shared::date::copenhagen_date;
use serde_json::Value;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    crate::fhir::format::json_only(
        OpenApiRouter::new()
            .routes(routes!(fhir_read_service_request))
            .routes(routes!(fhir_vread_service_request))
            .routes(routes!(fhir_read_task))
            .routes(routes!(fhir_vread_task))
            .routes(routes!(fhir_search_tasks))
            .routes(routes!(fhir_create_service_request)),
    )
}

/// The clinician referral with this code, if the caller may read it (their own, or in an
/// admin's scope); the read is audited.
async fn readable(state: &AppState, headers: &HeaderMap, id: &str) -> Result<Referral, Outcome> {
    let who = state.auth.authenticate(headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok())).await?;
    let code = normalise_code(id);
    // An admin's scope and the Task's owner follow the offer's current provider, as the inbox's.
    let found = match state.referrals.get_referral(&code, now()).await? {
        Some(r) => Some(with_current_provider(state, r).await?),
        None => None,
    };
    let r = found.filter(|r| match (&r.clinician, who.role) {
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

/// A referral's resource with its version as the ETag (`W/"3"`), as FHIR reads answer.
fn versioned(resource: &Value, r: &Referral) -> Response {
    let mut res = private(resource);
    if let Ok(v) = HeaderValue::from_str(&format!("W/\"{}\"", version_id(r))) {
        res.headers_mut().insert(header::ETAG, v);
    }
    res
}

/// `vread`: the version asked for, if it is the current one (earlier versions are not kept: the
/// Task's notes list every step).
fn current_version(r: Referral, vid: &str) -> Result<Referral, Outcome> {
    if vid == version_id(&r) {
        Ok(r)
    } else {
        Err(Outcome::not_found(format!("Only the current version ({}) of a referral is kept; its Task lists every step.", version_id(&r))))
    }
}

/// A clinician referral as a ServiceRequest: the patient contained (name, phone/e-mail,
/// interpreter language; never the CPR number), requester, performer (the HealthcareService),
/// reason and note.
#[utoipa::path(get, path = "/fhir/ServiceRequest/{id}", tag = "fhir", security(("bearer" = [])),
    params(("id" = String, Path, description = "The referral's code, e.g. K7QM-4XRT")),
    responses((status = 200, description = "FHIR R4 ServiceRequest", content_type = "application/fhir+json", body = Object, headers(("ETag" = String, description = "The resource's version, W/\"n\" (its meta.versionId)"))), FhirAuth, FhirNotFound, FhirUnavailable))]
async fn fhir_read_service_request(State(state): State<AppState>, headers: HeaderMap, Path(id): Path<String>) -> Result<Response, Outcome> {
    let r = readable(&state, &headers, &id).await?;
    Ok(versioned(&service_request(&r), &r))
}

/// A version of a clinician referral's ServiceRequest: the current one (`meta.versionId`, the
/// address in a create's `Location`); earlier versions are not kept (404).
#[utoipa::path(get, path = "/fhir/ServiceRequest/{id}/_history/{vid}", tag = "fhir", security(("bearer" = [])),
    params(("id" = String, Path, description = "The referral's code, e.g. K7QM-4XRT"), ("vid" = String, Path, description = "The version (`meta.versionId`)")),
    responses((status = 200, description = "FHIR R4 ServiceRequest", content_type = "application/fhir+json", body = Object, headers(("ETag" = String, description = "The resource's version, W/\"n\" (its meta.versionId)"))), FhirAuth, FhirNotFound, FhirUnavailable))]
async fn fhir_vread_service_request(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((id, vid)): Path<(String, String)>,
) -> Result<Response, Outcome> {
    let r = current_version(readable(&state, &headers, &id).await?, &vid)?;
    Ok(versioned(&service_request(&r), &r))
}

/// The Task tracking a clinician referral: status (see the table in api/docs/fhir.md),
/// business status, decline reason, closing note and the status history.
#[utoipa::path(get, path = "/fhir/Task/{id}", tag = "fhir", security(("bearer" = [])),
    params(("id" = String, Path, description = "The referral's code, e.g. K7QM-4XRT")),
    responses((status = 200, description = "FHIR R4 Task", content_type = "application/fhir+json", body = Object, headers(("ETag" = String, description = "The resource's version, W/\"n\" (its meta.versionId)"))), FhirAuth, FhirNotFound, FhirUnavailable))]
async fn fhir_read_task(State(state): State<AppState>, headers: HeaderMap, Path(id): Path<String>) -> Result<Response, Outcome> {
    let r = readable(&state, &headers, &id).await?;
    Ok(versioned(&task(&r), &r))
}

/// A version of the Task tracking a clinician referral: the current one; earlier versions are not
/// kept (404; the Task's notes list every step).
#[utoipa::path(get, path = "/fhir/Task/{id}/_history/{vid}", tag = "fhir", security(("bearer" = [])),
    params(("id" = String, Path, description = "The referral's code, e.g. K7QM-4XRT"), ("vid" = String, Path, description = "The version (`meta.versionId`)")),
    responses((status = 200, description = "FHIR R4 Task", content_type = "application/fhir+json", body = Object, headers(("ETag" = String, description = "The resource's version, W/\"n\" (its meta.versionId)"))), FhirAuth, FhirNotFound, FhirUnavailable))]
async fn fhir_vread_task(State(state): State<AppState>, headers: HeaderMap, Path((id, vid)): Path<(String, String)>) -> Result<Response, Outcome> {
    let r = current_version(readable(&state, &headers, &id).await?, &vid)?;
    Ok(versioned(&task(&r), &r))
}

/// The signed-in clinician's own referrals as the Tasks that track them, the last changed first
/// (a `searchset` Bundle, with their ServiceRequests on `_include=Task:focus`). A record system
/// polls with `_lastUpdated=ge` and the newest `meta.lastUpdated` it has seen (whole seconds: a
/// change in that second comes again, never goes missing). Clinicians only;
/// every Task returned is an audited read (only those on the page returned).
#[utoipa::path(get, path = "/fhir/Task", tag = "fhir", security(("bearer" = [])),
    params(
        ("_lastUpdated" = Option<String>, Query, description = "`gt`, `ge`, `lt`, `le` or `eq` (default) and a date (`2027-03-01`, a real one) or an instant with its zone (`2027-03-01T09:30:00Z`); repeat for a range",
            pattern = r"^(gt|ge|lt|le|eq)?[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2}))?$"),
        ("status" = Option<String>, Query, description = "Task status: requested, accepted, in-progress, rejected, completed, cancelled; comma-separated alternatives",
            pattern = r"^(requested|accepted|in-progress|rejected|completed|cancelled)(,(requested|accepted|in-progress|rejected|completed|cancelled))*$"),
        ("_count" = Option<u32>, Query, minimum = 0, maximum = 100, description = "Tasks per page (without it: all in one page)"),
        ("_page" = Option<u32>, Query, minimum = 1, maximum = 10000, description = "The page, from 1, with _count"),
        ("_include" = Option<String>, Query, description = "Task:focus: the referrals' ServiceRequests too", pattern = r"^Task:(focus|based-on)$"),
        ("_format" = Option<String>, Query, description = "json or application/fhir+json (another format: 406)", pattern = r"^(json|application/json|application/fhir\+json|application/json\+fhir)$"),
        ("_pretty" = Option<bool>, Query, description = "Accepted; answers are compact JSON"),
    ),
    responses((status = 200, description = "FHIR R4 Bundle (searchset)", content_type = "application/fhir+json", body = Object), FhirInvalid, FhirAuth, FhirUnavailable))]
async fn fhir_search_tasks(
    State(state): State<AppState>,
    who: Result<Clinician, ApiError>,
    BaseUrl(base): BaseUrl,
    RawQuery(query): RawQuery,
) -> Result<Response, Outcome> {
    let who = who?;
    let query = query.unwrap_or_default();
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes()).into_owned().collect();
    let q = TaskSearch::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))?;
    // Only the page returned is read: its Tasks alone are audited (`_count=0` reads none).
    let found = mine_matching(&state, &who, now(), |r| q.matches(r)).await?;
    // Each Task's owner is its offer's current provider.
    let mut found = all_with_current_provider(&state, found).await?;
    let shown = q.page_of(&mut found);
    audit_reads(&state, &who, &found[shown]).await?;
    let self_url = if query.is_empty() { format!("{base}/Task") } else { format!("{base}/Task?{query}") };
    Ok(private(&bundle(&q, found, &base, &pairs, &self_url)))
}

/// Refer a patient from a clinician's record system: a `ServiceRequest` with the patient
/// contained (name; phone and/or e-mail; optionally the CPR number and an interpreter language),
/// the offer as `performer` (`HealthcareService/{id}`), the conditions as `reasonCode`, the reason
/// as `note`, the patient's consent as the extension `http://forebyg.dk/fhir/StructureDefinition/patient-consent`
/// (`valueBoolean: true`) and the record system's own `identifier`: sending the same request again
/// is the same referral (200) while that is kept, after its retention a new one; the identifier
/// with another request (patient, offer or content) is 409 `duplicate`. Only an active order (`status` active, `intent` order) is a referral; the
/// performer may be relative or the search Bundle's absolute `fullUrl`. The same rules as the web
/// form (422 naming each element); 201 with the stored ServiceRequest as `GET` reads it, its
/// version's address in `Location` and the version as `ETag`.
#[utoipa::path(post, path = "/fhir/ServiceRequest", tag = "fhir", security(("bearer" = [])),
    request_body(content = Object, content_type = "application/fhir+json", description = "FHIR R4 ServiceRequest (see api/docs/fhir.md, Referrals)"),
    responses(
        (status = 201, description = "Referral stored: the ServiceRequest as read back", content_type = "application/fhir+json", body = Object,
            headers(("Location" = String, description = "The stored version's address: …/ServiceRequest/{id}/_history/{n}"), ("ETag" = String, description = "The version, W/\"n\""))),
        (status = 200, description = "The same request (identifier and content) was already stored and is still kept: the first referral, an audited read (once it is deleted, the identifier makes a new one, 201)", content_type = "application/fhir+json", body = Object,
            headers(("Location" = String, description = "The stored version's address: …/ServiceRequest/{id}/_history/{n}"), ("ETag" = String, description = "The version, W/\"n\""))),
        FhirBadResource, FhirAuth, FhirDuplicate, FhirTooLarge, FhirUnprocessable, FhirUnavailable))]
async fn fhir_create_service_request(
    State(state): State<AppState>,
    who: Result<Clinician, ApiError>,
    BaseUrl(base): BaseUrl,
    // Too large is an OperationOutcome, not axum's plain text.
    body: Result<ApiBytes, ApiError>,
) -> Result<Response, Outcome> {
    let who = who?;
    let ApiBytes(body) = body?;
    let sr: Value = serde_json::from_slice(&body)
        .map_err(|_| Outcome::bad_request(vec![Issue::invalid("ServiceRequest", "The body must be a FHIR ServiceRequest in JSON.")]))?;
    let asked = referral_create::read(&sr, &who.0.subject, &base)?;
    let errors = asked.request.validate(&copenhagen_date(now()));
    if !errors.is_empty() {
        return Err(referral_create::rule_errors(errors));
    }
    let (stored, created) = create(&state, &who, &asked.offer_id, asked.request, Some(asked.identifier)).await.map_err(|e| match e {
        ApiError::NotFound(d) => referral_create::performer_refused("not-found", d),
        ApiError::Conflict { detail, .. } => referral_create::performer_refused("business-rule", detail),
        ApiError::Validation(errors) => referral_create::rule_errors(errors),
        e => Outcome::from(e),
    })?;
    let mut res = versioned(&service_request(&stored), &stored);
    *res.status_mut() = if created { StatusCode::CREATED } else { StatusCode::OK };
    let location = format!("{base}/ServiceRequest/{}/_history/{}", referral_id(&stored), version_id(&stored));
    if let Ok(v) = HeaderValue::from_str(&location) {
        res.headers_mut().insert(header::LOCATION, v);
    }
    Ok(res)
}
