//! Shared pieces of the admin pages: the page heading (title + focus on arrival), the error
//! summary linked to fields, messages and small helpers.

use crate::form;
use crate::texts::common as t;
use forebyg_app::api::ApiError;
use forebyg_app::i18n::Text;
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

/// A message for an API error that is not about a field, when something was sent to be saved or
/// done (for data being loaded, [`load_error_text`]).
pub fn error_text(e: &ApiError) -> String {
    match e {
        // The store is down for a moment (503): nothing was saved, and the form keeps its input.
        ApiError::Problem(p) if p.status == 503 => t::SAVE_UNAVAILABLE.get(lang()).into(),
        e => load_error_text(e),
    }
}

/// A message for an API error that is not about a field, when data was being loaded: a 503 only
/// means "later" (nothing was being saved, so the save message would mislead).
pub fn load_error_text(e: &ApiError) -> String {
    match e {
        ApiError::Network => t::NETWORK.get(lang()).into(),
        ApiError::Problem(p) if p.status == 403 => t::FORBIDDEN.get(lang()).into(),
        ApiError::Problem(p) if p.status == 404 => t::NOT_FOUND.get(lang()).into(),
        ApiError::Problem(p) if p.status == 503 => t::LOAD_UNAVAILABLE.get(lang()).into(),
        // Two handlers at once (e.g. both answering one request): the list reloads after it.
        ApiError::Problem(p) if p.kind == forebyg_shared::problem::types::STALE_VERSION => t::CHANGED_MEANWHILE.get(lang()).into(),
        ApiError::Problem(p) if !p.errors.is_empty() => p.errors.iter().map(|e| e.message.get(lang()).to_owned()).collect::<Vec<_>>().join(" "),
        ApiError::Problem(p) => t::failed(&p.detail.clone().unwrap_or_else(|| p.title.clone()), lang()),
        _ => t::SERVER_ERROR.get(lang()).into(),
    }
}

#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="status status--loading" role="status">{t::LOADING.get(lang())}</p> }
}

/// A failed save or action, said at once.
#[component]
pub fn Failed(error: ApiError) -> impl IntoView {
    alert(error_text(&error))
}

fn alert(message: String) -> impl IntoView {
    view! { <p class="status status--error" role="alert">{t::ERROR_PREFIX.get(lang())}{message}</p> }
}

/// How an admin page shows data it loads, the first time only: the loading line until `res` has
/// answered, then `ok`'s view of the data, or the error (with "Try again" when that can help).
/// `ok` runs once per answer: signals it reads make it run again behind the loading line, so read
/// them in closures inside its view (or use [`transition`]).
pub fn suspense<T, V>(res: LocalResource<Result<T, ApiError>>, ok: impl Fn(T) -> V + Clone + Send + Sync + 'static) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    boundary(Boundary::Suspense, answer(res, None, ok))
}

/// [`suspense`] for a page that is all loaded data (an edit page): when loading fails, the page
/// gets a heading of its own, `failed`, which is also its title and takes the focus.
pub fn suspense_page<T, V>(
    res: LocalResource<Result<T, ApiError>>,
    failed: Text,
    ok: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    boundary(Boundary::Suspense, answer(res, Some(failed), ok))
}

/// [`suspense`] for data that reloads in place (new filters, another page, after a save): the last
/// view stays until the new answer is in, instead of the loading line flashing.
pub fn transition<T, V>(res: LocalResource<Result<T, ApiError>>, ok: impl Fn(T) -> V + Clone + Send + Sync + 'static) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    boundary(Boundary::Transition, answer(res, None, ok))
}

/// What data a form only needs to complete itself fills in once `res` has answered (nothing before
/// it): a select's options, names for ids. The same rule about signals as [`suspense`].
pub fn when_loaded<T, V>(res: LocalResource<T>, ready: impl Fn(T) -> V + Clone + Send + Sync + 'static) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    boundary(
        Boundary::Quiet,
        Box::new(move || {
            let ready = ready.clone();
            Suspend::new(async move { ready(res.await).into_any() })
        }),
    )
}

