//! `/admin/log`: the audit log.

forebyg_app::texts! {
    WHAT = "Hvad", "What";
    INTRO = "Hvem har ændret hvad og hvornår, og hvem har læst henvendelser. Loggen kan ikke ændres.", "Who changed what and when, and who read requests to join. The log cannot be changed.";
    WHO = "Hvem", "Who";
    EVENT = "Hændelse", "Event";
    H1 = "Log", "Log";
    EMPTY = "Loggen er tom.", "The log is empty.";
    REGION = "Region", "Region";
    CAPTION = "Seneste hændelser", "Latest events";
    TIME = "Tidspunkt (UTC)", "Time (UTC)";
    CHANGED_FIELDS = "Ændrede felter", "Changed fields";
}
