//! The texts of the clinician pages (search, handout, referrals) in Danish and English. The
//! handout's texts are picked by the handout's own language, which may differ from the UI's. The
//! referral form's and "Mine henvisninger"'s are in [`referrals`].

use forebyg_shared::Lang;

pub mod referrals;
pub use referrals::*;

crate::texts! {
    // Navigation and entry points.
    NAV_CLINICIAN = "For behandlere", "For clinicians";
    FRONT_LINK = "Er du læge eller sygeplejerske? Find tilbud til din patient", "Are you a doctor or nurse? Find offers for your patient";
    NAV_REFERRALS = "Mine henvisninger", "My referrals";
    FOOTER_LINK = "For behandlere: find tilbud til en patient", "For clinicians: find offers for a patient";

    // Clinician search.
    SEARCH_H1 = "Find tilbud til din patient", "Find offers for your patient";
    SEARCH_INTRO = "Vælg patientens sygdom, postnummer og evt. alder. Du ser først de nærmeste tilbud, patienten kan deltage i, og hvordan du henviser.",
        "Choose the patient's condition, postcode and, if you like, age. You see the nearest offers the patient can join first, and how to refer.";
    FORM_LABEL = "Søg efter tilbud til en patient", "Search for offers for a patient";
    CONDITIONS_LEGEND = "Patientens sygdom", "The patient's condition";
    CONDITIONS_HINT = "Vælg en eller flere.", "Choose one or more.";
    POSTCODE_LABEL = "Patientens postnummer", "The patient's postcode";
    POSTCODE_HINT = "Fire cifre, fx 9000", "Four digits, e.g. 9000";
    AGE_LABEL = "Patientens alder (valgfrit)", "The patient's age (optional)";
    AGE_HINT = "I hele år. Bruges kun til at vise, om patienten kan deltage.", "In whole years. Only used to show whether the patient can join.";
    LANGUAGE_LABEL = "Patientens sprog", "The patient's language";
    // A preference, not a filter: nothing is left out.
    LANGUAGE_HINT = "Tilbud på sproget står først. Ingen tilbud udelades.", "Offers in the language come first. None are left out.";
    TIMES_LEGEND = "Kan patienten kun uden for arbejdstid?", "Can the patient only come outside working hours?";
    TIMES_HINT = "Vælg intet, hvis alle tider passer. Vælger du begge, ser du hold om aftenen eller i weekenden.",
        "Choose neither if any time suits. If you choose both, you see evening or weekend classes.";
    EVENING_CHOICE = "Hverdagsaftener (efter kl. 17)", "Weekday evenings (after 5 pm)";
    WEEKEND_CHOICE = "Weekender", "Weekends";
    OUTSIDE_WORK = "Uden for arbejdstid", "Outside working hours";
    EVENING_AND_WEEKEND = "Aften- og weekendhold", "Evening and weekend classes";
    ALL_TIMES = "Vis hold på alle tider", "Show classes at any time";
    // A walk found a language filter emptying every group, and nothing said so.
    WITH_INTERPRETER = "Et tilbud på dansk kan ofte bruges med tolk: vælg tolk, når du henviser.",
        "An offer in Danish can often be used with an interpreter: choose one when you refer.";
    SEARCH = "Find tilbud", "Find offers";
    SEARCHING = "Søger …", "Searching …";
    DEFAULT_REFERRAL = "Standardhenvisning", "Default referral";
    DEFAULT_REFERRAL_TEXT = "Sundhedsstyrelsen anbefaler at henvise til en afklarende samtale. Her vælger patienten og en sundhedsprofessionel de rette tilbud sammen.",
        "The Danish Health Authority recommends referring to an intake conversation, where the patient and a health professional choose the right offers together.";
    NOT_IN_PACKAGE_SHORT = "ikke i pakken", "not in the package";
    ASK_INTAKE = "Den afklarende samtale kan finde en anden vej sammen med patienten.",
        "The intake conversation can find another way together with the patient.";
    GO_TO_INTAKE = "Gå til afklarende samtale", "Go to the intake conversation";
    DISTANCE = "Afstand", "Distance";
    DIGITAL = "Digitalt", "Digital";
    ELIGIBILITY = "Kan patienten deltage?", "Can the patient join?";
    REFER_WHO = "Hvem kan henvise", "Who may refer";
    REFER_HOW = "Sådan henviser du", "How to refer";
    REFER_CONTENT = "Henvisningen skal indeholde", "The referral must contain";
    REFER_CONTENT_WHERE = "Skriv det i begrundelsen nedenfor.", "Write it in the reason below.";
    PLACES = "Pladser", "Places";
    TARGET_GROUP = "Målgruppe", "Target group";
    EVERY_CONDITION = "Alle med kronisk sygdom", "Anyone with a chronic condition";
    NEXT_START = "Næste start", "Next start";
    CONTINUOUS = "Løbende optag", "Join any time";
    LANGUAGES = "Sprog", "Languages";
    DIGITAL_ALTERNATIVE = "Digitalt alternativ", "Digital alternative";
    DIGITAL_YES = "Kan også følges digitalt", "Can also be followed digitally";
    DIGITAL_ONLY = "Foregår digitalt", "Takes place digitally";
    DIGITAL_NO = "Kun fremmøde", "On site only";
    CHOOSE_FOR_HANDOUT = "Vælg til patientarket", "Choose for the patient handout";
    HANDOUT_NOT_ELIGIBLE = "Patienten kan ikke deltage i dette tilbud (se ovenfor). Patientarket siger, hvem tilbuddet er for.",
        "The patient cannot join this offer (see above). The handout says whom the offer is for.";
    REFER = "Henvis", "Refer";
    FOR_CLINICIAN = "Til behandleren", "For the clinician";
    REFER_NOT_HERE = "Henvises ikke gennem Forebyg: brug henvisningsvejen ovenfor.", "Not referred through Forebyg: use the referral route above.";
    CARD_FULL = "Fuldt booket uden venteliste: kan ikke henvises lige nu.", "Full with no waiting list: cannot be referred right now.";
    NOT_STATED = "Ikke oplyst", "Not stated";
    DIGITAL_ALTERNATIVES = "Digitalt alternativ", "Digital alternative";
    MORE_DETAILS = "Flere oplysninger", "More details";
    GROUPS_NAV = "Indsatserne i svaret", "The interventions in the answer";
    HANDOUT_BAR_LABEL = "Patientark", "Patient handout";
    HANDOUT_NONE = "Vælg et eller flere tilbud til et patientark, som du kan udskrive eller sende.",
        "Choose one or more offers for a patient handout that you can print or send.";
    MAKE_HANDOUT = "Lav patientark", "Make patient handout";
    SELF_SIGN_UP = "Patienten kan selv melde sig.", "The patient can sign up directly.";
    PRINT = "Udskriv", "Print";
    SHARE_LINK = "Link til arket", "Link to the handout";
    SHARE_HINT = "Åbner de samme tilbud. Send det til patienten eller en kollega.", "Opens the same offers. Send it to the patient or a colleague.";
    SHORT_TEXT = "Kort tekst til sms eller e-mail", "Short text for text message or e-mail";
    COPY = "Kopiér", "Copy";
    COPIED = "Kopieret.", "Copied.";
    COPY_FAILED = "Kunne ikke kopiere. Markér teksten og kopiér den selv.", "Could not copy. Select the text and copy it yourself.";
    HANDOUT_LANG = "Arkets sprog", "Language of the sheet";
    BACK_TO_RESULTS = "Tilbage til søgningen", "Back to the search";
    HANDOUT_TOOLS = "Udskriv eller send", "Print or send";

    // The handout itself (in the handout's language).
    HANDOUT_H1 = "Forebyggelsestilbud til dig", "Prevention offers for you";
    // "Gratis" only when every chosen offer is free (a paid one prints its price).
    HANDOUT_INTRO = "Din behandler foreslår dig disse tilbud. Du bestemmer selv, om du vil deltage.",
        "Your clinician suggests these offers. It is up to you whether you join.";
    HANDOUT_INTRO_FREE = "Din behandler foreslår dig disse gratis tilbud. Du bestemmer selv, om du vil deltage.",
        "Your clinician suggests these free offers. It is up to you whether you join.";
    PRICE = "Pris", "Price";
    WHAT = "Hvad", "What";
    WHERE = "Hvor", "Where";
    WHEN = "Hvornår", "When";
    HOW_TO_JOIN = "Sådan kommer du med", "How to join";
    WHO_MAY_JOIN = "Hvem kan deltage", "Who can join";
    PHONE = "Telefon", "Phone";
    NEXT_STEP = "Dit næste skridt", "Your next step";
    ONLINE = "Hjemmefra på computer, tablet eller telefon", "From home on a computer, tablet or phone";
    NO_FIXED_TIMES = "Tider aftales med dig", "Times are agreed with you";
    HANDOUT_ALL_DEMO = "Demodata: tilbuddene er opdigtet til afprøvning og findes ikke.", "Demo data: these offers are made up for testing and do not exist.";
    HANDOUT_EMPTY = "Arket har ingen tilbud. Gå tilbage og vælg et eller flere.", "The handout has no offers. Go back and choose one or more.";
    HANDOUT_MISSING = "Et af tilbuddene er lukket eller findes ikke længere.", "One of the offers has closed or no longer exists.";
    LOADING = "Indlæser …", "Loading …";

    // Sign-in (the same PKCE flow as the admins').
    SIGN_IN_H1 = "Log ind som behandler", "Sign in as a clinician";
    SIGN_IN_INTRO = "Du skal være logget ind for at henvise gennem Forebyg og følge dine henvisninger. Søgning og patientark kræver ikke login.",
        "You need to sign in to refer through Forebyg and follow your referrals. Searching and handouts need no sign-in.";
    SIGN_IN = "Log ind", "Sign in";
    SIGN_IN_NEEDED = "Log ind som behandler for at henvise og se dine henvisninger.", "Sign in as a clinician to refer and see your referrals.";
    SIGN_IN_REDIRECTING = "Sender dig videre til login …", "Taking you to sign in …";
    SIGN_IN_UNAVAILABLE = "Login er ikke sat op på denne server.", "Sign-in is not set up on this server.";
    SIGN_IN_EXPIRED = "Du er blevet logget ud, fordi din session udløb. Log ind igen.", "You were signed out because your session expired. Sign in again.";
    DEV_NOTICE = "Kun til udvikling og test: her vælger du selv rolle og organisation.", "For development and testing only: here you choose the role and organisation yourself.";
    NO_CRYPTO = "Din browser kan ikke logge sikkert ind (Web Crypto mangler). Brug en nyere browser.",
        "Your browser cannot sign in securely (Web Crypto is missing). Use a newer browser.";
    CALLBACK_H1 = "Logger ind", "Signing in";
    CALLBACK_FAILED_H1 = "Log ind lykkedes ikke", "Sign-in failed";
    CALLBACK_DENIED = "Log ind blev afbrudt eller afvist.", "Sign-in was cancelled or refused.";
    CALLBACK_PROVIDER_ERROR = "Login-tjenesten meldte en fejl.", "The sign-in service reported an error.";
    CALLBACK_STATE = "Svaret fra login passer ikke til et login, der er startet i denne fane.", "The sign-in answer does not match a sign-in started in this tab.";
    CALLBACK_INVALID_GRANT = "Login-koden er udløbet eller allerede brugt.", "The sign-in code has expired or was already used.";
    CALLBACK_NETWORK = "Vi kunne ikke få forbindelse. Tjek din forbindelse.", "We could not connect. Check your connection.";
    NOT_A_CLINICIAN = "Din konto er ikke en behandlerkonto med en organisation. Administratorer bruger administrationen.",
        "Your account is not a clinician account with an organisation. Administrators use the administration.";
    TRY_AGAIN = "Prøv at logge ind igen", "Try signing in again";
    SIGN_OUT = "Log ud", "Sign out";
    SIGNED_IN_AS = "Logget ind som", "Signed in as";
    SIGNED_OUT_DONE = "Du er logget ud. Dine henvisninger og patienter vises ikke længere her, før du logger ind igen.",
        "You are signed out. Your referrals and patients are no longer shown here until you sign in again.";
    // Said after signing in again and after a reload alike.
    DRAFT_RESTORED = "Vi har gemt det, du skrev i formularen. Tjek oplysningerne, og send henvisningen.",
        "We kept what you typed in the form. Check the details and send the referral.";
    DRAFT_CPR_AGAIN = "CPR-nummeret gemmer vi ikke: skriv det igen, hvis det skal med.", "The CPR number is not kept: type it again if it should be included.";

}

