//! The provider and location records the demo offers reference.

use forebyg_shared::directory::{LocationRecord, ProviderRecord, RecordStatus};
use forebyg_shared::offer::{Contact, Offer};

/// The provider and location records `offers(count)` reference: every provider once, and one
/// location per offer with a place (each demo offer has its own point).
pub fn directory(offers: &[Offer]) -> (Vec<ProviderRecord>, Vec<LocationRecord>) {
    let mut providers: Vec<ProviderRecord> = vec![];
    let mut seen = std::collections::HashSet::new();
    let mut locations = vec![];
    for o in offers {
        if seen.insert(o.provider.id.clone()) {
            let code = o.provider.id.rsplit('-').next().unwrap_or_default();
            providers.push(ProviderRecord {
                id: o.provider.id.clone(),
                name: o.provider.name.clone(),
                kind: o.provider.kind,
                region: o.region,
                contact: Contact { name: None, phone: None, email: Some(format!("forebyggelse@{code}.demo.invalid")), url: None },
                status: RecordStatus::Active,
                version: 1,
            });
        }
        if let (Some(l), Some(id)) = (&o.location, &o.location_id) {
            locations.push(LocationRecord {
                id: id.clone(),
                provider_id: o.provider.id.clone(),
                region: o.region,
                name: l.name.clone(),
                address: l.address.clone(),
                postcode: l.postcode.clone(),
                city: l.city.clone(),
                municipality_code: l.municipality_code.clone(),
                point: l.point,
                step_free_access: o.accessibility.clone(),
                status: RecordStatus::Active,
                version: 1,
            });
        }
    }
    providers.sort_by(|a, b| a.id.cmp(&b.id));
    (providers, locations)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::offers;
    use forebyg_shared::taxonomy::ProviderKind;

    #[test]
    fn directory_records_are_valid_and_match_the_offers() {
        use forebyg_shared::directory_validation::{validate_location, validate_provider};
        let all = offers(600);
        let (providers, locations) = directory(&all);
        assert!(providers.len() > 90 && providers.iter().any(|p| p.kind == ProviderKind::Region));
        for p in &providers {
            assert_eq!(validate_provider(p), vec![], "{}", p.id);
        }
        for l in &locations {
            assert_eq!(validate_location(l), vec![], "{}", l.id);
        }
        for o in &all {
            let p = providers.iter().find(|p| p.id == o.provider.id).unwrap();
            assert_eq!((p.embedded(), p.region), (o.provider.clone(), o.region));
            match &o.location_id {
                Some(id) => assert_eq!(Some(locations.iter().find(|l| &l.id == id).unwrap().embedded()), o.location),
                None => assert!(o.location.is_none()),
            }
        }
    }
}
