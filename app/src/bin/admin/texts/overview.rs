//! `/admin`: the overview.

use forebyg_shared::Lang;

forebyg_app::texts! {
    STALE_N_SUFFIX = " tilbud, der skal bekræftes", " offers that need confirming";
    LAST_VERIFIED = " · sidst bekræftet ", " · last confirmed ";
    ALL_VERIFIED = "Alle tilbud er bekræftet inden for det seneste halve år.", "Every offer has been confirmed within the last six months.";
    GO_TO_REPORTS = "Gå til fejlrapporterne", "Go to the error reports";
    GO_TO_INBOX = "Gå til henvendelserne", "Go to the requests";
    DRAFTS = "Kladder", "Drafts";
    NEW_REQUESTS = "Nye henvendelser", "New requests";
    PUBLISHED = "Offentliggjorte tilbud", "Published offers";
    CREATE_OFFER = "Opret et tilbud", "Create an offer";
    H1 = "Overblik", "Overview";
    SEE_ALL = "Se alle ", "See all ";
    NEEDS_CONFIRMING = "Skal bekræftes", "Need confirming";
    STALE_H2 = "Tilbud der skal bekræftes", "Offers that need confirming";
    STALE_HINT = "Tilbud, som ingen har bekræftet i over et halvt år. Tjek dem, og tryk »Stadig korrekt« på tilbuddet.", "Offers nobody has confirmed for more than six months. Check them and press \"Still correct\" on the offer.";
    OPEN_REPORTS = "Åbne fejlrapporter", "Open error reports";
}

/// "{n} new requests are waiting to be handled."
pub fn new_requests(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("{n} nye henvendelser venter på at blive behandlet."),
        Lang::En => format!("{n} new requests are waiting to be handled."),
    }
}

/// "{n} error reports from citizens and professionals are open."
pub fn open_reports(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("{n} fejlrapporter fra borgere og fagfolk er åbne."),
        Lang::En => format!("{n} error reports from citizens and professionals are open."),
    }
}
