//! `/admin/log`: the audit log.

forebyg_app::texts! {
    WHAT = "Hvad", "What";
    INTRO = "Hvem har ændret hvad og hvornår, og hvem har læst henvendelser. Loggen kan ikke ændres.", "Who changed what and when, and who read requests to join. The log cannot be changed.";
    WHO = "Hvem", "Who";
    EVENT = "Hændelse", "Event";
    H1 = "Log", "Log";
    EMPTY = "Ingen hændelser passer til filtrene.", "No events match the filters.";
    REGION = "Region", "Region";
    CAPTION = "Seneste hændelser", "Latest events";
    TIME = "Tidspunkt (din tid)", "Time (your time)";
    CHANGES = "Ændringer (før → efter)", "Changes (before → after)";
    FILTER_LABEL = "Filtrér loggen", "Filter the log";
    KIND = "Slags hændelse", "Kind of event";
    ALL_KINDS = "Alle", "All";
    WHO_FILTER = "Hvem (navn eller bruger-id)", "Who (name or user id)";
    FROM = "Fra og med dag", "From day";
    TO = "Til og med dag", "Until day";
    FILTER = "Filtrér", "Filter";
}

/// The search stopped before the start of the filters' time range (after 10,000 entries).
pub fn searched_back_to(when: &str, lang: forebyg_shared::Lang) -> String {
    match lang {
        forebyg_shared::Lang::Da => format!(
            "Søgningen gennemgik de nyeste 10.000 hændelser og nåede tilbage til {when}. Ældre hændelser er ikke gennemsøgt: vælg en tidligere »Til og med dag« for at søge i dem."
        ),
        forebyg_shared::Lang::En => format!(
            "The search went through the newest 10,000 events, back to {when}. Older events were not searched: choose an earlier \"Until day\" to search them."
        ),
    }
}
