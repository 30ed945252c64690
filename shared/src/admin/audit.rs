//! The audit log's contract: what an entry records, who did it, what changed, and what kind of
//! record it is about (for the log's links).

use crate::auth::Role;
use crate::taxonomy::RegionCode;
use serde::{Deserialize, Serialize};

code_enum! {
    /// What an audit entry records.
    AuditAction {
        OfferCreated = "offer-created", "Tilbud oprettet", "Offer created";
        OfferUpdated = "offer-updated", "Tilbud ændret", "Offer changed";
        OfferStatus = "offer-status", "Status ændret", "Status changed";
        OfferVerified = "offer-verified", "Tilbud bekræftet", "Offer verified";
        ReferralRead = "referral-read", "Henvendelse læst", "Request read";
        ReferralStatus = "referral-status", "Henvendelse behandlet", "Request status changed";
        ReferralNote = "referral-note", "Note tilføjet", "Note added";
        ReferralCreated = "referral-created", "Henvisning sendt", "Referral sent";
        ReportResolved = "report-resolved", "Fejlrapport afsluttet", "Report resolved";
        ProviderCreated = "provider-created", "Udbyder oprettet", "Provider created";
        ProviderUpdated = "provider-updated", "Udbyder ændret", "Provider changed";
        ProviderStatus = "provider-status", "Udbyders status ændret", "Provider status changed";
        LocationCreated = "location-created", "Sted oprettet", "Location created";
        LocationUpdated = "location-updated", "Sted ændret", "Location changed";
        LocationStatus = "location-status", "Steds status ændret", "Location status changed";
        PackageCreated = "package-created", "Kronikerpakke oprettet", "Package created";
        PackageUpdated = "package-updated", "Kronikerpakke ændret", "Package changed";
        AssociationCreated = "association-created", "Forening oprettet", "Association created";
        AssociationUpdated = "association-updated", "Forening ændret", "Association changed";
        AssociationStatus = "association-status", "Forenings status ændret", "Association status changed";
        ActivityCreated = "activity-created", "Aktivitet oprettet", "Activity created";
        ActivityUpdated = "activity-updated", "Aktivitet ændret", "Activity changed";
        ActivityStatus = "activity-status", "Aktivitets status ændret", "Activity status changed";
    }
}

/// One changed field: its JSON before and after.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldChange {
    pub field: String,
    /// JSON text; `null` when the field was added.
    pub before: String,
    pub after: String,
}

/// An append-only record of who did what, and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    pub id: String,
    /// Unix seconds.
    pub at: i64,
    pub region: RegionCode,
    /// The admin's subject (user id) and role.
    pub actor: String,
    /// The admin's name when the identity provider gave one (entries from before it was kept have none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor_name: Option<String>,
    pub actor_role: Role,
    pub action: AuditAction,
    /// Offer, provider or location id, report id, or the receipt codes read or changed
    /// (space-separated: one entry per view of the inbox).
    pub target: String,
    /// The target's current title (offers, providers, locations), looked up when the log is read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_title: Option<String>,
    pub changes: Vec<FieldChange>,
}

impl AuditAction {
    /// What kind of record the entry's target is, for links from the log.
    pub fn target_kind(self) -> AuditTarget {
        use AuditAction::*;
        match self {
            OfferCreated | OfferUpdated | OfferStatus | OfferVerified => AuditTarget::Offer,
            ProviderCreated | ProviderUpdated | ProviderStatus => AuditTarget::Provider,
            LocationCreated | LocationUpdated | LocationStatus => AuditTarget::Location,
            ReferralRead | ReferralStatus | ReferralNote | ReferralCreated => AuditTarget::Referrals,
            ReportResolved => AuditTarget::Report,
            PackageCreated | PackageUpdated => AuditTarget::Package,
            AssociationCreated | AssociationUpdated | AssociationStatus => AuditTarget::Association,
            ActivityCreated | ActivityUpdated | ActivityStatus => AuditTarget::Activity,
        }
    }
}

/// The kind of record an audit entry is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AuditTarget {
    Offer,
    Provider,
    Location,
    Referrals,
    Report,
    Package,
    Association,
    Activity,
}
