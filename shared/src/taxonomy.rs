//! Stable machine codes with Danish and English labels: the interventions of the national quality
//! standards, the target conditions, formats and the regions as of 2027.
//!
//! Codes are part of the public API and URLs: never rename one, add a new one.

use crate::Lang;

code_enum! {
    /// The six interventions every region must offer, plus offers for stress, anxiety and depression.
    Category {
        AfklarendeSamtale = "afklarende-samtale", "Afklarende samtale", "Intake conversation";
        Sygdomsmestring = "sygdomsmestring", "Sygdomsmestring", "Self-management";
        Nikotinafvaenning = "nikotinafvaenning", "Rygestop og nikotinafvænning", "Quit smoking and nicotine";
        FysiskAktivitet = "fysisk-aktivitet", "Fysisk aktivitet", "Physical activity";
        Ernaering = "ernaeringsindsats", "Kost og ernæring", "Diet and nutrition";
        Alkohol = "alkohol", "Samtale om alkohol", "Conversation about alcohol";
        StressAngstDepression = "stress-angst-depression", "Stress, angst og depression", "Stress, anxiety and depression";
    }
}

impl Category {
    /// The six interventions required by the national quality standards.
    pub const REQUIRED: &'static [Category] = &[
        Category::AfklarendeSamtale,
        Category::Sygdomsmestring,
        Category::Nikotinafvaenning,
        Category::FysiskAktivitet,
        Category::Ernaering,
        Category::Alkohol,
    ];

    /// A plain-language explanation for people who do not know the professional term.
    pub fn description(self, lang: Lang) -> &'static str {
        use Category::*;
        match (self, lang) {
            (AfklarendeSamtale, Lang::Da) => {
                "En første snak med en sundhedsprofessionel om, hvad du har brug for, og hvilke tilbud der passer til dig."
            }
            (AfklarendeSamtale, Lang::En) => "A first talk with a health professional about what you need and which offers suit you.",
            (Sygdomsmestring, Lang::Da) => "Lær at leve godt med din sygdom sammen med andre i samme situation.",
            (Sygdomsmestring, Lang::En) => "Learn to live well with your illness together with others in the same situation.",
            (Nikotinafvaenning, Lang::Da) => "Gratis hjælp til at stoppe med at ryge, dampe eller bruge snus.",
            (Nikotinafvaenning, Lang::En) => "Free help to stop smoking, vaping or using snus.",
            (FysiskAktivitet, Lang::Da) => "Træning tilpasset dit helbred, med instruktør og i dit eget tempo.",
            (FysiskAktivitet, Lang::En) => "Exercise adapted to your health, with an instructor and at your own pace.",
            (Ernaering, Lang::Da) => "Råd og vejledning om mad, der passer til din sygdom og din hverdag.",
            (Ernaering, Lang::En) => "Advice about food that suits your illness and your everyday life.",
            (Alkohol, Lang::Da) => "En fortrolig samtale om dine alkoholvaner og hjælp, hvis du vil ændre dem.",
            (Alkohol, Lang::En) => "A confidential talk about your drinking habits and help if you want to change them.",
            (StressAngstDepression, Lang::Da) => "Forløb, der giver redskaber til at håndtere stress, angst og nedtrykthed.",
            (StressAngstDepression, Lang::En) => "Courses that give you tools to handle stress, anxiety and low mood.",
        }
    }
}

code_enum! {
    /// Chronic conditions the offers target.
    Condition {
        Kol = "kol", "KOL", "COPD";
        Type2Diabetes = "type-2-diabetes", "Type 2-diabetes", "Type 2 diabetes";
        Hjertesygdom = "hjertesygdom", "Hjertesygdom", "Heart disease";
        Kraeft = "kraeft", "Kræft", "Cancer";
        MuskelSkelet = "muskel-skeletlidelser", "Muskel- og skeletlidelser", "Musculoskeletal disorders";
        Laenderyg = "laenderygsmerter", "Lænderygsmerter", "Low back pain";
        AngstDepression = "angst-depression", "Angst og depression", "Anxiety and depression";
    }
}

impl Condition {
    /// Whether an offer's target groups are every chronic condition (an offer for anyone with
    /// one), not some it was made for.
    pub fn all_in(conditions: &[Condition]) -> bool {
        Condition::ALL.iter().all(|c| conditions.contains(c))
    }
}

code_enum! {
    /// Where an offer takes place.
    Format {
        OnSite = "on-site", "Fremmøde", "On site";
        Digital = "digital", "Digitalt", "Digital";
        Hybrid = "hybrid", "Både fremmøde og digitalt", "Both on site and digital";
    }
}

impl Format {
    /// Whether the offer has a physical place (and so a location and a distance).
    pub fn has_place(self) -> bool {
        !matches!(self, Format::Digital)
    }
}

code_enum! {
    /// The regions responsible for patient-oriented prevention from 1 January 2027.
    RegionCode {
        Nordjylland = "nordjylland", "Region Nordjylland", "North Denmark Region";
        Midtjylland = "midtjylland", "Region Midtjylland", "Central Denmark Region";
        Syddanmark = "syddanmark", "Region Syddanmark", "Region of Southern Denmark";
        Oestdanmark = "oestdanmark", "Region Østdanmark", "Region East Denmark";
    }
}

impl RegionCode {
    /// Maps an ISO 3166-2 region (DK-81..DK-85, the five regions before 2027) to a 2027 region.
    pub fn from_iso(iso: &str) -> Option<Self> {
        match iso {
            "DK-81" => Some(RegionCode::Nordjylland),
            "DK-82" => Some(RegionCode::Midtjylland),
            "DK-83" => Some(RegionCode::Syddanmark),
            // Hovedstaden and Sjælland merge into Region Østdanmark.
            "DK-84" | "DK-85" => Some(RegionCode::Oestdanmark),
            _ => None,
        }
    }

