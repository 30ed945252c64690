//! The offer form's state: every field as the admin types it (strings, checkboxes), with its
//! label. The jobs around it are modules of their own: converting to and from the shared `Offer`
//! (`convert`), a new offer's fields from a coverage gap (`prefill`), weekly time lines (`slots`) and their rows of pickers (`slot_rows`), which control a field error belongs to (`controls`)
//! and the 409 help (`conflict`). Pure logic: compiles and is tested natively.

mod conflict;
mod controls;
mod convert;
mod prefill;
mod slot_rows;
mod slots;
#[cfg(test)]
mod tests;

// Used by the pages (wasm only); natively by the tests.
pub use slots::{parse_slot, slot_line};
#[cfg_attr(not(target_arch = "wasm32"), allow(unused_imports))]
pub use {
    conflict::{differences, reapply, Difference},
    controls::control_id,
    convert::{decimal, new_offer_base},
    prefill::{back_to_coverage, coverage_back, created_from_gap_href, new_offer_href, package_gap_href},
    slot_rows::{line_of, parts_at_fault, rows_text, slot_rows, time_or_typed, SlotRow},
    slots::start_off_the_weekly_days,
};

use forebyg_app::i18n::Text;
use forebyg_shared::package::PackageDelivery;
use forebyg_shared::referral_route::ReferralMethod;
use forebyg_shared::taxonomy::Condition;
use forebyg_shared::Lang;

/// The form, field by field (kept as JSON while the admin signs in again: `crate::kept`).
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct OfferForm {
    pub title: String,
    pub summary: String,
    pub description: String,
    pub category: String,
    pub conditions: Vec<Condition>,
    pub format: String,
    /// ISO 639-1 codes.
    pub languages: Vec<String>,
    pub enrolment: String,
    pub sessions: String,
    pub weeks: String,
    pub slots: String,
    pub next_start: String,
    pub location_name: String,
    pub address: String,
    pub postcode: String,
    pub city: String,
    pub municipality_code: String,
    pub lat: String,
    pub lon: String,
    pub region: String,
    pub provider_id: String,
    pub provider_name: String,
    pub provider_kind: String,
    pub self_referral: bool,
    pub from_gp: bool,
    pub from_hospital: bool,
    pub from_municipality: bool,
    pub referral_note: String,
    /// How clinicians refer (the referral route).
    pub methods: Vec<ReferralMethod>,
    pub must_include_da: String,
    pub must_include_en: String,
    /// Working days, as typed; empty: not promised.
    pub response_days: String,
    /// Eligibility: age limits, the conditions accepted (none: any) and notes.
    pub min_age: String,
    pub max_age: String,
    pub accepted_conditions: Vec<Condition>,
    pub inclusion_da: String,
    pub inclusion_en: String,
    pub exclusion_da: String,
    pub exclusion_en: String,
    /// A [`Residence`](forebyg_shared::eligibility::Residence) code, empty: not stated.
    pub residence: String,
    pub capacity: String,
    pub cost_dkk: String,
    pub cost_note: String,
    pub accessibility: String,
    pub contact_name: String,
    pub contact_phone: String,
    pub contact_email: String,
    pub contact_url: String,
    pub last_verified: String,
    /// The location record the place was picked from (empty: typed in, or digital).
    pub location_id: String,
    /// The kronikerpakke components the offer delivers, per package.
    pub packages: Vec<PackageDelivery>,
    /// The association activities shown under "Fortsæt bagefter".
    pub activity_ids: Vec<String>,
}

/// A field's value as text, for comparing and showing.
pub trait Shown {
    fn shown(&self, lang: Lang) -> String;
}
impl Shown for String {
    fn shown(&self, _: Lang) -> String {
        self.trim().to_owned()
    }
}
impl Shown for bool {
    fn shown(&self, lang: Lang) -> String {
        (if *self { YES } else { NO }).get(lang).to_owned()
    }
}
impl Shown for Vec<Condition> {
    fn shown(&self, lang: Lang) -> String {
        self.iter().map(|c| c.label(lang)).collect::<Vec<_>>().join(", ")
    }
}
impl Shown for Vec<PackageDelivery> {
    fn shown(&self, _: Lang) -> String {
        self.iter().map(|d| format!("{}: {}", d.package, d.components.join(", "))).collect::<Vec<_>>().join("; ")
    }
}
impl Shown for Vec<String> {
    fn shown(&self, _: Lang) -> String {
        self.join(", ")
    }
}
impl Shown for Vec<ReferralMethod> {
    fn shown(&self, lang: Lang) -> String {
        self.iter().map(|m| m.label(lang)).collect::<Vec<_>>().join(", ")
    }
}

