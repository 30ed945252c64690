//! The QR code of an offer page's address on the printed page (hidden on screen). The code is
//! drawn by app/js/qr.js (qrcode-generator), loaded on offer pages only, into `<forebyg-qr>`.

use crate::components::js_module;
use crate::map::{QR_CAPTION, QR_LABEL};
use crate::query;
use forebyg_shared::Lang;
use leptos::prelude::*;

pub fn offer_qr(id: &str, lang: Lang) -> impl IntoView {
    js_module::load("forebyg:qr");
    let url = format!("{}{}", window().location().origin().unwrap_or_default(), query::offer_href(id));
    view! {
        <figure class="print-only offer-qr">
            <forebyg-qr class="offer-qr__code" role="img" aria-label=QR_LABEL.get(lang) data-url=url.clone()></forebyg-qr>
            <figcaption>{QR_CAPTION.get(lang)}<br /><span class="offer-qr__url">{url}</span></figcaption>
        </figure>
    }
}
