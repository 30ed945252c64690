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
use forebyg_shared::validation::{ErrorCode, FieldError};

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

/// Which requests the inbox shows. Withdrawn requests are out of the way unless asked for (by
/// status or `withdrawn`): there is nothing left to do with them.
#[derive(Debug, Clone, Default)]
pub struct InboxFilter {
    pub offer_id: Option<String>,
    /// Part of the offer's title, any case.
    pub offer_title: Option<String>,
    pub status: Option<ReferralStatus>,
    /// Made on or after / on or before this day (YYYY-MM-DD).
    pub from: Option<String>,
    pub to: Option<String>,
    pub withdrawn: bool,
}

impl InboxFilter {
    /// The dates must be days (422 naming the field otherwise).
    fn check(&self) -> Result<(), ApiError> {
        let errors: Vec<FieldError> = [("from", &self.from), ("to", &self.to)]
            .into_iter()
            .filter(|(_, d)| d.as_deref().is_some_and(|d| forebyg_shared::date::days_from_iso(d).is_none()))
            .map(|(field, _)| FieldError::new(field, ErrorCode::Invalid, "Skriv datoen som ÅÅÅÅ-MM-DD.", "Write the date as YYYY-MM-DD."))
            .collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(ApiError::Validation(errors))
        }
    }

    fn keeps(&self, r: &SelfReferral, created_on: &str) -> bool {
        let title = self.offer_title.as_deref().map(str::to_lowercase);
        self.offer_id.as_deref().is_none_or(|o| o == r.offer_id)
            && title.is_none_or(|t| r.offer_title.to_lowercase().contains(t.trim()))
            && self.status.is_none_or(|s| s == r.status)
            && (self.withdrawn || self.status == Some(ReferralStatus::Withdrawn) || r.status != ReferralStatus::Withdrawn)
            && self.from.as_deref().is_none_or(|d| created_on >= d)
            && self.to.as_deref().is_none_or(|d| created_on <= d)
    }
}

/// Requests within scope that the filter keeps, newest first. One audit entry per region per view
/// names every request shown (its receipt codes), so reading the inbox does not bury the log.
pub async fn list(state: &AppState, admin: &Admin, filter: &InboxFilter) -> Result<Vec<InboxItem>, ApiError> {
    filter.check()?;
    let mut items = vec![];
    for region in admin.0.regions() {
        let mut shown = vec![];
        for r in state.referrals.region_referrals(region, now()).await? {
            if admin.0.may_manage(r.region, &r.provider_id) && filter.keeps(&r, &receipt(&r).created_on) {
                shown.push(r.receipt_code.clone());
                items.push(r);
            }
        }
        if !shown.is_empty() {
            state.audit.append_audit(&[audit::entry(&admin.0, region, AuditAction::ReferralRead, &shown.join(" "), vec![])]).await?;
        }
    }
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
