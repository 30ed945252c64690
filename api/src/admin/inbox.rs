//! The referral inbox: requests to join the admin's offers and clinicians' referrals to them
//! (marked by `referrer`), newest first. Every read of personal data is audited; status changes
//! show on the citizen's receipt and in the clinician's "Mine henvisninger".
//!
//! A request belongs to its offer's *current* provider: when a region admin moves an offer to
//! another provider, its requests (open or not) move with it, in the inbox, the counts, the
//! status changes and notes, and the response times of the requests kept (see
//! [`current_providers`]). The provider stored on the request is the one it was made to.

use super::audit;
use crate::auth::Admin;
use crate::error::ApiError;
use crate::self_referral::{now, receipt};
use crate::store::Referral;
use crate::AppState;
use forebyg_shared::admin::{AdminNote, AuditAction, FieldChange, InboxItem, NewAdminNote, ReferralCounts, ReferralStatusChange, Referrer};
use forebyg_shared::first_session::{self, FirstSession};
use forebyg_shared::offer::Offer;
use forebyg_shared::referral::{ReferralStatus, SentBy};
use forebyg_shared::taxonomy::{Condition, OfferStatus, RegionCode};
use forebyg_shared::validation::{ErrorCode, FieldError};
use std::collections::HashMap;

/// The provider now running each offer of the region (by offer id).
pub(crate) async fn current_providers(state: &AppState, region: RegionCode) -> Result<HashMap<String, String>, ApiError> {
    Ok(state.store.region_offers(region).await?.into_iter().map(|o| (o.id, o.provider.id)).collect())
}

/// The request with its offer's current provider (as made when the offer is gone).
pub(crate) fn rescoped(mut r: Referral, providers: &HashMap<String, String>) -> Referral {
    if let Some(p) = providers.get(&r.offer_id) {
        r.provider_id = p.clone();
    }
    r
}

/// One request with its offer's current provider (the FHIR reads scope and name the owner by it).
pub(crate) async fn with_current_provider(state: &AppState, r: Referral) -> Result<Referral, ApiError> {
    let providers = state.store.get_offer(&r.offer_id).await?.map(|o| HashMap::from([(o.id, o.provider.id)])).unwrap_or_default();
    Ok(rescoped(r, &providers))
}

/// Requests of any regions with their offers' current providers (one offer look-up per region).
pub(crate) async fn all_with_current_provider(state: &AppState, rs: Vec<Referral>) -> Result<Vec<Referral>, ApiError> {
    let mut by_region: HashMap<RegionCode, HashMap<String, String>> = HashMap::new();
    let mut out = Vec::with_capacity(rs.len());
    for r in rs {
        if let std::collections::hash_map::Entry::Vacant(slot) = by_region.entry(r.region) {
            slot.insert(current_providers(state, r.region).await?);
        }
        let providers = &by_region[&r.region];
        out.push(rescoped(r, providers));
    }
    Ok(out)
}

/// The receipt codes of each live request's live namesakes by contact: requests to the same offer
/// with the same (stored, normalised) phone or e-mail, oldest first. Only among `rs`, which hold
/// the offer's requests; closed requests are history, not duplicates.
fn same_contacts(rs: &[Referral]) -> HashMap<String, Vec<String>> {
    // Compared only within an offer (a region holds thousands of requests, an offer a few).
    let mut by_offer: HashMap<&str, Vec<&Referral>> = HashMap::new();
    for r in rs.iter().filter(|r| !r.status.is_closed()) {
        by_offer.entry(r.offer_id.as_str()).or_default().push(r);
    }
    let same = |a: &Referral, b: &Referral| {
        (a.phone.is_some() && a.phone == b.phone) || a.email.as_deref().is_some_and(|e| b.email.as_deref().is_some_and(|f| e.eq_ignore_ascii_case(f)))
    };
    let mut out = HashMap::new();
    for live in by_offer.values() {
        for r in live {
            let mut others: Vec<&Referral> = live.iter().copied().filter(|o| o.receipt_code != r.receipt_code && same(r, o)).collect();
            if !others.is_empty() {
                others.sort_by_key(|o| o.created_at);
                out.insert(r.receipt_code.clone(), others.into_iter().map(|o| o.receipt_code.clone()).collect());
            }
        }
    }
    out
}

/// What the inbox says of a request's offer now: its status, and the conditions it takes.
struct OfferNow<'a> {
    status: OfferStatus,
    conditions: &'a [Condition],
}

