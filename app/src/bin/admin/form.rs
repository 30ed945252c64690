//! The offer form's state: every field as the admin types it (strings, checkboxes), converted to
//! and from the shared `Offer`. Also the 409 help: which fields differ between the admin's edit
//! and the version someone else saved, and "reapply my changes onto the current version".
//! Pure logic: compiles and is tested natively.

use forebyg_app::i18n::Text;
use forebyg_shared::eligibility::Eligibility;
use forebyg_shared::geo::GeoPoint;
use forebyg_shared::offer::{Contact, Cost, Enrolment, Location, Offer, Provider, ReferralRules, Schedule, TimeSlot};
use forebyg_shared::offer_validation::validate_offer;
use forebyg_shared::referral_route::ReferralMethod;
use forebyg_shared::taxonomy::{Capacity, Category, Condition, Format, OfferStatus, ProviderKind, RegionCode, Weekday};
use forebyg_shared::validation::{ErrorCode, FieldError};
use forebyg_shared::{Label, Lang};

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
    /// How clinicians refer (the referral route).
    pub methods: Vec<ReferralMethod>,
    pub must_include_da: String,
    pub must_include_en: String,
    /// Eligibility: age limits, the conditions accepted (none: any) and notes.
    pub min_age: String,
    pub max_age: String,
    pub accepted_conditions: Vec<Condition>,
    pub inclusion_da: String,
    pub inclusion_en: String,
    pub exclusion_da: String,
    pub exclusion_en: String,
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
    SLOT_LINES = "Skriv en tid pr. linje som fx »Tirsdag 10:00-12:00«.", "Write one time per line, e.g. \"Tuesday 10:00-12:00\".";
    COORDINATES = "Angiv breddegrad og længdegrad som decimaltal (eller hent dem fra postnummeret).", "Enter latitude and longitude as decimal numbers (or fetch them from the postcode).";
    WHOLE_KRONER = "Skriv prisen som et helt antal kroner, fx 0.", "Write the price as a whole number of kroner, e.g. 0.";
    WHOLE_AGE = "Skriv alderen som et helt antal år, fx 18.", "Write the age as a whole number of years, e.g. 18.";
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
    min_age = "Laveste alder", "Lowest age";
    max_age = "Højeste alder", "Highest age";
    accepted_conditions = "Kun for disse sygdomme", "Only for these conditions";
    inclusion_da = "Hvem det er for (dansk)", "Who it is for (Danish)";
    inclusion_en = "Hvem det er for (engelsk)", "Who it is for (English)";
    exclusion_da = "Hvem det ikke er for (dansk)", "Who it is not for (Danish)";
    exclusion_en = "Hvem det ikke er for (engelsk)", "Who it is not for (English)";
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
}