/// "3 tilbud + 1 digitalt": a group's count with its digital offers.
pub fn with_digital(lang: Lang, nearby: &str, digital: u32) -> String {
    match (lang, digital) {
        (Lang::Da, 1) => format!("{nearby} + 1 digitalt"),
        (Lang::Da, n) => format!("{nearby} + {n} digitale"),
        (Lang::En, n) => format!("{nearby} + {n} digital"),
    }
}

/// "Viser 3 af 77. Af de 10 nærmeste …" under a group's cards when it has more on site than it
/// shows, and which: of the nearest `ranked` ([`NEAREST_READ`](forebyg_shared::search::clinician::NEAREST_READ)),
/// those the patient may join first, and those with room before a waiting list (a walk saw an
/// offer 49 km away above one 28 km away and could not tell why).
pub fn shown_of(lang: Lang, shown: usize, total: u32) -> String {
    let ranked = total.min(forebyg_shared::search::clinician::NEAREST_READ);
    let total = crate::format::number(total.into(), lang);
    match lang {
        Lang::Da => format!(
            "Viser {shown} af {total}. Af de {ranked} nærmeste står dem, patienten kan deltage i, først, og dem med ledige pladser før venteliste."
        ),
        Lang::En => format!(
            "Showing {shown} of {total}. Of the {ranked} nearest, those the patient can join come first, and those with places before waiting lists."
        ),
    }
}

