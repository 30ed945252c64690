//! Who may join an offer, as data, and the one function that decides whether a patient may:
//! eligible, not eligible, or "check the note" (a human must read the offer's own criteria).
//! The API and the clinician pages both call [`assess`], so they can never disagree.

use crate::taxonomy::{Condition, RegionCode};
use crate::{Label, Lang};
use serde::{Deserialize, Serialize};

code_enum! {
    /// Where the people an offer takes must live: the offer's own municipality, its region, or
    /// anywhere in Denmark (typically a national digital offer).
    Residence {
        Municipality = "municipality", "Borgere i kommunen", "Residents of the municipality";
        Region = "region", "Borgere i regionen", "Residents of the region";
        Denmark = "denmark", "Alle i Danmark", "Anyone in Denmark";
    }
}

/// Where someone stands to an offer's residence rule: decided in one place ([`Residence::fit`]),
/// said by [`assess`] to the clinician and by `SearchOrigin::outside` on the citizen's results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResidenceFit {
    /// No rule, anywhere in Denmark, or within the rule.
    Within,
    /// They live in another region than the offer's: outside for certain.
    OtherRegion,
    /// Their post town lies in this other municipality than the rule's: likely outside (a
    /// postcode area can reach into a neighbouring municipality).
    OtherMunicipality(&'static str),
    /// Too little known to say: their region, or a municipality of a municipality rule.
    Unknown,
}

impl Residence {
    /// Where someone living in `region`, in the post town of `municipality` (named as in
    /// [`Area`]), stands to `rule` of an offer in `area`.
    pub fn fit(rule: Option<Residence>, area: &Area, region: Option<RegionCode>, municipality: Option<&'static str>) -> ResidenceFit {
        match (rule, region) {
            (None | Some(Residence::Denmark), _) => ResidenceFit::Within,
            (Some(_), None) => ResidenceFit::Unknown,
            (Some(_), Some(home)) if home != area.region => ResidenceFit::OtherRegion,
            (Some(Residence::Municipality), Some(_)) => match (area.municipality, municipality) {
                (Some(offers), Some(home)) if offers == home => ResidenceFit::Within,
                (Some(_), Some(home)) => ResidenceFit::OtherMunicipality(home),
                _ => ResidenceFit::Unknown,
            },
            (Some(Residence::Region), Some(_)) => ResidenceFit::Within,
        }
    }

    /// "for borgere i Aarhus Kommune", "for residents of Central Denmark Region", "for anyone
    /// living in Denmark".
    pub fn text(self, area: &Area) -> Label {
        match self.place(area) {
            Some(place) => Label { da: format!("for borgere i {}", place.da), en: format!("for residents of {}", place.en) },
            None => Label::new("for alle, der bor i Danmark", "for anyone living in Denmark"),
        }
    }

    /// The place participants must live in: "Aarhus Kommune", "Region Midtjylland"; `None` for
    /// all of Denmark.
    pub fn place(self, area: &Area) -> Option<Label> {
        Some(match self {
            Residence::Municipality => match area.municipality {
                Some(name) => municipality_label(name),
                None => Label::new("kommunen", "the municipality"),
            },
            // In a sentence, "the Region of Southern Denmark" (its name takes the article).
            Residence::Region => match area.region.label(Lang::En) {
                en if en.starts_with("Region of") => Label::new(area.region.label(Lang::Da), &format!("the {en}")),
                en => Label::new(area.region.label(Lang::Da), en),
            },
            Residence::Denmark => return None,
        })
    }
}

/// Where an offer belongs: its region and, for an offer with a place, its municipality's name.
/// What a [`Residence`] rule means is said in these names ("borgere i Aarhus Kommune").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Area {
    pub region: RegionCode,
    pub municipality: Option<&'static str>,
}

impl Area {
    /// The area of an offer in `region` held in the municipality with this kommunekode (unknown
    /// codes count as no municipality).
    pub fn new(region: RegionCode, municipality_code: Option<&str>) -> Area {
        Area { region, municipality: municipality_code.and_then(crate::geography::municipality).map(|m| m.name) }
    }

    /// For an editor choosing a [`Residence`] rule: which municipality and region the rules
    /// mean — the place's municipality and the offer's region ("Kommunen er den, stedet ligger
    /// i: Aarhus Kommune. Regionen er Region Midtjylland.").
    pub fn residence_hint(&self) -> Label {
        let region = Residence::Region.place(self).expect("a region is a place");
        match self.municipality {
            Some(_) => {
                let municipality = Residence::Municipality.place(self).expect("a municipality is a place");
                Label {
                    da: format!("Kommunen er den, stedet ligger i: {}. Regionen er {}.", municipality.da, region.da),
                    en: format!("The municipality is the one the place is in: {}. The region is {}.", municipality.en, region.en),
                }
            }
            None => Label {
                da: format!("Kommunen er den, stedet ligger i; tilbuddet har endnu ikke et sted med adresse. Regionen er {}.", region.da),
                en: format!("The municipality is the one the place is in; the offer has no place with an address yet. The region is {}.", region.en),
            },
        }
    }
}

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
    /// Who the offer is not for, e.g. "Personer med ustabil angina" (shown after "Ikke for:").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exclusion_note: Option<Label>,
    /// Where participants must live; `None`: not stated (the offer's own text may say).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residence: Option<Residence>,
}

impl Eligibility {
    /// No criteria at all.
    pub fn is_open(&self) -> bool {
        *self == Eligibility::default()
    }

