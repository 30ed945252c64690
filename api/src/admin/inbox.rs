//! The referral inbox: requests to join the admin's offers, newest first. Every read of personal
//! data is audited; status changes show on the citizen's receipt.

use super::audit;
use crate::auth::Admin;
use crate::error::ApiError;
use crate::self_referral::{now, receipt};
use crate::store::SelfReferral;
use crate::AppState;
use forebyg_shared::admin::{AuditAction, FieldChange, InboxItem, ReferralCounts, ReferralStatusChange};
use forebyg_shared::referral::ReferralStatus;

fn item(r: &SelfReferral) -> InboxItem {
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

/// Moves a request to contacted, enrolled or declined (withdrawing is the citizen's).
pub async fn set_status(state: &AppState, admin: &Admin, code: &str, change: ReferralStatusChange) -> Result<InboxItem, ApiError> {
    let code = crate::self_referral::normalise_code(code);
    let mut r = state.referrals.get_referral(&code, now()).await?.ok_or_else(|| ApiError::NotFound(format!("No request {code}.")))?;
    admin.require(r.region, &r.provider_id)?;
    if change.status == ReferralStatus::Withdrawn || change.status == ReferralStatus::Received {
        return Err(ApiError::Validation(vec![forebyg_shared::validation::FieldError::new(
            "status",
            forebyg_shared::validation::ErrorCode::Invalid,
            "Vælg kontaktet, tilmeldt eller afvist.",
            "Choose contacted, enrolled or declined.",
        )]));
    }
    if r.status == ReferralStatus::Withdrawn {
        return Err(ApiError::Conflict {
            kind: forebyg_shared::problem::types::REFERRAL_CLOSED,
            title: "The citizen withdrew this request",
            detail: "A withdrawn request cannot be handled.".into(),
        });
    }
    let before = r.status;
    r.status = change.status;
    r.updated_at = now();
    state.referrals.update_referral(&r).await?;
    let change = FieldChange { field: "status".into(), before: format!("\"{}\"", before.code()), after: format!("\"{}\"", r.status.code()) };
    state.audit.append_audit(&[audit::entry(&admin.0, r.region, AuditAction::ReferralStatus, &r.receipt_code, vec![change])]).await?;
    Ok(item(&r))
}
