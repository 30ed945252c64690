//! The header's language switch, like the citizen pages': the choice is stored on the device
//! (localStorage `forebyg.lang`, shared with the citizen pages) and the page reloads in the other
//! language, since every text is chosen once per page load. Also sets `<html lang>`.

use crate::texts::common as t;
use crate::ui::lang;
use forebyg_shared::Lang;
use leptos::prelude::*;

const ID: &str = "lang-switch";

#[component]
pub fn LangSwitch() -> impl IntoView {
    let current = lang();
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", current.code());
    }
    let other = if current == Lang::Da { Lang::En } else { Lang::Da };
    let switch = move |_| {
        if let Ok(Some(storage)) = window().local_storage() {
            let _ = storage.set_item("forebyg.lang", other.code());
        }
        forebyg_app::dom::reload_keeping_focus(ID);
    };
    forebyg_app::dom::refocus_after_reload();
    view! {
        <button type="button" id=ID class="lang-switch" lang=other.code() aria-label=t::LANG_SWITCH_LABEL.get(current) on:click=switch>
            {t::LANG_SWITCH.get(current)}
        </button>
    }
}
