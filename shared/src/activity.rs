//! Local associations and their activities: where people carry on after a course (patient
//! associations' exercise teams, sports clubs' health teams). Offers link to activities by id;
//! one activity can be linked from several offers.

use crate::auth::{Principal, Role};
use crate::directory::RecordStatus;
use crate::geo::GeoPoint;
use crate::offer::{Contact, Cost, Location, TimeSlot};
use crate::problem::Problem;
use crate::taxonomy::{Condition, RegionCode};
use serde::{Deserialize, Serialize};

code_enum! {
    /// How hard an activity is, so people can pick one they can manage.
    Intensity {
        Light = "light", "Let", "Light";
        Moderate = "moderate", "Moderat", "Moderate";
        Vigorous = "vigorous", "Hård", "Vigorous";
    }
}

/// A local association (forening) that runs activities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AssociationRecord {
    /// Empty on create: the server makes one from the name.
    #[serde(default)]
    pub id: String,
    pub name: String,
    /// The national umbrella organisation, e.g. Hjerteforeningen, DGI.
    pub umbrella: Option<String>,
    /// Danish company number (8 digits, modulus-11 check), if it has one.
    pub cvr: Option<String>,
    /// The region whose admins manage it; fixed once created.
    pub region: RegionCode,
    pub contact: Contact,
    pub status: RecordStatus,
    #[serde(default)]
    pub version: u64,
}

/// When an activity meets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivitySchedule {
    pub slots: Vec<TimeSlot>,
    /// E.g. "Ikke i skolernes ferier".
    pub note: Option<String>,
}

/// Something an association runs that people can join after a course.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivityRecord {
    /// Empty on create: the server makes one from the name.
    #[serde(default)]
    pub id: String,
    pub association_id: String,
    /// The region of the association (and whose admins manage it); fixed once created.
    pub region: RegionCode,
    pub name: String,
    /// What it is, in a few sentences.
    pub description: String,
    /// The conditions it suits.
    pub conditions: Vec<Condition>,
    pub intensity: Intensity,
    pub schedule: ActivitySchedule,
    /// The location record `place` is a copy of, if it was picked from the list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_id: Option<String>,
    pub place: Location,
    /// Membership or fee in whole kroner, with a note (per month, per season).
    pub price: Cost,
    /// A subsidy that lowers the price (municipality, association), if any.
    pub subsidy: Option<String>,
    /// Whether one can try it once for free.
    pub free_trial: bool,
    pub contact: Contact,
    pub accessibility: Option<String>,
    /// Date (YYYY-MM-DD) someone last confirmed the activity is as described.
    pub last_verified: String,
    /// The provider whose editors keep this activity true (besides the region admins), if any.
    /// Set by region admins only; a link from an offer never makes a provider the steward.
    /// Records stored before the field existed have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steward_provider_id: Option<String>,
    pub status: RecordStatus,
    #[serde(default)]
    pub version: u64,
}

impl ActivityRecord {
    pub fn point(&self) -> GeoPoint {
        self.place.point
    }

    pub fn is_active(&self) -> bool {
        self.status == RecordStatus::Active
    }

    /// Whether `p` may change the activity: its region's administrators, national ones, and the
    /// editors of the provider a region administrator made its steward. A link from an editor's
    /// offer (which they add at will) never hands them the activity.
    pub fn may_be_changed_by(&self, p: &Principal) -> bool {
        match p.role {
            Role::NationalAdmin => true,
            Role::RegionAdmin => p.region == Some(self.region),
            Role::ProviderEditor => p.region == Some(self.region) && p.provider_id.is_some() && self.steward_provider_id == p.provider_id,
            Role::Clinician => false,
        }
    }
}

/// An activity as the public sees it: with its association and, near a place, its distance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivityView {
    pub activity: ActivityRecord,
    pub association_name: String,
    pub umbrella: Option<String>,
    /// Kilometres from the searched place, to 100 m (`None` without a place).
    pub distance_km: Option<f64>,
}

