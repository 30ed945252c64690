//! Whether providers keep their promise to contact people by the day their response time gave,
//! per provider (the overview's "Svartider") or per provider and month (its CSV). Requests the
//! store still holds give every fate; for months beyond them, the providers' tallies
//! ([`crate::store::ResponseTally`]) give the answers in time and late, and the promises deleted
//! unanswered. A request kept counts for its offer's current provider (it moves with the offer,
//! as in the inbox); an answer already tallied stays with the provider who gave it. Counts only
//! (no personal data): not audited.

use super::inbox::check_days;
use crate::auth::Admin;
use crate::error::ApiError;
use crate::self_referral::now;
use crate::AppState;
use forebyg_shared::response_time::{promise, sort_worst_first, MonthResponseTimes, Promise, ProviderResponseTimes};
use forebyg_shared::validation::{ErrorCode, FieldError};
use std::collections::HashMap;

/// Which requests are counted.
#[derive(Debug, Clone, Copy, Default)]
pub enum Span<'a> {
    /// Every request the store still holds.
    #[default]
    Kept,
    /// Those made on or after this day (YYYY-MM-DD).
    From(&'a str),
    /// Those made in this month (YYYY-MM) or later, including the ones already deleted: answered
    /// in time or late from the providers' tallies, still open ones from the requests kept, and
    /// the ones deleted unanswered (made, never settled, no longer kept) as late.
    SinceMonth(&'a str),
}

/// How each provider within scope keeps its promise, the worst first.
pub async fn per_provider(state: &AppState, admin: &Admin, span: Span<'_>) -> Result<Vec<ProviderResponseTimes>, ApiError> {
    let mut rows: Vec<ProviderResponseTimes> = count(state, admin, span).await?.into_values().collect();
    sort_worst_first(&mut rows);
    Ok(rows)
}

/// The same per provider and month the requests were made, by provider name, then month.
pub async fn per_month(state: &AppState, admin: &Admin, since_month: &str) -> Result<Vec<MonthResponseTimes>, ApiError> {
    let mut rows: Vec<MonthResponseTimes> = count(state, admin, Span::SinceMonth(since_month))
        .await?
        .into_iter()
        .map(|((_, month), times)| MonthResponseTimes { month, times })
        .collect();
    rows.sort_by(|a, b| (&a.times.provider_name, &a.times.provider_id, &a.month).cmp(&(&b.times.provider_name, &b.times.provider_id, &b.month)));
    Ok(rows)
}

/// The counts within scope, keyed by provider and, for a span of months, month (else an empty
/// month).
async fn count(state: &AppState, admin: &Admin, span: Span<'_>) -> Result<HashMap<(String, String), ProviderResponseTimes>, ApiError> {
    match span {
        Span::From(day) => check_days(&[("from", Some(day))])?,
        Span::SinceMonth(month) => check_month("since_month", month)?,
        Span::Kept => {}
    }
    let today = forebyg_shared::date::copenhagen_date(now());
    let month_of = |month: String| if matches!(span, Span::SinceMonth(_)) { month } else { String::new() };
    let mut rows: HashMap<(String, String), ProviderResponseTimes> = HashMap::new();
    // Per provider and month (a span of months only): the promises made and not settled that the
    // store no longer holds, once the open ones kept are subtracted.
    let mut gone_unanswered: HashMap<(String, String), i64> = HashMap::new();
    for region in admin.0.regions() {
        let names: HashMap<String, String> = state.directory.region_providers(region).await?.into_iter().map(|p| (p.id, p.name)).collect();
        if let Span::SinceMonth(month) = span {
            for t in state.referrals.response_tallies(region, month).await? {
                if admin.0.may_manage(region, &t.provider_id) {
                    let r = row(&mut rows, &names, &t.provider_id, month_of(t.month.clone()));
                    (r.in_time, r.late) = (r.in_time + t.in_time, r.late + t.late);
                    *gone_unanswered.entry((t.provider_id.clone(), t.month.clone())).or_default() += i64::from(t.unsettled());
                }
            }
        }
        let providers = super::inbox::current_providers(state, region).await?;
        for r in state.referrals.region_referrals(region, now()).await? {
            let r = super::inbox::rescoped(r, &providers);
            let counted = match span {
                Span::Kept => true,
                Span::From(day) => r.created_on().as_str() >= day,
                Span::SinceMonth(month) => r.created_month().as_str() >= month,
            };
            if !counted || !admin.0.may_manage(r.region, &r.provider_id) {
                continue;
            }
            match promise(r.contact_by.as_deref(), &r.history, &today) {
                // Answered ones are in the tallies already.
                Some(Promise::InTime | Promise::Late) if matches!(span, Span::SinceMonth(_)) => {}
                Some(p) => {
                    if matches!(span, Span::SinceMonth(_)) {
                        *gone_unanswered.entry((r.provider_id.clone(), r.created_month())).or_default() -= 1;
                    }
                    row(&mut rows, &names, &r.provider_id, month_of(r.created_month())).add(p)
                }
                None => {}
            }
        }
    }
    // Deleted with the promise unanswered: broken, so late (as a person who gave up waiting).
    for ((provider_id, month), gone) in gone_unanswered {
        if let (Some(r), Ok(gone @ 1..)) = (rows.get_mut(&(provider_id, month)), u32::try_from(gone)) {
            r.late += gone;
        }
    }
    Ok(rows)
}

/// A provider's row (for a month), named from the directory (its id when it has none there).
fn row<'a>(
    rows: &'a mut HashMap<(String, String), ProviderResponseTimes>,
    names: &HashMap<String, String>,
    provider_id: &str,
    month: String,
) -> &'a mut ProviderResponseTimes {
    rows.entry((provider_id.to_owned(), month)).or_insert_with(|| ProviderResponseTimes {
        provider_name: names.get(provider_id).cloned().unwrap_or_else(|| provider_id.to_owned()),
        provider_id: provider_id.to_owned(),
        ..Default::default()
    })
}

/// A month must be one (YYYY-MM; 422 naming the field otherwise).
fn check_month(field: &str, month: &str) -> Result<(), ApiError> {
    match forebyg_shared::date::days_from_iso(&format!("{month}-01")) {
        Some(_) if month.len() == 7 => Ok(()),
        _ => Err(ApiError::Validation(vec![FieldError::new(field, ErrorCode::Invalid, "Skriv måneden som ÅÅÅÅ-MM.", "Write the month as YYYY-MM.")])),
    }
}
