//! Referrals through Forebyg: a signed-in clinician refers a patient to an offer, follows it in
//! "Mine henvisninger" and may withdraw it while it is open. A clinician only ever sees their
//! own referrals (someone else's is 404, as if it did not exist); every read is audited.

use crate::admin::audit;
use crate::auth::Clinician;
use crate::clinician::request_hash::{request_hash, same_request};
use crate::error::ApiError;
use crate::referral_flow::{self, DAY};
use crate::self_referral::{normalise_code, now};
use crate::store::{ClinicianSender, Referral, SenderIdentifier};
use crate::AppState;
use forebyg_shared::admin::{AuditAction, FieldChange};
use forebyg_shared::clinician::{normalise_language, ClinicianReferral, ClinicianReferralList, ClinicianReferralRequest};
use forebyg_shared::date::copenhagen_date;
use forebyg_shared::referral::{changed_by_others, Actor, StatusEvent, OPEN_RETENTION_DAYS};
use forebyg_shared::referral_route::forebyg_refusal;
use forebyg_shared::taxonomy::OfferStatus;
use forebyg_shared::validation::{ErrorCode, FieldError};

/// What the clinician sees of a referral; `changed` when someone else moved it after `since`
/// (a list's `cursor`), or at all without one (the clinician's first look).
pub fn view(r: &Referral, since: Option<i64>) -> ClinicianReferral {
    ClinicianReferral {
        code: r.receipt_code.clone(),
        offer_id: r.offer_id.clone(),
        offer_title: r.offer_title.clone(),
        patient_name: r.name.clone(),
        // Only the read of one referral gives them ([`get`]).
        phone: None,
        email: None,
        contact_time: None,
        conditions: r.conditions.clone(),
        reason: r.message.clone(),
        interpreter_language: r.interpreter_language.clone(),
        cpr_given: r.cpr.is_some(),
        status: r.status,
        decline_reason: r.decline_reason,
        note: r.note.clone(),
        // Which of the provider's staff made a step is for their colleagues only.
        history: r.history.iter().map(|e| StatusEvent { handler: None, ..e.clone() }).collect(),
        waitlist: r.waitlist,
        created_at: r.created_at,
        updated_at: r.updated_at,
        expires_on: copenhagen_date(r.expires_at),
        contact_by: r.contact_by.clone(),
        overdue: r.contact_overdue(now()),
        changed: changed_by_others(&r.history, since),
        withdrawable: r.status.is_open(),
    }
}

fn sender(who: &Clinician, request_identifier: Option<SenderIdentifier>, request_hash: String) -> ClinicianSender {
    ClinicianSender {
        subject: who.0.subject.clone(),
        name: who.0.name.clone(),
        organisation: who.organisation().clone(),
        request_identifier,
        request_hash: Some(request_hash),
    }
}

/// The first referral for a repeat of its key: only for the same request (else 409, naming the
/// sender's own referral), and handing it back is an audited read of it.
async fn repeat(state: &AppState, who: &Clinician, first: Referral, hash: &str) -> Result<(Referral, bool), ApiError> {
    if !same_request(&first, hash) {
        return Err(ApiError::KeyReused { existing: first.receipt_code });
    }
    audit(state, who, AuditAction::ReferralRead, &[&first], vec![]).await?;
    Ok((first, false))
}

fn is_mine(r: &Referral, who: &Clinician) -> bool {
    r.clinician.as_ref().is_some_and(|c| c.subject == who.0.subject)
}

async fn audit(state: &AppState, who: &Clinician, action: AuditAction, rs: &[&Referral], changes: Vec<FieldChange>) -> Result<(), ApiError> {
    let entries: Vec<_> = rs.iter().map(|r| audit::entry(&who.0, r.region, action, &r.receipt_code, changes.clone())).collect();
    Ok(state.audit.append_audit(&entries).await?)
}

