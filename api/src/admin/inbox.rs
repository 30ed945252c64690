//! The referral inbox: requests to join the admin's offers and clinicians' referrals to them
//! (marked by `referrer`), newest first. Every read of personal data is audited; status changes
//! show on the citizen's receipt and in the clinician's "Mine henvisninger".

use super::audit;
use crate::auth::Admin;
use crate::error::ApiError;
use crate::self_referral::{now, receipt};
use crate::store::Referral;
use crate::AppState;
use forebyg_shared::admin::{AuditAction, FieldChange, InboxItem, ReferralCounts, ReferralStatusChange, Referrer};
use forebyg_shared::referral::ReferralStatus;

fn item(r: &Referral) -> InboxItem {
    let rc = receipt(r);
    InboxItem {
        receipt_code: r.receipt_code.clone(),
        offer_id: r.offer_id.clone(),
        offer_title: r.offer_title.clone(),
        provider_id: r.provider_id.clone(),
        region: r.region,
        status: r.status,
        name: r.name.clone(),
        phone: r.phone.clone(),
        email: r.email.clone(),
        contact_time: r.contact_time,
        message: r.message.clone(),
        waitlist: r.waitlist,
        created_on: rc.created_on,
        updated_on: rc.updated_on,
        expires_on: rc.expires_on,
        referrer: r.clinician.as_ref().map(|c| Referrer { name: c.name.clone(), organisation: c.organisation.clone() }),
        cpr: r.cpr.clone(),
        conditions: r.conditions.clone(),
        interpreter_language: r.interpreter_language.clone(),
        decline_reason: r.decline_reason,
        note: r.note.clone(),
        history: r.history.clone(),
    }
}

/// How many requests within scope are in each status. Reveals no personal data: not audited.
pub async fn counts(state: &AppState, admin: &Admin) -> Result<ReferralCounts, ApiError> {
    let mut counts = ReferralCounts::default();
    for region in admin.0.regions() {
        for r in state.referrals.region_referrals(region, now()).await? {
            if admin.0.may_manage(r.region, &r.provider_id) {
                counts.add(r.status);
            }
        }
    }
    Ok(counts)
}

/// Requests within scope, optionally for one offer and/or in one status.
pub async fn list(state: &AppState, admin: &Admin, offer_id: Option<&str>, status: Option<ReferralStatus>) -> Result<Vec<InboxItem>, ApiError> {
    let mut items = vec![];
    for region in admin.0.regions() {
        for r in state.referrals.region_referrals(region, now()).await? {
            if admin.0.may_manage(r.region, &r.provider_id) && offer_id.is_none_or(|o| o == r.offer_id) && status.is_none_or(|s| s == r.status) {
                items.push(r);
            }
        }
    }
    let reads: Vec<_> = items.iter().map(|r| audit::entry(&admin.0, r.region, AuditAction::ReferralRead, &r.receipt_code, vec![])).collect();
    state.audit.append_audit(&reads).await?;
    Ok(items.iter().map(item).collect())
}

/// Moves a request on (received → contacted → enrolled or declined → completed); withdrawing is
/// the sender's. Every change is kept in the referral's history and audited.
pub async fn set_status(state: &AppState, admin: &Admin, code: &str, change: ReferralStatusChange) -> Result<InboxItem, ApiError> {
    let code = crate::self_referral::normalise_code(code);
    let r = state.referrals.get_referral(&code, now()).await?.ok_or_else(|| ApiError::NotFound(format!("No request {code}.")))?;
    admin.require(r.region, &r.provider_id)?;
    let before = r.status;
    let (r, changed) = crate::referral_flow::provider_change(state.referrals.as_ref(), r, change).await?;
    let mut changes = vec![audit::status_change(before, r.status)];
    if let Some(reason) = r.decline_reason.filter(|_| changed && r.status == ReferralStatus::Declined) {
        changes.push(FieldChange { field: "decline_reason".into(), before: "null".into(), after: format!("\"{}\"", reason.code()) });
    }
    let entry = audit::entry(&admin.0, r.region, AuditAction::ReferralStatus, &r.receipt_code, if changed { changes } else { vec![] });
    state.audit.append_audit(&[entry]).await?;
    Ok(item(&r))
}
