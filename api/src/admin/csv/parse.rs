//! Reading one row's cells back into an offer, leniently where spreadsheets rewrite values
//! (dates, kommunekoder, yes/no), strictly everywhere else.

use super::lists::split;
use super::COLUMNS;
use forebyg_shared::eligibility::{Eligibility, Residence};
use forebyg_shared::geo::GeoPoint;
use forebyg_shared::geography;
use forebyg_shared::offer::*;
use forebyg_shared::offer_validation::{MAX_COURSE_SESSIONS, MAX_COURSE_WEEKS};
use forebyg_shared::package::PackageDelivery;
use forebyg_shared::referral_route::ReferralMethod;
use forebyg_shared::taxonomy::*;
use forebyg_shared::validation::{self, ErrorCode, FieldError};
use forebyg_shared::Lang;

/// The cells of one row (in [`COLUMNS`] order) being read, collecting one error per column.
struct Row<'a> {
    cells: &'a [String],
    errors: Vec<FieldError>,
}

impl Row<'_> {
    fn get(&self, column: &str) -> &str {
        let i = COLUMNS.iter().position(|c| *c == column).expect("a known column");
        self.cells.get(i).map(String::as_str).unwrap_or("")
    }

    fn text(&self, column: &str) -> String {
        self.get(column).to_owned()
    }

    fn opt(&self, column: &str) -> Option<String> {
        Some(self.text(column)).filter(|s| !s.is_empty())
    }

    fn fail(&mut self, e: FieldError) {
        self.errors.push(e);
    }

    /// One of the codes `all` (as `code` names them), or one's Danish or English name as the
    /// workspace shows it (a spreadsheet's "Fysisk aktivitet" for `fysisk-aktivitet`); an unknown
    /// one's error lists the codes.
    fn code<T: Copy>(&mut self, column: &str, all: &[T], code: fn(T) -> &'static str, label: fn(T, Lang) -> &'static str) -> Option<T> {
        let value = self.get(column).to_lowercase();
        if let Some(t) = all.iter().copied().find(|&t| [Lang::Da, Lang::En].into_iter().any(|l| label(t, l).to_lowercase() == value)) {
            return Some(t);
        }
        if value.is_empty() {
            self.fail(FieldError::new(
                column,
                ErrorCode::Required,
                format!("Udfyld kolonnen »{column}«."),
                format!("Fill in the column “{column}”."),
            ));
            return None;
        }
        validation::listed_code(column, &value, all, code).map_err(|e| self.fail(e)).ok()
    }

    /// A code or nothing.
    fn optional_code<T: Copy>(&mut self, column: &str, all: &[T], code: fn(T) -> &'static str, label: fn(T, Lang) -> &'static str) -> Option<T> {
        if self.get(column).is_empty() {
            return None;
        }
        self.code(column, all, code, label)
    }

    fn number(&mut self, column: &str, min: u32, max: u32) -> Option<u32> {
        let value = self.text(column);
        validation::integer_in_range(column, &value, min, max).map_err(|e| self.fail(e)).ok()
    }

    fn flag(&mut self, column: &str) -> bool {
        match self.get(column).to_lowercase().as_str() {
            "ja" | "j" | "true" | "sand" | "yes" | "y" | "1" | "x" => true,
            "nej" | "n" | "false" | "falsk" | "no" | "0" | "" => false,
            other => {
                let other = other.to_owned();
                self.fail(FieldError::new(
                    column,
                    ErrorCode::Invalid,
                    format!("»{other}« er hverken ja eller nej."),
                    format!("“{other}” is neither yes nor no."),
                ));
                false
            }
        }
    }

    /// A list of codes (`kol;hjertesygdom`); each unknown one is an error.
    fn list<T: Copy>(&mut self, column: &str, all: &[T], code: fn(T) -> &'static str) -> Vec<T> {
        let mut out = vec![];
        for item in split(self.get(column)) {
            out.extend(validation::listed_code(column, &item.join("|").to_lowercase(), all, code).map_err(|e| self.fail(e)).ok());
        }
        out
    }

    /// An age in years, or nothing.
    fn age(&mut self, column: &str) -> Option<u8> {
        self.small_number(column, 0, forebyg_shared::eligibility::MAX_AGE)
    }

    /// A whole number within `min..=max`, or nothing.
    fn small_number(&mut self, column: &str, min: u8, max: u8) -> Option<u8> {
        if self.get(column).is_empty() {
            return None;
        }
        self.number(column, u32::from(min), u32::from(max)).map(|a| a as u8)
    }

    /// A bilingual text from `{prefix}_da` and `{prefix}_en`; `None` when both are empty.
    fn label(&self, prefix: &str) -> Option<forebyg_shared::Label> {
        let (da, en) = (self.text(&format!("{prefix}_da")), self.text(&format!("{prefix}_en")));
        (!da.is_empty() || !en.is_empty()).then_some(forebyg_shared::Label { da, en })
    }

    /// A date as YYYY-MM-DD, or as a Danish spreadsheet rewrites it: DD-MM-YYYY or DD.MM.YYYY.
    fn date(&mut self, column: &str) -> Option<String> {
        let value = self.text(column);
        if value.is_empty() {
            return None;
        }
        let b = value.as_bytes();
        let iso = if b.len() == 10 && (b[2] == b'-' || b[2] == b'.') && b[5] == b[2] {
            format!("{}-{}-{}", &value[6..10], &value[3..5], &value[0..2])
        } else {
            value
        };
        validation::iso_date(column, &iso).map_err(|e| self.fail(e)).ok().map(|_| iso)
    }
}

