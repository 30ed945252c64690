//! The OpenAPI 3.1 document's frame (info, tags, the bearer scheme) and the problem responses
//! the routes document. The paths come from the routers themselves: each handler is declared
//! once, with `#[utoipa::path]`, and registered with `utoipa_axum::routes!` (see `routes`).

use forebyg_shared::problem::{Problem, PROBLEM_CONTENT_TYPE};
use std::collections::BTreeMap;
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::{ContentBuilder, Ref, RefOr};
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(title = "Forebyg API", version = "1", description = "Find patient-oriented prevention offers in Denmark. Errors are RFC 9457 problem+json."),
    modifiers(&BearerAuth),
    components(schemas(Problem)),
    tags(
        (name = "offers", description = "Public search and offer pages"),
        (name = "self-referrals", description = "Ask to join an offer; check or withdraw the request with the receipt code"),
        (name = "taxonomy", description = "Codes and labels"),
        (name = "packages", description = "Kronikerpakker: national chronic-care packages, their components and start years"),
        (name = "activities", description = "Local association activities to continue in after a course"),
        (name = "hsds", description = "Open Referral HSDS 3.0 export of the published offers"),
        (name = "fhir", description = "HL7 FHIR R4 (read-only, application/fhir+json): the published offers as HealthcareService, Location and Organization; errors are OperationOutcomes (api/docs/fhir.md)"),
        (name = "health", description = "Liveness"),
        (name = "admin", description = "Regional admins and provider editors (Cognito ID token as bearer)"),
        (name = "clinician", description = "The clinician search (public) and referrals through Forebyg by signed-in clinicians (Cognito ID token as bearer)"),
    )
)]
struct Frame;

/// The document without paths: the routers add theirs (`routes::api`).
pub fn frame() -> utoipa::openapi::OpenApi {
    Frame::openapi()
}

/// The admin routes' bearer scheme (a Cognito ID token, RS256).
struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let scheme = HttpBuilder::new().scheme(HttpAuthScheme::Bearer).bearer_format("JWT").build();
        openapi.components.get_or_insert_with(Default::default).add_security_scheme("bearer", SecurityScheme::Http(scheme));
    }
}

/// 429 and 503 say how long to wait (`Retry-After`, in seconds).
fn with_retry_after(status: u16, response: ResponseBuilder) -> ResponseBuilder {
    if !matches!(status, 429 | 503) {
        return response;
    }
    let seconds = HeaderBuilder::new().schema(ObjectBuilder::new().schema_type(Type::Integer).minimum(Some(1))).description(Some("Seconds to wait"));
    response.header("Retry-After", seconds.build())
}

/// One problem+json response.
fn problem(status: u16, description: &str) -> (String, RefOr<Response>) {
    let body = ContentBuilder::new().schema(Some(Ref::from_schema_name("Problem"))).build();
    let response = ResponseBuilder::new().description(description).content(PROBLEM_CONTENT_TYPE, body);
    (status.to_string(), with_retry_after(status, response).build().into())
}

/// One FHIR `OperationOutcome` response: the FHIR routes answer errors in FHIR's own form.
fn outcome(status: u16, description: &str) -> (String, RefOr<Response>) {
    let schema = ObjectBuilder::new()
        .schema_type(Type::Object)
        .description(Some("An HL7 FHIR R4 OperationOutcome: `issue[]` with `severity`, `code`, `diagnostics` and the parameter in `expression`."));
    let body = ContentBuilder::new().schema(Some(schema)).build();
    let response = ResponseBuilder::new().description(description).content(crate::fhir::FHIR_JSON, body);
    (status.to_string(), with_retry_after(status, response).build().into())
}

