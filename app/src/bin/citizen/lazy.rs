//! The pages that are not the landing page, as lazy routes, and the search page's results part:
//! each one's code is split out of the main wasm (`#[lazy_route]`, `#[lazy]`, post-processed by
//! tools/wasm-split in scripts/build-app.sh) and fetched when first needed, so the landing page's
//! initial wasm stays small.

use forebyg_app::routes::*;
use leptos::prelude::*;
use leptos_router::{lazy_route, LazyRoute};

use forebyg_app::lazy_page;

lazy_page!(SavedRoute, saved::SavedPage);
lazy_page!(ActivitiesRoute, activities::ActivitiesPage);
lazy_page!(OfferRoute, offer::OfferPage);
lazy_page!(SignupRoute, signup::SignupPage);
lazy_page!(ReceiptRoute, receipt::ReceiptPage);
lazy_page!(StatusRoute, status::StatusPage);
lazy_page!(ClinicianSearchRoute, clinician::search::ClinicianSearchPage);
lazy_page!(HandoutRoute, clinician::handout::HandoutPage);
lazy_page!(ClinicianSignInRoute, clinician::sign_in::SignInPage);
lazy_page!(ClinicianCallbackRoute, clinician::sign_in::CallbackPage);
lazy_page!(ReferRoute, clinician::refer::ReferPage);
lazy_page!(ReferralsRoute, clinician::referrals::ReferralsPage);
lazy_page!(ReferralRoute, clinician::referrals::ReferralPage);

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