/// Reads one row's cells (in [`COLUMNS`] order) into an offer. The `id` is the cell's (maybe
/// empty), `version` the cell's if given; `demo` is false. An empty `last_verified` becomes
/// `default_verified`. Returns the offer with the errors of cells that could not be read; the
/// offer is only meaningful without errors (check it with `validate_offer` as well).
pub fn parse(cells: &[String], default_verified: &str) -> (Offer, Option<u64>, Vec<FieldError>) {
    let mut r = Row { cells, errors: vec![] };
    let version = match r.get("version") {
        "" => None,
        v => v
            .parse::<u64>()
            .map_err(|_| {
                r.fail(FieldError::new("version", ErrorCode::Invalid, "Versionen skal være et helt tal.", "The version must be a whole number."))
            })
            .ok(),
    };
    let status =
        if r.get("status").is_empty() { Some(OfferStatus::Draft) } else { r.code("status", OfferStatus::ALL, OfferStatus::code, OfferStatus::label) };
    let category = r.code("category", Category::ALL, Category::code, Category::label);
    let conditions = r.list("conditions", Condition::ALL, Condition::code);
    let format = r.code("format", Format::ALL, Format::code, Format::label);
    let languages = split(r.get("languages")).into_iter().map(|l| l.join("|").to_lowercase()).collect();
    let enrolment = match r.get("enrolment").to_lowercase().as_str() {
        "continuous" | "løbende" => Some(Enrolment::Continuous),
        "course" | "forløb" => {
            let (sessions, weeks) = (r.number("sessions", 1, MAX_COURSE_SESSIONS.into()), r.number("weeks", 1, MAX_COURSE_WEEKS.into()));
            Some(Enrolment::Course { sessions: sessions.unwrap_or(1) as u16, weeks: weeks.unwrap_or(1) as u16 })
        }
        _ => {
            r.fail(FieldError::new("enrolment", ErrorCode::Invalid, "Skriv continuous eller course.", "Write continuous or course."));
            None
        }
    };
    let slots = parse_slots(&mut r);
    let next_start = r.date("next_start");
    let location = parse_location(&mut r);
    let region = r.code("region", RegionCode::ALL, RegionCode::code, RegionCode::label);
    let provider_kind = r.code("provider_kind", ProviderKind::ALL, ProviderKind::code, ProviderKind::label);
    let referral = ReferralRules {
        self_referral: r.flag("self_referral"),
        from_gp: r.flag("from_gp"),
        from_hospital: r.flag("from_hospital"),
        from_municipality: r.flag("from_municipality"),
        note: r.opt("referral_note"),
        methods: r.list("referral_methods", ReferralMethod::ALL, ReferralMethod::code),
        must_include: r.label("referral_must_include"),
        response_days: r.small_number("response_days", 1, forebyg_shared::offer_validation::MAX_RESPONSE_DAYS),
    };
    let eligibility = Eligibility {
        min_age: r.age("min_age"),
        max_age: r.age("max_age"),
        accepted_conditions: r.list("eligible_conditions", Condition::ALL, Condition::code),
        inclusion_note: r.label("inclusion_note"),
        exclusion_note: r.label("exclusion_note"),
        residence: r.optional_code("residence", Residence::ALL, Residence::code, Residence::label),
    };
    let capacity = r.code("capacity", Capacity::ALL, Capacity::code, Capacity::label);
    let dkk = if r.get("cost_dkk").is_empty() { Some(0) } else { r.number("cost_dkk", 0, forebyg_shared::offer_validation::MAX_COST_DKK) };
    let last_verified = r.date("last_verified").unwrap_or_else(|| default_verified.to_owned());
    let packages = parse_packages(&mut r);
    let activity_ids = split(r.get("activity_ids")).into_iter().map(|parts| parts.join("|")).collect();
    let offer = Offer {
        id: r.text("id"),
        title: r.text("title"),
        summary: r.text("summary"),
        description: r.text("description"),
        category: category.unwrap_or(Category::AfklarendeSamtale),
        conditions,
        format: format.unwrap_or(Format::OnSite),
        languages,
        schedule: Schedule { enrolment: enrolment.unwrap_or(Enrolment::Continuous), slots, next_start },
        location,
        location_id: r.opt("location_id"),
        region: region.unwrap_or(RegionCode::Midtjylland),
        provider: Provider { id: r.text("provider_id"), name: r.text("provider_name"), kind: provider_kind.unwrap_or(ProviderKind::Municipality) },
        referral,
        eligibility,
        capacity: capacity.unwrap_or(Capacity::Open),
        cost: Cost { dkk: dkk.unwrap_or(0), note: r.opt("cost_note") },
        accessibility: r.opt("accessibility"),
        contact: Contact { name: r.opt("contact_name"), phone: r.opt("contact_phone"), email: r.opt("contact_email"), url: r.opt("contact_url") },
        status: status.unwrap_or(OfferStatus::Draft),
        last_verified,
        packages,
        activity_ids,
        demo: false,
        version: version.unwrap_or(0),
    };
    if r.get("provider_id").is_empty() {
        r.fail(FieldError::new("provider_id", ErrorCode::Required, "Angiv udbyderens id.", "Enter the provider's id."));
    }
    (offer, version, r.errors)
}

