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
