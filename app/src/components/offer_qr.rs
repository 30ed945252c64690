//! The QR code of an offer page's address on the printed page (hidden on screen): app/js/qr.js
//! (qrcode-generator), loaded on offer pages only, draws it with its caption into `<forebyg-qr>`.

use crate::components::js_module;
use crate::query;
use leptos::prelude::*;

pub fn offer_qr(id: &str) -> impl IntoView {
    js_module::load("forebyg:qr");
    let url = format!("{}{}", window().location().origin().unwrap_or_default(), query::offer_href(id));
    view! { <forebyg-qr class="print-only" data-url=url></forebyg-qr> }
}
