//! The form for an offer and the offer for a form: every field converted, the form's own
//! problems (numbers, codes, lines) reported with `validate_offer_save`'s, in the order of the form.

use super::controls::form_position;
use super::slots::{parse_slot, slot_line};
use super::{OfferForm, CHOOSE_CATEGORY, CHOOSE_PROVIDER, COORDINATES, SLOT_ROWS, WHOLE_AGE, WHOLE_DAYS, WHOLE_KRONER, WHOLE_NUMBERS};
use forebyg_app::i18n::Text;
use forebyg_shared::date::parse_day;
use forebyg_shared::eligibility::{Eligibility, Residence};
use forebyg_shared::geo::GeoPoint;
use forebyg_shared::offer::{Contact, Cost, Enrolment, Location, Offer, Provider, ReferralRules, Schedule};
use forebyg_shared::offer_validation::validate_offer_save;
use forebyg_shared::taxonomy::{Capacity, Category, Format, OfferStatus, ProviderKind, RegionCode};
use forebyg_shared::validation::{ErrorCode, FieldError};
use forebyg_shared::{Label, Lang};

fn opt(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// A coordinate as the admin would type it (no trailing zeros).
pub fn decimal(x: f64) -> String {
    let s = format!("{x:.6}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

impl OfferForm {
    /// The place's point as typed (a decimal comma or point), if both coordinates are numbers.
    pub fn point(&self) -> Option<GeoPoint> {
        let coordinate = |s: &str| s.trim().replace(',', ".").parse::<f64>().ok();
        Some(GeoPoint::new(coordinate(&self.lat)?, coordinate(&self.lon)?))
    }

    /// A blank form for a new offer in `region`, verified `today`.
    pub fn blank(region: Option<RegionCode>, provider_id: Option<&str>, today: &str) -> Self {
        OfferForm {
            category: Category::FysiskAktivitet.code().into(),
            format: Format::OnSite.code().into(),
            languages: vec!["da".into()],
            enrolment: "course".into(),
            sessions: "8".into(),
            weeks: "8".into(),
            region: region.unwrap_or(RegionCode::Midtjylland).code().into(),
            residence: Residence::Region.code().into(),
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
            languages: o.languages.clone(),
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
            response_days: o.referral.response_days.map(|d| d.to_string()).unwrap_or_default(),
            min_age: o.eligibility.min_age.map(|a| a.to_string()).unwrap_or_default(),
            max_age: o.eligibility.max_age.map(|a| a.to_string()).unwrap_or_default(),
            accepted_conditions: o.eligibility.accepted_conditions.clone(),
            inclusion_da: label_part(&o.eligibility.inclusion_note, Lang::Da),
            inclusion_en: label_part(&o.eligibility.inclusion_note, Lang::En),
            exclusion_da: label_part(&o.eligibility.exclusion_note, Lang::Da),
            exclusion_en: label_part(&o.eligibility.exclusion_note, Lang::En),
            residence: o.eligibility.residence.map(|r| r.code().to_owned()).unwrap_or_default(),
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
            packages: o.packages.clone(),
            activity_ids: o.activity_ids.clone(),
        }
    }

    /// The offer this form describes, on top of `base` (id, status, version, demo), or every
    /// problem: the form's own (numbers, codes, lines) and then `validate_offer_save`'s as of
    /// `today` (YYYY-MM-DD), as the server will check it.
    pub fn to_offer(&self, base: &Offer, today: &str) -> Result<Offer, Vec<FieldError>> {
        let mut errors = vec![];
        if self.provider_id.trim().is_empty() {
            // Picked from a list: "choose", at the list (not "enter the provider's name").
            errors.push(FieldError::new("provider.id", ErrorCode::Required, CHOOSE_PROVIDER.da, CHOOSE_PROVIDER.en));
        }
        let mut bad = |field: &str, t: Text| errors.push(FieldError::new(field, ErrorCode::Invalid, t.da, t.en));
        let category = Category::from_code(&self.category).unwrap_or_else(|| {
            bad("category", CHOOSE_CATEGORY);
            base.category
        });
        let format = Format::from_code(&self.format).unwrap_or(base.format);
        let region = RegionCode::from_code(&self.region).unwrap_or(base.region);
        let kind = ProviderKind::from_code(&self.provider_kind).unwrap_or(base.provider.kind);
        let capacity = Capacity::from_code(&self.capacity).unwrap_or(base.capacity);
        // A whole number of sessions or weeks; its range (-3, 65536) is `validate_offer`'s to say,
        // with the limits, so a number outside u16 is kept outside the range rather than wrapped.
        let count = |s: &str| s.trim().parse::<i64>().map(|n| n.clamp(0, u16::MAX.into()) as u16).map_err(|_| WHOLE_NUMBERS);
        let enrolment = if self.enrolment == "continuous" {
            Enrolment::Continuous
        } else {
            match (count(&self.sessions), count(&self.weeks)) {
                (Ok(sessions), Ok(weeks)) => Enrolment::Course { sessions, weeks },
                (Err(e), _) | (_, Err(e)) => {
                    bad("schedule.enrolment", e);
                    Enrolment::Course { sessions: 1, weeks: 1 }
                }
            }
        };
        let mut slots = vec![];
        for (i, line) in self.slots.lines().filter(|l| !l.trim().is_empty()).enumerate() {
            match parse_slot(line) {
                Some(s) => slots.push(s),
                None => bad(&format!("schedule.slots[{i}]"), SLOT_ROWS),
            }
        }
        let any_place = [&self.location_name, &self.address, &self.postcode, &self.city, &self.municipality_code, &self.lat, &self.lon]
            .iter()
            .any(|s| !s.trim().is_empty());
        let location = if format.has_place() || any_place {
            let point = match self.point() {
                Some(point) => point,
                None => {
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
        // Ages and the response time: a small whole number, or nothing.
        let mut small = |field: &str, s: &str, message: Text| match s.trim() {
            "" => None,
            a => a.parse::<u8>().map(Some).unwrap_or_else(|_| {
                bad(field, message);
                None
            }),
        };
        let response_days = small("referral.response_days", &self.response_days, WHOLE_DAYS);
        let eligibility = Eligibility {
            min_age: small("eligibility.min_age", &self.min_age, WHOLE_AGE),
            max_age: small("eligibility.max_age", &self.max_age, WHOLE_AGE),
            accepted_conditions: self.accepted_conditions.clone(),
            inclusion_note: label_of(&self.inclusion_da, &self.inclusion_en),
            exclusion_note: label_of(&self.exclusion_da, &self.exclusion_en),
            residence: Residence::from_code(&self.residence),
        };
        let offer = Offer {
            id: base.id.clone(),
            title: self.title.trim().into(),
            summary: self.summary.trim().into(),
            description: self.description.trim().into(),
            category,
            conditions: self.conditions.clone(),
            format,
            languages: self.languages.clone(),
            schedule: Schedule { enrolment, slots, next_start: opt(&self.next_start).map(|d| day(&d)) },
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
                response_days,
            },
            eligibility,
            capacity,
            cost: Cost { dkk, note: opt(&self.cost_note) },
            accessibility: opt(&self.accessibility),
            contact: Contact {
                name: opt(&self.contact_name),
                phone: opt(&self.contact_phone),
                email: opt(&self.contact_email),
                url: opt(&forebyg_shared::validation::web_address(&self.contact_url)),
            },
            status: base.status,
            last_verified: day(&self.last_verified),
            packages: self.packages.clone(),
            activity_ids: self.activity_ids.clone(),
            demo: base.demo,
            version: base.version,
        };
        // A new offer has no id yet: the server assigns it.
        let mut check = offer.clone();
        if check.id.is_empty() {
            check.id = "ny".into();
        }
        // An edit is checked as a save over the offer as loaded (a next start that passed
        // without this edit is not this edit's problem); a new offer in full.
        let before = (!base.id.is_empty()).then_some(base);
        for mut e in validate_offer_save(&check, before, today) {
            // The provider's name comes with the provider picked: its problems are the picker's,
            // said as a choice (not "Skriv udbyderens navn" at a select).
            if e.field == "provider.name" {
                e = FieldError::new("provider.id", e.code, "Vælg udbyderen.", "Choose the provider.");
            }
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
            response_days: None,
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

/// A typed day as YYYY-MM-DD ("3.12.2026" too); anything else as typed, for the validation to name.
fn day(typed: &str) -> String {
    parse_day(typed).unwrap_or_else(|| typed.trim().to_owned())
}