impl<'a> OfferNow<'a> {
    /// An offer no longer stored counts as archived: no one can find it either way.
    fn of(offer: Option<&'a Offer>) -> Self {
        OfferNow { status: offer.map_or(OfferStatus::Archived, |o| o.status), conditions: offer.map_or(&[], |o| &o.eligibility.accepted_conditions) }
    }

    /// The offer's conditions when a clinician referred for none of them (none: it takes any).
    fn only_for(&self, r: &Referral) -> Vec<Condition> {
        let outside = r.clinician.is_some() && !r.conditions.is_empty() && !self.conditions.is_empty();
        if outside && !r.conditions.iter().any(|c| self.conditions.contains(c)) {
            self.conditions.to_vec()
        } else {
            vec![]
        }
    }
}

/// One request as the inbox shows it, with its live namesakes by contact (read from its region)
/// and its offer as it is now.
async fn inbox_item(state: &AppState, r: &Referral) -> Result<InboxItem, ApiError> {
    let stored = state.store.get_offer(&r.offer_id).await?;
    let offer_now = OfferNow::of(stored.as_ref());
    let mut offer: Vec<Referral> = state
        .referrals
        .region_referrals(r.region, now())
        .await?
        .into_iter()
        .filter(|o| o.offer_id == r.offer_id && o.receipt_code != r.receipt_code)
        .collect();
    offer.push(r.clone());
    Ok(item(r, same_contacts(&offer).remove(&r.receipt_code).unwrap_or_default(), &offer_now))
}

fn item(r: &Referral, same_contact: Vec<String>, offer: &OfferNow) -> InboxItem {
    let rc = receipt(r);
    InboxItem {
        receipt_code: r.receipt_code.clone(),
        offer_id: r.offer_id.clone(),
        offer_title: r.offer_title.clone(),
        offer_status: offer.status,
        offer_only_for: offer.only_for(r),
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
        contact_by: r.contact_by.clone(),
        overdue: r.contact_overdue(now()),
        referrer: r.clinician.as_ref().map(|c| Referrer { name: c.name.clone(), organisation: c.organisation.clone() }),
        cpr: r.cpr.clone(),
        conditions: r.conditions.clone(),
        interpreter_language: r.interpreter_language.clone(),
        decline_reason: r.decline_reason,
        note: r.note.clone(),
        same_contact,
        history: r.history.clone(),
        notes: r.notes.clone(),
    }
}

/// How many requests within scope (of `offer`, if given) are in each status. Reveals no personal
/// data: not audited.
pub async fn counts(state: &AppState, admin: &Admin, offer: Option<&str>) -> Result<ReferralCounts, ApiError> {
    let mut counts = ReferralCounts::default();
    for region in admin.0.regions() {
        let providers = current_providers(state, region).await?;
        for r in state.referrals.region_referrals(region, now()).await? {
            let r = rescoped(r, &providers);
            if admin.0.may_manage(r.region, &r.provider_id) && offer.is_none_or(|o| o == r.offer_id) {
                counts.add(r.status);
                counts.overdue += u32::from(r.contact_overdue(now()));
            }
        }
    }
    Ok(counts)
}

/// The dates must be days (422 naming each field that is not).
pub(crate) fn check_days(dates: &[(&str, Option<&str>)]) -> Result<(), ApiError> {
    let errors: Vec<FieldError> = dates
        .iter()
        .filter(|(_, d)| d.is_some_and(|d| forebyg_shared::date::days_from_iso(d).is_none()))
        .map(|(field, _)| FieldError::new(field, ErrorCode::Invalid, "Skriv datoen som ÅÅÅÅ-MM-DD.", "Write the date as YYYY-MM-DD."))
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Validation(errors))
    }
}

/// Which requests the inbox shows. Withdrawn requests are out of the way unless asked for (by
/// status or `withdrawn`): there is nothing left to do with them.
#[derive(Debug, Clone, Default)]
pub struct InboxFilter {
    pub offer_id: Option<String>,
    /// Part of the offer's title, any case.
    pub offer_title: Option<String>,
    /// Part of the person's name, or of their receipt code ([`person_matches`]).
    pub person: Option<String>,
    pub provider_id: Option<String>,
    pub status: Option<ReferralStatus>,
    /// Made on or after / on or before this day (YYYY-MM-DD).
    pub from: Option<String>,
    pub to: Option<String>,
    pub withdrawn: bool,
    /// Only requests still `received` after the day the provider promised contact by.
    pub overdue: bool,
    pub sent_by: Option<SentBy>,
}

