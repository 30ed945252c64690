//! Description-list rows of a page's facts, and the contact block shared by the offer and
//! activity pages.

use crate::{format, i18n};
use forebyg_shared::offer::Contact;
use forebyg_shared::Lang;
use leptos::prelude::*;

/// Text with blank lines as paragraphs.
pub fn paragraphs(text: &str) -> impl IntoView {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(|p| view! { <p>{p.to_owned()}</p> }).collect_view()
}

/// A link if the address is safe, else the text alone.
pub fn link_or_text(href: Option<String>, text: String) -> impl IntoView {
    match href {
        Some(href) => view! { <a href=href>{text}</a> }.into_any(),
        None => text.into_any(),
    }
}

/// A phone number as a `tel:` link (the number alone when it cannot be dialled).
pub fn phone_link(phone: String) -> impl IntoView {
    link_or_text(format::tel_href(&phone), phone)
}

/// A `<div><dt/><dd/></div>` row of a description list.
pub fn row(term: &'static str, value: impl IntoView) -> impl IntoView {
    view! { <div><dt>{term}</dt><dd>{value}</dd></div> }
}

/// Name, phone (`tel:`), e-mail (`mailto:`) and web address, or a sentence that there is none.
pub fn contact_facts(c: Contact, lang: Lang) -> AnyView {
    let t = |x: i18n::Text| x.get(lang);
    if c.name.is_none() && c.phone.is_none() && c.email.is_none() && c.url.is_none() {
        return view! { <p>{t(i18n::CONTACT_NONE)}</p> }.into_any();
    }
    view! {
        <dl class="facts facts--stacked">
            {c.name.map(|n| row(t(i18n::CONTACT_NAME), n))}
            {c.phone.map(|p| row(t(i18n::CONTACT_PHONE), phone_link(p)))}
            {c.email.map(|e| {
                let href = (e.contains('@') && !e.contains(':')).then(|| format!("mailto:{e}"));
                row(t(i18n::CONTACT_EMAIL), link_or_text(href, e))
            })}
            {c.url.map(|u| row(t(i18n::CONTACT_WEB), link_or_text(format::web_link(&u).map(str::to_owned), u.clone())))}
        </dl>
    }
    .into_any()
}
