//! A new offer's blank base, where a field error points in the form, and the 409 help: which
//! fields differ between the admin's edit and the version someone else saved, and "reapply my
//! changes onto the current version".

use super::*;

/// An empty offer for a new listing (status draft, no id, version 0).
pub fn new_offer_base(region: RegionCode) -> Offer {
    Offer {
        id: String::new(),
        title: String::new(),
        summary: String::new(),
        description: String::new(),
        category: Category::FysiskAktivitet,
        conditions: vec![],
        format: Format::OnSite,
        languages: vec![],
        schedule: Schedule { enrolment: Enrolment::Continuous, slots: vec![], next_start: None },
        location: None,
        location_id: None,
        region,
        provider: Provider { id: String::new(), name: String::new(), kind: ProviderKind::Municipality },
        referral: ReferralRules { self_referral: true, from_gp: false, from_hospital: false, from_municipality: false, note: None },
        capacity: Capacity::Open,
        cost: Cost { dkk: 0, note: None },
        accessibility: None,
        contact: Contact { name: None, phone: None, email: None, url: None },
        status: OfferStatus::Draft,
        last_verified: String::new(),
        kronikerpakke: None,
        continue_afterwards: vec![],
        demo: false,
        version: 0,
    }
}

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
        "cost.dkk" => "cost_dkk",
        "cost.note" => "cost_note",
        "contact.name" => "contact_name",
        "contact.phone" => "contact_phone",
        "contact.email" => "contact_email",
        "contact.url" => "contact_url",
        "conditions" => "condition-0",
        other => other,
    };
    // The location picker is not a typed field, but its errors link to it too.
    (key == "condition-0" || key == "location_id" || FIELDS.iter().any(|(k, _)| *k == key)).then(|| format!("f-{key}"))
}

/// Where a field error's control is in the form (unknown fields last).
pub fn form_position(field: &str) -> usize {
    let id = control_id(field).unwrap_or_default();
    let key = id.strip_prefix("f-").unwrap_or("");
    let key = if key.starts_with("condition-") { "conditions" } else { key };
    FIELDS.iter().position(|(k, _)| *k == key).unwrap_or(usize::MAX)
}

/// One row of "what changed": a field whose value differs between the admin's edit and the
/// version saved meanwhile.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    pub key: &'static str,
    pub label: Text,
    pub mine: String,
    pub current: String,
    /// The admin changed this field too (reapplying keeps the admin's value).
    pub changed_by_me: bool,
}

/// The fields where `mine` and `current` differ; `base` is the version the edit started from.
pub fn differences(base: &OfferForm, mine: &OfferForm, current: &OfferForm, lang: Lang) -> Vec<Difference> {
    FIELDS
        .iter()
        .filter(|(k, _)| *k != "last_verified" || mine.value(k) != current.value(k))
        .filter(|(k, _)| mine.value(k) != current.value(k))
        .map(|&(key, label)| Difference {
            key,
            label,
            mine: mine.value_in(key, lang),
            current: current.value_in(key, lang),
            changed_by_me: mine.value(key) != base.value(key),
        })
        .collect()
}

/// The current version with the admin's own changes (against `base`) applied on top.
pub fn reapply(base: &OfferForm, mine: &OfferForm, current: &OfferForm) -> OfferForm {
    let mut next = current.clone();
    for (key, _) in FIELDS {
        if mine.value(key) != base.value(key) {
            next.copy_field(key, mine);
        }
    }
    next
}
