//! The workflow every referral follows, whether a citizen asked to join or a clinician referred:
//! storing it once per idempotency key, status changes kept as timestamped history, and the
//! retention clock.
//!
//! Retention: a self-referral is deleted 90 days after it was made. A clinician's referral is
//! deleted 90 days after it is closed (completed, discontinued or declined), and at the latest 365 days after
//! it was made; a decline reopened puts the clock back to that latest day. A withdrawn referral
//! loses at once all personal data but what those who follow it need to recognise it (the
//! contact for the status look-up, the patient's name in the clinician's list): the CPR number,
//! message, contact time, conditions, interpreter language, the handlers' notes and the notes in
//! its history go; the offer, the status steps and their times stay. It is deleted 30 days later. DynamoDB's TTL on `expires_at` deletes; the embedded store purges.

use crate::contact_digest::{ContactDigests, ContactKey};
use crate::error::ApiError;
use crate::self_referral::{now, receipt_code};
use crate::store::{Created, Referral, ReferralStore, StoreError, TallyMove};
use forebyg_shared::admin::{AuditEntry, ReferralStatusChange};
use forebyg_shared::contact::{normalise_email, normalise_phone};
use forebyg_shared::date::copenhagen_date;
use forebyg_shared::first_session;
use forebyg_shared::offer::Offer;
use forebyg_shared::problem::types;
use forebyg_shared::referral::{Actor, ReferralStatus, StatusEvent, CLOSED_RETENTION_DAYS, OPEN_RETENTION_DAYS};
use forebyg_shared::response_time::settlement;
use forebyg_shared::taxonomy::Capacity;
use forebyg_shared::validation::{ErrorCode, FieldError};

pub const DAY: i64 = 86_400;
/// After a withdrawal, the remaining record (status only) is kept this long.
pub const WITHDRAWN_KEEP_DAYS: i64 = 30;

/// Who created the referral: the citizen or the clinician.
fn origin(r: &Referral) -> Actor {
    if r.clinician.is_some() {
        Actor::Clinician
    } else {
        Actor::Citizen
    }
}

/// Who asked, and how to reach them, as the request's form gave it.
pub struct Asker<'a> {
    pub idempotency_key: String,
    pub name: &'a str,
    pub phone: Option<&'a str>,
    pub email: Option<&'a str>,
    pub message: Option<String>,
}

/// A new request to `offer` from `asker`, received `now` and kept until `expires_at`, with the
/// contact normalised; a citizen's request as it is, a clinician's once the caller adds the
/// sender and the referral's own fields.
pub fn new_request(offer: &Offer, asker: Asker<'_>, now: i64, expires_at: i64) -> Result<Referral, ApiError> {
    Ok(Referral {
        receipt_code: receipt_code()?,
        offer_id: offer.id.clone(),
        offer_title: offer.title.clone(),
        region: offer.region,
        provider_id: offer.provider.id.clone(),
        idempotency_key: asker.idempotency_key,
        name: asker.name.trim().to_owned(),
        phone: asker.phone.and_then(normalise_phone),
        email: asker.email.and_then(normalise_email),
        contact_time: None,
        message: asker.message.map(|m| m.trim().to_owned()).filter(|m| !m.is_empty()),
        status: ReferralStatus::Received,
        waitlist: offer.capacity == Capacity::Waitlist,
        contact_by: offer.promised_response_days().map(|days| forebyg_shared::date::add_working_days(now, u32::from(days))),
        created_at: now,
        updated_at: now,
        expires_at,
        clinician: None,
        cpr: None,
        conditions: vec![],
        interpreter_language: None,
        decline_reason: None,
        note: None,
        history: vec![],
        notes: vec![],
        withdrawn_contact: None,
        tallied_for: None,
        version: 0,
    })
}

/// The first history entry of a new referral.
pub fn received(r: &mut Referral) {
    r.history = vec![StatusEvent { at: r.created_at, ..step(ReferralStatus::Received, origin(r)) }];
}

/// The audit entries that record a change (or a new referral) of the referral given, as it is
/// stored: written in the same atomic write as the change.
pub type Audit<'a> = &'a (dyn Fn(&Referral) -> Vec<AuditEntry> + Send + Sync);

/// No audit entry: the citizen's own steps are not in the admins' log.
pub fn unaudited(_: &Referral) -> Vec<AuditEntry> {
    vec![]
}