/// `tue 17:00-19:00;sat 10:00-12:00`, or as the admin's forms take them ("Tirsdag 17.00–18.30").
fn parse_slots(r: &mut Row) -> Vec<TimeSlot> {
    let mut slots = vec![];
    for item in split(r.get("slots")) {
        let item = item.join("|");
        match forebyg_shared::slot_text::read_slot(&item) {
            Some(slot) => slots.push(slot),
            None => r.fail(FieldError::new(
                "slots",
                ErrorCode::Invalid,
                format!("»{item}« er ikke en ugedag og et tidsrum som »tue 17:00-19:00«."),
                format!("“{item}” is not a weekday and time range such as “tue 17:00-19:00”."),
            )),
        }
    }
    slots
}

/// The place, if any location cell is filled. An empty city or lat/lon is taken from the postcode.
fn parse_location(r: &mut Row) -> Option<Location> {
    const CELLS: [&str; 7] = ["location_name", "address", "postcode", "city", "municipality_code", "lat", "lon"];
    if CELLS.iter().all(|c| r.get(c).is_empty()) {
        return None;
    }
    let postcode = r.text("postcode");
    let known = geography::postcode(&postcode);
    if known.is_none() && validation::postcode_format("postcode", &postcode).is_ok() {
        r.fail(validation::unknown_postcode("postcode", &postcode));
    }
    let point = match (r.get("lat").is_empty() && r.get("lon").is_empty(), known) {
        (true, Some(pc)) => Some(pc.point),
        (true, None) => {
            r.fail(FieldError::required(
                "lat",
                "breddegrad og længdegrad (eller et kendt postnummer)",
                "latitude and longitude (or a known postcode)",
            ));
            None
        }
        (false, _) => {
            let lat = coordinate("lat", r.get("lat"), 90.0).map_err(|e| r.fail(e)).ok();
            let lon = coordinate("lon", r.get("lon"), 180.0).map_err(|e| r.fail(e)).ok();
            lat.zip(lon).map(|(lat, lon)| GeoPoint::new(lat, lon))
        }
    };
    // Spreadsheets drop the leading zero of a kommunekode ("0751" → 751): restore it.
    let municipality_code = r.text("municipality_code");
    let municipality_code = geography::municipality(&municipality_code).map_or(municipality_code, |m| m.code.to_owned());
    Some(Location {
        name: r.text("location_name"),
        address: r.text("address"),
        city: r.opt("city").or_else(|| known.map(|pc| pc.name.to_owned())).unwrap_or_default(),
        postcode,
        municipality_code,
        point: point.unwrap_or(GeoPoint::new(0.0, 0.0)),
    })
}

