//! Providers and locations as records of their own (and, beside them, the other managed
//! records: packages, associations, activities). Offers keep embedded copies (so search stays
//! one read per offer) and reference the records by `provider.id` and `location_id`; a change to
//! a record is written to every offer that references it.

use crate::activity::{ActivityRecord, AssociationRecord};
use crate::geo::GeoPoint;
use crate::offer::{Contact, Location, Provider};
use crate::package::PackageRecord;
use crate::problem::Problem;
use crate::taxonomy::{ProviderKind, RegionCode};
use serde::{Deserialize, Serialize};

code_enum! {
    /// Whether a provider or location can be chosen for offers.
    RecordStatus {
        Active = "active", "Aktiv", "Active";
        Archived = "archived", "Arkiveret", "Archived";
    }
}

/// The organisation running offers (often a municipality on the region's behalf).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProviderRecord {
    /// Empty on create: the server makes one from the name.
    #[serde(default)]
    pub id: String,
    pub name: String,
    pub kind: ProviderKind,
    /// The region whose offers the provider runs; fixed once created.
    pub region: RegionCode,
    pub contact: Contact,
    pub status: RecordStatus,
    /// Optimistic-concurrency version, incremented on every change.
    #[serde(default)]
    pub version: u64,
}

impl ProviderRecord {
    /// The copy an offer embeds.
    pub fn embedded(&self) -> Provider {
        Provider { id: self.id.clone(), name: self.name.clone(), kind: self.kind }
    }
}

/// A physical place where a provider runs offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LocationRecord {
    /// Empty on create: the server makes one from the name.
    #[serde(default)]
    pub id: String,
    pub provider_id: String,
    /// The region the place lies in (its postcode's); fixed once created.
    pub region: RegionCode,
    pub name: String,
    pub address: String,
    pub postcode: String,
    pub city: String,
    /// Four-digit kommunekode, e.g. `0751` for Aarhus.
    pub municipality_code: String,
    pub point: GeoPoint,
    /// How to get in without steps (ramp, lift, door opener), for people who need to know.
    pub step_free_access: Option<String>,
    pub status: RecordStatus,
    #[serde(default)]
    pub version: u64,
}

impl LocationRecord {
    /// The copy an offer embeds.
    pub fn embedded(&self) -> Location {
        Location {
            name: self.name.clone(),
            address: self.address.clone(),
            postcode: self.postcode.clone(),
            city: self.city.clone(),
            municipality_code: self.municipality_code.clone(),
            point: self.point,
        }
    }
}

/// Archive or restore, from the version the admin saw.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecordStatusChange {
    pub status: RecordStatus,
    pub version: u64,
}

/// 409 body of a stale provider edit: the problem plus the provider as it is now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaleProvider {
    #[serde(flatten)]
    pub problem: Problem,
    pub current: ProviderRecord,
}

/// 409 body of a stale location edit: the problem plus the location as it is now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaleLocation {
    #[serde(flatten)]
    pub problem: Problem,
    pub current: LocationRecord,
}

/// Any managed record, where they are handled alike (stores, stale edits).
// One record at a time passes through (a save, a conflict), never a collection of them: the size
// of the largest variant costs nothing, and boxing it would cost every match an indirection.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum DirectoryRecord {
    Provider(ProviderRecord),
    Location(LocationRecord),
    Package(PackageRecord),
    Association(AssociationRecord),
    Activity(ActivityRecord),
}

impl DirectoryRecord {
    pub fn id(&self) -> &str {
        match self {
            DirectoryRecord::Provider(p) => &p.id,
            DirectoryRecord::Location(l) => &l.id,
            DirectoryRecord::Package(p) => &p.code,
            DirectoryRecord::Association(a) => &a.id,
            DirectoryRecord::Activity(a) => &a.id,
        }
    }

    pub fn version(&self) -> u64 {
        match self {
            DirectoryRecord::Provider(p) => p.version,
            DirectoryRecord::Location(l) => l.version,
            DirectoryRecord::Package(p) => p.version,
            DirectoryRecord::Association(a) => a.version,
            DirectoryRecord::Activity(a) => a.version,
        }
    }

    /// The region whose admins manage the record; `None` for national records (packages).
    pub fn region(&self) -> Option<RegionCode> {
        match self {
            DirectoryRecord::Provider(p) => Some(p.region),
            DirectoryRecord::Location(l) => Some(l.region),
            DirectoryRecord::Package(_) => None,
            DirectoryRecord::Association(a) => Some(a.region),
            DirectoryRecord::Activity(a) => Some(a.region),
        }
    }

    /// The record's kind in keys and audit entries.
    pub fn kind(&self) -> &'static str {
        match self {
            DirectoryRecord::Provider(_) => "provider",
            DirectoryRecord::Location(_) => "location",
            DirectoryRecord::Package(_) => "package",
            DirectoryRecord::Association(_) => "association",
            DirectoryRecord::Activity(_) => "activity",
        }
    }
}
