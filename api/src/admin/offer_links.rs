//! The package components and activities an offer names, checked against their records on every
//! save (the admin form and the CSV import): a package or component that does not exist, or an
//! activity that does not exist, is archived or belongs to another region than the offer, is a
//! 422 on that field.

use crate::error::ApiError;
use crate::AppState;
use forebyg_shared::activity::ActivityRecord;
use forebyg_shared::offer::Offer;
use forebyg_shared::package::PackageRecord;
use forebyg_shared::package_validation::validate_deliveries;
use forebyg_shared::validation::{ErrorCode, FieldError};
use std::collections::HashMap;

/// The records the offers being saved name.
#[derive(Default)]
pub struct OfferLinks {
    packages: Vec<PackageRecord>,
    activities: HashMap<String, Option<ActivityRecord>>,
}

impl OfferLinks {
    /// Reads the packages (once, if any offer names one) and each activity named.
    pub async fn load<'a>(state: &AppState, offers: impl Iterator<Item = &'a Offer>) -> Result<Self, ApiError> {
        let mut links = OfferLinks::default();
        let mut packages_read = false;
        for o in offers {
            if !o.packages.is_empty() && !packages_read {
                links.packages = state.directory.packages().await?;
                packages_read = true;
            }
            for id in &o.activity_ids {
                if !links.activities.contains_key(id) {
                    links.activities.insert(id.clone(), state.directory.get_activity(id).await?);
                }
            }
        }
        Ok(links)
    }

    /// The problems of one offer's `packages` and `activity_ids`.
    pub fn check(&self, o: &Offer) -> Vec<FieldError> {
        let mut errors = validate_deliveries(&o.packages, o.category, &self.packages);
        for (i, id) in o.activity_ids.iter().enumerate() {
            let field = format!("activity_ids[{i}]");
            match self.activities.get(id).cloned().flatten() {
                None => {
                    errors.push(FieldError::new(&field, ErrorCode::Unknown, "Vælg en aktivitet fra listen.", "Choose an activity from the list."))
                }
                Some(a) if !a.is_active() => {
                    errors.push(FieldError::new(&field, ErrorCode::Invalid, "Aktiviteten er arkiveret.", "The activity is archived."))
                }
                Some(a) if a.region != o.region => errors.push(FieldError::new(
                    &field,
                    ErrorCode::OutOfRange,
                    "Aktiviteten hører til en anden region. Vælg en aktivitet i tilbuddets region.",
                    "The activity belongs to another region. Choose an activity in the offer's region.",
                )),
                Some(_) if o.activity_ids[..i].contains(id) => {
                    errors.push(FieldError::new(&field, ErrorCode::Invalid, "Står der allerede.", "Listed twice."))
                }
                Some(_) => {}
            }
        }
        errors
    }
}