impl InboxFilter {
    fn check(&self) -> Result<(), ApiError> {
        check_days(&[("from", self.from.as_deref()), ("to", self.to.as_deref())])?;
        // A span that ends before it starts holds nothing: said, not answered with an empty list.
        let (from, to) = (self.from.as_deref().unwrap_or_default(), self.to.as_deref().unwrap_or_default());
        forebyg_shared::validation::day_range("to", from, to).map_err(|e| ApiError::Validation(vec![e]))
    }

    fn keeps(&self, r: &Referral, created_on: &str) -> bool {
        let title = self.offer_title.as_deref().map(str::to_lowercase);
        self.offer_id.as_deref().is_none_or(|o| o == r.offer_id)
            && title.is_none_or(|t| r.offer_title.to_lowercase().contains(t.trim()))
            && self.person.as_deref().is_none_or(|p| person_matches(&r.name, &r.receipt_code, p))
            && self.provider_id.as_deref().is_none_or(|p| p == r.provider_id)
            && self.status.is_none_or(|s| s == r.status)
            && (self.withdrawn || self.status == Some(ReferralStatus::Withdrawn) || r.status != ReferralStatus::Withdrawn)
            && self.from.as_deref().is_none_or(|d| created_on >= d)
            && self.to.as_deref().is_none_or(|d| created_on <= d)
            && (!self.overdue || r.contact_overdue(now()))
            && self.sent_by.is_none_or(|s| (s == SentBy::Clinician) == r.clinician.is_some())
    }
}

/// Whether `typed` finds the request's person: each word of it in their name, in any case and
/// order, a hyphen as a space and a dotless ı as i ("karen jensen" finds "Karen Holm Jensen",
/// "yilmaz" "Mehmet Yılmaz", "anne marie" "Anne-Marie"), or part of their receipt code with or
/// without its dash ("xzgt-fw7j", "XZGTFW7J"); nothing typed finds all.
pub fn person_matches(name: &str, receipt_code: &str, typed: &str) -> bool {
    let typed = typed.trim();
    let bare = |s: &str| s.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_ascii_uppercase();
    let fold = |s: &str| s.to_lowercase().replace('ı', "i").replace('-', " ");
    let (code, name) = (bare(typed), fold(name));
    typed.is_empty() || fold(typed).split_whitespace().all(|word| name.contains(word)) || (code.len() >= 4 && bare(receipt_code).contains(&code))
}

/// Requests within scope that the filter keeps, newest first. One audit entry per region per view
/// names every request shown (its receipt codes), so reading the inbox does not bury the log.
pub async fn list(state: &AppState, admin: &Admin, filter: &InboxFilter) -> Result<Vec<InboxItem>, ApiError> {
    filter.check()?;
    let mut items = vec![];
    for region in admin.0.regions() {
        // One read of the region's offers: who runs each now, and whether it is still published.
        let offers = state.store.region_offers(region).await?;
        let by_id: HashMap<&str, &Offer> = offers.iter().map(|o| (o.id.as_str(), o)).collect();
        let providers: HashMap<String, String> = offers.iter().map(|o| (o.id.clone(), o.provider.id.clone())).collect();
        // Namesakes are looked for among all the region's requests in scope, not only those the
        // filter keeps: a duplicate is one whatever the filter.
        let in_scope: Vec<Referral> = state
            .referrals
            .region_referrals(region, now())
            .await?
            .into_iter()
            .map(|r| rescoped(r, &providers))
            .filter(|r| admin.0.may_manage(r.region, &r.provider_id))
            .collect();
        let mut same = same_contacts(&in_scope);
        let shown: Vec<&Referral> = in_scope.iter().filter(|r| filter.keeps(r, &r.created_on())).collect();
        if !shown.is_empty() {
            let codes: Vec<&str> = shown.iter().map(|r| r.receipt_code.as_str()).collect();
            state.audit.append_audit(&[audit::entry(&admin.0, region, AuditAction::ReferralRead, &codes.join(" "), vec![])]).await?;
        }
        items.extend(
            shown
                .into_iter()
                .map(|r| item(r, same.remove(&r.receipt_code).unwrap_or_default(), &OfferNow::of(by_id.get(r.offer_id.as_str()).copied()))),
        );
    }
    Ok(items)
}

/// The live request with this code, if it is within the admin's scope: one outside it is not
/// found either (404, as for the clinician and FHIR routes), so a code's existence is not told.
async fn in_scope(state: &AppState, admin: &Admin, code: &str) -> Result<Referral, ApiError> {
    // Scoped by the offer's current provider: an offer moved to another provider takes its requests.
    let r = match state.referrals.get_referral(code, now()).await? {
        Some(r) => Some(with_current_provider(state, r).await?),
        None => None,
    };
    r.filter(|r| admin.0.may_manage(r.region, &r.provider_id)).ok_or_else(|| ApiError::NotFound(format!("No request {code} within your scope.")))
}

