//! The pages that are not the landing page, as lazy routes, and the search page's results part:
//! each one's code is split out of the main wasm (Leptos' `wasm_split`: `lazy_page!` and `#[lazy]`,
//! post-processed by tools/wasm-split in scripts/build-app.sh) and fetched when first needed, so
//! the landing page's initial wasm stays small. Routes opened together share one split module
//! (`in module`), which keeps the files a page needs few (see `lazy_page!`).

use forebyg_app::routes::*;
use leptos::prelude::*;
use leptos_router::LazyRoute;

use forebyg_app::lazy_page;

lazy_page!(SavedRoute, saved::SavedPage, in more_pages);
lazy_page!(ActivitiesRoute, activities::ActivitiesPage, in more_pages);
lazy_page!(OfferRoute, offer::OfferPage, in offer_page);
lazy_page!(SignupRoute, signup::SignupPage, in joining_pages);
lazy_page!(ReceiptRoute, receipt::ReceiptPage, in joining_pages);
lazy_page!(StatusRoute, status::StatusPage, in joining_pages);
lazy_page!(ClinicianSearchRoute, clinician::search::ClinicianSearchPage, in clinician_pages);
lazy_page!(HandoutRoute, clinician::handout::HandoutPage, in clinician_pages);
lazy_page!(ClinicianSignInRoute, clinician::sign_in::SignInPage, in clinician_pages);
lazy_page!(ClinicianCallbackRoute, clinician::sign_in::CallbackPage, in clinician_pages);
lazy_page!(ReferRoute, clinician::refer::ReferPage, in clinician_pages);
lazy_page!(ReferralsRoute, clinician::referrals::ReferralsPage, in clinician_pages);
lazy_page!(ReferralRoute, clinician::referral::ReferralPage, in clinician_pages);

/// The search page's part that only a search needs (results, "Flere valg"): a chunk of its own,
/// fetched when the form is first used or a search is in the address.
#[leptos::lazy]
fn search_answer() -> search::answer::AnswerParts {
    search::answer::parts()
}

/// [`search_answer`] as the search page's loader.
pub fn load_search_answer() -> std::pin::Pin<Box<dyn std::future::Future<Output = search::answer::AnswerParts>>> {
    Box::pin(search_answer())
}
