//! Which control of the offer form a field error (a JSON path) belongs to, and where it is in the
//! form, so the error summary links to it and reads top to bottom.

use super::FIELDS;

/// The id of the form control a field error (a JSON path such as `location.postcode` or
/// `schedule.slots[2]`) belongs to.
pub fn control_id(field: &str) -> Option<String> {
    let path = field.split('[').next().unwrap_or(field);
    let key = match path {
        "id" => return None,
        "location" | "location.name" => "location_name",
        "location.address" => "address",
        "location.postcode" => "postcode",
        "location.city" => "city",
        "location.municipality_code" => "municipality_code",
        "location.point" => "lat",
        "schedule.enrolment" => "sessions",
        "schedule.slots" => "slots",
        "schedule.next_start" => "next_start",
        "provider.name" => "provider_name",
        "provider.id" => "provider_id",
        "provider.kind" => "provider_kind",
        "referral" => "self_referral",
        "referral.note" => "referral_note",
        "referral.methods" => "method-0",
        "referral.must_include" | "referral.must_include.da" => "must_include_da",
        "referral.must_include.en" => "must_include_en",
        "referral.response_days" => "response_days",
        "eligibility.min_age" => "min_age",
        "eligibility.max_age" => "max_age",
        "eligibility.accepted_conditions" => "accepted-0",
        "eligibility.inclusion_note" | "eligibility.inclusion_note.da" => "inclusion_da",
        "eligibility.inclusion_note.en" => "inclusion_en",
        "eligibility.exclusion_note" | "eligibility.exclusion_note.da" => "exclusion_da",
        "eligibility.exclusion_note.en" => "exclusion_en",
        "eligibility.residence" => "residence",
        "cost.dkk" => "cost_dkk",
        "cost.note" => "cost_note",
        "contact.name" => "contact_name",
        "contact.phone" => "contact_phone",
        "contact.email" => "contact_email",
        "contact.url" => "contact_url",
        "conditions" => "condition-0",
        "languages" => "language-0",
        other => other,
    };
    // The location picker is not a typed field, but its errors link to it too.
    (["condition-0", "language-0", "method-0", "accepted-0", "location_id"].contains(&key) || FIELDS.iter().any(|(k, _)| *k == key))
        .then(|| format!("f-{key}"))
}

/// Where a field error's control is in the form (unknown fields last).
pub fn form_position(field: &str) -> usize {
    let id = control_id(field).unwrap_or_default();
    let key = id.strip_prefix("f-").unwrap_or("");
    let key = match key {
        k if k.starts_with("condition-") => "conditions",
        k if k.starts_with("method-") => "methods",
        k if k.starts_with("language-") => "languages",
        k if k.starts_with("accepted-") => "accepted_conditions",
        k => k,
    };
    FIELDS.iter().position(|(k, _)| *k == key).unwrap_or(usize::MAX)
}