/// A group's way to all its offers near the patient in the citizen search: "Se alle 77 tilbud om
/// fysisk aktivitet nær 9000 Aalborg"; without a count when that search cannot filter as the
/// group does (several conditions: it shows every condition's).
pub fn see_all(lang: Lang, count: Option<u32>, topic: &str, place: &str) -> String {
    let topic = crate::format::decapitalise(topic);
    let n = count.map(|n| crate::format::number(n.into(), lang));
    match (lang, n) {
        (Lang::Da, Some(n)) => format!("Se alle {n} tilbud om {topic} nær {place}"),
        (Lang::Da, None) => format!("Se alle tilbud om {topic} nær {place} (alle sygdomme)"),
        (Lang::En, Some(n)) => format!("See all {n} offers for {topic} near {place}"),
        (Lang::En, None) => format!("See all offers for {topic} near {place} (any condition)"),
    }
}

/// Under the results' heading: how the distances are measured and how far was searched.
pub fn distances(lang: Lang, radius: &str, from_postcode: bool) -> String {
    match (lang, from_postcode) {
        (Lang::Da, true) => format!("Afstande er i luftlinje fra postnummerets midte. Søgeradius: {radius}."),
        (Lang::Da, false) => format!("Afstande er i luftlinje. Søgeradius: {radius}."),
        (Lang::En, true) => format!("Distances are in a straight line from the middle of the postcode. Search radius: {radius}."),
        (Lang::En, false) => format!("Distances are in a straight line. Search radius: {radius}."),
    }
}