/// Stores a new referral, with the entries `audit` gives in the same write; a repeat with the
/// same idempotency key returns the first one (and writes nothing). `Ok((referral, true))` when it
/// was stored now.
pub async fn store_new(referrals: &dyn ReferralStore, mut record: Referral, audit: Audit<'_>) -> Result<(Referral, bool), ApiError> {
    for _ in 0..5 {
        match referrals.create_audited(&record, &audit(&record)).await? {
            Created::Stored => return Ok((record, true)),
            Created::Duplicate(existing) if existing.offer_id == record.offer_id => return Ok((existing, false)),
            Created::Duplicate(_) => {
                return Err(ApiError::Validation(vec![FieldError::new(
                    "idempotency_key",
                    ErrorCode::Invalid,
                    "Formularnøglen er brugt til et andet tilbud. Genindlæs siden.",
                    "The form key was used for another offer. Reload the page.",
                )]))
            }
            Created::CodeTaken => record.receipt_code = receipt_code()?,
        }
    }
    Err(ApiError::Store(StoreError::Backend("could not draw a free receipt code".into())))
}

/// A step to `status` by `by`, now, with nothing more said.
fn step(status: ReferralStatus, by: Actor) -> StatusEvent {
    StatusEvent::new(status, now(), by)
}

/// Moves the referral on by `step` (its status, when, by whom — and for the provider's steps
/// the handler, a decline's reason, a note, an enrolment's first session), keeping it in the
/// history; closing a clinician's referral starts its retention clock (never past the latest
/// day), reopening it stops it.
fn record(r: &mut Referral, step: StatusEvent) {
    if r.history.is_empty() {
        // Records from before history was kept: their start is known.
        received(r);
    }
    let (status, at, reason, note) = (step.status, step.at, step.reason, step.note.clone());
    r.history.push(step);
    (r.status, r.updated_at) = (status, at);
    if status == ReferralStatus::Declined || status.course_over() {
        (r.decline_reason, r.note) = (reason, note);
    } else if !status.is_closed() {
        // Reopened: the decision's reason or the closing note no longer applies (the history
        // keeps it).
        (r.decline_reason, r.note) = (None, None);
    }
    if r.clinician.is_some() {
        let latest = r.created_at + OPEN_RETENTION_DAYS * DAY;
        r.expires_at = if status.is_closed() { (at + CLOSED_RETENTION_DAYS * DAY).min(latest) } else { latest };
    }
}

/// Stores a status change of `r` (at the version it was read at), with the entries `audit` gives
/// for it in the same write. The change that settles the request's promise of contact (its first
/// move from `received`: in time, late or released) also counts it in the provider's tally, and
/// the provider's step back to `received` (a contact undone) takes that count out again, both in
/// the same write. Either is stored only if nobody changed the request meanwhile (409
/// otherwise), so the figures count it once and no change is lost.
async fn store_change(referrals: &dyn ReferralStore, r: &mut Referral, was_settled: bool, audit: Audit<'_>) -> Result<(), ApiError> {
    let tally = match (was_settled, settlement(r.contact_by.as_deref(), &r.history)) {
        (false, Some(fate)) => {
            r.tallied_for = Some(r.provider_id.clone());
            Some(TallyMove::Settle { provider_id: r.provider_id.clone(), fate })
        }
        // Settled before this step, not after it: a contact undone, which answered nothing.
        (true, None) => {
            let fate = settlement(r.contact_by.as_deref(), &r.history[..r.history.len() - 1]);
            let provider_id = r.tallied_for.take().unwrap_or_else(|| r.provider_id.clone());
            fate.map(|fate| TallyMove::Unsettle { provider_id, fate })
        }
        _ => None,
    };
    if referrals.change_referral(r, tally.as_ref(), &audit(r)).await? {
        Ok(())
    } else {
        Err(changed_meanwhile())
    }
}

/// The 409 for a change refused because the request changed since it was read.
pub fn changed_meanwhile() -> ApiError {
    ApiError::Conflict {
        kind: types::STALE_VERSION,
        title: "Someone else changed this request at the same moment",
        detail: "Read it again and repeat the change if it is still needed.".into(),
    }
}

/// Whether `r`'s promise of contact is settled already (see [`store_change`]).
fn is_settled(r: &Referral) -> bool {
    settlement(r.contact_by.as_deref(), &r.history).is_some()
}

