//! A clinician's referral through Forebyg as a `ServiceRequest` (the patient contained, with only
//! what was collected) and the `Task` that tracks it (status table in `api/docs/fhir.md`).
//! Both share the referral's code as their id. Never the CPR number: the handler sees it in the
//! inbox, the referrer has it in their own system.

use super::code_systems::{System, WAITLISTED};
use super::directory::SOR_SYSTEM;
use super::{identifier_system, prune, resource_id};
use crate::store::Referral;
use forebyg_shared::date::iso_datetime;
use forebyg_shared::first_session;
use forebyg_shared::referral::{ReferralStatus, Undo};
use forebyg_shared::Lang;
use serde_json::{json, Value};

const BCP47: &str = "urn:ietf:bcp:47";
pub(crate) const INTERPRETER_REQUIRED: &str = "http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired";

/// The resource id of a referral's ServiceRequest and Task.
pub fn referral_id(r: &Referral) -> String {
    resource_id("referral", &r.receipt_code)
}

/// The version of a referral's ServiceRequest and Task (`meta.versionId`, the ETag): its number of
/// status steps, from 1. Only a status step changes what FHIR shows (and `meta.lastUpdated`);
/// a handler's note, which FHIR does not show, changes neither.
pub fn version_id(r: &Referral) -> String {
    r.history.len().max(1).to_string()
}

/// The Task's `businessStatus` code: the referral's status, or on the waiting list.
fn business_status(r: &Referral) -> &'static str {
    if r.status == ReferralStatus::Contacted && r.waitlist {
        WAITLISTED
    } else {
        r.status.code()
    }
}

/// (`ServiceRequest.status`, `Task.status`) of a referral status.
pub fn statuses(s: ReferralStatus) -> (&'static str, &'static str) {
    match s {
        ReferralStatus::Received => ("active", "requested"),
        ReferralStatus::Contacted => ("active", "accepted"),
        ReferralStatus::Enrolled => ("active", "in-progress"),
        ReferralStatus::Declined => ("revoked", "rejected"),
        ReferralStatus::Completed => ("completed", "completed"),
        // Ended before the course's end: "revoked" is a request "terminated prior to the known
        // full completion"; the Task was not completed ("failed" means an error). The
        // businessStatus and statusReason tell it from a withdrawal.
        ReferralStatus::Discontinued => ("revoked", "cancelled"),
        ReferralStatus::Withdrawn => ("revoked", "cancelled"),
    }
}

/// The referring clinician's organisation (with its SOR code when given), naming the clinician.
fn requester(r: &Referral) -> Value {
    match &r.clinician {
        Some(c) => {
            let display = match &c.name {
                Some(name) => format!("{name}, {}", c.organisation.name),
                None => c.organisation.name.clone(),
            };
            prune(json!({
                "type": "Organization",
                "identifier": c.organisation.sor.as_ref().map(|sor| json!({"use": "official", "system": SOR_SYSTEM, "value": sor})),
                "display": display,
            }))
        }
        None => json!({"display": "Borgeren selv"}),
    }
}

/// The patient as collected: name, phone and/or e-mail, and the interpreter language.
fn patient(r: &Referral) -> Value {
    let telecom: Vec<Value> = r
        .phone
        .iter()
        .map(|p| json!({"system": "phone", "value": format!("+45{p}"), "use": "mobile"}))
        .chain(r.email.iter().map(|e| json!({"system": "email", "value": e})))
        .collect();
    let interpreter = r.interpreter_language.as_ref();
    prune(json!({
        "resourceType": "Patient",
        "id": "patient",
        "extension": interpreter.map(|_| vec![json!({"url": INTERPRETER_REQUIRED, "valueBoolean": true})]),
        // A withdrawal erases the name at once.
        "name": (!r.name.trim().is_empty()).then(|| vec![json!({"text": r.name.trim()})]),
        "telecom": telecom,
        "communication": interpreter.map(|l| vec![json!({"language": {"coding": [{"system": BCP47, "code": l}]}, "preferred": true})]),
    }))
}

/// Forebyg's identifier of the referral (its code), then the sender's record system's own, when
/// the request came as FHIR.
fn identifiers(r: &Referral) -> Vec<Value> {
    let own = r.clinician.as_ref().and_then(|c| c.request_identifier.as_ref());
    std::iter::once(json!({"system": identifier_system("referral"), "value": r.receipt_code}))
        .chain(own.map(|i| json!({"use": "usual", "system": i.system, "value": i.value})))
        .collect()
}

