//! Texts of the provider and location pages ("Udbydere", "Steder") and the offer editor's pickers.

forebyg_app::texts! {
    NAV_PROVIDERS = "Udbydere", "Providers";
    NAV_PROVIDER_OWN = "Din udbyder", "Your provider";
    NAV_LOCATIONS = "Steder", "Locations";
    PROVIDERS_H1 = "Udbydere", "Providers";
    PROVIDERS_INTRO = "Organisationerne, der driver tilbuddene. Ændres en udbyder, opdateres alle dens tilbud med det samme.",
        "The organisations running the offers. When a provider changes, all its offers are updated at once.";
    LOCATIONS_H1 = "Steder", "Locations";
    LOCATIONS_INTRO = "Adresserne, hvor tilbuddene foregår. Ændres et sted, opdateres alle tilbud dér med det samme.",
        "The addresses where offers take place. When a location changes, every offer there is updated at once.";
    NEW_PROVIDER = "Opret udbyder", "Create provider";
    NEW_LOCATION = "Opret sted", "Create location";
    EDIT_PROVIDER = "Rediger udbyder", "Edit provider";
    EDIT_LOCATION = "Rediger sted", "Edit location";
    BACK_PROVIDERS = "Tilbage til udbyderne", "Back to the providers";
    BACK_LOCATIONS = "Tilbage til stederne", "Back to the locations";
    COL_NAME = "Navn", "Name";
    COL_KIND = "Type", "Type";
    COL_STATUS = "Status", "Status";
    COL_ADDRESS = "Adresse", "Address";
    COL_PROVIDER = "Udbyder", "Provider";
    NONE_YET = "Der er ingen endnu.", "There are none yet.";
    SECTION_ABOUT = "Oplysninger", "Details";
    SECTION_CONTACT = "Kontakt", "Contact";
    CHOOSE_PROVIDER = "Vælg udbyder", "Choose provider";
    CHOOSE_MUNICIPALITY = "Vælg kommune", "Choose municipality";
    FILL_POINT = "Hent koordinater fra postnummeret", "Get coordinates from the postcode";
    STEP_FREE_HINT = "Fx rampe, elevator, automatisk dør.", "E.g. ramp, lift, automatic door.";
    SAVE_NEW = "Opret", "Create";
    SAVE = "Gem ændringer", "Save changes";
    SAVED = "Ændringerne er gemt. Tilbud, der bruger den, er opdateret.", "The changes are saved. Offers using it are updated.";
    CREATED = "Oprettet.", "Created.";
    ARCHIVE = "Arkivér", "Archive";
    RESTORE = "Gendan", "Restore";
    ARCHIVED_NOW = "Arkiveret. Den kan ikke vælges til nye tilbud.", "Archived. It cannot be chosen for new offers.";
    RESTORED_NOW = "Gendannet.", "Restored.";
    UNSAVED_FIRST = "Du har ændringer, der ikke er gemt. Gem dem først.", "You have unsaved changes. Save them first.";
    STATUS_ACTIVE = "Aktiv", "Active";
    DUE = "Skal bekræftes: ingen har bekræftet oplysningerne i over et halvt år. At gemme en rettelse bekræfter ikke resten. Er alt korrekt, så tryk »Stadig korrekt«.",
        "Needs confirming: no one has confirmed the details for more than six months. Saving a correction does not confirm the rest. If everything is correct, press \"Still correct\".";
    DUE_SHORT = "skal bekræftes", "needs confirming";
    STATUS_ARCHIVED = "Arkiveret", "Archived";
    CONFLICT_H2 = "Nogen har gemt, mens du redigerede", "Someone saved while you were editing";
    CONFLICT_CAPTION = "Forskelle mellem din udgave og den gemte", "Differences between your version and the saved one";
    CONFLICT_FIELD = "Felt", "Field";
    CONFLICT_MINE = "Din værdi", "Your value";
    CONFLICT_CURRENT = "Gemt værdi", "Saved value";
    CONFLICT_RESULT = "Ved genanvendelse", "When reapplied";
    CONFLICT_KEEP_MINE = "Din værdi bruges", "Your value is used";
    CONFLICT_KEEP_THEIRS = "Den gemte værdi bruges", "The saved value is used";
    REAPPLY = "Genanvend mine ændringer", "Reapply my changes";
    DISCARD = "Kassér mine ændringer", "Discard my changes";
    DISCARDED = "Dine ændringer er kasseret. Formularen viser den gemte version.", "Your changes are discarded. The form shows the saved version.";
    LOAD_FAILED = "Kunne ikke hentes", "Could not be loaded";
    PICK_PROVIDER = "Udbyder", "Provider";
    PICK_PROVIDER_HINT = "Listen viser de udbydere, du må lave tilbud for. En regionsadministrator opretter nye under »Udbydere«.",
        "The list shows the providers you may make offers for. A regional administrator adds new ones under “Providers”.";
    PICK_LOCATION = "Sted", "Location";
    PICK_LOCATION_HINT = "Vælg et af udbyderens steder, så følger adressen med, når stedet ændres. Steder oprettes under »Steder«.",
        "Choose one of the provider's locations, so the address follows when the location changes. Locations are created under “Locations”.";
    PICK_LOCATION_NONE = "Intet sted (digitalt) eller skriv adressen nedenfor", "No location (digital), or type the address below";
}

