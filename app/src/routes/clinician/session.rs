//! The signed-in clinician: their ID token (the shared PKCE sign-in, session
//! [`CLINICIAN`]), the API calls made with it, the sign-in prompt of pages that need it, and the
//! "Log ud" of pages that show their patients.

use crate::api::ApiError;
use crate::clinician::query::SEARCH_PATH;
use crate::clinician::texts as t;
use crate::sign_in::{StartError, CLINICIAN};
use forebyg_shared::clinician::ClinicianProfile;
use forebyg_shared::referral_route::ReferrerKind;
use forebyg_shared::Lang;
use gloo_net::http::Method;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Not signed in: nothing is asked (the page shows the sign-in prompt instead).
const SIGNED_OUT: ApiError = ApiError::Http(401);

/// A refused token (expired, or signed out elsewhere) sends the clinician to sign in again,
/// to come back here.
fn on_unauthorised<T>(r: Result<T, ApiError>) -> Result<T, ApiError> {
    if matches!(&r, Err(e) if e.status() == Some(401)) {
        CLINICIAN.to_login(true);
    }
    r
}

pub async fn get<T: DeserializeOwned>(url: &str) -> Result<T, ApiError> {
    let token = CLINICIAN.token().ok_or(SIGNED_OUT)?;
    on_unauthorised(crate::http::get(url, Some(token)).await)
}

/// GETs as the signed-in clinician without leaving to sign in on a refusal: for a check on the
/// way to a step that signs in again itself, keeping the form ([`post_keeping`]).
pub async fn peek<T: DeserializeOwned>(url: &str) -> Result<T, ApiError> {
    crate::http::get(url, Some(CLINICIAN.token().ok_or(SIGNED_OUT)?)).await
}

/// POSTs as the signed-in clinician. Signed out (no token, or a refused one), `keep` runs before
/// the browser leaves to sign in again, so the page can keep what was typed for its return.
pub async fn post_keeping<B: Serialize, T: DeserializeOwned>(url: &str, body: &B, keep: impl FnOnce()) -> Result<T, ApiError> {
    let r = match CLINICIAN.token() {
        Some(token) => crate::http::post(url, Some(token), body).await,
        None => Err(SIGNED_OUT),
    };
    if matches!(&r, Err(e) if e.status() == Some(401)) {
        keep();
        CLINICIAN.to_login(true);
    }
    r
}

pub async fn delete<T: DeserializeOwned>(url: &str) -> Result<T, ApiError> {
    let token = CLINICIAN.token().ok_or(SIGNED_OUT)?;
    let r = crate::http::send(Method::DELETE, url, Some(token), None).await;
    on_unauthorised(r.and_then(|(status, body)| crate::http::parse(status, &body)))
}

/// The clinician of this tab: `None` when not signed in.
pub fn profile() -> LocalResource<Option<Result<ClinicianProfile, ApiError>>> {
    LocalResource::new(load_profile)
}

/// [`profile`]'s answer, for a page's own resource. Its kind of referrer is kept for the search
/// ([`known_referrer`]).
pub async fn load_profile() -> Option<Result<ClinicianProfile, ApiError>> {
    let token = CLINICIAN.token()?;
    let profile = crate::http::get::<ClinicianProfile>("/api/v1/clinician/me", Some(token.clone())).await;
    if let Ok(p) = &profile {
        CLINICIAN.put(REFERRER_KEY, &format!("{} {}", token_tail(&token), p.referrer.code()));
    }
    Some(profile)
}

/// Where the tab keeps the signed-in clinician's kind of referrer, with the end of the token it
/// was read with.
const REFERRER_KEY: &str = "referrer";

/// The end of a token (a JWT's signature, ASCII): which sign-in a kept kind belongs to.
fn token_tail(token: &str) -> &str {
    token.get(token.len().saturating_sub(16)..).unwrap_or(token)
}

/// The kind of referrer this tab's clinician was, as their profile said for the token in use: a
/// search orders by it at once instead of waiting for the profile again. `None` before the first
/// profile of a sign-in (a new token reads it first).
pub fn known_referrer() -> Option<ReferrerKind> {
    let token = CLINICIAN.token()?;
    let kept = CLINICIAN.peek(REFERRER_KEY)?;
    let (tail, code) = kept.split_once(' ')?;
    (tail == token_tail(&token)).then(|| ReferrerKind::from_code(code)).flatten()
}

/// A page for the signed-in clinician, once their profile (`profile`'s answer) is in: `page`'s view;
/// the sign-in prompt when not signed in; to sign in again when the token was refused; why not for
/// an account that is no clinician's.
pub fn when_signed_in<V: IntoView + 'static>(
    profile: Option<Result<ClinicianProfile, ApiError>>,
    lang: Lang,
    page: impl FnOnce(ClinicianProfile) -> V,
) -> AnyView {
    match profile {
        Some(Ok(p)) => page(p).into_any(),
        Some(Err(e)) => not_signed_in(Some(e), lang),
        None => not_signed_in(None, lang),
    }
}

/// [`when_signed_in`] without a profile (`None`: no token; else why it could not be loaded): not
/// generic, so the pages share one copy.
fn not_signed_in(error: Option<ApiError>, lang: Lang) -> AnyView {
    match error {
        None => view! { <SignInPrompt lang=lang /> }.into_any(),
        Some(e) if e.status() == Some(401) => {
            CLINICIAN.to_login(true);
            view! { <p class="status status--loading" role="status">{t::SIGN_IN_REDIRECTING.get(lang)}</p> }.into_any()
        }
        Some(e) if e.status() == Some(403) => view! { <p class="status status--error" role="alert">{t::NOT_A_CLINICIAN.get(lang)}</p> }.into_any(),
        Some(e) => view! { <p class="status status--error" role="alert">{e.message(lang)}</p> }.into_any(),
    }
}

