//! `/admin`: the overview.

use forebyg_shared::Lang;

forebyg_app::texts! {
    LAST_VERIFIED = " · sidst bekræftet ", " · last confirmed ";
    ALL_VERIFIED = "Alle tilbud er bekræftet inden for det seneste halve år.", "Every offer has been confirmed within the last six months.";
    GO_TO_REPORTS = "Gå til fejlrapporterne", "Go to the error reports";
    GO_TO_INBOX = "Gå til henvendelserne", "Go to the requests";
    SHOW_OVERDUE = "Vis henvendelserne over svarfristen", "Show the requests past the promised time";
    DRAFTS = "Kladder", "Drafts";
    NEW_REQUESTS = "Nye henvendelser", "New requests";
    PUBLISHED = "Offentliggjorte tilbud", "Published offers";
    CREATE_OFFER = "Opret et tilbud", "Create an offer";
    H1 = "Overblik", "Overview";
    NEEDS_CONFIRMING = "Skal bekræftes", "Need confirming";
    STALE_H2 = "Tilbud der skal bekræftes", "Offers that need confirming";
    STALE_HINT = "Tilbud, som ingen har bekræftet i over et halvt år. Tjek dem, og tryk »Stadig korrekt« på tilbuddet.", "Offers nobody has confirmed for more than six months. Check them and press \"Still correct\" on the offer.";
    OPEN_REPORTS = "Åbne fejlrapporter", "Open error reports";
    ACTIVITIES_H2 = "Foreningernes aktiviteter", "The associations' activities";
    SHOW_DUE = "Vis de aktiviteter, der skal bekræftes", "Show the activities that need confirming";
    SHOW_UNLED = "Vis de aktiviteter, som intet tilbud henviser til", "Show the activities no offer points to";
    RESPONSE_TIMES_H2 = "Svartider", "Response times";
    RESPONSE_TIMES_HINT = "Kontakter udbyderne folk senest den dag, tilbuddets svartid lover? Kun henvendelser med en lovet dag tæller, og en henvendelse, der trækkes tilbage før dagen, tæller ikke. En kontakt, der bliver fortrudt, tæller heller ikke; det gør den næste. Dem, der sjældnest holder løftet, står øverst, og navnet fører til udbyderens henvendelser. Henvendelser slettes efter 90 dage (en henvisning 90 dage efter den er afsluttet), men hvert svar gemmes som et tal uden personoplysninger: de seneste 12 måneder tæller derfor også svar på slettede henvendelser, og en henvendelse, der blev slettet uden svar, tæller som for sent.",
        "Do the providers contact people by the day the offer's response time promises? Only requests with a promised day count, and a request withdrawn before the day does not. Nor does a contact that is undone; the next one does. Those who keep the promise least often come first, and the name leads to the provider's requests. Requests are deleted after 90 days (a referral 90 days after it is closed), but each answer is kept as a count without personal data: the last 12 months therefore also count answers to deleted requests, and a request deleted unanswered counts as late.";
    RESPONSE_TIMES_CAPTION = "Kontakt til tiden pr. udbyder", "Contact in time by provider";
    NO_PROMISES = "Der er ingen henvendelser med en lovet dag for kontakt i perioden.", "There are no requests with a promised day of contact in the period.";
    PROVIDER = "Udbyder", "Provider";
    IN_TIME = "Til tiden", "In time";
    LATE = "For sent", "Late";
    OVERDUE_NOW = "Over fristen nu", "Overdue now";
    NOT_YET_DUE = "Inden for fristen", "Not yet due";
    SHARE_IN_TIME = "Andel til tiden", "Share in time";
    PERIOD = "Periode", "Period";
    ALL_KEPT = "Alle gemte henvendelser (ca. de seneste 3 måneder)", "All requests kept (about the last 3 months)";
    MONTHS_CSV = "Hent de seneste 12 måneder pr. udbyder og måned (CSV)", "Get the last 12 months by provider and month (CSV)";
    LAST_12_MONTHS = "Henvendelser fra de seneste 12 måneder", "Requests from the last 12 months";
    LAST_30_DAYS = "Henvendelser fra de seneste 30 dage", "Requests from the last 30 days";
    LAST_7_DAYS = "Henvendelser fra de seneste 7 dage", "Requests from the last 7 days";
}

/// How many activities nobody has confirmed for half a year.
pub fn activities_due(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Da, 1) => "1 aktivitet skal bekræftes: ingen har bekræftet den i over et halvt år.".into(),
        (Lang::Da, _) => format!("{n} aktiviteter skal bekræftes: ingen har bekræftet dem i over et halvt år."),
        (Lang::En, 1) => "1 activity needs confirming: nobody has confirmed it for more than six months.".into(),
        (Lang::En, _) => format!("{n} activities need confirming: nobody has confirmed them for more than six months."),
    }
}