/// The referral as a `ServiceRequest`: to the offer (performer), for the contained patient.
pub fn service_request(r: &Referral) -> Value {
    let id = referral_id(r);
    prune(json!({
        "resourceType": "ServiceRequest",
        "id": id,
        "meta": {"versionId": version_id(r), "lastUpdated": iso_datetime(r.updated_at)},
        "contained": [patient(r)],
        "identifier": identifiers(r),
        "status": statuses(r.status).0,
        "intent": "order",
        "category": [{"coding": [{"system": "http://snomed.info/sct", "code": "3457005", "display": "Patient referral"}]}],
        "code": {"text": r.offer_title},
        "subject": {"reference": "#patient"},
        "authoredOn": iso_datetime(r.created_at),
        "requester": requester(r),
        "performer": [{"reference": format!("HealthcareService/{}", resource_id("service", &r.offer_id)), "display": r.offer_title}],
        "reasonCode": r.conditions.iter().map(|c| System::Condition.concept(c.code())).collect::<Vec<_>>(),
        "note": r.message.as_ref().map(|m| vec![json!({"text": m})]),
    }))
}

/// The `Task` tracking the referral: its status, the decline reason, the closing note, and every
/// status change as a timed note.
pub fn task(r: &Referral) -> Value {
    let id = referral_id(r);
    let at = |status: ReferralStatus| r.history.iter().rev().find(|e| e.status == status).map(|e| iso_datetime(e.at));
    let status_reason = match r.status {
        ReferralStatus::Declined => {
            let coding: Vec<Value> = r.decline_reason.iter().map(|d| System::DeclineReason.coding(d.code())).collect();
            let text = r.note.clone().or_else(|| r.decline_reason.map(|d| d.label(Lang::Da).to_owned()));
            Some(prune(json!({"coding": coding, "text": text})))
        }
        ReferralStatus::Discontinued => Some(json!({"text": ReferralStatus::Discontinued.label(Lang::Da)})),
        _ => None,
    };
    // What came of it: the first session agreed on enrolment, and the closing note at the end.
    let first_session =
        first_session::current(&r.history, r.status).map(|s| json!({"type": {"text": "Første mødegang"}, "valueDateTime": s.date_time()}));
    let closing_note =
        r.status.course_over().then_some(r.note.as_ref()).flatten().map(|note| json!({"type": {"text": "Afslutningsnotat"}, "valueString": note}));
    let output: Vec<Value> = first_session.into_iter().chain(closing_note).collect();
    let history: Vec<Value> = r
        .history
        .iter()
        .zip(Undo::each(&r.history))
        .map(|(e, undo)| {
            let step = match (undo, e.waitlist) {
                (Some(undo), _) => undo.label(Lang::Da),
                (None, true) => System::ReferralStatus.display(WAITLISTED).unwrap_or_default(),
                (None, false) => e.status.label(Lang::Da),
            };
            json!({"time": iso_datetime(e.at), "text": format!("{step} ({})", e.by.label(Lang::Da).to_lowercase())})
        })
        .collect();
    prune(json!({
        "resourceType": "Task",
        "id": id,
        "meta": {"versionId": version_id(r), "lastUpdated": iso_datetime(r.updated_at)},
        "identifier": [{"system": identifier_system("referral"), "value": r.receipt_code}],
        "basedOn": [{"reference": format!("ServiceRequest/{id}")}],
        "status": statuses(r.status).1,
        "statusReason": status_reason,
        "businessStatus": System::ReferralStatus.concept(business_status(r)),
        "intent": "order",
        "focus": {"reference": format!("ServiceRequest/{id}")},
        // Started once enrolled (an enrolment undone has not started), ended when the course is over.
        "executionPeriod": {
            "start": at(ReferralStatus::Enrolled).filter(|_| r.status == ReferralStatus::Enrolled || r.status.course_over()),
            "end": at(r.status).filter(|_| r.status.course_over()),
        },
        "authoredOn": iso_datetime(r.created_at),
        "lastModified": iso_datetime(r.updated_at),
        // The day by which the provider promised to make contact (a date is a valid dateTime).
        "restriction": r.contact_by.as_ref().map(|d| json!({"period": {"end": d}})),
        "requester": requester(r),
        "owner": {"reference": format!("Organization/{}", resource_id("organization", &r.provider_id))},
        "note": history,
        "output": output,
    }))
}
