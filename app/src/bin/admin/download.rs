//! The admin's exports as one click: the file is fetched with the bearer token (a plain link
//! cannot send it) and saved at once under a name with the day, e.g. `forebyg-tilbud-2026-12-04.csv`,
//! through a Blob behind a temporary link (a `data:` address loses the name beyond the size limit
//! browsers set for it). A status line says which file was saved.

use crate::api;
use crate::texts::common as t;
use crate::ui::{lang, Failed};
use forebyg_app::api::ApiError;
use forebyg_app::i18n::Text;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// `stem` and today's date as a file name: `forebyg-tilbud` → `forebyg-tilbud-2026-12-04.csv`.
pub fn dated_name(stem: &str, extension: &str) -> String {
    format!("{stem}-{}.{extension}", api::today())
}

/// Saves `text` as the file `name`. A CSV file gets back the byte order mark the API sent and the
/// browser's decoding removed, so Excel shows æ, ø and å.
fn save(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let bom = if mime == "text/csv" && !text.starts_with('\u{feff}') { "\u{feff}" } else { "" };
    let parts = js_sys::Array::of1(&JsValue::from_str(&format!("{bom}{text}")));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(&format!("{mime};charset=utf-8"));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link = document().create_element("a")?;
    link.set_attribute("href", &url)?;
    link.set_attribute("download", name)?;
    link.set_attribute("hidden", "")?;
    document().body().ok_or(JsValue::NULL)?.append_child(&link)?;
    link.unchecked_ref::<web_sys::HtmlElement>().click();
    link.remove();
    // The download has its own copy once started; the address is let go a little later.
    set_timeout(move || drop(web_sys::Url::revoke_object_url(&url)), std::time::Duration::from_secs(60));
    Ok(())
}

/// A button that fetches `url` (text of type `mime`) and saves it as `name`, in one click.
#[component]
pub fn DownloadButton(label: Text, url: Callback<(), String>, name: Callback<(), String>, mime: &'static str) -> impl IntoView {
    // The file saved and the address (its query) it was made for: another choice on the page (a
    // filter, a lens) is another file, so the line shows only while the address is the same.
    let search = leptos_router::hooks::use_location().search;
    let saved = RwSignal::new(None::<(String, String)>);
    let failed = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let click = move |_| {
        let (url, name, at) = (url.run(()), name.run(()), search.get_untracked());
        saved.set(None);
        failed.set(None);
        busy.set(true);
        leptos::task::spawn_local(async move {
            match api::get_text(&url).await {
                Ok(text) => match save(&name, mime, &text) {
                    Ok(()) => saved.set(Some((name, at))),
                    Err(_) => failed.set(Some(ApiError::Network)),
                },
                Err(e) => failed.set(Some(e)),
            }
            busy.set(false);
        });
    };
    view! {
        <button type="button" class="button button--secondary" disabled=move || busy.get() on:click=click>{label.get(lang())}</button>
        <span class="download-status" role="status">{move || saved.get().filter(|(_, at)| *at == search.get()).map(|(n, _)| t::downloaded(&n, lang()))}</span>
        {move || failed.get().map(|e| view! { <Failed error=e /> })}
    }
}
