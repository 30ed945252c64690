//! The offer form's state: every field as the admin types it (strings, checkboxes), converted to
//! and from the shared `Offer`. Also the 409 help: which fields differ between the admin's edit
//! and the version someone else saved, and "reapply my changes onto the current version".
//! Pure logic: compiles and is tested natively.

use forebyg_app::i18n::Text;
use forebyg_shared::geo::GeoPoint;
use forebyg_shared::offer::{AssociationLink, Contact, Cost, Enrolment, Location, Offer, Provider, ReferralRules, Schedule};
use forebyg_shared::offer_validation::validate_offer;
use forebyg_shared::taxonomy::{Capacity, Category, Condition, Format, Kronikerpakke, OfferStatus, ProviderKind, RegionCode};
use forebyg_shared::validation::{ErrorCode, FieldError};
use forebyg_shared::Lang;

mod conflict;
mod slots;
#[cfg(test)]
mod tests;

pub use conflict::*;
pub use slots::*;
use slots::{decimal, opt};

/// The form, field by field.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OfferForm {
    pub title: String,
    pub summary: String,
    pub description: String,
    pub category: String,
    pub conditions: Vec<Condition>,
    pub format: String,
    pub languages: String,
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
    pub capacity: String,
    pub cost_dkk: String,
    pub cost_note: String,
    pub accessibility: String,
    pub contact_name: String,
    pub contact_phone: String,
    pub contact_email: String,
    pub contact_url: String,
    pub kronikerpakke: String,
    pub continue_afterwards: String,
    pub last_verified: String,
    /// The location record the place was picked from (empty: typed in, or digital).
    pub location_id: String,
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

forebyg_app::texts! {
    YES = "Ja", "Yes";
    NO = "Nej", "No";
    CHOOSE_CATEGORY = "Vælg en indsats.", "Choose an intervention.";
    WHOLE_NUMBERS = "Skriv antal gange og uger som hele tal.", "Write the number of sessions and weeks as whole numbers.";
    SLOT_LINES = "Skriv en tid pr. linje som fx »Tirsdag 10:00-12:00«.", "Write one time per line, e.g. \"Tuesday 10:00-12:00\".";
    COORDINATES = "Angiv breddegrad og længdegrad som decimaltal (eller hent dem fra postnummeret).", "Enter latitude and longitude as decimal numbers (or fetch them from the postcode).";
    WHOLE_KRONER = "Skriv prisen som et helt antal kroner, fx 0.", "Write the price as a whole number of kroner, e.g. 0.";
    ACTIVITY_LINES = "Skriv en aktivitet pr. linje som »Navn | adresse på nettet«.", "Write one activity per line as \"Name | web address\".";
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
    capacity = "Pladser", "Places";
    cost_dkk = "Pris (kr.)", "Price (DKK)";
    cost_note = "Note om pris", "Note on price";
    accessibility = "Tilgængelighed", "Accessibility";
    contact_name = "Kontaktperson", "Contact person";
    contact_phone = "Telefon", "Phone";
    contact_email = "E-mail", "Email";
    contact_url = "Hjemmeside", "Website";
    kronikerpakke = "Kronikerpakke", "Chronic care package";
    continue_afterwards = "Fortsæt bagefter", "Continue afterwards";
    last_verified = "Sidst bekræftet", "Last confirmed";
    location_id = "Sted fra stedlisten", "Place from the list of places";
}

