//! Who an admin is and what they may touch. The server enforces it on every admin request; the
//! UI uses the same rules only to hide what a role cannot do.

use crate::taxonomy::RegionCode;
use serde::{Deserialize, Serialize};

code_enum! {
    /// Roles, as Cognito groups: three admin roles, and the clinician (who refers patients and
    /// never reaches the admin routes).
    Role {
        NationalAdmin = "national-admin", "National administrator", "National administrator";
        RegionAdmin = "region-admin", "Regional administrator", "Regional administrator";
        ProviderEditor = "provider-editor", "Redaktør hos udbyder", "Provider editor";
        Clinician = "clinician", "Kliniker (henviser)", "Clinician (referrer)";
    }
}

impl Role {
    /// One of the admin roles (the admin routes refuse every other).
    pub fn is_admin(self) -> bool {
        !matches!(self, Role::Clinician)
    }
}

/// The development issuer's authorize page, in the admin app of a local build only: the API's
/// development sign-in names it as its `authorize_url`, the app lets it through without a session
/// (its router's `path!` spells it as a literal).
pub const DEV_AUTHORIZE_PATH: &str = "/admin/dev-login";

/// A signed-in user and their scope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Principal {
    /// The identity provider's stable user id (`sub`).
    pub subject: String,
    pub name: Option<String>,
    pub role: Role,
    /// The region a region admin or provider editor works in.
    pub region: Option<RegionCode>,
    /// The provider a provider editor works for.
    pub provider_id: Option<String>,
    /// A clinician's organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<crate::clinician::Organisation>,
}

impl Principal {
    /// May this admin see and change listings (and the requests to join them) of `provider_id`
    /// in `region`?
    pub fn may_manage(&self, region: RegionCode, provider_id: &str) -> bool {
        match self.role {
            Role::NationalAdmin => true,
            Role::RegionAdmin => self.region == Some(region),
            Role::ProviderEditor => self.region == Some(region) && self.provider_id.as_deref() == Some(provider_id),
            Role::Clinician => false,
        }
    }

    /// The regions whose listings this admin may list (all four for a national admin).
    pub fn regions(&self) -> Vec<RegionCode> {
        match (self.role, self.region) {
            (Role::NationalAdmin, _) => RegionCode::ALL.to_vec(),
            (Role::Clinician, _) => vec![],
            (_, Some(r)) => vec![r],
            (_, None) => vec![],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(role: Role, region: Option<RegionCode>, provider: Option<&str>) -> Principal {
        Principal { subject: "s".into(), name: None, role, region, provider_id: provider.map(Into::into), organisation: None }
    }

    #[test]
    fn scopes() {
        use RegionCode::*;
        assert!(p(Role::NationalAdmin, None, None).may_manage(Syddanmark, "x"));
        let region = p(Role::RegionAdmin, Some(Midtjylland), None);
        assert!(region.may_manage(Midtjylland, "any") && !region.may_manage(Syddanmark, "any"));
        let editor = p(Role::ProviderEditor, Some(Midtjylland), Some("aarhus"));
        assert!(
            editor.may_manage(Midtjylland, "aarhus") && !editor.may_manage(Midtjylland, "silkeborg") && !editor.may_manage(Nordjylland, "aarhus")
        );
        assert_eq!(p(Role::NationalAdmin, None, None).regions().len(), 4);
        assert_eq!(editor.regions(), vec![Midtjylland]);
        let clinician = p(Role::Clinician, Some(Midtjylland), Some("aarhus"));
        assert!(!clinician.may_manage(Midtjylland, "aarhus") && clinician.regions().is_empty() && !Role::Clinician.is_admin());
    }
}
