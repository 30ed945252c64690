//! Offers as CSV, the way providers keep their lists: one row per offer (at its location), one
//! column per field. The mapping is documented in `api/docs/csv.md`; [`import`] reads it back.
//!
//! Export and import are inverse: `parse(cells(offer)) == offer` for every valid offer, so an
//! exported file re-imports without change.

mod changes;
pub mod encoding;
mod import;
mod lists;
mod parse;
mod records;

use import::as_in_csv;
pub use import::import;
pub use parse::{column_of, parse};

use forebyg_shared::offer::{Enrolment, Location, Offer};
use lists::join;

/// The columns, in export order. An import needs every one of them, in any order (except
/// [`OPTIONAL_COLUMNS`]).
#[rustfmt::skip]
pub const COLUMNS: [&str; 55] = [
    "id", "version", "status", "title", "summary", "description", "category", "conditions", "format", "languages",
    "enrolment", "sessions", "weeks", "slots", "next_start",
    "location_id", "location_name", "address", "postcode", "city", "municipality_code", "lat", "lon",
    "region", "provider_id", "provider_name", "provider_kind",
    "self_referral", "from_gp", "from_hospital", "from_municipality", "referral_note",
    "capacity", "cost_dkk", "cost_note", "accessibility",
    "contact_name", "contact_phone", "contact_email", "contact_url",
    "last_verified", "packages", "activity_ids",
    "referral_methods", "referral_must_include_da", "referral_must_include_en",
    "min_age", "max_age", "eligible_conditions",
    "inclusion_note_da", "inclusion_note_en", "exclusion_note_da", "exclusion_note_en", "residence", "response_days",
];

/// Columns a file may leave out (files exported by earlier versions lack them): a row of an
/// existing offer then keeps the stored values, a new offer has them empty; the report lists
/// the columns left out.
#[rustfmt::skip]
pub const OPTIONAL_COLUMNS: [&str; 15] = [
    "location_id", "packages", "activity_ids",
    "referral_methods", "referral_must_include_da", "referral_must_include_en", "min_age", "max_age", "eligible_conditions",
    "inclusion_note_da", "inclusion_note_en", "exclusion_note_da", "exclusion_note_en", "residence", "response_days",
];

pub(crate) use forebyg_shared::spreadsheet::unguard_formula;
/// A UTF-8 byte order mark starts every export, so Excel reads æ, ø and å correctly.
pub use forebyg_shared::spreadsheet::BOM;

/// The file ([`forebyg_shared::spreadsheet`], as every export): BOM, header row, one row per
/// offer, CRLF, cells a spreadsheet would run as a formula guarded with a `'`.
pub fn write(offers: &[Offer]) -> Vec<u8> {
    let mut sheet = forebyg_shared::spreadsheet::Sheet::new();
    sheet.row(COLUMNS);
    for offer in offers {
        sheet.row(cells(offer));
    }
    sheet.finish().into_bytes()
}

fn yes_no(b: bool) -> String {
    (if b { "ja" } else { "nej" }).into()
}

/// Decimals of exported coordinates: 6 is about 0.1 m, and fits the 15 significant digits a
/// spreadsheet keeps (17-digit coordinates came back changed from Excel).
pub const COORDINATE_DECIMALS: u32 = 6;

/// A coordinate with a decimal comma (as Danish spreadsheets write numbers), to
/// [`COORDINATE_DECIMALS`] decimals.
fn decimal(n: f64) -> String {
    forebyg_shared::decimal::format(n, COORDINATE_DECIMALS).replace('.', ",")
}

/// One offer's cells, in [`COLUMNS`] order.
pub fn cells(o: &Offer) -> Vec<String> {
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    let label = |l: &Option<forebyg_shared::Label>| l.as_ref().map(|l| (l.da.clone(), l.en.clone())).unwrap_or_default();
    let e = &o.eligibility;
    let (must_da, must_en) = label(&o.referral.must_include);
    let (incl_da, incl_en) = label(&e.inclusion_note);
    let (excl_da, excl_en) = label(&e.exclusion_note);
    let age = |a: Option<u8>| a.map(|a| a.to_string()).unwrap_or_default();
    let (enrolment, sessions, weeks) = match o.schedule.enrolment {
        Enrolment::Continuous => ("continuous", String::new(), String::new()),
        Enrolment::Course { sessions, weeks } => ("course", sessions.to_string(), weeks.to_string()),
    };
    let slots = o.schedule.slots.iter().map(|s| vec![format!("{} {}-{}", s.weekday.code(), s.start, s.end)]);
    let l = o.location.as_ref();
    let place = |f: fn(&Location) -> String| l.map(f).unwrap_or_default();
    // `kol|fysisk-aktivitet|sygdomsmestring;laenderygsmerter|fysisk-aktivitet`: package, components.
    let packages = o.packages.iter().map(|d| std::iter::once(d.package.clone()).chain(d.components.iter().cloned()).collect());
    vec![
        o.id.clone(),
        o.version.to_string(),
        o.status.code().into(),
        o.title.clone(),
        o.summary.clone(),
        o.description.clone(),
        o.category.code().into(),
        join(o.conditions.iter().map(|c| vec![c.code().to_owned()])),
        o.format.code().into(),
        join(o.languages.iter().map(|l| vec![l.clone()])),
        enrolment.into(),
        sessions,
        weeks,
        join(slots),
        opt(&o.schedule.next_start),
        o.location_id.clone().unwrap_or_default(),
        place(|l| l.name.clone()),
        place(|l| l.address.clone()),
        place(|l| l.postcode.clone()),
        place(|l| l.city.clone()),
        place(|l| l.municipality_code.clone()),
        place(|l| decimal(l.point.lat)),
        place(|l| decimal(l.point.lon)),
        o.region.code().into(),
        o.provider.id.clone(),
        o.provider.name.clone(),
        o.provider.kind.code().into(),
        yes_no(o.referral.self_referral),
        yes_no(o.referral.from_gp),
        yes_no(o.referral.from_hospital),
        yes_no(o.referral.from_municipality),
        opt(&o.referral.note),
        o.capacity.code().into(),
        o.cost.dkk.to_string(),
        opt(&o.cost.note),
        opt(&o.accessibility),
        opt(&o.contact.name),
        opt(&o.contact.phone),
        opt(&o.contact.email),
        opt(&o.contact.url),
        o.last_verified.clone(),
        join(packages),
        join(o.activity_ids.iter().map(|id| vec![id.clone()])),
        join(o.referral.methods.iter().map(|m| vec![m.code().to_owned()])),
        must_da,
        must_en,
        age(e.min_age),
        age(e.max_age),
        join(e.accepted_conditions.iter().map(|c| vec![c.code().to_owned()])),
        incl_da,
        incl_en,
        excl_da,
        excl_en,
        e.residence.map(|r| r.code().to_owned()).unwrap_or_default(),
        o.referral.response_days.map(|d| d.to_string()).unwrap_or_default(),
    ]
}
