//! `/admin/daekning`: coverage of the six required interventions.

use super::counted;
use forebyg_shared::Lang;

forebyg_app::texts! {
    H1 = "Dækning", "Coverage";
    INTRO = "Hvor langt der er til nærmeste offentliggjorte tilbud med fremmøde for hver af de seks lovpligtige indsatser. Et hul er et sted uden tilbud inden for den valgte afstand.", "How far it is to the nearest published on-site offer for each of the six required interventions. A gap is a place without an offer within the chosen distance.";
    INTRO_PACKAGE = "Hvor langt der er til nærmeste offentliggjorte tilbud med fremmøde, der leverer hver af kronikerpakkens komponenter. Et hul er et sted uden sådant tilbud inden for den valgte afstand.", "How far it is to the nearest published on-site offer delivering each of the chronic care package's components. A gap is a place without such an offer within the chosen distance.";
    DISTANCE = "Afstand der tæller som tæt på", "Distance that counts as near";
    GET_CSV = "Hent som CSV", "Get as CSV";
    BACK = "Tilbage til alle kommuner", "Back to all municipalities";
    MUNICIPALITIES = "kommuner", "municipalities";
    POSTCODES = "postnumre", "postcodes";
    NO_OFFER = "intet tilbud", "no offer";
    CREATE_HERE = "Opret et tilbud her", "Create an offer here";
    GAP = "Hul", "Gap";
    GAPS_H2 = "Huller pr. indsats", "Gaps per intervention";
    MUNICIPALITIES_H2 = "Kommuner og indsatser", "Municipalities and interventions";
    POSTCODES_H2 = "Postnumre og indsatser", "Postcodes and interventions";
    MUNICIPALITIES_COMPONENTS_H2 = "Kommuner og pakkens komponenter", "Municipalities and the package's components";
    POSTCODES_COMPONENTS_H2 = "Postnumre og pakkens komponenter", "Postcodes and the package's components";
    DRILL_HINT = "En kommune måles fra hvert af dens postnumre: et hul betyder, at mindst ét af dem er uden tilbud inden for afstanden; »mindst 3 tilbud« betyder, at hvert postnummer har mindst 3 inden for afstanden; og afstanden er fra det postnummer, der har længst. Vælg en kommune for at se dækningen pr. postnummer.", "A municipality is measured from each of its postcodes: a gap means that at least one of them has no offer within the distance; “at least 3 offers” means that every postcode has at least 3 within the distance; and the distance is from the postcode farthest away. Choose a municipality to see the coverage per postcode.";
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
    ISLAND_HINT = "På en ø uden fast forbindelse tæller kun tilbud på øen: en færgetur er ikke en afstand, og afstanden over vandet står for sig. Et sådant hul lukkes af et tilbud med fremmøde på øen, fx et hold, der kommer dertil. Et digitalt tilbud når også øen, men lukker ikke hullet.", "On an island without a fixed link only the island's offers count: a ferry crossing is not a distance, and the distance across the water is shown apart. Such a gap is closed by an on-site offer on the island, such as a team that comes there. A digital offer reaches the island too but does not close the gap.";
    DIGITAL_HINT = "Offentliggjorte digitale tilbud i hele regionen pr. indsats. De når alle, men erstatter ikke et tilbud tæt på.", "Published digital offers in the whole region per intervention. They reach everyone but do not replace an offer nearby.";
}

const GAPS_DA: (&str, &str) = ("hul", "huller");
const GAPS_EN: (&str, &str) = ("gap", "gaps");

/// Where a report's gaps are: the region, or the drilled-down municipality in it.
pub fn place(region: &str, municipality: Option<&str>) -> String {
    match municipality {
        Some(m) => format!("{m} ({region})"),
        None => region.to_owned(),
    }
}

/// "{gaps} gaps in {place}: municipalities (postcodes) and interventions without an offer within
/// {km} km." A municipality's gaps also say how many postcode gaps they hold, the unit of its
/// drill-down.
pub fn summary(gaps: u32, postcode_gaps: Option<u32>, place: &str, km: &str, lang: Lang) -> String {
    let gaps = counted(gaps as usize, GAPS_DA, GAPS_EN, lang);
    match (lang, postcode_gaps) {
        (Lang::Da, Some(p)) => format!(
            "{gaps} i {place}: kommuner og indsatser, hvor mindst ét postnummer er uden et tilbud inden for {km} km. I alt {} for postnumre og indsatser.",
            counted(p as usize, GAPS_DA, GAPS_EN, lang)
        ),
        (Lang::Da, None) => format!("{gaps} i {place}: postnumre og indsatser uden et tilbud inden for {km} km."),
        (Lang::En, Some(p)) => format!(
            "{gaps} in {place}: municipalities and interventions where at least one postcode has no offer within {km} km. In all {} for postcodes and interventions.",
            counted(p as usize, GAPS_DA, GAPS_EN, lang)
        ),
        (Lang::En, None) => format!("{gaps} in {place}: postcodes and interventions without an offer within {km} km."),
    }
}