/// A part of a page whose code is a split chunk of its own (`part` calls a `#[lazy]` function that
/// returns the part's view): nothing until the chunk has loaded.
pub fn lazy_part<F>(part: impl Fn() -> F + Send + Sync + 'static) -> impl IntoView
where
    F: std::future::Future<Output = AnyView> + Send + 'static,
{
    boundary(
        Boundary::Quiet,
        Box::new(move || {
            let part = part();
            Suspend::new(part)
        }),
    )
}

/// The children of a boundary, boxed: the boundaries are built once for every page (each page's
/// code splitting chunk then carries only its own data's part).
type Body = Box<dyn Fn() -> Suspend<AnyView> + Send + Sync>;

enum Boundary {
    Suspense,
    Transition,
    /// A `Suspense` that shows nothing while loading.
    Quiet,
}

fn boundary(kind: Boundary, body: Body) -> AnyView {
    match kind {
        Boundary::Suspense => view! { <Suspense fallback=Loading>{body}</Suspense> }.into_any(),
        Boundary::Transition => view! { <Transition fallback=Loading>{body}</Transition> }.into_any(),
        Boundary::Quiet => view! { <Suspense>{body}</Suspense> }.into_any(),
    }
}

fn answer<T, V>(res: LocalResource<Result<T, ApiError>>, failed: Option<Text>, ok: impl Fn(T) -> V + Clone + Send + Sync + 'static) -> Body
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    Box::new(move || {
        let ok = ok.clone();
        Suspend::new(async move {
            match res.await {
                Ok(data) => ok(data).into_any(),
                Err(e) => load_failed(e, failed, Callback::new(move |_| res.refetch())),
            }
        })
    })
}

/// A failed load: the error, under a heading of its own for a page that is all loaded data, and
/// "Try again" when the network or the server failed (not when the request was refused).
fn load_failed(e: ApiError, failed: Option<Text>, retry: Callback<()>) -> AnyView {
    if e.status() == Some(401) {
        // Signed out (or the token expired): the browser is on its way to the sign-in page.
        return view! { <Loading /> }.into_any();
    }
    let heading = failed.map(|text| {
        let h1 = NodeRef::<H1>::new();
        page_setup(text.get(lang()), h1);
        view! { <h1 node_ref=h1 tabindex="-1">{text.get(lang())}</h1> }
    });
    let may_retry = matches!(e, ApiError::Network) || e.status().is_some_and(|s| s >= 500);
    view! {
        {heading}
        {alert(load_error_text(&e))}
        {may_retry.then(|| view! {
            <p><button type="button" class="button button--secondary" on:click=move |_| retry.run(())>{forebyg_app::i18n::RETRY.get(lang())}</button></p>
        })}
    }
    .into_any()
}

/// Unix seconds in the browser's time zone, as the rest of Forebyg writes a time
/// ([`forebyg_app::format::day_at`]): "3. dec. 2026 kl. 14:05" / "3 Dec 2026, 14:05".
pub fn date_time(unix: i64) -> String {
    forebyg_app::dom::local_day_at(unix, forebyg_app::format::short_date, lang())
}

/// A day (YYYY-MM-DD) in the admin's lists: "3. dec. 2026" / "3 Dec 2026".
pub fn date(iso: &str) -> String {
    forebyg_app::format::short_date(iso, lang())
}

/// A list filter's `<select>` over `form` (the page's query, which the address carries): "all"
/// (an empty value) first, then the `(value, text)` options; `get` reads the chosen value ("" for
/// all), `set` writes one.
pub fn filter_select<Q: Send + Sync + 'static>(
    form: RwSignal<Q>,
    id: &'static str,
    label: &'static str,
    all: &'static str,
    options: Vec<(String, String)>,
    get: fn(&Q) -> String,
    set: fn(&mut Q, String),
) -> impl IntoView {
    view! {
        <div class="field">
            <label class="field__label" for=id>{label}</label>
            <select id=id class="select" on:change=move |ev| form.update(|f| set(f, event_target_value(&ev)))>
                <option value="" prop:selected=move || form.with(get).is_empty()>{all}</option>
                {options.into_iter().map(|(value, name)| {
                    let v = value.clone();
                    view! { <option value=value prop:selected=move || form.with(get) == v>{name}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}