/// Under the results' heading when the patient's times are chosen (a phone's form is far above),
/// before the way to every time.
pub fn only_times(lang: Lang, evening: bool, weekend: bool) -> &'static str {
    match (lang, evening, weekend) {
        (Lang::Da, true, true) => "Kun hold på hverdagsaftener eller i weekenden.",
        (Lang::Da, true, false) => "Kun hold på hverdagsaftener.",
        (Lang::Da, false, _) => "Kun hold i weekenden.",
        (Lang::En, true, true) => "Only classes on weekday evenings or at weekends.",
        (Lang::En, true, false) => "Only classes on weekday evenings.",
        (Lang::En, false, _) => "Only classes at weekends.",
    }
}

/// The patient's language, chosen in the search (`name`: the language's name in `lang`): its
/// offers first in each intervention, or (`any`: false) none among those shown.
pub fn first_in_language(lang: Lang, name: &str, any: bool) -> String {
    match (lang, any) {
        (Lang::Da, true) => format!("Tilbud på {name} står først i hver indsats."),
        (Lang::Da, false) => format!("Ingen af tilbuddene her er på {name}."),
        (Lang::En, true) => format!("Offers in {name} come first in each intervention."),
        (Lang::En, false) => format!("None of the offers here is in {name}."),
    }
}