/// A field's label in `lang` (the key itself if unknown).
pub fn label(key: &'static str, lang: Lang) -> &'static str {
    FIELDS.iter().find(|(k, _)| *k == key).map_or(key, |(_, t)| t.get(lang))
}

fn opt(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

fn decimal(x: f64) -> String {
    let s = format!("{x:.6}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// "Tirsdag 10:00-12:00" ("Tuesday 10:00-12:00") lines.
pub fn slot_line(s: &TimeSlot, lang: Lang) -> String {
    format!("{} {}-{}", s.weekday.label(lang), s.start, s.end)
}

fn weekday(word: &str) -> Option<Weekday> {
    let w = word.trim().to_lowercase();
    Weekday::ALL.iter().copied().find(|d| {
        d.code() == w
            || [Lang::Da, Lang::En].into_iter().any(|l| {
                let label = d.label(l).to_lowercase();
                label == w || label.get(..3) == w.get(..3).filter(|_| w.len() >= 3)
            })
    })
}

/// Parses one slot line ("tirsdag 10:00-12:00", "tue 10:00–12:00"); None if it is not one.
pub fn parse_slot(line: &str) -> Option<TimeSlot> {
    let line = line.trim().replace(['–', '—'], "-");
    let (day, times) = line.split_once(' ')?;
    let (start, end) = times.trim().split_once('-')?;
    Some(TimeSlot { weekday: weekday(day)?, start: start.trim().to_owned(), end: end.trim().to_owned() })
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
            methods: o.referral.methods.clone(),
            must_include_da: label_part(&o.referral.must_include, Lang::Da),
            must_include_en: label_part(&o.referral.must_include, Lang::En),
            min_age: o.eligibility.min_age.map(|a| a.to_string()).unwrap_or_default(),
            max_age: o.eligibility.max_age.map(|a| a.to_string()).unwrap_or_default(),
            accepted_conditions: o.eligibility.accepted_conditions.clone(),
            inclusion_da: label_part(&o.eligibility.inclusion_note, Lang::Da),
            inclusion_en: label_part(&o.eligibility.inclusion_note, Lang::En),
            exclusion_da: label_part(&o.eligibility.exclusion_note, Lang::Da),
            exclusion_en: label_part(&o.eligibility.exclusion_note, Lang::En),
            capacity: o.capacity.code().into(),
            cost_dkk: o.cost.dkk.to_string(),
            cost_note: o.cost.note.clone().unwrap_or_default(),
            accessibility: o.accessibility.clone().unwrap_or_default(),
            contact_name: o.contact.name.clone().unwrap_or_default(),
            contact_phone: o.contact.phone.clone().unwrap_or_default(),
            contact_email: o.contact.email.clone().unwrap_or_default(),
            contact_url: o.contact.url.clone().unwrap_or_default(),
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
        let mut age = |field: &str, s: &str| match s.trim() {
            "" => None,
            a => a.parse::<u8>().map(Some).unwrap_or_else(|_| {
                bad(field, WHOLE_AGE);
                None
            }),
        };
        let eligibility = Eligibility {
            min_age: age("eligibility.min_age", &self.min_age),
            max_age: age("eligibility.max_age", &self.max_age),
            accepted_conditions: self.accepted_conditions.clone(),
            inclusion_note: label_of(&self.inclusion_da, &self.inclusion_en),
            exclusion_note: label_of(&self.exclusion_da, &self.exclusion_en),
        };
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
                methods: self.methods.clone(),
                must_include: label_of(&self.must_include_da, &self.must_include_en),
            },
            eligibility,
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
            // Edited on their own (package components and linked activities), kept as they are.
            packages: base.packages.clone(),
            activity_ids: base.activity_ids.clone(),
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

/// One language of an optional bilingual text, for a form field.
fn label_part(l: &Option<Label>, lang: Lang) -> String {
    l.as_ref().map(|l| l.get(lang).to_owned()).unwrap_or_default()
}

/// A bilingual text from its two fields; none when both are empty (the Danish one is required
/// otherwise, which `validate_offer` says).
fn label_of(da: &str, en: &str) -> Option<Label> {
    (!da.trim().is_empty() || !en.trim().is_empty()).then(|| Label { da: da.trim().into(), en: en.trim().into() })
}

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
        referral: ReferralRules {
            self_referral: true,
            from_gp: false,
            from_hospital: false,
            from_municipality: false,
            note: None,
            methods: vec![],
            must_include: None,
        },
        eligibility: Eligibility::default(),
        capacity: Capacity::Open,
        cost: Cost { dkk: 0, note: None },
        accessibility: None,
        contact: Contact { name: None, phone: None, email: None, url: None },
        status: OfferStatus::Draft,
        last_verified: String::new(),
        packages: vec![],
        activity_ids: vec![],
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
        "referral.methods" => "method-0",
        "referral.must_include" | "referral.must_include.da" => "must_include_da",
        "referral.must_include.en" => "must_include_en",
        "eligibility.min_age" => "min_age",
        "eligibility.max_age" => "max_age",
        "eligibility.accepted_conditions" => "accepted-0",
        "eligibility.inclusion_note" | "eligibility.inclusion_note.da" => "inclusion_da",
        "eligibility.inclusion_note.en" => "inclusion_en",
        "eligibility.exclusion_note" | "eligibility.exclusion_note.da" => "exclusion_da",
        "eligibility.exclusion_note.en" => "exclusion_en",
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
    (["condition-0", "method-0", "accepted-0", "location_id"].contains(&key) || FIELDS.iter().any(|(k, _)| *k == key)).then(|| format!("f-{key}"))
}

/// Where a field error's control is in the form (unknown fields last).
pub fn form_position(field: &str) -> usize {
    let id = control_id(field).unwrap_or_default();
    let key = id.strip_prefix("f-").unwrap_or("");
    let key = match key {
        k if k.starts_with("condition-") => "conditions",
        k if k.starts_with("method-") => "methods",
        k if k.starts_with("accepted-") => "accepted_conditions",
        k => k,
    };
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

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> Offer {
        serde_json::from_str(include_str!("../../../../shared/tests/offer_fixture.json")).unwrap()
    }

    #[test]
    fn an_offer_survives_the_form() {
        let o = fixture();
        let form = OfferForm::from_offer(&o);
        let back = form.to_offer(&o).unwrap();
        assert_eq!(OfferForm::from_offer(&back), form);
        assert_eq!(back.id, o.id);
        assert_eq!(back.version, o.version);
        assert_eq!(back.schedule.slots, o.schedule.slots);
        assert_eq!(back.location.as_ref().map(|l| &l.postcode), o.location.as_ref().map(|l| &l.postcode));
    }

    #[test]
    fn eligibility_and_the_referral_route_survive_the_form() {
        let o = fixture();
        let mut form = OfferForm::from_offer(&o);
        form.min_age = "18".into();
        form.max_age = " 65 ".into();
        form.accepted_conditions = vec![Condition::Kol];
        form.exclusion_da = "Ikke ved ustabil hjertesygdom".into();
        form.methods = vec![ReferralMethod::Electronic, ReferralMethod::Forebyg];
        form.must_include_da = "Diagnose".into();
        form.must_include_en = "Diagnosis".into();
        let back = form.to_offer(&o).unwrap();
        assert_eq!((back.eligibility.min_age, back.eligibility.max_age), (Some(18), Some(65)));
        assert_eq!(back.eligibility.exclusion_note, Some(Label::new("Ikke ved ustabil hjertesygdom", "")));
        assert_eq!(back.eligibility.inclusion_note, None);
        assert_eq!(back.referral.must_include, Some(Label::new("Diagnose", "Diagnosis")));
        assert_eq!(OfferForm::from_offer(&back).methods, form.methods);
        form.min_age = "70".into();
        form.max_age = "atten".into();
        let errors = form.to_offer(&o).unwrap_err();
        assert_eq!(errors.iter().map(|e| control_id(&e.field)).collect::<Vec<_>>(), [Some("f-max_age".to_owned())]);
        form.max_age = "65".into();
        form.must_include_da = String::new();
        let errors = form.to_offer(&o).unwrap_err();
        let ids: Vec<_> = errors.iter().map(|e| control_id(&e.field).unwrap()).collect();
        assert_eq!(ids, ["f-must_include_da", "f-max_age"], "in the order of the form");
    }

    #[test]
    fn form_errors_name_json_paths_with_controls() {
        let o = fixture();
        let mut form = OfferForm::from_offer(&o);
        form.title = "x".into();
        form.slots = "tirsdag 10:00-12:00\nhver anden onsdag".into();
        form.cost_dkk = "gratis".into();
        form.postcode = "12".into();
        let errors = form.to_offer(&o).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        for f in ["title", "schedule.slots[1]", "cost.dkk", "location.postcode"] {
            assert!(fields.contains(&f), "{f} in {fields:?}");
        }
        for e in &errors {
            let id = control_id(&e.field).unwrap();
            assert!(id.starts_with("f-"), "{id}");
        }
        assert_eq!(control_id("schedule.slots[1]").as_deref(), Some("f-slots"));
        assert_eq!(control_id("location.point").as_deref(), Some("f-lat"));
        assert_eq!(control_id("id"), None);
        assert_eq!(errors[0].field, "title", "errors follow the form's order");
    }

    #[test]
    fn a_new_offer_validates_without_an_id() {
        let mut form = OfferForm::from_offer(&fixture());
        form.last_verified = "2026-11-24".into();
        let base = new_offer_base(RegionCode::Midtjylland);
        let o = form.to_offer(&base).unwrap();
        assert!(o.id.is_empty() && o.version == 0);
    }

    #[test]
    fn slots_parse_in_danish_and_codes() {
        let s = parse_slot("Tirsdag 10:00–12:00").unwrap();
        assert_eq!((s.weekday, s.start.as_str(), s.end.as_str()), (Weekday::Tue, "10:00", "12:00"));
        assert_eq!(parse_slot("thu 17:00-19:00").unwrap().weekday, Weekday::Thu);
        assert_eq!(parse_slot("lør 09:00-10:00").unwrap().weekday, Weekday::Sat);
        assert!(parse_slot("whenever").is_none());
    }

    #[test]
    fn reapplying_keeps_my_changes_and_theirs() {
        let base = OfferForm::from_offer(&fixture());
        let mut mine = base.clone();
        mine.title = "Mit nye navn".into();
        let mut current = base.clone();
        current.city = "Et andet sted".into();
        let diffs = differences(&base, &mine, &current, Lang::Da);
        let keys: Vec<&str> = diffs.iter().map(|d| d.key).collect();
        assert_eq!(keys, ["title", "city"]);
        assert!(diffs[0].changed_by_me && !diffs[1].changed_by_me);
        let next = reapply(&base, &mine, &current);
        assert_eq!(next.title, "Mit nye navn");
        assert_eq!(next.city, "Et andet sted");
        assert!(differences(&base, &next, &next, Lang::Da).is_empty());
    }
}