    /// The region's own ISO 3166-2 code; Region Østdanmark (Hovedstaden DK-84 and Sjælland DK-85
    /// merged) has none yet.
    pub fn iso(self) -> Option<&'static str> {
        match self {
            RegionCode::Nordjylland => Some("DK-81"),
            RegionCode::Midtjylland => Some("DK-82"),
            RegionCode::Syddanmark => Some("DK-83"),
            RegionCode::Oestdanmark => None,
        }
    }
}

code_enum! {
    /// The five kronikerpakker known when packages became records: their stable codes and the
    /// names and start years they are seeded with (see [`crate::package::known_packages`]). The
    /// packages themselves, their components and per-region years, are data edited by national
    /// admins; new packages get new codes there, not here.
    Kronikerpakke {
        Kol = "kol", "Kronikerpakke for KOL", "Chronic care package for COPD";
        Laenderyg = "laenderygsmerter", "Kronikerpakke for lænderygsmerter", "Chronic care package for low back pain";
        Type2Diabetes = "type-2-diabetes", "Kronikerpakke for type 2-diabetes", "Chronic care package for type 2 diabetes";
        Hjertesygdom = "hjertesygdom", "Kronikerpakke for hjertesygdom", "Chronic care package for heart disease";
        KompleksMultisygdom = "kompleks-multisygdom", "Kronikerpakke for kompleks multisygdom", "Chronic care package for complex multimorbidity";
    }
}

impl Kronikerpakke {
    /// The year the package takes effect, as agreed in the health reform (seed value).
    pub fn from_year(self) -> u16 {
        match self {
            Kronikerpakke::Kol | Kronikerpakke::Laenderyg => 2027,
            Kronikerpakke::Type2Diabetes => 2028,
            Kronikerpakke::Hjertesygdom => 2029,
            Kronikerpakke::KompleksMultisygdom => 2031,
        }
    }
}

code_enum! {
    /// How many places are left.
    Capacity {
        Open = "open", "Ledige pladser", "Places available";
        FewPlaces = "few-places", "Få ledige pladser", "Few places left";
        Waitlist = "waitlist", "Venteliste", "Waiting list";
        Full = "full", "Fuldt booket", "Full";
    }
}

code_enum! {
    /// Publication state of a listing; only published offers are visible to the public.
    OfferStatus {
        Draft = "draft", "Kladde", "Draft";
        Published = "published", "Offentliggjort", "Published";
        Archived = "archived", "Arkiveret", "Archived";
    }
}

code_enum! {
    /// Who runs an offer. A municipality often runs an offer on the region's behalf.
    ProviderKind {
        Municipality = "municipality", "Kommune", "Municipality";
        Region = "region", "Region", "Region";
        Hospital = "hospital", "Hospital", "Hospital";
        GeneralPractice = "general-practice", "Almen praksis", "General practice";
        Association = "association", "Forening", "Association";
        Private = "private", "Privat leverandør", "Private provider";
    }
}

code_enum! {
    /// Days of the week, Monday first as in Denmark.
    Weekday {
        Mon = "mon", "Mandag", "Monday";
        Tue = "tue", "Tirsdag", "Tuesday";
        Wed = "wed", "Onsdag", "Wednesday";
        Thu = "thu", "Torsdag", "Thursday";
        Fri = "fri", "Fredag", "Friday";
        Sat = "sat", "Lørdag", "Saturday";
        Sun = "sun", "Søndag", "Sunday";
    }
}

impl Weekday {
    pub fn is_weekend(self) -> bool {
        matches!(self, Weekday::Sat | Weekday::Sun)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        fn check<T: Copy + PartialEq + core::fmt::Debug>(all: &[T], code: fn(T) -> &'static str, parse: fn(&str) -> Option<T>) {
            let mut seen = std::collections::HashSet::new();
            for &v in all {
                assert!(seen.insert(code(v)), "duplicate code {}", code(v));
                assert_eq!(parse(code(v)), Some(v));
            }
        }
        check(Category::ALL, Category::code, Category::from_code);
        check(Condition::ALL, Condition::code, Condition::from_code);
        check(Format::ALL, Format::code, Format::from_code);
        check(RegionCode::ALL, RegionCode::code, RegionCode::from_code);
        check(Capacity::ALL, Capacity::code, Capacity::from_code);
        assert_eq!(Category::from_code("yoga"), None);
    }

    #[test]
    fn serde_uses_codes() {
        assert_eq!(serde_json::to_string(&Category::FysiskAktivitet).unwrap(), "\"fysisk-aktivitet\"");
        let c: Condition = serde_json::from_str("\"type-2-diabetes\"").unwrap();
        assert_eq!(c, Condition::Type2Diabetes);
    }

    #[test]
    fn seven_categories_six_required() {
        assert_eq!(Category::ALL.len(), 7);
        assert_eq!(Category::REQUIRED.len(), 6);
        assert!(!Category::REQUIRED.contains(&Category::StressAngstDepression));
    }

    #[test]
    fn hovedstaden_and_sjaelland_form_oestdanmark() {
        assert_eq!(RegionCode::from_iso("DK-84"), Some(RegionCode::Oestdanmark));
        assert_eq!(RegionCode::from_iso("DK-85"), Some(RegionCode::Oestdanmark));
        assert_eq!(RegionCode::from_iso("DK-82"), Some(RegionCode::Midtjylland));
        assert_eq!(RegionCode::from_iso("DK-99"), None);
        for r in RegionCode::ALL {
            assert!(r.iso().is_none_or(|iso| RegionCode::from_iso(iso) == Some(*r)));
        }
        assert_eq!(RegionCode::Oestdanmark.iso(), None);
    }
}
