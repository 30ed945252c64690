//! Shared pieces of the admin pages: the page heading (title + focus on arrival), the error
//! summary linked to fields, messages and small helpers.

use crate::form;
use crate::texts::common as t;
use forebyg_app::api::ApiError;
use forebyg_shared::validation::FieldError;
use forebyg_shared::Lang;
use leptos::html::H1;
use leptos::prelude::*;
use std::cell::Cell;

thread_local! {
    static LANG: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// The UI language: the one chosen on this device (localStorage `forebyg.lang`, shared with the
/// citizen pages), Danish by default. Read once per page load; switching reloads the page.
pub fn lang() -> Lang {
    LANG.with(|l| {
        if let Some(lang) = l.get() {
            return lang;
        }
        let stored = forebyg_app::dom::load(forebyg_app::dom::Store::Local, "forebyg.lang");
        let lang = if stored.as_deref() == Some("en") { Lang::En } else { Lang::Da };
        l.set(Some(lang));
        lang
    })
}

/// Sets the document title and, when the page was reached by navigating inside the app, moves
/// focus to the page's h1 once it is rendered (the citizen pages' helper).
pub fn page_setup(title: &str, h1: NodeRef<H1>) {
    set_title(title);
    forebyg_app::dom::focus_heading_on_arrival(h1);
}

/// "{title} – Forebyg administration" as the document title.
pub fn set_title(title: &str) {
    document().set_title(&format!("{title} – {}", t::TITLE_SUFFIX.get(lang())));
}

pub use forebyg_app::dom::focus_id;

/// Focuses `id` once the browser has rendered the current update.
pub fn focus_soon(id: &'static str) {
    request_animation_frame(move || focus_id(id));
}

/// The error summary of the citizen pages (one component for both apps) with the admin forms'
/// field → control mapping (the offer form's by default, the record forms' for providers and
/// locations).
#[component]
pub fn ErrorSummary(errors: Vec<FieldError>, #[prop(default = form::control_id)] control_id: fn(&str) -> Option<String>) -> impl IntoView {
    view! { <forebyg_app::components::error_summary::ErrorSummary errors lang=lang() id="error-summary" control_id /> }
}

/// A message for an API error that is not about a field.
pub fn error_text(e: &ApiError) -> String {
    match e {
        ApiError::Network => t::NETWORK.get(lang()).into(),
        ApiError::Problem(p) if p.status == 403 => t::FORBIDDEN.get(lang()).into(),
        ApiError::Problem(p) if p.status == 404 => t::NOT_FOUND.get(lang()).into(),
        // The store is down for a moment (503): nothing was saved, and the form keeps its input.
        ApiError::Problem(p) if p.status == 503 => t::UNAVAILABLE.get(lang()).into(),
        ApiError::Problem(p) if !p.errors.is_empty() => p.errors.iter().map(|e| e.message.get(lang()).to_owned()).collect::<Vec<_>>().join(" "),
        ApiError::Problem(p) => t::failed(&p.detail.clone().unwrap_or_else(|| p.title.clone()), lang()),
        _ => t::SERVER_ERROR.get(lang()).into(),
    }
}

#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="status status--loading" role="status">{t::LOADING.get(lang())}</p> }
}

#[component]
pub fn Failed(error: ApiError) -> impl IntoView {
    view! { <p class="status status--error" role="alert">{t::ERROR_PREFIX.get(lang())}{error_text(&error)}</p> }
}

/// Unix seconds in the browser's time zone, as Danes (or English readers) write it:
/// "3. dec. 2026 kl. 14.05" / "3 Dec 2026, 14:05".
pub fn date_time(unix: i64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(unix as f64 * 1000.0));
    let (locale, between) = if lang() == Lang::Da { ("da-DK", " kl. ") } else { ("en-GB", ", ") };
    let style = |k: &str, v: &str| {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
        options
    };
    let day = String::from(date.to_locale_date_string(locale, &style("dateStyle", "medium")));
    let time = String::from(date.to_locale_time_string_with_options(locale, &style("timeStyle", "short")));
    format!("{day}{between}{time}")
}

/// A day (YYYY-MM-DD) in the admin's lists: "3. dec. 2026" / "3 Dec 2026".
pub fn date(iso: &str) -> String {
    forebyg_app::format::short_date(iso, lang())
}

/// A `data:` address for a downloaded text, so a file fetched with the bearer token can be saved.
pub fn data_url(mime: &str, text: &str) -> String {
    format!("data:{mime};charset=utf-8,{}", String::from(js_sys::encode_uri_component(text)))
}