/// Moves a request on (received → contacted → enrolled or declined → completed or discontinued;
/// a contact back to received, a decline to where it was made, an enrolment to contacted, a closed
/// course to enrolled); withdrawing is the sender's. Every change is
/// kept in the referral's history and audited.
pub async fn set_status(state: &AppState, admin: &Admin, code: &str, change: ReferralStatusChange) -> Result<InboxItem, ApiError> {
    let code = crate::self_referral::normalise_code(code);
    let r = in_scope(state, admin, &code).await?;
    let (before, waitlist_before) = (r.status, r.waitlist);
    let session_before = first_session::current(&r.history, r.status).cloned();
    // The change's entry is written with the change, in one atomic write.
    let changed_entry = |r: &Referral| {
        let mut changes = vec![audit::status_change(before, r.status)];
        if let Some(reason) = r.decline_reason.filter(|_| r.status == ReferralStatus::Declined) {
            changes.push(FieldChange { field: "decline_reason".into(), before: "null".into(), after: format!("\"{}\"", reason.code()) });
        }
        // Onto the waiting list (or off it): "Kontaktet" alone hid it from the log.
        if r.waitlist != waitlist_before {
            changes.push(FieldChange { field: "waitlist".into(), before: waitlist_before.to_string(), after: r.waitlist.to_string() });
        }
        let session_after = first_session::current(&r.history, r.status);
        if session_after != session_before.as_ref() {
            let json = |s: Option<&FirstSession>| serde_json::to_string(&s).unwrap_or_default();
            changes.push(FieldChange { field: "first_session".into(), before: json(session_before.as_ref()), after: json(session_after) });
        }
        vec![audit::entry(&admin.0, r.region, AuditAction::ReferralStatus, &r.receipt_code, changes)]
    };
    let (r, changed) = crate::referral_flow::provider_change(state.referrals.as_ref(), r, change, &handler_name(admin), &changed_entry).await?;
    if !changed {
        // The same step again (a retry): nothing changed, but the request was read.
        state.audit.append_audit(&[audit::entry(&admin.0, r.region, AuditAction::ReferralStatus, &r.receipt_code, vec![])]).await?;
    }
    inbox_item(state, &r).await
}

/// How a request's history names the admin who wrote a note or made a step: their name, or
/// their user id when the sign-in gave no name.
fn handler_name(admin: &Admin) -> String {
    admin.0.name.clone().unwrap_or_else(|| admin.0.subject.clone())
}

/// Adds a handler's note to a request within scope. The audit entry names the request, never
/// the text (the note may hold health data); the note is deleted with the request.
pub async fn add_note(state: &AppState, admin: &Admin, code: &str, note: NewAdminNote) -> Result<InboxItem, ApiError> {
    let errors = note.validate();
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let code = crate::self_referral::normalise_code(code);
    let mut r = in_scope(state, admin, &code).await?;
    let by = handler_name(admin);
    let text = note.text.trim().to_owned();
    if r.notes.iter().any(|n| n.by == by && n.text == text) {
        // The same handler's same text is on it already: a retry (the answer to the first was
        // lost), not a second note.
        return inbox_item(state, &r).await;
    }
    r.notes.push(AdminNote { text, at: now(), by });
    // Audited (without the text) in the same atomic write as the note.
    let entry = audit::entry(&admin.0, r.region, AuditAction::ReferralNote, &r.receipt_code, vec![]);
    if !state.referrals.change_referral(&r, None, &[entry]).await? {
        return Err(crate::referral_flow::changed_meanwhile());
    }
    inbox_item(state, &r).await
}

#[cfg(test)]
mod tests {
    use super::person_matches;

    #[test]
    fn a_person_is_found_as_a_caller_says_their_name_or_code() {
        for typed in ["karen jensen", "JENSEN karen", "holm", "", "4xvc4c33", "4XVC 4C33", "4xvc-4c33"] {
            assert!(person_matches("Karen Holm Jensen", "4XVC-4C33", typed), "{typed}");
        }
        assert!(person_matches("Mehmet Yılmaz", "AAAA-BBBB", "yilmaz"));
        assert!(person_matches("Anne-Marie Berg", "AAAA-BBBB", "anne marie"));
        for typed in ["karen hansen", "4xv", "zzzz"] {
            assert!(!person_matches("Karen Holm Jensen", "4XVC-4C33", typed), "{typed}");
        }
    }
}