/// Declares `IntoResponses` types for `#[utoipa::path(responses(...))]`, each a set of error
/// responses made by `$make` (problem+json or a FHIR OperationOutcome), so a handler lists the
/// sets it can answer with instead of repeating each status.
macro_rules! error_responses {
    ($make:ident: $($(#[doc = $doc:literal])* $name:ident { $($status:literal => $description:literal),+ $(,)? })+) => {$(
        $(#[doc = $doc])*
        pub struct $name;

        impl utoipa::IntoResponses for $name {
            fn responses() -> BTreeMap<String, RefOr<Response>> {
                BTreeMap::from([$($make($status, $description)),+])
            }
        }
    )+};
}

error_responses! { outcome:
    /// A FHIR search parameter is unknown or has a bad value (each named in an issue's `expression`).
    FhirInvalid { 400 => "OperationOutcome: a search parameter is unknown or invalid." }
    /// A FHIR create's body that is not a resource the server can read as a referral.
    FhirBadResource { 400 => "OperationOutcome: not a ServiceRequest Forebyg can read as a referral: an element missing or malformed (resourceType, identifier, status active, intent order, one performer, the contained Patient as subject, each reasonCode a Forebyg condition code); each issue names its element." }
    /// The FHIR referral routes' bearer token (a clinician's or an admin's).
    FhirAuth {
        401 => "OperationOutcome (`login`): no valid bearer token.",
        403 => "OperationOutcome (`forbidden`): the account has no clinician or admin role.",
    }
    /// No such FHIR resource (or not one the caller may read).
    FhirNotFound { 404 => "OperationOutcome: no such resource." }
    /// A FHIR resource that existed and is gone.
    FhirGone { 410 => "OperationOutcome (`deleted`): the resource is no longer published." }
    /// The identifier of a create was already used for another request.
    FhirDuplicate { 409 => "OperationOutcome (`duplicate` at `ServiceRequest.identifier`): the identifier was already used for another request (another patient, offer or content); the diagnostics name that ServiceRequest." }
    /// A well-formed FHIR resource that breaks a rule (each issue names its element).
    FhirUnprocessable { 422 => "OperationOutcome: the resource breaks a rule: a field's value, an offer that does not exist or does not take this referral; each issue names its element." }
    /// Every FHIR route (added by `fhir::format::json_only`): only JSON is served.
    FhirNotAcceptable { 406 => "OperationOutcome (`not-supported` at `_format` or `Accept`): only FHIR R4 JSON is served; ask for application/fhir+json (a `fhirVersion` parameter, if any, 4.0) or _format=json." }
    /// Every FHIR route that takes a resource (added by `fhir::format::json_only`).
    FhirUnsupportedMedia { 415 => "OperationOutcome (`not-supported` at `Content-Type`): resources are taken in FHIR R4 JSON only (application/fhir+json; a `fhirVersion` parameter, if any, 4.0)." }
    /// A FHIR create's body over the server's limit.
    FhirTooLarge { 413 => "OperationOutcome (`too-long`): the body is larger than the server takes (2 MB)." }
    /// The store is unavailable (FHIR routes).
    FhirUnavailable { 503 => "OperationOutcome (`transient`): the store is temporarily unavailable; try again." }
}

error_responses! { problem:
    /// Every route with a JSON request body (`extract::ApiJson`).
    JsonBody {
        400 => "The body is not valid JSON.",
        413 => "The body is too large.",
        415 => "The body is not sent as application/json.",
        422 => "A field is missing or invalid (named in `errors`).",
    }
    /// The CSV import's file (`routes::admin_bulk`).
    CsvBody {
        400 => "The file could not be read.",
        413 => "The file is larger than 6 MB.",
        415 => "The file is not sent as text/csv.",
    }
    /// A query parameter is invalid or unknown (named in `errors`).
    Invalid { 422 => "A parameter is invalid (named in `errors`)." }
    /// Every admin route (`auth::Admin`).
    AdminAuth {
        401 => "Sign-in required: no valid bearer token.",
        403 => "The token's role or scope does not allow this.",
    }
    /// Every signed-in clinician route (`auth::Clinician`).
    ClinicianAuth {
        401 => "Sign-in required: no valid bearer token.",
        403 => "Not a clinician account (admins use the admin routes).",
    }
    /// No such resource (or not visible to the caller).
    NotFound { 404 => "No such resource." }
    /// The resource's state does not allow the change.
    Conflict { 409 => "The resource's state does not allow this (see `type` and `detail`)." }
    /// The per-client rate limit of the citizen routes.
    RateLimited { 429 => "Too many requests from this client: wait `Retry-After` seconds." }
    /// Every route that reads or writes the store.
    Unavailable { 503 => "The store is temporarily unavailable: try again after `Retry-After` seconds; nothing was changed." }
}
