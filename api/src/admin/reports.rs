//! Change reports: the public files one against a published offer; the admins of its region (or
//! its provider) list and resolve them. Resolutions are audited.

use super::audit;
use crate::auth::Admin;
use crate::error::ApiError;
use crate::self_referral::now;
use crate::AppState;
use forebyg_shared::admin::{AuditAction, FieldChange};
use forebyg_shared::report::{ChangeReport, ReportRequest, ReportResolution, ReportStatus, RETENTION_DAYS};

pub async fn create(state: &AppState, offer_id: &str, req: ReportRequest) -> Result<ChangeReport, ApiError> {
    if req.website.as_deref().is_some_and(|w| !w.trim().is_empty()) {
        return Err(ApiError::BadRequest("The request was rejected.".into()));
    }
    let errors = req.validate();
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let offer = state
        .store
        .get_offer(offer_id)
        .await?
        .filter(|o| o.is_published())
        .ok_or_else(|| ApiError::NotFound(format!("No published offer with id {offer_id}.")))?;
    let mut random = [0u8; 8];
    getrandom::fill(&mut random).map_err(|e| ApiError::BadRequest(format!("no randomness: {e}")))?;
    let at = now();
    let report = ChangeReport {
        id: random.iter().map(|b| format!("{b:02x}")).collect(),
        offer_id: offer.id,
        offer_title: offer.title,
        region: offer.region,
        provider_id: offer.provider.id,
        topic: req.topic,
        message: req.message.trim().to_owned(),
        status: ReportStatus::Open,
        created_at: at,
        resolved_at: None,
        resolved_by: None,
        expires_at: at + RETENTION_DAYS * 86_400,
    };
    state.reports.create_report(&report).await?;
    Ok(report)
}

pub async fn list(state: &AppState, admin: &Admin, status: Option<ReportStatus>) -> Result<Vec<ChangeReport>, ApiError> {
    let mut out = vec![];
    for region in admin.0.regions() {
        out.extend(
            state
                .reports
                .region_reports(region, now())
                .await?
                .into_iter()
                .filter(|r| admin.0.may_manage(r.region, &r.provider_id) && status.is_none_or(|s| s == r.status)),
        );
    }
    Ok(out)
}

pub async fn resolve(state: &AppState, admin: &Admin, id: &str, res: ReportResolution) -> Result<ChangeReport, ApiError> {
    let mut r = state.reports.get_report(id, now()).await?.ok_or_else(|| ApiError::NotFound(format!("No report {id}.")))?;
    admin.require(r.region, &r.provider_id)?;
    if res.status == ReportStatus::Open {
        return Err(forebyg_shared::validation::FieldError::new(
            "status",
            forebyg_shared::validation::ErrorCode::Invalid,
            "Vælg rettet eller afvist.",
            "Choose fixed or dismissed.",
        )
        .into());
    }
    let before = r.status;
    (r.status, r.resolved_at, r.resolved_by) = (res.status, Some(now()), Some(admin.0.subject.clone()));
    state.reports.update_report(&r).await?;
    let change = FieldChange { field: "status".into(), before: format!("\"{}\"", before.code()), after: format!("\"{}\"", r.status.code()) };
    state.audit.append_audit(&[audit::entry(&admin.0, r.region, AuditAction::ReportResolved, &r.id, vec![change])]).await?;
    Ok(r)
}
