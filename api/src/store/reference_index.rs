//! The half of a FHIR read by id that both store adapters share: which published offer a
//! `Location/{id}`, `Organization/{id}` or (for an offer id that is not a FHIR id)
//! `HealthcareService/{id}` is answered from, found through an index keyed by that id, so that a
//! read costs a few key lookups whatever the size of the region (it read the region's whole
//! catalogue before, and every region's for a place typed into an offer or an unknown id).
//!
//! Every published offer is listed under its place's Location id (an offer with a place) and its
//! provider's Organization id, sorted by `{region}#{offer id}`: the first entry under a region's
//! prefix is that region's first offer by id, which is the offer the resource was always made from
//! (see [`pick`]). The keys are the FHIR ids themselves because a place typed into an offer has no
//! record to look up: its id is a hash of its address, and only an index keyed by the hash finds
//! it. The keys depend on `fhir::location_id` and `fhir::organization_id`: an index written
//! before a change of those functions holds the old ids until the offers are saved again.

use crate::fhir;
use forebyg_shared::offer::Offer;
use forebyg_shared::taxonomy::RegionCode;

/// What a FHIR read by id looks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OfferRef {
    /// A Location id: a location record's id, or the UUID of a place typed into offers.
    Location(String),
    /// An Organization id: the provider's id, or the UUID of one that is not a FHIR id.
    Organization(String),
    /// A HealthcareService id that is not an offer's id: the UUID of an offer id that is not a FHIR
    /// id. Offer ids are checked to be FHIR ids (`validate_offer`), so only an offer stored
    /// without that check (`put_offers`) has one; the link never changes, as an offer's id never does.
    Service(String),
}

/// The published offer a reference names (`None`: none), and how many index items were read to
/// find it: a handful, never the region's offers.
#[derive(Debug, Default)]
pub struct RefRead {
    pub offer: Option<Offer>,
    pub items_read: u32,
    /// DynamoDB read capacity units the read consumed (`None` for the embedded store).
    pub read_units: Option<f64>,
}

impl OfferRef {
    /// The index partition of the reference.
    pub fn partition(&self) -> String {
        match self {
            OfferRef::Location(id) => format!("LOCATION#{id}"),
            OfferRef::Organization(id) => format!("ORGANIZATION#{id}"),
            OfferRef::Service(id) => format!("SERVICE#{id}"),
        }
    }

    /// Whether `offer` is published and has this reference: what an index entry promised, checked
    /// on the offer read.
    pub fn names(&self, offer: &Offer) -> bool {
        offer.is_published()
            && match self {
                OfferRef::Location(id) => fhir::location_id(offer).as_deref() == Some(id.as_str()),
                OfferRef::Organization(id) => fhir::organization_id(&offer.provider) == *id,
                OfferRef::Service(id) => service_alias(offer).as_deref() == Some(id.as_str()),
            }
    }
}

/// The Location and Organization partitions a published offer is listed under; none for an offer
/// that is not published (drafts and archived offers are never served).
pub fn partitions(offer: &Offer) -> (Option<String>, Option<String>) {
    if !offer.is_published() {
        return (None, None);
    }
    let location = fhir::location_id(offer).map(|id| OfferRef::Location(id).partition());
    (location, Some(OfferRef::Organization(fhir::organization_id(&offer.provider)).partition()))
}

/// The HealthcareService id of an offer whose id is not a FHIR id (`None` for every other offer:
/// its HealthcareService id is its id, read directly).
pub fn service_alias(offer: &Offer) -> Option<String> {
    (!fhir::is_fhir_id(&offer.id)).then(|| fhir::resource_id("service", &offer.id))
}

/// An entry's sort key within its partition.
pub fn sort_key(offer: &Offer) -> String {
    format!("{}{}", region_prefix(offer.region), offer.id)
}

/// The sort key prefix of a region's entries.
pub fn region_prefix(region: RegionCode) -> String {
    format!("{}#", region.code())
}

/// The regions to read, in rounds: `prefer` alone first (its first offer is the answer if it has
/// one), then every other region at once; all at once when no region is preferred.
pub fn rounds(prefer: Option<RegionCode>) -> Vec<Vec<RegionCode>> {
    let others: Vec<RegionCode> = RegionCode::ALL.iter().copied().filter(|r| Some(*r) != prefer).collect();
    prefer.map(|r| vec![r]).into_iter().chain([others]).collect()
}

/// The offer a read answers with, of the first offer of each region read in one round: the
/// first by id. With [`rounds`] this is what the read did when it loaded the catalogue: the first
/// published offer by id in the record's region, else in every region.
pub fn pick(firsts: impl IntoIterator<Item = Offer>) -> Option<Offer> {
    firsts.into_iter().min_by(|a, b| a.id.cmp(&b.id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preferred_region_is_read_alone_and_first() {
        let others: Vec<RegionCode> = RegionCode::ALL.iter().copied().filter(|r| *r != RegionCode::Syddanmark).collect();
        assert_eq!(rounds(Some(RegionCode::Syddanmark)), vec![vec![RegionCode::Syddanmark], others]);
        assert_eq!(rounds(None), vec![RegionCode::ALL.to_vec()]);
    }

    #[test]
    fn keys_keep_references_apart_and_regions_in_id_order() {
        assert_ne!(OfferRef::Location("x".into()).partition(), OfferRef::Organization("x".into()).partition());
        assert_ne!(OfferRef::Location("x".into()).partition(), OfferRef::Service("x".into()).partition());
        // No region's prefix is a prefix of another's, so a region's entries are one key range.
        for a in RegionCode::ALL {
            for b in RegionCode::ALL.iter().filter(|b| *b != a) {
                assert!(!region_prefix(*b).starts_with(&region_prefix(*a)));
            }
        }
    }
}