/// "Version 3 · Aktiv", with "· bekræftet 1. mar. 2026" for a record that is confirmed.
pub fn status_line(version: u64, archived: bool, verified: Option<&str>, lang: forebyg_shared::Lang) -> String {
    let status = if archived { STATUS_ARCHIVED.get(lang) } else { STATUS_ACTIVE.get(lang) };
    match (lang, verified) {
        (forebyg_shared::Lang::Da, Some(date)) => format!("Version {version} · {status} · bekræftet {date}"),
        (forebyg_shared::Lang::En, Some(date)) => format!("Version {version} · {status} · confirmed {date}"),
        (_, None) => format!("Version {version} · {status}"),
    }
}

/// Said after "Stadig korrekt".
pub fn verified_today(date: &str, lang: forebyg_shared::Lang) -> String {
    match lang {
        forebyg_shared::Lang::Da => format!("Bekræftet i dag ({date})."),
        forebyg_shared::Lang::En => format!("Confirmed today ({date})."),
    }
}

/// The conflict explanation with the current version.
pub fn conflict_intro(version: u64, lang: forebyg_shared::Lang) -> String {
    match lang {
        forebyg_shared::Lang::Da => format!("Dine ændringer er ikke gemt: den gemte udgave er nu version {version}. Her er felterne, hvor din udgave og den gemte er forskellige."),
        forebyg_shared::Lang::En => format!("Your changes are not saved: the saved version is now version {version}. Here are the fields where your version and the saved one differ."),
    }
}

/// Archiving refused: the published offers that still use the record (as the API names them).
pub fn in_use(offers: &str, lang: forebyg_shared::Lang) -> String {
    match lang {
        forebyg_shared::Lang::Da => format!("Kan ikke arkiveres, fordi offentliggjorte tilbud bruger den. Afpublicér eller flyt dem først: {offers}"),
        forebyg_shared::Lang::En => format!("Cannot be archived while published offers use it. Unpublish or move them first: {offers}"),
    }
}

/// A package edit refused: `count` offers deliver components it removes (some named).
pub fn components_in_use(count: &str, offers: &str, lang: forebyg_shared::Lang) -> String {
    match (lang, count) {
        (forebyg_shared::Lang::Da, "1") => format!("1 tilbud leverer de komponenter, du har fjernet. Fjern dem fra tilbuddet først: {offers}"),
        (forebyg_shared::Lang::Da, _) => format!("{count} tilbud leverer de komponenter, du har fjernet. Fjern dem fra tilbuddene først: {offers}"),
        (forebyg_shared::Lang::En, "1") => format!("1 offer delivers the components you removed. Untick them in that offer first: {offers}"),
        (forebyg_shared::Lang::En, _) => format!("{count} offers deliver the components you removed. Untick them in those offers first: {offers}"),
    }
}

/// A failure that is not about a field, in the admin's language where we know the problem type.
#[cfg(target_arch = "wasm32")]
pub fn failure_text(e: &forebyg_app::api::ApiError) -> String {
    match e {
        forebyg_app::api::ApiError::Problem(p) if p.kind == forebyg_shared::problem::types::RECORD_IN_USE => {
            let detail = p.detail.clone().unwrap_or_default();
            let names = detail.split_once(": ").map_or(detail.as_str(), |(_, names)| names);
            if p.title == forebyg_shared::package::COMPONENTS_IN_USE {
                let count = detail.split(' ').next().unwrap_or_default();
                return components_in_use(count, names, crate::ui::lang());
            }
            in_use(names, crate::ui::lang())
        }
        e => crate::ui::error_text(e),
    }
}

/// After reapplying onto `version`.
pub fn reapplied(version: u64, lang: forebyg_shared::Lang) -> String {
    match lang {
        forebyg_shared::Lang::Da => format!("Dine ændringer er lagt oven på version {version}. Tjek felterne, og gem igen."),
        forebyg_shared::Lang::En => format!("Your changes are applied on top of version {version}. Check the fields and save again."),
    }
}

#[cfg(test)]
mod tests {
    use forebyg_shared::Lang;

    #[test]
    fn one_offer_in_use_is_singular() {
        assert_eq!(
            super::components_in_use("1", "A (a)", Lang::En),
            "1 offer delivers the components you removed. Untick them in that offer first: A (a)"
        );
        assert!(super::components_in_use("1", "A (a)", Lang::Da).ends_with("Fjern dem fra tilbuddet først: A (a)"));
        assert!(super::components_in_use("2", "A (a); B (b)", Lang::En).starts_with("2 offers deliver"));
    }
}
