//! `/admin/fejlrapporter`: change reports from the public.

use forebyg_shared::Lang;

forebyg_app::texts! {
    RECEIVED = " · modtaget ", " · received ";
    DISMISS = "Afvis", "Dismiss";
    INTRO = "Borgere og fagfolk kan melde forkerte oplysninger på et tilbud. Ret tilbuddet, og markér rapporten som rettet, eller afvis den.", "Citizens and professionals can report wrong information on an offer. Correct the offer and mark the report as fixed, or dismiss it.";
    H1 = "Fejlrapporter", "Error reports";
    EMPTY = "Ingen fejlrapporter.", "No error reports.";
    MARK_FIXED = "Markér som rettet", "Mark as fixed";
    EDIT_OFFER = "Ret tilbuddet", "Edit the offer";
    ONLY_OPEN = "Vis kun åbne", "Show only open";
}

/// "The error report about »{title}« is marked: {status}."
pub fn resolved(title: &str, status: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Fejlrapporten om »{title}« er markeret: {status}."),
        Lang::En => format!("The error report about \"{title}\" is marked: {status}."),
    }
}