forebyg_app::texts! {
    YES = "Ja", "Yes";
    NO = "Nej", "No";
    CHOOSE_CATEGORY = "Vælg en indsats.", "Choose an intervention.";
    WHOLE_NUMBERS = "Skriv antal gange og uger som hele tal.", "Write the number of sessions and weeks as whole numbers.";
    CHOOSE_PROVIDER = "Vælg udbyderen.", "Choose the provider.";
    SLOT_LINES = "Skriv en tid pr. linje som fx »Tirsdag 10:00-12:00«.", "Write one time per line, e.g. \"Tuesday 10:00-12:00\".";
    SLOT_ROWS = "Vælg dagen, og angiv start- og sluttid for hver ugentlig tid, fx 10:00 og 12:00.", "Choose the day and enter the start and end time of each weekly time, e.g. 10:00 and 12:00.";
    COORDINATES = "Angiv breddegrad og længdegrad som decimaltal (eller hent dem fra postnummeret).", "Enter latitude and longitude as decimal numbers (or fetch them from the postcode).";
    WHOLE_KRONER = "Skriv prisen som et helt antal kroner, fx 0.", "Write the price as a whole number of kroner, e.g. 0.";
    WHOLE_AGE = "Skriv alderen som et helt antal år, fx 18.", "Write the age as a whole number of years, e.g. 18.";
    WHOLE_DAYS = "Skriv svartiden som et helt antal hverdage, fx 3.", "Write the response time as a whole number of working days, e.g. 3.";
}

macro_rules! form_fields {
    ($($f:ident = $da:literal, $en:literal;)+) => {
        /// Every field: its key and its label in Danish and English.
        pub const FIELDS: &[(&str, Text)] = &[$((stringify!($f), Text { da: $da, en: $en }),)+];

        impl OfferForm {
            /// The field's value as text (empty for an unknown key), for comparing.
            pub fn value(&self, key: &str) -> String {
                self.value_in(key, Lang::Da)
            }
            /// The field's value as text in `lang` (yes/no, target group names).
            pub fn value_in(&self, key: &str, lang: Lang) -> String {
                match key { $(stringify!($f) => self.$f.shown(lang),)+ _ => String::new() }
            }
            /// Copies one field from `other`.
            pub fn copy_field(&mut self, key: &str, other: &OfferForm) {
                match key { $(stringify!($f) => self.$f = other.$f.clone(),)+ _ => {} }
            }
        }
    };
}

form_fields! {
    title = "Titel", "Title";
    summary = "Kort beskrivelse", "Short description";
    description = "Beskrivelse", "Description";
    category = "Indsats", "Intervention";
    conditions = "Målgrupper", "Target groups";
    format = "Form", "Format";
    languages = "Sprog", "Languages";
    enrolment = "Optag", "Enrolment";
    sessions = "Antal gange", "Number of sessions";
    weeks = "Antal uger", "Number of weeks";
    slots = "Ugentlige tider", "Weekly times";
    next_start = "Næste start", "Next start";
    location_name = "Stedets navn", "Name of the place";
    address = "Adresse", "Address";
    postcode = "Postnummer", "Postcode";
    city = "By", "Town";
    municipality_code = "Kommune", "Municipality";
    lat = "Breddegrad", "Latitude";
    lon = "Længdegrad", "Longitude";
    region = "Region", "Region";
    provider_id = "Udbyder-id", "Provider id";
    provider_name = "Udbyder", "Provider";
    provider_kind = "Udbydertype", "Provider type";
    self_referral = "Man kan selv henvende sig", "People can sign up themselves";
    from_gp = "Henvisning fra egen læge", "Referral from their GP";
    from_hospital = "Henvisning fra hospital", "Referral from a hospital";
    from_municipality = "Henvisning fra kommunen", "Referral from the municipality";
    referral_note = "Note om henvisning", "Note on referral";
    methods = "Sådan henviser man", "How to refer";
    must_include_da = "Henvisningen skal indeholde (dansk)", "The referral must contain (Danish)";
    must_include_en = "Henvisningen skal indeholde (engelsk)", "The referral must contain (English)";
    response_days = "Svartid (hverdage)", "Response time (working days)";
    min_age = "Laveste alder", "Lowest age";
    max_age = "Højeste alder", "Highest age";
    accepted_conditions = "Kun for disse sygdomme", "Only for these conditions";
    inclusion_da = "Hvem det er for (dansk)", "Who it is for (Danish)";
    inclusion_en = "Hvem det er for (engelsk)", "Who it is for (English)";
    exclusion_da = "Hvem det ikke er for (dansk)", "Who it is not for (Danish)";
    exclusion_en = "Hvem det ikke er for (engelsk)", "Who it is not for (English)";
    residence = "Hvor skal deltagerne bo", "Where participants must live";
    capacity = "Pladser", "Places";
    cost_dkk = "Pris (kr.)", "Price (DKK)";
    cost_note = "Note om pris", "Note on price";
    accessibility = "Tilgængelighed", "Accessibility";
    contact_name = "Kontaktperson", "Contact person";
    contact_phone = "Telefon", "Phone";
    contact_email = "E-mail", "Email";
    contact_url = "Hjemmeside", "Website";
    last_verified = "Sidst bekræftet", "Last confirmed";
    location_id = "Sted fra stedlisten", "Place from the list of places";
    packages = "Kronikerpakker", "Chronic care packages";
    activity_ids = "Fortsæt bagefter", "Continue afterwards";
}

/// A field's label in `lang` (the key itself if unknown).
pub fn label(key: &'static str, lang: Lang) -> &'static str {
    FIELDS.iter().find(|(k, _)| *k == key).map_or(key, |(_, t)| t.get(lang))
}