/// A card's languages when it is not given in the patient's: "Dansk (ikke på arabisk)".
pub fn not_in_language(lang: Lang, languages: &str, name: &str) -> String {
    match lang {
        Lang::Da => format!("{languages} (ikke på {name})"),
        Lang::En => format!("{languages} (not in {name})"),
    }
}

/// After [`distances`], searched from an island without a fixed link (Læsø, Samsø, Bornholm …).
pub fn ferry(lang: Lang) -> &'static str {
    match lang {
        Lang::Da => "Søgt fra en ø uden fast forbindelse: tilbud, der står »over vandet«, kræver en færgetur.",
        Lang::En => "Searched from an island without a fixed link: offers marked “across the water” need a ferry crossing.",
    }
}

/// "Vis op til 10 tilbud pr. indsats": the same search with more offers in every group.
pub fn show_up_to(lang: Lang, per_group: u32) -> String {
    match lang {
        Lang::Da => format!("Vis op til {per_group} tilbud pr. indsats"),
        Lang::En => format!("Show up to {per_group} offers per intervention"),
    }
}

/// An intervention with no on-site offer within the widest search: "Intet tilbud med fremmøde
/// inden for 300 km til patientens sygdom."
pub fn none_within(lang: Lang, radius: &str, for_conditions: bool) -> String {
    match (lang, for_conditions) {
        (Lang::Da, false) => format!("Intet tilbud med fremmøde inden for {radius}."),
        (Lang::Da, true) => format!("Intet tilbud med fremmøde inden for {radius} til patientens sygdom."),
        (Lang::En, false) => format!("No on-site offer within {radius}."),
        (Lang::En, true) => format!("No on-site offer for the patient's condition within {radius}."),
    }
}

/// The results' heading: "Tilbud nær 9000 Aalborg" at the usual distance, "Tilbud inden for
/// 100 km fra 9000 Aalborg" when the search was widened (`radius`: None at the usual distance).
pub fn near(lang: Lang, place: &str, radius: Option<&str>) -> String {
    match (lang, radius) {
        (Lang::Da, None) => format!("Tilbud nær {place}"),
        (Lang::En, None) => format!("Offers near {place}"),
        (Lang::Da, Some(r)) => format!("Tilbud inden for {r} fra {place}"),
        (Lang::En, Some(r)) => format!("Offers within {r} of {place}"),
    }
}

/// "2 valgt til patientarket".
pub fn chosen(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Da => format!("{n} valgt til patientarket (højst {}).", super::query::MAX_HANDOUT_OFFERS),
        Lang::En => format!("{n} chosen for the patient handout (at most {}).", super::query::MAX_HANDOUT_OFFERS),
    }
}

