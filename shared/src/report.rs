//! "Report wrong information" on an offer page: a citizen or clinician tells the region what is
//! wrong; the region's admins see it and resolve it (fix the listing, or dismiss). No contact
//! details are collected.

use crate::taxonomy::RegionCode;
use crate::validation::{self, ErrorCode, FieldError};
use serde::{Deserialize, Serialize};

code_enum! {
    /// What is wrong.
    ReportTopic {
        Address = "address", "Adresse eller sted", "Address or place";
        Times = "times", "Tider eller datoer", "Times or dates";
        Contact = "contact", "Kontaktoplysninger", "Contact details";
        Closed = "closed", "Tilbuddet findes ikke længere", "The offer no longer exists";
        Other = "other", "Andet", "Something else";
    }
}

code_enum! {
    ReportStatus {
        Open = "open", "Åben", "Open";
        Accepted = "accepted", "Rettet", "Fixed";
        Dismissed = "dismissed", "Afvist", "Dismissed";
    }
}

pub const MESSAGE_MIN: usize = 10;
pub const MESSAGE_MAX: usize = 1_000;
/// Reports are deleted this many days after they were made.
pub const RETENTION_DAYS: i64 = 180;

/// `POST /api/v1/offers/{id}/reports` body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportRequest {
    pub topic: ReportTopic,
    #[cfg_attr(feature = "openapi", schema(schema_with = message_schema))]
    pub message: String,
    /// Honeypot: hidden from people, filled in by bots. Must be empty.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = validation::schema::blank))]
    pub website: Option<String>,
}

/// The documented bounds of [`ReportRequest::validate`].
#[cfg(feature = "openapi")]
fn message_schema() -> utoipa::openapi::schema::Object {
    validation::schema::text(MESSAGE_MIN, MESSAGE_MAX)
}

impl ReportRequest {
    pub fn validate(&self) -> Vec<FieldError> {
        let e = validation::text_length("message", ("beskrivelsen", "the description"), &self.message, MESSAGE_MIN, MESSAGE_MAX).err();
        e.map(|e| match e.code {
            ErrorCode::Required => FieldError::new("message", e.code, "Beskriv, hvad der er forkert.", "Describe what is wrong."),
            ErrorCode::TooShort => FieldError::new(
                "message",
                e.code,
                format!("Skriv lidt mere om, hvad der er forkert – mindst {MESSAGE_MIN} tegn."),
                format!("Write a little more about what is wrong – at least {MESSAGE_MIN} characters."),
            ),
            _ => e,
        })
        .into_iter()
        .collect()
    }
}

/// A report as the admins see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChangeReport {
    pub id: String,
    pub offer_id: String,
    pub offer_title: String,
    pub region: RegionCode,
    pub provider_id: String,
    pub topic: ReportTopic,
    pub message: String,
    pub status: ReportStatus,
    /// Unix seconds.
    pub created_at: i64,
    pub resolved_at: Option<i64>,
    /// The subject of the admin who resolved it.
    pub resolved_by: Option<String>,
    pub expires_at: i64,
}

/// Resolve a report: `accepted` (the listing was fixed) or `dismissed`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportResolution {
    pub status: ReportStatus,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_length() {
        let r = |m: &str| ReportRequest { topic: ReportTopic::Times, message: m.into(), website: None }.validate();
        assert!(r("Holdet mødes nu om onsdagen").is_empty());
        assert_eq!(r("kort").len(), 1);
        assert_eq!(r(&"x".repeat(1001))[0].field, "message");
    }
}