/// `GET /api/v1/activities` response: active activities nearest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivitySearchResponse {
    pub origin: crate::search::SearchOrigin,
    pub radius_km: f64,
    pub results: Vec<ActivityView>,
    /// With no results: the first wider radius (50, 100, 200 or 300 km) holding one, how many it
    /// holds and how far the nearest is. Absent with results, or when none lies within 300 km (a
    /// wider search would find nothing either: a walk's citizen widened twice for nothing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wider: Option<crate::search::WiderSearch>,
}

/// 409 body of a stale association edit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaleAssociation {
    #[serde(flatten)]
    pub problem: Problem,
    pub current: AssociationRecord,
}

/// 409 body of a stale activity edit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaleActivity {
    #[serde(flatten)]
    pub problem: Problem,
    pub current: ActivityRecord,
}

/// Whether `cvr` is a well-formed Danish CVR number: 8 digits, not starting with 0, whose
/// weighted sum (2, 7, 6, 5, 4, 3, 2, 1) is divisible by 11.
pub fn is_valid_cvr(cvr: &str) -> bool {
    const WEIGHTS: [u32; 8] = [2, 7, 6, 5, 4, 3, 2, 1];
    let digits: Vec<u32> = cvr.chars().filter_map(|c| c.to_digit(10)).collect();
    cvr.len() == 8 && digits.len() == 8 && digits[0] != 0 && digits.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum::<u32>() % 11 == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cvr_modulus_11() {
        assert!(is_valid_cvr("61126228"));
        assert!(!is_valid_cvr("61126229"), "check digit wrong");
        assert!(!is_valid_cvr("6112622") && !is_valid_cvr("611262280") && !is_valid_cvr("6112 628") && !is_valid_cvr("0000000 "));
        assert!(!is_valid_cvr("00000000"), "no leading zero");
    }

    #[test]
    fn only_the_regions_admins_and_the_stewards_editors_change_an_activity() {
        let mut a = crate::activity_validation::tests::activity();
        a.region = RegionCode::Midtjylland;
        a.steward_provider_id = Some("aarhus".into());
        let who = |role: Role, region: Option<RegionCode>, provider: Option<&str>| Principal {
            subject: "s".into(),
            name: None,
            role,
            region,
            provider_id: provider.map(str::to_owned),
            organisation: None,
        };
        let mid = Some(RegionCode::Midtjylland);
        assert!(a.may_be_changed_by(&who(Role::NationalAdmin, None, None)));
        assert!(a.may_be_changed_by(&who(Role::RegionAdmin, mid, None)));
        assert!(!a.may_be_changed_by(&who(Role::RegionAdmin, Some(RegionCode::Nordjylland), None)));
        assert!(a.may_be_changed_by(&who(Role::ProviderEditor, mid, Some("aarhus"))));
        assert!(!a.may_be_changed_by(&who(Role::ProviderEditor, mid, Some("silkeborg"))), "another provider's editor");
        assert!(!a.may_be_changed_by(&who(Role::ProviderEditor, Some(RegionCode::Syddanmark), Some("aarhus"))), "another region");
        assert!(!a.may_be_changed_by(&who(Role::Clinician, mid, None)));
        a.steward_provider_id = None;
        assert!(!a.may_be_changed_by(&who(Role::ProviderEditor, mid, None)), "no steward is nobody's");
    }

    #[test]
    fn an_activity_stored_before_stewards_decodes_without_one() {
        let a = crate::activity_validation::tests::activity();
        let mut old = serde_json::to_value(&a).unwrap();
        assert!(old.get("steward_provider_id").is_none(), "none is not written");
        old.as_object_mut().unwrap().remove("steward_provider_id");
        assert_eq!(serde_json::from_value::<ActivityRecord>(old).unwrap().steward_provider_id, None);
    }
}