/// A covered cell's count: "3 offers" for a postcode; "at least 3 offers" for a municipality
/// (the fewest any of its postcodes has).
pub fn covered(within: u32, municipality: bool, lang: Lang) -> String {
    let count = forebyg_app::i18n::offer_count(lang, within);
    match (lang, municipality) {
        (_, false) => count,
        (Lang::Da, true) => format!("mindst {count}"),
        (Lang::En, true) => format!("at least {count}"),
    }
}

/// "nearest {km} km" for a postcode; "up to {km} km to the nearest" for a municipality (from its
/// farthest postcode).
pub fn nearest(km: &str, municipality: bool, lang: Lang) -> String {
    match (lang, municipality) {
        (Lang::Da, false) => format!("nærmeste {km} km"),
        (Lang::Da, true) => format!("op til {km} km til nærmeste"),
        (Lang::En, false) => format!("nearest {km} km"),
        (Lang::En, true) => format!("up to {km} km to the nearest"),
    }
}

/// "{without} of {postcodes} postcodes" (lacking the column).
pub fn postcodes_without(without: u32, postcodes: u32, lang: Lang) -> String {
    of(without, counted(postcodes as usize, ("postnummer", "postnumre"), ("postcode", "postcodes"), lang), lang)
}

/// "{n} of the gaps are only on islands without a fixed link. " (nothing when none is).
pub fn islands_only(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (_, 0) => String::new(),
        (Lang::Da, _) => format!("{n} af hullerne er kun på øer uden fast forbindelse. "),
        (Lang::En, 1) => "1 of the gaps is only on islands without a fixed link. ".to_owned(),
        (Lang::En, _) => format!("{n} of the gaps are only on islands without a fixed link. "),
    }
}

/// "of them {n} on an island: {km} km across the water" (without a fixed link and without an
/// offer on it; from several, the farthest).
pub fn on_islands(n: u32, km: &str, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Da, 1) => format!("heraf 1 på en ø: {km} km over vandet"),
        (Lang::Da, _) => format!("heraf {n} på øer: op til {km} km over vandet"),
        (Lang::En, 1) => format!("1 of them on an island: {km} km across the water"),
        (Lang::En, _) => format!("{n} of them on islands: up to {km} km across the water"),
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

/// The chart's caption: places with a gap, per intervention or package component (a municipality
/// has one where any of its postcodes has).
pub fn chart_caption(place_word: &str, municipalities: bool, per_component: bool, lang: Lang) -> String {
    let per = match (lang, per_component) {
        (Lang::Da, false) => "pr. indsats",
        (Lang::Da, true) => "pr. komponent i pakken",
        (Lang::En, false) => "per intervention",
        (Lang::En, true) => "per component of the package",
    };
    match (lang, municipalities) {
        (Lang::Da, true) => format!("Antal {place_word}, hvor mindst ét postnummer er uden et tilbud inden for afstanden, {per}."),
        (Lang::Da, false) => format!("Antal {place_word} uden et tilbud inden for afstanden, {per}."),
        (Lang::En, true) => format!("Number of {place_word} where at least one postcode has no offer within the distance, {per}."),
        (Lang::En, false) => format!("Number of {place_word} without an offer within the distance, {per}."),
    }
}

/// "{gaps} gaps in {place} for {package} from {year}: ..."
pub fn package_summary(gaps: u32, package: &str, place: &str, year: u16, km: &str, lang: Lang) -> String {
    let gaps = counted(gaps as usize, GAPS_DA, GAPS_EN, lang);
    match lang {
        Lang::Da => {
            format!("{gaps} i {place} for {package}, som gælder fra {year}: steder uden et tilbud med komponenten inden for {km} km.")
        }
        Lang::En => {
            format!("{gaps} in {place} for {package}, which applies from {year}: places without an offer delivering the component within {km} km.")
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
            summary(1, Some(3), "Region Nordjylland", "10", Lang::Da),
            "1 hul i Region Nordjylland: kommuner og indsatser, hvor mindst ét postnummer er uden et tilbud inden for 10 km. I alt 3 huller for postnumre og indsatser."
        );
        assert_eq!(
            summary(2, None, &place("North Denmark Region", Some("Thisted")), "10", Lang::En),
            "2 gaps in Thisted (North Denmark Region): postcodes and interventions without an offer within 10 km."
        );
        assert_eq!((covered(3, true, Lang::Da), covered(1, false, Lang::En)), ("mindst 3 tilbud".to_owned(), "1 offer".to_owned()));
        assert_eq!(postcodes_without(1, 1, Lang::Da), "1 af 1 postnummer");
        assert_eq!(postcodes_without(3, 12, Lang::En), "3 of 12 postcodes");
        assert_eq!(
            [on_islands(1, "7,5", Lang::Da), on_islands(2, "12.0", Lang::En)],
            ["heraf 1 på en ø: 7,5 km over vandet", "2 of them on islands: up to 12.0 km across the water"]
        );
        assert_eq!(
            [islands_only(0, Lang::Da), islands_only(3, Lang::Da), islands_only(1, Lang::En)],
            ["", "3 af hullerne er kun på øer uden fast forbindelse. ", "1 of the gaps is only on islands without a fixed link. "]
        );
        assert!(package_summary(1, "KOL", "North Denmark Region", 2027, "10", Lang::En).starts_with("1 gap in North Denmark Region for KOL"));
    }
}
