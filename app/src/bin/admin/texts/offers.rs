//! `/admin/tilbud`: the listings table and its filters.

use forebyg_shared::Lang;

forebyg_app::texts! {
    ALL_STATUSES = "Alle", "All";
    CITY = "By", "Town";
    FILTER_LABEL = "Filtrér tilbud", "Filter offers";
    CATEGORY = "Indsats", "Intervention";
    ONLY_STALE = "Kun tilbud der skal bekræftes", "Only offers that need confirming";
    CREATE_OFFER = "Opret et tilbud", "Create an offer";
    LAST_VERIFIED = "Sidst bekræftet", "Last confirmed";
    STATUS = "Status", "Status";
    SEARCH_LABEL = "Søg i titel, udbyder og by", "Search title, provider and town";
    H1 = "Tilbud", "Offers";
    TITLE = "Titel", "Title";
    PROVIDER = "Udbyder", "Provider";
    NEEDS_CONFIRMING = "Skal bekræftes", "Needs confirming";
}

/// "{total} offers." and, when not all are shown, how many are.
pub fn count(total: usize, shown: usize, lang: Lang) -> String {
    match (lang, total > shown) {
        (Lang::Da, true) => format!("{total} tilbud. Viser de første {shown}: brug filtrene for at finde andre."),
        (Lang::Da, false) => format!("{total} tilbud."),
        (Lang::En, true) => format!("{total} offers. Showing the first {shown}: use the filters to find others."),
        (Lang::En, false) => format!("{total} offers."),
    }
}
