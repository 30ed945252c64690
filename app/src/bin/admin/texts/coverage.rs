//! `/admin/daekning`: coverage of the six required interventions.

use super::counted;
use forebyg_shared::Lang;

forebyg_app::texts! {
    H1 = "Dækning", "Coverage";
    INTRO = "Hvor langt der er til nærmeste offentliggjorte tilbud med fremmøde for hver af de seks lovpligtige indsatser. Et hul er et sted uden tilbud inden for den valgte afstand.", "How far it is to the nearest published on-site offer for each of the six required interventions. A gap is a place without an offer within the chosen distance.";
    DISTANCE = "Afstand der tæller som tæt på", "Distance that counts as near";
    GET_CSV = "Hent som CSV", "Get as CSV";
    BACK = "Tilbage til alle kommuner", "Back to all municipalities";
    MUNICIPALITIES = "kommuner", "municipalities";
    POSTCODES = "postnumre", "postcodes";
    NO_OFFER = "intet tilbud", "no offer";
    GAP = "Hul", "Gap";
    GAPS_H2 = "Huller pr. indsats", "Gaps per intervention";
    MUNICIPALITIES_H2 = "Kommuner og indsatser", "Municipalities and interventions";
    POSTCODES_H2 = "Postnumre og indsatser", "Postcodes and interventions";
    MUNICIPALITIES_COMPONENTS_H2 = "Kommuner og pakkens komponenter", "Municipalities and the package's components";
    POSTCODES_COMPONENTS_H2 = "Postnumre og pakkens komponenter", "Postcodes and the package's components";
    DRILL_HINT = "Vælg en kommune for at se dækningen pr. postnummer.", "Choose a municipality to see the coverage per postcode.";
    MUNICIPALITY = "Kommune", "Municipality";
    POSTCODE = "Postnummer", "Postcode";
    DIGITAL_H2 = "Digitale tilbud", "Digital offers";
    LENS = "Vis dækning for", "Show coverage of";
    LENS_SIX = "De seks lovpligtige indsatser", "The six required interventions";
    PACKAGES = "Kronikerpakker", "Chronic care packages";
    REGION = "Region", "Region";
    COMPONENTS_H2 = "Huller pr. komponent", "Gaps per component";
    DRAFT = "Pakken er et udkast: komponenterne kan ændre sig, når Sundhedsstyrelsen udgiver rammen.", "The package is a draft: its components may change when the Danish Health Authority publishes the framework.";
    PLACEHOLDER = "foreløbig", "provisional";
    PLACEHOLDER_NOTE = "»Foreløbig« ved en komponent: den er antaget ud fra kvalitetsstandardernes indsatser, indtil Sundhedsstyrelsen udgiver rammen for pakken.", "“Provisional” by a component: it is assumed from the quality standards' interventions until the Danish Health Authority publishes the package's framework.";
    DIGITAL_HINT = "Digitale tilbud når alle, men erstatter ikke et tilbud tæt på.", "Digital offers reach everyone but do not replace an offer nearby.";
}

const GAPS_DA: (&str, &str) = ("hul", "huller");
const GAPS_EN: (&str, &str) = ("gap", "gaps");

/// "{gaps} gaps in {region}: places and interventions without an offer within {km} km."
pub fn summary(gaps: u32, region: &str, km: &str, lang: Lang) -> String {
    let gaps = counted(gaps as usize, GAPS_DA, GAPS_EN, lang);
    match lang {
        Lang::Da => format!("{gaps} i {region}: steder og indsatser uden et tilbud inden for {km} km."),
        Lang::En => format!("{gaps} in {region}: places and interventions without an offer within {km} km."),
    }
}

/// "nearest {km} km".
pub fn nearest(km: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("nærmeste {km} km"),
        Lang::En => format!("nearest {km} km"),
    }
}

/// "{gaps} of {places}".
pub fn of(gaps: impl std::fmt::Display, places: impl std::fmt::Display, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("{gaps} af {places}"),
        Lang::En => format!("{gaps} of {places}"),
    }
}

/// "Coverage within {km} km".
pub fn caption(km: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Dækning inden for {km} km"),
        Lang::En => format!("Coverage within {km} km"),
    }
}

/// The chart's caption: places without an offer, per intervention or package component.
pub fn chart_caption(place_word: &str, per_component: bool, lang: Lang) -> String {
    match (lang, per_component) {
        (Lang::Da, false) => format!("Antal {place_word} uden et tilbud inden for afstanden, pr. indsats."),
        (Lang::Da, true) => format!("Antal {place_word} uden et tilbud inden for afstanden, pr. komponent i pakken."),
        (Lang::En, false) => format!("Number of {place_word} without an offer within the distance, per intervention."),
        (Lang::En, true) => format!("Number of {place_word} without an offer within the distance, per component of the package."),
    }
}

/// "{gaps} gaps in {region} for {package} from {year}: ..."
pub fn package_summary(gaps: u32, package: &str, region: &str, year: u16, km: &str, lang: Lang) -> String {
    let gaps = counted(gaps as usize, GAPS_DA, GAPS_EN, lang);
    match lang {
        Lang::Da => {
            format!("{gaps} i {region} for {package}, som gælder fra {year}: steder uden et tilbud med komponenten inden for {km} km.")
        }
        Lang::En => {
            format!("{gaps} in {region} for {package}, which applies from {year}: places without an offer delivering the component within {km} km.")
        }
    }
}

/// "Gap from {year}".
pub fn gap_from(year: u16, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Hul fra {year}"),
        Lang::En => format!("Gap from {year}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_gap_is_singular() {
        assert_eq!(
            summary(1, "Region Nordjylland", "10", Lang::Da),
            "1 hul i Region Nordjylland: steder og indsatser uden et tilbud inden for 10 km."
        );
        assert_eq!(
            summary(2, "North Denmark Region", "10", Lang::En),
            "2 gaps in North Denmark Region: places and interventions without an offer within 10 km."
        );
        assert!(package_summary(1, "KOL", "North Denmark Region", 2027, "10", Lang::En).starts_with("1 gap in North Denmark Region for KOL"));
    }
}