/// The handout's foot: the day it was handed out (paper ages: times and places change), where
/// the offers are (`host`, this site's) and the two ways to them, the code or the address printed
/// under it.
pub fn handout_footer(lang: Lang, day: &str, host: &str) -> String {
    match lang {
        Lang::Da => format!(
            "Udleveret {day}. Tilbuddene findes på Forebyg ({host}): scan koden ved et tilbud, eller skriv adressen under koden. Tider og pladser kan have ændret sig siden."
        ),
        Lang::En => format!(
            "Handed out on {day}. The offers are on Forebyg ({host}): scan the code next to an offer, or type the address under the code. Times and places may have changed since."
        ),
    }
}

/// Beside an offer's "choose" checkbox once the handout is full.
pub fn handout_full(lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Patientarket har højst {} tilbud. Fjern et for at vælge dette.", super::query::MAX_HANDOUT_OFFERS),
        Lang::En => format!("The patient handout holds at most {} offers. Remove one to choose this.", super::query::MAX_HANDOUT_OFFERS),
    }
}

/// The accessible name of an offer's "choose" checkbox: "Vælg til patientarket: KOL-træning".
pub fn choose_offer(lang: Lang, title: &str) -> String {
    format!("{}: {title}", CHOOSE_FOR_HANDOUT.get(lang))
}

/// The accessible name of an offer's "refer" link: "Henvis til KOL-træning".
pub fn refer_to(lang: Lang, title: &str) -> String {
    match lang {
        Lang::Da => format!("Henvis til {title}"),
        Lang::En => format!("Refer to {title}"),
    }
}

/// The referral form's CPR number gives another age than the search's.
pub fn cpr_age_differs(lang: Lang, from_cpr: u8, searched: u8) -> String {
    match lang {
        Lang::Da => format!("CPR-nummeret giver en alder på {from_cpr} år, men du søgte for en patient på {searched} år. Tjek CPR-nummeret. Om patienten kan deltage, vurderes ud fra CPR-nummerets alder."),
        Lang::En => format!("The CPR number gives an age of {from_cpr}, but you searched for a patient aged {searched}. Check the CPR number. Whether the patient can join is judged by the CPR number's age."),
    }
}

/// The refer page's heading: "Henvis til KOL-træning".
pub fn refer_heading(lang: Lang, title: &str) -> String {
    format!("{} {title}", REFER_H1_PREFIX.get(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_has_both_languages() {
        for (name, t) in ALL.iter().chain(referrals::ALL) {
            assert!(!t.da.trim().is_empty() && !t.en.trim().is_empty(), "{name}");
        }
    }

    #[test]
    fn sentences() {
        assert_eq!(
            shown_of(Lang::Da, 3, 12),
            "Viser 3 af 12. Af de 10 nærmeste står dem, patienten kan deltage i, først, og dem med ledige pladser før venteliste."
        );
        assert_eq!(
            shown_of(Lang::En, 1, 2),
            "Showing 1 of 2. Of the 2 nearest, those the patient can join come first, and those with places before waiting lists."
        );
        assert_eq!(with_digital(Lang::Da, "0 tilbud", 1), "0 tilbud + 1 digitalt");
        assert_eq!(with_digital(Lang::En, "3 offers", 2), "3 offers + 2 digital");
        assert_eq!(show_up_to(Lang::En, 10), "Show up to 10 offers per intervention");
        assert_eq!(refer_to(Lang::Da, "KOL-hold"), "Henvis til KOL-hold");
        assert_eq!(chosen(Lang::En, 2), "2 chosen for the patient handout (at most 4).");
        assert_eq!(see_all(Lang::Da, Some(1077), "Fysisk aktivitet", "9000 Aalborg"), "Se alle 1.077 tilbud om fysisk aktivitet nær 9000 Aalborg");
        assert_eq!(
            see_all(Lang::En, None, "Intake conversation", "2100 København Ø"),
            "See all offers for intake conversation near 2100 København Ø (any condition)"
        );
        assert_eq!(distances(Lang::Da, "25 km", true), "Afstande er i luftlinje fra postnummerets midte. Søgeradius: 25 km.");
    }
}