/// The provider's step: validated, allowed from the current status (the same step twice is a
/// no-op), recorded and stored. Returns the referral and whether it changed.
pub async fn provider_change(
    referrals: &dyn ReferralStore,
    mut r: Referral,
    change: ReferralStatusChange,
    handler: &str,
    audit: Audit<'_>,
) -> Result<(Referral, bool), ApiError> {
    // A citizen's own request has no referrer to write a closing note to.
    let errors = change.validate(r.clinician.is_some(), &copenhagen_date(now()), &r.created_on());
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    // Enrolled again with another first session: the day is moved (a new step in the history).
    let new_first_session = (r.status, change.status) == (ReferralStatus::Enrolled, ReferralStatus::Enrolled)
        && first_session::current(&r.history, r.status) != change.first_session.as_ref();
    // Contacted, then put on the waiting list (the class filled up meanwhile): a step of its own.
    let onto_waitlist = change.waitlist && !r.waitlist && r.status == ReferralStatus::Contacted;
    if r.status == change.status && !new_first_session && !onto_waitlist {
        return Ok((r, false));
    }
    if r.status == ReferralStatus::Withdrawn {
        return Err(ApiError::Conflict {
            kind: types::REFERRAL_CLOSED,
            title: "The sender withdrew this referral",
            detail: "A withdrawn referral cannot be handled.".into(),
        });
    }
    if !r.status.provider_may_move_to(change.status) && !new_first_session && !onto_waitlist {
        return Err(ApiError::Conflict {
            kind: types::INVALID_TRANSITION,
            title: "Not a next step of this referral",
            detail: format!(
                "A referral that is {} cannot become {}: received → contacted → enrolled or declined → completed or discontinued (a contact goes back to received, a decline to received or contacted, an enrolment to contacted, a closed course to enrolled).",
                r.status.code(),
                change.status.code()
            ),
        });
    }
    let note = change.note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
    let was_settled = is_settled(&r);
    let step = StatusEvent {
        reason: change.reason,
        note,
        handler: Some(handler.to_owned()),
        first_session: change.first_session,
        waitlist: change.waitlist,
        ..step(change.status, Actor::Provider)
    };
    // On the list from now on; a place given, or the contact undone, takes the person off it.
    match change.status {
        ReferralStatus::Contacted if change.waitlist => r.waitlist = true,
        ReferralStatus::Enrolled | ReferralStatus::Received => r.waitlist = false,
        _ => {}
    }
    record(&mut r, step);
    store_change(referrals, &mut r, was_settled, audit).await?;
    Ok((r, true))
}

/// Withdraws an open referral, `by` its sender or (a clinician's referral, on the status page)
/// the patient: erases at once what nobody needs any more and keeps only the status for a short
/// while, with what those who follow it recognise it by; `key` keys the digests of a contact
/// the clinician's withdrawal erases (`crate::contact_digest`).
pub async fn withdraw(referrals: &dyn ReferralStore, key: &ContactKey, mut r: Referral, by: Actor, audit: Audit<'_>) -> Result<Referral, ApiError> {
    match r.status {
        ReferralStatus::Withdrawn => return Ok(r),
        s if !s.is_open() => {
            return Err(ApiError::Conflict {
                kind: types::REFERRAL_CLOSED,
                title: "This request can no longer be withdrawn",
                detail: "Contact the offer directly.".into(),
            })
        }
        _ => {}
    }
    let now = now();
    let was_settled = is_settled(&r);
    record(&mut r, StatusEvent { at: now, ..step(ReferralStatus::Withdrawn, by) });
    match (origin(&r), by) {
        // The citizen's receipt needs no name, only the contact it is looked up with.
        (Actor::Citizen, _) => r.name = String::new(),
        // The clinician's list shows whom it was for; the patient no longer follows it, but may
        // still look it up: only keyed, salted digests of the contact stay, for the status lookup.
        (_, Actor::Clinician) => {
            r.withdrawn_contact = ContactDigests::of(key, r.phone.as_deref(), r.email.as_deref());
            (r.phone, r.email) = (None, None);
        }
        // The patient withdrew on the status page: they look it up again with their contact,
        // the clinician recognises the name.
        _ => {}
    }
    // Health data and what was written about the person go now: the conditions, the interpreter
    // language, the message, the handlers' notes, and every note and first session agreed in the
    // history (its steps stay: the status is what the followers see).
    r.cpr = None;
    r.message = None;
    r.contact_time = None;
    r.conditions.clear();
    r.interpreter_language = None;
    r.note = None;
    r.notes.clear();
    for event in &mut r.history {
        (event.note, event.first_session) = (None, None);
    }
    r.expires_at = r.expires_at.min(now + WITHDRAWN_KEEP_DAYS * DAY);
    store_change(referrals, &mut r, was_settled, audit).await?;
    Ok(r)
}
