//! Listings: create, edit, publish, unpublish, archive and re-verify offers within the admin's
//! scope. Every save names the version it started from; a stale one is refused with the current
//! offer (409), never silently overwritten. Every change is audited. The provider and location
//! are copied from their records (see [`super::directory`]).

use super::audit;
use crate::auth::Admin;
use crate::error::ApiError;
use crate::store::Saved;
use crate::AppState;
use forebyg_shared::admin::{AdminOfferRow, AuditAction, Reverify, StatusChange};
use forebyg_shared::date::copenhagen_date;
use forebyg_shared::offer::Offer;
use forebyg_shared::offer_validation::validate_offer_save;

/// Today in Denmark (YYYY-MM-DD).
pub(crate) fn today() -> String {
    copenhagen_date(crate::self_referral::now())
}

/// The admin's listings, newest region first; `stale_only` keeps those not verified for ~6 months.
pub async fn list(state: &AppState, admin: &Admin, stale_only: bool) -> Result<Vec<AdminOfferRow>, ApiError> {
    let today = today();
    let mut rows = vec![];
    for region in admin.0.regions() {
        for o in state.store.region_offers(region).await? {
            if admin.0.may_manage(o.region, &o.provider.id) {
                rows.push(AdminOfferRow::new(&o, &today));
            }
        }
    }
    rows.retain(|r| !stale_only || r.stale);
    Ok(rows)
}

/// One offer in any status: 404 if absent, 403 if outside the admin's scope.
pub async fn get(state: &AppState, admin: &Admin, id: &str) -> Result<Offer, ApiError> {
    let offer = state.store.get_offer(id).await?.ok_or_else(|| ApiError::NotFound(format!("No offer with id {id}.")))?;
    admin.require(offer.region, &offer.provider.id)?;
    Ok(offer)
}

/// A URL-safe id from the title plus randomness: `holdtraening-for-kol-3f9a1c`.
pub(crate) fn new_id(title: &str) -> String {
    let mut slug = String::new();
    for c in title.to_lowercase().chars() {
        match c {
            'a'..='z' | '0'..='9' => slug.push(c),
            'æ' => slug.push_str("ae"),
            'ø' => slug.push_str("oe"),
            'å' => slug.push_str("aa"),
            _ if !slug.ends_with('-') && !slug.is_empty() => slug.push('-'),
            _ => {}
        }
    }
    let slug: String = slug.trim_end_matches('-').chars().take(40).collect();
    let mut random = [0u8; 3];
    let _ = getrandom::fill(&mut random);
    format!("{}-{}", slug.trim_end_matches('-'), random.iter().map(|b| format!("{b:02x}")).collect::<String>())
}

/// The offer's problems as of today (a `last_verified` after today among them) when saved over
/// `before` (`None`: new, or shown to the public anew): 422 if any.
fn validated(offer: &Offer, before: Option<&Offer>) -> Result<(), ApiError> {
    let errors = validate_offer_save(offer, before, &today());
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Validation(errors))
    }
}

/// Saves `next` over `expected` version, auditing the changes; a stale version is a 409 with
/// the current offer.
async fn save(state: &AppState, admin: &Admin, before: Option<&Offer>, next: Offer, action: AuditAction) -> Result<Offer, ApiError> {
    match state.store.save_offer(&next, before.map(|b| b.version)).await? {
        Saved::Saved => {
            let changes = audit::diff(before, &next);
            state.audit.append_audit(&[audit::entry(&admin.0, next.region, action, &next.id, changes)]).await?;
            Ok(next)
        }
        Saved::Conflict(Some(current)) => Err(ApiError::Stale(current)),
        Saved::Conflict(None) => Err(ApiError::NotFound(format!("No offer with id {}.", next.id))),
    }
}

pub async fn create(state: &AppState, admin: &Admin, mut offer: Offer) -> Result<Offer, ApiError> {
    offer.id = new_id(&offer.title);
    offer.version = 1;
    offer.demo = false;
    super::directory::link_offer(state, &mut offer).await?;
    validated(&offer, None)?;
    admin.require(offer.region, &offer.provider.id)?;
    save(state, admin, None, offer, AuditAction::OfferCreated).await
}

/// An edit of the whole offer, made from `offer.version`.
pub async fn update(state: &AppState, admin: &Admin, id: &str, mut offer: Offer) -> Result<Offer, ApiError> {
    let current = get(state, admin, id).await?;
    offer.id = current.id.clone();
    offer.demo = current.demo;
    super::directory::link_offer(state, &mut offer).await?;
    validated(&offer, Some(&current))?;
    // Moving a listing out of one's own scope is not allowed either.
    admin.require(offer.region, &offer.provider.id)?;
    if offer.version != current.version {
        return Err(ApiError::Stale(Box::new(current)));
    }
    // A save that changes nothing writes nothing: no new version for others to conflict with,
    // and no empty "changed" entry in the log.
    if audit::diff(Some(&current), &offer).is_empty() {
        return Ok(current);
    }
    let mut before = current;
    before.version = offer.version;
    offer.version += 1;
    save(state, admin, Some(&before), offer, AuditAction::OfferUpdated).await
}

/// Applies `change` to the offer as of `version` (the one the admin saw) and saves it.
async fn change_from(
    state: &AppState,
    admin: &Admin,
    id: &str,
    version: u64,
    action: AuditAction,
    change: impl FnOnce(&mut Offer),
) -> Result<Offer, ApiError> {
    let current = get(state, admin, id).await?;
    if version != current.version {
        return Err(ApiError::Stale(Box::new(current)));
    }
    let mut next = current.clone();
    change(&mut next);
    // Publishing runs the record checks of a save: a draft whose provider, location or activity
    // was archived meanwhile is not published (422 on that field).
    if next.is_published() && !current.is_published() {
        super::directory::link_offer(state, &mut next).await?;
        validated(&next, None)?;
    }
    next.version += 1;
    save(state, admin, Some(&current), next, action).await
}

pub async fn set_status(state: &AppState, admin: &Admin, id: &str, req: StatusChange) -> Result<Offer, ApiError> {
    change_from(state, admin, id, req.version, AuditAction::OfferStatus, |o| o.status = req.status).await
}

pub async fn reverify(state: &AppState, admin: &Admin, id: &str, req: Reverify) -> Result<Offer, ApiError> {
    change_from(state, admin, id, req.version, AuditAction::OfferVerified, |o| o.last_verified = today()).await
}

#[cfg(test)]
mod tests {
    use forebyg_shared::offer::Offer;

    #[test]
    fn ids_are_url_safe_slugs() {
        let id = super::new_id("Holdtræning for dig med KOL – Østerbro!");
        let (slug, rand) = id.rsplit_once('-').unwrap();
        assert_eq!(slug, "holdtraening-for-dig-med-kol-oesterbro");
        assert_eq!(rand.len(), 6);
        let mut offer: Offer = serde_json::from_str(include_str!("../../../shared/tests/offer_fixture.json")).unwrap();
        offer.id = id;
        assert_eq!(forebyg_shared::offer_validation::validate_offer(&offer), vec![]);
    }
}
