//! Who may join an offer, as data, and the one function that decides whether a patient may:
//! eligible, not eligible, or "check the note" (a human must read the offer's own criteria).
//! The API and the clinician pages both call [`assess`], so they can never disagree.

use crate::taxonomy::Condition;
use crate::{Label, Lang};
use serde::{Deserialize, Serialize};

/// The oldest age the criteria can name.
pub const MAX_AGE: u8 = 120;

/// Structured eligibility criteria of an offer. Everything is optional: an offer without
/// criteria is open to everyone its search filters let through.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Eligibility {
    /// Youngest age (years) the offer takes, inclusive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_age: Option<u8>,
    /// Oldest age (years) the offer takes, inclusive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_age: Option<u8>,
    /// The conditions the offer accepts; empty: any condition (or none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accepted_conditions: Vec<Condition>,
    /// Who the offer is for beyond age and condition, e.g. "Diagnosen skal være stillet".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inclusion_note: Option<Label>,
    /// Who the offer is not for, e.g. "Ikke ved ustabil angina".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exclusion_note: Option<Label>,
}

impl Eligibility {
    /// No criteria at all.
    pub fn is_open(&self) -> bool {
        *self == Eligibility::default()
    }

    /// "for people 18+", "for people aged 18–65", "for people up to 65"; `None` without limits.
    pub fn age_text(&self) -> Option<Label> {
        let (da, en) = match (self.min_age, self.max_age) {
            (None, None) => return None,
            (Some(min), None) => (format!("for personer på {min} år og derover"), format!("for people {min}+")),
            (None, Some(max)) => (format!("for personer op til {max} år"), format!("for people up to {max}")),
            (Some(min), Some(max)) => (format!("for personer på {min}–{max} år"), format!("for people aged {min}–{max}")),
        };
        Some(Label { da, en })
    }

    /// "only for KOL", "only for KOL or type 2 diabetes"; `None` when any condition is accepted.
    pub fn conditions_text(&self) -> Option<Label> {
        if self.accepted_conditions.is_empty() {
            return None;
        }
        let list = |lang: Lang, or: &str| {
            let names: Vec<&str> = self.accepted_conditions.iter().map(|c| c.label(lang)).collect();
            match names.split_last() {
                Some((last, rest)) if !rest.is_empty() => format!("{} {or} {last}", rest.join(", ")),
                _ => names.join(""),
            }
        };
        Some(Label { da: format!("kun for {}", list(Lang::Da, "eller")), en: format!("only for {}", list(Lang::En, "or")) })
    }
}

/// What is known about the patient. Unknown facts (no age, no condition chosen) never make a
/// patient ineligible; they make the answer "check".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Patient<'a> {
    pub age: Option<u8>,
    pub conditions: &'a [Condition],
}

code_enum! {
    /// The answer of [`assess`].
    Verdict {
        Eligible = "eligible", "Kan deltage", "Eligible";
        NotEligible = "not-eligible", "Kan ikke deltage", "Not eligible";
        Check = "check", "Tjek kriterierne", "Check the criteria";
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
/// condition among the patient's). Otherwise "check" when a criterion cannot be decided (age or
/// conditions unknown) or the offer has an inclusion or exclusion note a person must read;
/// otherwise eligible.
pub fn assess(e: &Eligibility, patient: &Patient) -> Assessment {
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

fn capitalise(text: &Label) -> Label {
    let cap = |s: &str| {
        let mut c = s.chars();
        c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
    };
    Label { da: cap(&text.da), en: cap(&text.en) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Condition::*;

    fn kol_18_plus() -> Eligibility {
        Eligibility { min_age: Some(18), accepted_conditions: vec![Kol], ..Default::default() }
    }

    fn patient(age: Option<u8>, conditions: &[Condition]) -> Patient<'_> {
        Patient { age, conditions }
    }

    #[test]
    fn no_criteria_is_eligible_without_reasons() {
        let a = assess(&Eligibility::default(), &patient(None, &[]));
        assert_eq!((a.verdict, a.reasons.len()), (Verdict::Eligible, 0));
        assert!(Eligibility::default().is_open() && !kol_18_plus().is_open());
    }

    #[test]
    fn met_criteria_are_eligible_with_the_reasons() {
        let a = assess(&kol_18_plus(), &patient(Some(67), &[Kol, Type2Diabetes]));
        assert_eq!(a.verdict, Verdict::Eligible);
        assert_eq!(a.reasons.iter().map(|r| r.en.as_str()).collect::<Vec<_>>(), ["For people 18+", "Only for COPD"]);
        assert_eq!(a.reasons[1].da, "Kun for KOL");
    }

    #[test]
    fn a_broken_criterion_is_not_eligible_and_says_which() {
        let young = assess(&kol_18_plus(), &patient(Some(17), &[Kol]));
        assert_eq!((young.verdict, young.reasons[0].en.as_str()), (Verdict::NotEligible, "For people 18+"));
        let e = Eligibility { accepted_conditions: vec![Hjertesygdom, Type2Diabetes, Kraeft], ..Default::default() };
        let wrong = assess(&e, &patient(Some(67), &[Kol]));
        assert_eq!(wrong.verdict, Verdict::NotEligible);
        assert_eq!(wrong.reasons[0].en, "Only for Heart disease, Type 2 diabetes or Cancer");
        assert_eq!(wrong.reasons[0].da, "Kun for Hjertesygdom, Type 2-diabetes eller Kræft");
        let old = Eligibility { min_age: Some(18), max_age: Some(65), ..Default::default() };
        assert_eq!(assess(&old, &patient(Some(67), &[])).reasons[0].en, "For people aged 18–65");
        assert_eq!(assess(&old, &patient(Some(65), &[])).verdict, Verdict::Eligible, "limits are inclusive");
        let upto = Eligibility { max_age: Some(30), ..Default::default() };
        assert_eq!(assess(&upto, &patient(Some(31), &[])).reasons[0].da, "For personer op til 30 år");
    }

    #[test]
    fn a_failed_criterion_wins_over_notes_and_unknowns() {
        let e = Eligibility { exclusion_note: Some(Label::new("Ustabil angina", "Unstable angina")), ..kol_18_plus() };
        let a = assess(&e, &patient(None, &[Kraeft]));
        assert_eq!((a.verdict, a.reasons.len()), (Verdict::NotEligible, 1));
    }

    #[test]
    fn unknown_facts_and_notes_mean_check() {
        let a = assess(&kol_18_plus(), &patient(None, &[]));
        assert_eq!(a.verdict, Verdict::Check);
        assert_eq!(a.reasons[0].en, "Age unknown: the offer is for people 18+");
        assert_eq!(a.reasons[1].en, "No condition chosen: the offer is only for COPD");
        let noted = Eligibility { inclusion_note: Some(Label::new("Diagnosen skal være stillet", "Diagnosed")), ..Default::default() };
        let a = assess(&noted, &patient(Some(40), &[Kol]));
        assert_eq!((a.verdict, a.reasons[0].da.as_str()), (Verdict::Check, "Læs kriterierne: Diagnosen skal være stillet"));
    }

    #[test]
    fn old_records_without_criteria_still_read() {
        let e: Eligibility = serde_json::from_str("{}").unwrap();
        assert!(e.is_open());
        assert_eq!(serde_json::to_string(&kol_18_plus()).unwrap(), r#"{"min_age":18,"accepted_conditions":["kol"]}"#);
    }
}
