//! A new offer started from a gap in the coverage table: `/admin/tilbud/ny?kategori=…&region=…
//! &kommune=…&postnummer=…&tilbage=…` (and `&pakke=…&komponent=…` from a kronikerpakke's gap)
//! opens the form with what the gap says filled in (the intervention, the place, and the package
//! component it is to deliver), its back link leading to the coverage table as it was left (its
//! distance, drill-down and package). The parameters are named here only: the link and the form
//! read them alike.

use super::OfferForm;
use forebyg_shared::geography;
use forebyg_shared::package::PackageDelivery;
use forebyg_shared::taxonomy::{Category, RegionCode};

const CATEGORY: &str = "kategori";
const REGION: &str = "region";
const MUNICIPALITY: &str = "kommune";
const POSTCODE: &str = "postnummer";
const BACK: &str = "tilbage";
const PACKAGE: &str = "pakke";
const COMPONENT: &str = "komponent";
/// The coverage table, the only place the back link leads to.
const COVERAGE: &str = "/admin/daekning";

/// The new-offer form for `category` in a municipality (and one of its postcodes, from a
/// municipality's own table), from the coverage table at `back` (its address).
pub fn new_offer_href(category: Category, region: RegionCode, municipality: &str, postcode: Option<&str>, back: &str) -> String {
    let mut href = format!(
        "/admin/tilbud/ny?{CATEGORY}={}&{REGION}={}&{MUNICIPALITY}={}",
        category.code(),
        region.code(),
        forebyg_app::query::encode(municipality)
    );
    if let Some(p) = postcode {
        href.push_str(&format!("&{POSTCODE}={}", forebyg_app::query::encode(p)));
    }
    href.push_str(&format!("&{BACK}={}", forebyg_app::query::encode(back)));
    href
}

/// The new-offer form for a kronikerpakke's gap: [`new_offer_href`] for the component's
/// intervention, delivering `component` of `package` (ticked in the form, so the offer closes
/// the gap once published; a walk's admin found no way from the package's gaps at all).
pub fn package_gap_href(
    category: Category,
    package: &str,
    component: &str,
    region: RegionCode,
    municipality: &str,
    postcode: Option<&str>,
    back: &str,
) -> String {
    let enc = forebyg_app::query::encode;
    format!("{}&{PACKAGE}={}&{COMPONENT}={}", new_offer_href(category, region, municipality, postcode, back), enc(package), enc(component))
}

/// A package's or component's code as the API keeps them: lower-case letters, digits and dashes.
fn is_code(s: &str) -> bool {
    !s.is_empty() && s.len() <= 60 && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Where the form from a gap leads back to: the coverage table's address it came from, or the
/// table itself for any other (a link elsewhere is not followed from a shared address).
pub fn back_to_coverage(get: impl Fn(&str) -> Option<String>) -> String {
    coverage_back(get).unwrap_or_else(|| COVERAGE.to_owned())
}

/// The coverage table's address the page was opened from, when it names one.
pub fn coverage_back(get: impl Fn(&str) -> Option<String>) -> Option<String> {
    get(BACK).filter(|b| b == COVERAGE || b.strip_prefix(COVERAGE).is_some_and(|q| q.starts_with('?')))
}

/// The page of an offer just created from a gap: its back link still leads to the coverage
/// table at `back` (a walk's admin, having published the offer that closed the gap, was led to the
/// list of offers instead).
pub fn created_from_gap_href(id: &str, back: &str) -> String {
    let enc = forebyg_app::query::encode;
    format!("/admin/tilbud/{}?{BACK}={}", enc(id), enc(back))
}

impl OfferForm {
    /// Fills in what the address names, where it is sound: a known intervention, the region
    /// (the admin's own; a national admin may choose), a municipality of that region and a
    /// postcode. Anything else is left as the blank form has it.
    /// Whether the address came from a gap (it names a known intervention).
    pub fn prefill(&mut self, get: impl Fn(&str) -> Option<String>, may_choose_region: bool) -> bool {
        let category = get(CATEGORY).as_deref().and_then(Category::from_code);
        if let Some(c) = category {
            self.category = c.code().into();
        }
        if let Some(r) = get(REGION).as_deref().and_then(RegionCode::from_code).filter(|_| may_choose_region) {
            self.region = r.code().into();
        }
        let region = RegionCode::from_code(&self.region);
        if let Some(m) = get(MUNICIPALITY).as_deref().and_then(geography::municipality).filter(|m| Some(m.region) == region) {
            self.municipality_code = m.code.into();
        }
        if let Some(p) = get(POSTCODE).filter(|p| p.len() == 4 && p.bytes().all(|b| b.is_ascii_digit())) {
            self.postcode = p;
        }
        // Only with the gap's intervention: a package alone is no gap's address.
        if let Some((package, component)) = get(PACKAGE).zip(get(COMPONENT)).filter(|(p, c)| category.is_some() && is_code(p) && is_code(c)) {
            self.packages = vec![PackageDelivery { package, components: vec![component] }];
        }
        category.is_some()
    }
}
