//! `/admin/tilbud`: the listings table and its filters.

use crate::offers_query::Sort;
use forebyg_shared::Lang;

forebyg_app::texts! {
    ALL_STATUSES = "Alle", "All";
    ALL_CATEGORIES = "Alle indsatser", "All interventions";
    ALL_MUNICIPALITIES = "Alle kommuner", "All municipalities";
    ALL_PROVIDERS = "Alle udbydere", "All providers";
    DIGITAL = "Digitalt", "Digital";
    FILTER = "Vis tilbud", "Show offers";
    FILTER_LABEL = "Filtrér tilbud", "Filter offers";
    CATEGORY = "Indsats", "Intervention";
    MUNICIPALITY = "Kommune", "Municipality";
    ONLY_STALE = "Kun tilbud der skal bekræftes", "Only offers that need confirming";
    ONLY_NO_ACTIVITY = "Kun tilbud uden »Fortsæt bagefter«", "Only offers without “Continue afterwards”";
    CREATE_OFFER = "Opret et tilbud", "Create an offer";
    LAST_VERIFIED = "Sidst bekræftet", "Last confirmed";
    PAGES = "Sider med tilbud", "Pages of offers";
    SORT = "Sortér efter", "Sort by";
    STATUS = "Status", "Status";
    SEARCH_LABEL = "Søg i titel, udbyder, sted og by", "Search title, provider, place and town";
    H1 = "Tilbud", "Offers";
    TITLE = "Titel, sted og tid", "Title, place and time";
    PROVIDER = "Udbyder", "Provider";
    NEEDS_CONFIRMING = "Skal bekræftes", "Needs confirming";
}

/// "start {date}" in the list's time line.
pub fn starts(date: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("start {date}"),
        Lang::En => format!("starts {date}"),
    }
}

pub fn sort_label(sort: Sort, lang: Lang) -> &'static str {
    match (sort, lang) {
        (Sort::Title, Lang::Da) => "Titel (A–Å)",
        (Sort::Title, Lang::En) => "Title (A–Z)",
        (Sort::Verified, Lang::Da) => "Sidst bekræftet (ældste først)",
        (Sort::Verified, Lang::En) => "Last confirmed (oldest first)",
        (Sort::Provider, Lang::Da) => "Udbyder",
        (Sort::Provider, Lang::En) => "Provider",
        (Sort::Municipality, Lang::Da) => "Kommune",
        (Sort::Municipality, Lang::En) => "Municipality",
    }
}

/// "{total} offers match" and which of them this page shows.
pub fn count(total: usize, from: usize, to: usize, lang: Lang) -> String {
    match (lang, total) {
        (Lang::Da, 0) => "Ingen tilbud passer til filtrene.".into(),
        (Lang::Da, 1) => "1 tilbud.".into(),
        (Lang::En, 0) => "No offers match the filters.".into(),
        (Lang::En, 1) => "1 offer.".into(),
        (Lang::Da, n) if from == 1 && to == n => format!("{n} tilbud."),
        (Lang::En, n) if from == 1 && to == n => format!("{n} offers."),
        (Lang::Da, n) => format!("{n} tilbud. Viser {from}–{to}."),
        (Lang::En, n) => format!("{n} offers. Showing {from}–{to}."),
    }
}