/// A coordinate, with a decimal point or comma. Parsed with the exact `f64` parser (not the
/// browser-sized `validation::number_in_range`), so an exported coordinate reads back unchanged.
fn coordinate(column: &str, value: &str, max: f64) -> Result<f64, FieldError> {
    match value.replace(',', ".").parse::<f64>() {
        Ok(n) if n.is_finite() && n.abs() <= max => Ok(n),
        Ok(n) if n.is_finite() => Err(FieldError::new(
            column,
            ErrorCode::OutOfRange,
            format!("Skal være mellem -{max} og {max}."),
            format!("Must be between -{max} and {max}."),
        )),
        _ => Err(FieldError::new(column, ErrorCode::Invalid, format!("»{value}« er ikke et tal."), format!("“{value}” is not a number."))),
    }
}

/// `package|component|component` items; whether they exist is checked against the records.
fn parse_packages(r: &mut Row) -> Vec<PackageDelivery> {
    let mut out = vec![];
    for mut parts in split(r.get("packages")) {
        if parts.len() < 2 || parts.iter().any(String::is_empty) {
            r.fail(FieldError::new(
                "packages",
                ErrorCode::Invalid,
                "Skriv hver pakke som pakke|komponent|komponent, adskilt af semikolon, fx kol|fysisk-aktivitet.",
                "Write each package as package|component|component, separated by semicolons, e.g. kol|fysisk-aktivitet.",
            ));
            continue;
        }
        let package = parts.remove(0).to_lowercase();
        out.push(PackageDelivery { package, components: parts.into_iter().map(|c| c.to_lowercase()).collect() });
    }
    out
}

/// The CSV column of a field named by `validate_offer` (a JSON path of the offer).
fn column_of_eligibility(path: &str) -> &str {
    match path {
        "eligibility.min_age" => "min_age",
        "eligibility.max_age" => "max_age",
        "eligibility.inclusion_note.da" => "inclusion_note_da",
        "eligibility.inclusion_note.en" => "inclusion_note_en",
        "eligibility.exclusion_note.da" => "exclusion_note_da",
        "eligibility.exclusion_note.en" => "exclusion_note_en",
        "eligibility.residence" => "residence",
        "referral.response_days" => "response_days",
        _ => "eligible_conditions",
    }
}

pub fn column_of(path: &str) -> &str {
    // A list's item (`languages[1]`, `packages[0].components[2]`) is its list's column.
    let list = path.split('[').next().unwrap_or(path);
    match list {
        "provider.id" => "provider_id",
        "provider.name" => "provider_name",
        "provider.kind" => "provider_kind",
        "schedule.next_start" => "next_start",
        "schedule.enrolment" => "sessions",
        "schedule.slots" => "slots",
        "referral" | "referral.self_referral" => "self_referral",
        "referral.from_gp" => "from_gp",
        "referral.from_hospital" => "from_hospital",
        "referral.from_municipality" => "from_municipality",
        "referral.note" => "referral_note",
        "referral.methods" => "referral_methods",
        "referral.must_include" | "referral.must_include.da" => "referral_must_include_da",
        "referral.must_include.en" => "referral_must_include_en",
        p if p.starts_with("eligibility.") || p == "referral.response_days" => column_of_eligibility(p),
        "cost" | "cost.dkk" => "cost_dkk",
        "cost.note" => "cost_note",
        "contact" | "contact.name" => "contact_name",
        "contact.phone" => "contact_phone",
        "contact.email" => "contact_email",
        "contact.url" => "contact_url",
        "location" | "location.address" => "address",
        "location.name" => "location_name",
        "location.postcode" => "postcode",
        "location.city" => "city",
        "location.municipality_code" => "municipality_code",
        "location.point" | "location.point.lat" => "lat",
        "location.point.lon" => "lon",
        p => p,
    }
}

/// Where a column stands in the file (unknown names, e.g. `file`, last): errors are listed in
/// row order, then in the file's column order.
pub fn column_position(column: &str) -> usize {
    super::COLUMNS.iter().position(|c| *c == column).unwrap_or(super::COLUMNS.len())
}

#[cfg(test)]
mod tests;
