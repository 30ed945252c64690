//! [`assess`]: whether a patient may join an offer with given criteria, with the reasons, in
//! Danish and English.

use super::{capitalise, municipality_da, Area, Eligibility, Residence, ResidenceFit};
use crate::geography::Postcode;
use crate::taxonomy::{Condition, RegionCode};
use crate::Label;
use serde::{Deserialize, Serialize};

/// What is known about the patient. Unknown facts (no age, no condition chosen) never make a
/// patient ineligible; they make the answer "check".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Patient<'a> {
    pub age: Option<u8>,
    pub conditions: &'a [Condition],
    /// The region the patient lives in (from their postcode), if known.
    pub region: Option<RegionCode>,
    /// The name of the municipality of their postcode's post town (as in [`Area`]), if known.
    /// Only a likelihood: a postcode area can reach into a neighbouring municipality.
    pub municipality: Option<&'static str>,
}

impl<'a> Patient<'a> {
    /// A patient living at `home` (a postcode), if known.
    pub fn new(age: Option<u8>, conditions: &'a [Condition], home: Option<&'static Postcode>) -> Patient<'a> {
        Patient { age, conditions, region: home.map(|p| p.region), municipality: home.map(|p| p.municipality().name) }
    }
}

code_enum! {
    /// The answer of [`assess`].
    Verdict {
        Eligible = "eligible", "Kan deltage", "Eligible";
        NotEligible = "not-eligible", "Kan ikke deltage", "Not eligible";
        Check = "check", "Tjek kriterierne", "Check the criteria";
    }
}

impl Verdict {
    /// A clinician's order: offers the patient may join, then those whose criteria must be
    /// read, then those the patient may not join.
    pub fn rank(self) -> u8 {
        match self {
            Verdict::Eligible => 0,
            Verdict::Check => 1,
            Verdict::NotEligible => 2,
        }
    }
}

/// The verdict with the reasons behind it, in Danish and English, ready to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Assessment {
    pub verdict: Verdict,
    /// Why: failed criteria for `not-eligible`, unknown facts and notes to read for `check`,
    /// the criteria met for `eligible` (empty when the offer has none).
    pub reasons: Vec<Label>,
}

/// Decides whether a patient may join an offer with these criteria.
///
/// Not eligible when a known fact breaks a criterion (age outside the limits, no accepted
/// condition among the patient's, living in another region than the offer's residence rule
/// allows). Otherwise "check" when a criterion cannot be decided (age, conditions or region
/// unknown; a municipality rule for a patient whose postcode's post town lies in another
/// municipality of the region, since the postcode area may reach into the offer's) or the offer
/// has an inclusion or exclusion note a person must read; otherwise eligible. A municipality rule
/// is met when the post town lies in the offer's municipality, and the reason says it goes by the
/// postcode: a refusal would cost the patient weeks, so only the region refuses.
pub fn assess(e: &Eligibility, area: &Area, patient: &Patient) -> Assessment {
    let (mut failed, mut unknown, mut met) = (vec![], vec![], vec![]);
    if let Some(text) = e.age_text() {
        match patient.age {
            None => unknown.push(with_prefix(&text, "Alder ukendt: tilbuddet er ", "Age unknown: the offer is ")),
            Some(age) if e.min_age.is_some_and(|m| age < m) || e.max_age.is_some_and(|m| age > m) => failed.push(capitalise(&text)),
            Some(_) => met.push(capitalise(&text)),
        }
    }
    if let Some(text) = e.conditions_text() {
        if patient.conditions.is_empty() {
            unknown.push(with_prefix(&text, "Ingen sygdom valgt: tilbuddet er ", "No condition chosen: the offer is "));
        } else if patient.conditions.iter().any(|c| e.accepted_conditions.contains(c)) {
            met.push(capitalise(&text));
        } else {
            failed.push(capitalise(&text));
        }
    }
    if let Some(text) = e.residence_text(area) {
        let municipal = e.residence == Some(Residence::Municipality);
        match Residence::fit(e.residence, area, patient.region, patient.municipality) {
            ResidenceFit::OtherRegion => failed.push(with_prefix(&text, "Kun ", "Only ")),
            ResidenceFit::Unknown if patient.region.is_none() => {
                unknown.push(with_prefix(&text, "Bopæl ukendt: tilbuddet er ", "Residence unknown: the offer is "))
            }
            ResidenceFit::Unknown => unknown.push(with_prefix(&text, "Tjek bopæl: tilbuddet er kun ", "Check residence: the offer is only ")),
            ResidenceFit::OtherMunicipality(home) => unknown.push(with_suffix(
                &with_prefix(&text, "Tjek bopæl: tilbuddet er kun ", "Check residence: the offer is only "),
                &format!(", og postnummeret hører til {}", municipality_da(home)),
                &format!(", and the postcode belongs to {home} Municipality"),
            )),
            ResidenceFit::Within if municipal => met.push(with_suffix(&capitalise(&text), " (ud fra postnummeret)", " (going by the postcode)")),
            ResidenceFit::Within => met.push(capitalise(&text)),
        }
    }
    if !failed.is_empty() {
        return Assessment { verdict: Verdict::NotEligible, reasons: failed };
    }
    let notes = [
        e.inclusion_note.as_ref().map(|n| with_prefix(n, "Læs kriterierne: ", "Read the criteria: ")),
        e.exclusion_note.as_ref().map(|n| with_prefix(n, "Ikke for: ", "Not for: ")),
    ];
    unknown.extend(notes.into_iter().flatten());
    if !unknown.is_empty() {
        return Assessment { verdict: Verdict::Check, reasons: unknown };
    }
    Assessment { verdict: Verdict::Eligible, reasons: met }
}

fn with_prefix(text: &Label, da: &str, en: &str) -> Label {
    Label { da: format!("{da}{}", text.da), en: format!("{en}{}", text.en) }
}

fn with_suffix(text: &Label, da: &str, en: &str) -> Label {
    Label { da: format!("{}{da}", text.da), en: format!("{}{en}", text.en) }
}