/// What the clinician pages keep in the tab's sessionStorage with the session (under its prefix,
/// `forebyg-clinician-`), every one forgotten on signing out: the last patient search (its
/// conditions, postcode and age), for the way back to it …
const LAST_SEARCH: &str = "search";
/// … a referral form kept while signing in again (see the `draft` module, which uses this) …
pub const REFERRAL_DRAFT: &str = "referral-draft";
/// … and what signing out leaves for the page it lands on (the clinician search), which says so.
const SIGNED_OUT_MARK: &str = "signed-out";

/// Keeps the search just run (its address) as the way back from an offer, the handout and the
/// referral form.
pub fn remember_search(href: &str) {
    CLINICIAN.put(LAST_SEARCH, href);
}

/// The clinician's last search in this tab, or the empty clinician search.
pub fn last_search_href() -> String {
    CLINICIAN.peek(LAST_SEARCH).filter(|h| h.starts_with(SEARCH_PATH)).unwrap_or_else(|| SEARCH_PATH.to_owned())
}

/// Signs the clinician out of this tab: forgets everything the clinician pages keep in its
/// sessionStorage (the token, a sign-in under way, the last patient search, a kept referral form,
/// the clinician's kind of referrer), ends the identity provider's session where there is one,
/// and lands on the clinician search, which confirms it. The "Nyt siden sidst" marker stays:
/// it is kept per account, and no one else's.
pub fn sign_out() {
    CLINICIAN.forget(&[LAST_SEARCH, REFERRAL_DRAFT, SIGNED_OUT_MARK, REFERRER_KEY]);
    CLINICIAN.put(SIGNED_OUT_MARK, "1");
    CLINICIAN.sign_out_to(SEARCH_PATH);
}

/// On the sign-in page: the identity provider sent the browser back there after signing out (its
/// registered logout address), to go on to the clinician search.
pub fn just_signed_out() -> bool {
    CLINICIAN.peek(SIGNED_OUT_MARK).is_some()
}

/// On the clinician search: "Du er logget ud …", once.
pub fn signed_out_notice(lang: Lang) -> Option<impl IntoView> {
    CLINICIAN.take(SIGNED_OUT_MARK)?;
    Some(announce_soon(t::SIGNED_OUT_DONE.get(lang).to_owned()))
}

/// A notice in a live region filled a moment after the page is drawn, so that screen readers
/// announce it (a region drawn with its text already in is often not read out).
pub fn announce_soon(text: String) -> impl IntoView {
    let shown = RwSignal::new(None::<String>);
    set_timeout(move || drop(shown.try_set(Some(text))), std::time::Duration::from_millis(150));
    view! { <div role="status">{move || shown.get().map(|x| view! { <p class="notice">{x}</p> })}</div> }
}

/// "Logget ind som Dev kliniker · Lægerne i Vestergade" with "Log ud", on the pages that show the
/// clinician's patients: on a shared consultation-room PC the next person must not see them.
#[component]
pub fn SignedInBar(profile: ClinicianProfile, lang: Lang) -> impl IntoView {
    let who = match profile.name {
        Some(name) => format!("{name} · {}", profile.organisation.name),
        None => profile.organisation.name,
    };
    view! {
        <div class="signed-in-bar">
            <p>{t::SIGNED_IN_AS.get(lang)}" "<strong>{who}</strong></p>
            <button class="button button--secondary button--small" type="button" on:click=move |_| sign_out()>{t::SIGN_OUT.get(lang)}</button>
        </div>
    }
}

/// Starts the sign-in, to come back to `back_to` (a clinician page).
pub fn start_sign_in(back_to: String, failure: RwSignal<Option<&'static str>>, lang: Lang) {
    CLINICIAN.return_after(&back_to);
    leptos::task::spawn_local(async move {
        match crate::sign_in::settings().await {
            Ok(Some(s)) => {
                if let Err(StartError::NoCrypto) = CLINICIAN.start(&s).await {
                    failure.set(Some(t::NO_CRYPTO.get(lang)));
                }
            }
            Ok(None) => failure.set(Some(t::SIGN_IN_UNAVAILABLE.get(lang))),
            Err(e) => failure.set(Some(e.message(lang))),
        }
    });
}

/// "Log ind som behandler …" with the button that signs in and comes back to this page.
#[component]
pub fn SignInPrompt(lang: Lang) -> impl IntoView {
    let failure = RwSignal::new(None::<&'static str>);
    let busy = RwSignal::new(false);
    let go = move |_| {
        busy.set(true);
        let location = window().location();
        let here = format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
        start_sign_in(here, failure, lang);
    };
    view! {
        <div class="notice sign-in-prompt">
            <p>{t::SIGN_IN_NEEDED.get(lang)}</p>
            <p><button class="button" type="button" disabled=move || busy.get() on:click=go>{t::SIGN_IN.get(lang)}</button></p>
            {move || busy.get().then(|| view! { <p class="status status--loading" role="status">{t::SIGN_IN_REDIRECTING.get(lang)}</p> })}
            {move || failure.get().map(|f| view! { <p class="status status--error" role="alert">{f}</p> })}
        </div>
    }
}
