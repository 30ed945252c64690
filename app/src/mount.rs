//! Starting an app over the static page shell (`#app` in `index.html` / `admin.html`): the shell
//! is what people see until the wasm has loaded, so the app replaces it without a blank moment.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Replaces the static page shell in `#app` (or the body) with `app` at once. The admin
/// workspace's pages are all in its first screen's reach, so there is nothing to wait for.
pub fn mount<F, N>(app: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    match shell() {
        Some(el) => {
            el.set_inner_html("");
            leptos::mount::mount_to(el, app).forget();
        }
        None => leptos::mount::mount_to_body(app),
    }
}

/// Starts `app` in an element outside the document and swaps it in for the static shell once its
/// page can be seen (outside the document, the page exists once, for scripts and assistive
/// technology alike). A page opened directly whose code is a lazy chunk (the offer page) renders nothing until
/// that chunk has loaded; meanwhile the shell keeps showing what it has (app/js/first-screen.js fills
/// an offer page's first screen into it), instead of a blank page that fills up again. The page is
/// ready when it has its heading, or [`SETTLE_MS`] after it first shows anything (a loading line
/// while the API answers), or at the latest after [`MAX_WAIT_MS`].
pub fn mount_when_page_ready<F, N>(app: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    // After the next frame: the shell is painted at least once before the app replaces it, so
    // what people see first does not wait for the app, however fast the wasm arrives.
    let start = move || request_animation_frame(move || set_timeout(move || start_over_shell(app), std::time::Duration::ZERO));
    // On an offer page, after app/js/first-screen.js has shown the offer's first screen (its
    // `forebygPrefetch.shown` never fails): the app's start, a long task on a phone, does not
    // hold that up. On a slow connection the offer is there long before the wasm anyway.
    match first_screen_shown() {
        Some(shown) => wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(shown).await;
            start();
        }),
        None => start(),
    }
}

/// `window.forebygPrefetch.shown`, if app/js/first-screen.js is showing an offer's first screen.
fn first_screen_shown() -> Option<js_sys::Promise> {
    let get = |o: &wasm_bindgen::JsValue, k: &str| js_sys::Reflect::get(o, &wasm_bindgen::JsValue::from_str(k)).ok();
    get(&window(), "forebygPrefetch").and_then(|p| get(&p, "shown")).and_then(|s| s.dyn_into().ok())
}

fn start_over_shell<F, N>(app: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    let Some(shell) = shell() else {
        crate::scheduler::started();
        return leptos::mount::mount_to_body(app);
    };
    let Some(root) = document().create_element("div").ok().and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) else {
        crate::scheduler::started();
        return mount(app);
    };
    leptos::mount::mount_to(root.clone(), app).forget();
    reveal_when_ready(shell, root, js_sys::Date::now(), None);
}

/// How long a page that shows something but not yet its heading may keep the shell up.
const SETTLE_MS: f64 = 300.0;
/// The longest the shell stays up once the app runs (a chunk that does not load).
const MAX_WAIT_MS: f64 = 10_000.0;

/// Checks before each frame is painted, so the app is never seen half-built and the shell is never
/// seen a frame too long.
fn reveal_when_ready(shell: web_sys::HtmlElement, root: web_sys::HtmlElement, started: f64, first_content: Option<f64>) {
    let now = js_sys::Date::now();
    let has = |selector: &str| root.query_selector(selector).ok().flatten().is_some();
    let first_content = first_content.or_else(|| has("main > *").then_some(now));
    let settled = first_content.is_some_and(|t| now - t >= SETTLE_MS);
    if has("main h1") || settled || now - started >= MAX_WAIT_MS {
        root.set_id("app");
        if shell.replace_with_with_node_1(&root).is_err() {
            // Not expected (the shell is in the body); never leave the page without the app.
            let _ = document().body().map(|b| b.append_child(&root));
        }
        crate::scheduler::started();
        return;
    }
    request_animation_frame(move || reveal_when_ready(shell, root, started, first_content));
}

fn shell() -> Option<web_sys::HtmlElement> {
    document().get_element_by_id("app").and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
}