/// How many active activities no offer points to.
pub fn activities_unled(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Da, 1) => "1 aktiv aktivitet har intet tilbud, der henviser til den.".into(),
        (Lang::Da, _) => format!("{n} aktive aktiviteter har intet tilbud, der henviser til dem."),
        (Lang::En, 1) => "1 active activity has no offer pointing to it.".into(),
        (Lang::En, _) => format!("{n} active activities have no offer pointing to them."),
    }
}

/// "50 %" (Danish puts a space before the sign) / "50%".
pub fn percent(p: u32, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("{p} %"),
        Lang::En => format!("{p}%"),
    }
}

/// Under a cut list: "Viser de 10 udbydere, der sjældnest holder løftet, af 14."
pub fn worst_shown(shown: usize, total: usize, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Viser de {shown} udbydere, der sjældnest holder løftet, af {total}."),
        Lang::En => format!("Showing the {shown} providers who keep the promise least often, of {total}."),
    }
}

/// What a linked overdue count says after its number, for a screen reader: "… henvendelse(r)
/// over svarfristen hos {provider}".
pub fn overdue_at(n: u32, provider: &str, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Da, 1) => format!(" henvendelse over svarfristen hos {provider}"),
        (Lang::Da, _) => format!(" henvendelser over svarfristen hos {provider}"),
        (Lang::En, 1) => format!(" request past the promised time at {provider}"),
        (Lang::En, _) => format!(" requests past the promised time at {provider}"),
    }
}

/// "2 af dem er over svarfristen." (none: nothing said).
pub fn overdue_requests(n: u32, lang: Lang) -> Option<String> {
    Some(match (lang, n) {
        (_, 0) => return None,
        (Lang::Da, 1) => "1 er ikke kontaktet til den lovede tid.".into(),
        (Lang::Da, n) => format!("{n} er ikke kontaktet til den lovede tid."),
        (Lang::En, 1) => "1 has not been contacted in the time promised.".into(),
        (Lang::En, n) => format!("{n} have not been contacted in the time promised."),
    })
}

/// "1 new request is" / "{n} new requests are" waiting to be handled.
pub fn new_requests(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Da, 1) => "1 ny henvendelse venter på at blive behandlet.".into(),
        (Lang::Da, n) => format!("{n} nye henvendelser venter på at blive behandlet."),
        (Lang::En, 1) => "1 new request is waiting to be handled.".into(),
        (Lang::En, n) => format!("{n} new requests are waiting to be handled."),
    }
}

/// "1 error report ... is open" / "{n} error reports ... are open".
pub fn open_reports(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Da, 1) => "1 fejlrapport fra en borger eller fagperson er åben.".into(),
        (Lang::Da, n) => format!("{n} fejlrapporter fra borgere og fagfolk er åbne."),
        (Lang::En, 1) => "1 error report from a citizen or professional is open.".into(),
        (Lang::En, n) => format!("{n} error reports from citizens and professionals are open."),
    }
}

/// The link to the whole list of offers due for re-verification.
pub fn see_all_stale(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Da, 1) => "Se det ene tilbud, der skal bekræftes".into(),
        (Lang::Da, n) => format!("Se alle {n} tilbud, der skal bekræftes"),
        (Lang::En, 1) => "See the one offer that needs confirming".into(),
        (Lang::En, n) => format!("See all {n} offers that need confirming"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_and_many_read_right() {
        assert_eq!(new_requests(1, Lang::Da), "1 ny henvendelse venter på at blive behandlet.");
        assert_eq!(new_requests(2, Lang::Da), "2 nye henvendelser venter på at blive behandlet.");
        assert_eq!(new_requests(0, Lang::En), "0 new requests are waiting to be handled.");
        assert_eq!(new_requests(1, Lang::En), "1 new request is waiting to be handled.");
        assert_eq!(open_reports(1, Lang::Da), "1 fejlrapport fra en borger eller fagperson er åben.");
        assert_eq!(see_all_stale(3, Lang::En), "See all 3 offers that need confirming");
        assert_eq!(format!("1{}", overdue_at(1, "Sundhedshuset", Lang::Da)), "1 henvendelse over svarfristen hos Sundhedshuset");
        assert_eq!(format!("2{}", overdue_at(2, "X", Lang::En)), "2 requests past the promised time at X");
    }
}