/// Refers a patient; a repeat with the same idempotency key and request returns the first
/// referral (an audited read), with another request it is refused (409).
/// `request_identifier`: the record system's own id of a request sent as FHIR. `Ok((referral,
/// true))` when it was stored now.
pub async fn create(
    state: &AppState,
    who: &Clinician,
    offer_id: &str,
    req: ClinicianReferralRequest,
    request_identifier: Option<SenderIdentifier>,
) -> Result<(Referral, bool), ApiError> {
    let now = now();
    let mut errors = req.validate(&copenhagen_date(now));
    errors.extend(super::languages::unknown_interpreter_language(req.interpreter_language.as_deref()));
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let hash = request_hash(offer_id, &req);
    let offer = state.store.get_offer(offer_id).await?.filter(|o| o.status != OfferStatus::Draft);
    let refused = match &offer {
        None => Some(ApiError::NotFound(format!("No published offer with id {offer_id}."))),
        Some(o) if o.is_archived() => Some(ApiError::Conflict {
            kind: forebyg_shared::problem::types::OFFER_CLOSED,
            title: "This offer has closed",
            detail: "The offer takes no new referrals. Find another one in the search.".into(),
        }),
        Some(o) => forebyg_refusal(&o.referral, o.capacity, who.organisation().kind.referrer()).map(|r| ApiError::Conflict {
            kind: r.problem_type,
            title: "The offer cannot take this referral",
            detail: r.reason.en,
        }),
    };
    if let Some(refused) = refused {
        // A retry of a referral stored before the offer filled up or closed is still that
        // referral: the sender must not conclude it failed and refer elsewhere.
        return match sent_before(state, who, &req.idempotency_key, now).await? {
            Some(first) if first.offer_id == offer_id => repeat(state, who, first, &hash).await,
            Some(first) if request_identifier.is_some() => Err(ApiError::KeyReused { existing: first.receipt_code }),
            _ => Err(refused),
        };
    }
    let offer = offer.expect("refused above when missing");
    // The provider asks the referral to contain something (a diagnosis, the latest measurements):
    // an empty reason cannot hold it. A retry of a referral stored before the offer asked is still
    // that referral.
    if let Some(missing) = forebyg_shared::clinician::reason_missing(req.reason.as_deref(), offer.referral.must_include.as_ref()) {
        if let Some(first) = sent_before(state, who, &req.idempotency_key, now).await?.filter(|f| f.offer_id == offer_id) {
            return repeat(state, who, first, &hash).await;
        }
        return Err(ApiError::Validation(vec![missing]));
    }
    let asker = referral_flow::Asker {
        idempotency_key: req.idempotency_key,
        name: &req.patient_name,
        phone: req.phone.as_deref(),
        email: req.email.as_deref(),
        message: req.reason,
    };
    let mut record = Referral {
        clinician: Some(sender(who, request_identifier.clone(), hash.clone())),
        cpr: req.cpr.as_deref().and_then(forebyg_shared::cpr::normalise),
        conditions: req.conditions,
        interpreter_language: req.interpreter_language.as_deref().and_then(normalise_language),
        contact_time: req.contact_time,
        ..referral_flow::new_request(&offer, asker, now, now + OPEN_RETENTION_DAYS * DAY)?
    };
    referral_flow::received(&mut record);
    // The entry is written with the referral, in one atomic write: a retry finds both or neither.
    let created_entry = |r: &Referral| vec![audit::entry(&who.0, r.region, AuditAction::ReferralCreated, &r.receipt_code, vec![])];
    let key = record.idempotency_key.clone();
    let (stored, created) = match referral_flow::store_new(state.referrals.as_ref(), record, &created_entry).await {
        // The key was used for another offer: a record system is told which of its referrals
        // holds it (the web form keeps its own sentence: reload the page).
        Err(ApiError::Validation(e)) if request_identifier.is_some() => match sent_before(state, who, &key, now).await? {
            Some(first) => return Err(ApiError::KeyReused { existing: first.receipt_code }),
            None => return Err(ApiError::Validation(e)),
        },
        other => other?,
    };
    if !is_mine(&stored, who) {
        // Someone else's key: never hand out their referral.
        let (da, en) = ("Formularnøglen er allerede brugt. Genindlæs siden.", "The form key is already used. Reload the page.");
        return Err(ApiError::Validation(vec![FieldError::new("idempotency_key", ErrorCode::Invalid, da, en)]));
    }
    if created {
        Ok((stored, true))
    } else {
        repeat(state, who, stored, &hash).await
    }
}

