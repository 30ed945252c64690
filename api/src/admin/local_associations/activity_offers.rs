//! The offers on an activity's page, and linking or unlinking one from there: the same change as
//! ticking the activity in the offer's editor (checked, versioned and audited as an offer edit),
//! without opening the offer. Only offers the admin may change are listed or changed.

use super::activities;
use crate::admin::listings;
use crate::admin::listings::today;
use crate::auth::Admin;
use crate::error::ApiError;
use crate::AppState;
use forebyg_shared::admin::{activity_offer_rows, ActivityOfferLink, ActivityOfferRow};
use forebyg_shared::validation::{ErrorCode, FieldError};

/// The offers of the activity's region the admin may change that link to it, then suggestions
/// (see [`activity_offer_rows`]). 404 / 403 as reading the activity.
pub async fn list(state: &AppState, admin: &Admin, id: &str) -> Result<Vec<ActivityOfferRow>, ApiError> {
    let a = activities::get(state, admin, id).await?;
    let offers = state.store.region_offers(a.region).await?;
    Ok(activity_offer_rows(&a, offers.iter().filter(|o| admin.0.may_manage(o.region, &o.provider.id)), &today()))
}

/// Links the offer to the activity or unlinks it. Already so: the offer as it is, unchanged (no
/// version check). Otherwise from `version` (409 with the current offer when stale), through
/// the offer's own save: its checks, its audit entry.
pub async fn set_link(state: &AppState, admin: &Admin, id: &str, change: ActivityOfferLink) -> Result<ActivityOfferRow, ApiError> {
    let a = activities::get(state, admin, id).await?;
    let offer = listings::get(state, admin, &change.offer_id).await?;
    if offer.region != a.region {
        return Err(FieldError::new(
            "offer_id",
            ErrorCode::OutOfRange,
            "Tilbuddet hører til en anden region end aktiviteten.",
            "The offer belongs to another region than the activity.",
        )
        .into());
    }
    if offer.activity_ids.contains(&a.id) == change.linked {
        return Ok(ActivityOfferRow::new(&a, &offer, &today()));
    }
    if change.linked && !a.is_active() {
        return Err(FieldError::new(
            "linked",
            ErrorCode::Invalid,
            "Aktiviteten er arkiveret: gendan den, før et tilbud henviser til den.",
            "The activity is archived: restore it before an offer links to it.",
        )
        .into());
    }
    let mut next = offer.clone();
    next.version = change.version;
    if change.linked {
        next.activity_ids.push(a.id.clone());
    } else {
        next.activity_ids.retain(|x| *x != a.id);
    }
    let saved = listings::update(state, admin, &offer.id, next).await.map_err(|e| match e {
        // The offer fails a check of its own (its provider archived, a start date passed): the
        // link waits until it is mended in its editor.
        ApiError::Validation(errors) => {
            let (da, en): (Vec<_>, Vec<_>) = errors.iter().map(|e| (e.message.da.as_str(), e.message.en.as_str())).unzip();
            ApiError::Validation(vec![FieldError::new(
                "offer_id",
                ErrorCode::Invalid,
                format!("Tilbuddet kan ikke gemmes, som det står: ret det i tilbuddet først. {}", da.join(" ")),
                format!("The offer cannot be saved as it is: correct it in the offer first. {}", en.join(" ")),
            )])
        }
        other => other,
    })?;
    Ok(ActivityOfferRow::new(&a, &saved, &today()))
}
