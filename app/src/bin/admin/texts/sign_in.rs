//! Signing in and out: `/admin/login`, the development issuer's `/admin/dev-login` and
//! `/admin/callback`.

forebyg_app::texts! {
    LOGIN_H1 = "Log ind", "Sign in";
    LOGIN_INTRO = "Administrationen er kun for regionernes og udbydernes medarbejdere. Du logger ind med din organisations konto.",
        "The administration is only for staff of the regions and providers. You sign in with your organisation's account.";
    LOGIN_BUTTON = "Log ind", "Sign in";
    LOGIN_REDIRECTING = "Sender dig videre til login …", "Taking you to sign in …";
    LOGIN_UNAVAILABLE = "Log ind er ikke sat op på denne server.", "Sign-in is not set up on this server.";
    LOGIN_EXPIRED = "Du er blevet logget ud, fordi din session udløb. Log ind igen for at fortsætte.",
        "You were signed out because your session expired. Sign in again to continue.";
    DEMO_NOTICE_STRONG = "Kun til udvikling og test.", "For development and testing only.";
    DEMO_NOTICE = " I drift logger du ind med din organisations login. Her vælger du selv rolle og region.",
        " In production you sign in with your organisation's login. Here you choose the role and region yourself.";
    NO_CRYPTO = "Din browser kan ikke logge sikkert ind (Web Crypto mangler). Brug en nyere browser.",
        "Your browser cannot sign in securely (Web Crypto is missing). Use a newer browser.";

    DEV_LOGIN_H1 = "Udviklingslogin", "Development sign-in";
    ROLE = "Rolle", "Role";
    REGION = "Region", "Region";
    PROVIDER_ID = "Udbyderens id", "Provider id";
    PROVIDER_ID_REQUIRED = "Angiv udbyderens id.", "Enter the provider id.";
    ORG_KIND = "Organisationens type", "The organisation's kind";
    ORG_NAME = "Organisationens navn", "The organisation's name";
    ORG_NAME_HINT = "Fx Lægerne i Vestergade", "E.g. Vestergade Medical Practice";
    ORG_NAME_REQUIRED = "Angiv organisationens navn.", "Enter the organisation's name.";
    ORG_SOR = "SOR-kode (valgfrit)", "SOR code (optional)";
    DEV_LOGIN_BAD_REQUEST = "Login-anmodningen mangler oplysninger. Start forfra.", "The sign-in request is incomplete. Start again.";

    CALLBACK_H1 = "Logger ind", "Signing in";
    CALLBACK_WORKING = "Logger dig ind …", "Signing you in …";
    CALLBACK_FAILED_H1 = "Log ind lykkedes ikke", "Sign-in failed";
    CALLBACK_DENIED = "Log ind blev afbrudt eller afvist.", "Sign-in was cancelled or refused.";
    CALLBACK_PROVIDER_ERROR = "Login-tjenesten meldte en fejl.", "The sign-in service reported an error.";
    CALLBACK_STATE = "Svaret fra login passer ikke til et login, der er startet i denne fane. Det kan skyldes, at du har brugt et gammelt link.",
        "The sign-in answer does not match a sign-in started in this tab. You may have used an old link.";
    CALLBACK_INVALID_GRANT = "Login-koden er udløbet eller allerede brugt.", "The sign-in code has expired or was already used.";
    CALLBACK_NETWORK = "Vi kunne ikke få forbindelse. Tjek din forbindelse.", "We could not connect. Check your connection.";
    TRY_AGAIN = "Prøv at logge ind igen", "Try signing in again";

    SIGN_OUT = "Log ud", "Sign out";
    ERROR_PREFIX = "Fejl: ", "Error: ";
}

/// A provider of `region` in the demo data (`crate::demo`'s municipal providers are
/// `demo-kommune-<municipality code>`), so the sign-in the hint suggests works. Only the
/// development sign-in page (feature `dev-login`) uses it.
#[cfg(any(feature = "dev-login", test))]
pub fn demo_provider(region: forebyg_shared::taxonomy::RegionCode) -> (&'static str, &'static str) {
    use forebyg_shared::taxonomy::RegionCode;
    match region {
        RegionCode::Nordjylland => ("demo-kommune-0851", "Aalborg Kommune"),
        RegionCode::Midtjylland => ("demo-kommune-0751", "Aarhus Kommune"),
        RegionCode::Syddanmark => ("demo-kommune-0461", "Odense Kommune"),
        RegionCode::Oestdanmark => ("demo-kommune-0101", "København Kommune"),
    }
}

/// The provider id's hint: a real provider of the chosen region in the demo data.
#[cfg(any(feature = "dev-login", test))]
pub fn provider_id_hint(region: forebyg_shared::taxonomy::RegionCode, lang: forebyg_shared::Lang) -> String {
    let (id, name) = demo_provider(region);
    match lang {
        forebyg_shared::Lang::Da => format!("Fx {id} ({name} i demodataene)"),
        forebyg_shared::Lang::En => format!("E.g. {id} ({name} in the demo data)"),
    }
}

#[cfg(test)]
mod tests {
    use forebyg_shared::taxonomy::RegionCode;
    use forebyg_shared::Lang;

    #[test]
    fn the_provider_hint_names_a_provider_of_the_chosen_region() {
        assert_eq!(super::provider_id_hint(RegionCode::Midtjylland, Lang::Da), "Fx demo-kommune-0751 (Aarhus Kommune i demodataene)");
        assert_eq!(super::provider_id_hint(RegionCode::Nordjylland, Lang::En), "E.g. demo-kommune-0851 (Aalborg Kommune in the demo data)");
    }
}