    /// A youngest or oldest age.
    pub fn limits_age(&self) -> bool {
        self.min_age.is_some() || self.max_age.is_some()
    }

    /// An age limit or a list of accepted illnesses: what the join form says again (the
    /// residence has its own notice there).
    pub fn limits_age_or_illness(&self) -> bool {
        self.limits_age() || !self.accepted_conditions.is_empty()
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

    /// "only for KOL", "only for KOL or Type 2 diabetes"; `None` when any condition is accepted.
    pub fn conditions_text(&self) -> Option<Label> {
        let list = self.conditions_list(str::to_owned)?;
        Some(Label { da: format!("kun for {}", list.da), en: format!("only for {}", list.en) })
    }

    /// "KOL, Hjertesygdom eller Kræft": the accepted conditions' names, each through `name`;
    /// `None` when any condition is accepted.
    fn conditions_list(&self, name: fn(&str) -> String) -> Option<Label> {
        if self.accepted_conditions.is_empty() {
            return None;
        }
        let list = |lang: Lang, or: &str| {
            let names: Vec<String> = self.accepted_conditions.iter().map(|c| name(c.label(lang))).collect();
            crate::label::join_list(&names, or)
        };
        Some(Label { da: list(Lang::Da, "eller"), en: list(Lang::En, "or") })
    }

    /// Its residence rule in words ([`Residence::text`]); `None` when the offer states none.
    pub fn residence_text(&self, area: &Area) -> Option<Label> {
        self.residence.map(|r| r.text(area))
    }

    /// Who the offer is for in one plain sentence, from age, accepted conditions and residence:
    /// "Tilbuddet er for personer på 18 år og derover med KOL, som bor i Region Midtjylland."
    /// The inclusion and exclusion notes are the provider's own words and are shown apart.
    pub fn who_for(&self, area: &Area) -> Label {
        let (age, conditions) = (self.age_text(), self.conditions_list(in_sentence));
        if age.is_none() && conditions.is_none() && self.residence.is_none() {
            return Label::new(
                "Tilbuddet har ingen krav til alder, sygdom eller bopæl.",
                "The offer has no requirements for age, illness or residence.",
            );
        }
        // "for everyone who lives", "for people 18+ who live".
        let lives = if age.is_none() { "lives" } else { "live" };
        let mut da = age.as_ref().map_or_else(|| "for alle".to_owned(), |a| a.da.clone());
        let mut en = age.map_or_else(|| "for everyone".to_owned(), |a| a.en);
        if let Some(c) = conditions {
            da += &format!(" med {}", c.da);
            en += &format!(" with {}", c.en);
        }
        if let Some(rule) = self.residence {
            match rule.place(area) {
                Some(place) => {
                    da += &format!(", som bor i {}", place.da);
                    en += &format!(" who {lives} in {}", place.en);
                }
                None => {
                    da += ", uanset hvor i Danmark de bor";
                    en += ", wherever they live in Denmark";
                }
            }
        }
        Label { da: format!("Tilbuddet er {da}."), en: format!("The offer is {en}.") }
    }
}

/// The ages an offer takes, short, for a result card's "Alder": "18–65 år", "18 år og derover",
/// "op til 65 år"; `None` without limits.
pub fn age_span(min_age: Option<u8>, max_age: Option<u8>) -> Option<Label> {
    let (da, en) = match (min_age, max_age) {
        (None, None) => return None,
        (Some(min), None) => (format!("{min} år og derover"), format!("{min} or over")),
        (None, Some(max)) => (format!("op til {max} år"), format!("up to {max}")),
        (Some(min), Some(max)) => (format!("{min}–{max} år"), format!("{min}–{max}")),
    };
    Some(Label { da, en })
}

/// "Aarhus Kommune"; the capital and Bornholm have their own forms.
/// "Aarhus Kommune" / "Aarhus Municipality" (and "Københavns Kommune", "Bornholms Regionskommune").
pub fn municipality_label(name: &str) -> Label {
    Label { da: municipality_da(name), en: format!("{name} Municipality") }
}

fn municipality_da(name: &str) -> String {
    match name {
        "København" => "Københavns Kommune".to_owned(),
        "Bornholm" => "Bornholms Regionskommune".to_owned(),
        _ => format!("{name} Kommune"),
    }
}

/// A label as a word inside a sentence: "Type 2-diabetes" → "type 2-diabetes", "KOL" stays.
pub fn in_sentence(label: &str) -> String {
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if second.is_lowercase() => first.to_lowercase().chain(label.chars().skip(1)).collect(),
        _ => label.to_owned(),
    }
}

/// "For borgere i …": a text of this module as the start of a sentence or list item.
pub fn capitalise(text: &Label) -> Label {
    // Not `char::to_uppercase`: its Unicode tables would land in the citizen app's landing wasm
    // (every data segment stays in the main module); the sentences start with a Danish letter.
    let cap = |s: &str| {
        let mut c = s.chars();
        let upper = |f: char| match f {
            'æ' => 'Æ',
            'ø' => 'Ø',
            'å' => 'Å',
            f => f.to_ascii_uppercase(),
        };
        c.next().map(|f| std::iter::once(upper(f)).chain(c).collect()).unwrap_or_default()
    };
    Label { da: cap(&text.da), en: cap(&text.en) }
}

mod assess;
pub use assess::{assess, Assessment, Patient, Verdict};

#[cfg(test)]
mod tests;