/// The clinician's own referral stored under `idempotency_key`, if any (read only for a repeat
/// of a key: the list is the clinician's own).
async fn sent_before(state: &AppState, who: &Clinician, idempotency_key: &str, now: i64) -> Result<Option<Referral>, ApiError> {
    let mine = state.referrals.clinician_referrals(&who.0.subject, now).await?;
    Ok(mine.into_iter().find(|r| r.idempotency_key == idempotency_key))
}

/// The clinician's own live referrals that `wanted` keeps, newest first, not yet shown to anyone:
/// the caller audits those it returns ([`audit_reads`]).
pub async fn mine_matching(state: &AppState, who: &Clinician, now: i64, wanted: impl Fn(&Referral) -> bool) -> Result<Vec<Referral>, ApiError> {
    let mut mine = state.referrals.clinician_referrals(&who.0.subject, now).await?;
    mine.retain(|r| wanted(r));
    Ok(mine)
}

/// Audits the clinician's reads of `shown`, the referrals returned to them.
pub async fn audit_reads(state: &AppState, who: &Clinician, shown: &[Referral]) -> Result<(), ApiError> {
    audit(state, who, AuditAction::ReferralRead, &shown.iter().collect::<Vec<_>>(), vec![]).await
}

/// The clinician's own live referrals that `wanted` keeps, newest first; each one returned is an
/// audited read (those left out were not shown to anyone).
pub async fn read_mine(state: &AppState, who: &Clinician, now: i64, wanted: impl Fn(&Referral) -> bool) -> Result<Vec<Referral>, ApiError> {
    let mine = mine_matching(state, who, now, wanted).await?;
    audit_reads(state, who, &mine).await?;
    Ok(mine)
}

/// The clinician's own live referrals, newest first (each read audited).
pub async fn list(state: &AppState, who: &Clinician, since: Option<i64>) -> Result<ClinicianReferralList, ApiError> {
    let now = now();
    let mine = read_mine(state, who, now, |_| true).await?;
    // Times are whole seconds: a change later in this same second must count as new next time,
    // so the cursor is the second before (a change in this second may be reported twice, never
    // missed).
    Ok(ClinicianReferralList { cursor: now - 1, referrals: mine.iter().map(|r| view(r, since)).collect() })
}

/// One of the clinician's referrals; anyone else's is not found.
async fn mine(state: &AppState, who: &Clinician, code: &str) -> Result<Referral, ApiError> {
    let code = normalise_code(code);
    let r = state.referrals.get_referral(&code, now()).await?;
    r.filter(|r| is_mine(r, who)).ok_or_else(|| ApiError::NotFound(format!("You have no referral {code}.")))
}

pub async fn get(state: &AppState, who: &Clinician, code: &str, since: Option<i64>) -> Result<ClinicianReferral, ApiError> {
    let r = mine(state, who, code).await?;
    audit(state, who, AuditAction::ReferralRead, &[&r], vec![]).await?;
    Ok(ClinicianReferral { phone: r.phone.clone(), email: r.email.clone(), contact_time: r.contact_time, ..view(&r, since) })
}

/// Withdraws an open referral (received or contacted); the same again is a no-op.
pub async fn withdraw(state: &AppState, who: &Clinician, code: &str) -> Result<ClinicianReferral, ApiError> {
    let r = mine(state, who, code).await?;
    let before = r.status;
    // Audited with the change, in the same write (a repeat changes nothing and writes nothing).
    let withdrawn = |r: &Referral| {
        vec![audit::entry(&who.0, r.region, AuditAction::ReferralStatus, &r.receipt_code, vec![audit::status_change(before, r.status)])]
    };
    let r = referral_flow::withdraw(state.referrals.as_ref(), &state.contact_key, r, Actor::Clinician, &withdrawn).await?;
    Ok(view(&r, None))
}