/// A field's label in `lang` (the key itself if unknown).
pub fn label(key: &'static str, lang: Lang) -> &'static str {
    FIELDS.iter().find(|(k, _)| *k == key).map_or(key, |(_, t)| t.get(lang))
}

impl OfferForm {
    /// A blank form for a new offer in `region`, verified `today`.
    pub fn blank(region: Option<RegionCode>, provider_id: Option<&str>, today: &str) -> Self {
        OfferForm {
            category: Category::FysiskAktivitet.code().into(),
            format: Format::OnSite.code().into(),
            languages: "da".into(),
            enrolment: "course".into(),
            sessions: "8".into(),
            weeks: "8".into(),
            region: region.unwrap_or(RegionCode::Midtjylland).code().into(),
            provider_id: provider_id.unwrap_or_default().into(),
            provider_kind: ProviderKind::Municipality.code().into(),
            self_referral: true,
            capacity: Capacity::Open.code().into(),
            cost_dkk: "0".into(),
            last_verified: today.into(),
            ..Default::default()
        }
    }

    #[cfg(test)]
    pub fn from_offer(o: &Offer) -> Self {
        Self::from_offer_in(o, Lang::Da)
    }

    /// The form for `o`, with weekly times written in `lang`.
    pub fn from_offer_in(o: &Offer, lang: Lang) -> Self {
        let (enrolment, sessions, weeks) = match o.schedule.enrolment {
            Enrolment::Continuous => ("continuous", String::new(), String::new()),
            Enrolment::Course { sessions, weeks } => ("course", sessions.to_string(), weeks.to_string()),
        };
        let l = o.location.as_ref();
        let text = |f: fn(&Location) -> &String| l.map(f).cloned().unwrap_or_default();
        OfferForm {
            title: o.title.clone(),
            summary: o.summary.clone(),
            description: o.description.clone(),
            category: o.category.code().into(),
            conditions: o.conditions.clone(),
            format: o.format.code().into(),
            languages: o.languages.join(", "),
            enrolment: enrolment.into(),
            sessions,
            weeks,
            slots: o.schedule.slots.iter().map(|s| slot_line(s, lang)).collect::<Vec<_>>().join("\n"),
            next_start: o.schedule.next_start.clone().unwrap_or_default(),
            location_name: text(|l| &l.name),
            address: text(|l| &l.address),
            postcode: text(|l| &l.postcode),
            city: text(|l| &l.city),
            municipality_code: text(|l| &l.municipality_code),
            lat: l.map(|l| decimal(l.point.lat)).unwrap_or_default(),
            lon: l.map(|l| decimal(l.point.lon)).unwrap_or_default(),
            region: o.region.code().into(),
            provider_id: o.provider.id.clone(),
            provider_name: o.provider.name.clone(),
            provider_kind: o.provider.kind.code().into(),
            self_referral: o.referral.self_referral,
            from_gp: o.referral.from_gp,
            from_hospital: o.referral.from_hospital,
            from_municipality: o.referral.from_municipality,
            referral_note: o.referral.note.clone().unwrap_or_default(),
            capacity: o.capacity.code().into(),
            cost_dkk: o.cost.dkk.to_string(),
            cost_note: o.cost.note.clone().unwrap_or_default(),
            accessibility: o.accessibility.clone().unwrap_or_default(),
            contact_name: o.contact.name.clone().unwrap_or_default(),
            contact_phone: o.contact.phone.clone().unwrap_or_default(),
            contact_email: o.contact.email.clone().unwrap_or_default(),
            contact_url: o.contact.url.clone().unwrap_or_default(),
            kronikerpakke: o.kronikerpakke.map(|k| k.code().to_owned()).unwrap_or_default(),
            continue_afterwards: o
                .continue_afterwards
                .iter()
                .map(|a| match &a.description {
                    Some(d) => format!("{} | {} | {}", a.name, a.url, d),
                    None => format!("{} | {}", a.name, a.url),
                })
                .collect::<Vec<_>>()
                .join("\n"),
            last_verified: o.last_verified.clone(),
            location_id: o.location_id.clone().unwrap_or_default(),
        }
    }

    /// The offer this form describes, on top of `base` (id, status, version, demo), or every
    /// problem: the form's own (numbers, codes, lines) and then `validate_offer`'s.
    pub fn to_offer(&self, base: &Offer) -> Result<Offer, Vec<FieldError>> {
        let mut errors = vec![];
        let mut bad = |field: &str, t: Text| errors.push(FieldError::new(field, ErrorCode::Invalid, t.da, t.en));
        let category = Category::from_code(&self.category).unwrap_or_else(|| {
            bad("category", CHOOSE_CATEGORY);
            base.category
        });
        let format = Format::from_code(&self.format).unwrap_or(base.format);
        let region = RegionCode::from_code(&self.region).unwrap_or(base.region);
        let kind = ProviderKind::from_code(&self.provider_kind).unwrap_or(base.provider.kind);
        let capacity = Capacity::from_code(&self.capacity).unwrap_or(base.capacity);
        let number = |s: &str| s.trim().parse::<u16>().ok();
        let enrolment = if self.enrolment == "continuous" {
            Enrolment::Continuous
        } else {
            match (number(&self.sessions), number(&self.weeks)) {
                (Some(sessions), Some(weeks)) => Enrolment::Course { sessions, weeks },
                _ => {
                    bad("schedule.enrolment", WHOLE_NUMBERS);
                    Enrolment::Course { sessions: 1, weeks: 1 }
                }
            }
        };
        let mut slots = vec![];
        for (i, line) in self.slots.lines().filter(|l| !l.trim().is_empty()).enumerate() {
            match parse_slot(line) {
                Some(s) => slots.push(s),
                None => bad(&format!("schedule.slots[{i}]"), SLOT_LINES),
            }
        }
        let any_place = [&self.location_name, &self.address, &self.postcode, &self.city, &self.municipality_code, &self.lat, &self.lon]
            .iter()
            .any(|s| !s.trim().is_empty());
        let location = if format.has_place() || any_place {
            let coordinate = |s: &str| s.trim().replace(',', ".").parse::<f64>().ok();
            let point = match (coordinate(&self.lat), coordinate(&self.lon)) {
                (Some(lat), Some(lon)) => GeoPoint::new(lat, lon),
                _ => {
                    bad("location.point", COORDINATES);
                    GeoPoint::new(56.0, 10.0)
                }
            };
            Some(Location {
                name: self.location_name.trim().into(),
                address: self.address.trim().into(),
                postcode: self.postcode.trim().into(),
                city: self.city.trim().into(),
                municipality_code: self.municipality_code.trim().into(),
                point,
            })
        } else {
            None
        };
        let dkk = self.cost_dkk.trim().parse::<u32>().unwrap_or_else(|_| {
            bad("cost.dkk", WHOLE_KRONER);
            0
        });
        let kronikerpakke = match self.kronikerpakke.trim() {
            "" => None,
            code => Kronikerpakke::from_code(code),
        };
        let mut continue_afterwards = vec![];
        for line in self.continue_afterwards.lines().filter(|l| !l.trim().is_empty()) {
            let parts: Vec<&str> = line.split('|').map(str::trim).collect();
            match parts.as_slice() {
                [name, url] => continue_afterwards.push(AssociationLink { name: (*name).into(), url: (*url).into(), description: None }),
                [name, url, d, ..] => continue_afterwards.push(AssociationLink { name: (*name).into(), url: (*url).into(), description: opt(d) }),
                _ => bad("continue_afterwards", ACTIVITY_LINES),
            }
        }
        let offer = Offer {
            id: base.id.clone(),
            title: self.title.trim().into(),
            summary: self.summary.trim().into(),
            description: self.description.trim().into(),
            category,
            conditions: self.conditions.clone(),
            format,
            languages: self.languages.split([',', ' ']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_lowercase).collect(),
            schedule: Schedule { enrolment, slots, next_start: opt(&self.next_start) },
            location,
            location_id: opt(&self.location_id),
            region,
            provider: Provider { id: self.provider_id.trim().into(), name: self.provider_name.trim().into(), kind },
            referral: ReferralRules {
                self_referral: self.self_referral,
                from_gp: self.from_gp,
                from_hospital: self.from_hospital,
                from_municipality: self.from_municipality,
                note: opt(&self.referral_note),
            },
            capacity,
            cost: Cost { dkk, note: opt(&self.cost_note) },
            accessibility: opt(&self.accessibility),
            contact: Contact {
                name: opt(&self.contact_name),
                phone: opt(&self.contact_phone),
                email: opt(&self.contact_email),
                url: opt(&self.contact_url),
            },
            status: base.status,
            last_verified: self.last_verified.trim().into(),
            kronikerpakke,
            continue_afterwards,
            demo: base.demo,
            version: base.version,
        };
        // A new offer has no id yet: the server assigns it.
        let mut check = offer.clone();
        if check.id.is_empty() {
            check.id = "ny".into();
        }
        for e in validate_offer(&check) {
            if !errors.iter().any(|x| x.field == e.field) {
                errors.push(e);
            }
        }
        if errors.is_empty() {
            Ok(offer)
        } else {
            // In the order of the form, so the error summary reads top to bottom.
            errors.sort_by_key(|e| form_position(&e.field));
            Err(errors)
        }
    }
}
