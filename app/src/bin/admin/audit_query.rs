//! The audit log page's filters (kind, who, from/to day) in its address, the API call they make,
//! and the page an entry's target links to (its changes read through `audit_text`). Pure logic,
//! tested natively.

use forebyg_app::query::{address, encode, query_string};
use forebyg_shared::admin::{AuditAction, AuditTarget};
use forebyg_shared::date::days_from_iso;
use forebyg_shared::taxonomy::RegionCode;

pub const PATH: &str = "/admin/log";

#[derive(Debug, Clone, PartialEq, Default)]
pub struct AuditFilter {
    pub action: Option<AuditAction>,
    /// User id or part of the name.
    pub actor: String,
    /// Days (YYYY-MM-DD), both included; read as UTC days.
    pub from: String,
    pub to: String,
    /// A national admin's choice of region.
    pub region: Option<RegionCode>,
}

impl AuditFilter {
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        Self {
            action: get("handling").and_then(|a| AuditAction::from_code(&a)),
            actor: get("hvem").unwrap_or_default(),
            from: get("fra").unwrap_or_default(),
            to: get("til").unwrap_or_default(),
            region: get("region").and_then(|r| RegionCode::from_code(&r)),
        }
    }

    pub fn href(&self) -> String {
        let pairs = [
            ("handling", self.action.map(|a| a.code()).unwrap_or_default().to_owned()),
            ("hvem", self.actor.clone()),
            ("fra", self.from.clone()),
            ("til", self.to.clone()),
            ("region", self.region.map(|r| r.code()).unwrap_or_default().to_owned()),
        ];
        address(PATH, &pairs)
    }

    /// `GET /api/v1/admin/audit`; a national admin names a region (the chosen one, else
    /// Midtjylland). An unreadable day is left out (the date input gives YYYY-MM-DD).
    pub fn api_url(&self, national: bool) -> String {
        let mut pairs = vec![];
        if national {
            pairs.push(("region", self.region.unwrap_or(RegionCode::Midtjylland).code().to_owned()));
        }
        pairs.extend(self.action.map(|a| ("action", a.code().to_owned())));
        if !self.actor.trim().is_empty() {
            pairs.push(("actor", self.actor.trim().to_owned()));
        }
        pairs.extend(days_from_iso(self.from.trim()).map(|d| ("since", (d * 86_400).to_string())));
        pairs.extend(days_from_iso(self.to.trim()).map(|d| ("until", ((d + 1) * 86_400).to_string())));
        format!("/api/v1/admin/audit?{}", query_string(&pairs))
    }
}

/// The admin page of an entry's target, when it has one.
pub fn target_href(action: AuditAction, target: &str) -> Option<String> {
    let page = match action.target_kind() {
        AuditTarget::Offer => "tilbud",
        AuditTarget::Provider => "udbydere",
        AuditTarget::Location => "steder",
        AuditTarget::Package => "pakker",
        AuditTarget::Association => "foreninger",
        AuditTarget::Activity => "aktiviteter",
        AuditTarget::Report => return Some("/admin/fejlrapporter".into()),
        AuditTarget::Referrals => return None,
    };
    Some(format!("/admin/{page}/{}", encode(target)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_round_trip_and_days_become_times() {
        let pairs = [("handling", "offer-updated"), ("hvem", "Anne"), ("fra", "2026-11-30"), ("til", "2026-11-30")];
        let f = AuditFilter::from_query(|k| pairs.iter().find(|(key, _)| *key == k).map(|(_, v)| v.to_string()));
        assert_eq!(f.href(), "/admin/log?handling=offer-updated&hvem=Anne&fra=2026-11-30&til=2026-11-30");
        let day = days_from_iso("2026-11-30").unwrap() * 86_400;
        assert_eq!(f.api_url(false), format!("/api/v1/admin/audit?action=offer-updated&actor=Anne&since={day}&until={}", day + 86_400));
        assert_eq!(AuditFilter::default().api_url(true), "/api/v1/admin/audit?region=midtjylland");
        assert_eq!(AuditFilter::default().href(), PATH);
    }

    #[test]
    fn targets_link_to_their_pages() {
        assert_eq!(target_href(AuditAction::OfferUpdated, "demo-1").as_deref(), Some("/admin/tilbud/demo-1"));
        assert_eq!(target_href(AuditAction::ReferralRead, "AB12 CD34"), None);
    }
}
