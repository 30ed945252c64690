//! Every text the UI shows, in Danish and English, in one place.
//!
//! Fixed texts are [`Text`] constants; texts with numbers or names in them are functions. Codes
//! from the domain (categories, formats, weekdays ...) have their labels in `forebyg_shared` and are
//! not repeated here. When the message catalogues arrive, this module is the only one to replace.

use forebyg_shared::Lang;

pub mod activities;
mod phrases;
pub use phrases::*;

/// The `lang` attribute for provider and association text (titles, summaries, descriptions,
/// notes, names), which is written in Danish, shown in the UI language `ui`: `"da"` unless the
/// page already speaks Danish, so a screen reader switches voice for it (WCAG 3.1.2).
pub fn data_lang(ui: Lang) -> Option<&'static str> {
    (ui != Lang::Da).then_some("da")
}

/// A fixed UI text in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub da: &'static str,
    pub en: &'static str,
}

impl Text {
    pub const fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Da => self.da,
            Lang::En => self.en,
        }
    }
}

/// Declares [`Text`] constants and `ALL` (every text of the module, for completeness checks):
/// `texts! { NAME = "dansk", "English"; }`. The admin bundle's catalogues use it too.
#[macro_export]
macro_rules! texts {
    ($($(#[$meta:meta])* $name:ident = $da:literal, $en:literal;)+) => {
        $($(#[$meta])* pub const $name: $crate::i18n::Text = $crate::i18n::Text { da: $da, en: $en };)+

        /// Every fixed text, for completeness checks.
        pub const ALL: &[(&str, $crate::i18n::Text)] = &[$((stringify!($name), $name),)+];
    };
}

texts! {
    // Page shell.
    SITE_NAME = "Forebyg", "Forebyg";
    SITE_TAGLINE = "Forebyggelsestilbud nær dig", "Prevention offers near you";
    SKIP_LINK = "Spring til indhold", "Skip to content";
    NAV_LABEL = "Hovedmenu", "Main menu";
    NAV_SEARCH = "Find et tilbud", "Find an offer";
    FOOTER_DEMO = "Forebyg er en prøveversion. Alle tilbud på siden er demodata, som er opdigtet til afprøvning: de findes ikke i virkeligheden.",
        "Forebyg is a trial version. Every offer on this site is demo data, made up for testing: they do not exist in reality.";
    FOOTER_ABOUT = "Patientrettede forebyggelsestilbud fra regioner og kommuner i hele Danmark.",
        "Patient-oriented prevention offers from regions and municipalities all over Denmark.";
    LOADING = "Indlæser …", "Loading …";
    MENU = "Menu", "Menu";
    NAV_ABOUT = "Om Forebyg", "About Forebyg";
    FOOTER_NAV_LABEL = "Om siden", "About this site";
    PRIVACY = "Privatliv", "Privacy";
    ACCESSIBILITY_STATEMENT = "Tilgængelighedserklæring", "Accessibility statement";
    CONTACT = "Kontakt", "Contact";
    PHASE_TAG = "Prøveversion", "Trial version";
    PHASE_TEXT = "Alle tilbud her er demodata, som er opdigtet til afprøvning. Send ikke rigtige oplysninger om dig selv.",
        "Every offer here is demo data, made up for testing. Do not send real information about yourself.";

    // Search form.
    SEARCH_H1 = "Find et forebyggelsestilbud", "Find a prevention offer";
    SEARCH_INTRO = "Find gratis forløb tæt på dig, fx træning, rygestop, kost eller hjælp til at leve med en kronisk sygdom.",
        "Find free courses near you, e.g. exercise, quitting smoking, diet or help living with a chronic illness.";
    SEARCH_FORM_LABEL = "Søg efter tilbud", "Search for offers";
    POSTCODE_LABEL = "Dit postnummer", "Your postcode";
    POSTCODE_HINT = "Fire cifre, fx 8000", "Four digits, e.g. 8000";
    CATEGORY_LEGEND = "Hvad vil du have hjælp til?", "What would you like help with?";
    CATEGORY_HINT = "Vælg en eller flere. Vælger du ingen, ser du alle slags tilbud.",
        "Choose one or more. If you choose none, you see all kinds of offers.";
    RADIUS_LABEL = "Hvor langt vil du rejse?", "How far will you travel?";
    SUBMIT = "Søg", "Search";
    FILTERS_SUBMIT = "Søg med disse valg", "Search with these options";
    ERROR_PREFIX = "Fejl:", "Error:";
    ERROR_SUMMARY_TITLE = "Der er et problem", "There is a problem";
    // The names of address parameters that have no field on the page (a hand-edited address),
    // so the error summary can say which value is wrong (the others reuse their field's label).
    PARAM_RADIUS = "Afstand", "Distance";
    PARAM_PER_GROUP = "Tilbud pr. indsats", "Offers per intervention";
    PARAM_PAGE = "Side", "Page";
    PARAM_PER_PAGE = "Tilbud pr. side", "Offers per page";
    PARAM_PLACE = "Placering", "Location";
    PARAM_STARTS_WITHIN = "Start inden for", "Starts within";

    // Search results.
    SEARCHING = "Søger …", "Searching …";
    JUMP_TO_RESULTS = "Gå til resultaterne", "Go to the results";
    RESULTS_LABEL = "Søgeresultater", "Search results";
    DIGITAL_LAST = "De nærmeste tilbud med fremmøde står først. Digitale tilbud, som du kan følge hjemmefra, står til sidst.",
        "Offers on site are listed nearest first. Digital offers that you can follow from home come last.";
    DIGITAL_LAST_BY_START = "Tilbud med fremmøde står først og digitale tilbud, som du kan følge hjemmefra, til sidst – hver for sig med den tidligste start først.",
        "Offers on site come first and digital offers that you can follow from home last – each with the earliest start first.";
    EMPTY_RESULTS = "Vi fandt ingen tilbud, der passer til din søgning.", "We found no offers that match your search.";
    RELAX_INTRO = "Prøv uden et af dine valg:", "Try without one of your choices:";
    NETWORK_ERROR = "Vi kunne ikke få forbindelse. Tjek din internetforbindelse, og prøv igen.",
        "We could not connect. Check your internet connection and try again.";
    SERVER_ERROR = "Der skete en fejl hos os. Prøv igen om lidt.", "Something went wrong on our side. Please try again shortly.";
    UNAVAILABLE = "Tjenesten er midlertidigt utilgængelig. Prøv igen om et øjeblik. Intet af det, du har skrevet, er gået tabt.",
        "The service is temporarily unavailable. Please try again in a moment. Nothing you have typed is lost.";
    RETRY = "Prøv igen", "Try again";
    PAGINATION_LABEL = "Sider med resultater", "Result pages";
    PREV_PAGE = "Forrige side", "Previous page";
    NEXT_PAGE = "Næste side", "Next page";

    // Result card.
    DISTANCE = "Afstand", "Distance";
    DIGITAL = "Digitalt", "Digital";
    TOPIC = "Emne", "Topic";
    FORMAT = "Form", "Format";
    PLACES = "Pladser", "Availability";
    START = "Start", "Start";
    CONTINUOUS = "Løbende optag", "Join any time";
    START_TBD = "Start aftales", "Start to be agreed";
    PLACE = "Sted", "Place";
    AGE = "Alder", "Age";
    PROVIDER = "Udbyder", "Provider";
    DEMO_BADGE = "Demodata", "Demo data";
    DEMO_BADGE_HINT = "Ikke et rigtigt tilbud", "Not a real offer";
    EVENING = "Aftenhold", "Evening classes";
    WEEKEND = "Weekendhold", "Weekend classes";
    SELF_REFERRAL_TAG = "Du kan selv tilmelde dig", "You can sign up yourself";
    TAGS_LABEL = "Kendetegn", "Features";

    // Offer page.
    OFFER_LOADING = "Henter tilbuddet …", "Loading the offer …";
    OFFER_ERROR = "Vi kunne ikke hente tilbuddet", "We could not load the offer";
    OFFER_NOT_FOUND = "Tilbuddet findes ikke", "The offer does not exist";
    OFFER_NOT_FOUND_TEXT = "Vi kan ikke finde det tilbud, du leder efter. Det kan være afsluttet eller fjernet, eller linket kan være forkert.",
        "We cannot find the offer you are looking for. It may have ended or been removed, or the link may be wrong.";
    BACK_TO_SEARCH = "Tilbage til søgningen", "Back to the search";
    DEMO_NOTICE_TITLE = "Demodata: ikke et rigtigt tilbud", "Demo data: not a real offer";
    DEMO_NOTICE = "Tilbuddet er opdigtet til afprøvning af Forebyg, og det findes ikke. Intet, du sender herfra, går til en rigtig udbyder.",
        "This offer was made up for testing Forebyg and does not exist. Nothing you send from here goes to a real provider.";
    ABOUT_OFFER = "Om tilbuddet", "About the offer";
    SECTION_WHO = "Hvem er det for", "Who is it for";
    SECTION_WHAT = "Hvad sker der", "What happens";
    SECTION_WHERE = "Hvor", "Where";
    SECTION_JOIN = "Sådan kommer du med", "How to join";
    SECTION_PLACES = "Pladser", "Places";
    SECTION_PRICE = "Pris", "Price";
    SECTION_CONTACT = "Kontakt", "Contact";
    SECTION_PROVIDER = "Udbyder og ansvarlig region", "Provider and responsible region";
    SECTION_CONTINUE = "Fortsæt bagefter", "Continue afterwards";
    CONTINUE_INTRO = "Lokale foreningsaktiviteter, du kan fortsætte i, når forløbet er slut. Nærmeste først.", "Local association activities to carry on with when the course ends. Nearest first.";
    CONTINUE_FROM = "Afstandene er målt fra", "Distances are from";
    CONTINUE_FROM_OFFER = "Afstandene er målt fra tilbuddets sted.", "Distances are from the offer's place.";
    CONTINUE_NONE_LINKED = "Når forløbet er slut, kan du fortsætte i en lokal forening, fx en motions- eller patientforening.",
        "When the course ends, you can carry on in a local association, such as an exercise or patient association.";
    FREE_TRIAL = "Du kan prøve gratis første gang.", "You can try it once for free.";
    CONDITIONS_FOR = "Tilbuddet er for dig, der har:", "The offer is for you if you have:";
    WHO_MAY_JOIN = "Hvem kan deltage", "Who may join";
    OUTSIDE_YOUR_REGION = "Du søgte fra en anden region", "You searched from another region";
    // A straight line over the sea is not the way there: the cards of offers across it say so.
    ACROSS_WATER = "over vandet", "across the water";
    FROM_ISLAND = "Du søger fra en ø uden fast forbindelse. Tilbud, der står »over vandet«, kræver en færgetur.", "You are searching from an island without a fixed link. Offers marked “across the water” need a ferry crossing.";
    OUTSIDE_YOUR_MUNICIPALITY = "Du søgte fra et postnummer i en anden kommune", "You searched from a postcode in another municipality";
    INCLUSION_NOTE = "Det kræver også:", "It also requires:";
    EXCLUSION_NOTE = "Ikke for:", "Not for:";
    CONDITIONS_NONE = "Tilbuddet er ikke rettet mod en bestemt sygdom.", "The offer is not aimed at a particular illness.";
    PACKAGES_INTRO = "Tilbuddet er en del af en kronikerpakke: det forløb, regionen skal tilbyde mennesker med en bestemt kronisk sygdom. Tilbuddet giver dig denne del af pakken:", "The offer is part of a chronic care package: the care the region must offer people with a particular long-term illness. The offer gives you this part of the package:";
    ENROLMENT_CONTINUOUS = "Du kan starte, når du er klar (løbende optag).", "You can start whenever you are ready (continuous enrolment).";
    NEXT_START = "Næste start", "Next start";
    WHEN = "Hvornår", "When";
    NO_FIXED_TIMES = "Aftales med udbyderen.", "Agreed with the provider.";
    LANGUAGES = "Sprog", "Languages";
    DIGITAL_OFFER = "Digitalt tilbud", "Digital offer";
    DIGITAL_OFFER_TEXT = "Du følger tilbuddet hjemmefra på computer, tablet eller telefon.",
        "You follow the offer from home on a computer, tablet or phone.";
    HYBRID_TEXT = "Tilbuddet foregår både med fremmøde og digitalt.", "The offer takes place both on site and online.";
    ACCESSIBILITY = "Tilgængelighed", "Accessibility";
    SELF_REFERRAL_YES = "Du kan selv tilmelde dig.", "You can sign up yourself.";
    SELF_REFERRAL_WHEN_ROOM = "Du kan selv tilmelde dig, når der bliver plads.", "You can sign up yourself when a place becomes free.";
    SELF_REFERRAL_NO = "Du kan ikke selv tilmelde dig. Du skal henvises.", "You cannot sign up yourself. You need a referral.";
    REFERRAL_FROM = "Du kan henvises af:", "You can be referred by:";
    REFERRAL_GP = "din praktiserende læge", "your GP";
    REFERRAL_HOSPITAL = "hospitalet", "the hospital";
    REFERRAL_MUNICIPALITY = "kommunen", "the municipality";
    PRICE_FREE = "Gratis", "Free";
    CONTACT_NAME = "Kontaktperson", "Contact person";
    CONTACT_PHONE = "Telefon", "Phone";
    CONTACT_EMAIL = "E-mail", "Email";
    CONTACT_WEB = "Hjemmeside", "Website";
    CONTACT_NONE = "Udbyderen har ikke oplyst kontaktoplysninger.", "The provider has not given contact details.";
    PROVIDER_KIND = "Type", "Type";
    REGION = "Ansvarlig region", "Responsible region";
    LAST_VERIFIED = "Sidst bekræftet", "Last confirmed";



    // Search filters.
    FILTERS_SUMMARY = "Flere valg: afstand, tidspunkt, sprog …", "More options: distance, time, language …";
    Q_LABEL = "Søg efter ord (valgfrit)", "Search for words (optional)";
    // Words the offers use: they are described in Danish, so the English hint gives Danish words.
    // The English text marks its Danish example words with `*` (search/filters.rs marks them `lang="da"`).
    Q_HINT = "Fx hjerte, træning eller rygestop", "In Danish, as the offers are written: e.g. *hjerte* (heart), *træning* (exercise) or *rygestop* (quit smoking)";
    CONDITION_LABEL = "Sygdom", "Illness";
    ANY_CONDITION = "Alle tilbud", "All offers";
    PACKAGE_LABEL = "Kronikerpakke", "Chronic care package";
    ANY_PACKAGE = "Alle tilbud", "All offers";
    SEARCH_WITHOUT_PACKAGE = "Søg uden kronikerpakke", "Search without a package";
    FORMAT_LABEL = "Hvordan foregår det?", "How does it take place?";
    ANY_FORMAT = "Alle former", "All formats";
    TIME_LEGEND = "Hvornår passer det dig?", "When suits you?";
    TIME_HINT = "Vælger du begge, ser du tilbud med aften- eller weekendhold.", "If you choose both, you see offers with evening or weekend classes.";
    STARTS_LABEL = "Hvornår vil du starte?", "When do you want to start?";
    ANY_START = "Når som helst", "Any time";
    CONTINUOUS_FILTER = "Kun løbende optag (start når du er klar)", "Only continuous enrolment (start when you are ready)";
    LANGUAGE_LABEL = "Sprog", "Language";
    ANY_LANGUAGE = "Alle sprog", "Any language";
    OPTIONS_LEGEND = "Andre ønsker", "Other wishes";
    SELF_REFERRAL_FILTER = "Jeg kan selv tilmelde mig (uden henvisning)", "I can sign up myself (no referral)";
    AVAILABLE_FILTER = "Der er ledige pladser", "There are places available";
    SORT_LABEL = "Sortér efter", "Sort by";
    SORT_DISTANCE = "Afstand (nærmeste først)", "Distance (nearest first)";
    SORT_NEXT_START = "Start (snarest først)", "Start (soonest first)";
    GEO_BUTTON = "Brug min placering", "Use my location";
    GEO_FINDING = "Finder din placering …", "Finding your location …";
    GEO_DENIED = "Vi fik ikke lov at bruge din placering. Skriv dit postnummer i stedet.",
        "We were not allowed to use your location. Enter your postcode instead.";
    GEO_UNAVAILABLE = "Vi kunne ikke finde din placering. Skriv dit postnummer i stedet.",
        "We could not find your location. Enter your postcode instead.";
    POSTCODE_UNKNOWN_HINT = "Vi kender ikke det postnummer.", "We do not know that postcode.";
    MY_LOCATION = "din placering", "your location";
    DIGITAL_SECTION = "Digitale tilbud, du kan følge hjemmefra", "Digital offers you can follow from home";
    SHOW_DIGITAL = "Vis kun digitale tilbud", "Show only digital offers";
    RECENT_SEARCHES = "Dine seneste søgninger", "Your recent searches";
    RECENT_CLEAR = "Ryd listen", "Clear the list";

    // Offer page tools.
    DIRECTIONS = "Find vej (åbner OpenStreetMap)", "Get directions (opens OpenStreetMap)";
    SHARE = "Del link", "Share link";
    LINK_COPIED = "Linket er kopieret. Du kan sætte det ind i en besked.", "The link has been copied. You can paste it into a message.";
    SHARE_FAILED = "Vi kunne ikke kopiere linket. Kopiér adressen fra browserens adresselinje.", "We could not copy the link. Copy the address from the browser's address bar.";
    REPORT_SUMMARY = "Meld fejl i oplysningerne", "Report wrong information";
    REPORT_INTRO = "Er noget forkert eller forældet? Fortæl regionen det. Skriv ikke personlige oplysninger.",
        "Is something wrong or out of date? Tell the region. Do not write personal details.";
    REPORT_TOPIC = "Hvad er forkert?", "What is wrong?";
    REPORT_MESSAGE = "Beskriv fejlen", "Describe the error";
    REPORT_MESSAGE_HINT = "Mindst 10 tegn.", "At least 10 characters.";
    REPORT_SEND = "Send fejlmelding", "Send report";
    REPORT_THANKS = "Tak. Regionen tjekker oplysningerne.", "Thank you. The region will check the information.";
    PAGE_TOOLS = "Del og udskriv", "Share and print";

    // Saved offers.
    SAVE = "Gem", "Save";
    SAVED_MARK = "Gemt ✓", "Saved ✓";
    UNSAVE = "Fjern", "Remove";
    UNSAVE_FROM = "fra dine gemte tilbud", "from your saved offers";
    SAVED_GONE = "Tilbuddet findes ikke længere.", "The offer no longer exists.";
    NAV_SAVED = "Gemte tilbud", "Saved offers";
    SAVED_H1 = "Dine gemte tilbud", "Your saved offers";
    SAVED_INTRO = "Tilbuddene er kun gemt på denne enhed, ikke hos os.", "The offers are only saved on this device, not with us.";
    SAVED_EMPTY = "Du har ikke gemt nogen tilbud endnu. Tryk på »Gem« ved et tilbud for at huske det.",
        "You have not saved any offers yet. Press \u{201c}Save\u{201d} on an offer to remember it.";

    // Language switch.
    LANG_SWITCH = "English", "Dansk";
    LANG_SWITCH_LABEL = "Read this site in English", "Læs siden på dansk";
    NAV_STATUS = "Se din henvendelse", "Check your request";

    // Self-referral.
    JOIN_BUTTON = "Jeg vil gerne deltage", "I would like to join";
    SIGNUP_H1 = "Bed om at deltage", "Ask to join";
    SIGNUP_INTRO = "Udfyld formularen, så kontakter udbyderen dig og aftaler resten med dig. Det er ikke bindende.",
        "Fill in the form and the provider will contact you to arrange the rest. It does not commit you to anything.";
    SIGNUP_NOT_ALLOWED = "Du kan ikke selv bede om at deltage i dette tilbud. Du skal henvises.",
        "You cannot ask to join this offer yourself. You need a referral.";
    SIGNUP_BACK = "Tilbage til tilbuddet", "Back to the offer";
    SIGNUP_FORM_LABEL = "Bed om at deltage", "Ask to join";
    NAME_LABEL = "Dit navn", "Your name";
    CONTACT_LEGEND = "Hvordan kan vi kontakte dig?", "How can we contact you?";
    CONTACT_HINT = "Skriv dit telefonnummer, din e-mailadresse eller begge dele.",
        "Enter your phone number, your e-mail address or both.";
    PHONE_LABEL = "Telefonnummer", "Phone number";
    PHONE_HINT = "8 cifre, fx 22 34 56 78", "8 digits, e.g. 22 34 56 78";
    EMAIL_LABEL = "E-mailadresse", "E-mail address";
    CONTACT_TIME_LABEL = "Hvornår må vi helst ringe?", "When should we preferably call?";
    MESSAGE_LABEL = "Besked til udbyderen (valgfrit)", "Message to the provider (optional)";
    MESSAGE_HINT = "Fx hvis du har brug for tolk eller hjælp til at komme frem. Skriv ikke dit CPR-nummer eller helbredsoplysninger.",
        "E.g. if you need an interpreter or help getting there. Do not write your CPR number or health details.";
    CONSENT_TITLE = "Sådan bruger vi dine oplysninger", "How we use your details";
    CONSENT_WHO = "Dit navn, dine kontaktoplysninger og din besked sendes til den region eller udbyder, der står for tilbuddet. Kun de kan se dem.",
        "Your name, contact details and message are sent to the region or provider running the offer. Only they can see them.";
    // What api/src/referral_flow.rs `withdraw` erases at once, and WITHDRAWN_KEEP_DAYS.
    CONSENT_HOW_LONG = "Oplysningerne slettes 90 dage efter, at du har sendt din henvendelse. Trækker du henvendelsen tilbage, sletter vi dit navn og din besked med det samme og dit telefonnummer og din e-mail efter 30 dage.",
        "Your details are deleted 90 days after you send your request. If you withdraw the request, we delete your name and message at once, and your phone number and e-mail after 30 days.";
    CONSENT_NO_CPR = "Du skal ikke oplyse CPR-nummer eller diagnose.", "You do not need to give a CPR number or a diagnosis.";
    CONSENT_LABEL = "Jeg giver samtykke til, at mine oplysninger sendes til udbyderen af tilbuddet som beskrevet ovenfor.",
        "I consent to my details being sent to the provider of the offer as described above.";
    WEBSITE_LABEL = "Lad dette felt være tomt", "Leave this field empty";
    SEND = "Send", "Send";
    SENDING = "Sender …", "Sending …";
    SIGNUP_FULL = "Tilbuddet er fuldt og har ingen venteliste. Se efter et andet hold eller et lignende tilbud.",
        "The offer is full and has no waiting list. Look for another class or a similar offer.";
    SIGNUP_CLOSED = "Tilbuddet er lukket, siden du åbnede siden, og tager ikke imod nye tilmeldinger. Find et andet tilbud i søgningen.",
        "The offer closed after you opened this page and takes no new sign-ups. Find another offer in the search.";
    // The API counts a connection's requests per 10 minutes (`Limits::per_ten_minutes`).
    RATE_LIMITED = "Der er sendt mange henvendelser fra din forbindelse. Vent op til 10 minutter, og prøv igen.",
        "Many requests have been sent from your connection. Wait up to 10 minutes and try again.";

    // Receipt.
    RECEIPT_H1 = "Tak, vi har modtaget din henvendelse", "Thank you, we have received your request";
    RECEIPT_CODE = "Din kvitteringskode", "Your receipt code";
    RECEIPT_CODE_HINT = "Gem koden. Du skal bruge den og dit telefonnummer eller din e-mail for at se status eller trække henvendelsen tilbage.",
        "Keep the code. You need it and your phone number or e-mail to check the status or withdraw the request.";
    RECEIPT_OFFER = "Tilbud", "Offer";
    RECEIPT_SENT = "Sendt", "Sent";
    // The request's expiry (earlier once it is closed or withdrawn: "senest").
    RECEIPT_DELETED = "Oplysningerne slettes senest", "Your details are deleted by";
    STATUS = "Status", "Status";
    NEXT_H2 = "Hvad sker der nu?", "What happens next?";
    NEXT_CONTACT = "Udbyderen kontakter dig for at aftale, om og hvornår du kan starte.",
        "The provider will contact you to agree whether and when you can start.";
    NEXT_WAITLIST = "Tilbuddet har venteliste. Du bliver skrevet på ventelisten, og udbyderen kontakter dig, når der er plads.",
        "The offer has a waiting list. You are put on the waiting list, and the provider will contact you when there is room.";
    NEXT_STATUS = "Du kan til enhver tid se status eller trække din henvendelse tilbage.",
        "You can check the status or withdraw your request at any time.";
    RECEIPT_MISSING = "Vi kan ikke vise kvitteringen her. Brug din kode og dit telefonnummer eller din e-mail for at se din henvendelse.",
        "We cannot show the receipt here. Use your code and your phone number or e-mail to see your request.";
    PRINT = "Udskriv", "Print";

    // Status lookup.
    STATUS_H1 = "Følg din henvendelse", "Follow your request";
    STATUS_INTRO = "Skriv koden fra din kvittering (eller fra arket fra din læge) og det telefonnummer eller den e-mail, der blev givet med henvendelsen.",
        "Enter the code from your receipt (or from your doctor's sheet) and the phone number or e-mail given with the request.";
    CODE_LABEL = "Kvitteringskode", "Receipt code";
    CODE_HINT = "Fx K7QM-4XRT", "E.g. K7QM-4XRT";
    LOOKUP_CONTACT_LABEL = "Telefonnummer eller e-mail", "Phone number or e-mail";
    LOOKUP = "Se status", "Check status";
    // Said before anyone knows whether the code is a request's or a referral's: both deletions.
    LOOKUP_NOT_FOUND = "Vi fandt ingen henvendelse med den kode og de kontaktoplysninger. Tjek, at du har skrevet dem rigtigt. En henvendelse slettes 90 dage efter, at den er sendt, en henvisning 90 dage efter, at den er afsluttet.",
        "We found no request with that code and contact details. Check that you typed them correctly. A request is deleted 90 days after it was sent, a referral 90 days after it was closed.";
    CODE_REQUIRED = "Skriv koden fra din kvittering.", "Enter the code from your receipt.";
    CODE_MALFORMED = "Koden har 8 bogstaver og tal, fx K7QM-4XRT, og aldrig O, 0, I, 1 eller L. Tjek den på din kvittering.",
        "The code has 8 letters and digits, e.g. K7QM-4XRT, and never O, 0, I, 1 or L. Check it on your receipt.";
    LOOKUP_CONTACT_REQUIRED = "Skriv det telefonnummer eller den e-mail, du brugte.", "Enter the phone number or e-mail you used.";
    WITHDRAW = "Træk min henvendelse tilbage", "Withdraw my request";
    // True for a request of one's own and for a clinician's referral the patient withdraws here:
    // nobody is notified, and what is erased at once differs (api/src/referral_flow.rs withdraw).
    // What is deleted when, as the consent text says it (a walk found three versions).
    WITHDRAW_CONFIRM = "Er du sikker? Udbyderen ser henvendelsen som trukket tilbage. Dit navn og din besked slettes med det samme, dit telefonnummer og din e-mail senest efter 30 dage. Det kan ikke fortrydes.",
        "Are you sure? The provider sees the request as withdrawn. Your name and message are deleted at once, your phone number and e-mail within 30 days. This cannot be undone.";
    // A clinician's referral: the referrer still sees the patient's name on it.
    WITHDRAW_CONFIRM_REFERRAL = "Er du sikker? Udbyderen og din behandler ser henvisningen som trukket tilbage. Dit CPR-nummer og dine helbredsoplysninger slettes med det samme, resten senest efter 30 dage. Det kan ikke fortrydes.",
        "Are you sure? The provider and your clinician see the referral as withdrawn. Your CPR number and health details are deleted at once, the rest within 30 days. This cannot be undone.";
    WITHDRAW_YES = "Ja, træk henvendelsen tilbage", "Yes, withdraw the request";
    WITHDRAW_NO = "Nej, behold den", "No, keep it";
    WITHDRAWN = "Din henvendelse er trukket tilbage.", "Your request has been withdrawn.";
    WITHDRAWN_BY_CLINICIAN = "Henvisningen er trukket tilbage af din behandler. Har du spørgsmål til det, så kontakt din behandler.",
        "The referral was withdrawn by your clinician. If you have questions about it, contact your clinician.";
    WITHDRAW_CLOSED = "Henvendelsen er afsluttet og kan ikke længere trækkes tilbage. Kontakt udbyderen.",
        "The request is closed and can no longer be withdrawn. Contact the provider.";

    // Not found.
    NOT_FOUND_H1 = "Siden findes ikke", "Page not found";
    NOT_FOUND_TEXT = "Adressen kan være skrevet forkert, eller siden kan være flyttet.",
        "The address may be mistyped, or the page may have moved.";
    GO_TO_SEARCH = "Gå til søgningen", "Go to the search";
}

#[cfg(test)]
mod tests;
