//! `/klinik/til-patienten?offer=…&offer=…&lang=da`: the patient handout. On screen: the handout
//! as it will print, with its language (independent of the UI's), "print", the share link (this
//! page's address) and a short text for a text message or an e-mail. On paper (print stylesheet):
//! one A4 page with, per offer, what, where, when, how to join, the phone number, a QR code of the
//! offer's page and the patient's next step. The share link opens the patient's copy
//! (`&til=patient`): the sheet alone, its title the page's heading, each offer's title a link to
//! its page (the QR codes only on paper).

use super::session::last_search_href;
use crate::api::ApiError;
use crate::clinician::handout as h;
use crate::clinician::query::HandoutQuery;
use crate::clinician::texts as t;
use crate::components::facts::phone_link;
use crate::components::js_module;
use crate::context::use_lang;
use crate::{dom, i18n, query};
use forebyg_shared::offer::Offer;
use forebyg_shared::Lang;
use leptos::html::H1;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// The chosen offers that still exist, and whether any is gone.
#[derive(Clone)]
struct Loaded {
    offers: Vec<Offer>,
    missing: bool,
}

async fn load(ids: Vec<String>) -> Result<Loaded, ApiError> {
    let mut loaded = Loaded { offers: vec![], missing: false };
    for id in ids {
        match crate::http::get::<Offer>(&query::api_offer_url(&id), None).await {
            Ok(o) if !o.is_archived() => loaded.offers.push(o),
            // Archived (closed to new people) is as gone as a deleted offer for a handout.
            Ok(_) => loaded.missing = true,
            Err(e) if e.is_not_found() => loaded.missing = true,
            Err(e) => return Err(e),
        }
    }
    Ok(loaded)
}

pub(super) fn origin() -> String {
    window().location().origin().unwrap_or_default()
}

/// This site's name as a patient types it: "forebyg.dk".
fn host() -> String {
    window().location().host().unwrap_or_default()
}

#[component]
pub fn HandoutPage() -> impl IntoView {
    let lang = use_lang();
    let map = use_query_map();
    let handout = Memo::new(move |_| map.with(|m| HandoutQuery::parse(m.into_iter().map(|(k, v)| (k.as_ref(), v)), lang)));
    let ids = Memo::new(move |_| handout.with(|h| h.offers.clone()));
    let offers = LocalResource::new(move || load(ids.get()));
    js_module::load("forebyg:qr");

    let h1 = NodeRef::<H1>::new();
    dom::focus_heading_on_arrival(h1);
    // The patient's copy is the sheet alone: its title (in the sheet's language) is the heading.
    let patient = handout.with_untracked(|h| h.patient);
    if patient {
        Effect::new(move |_| dom::set_title(lang, t::HANDOUT_H1.get(handout.with(|h| h.lang))));
    } else {
        dom::set_title(lang, t::HANDOUT_BAR_LABEL.get(lang));
    }
    let back = last_search_href();
    let tools = (!patient).then(|| {
        view! {
            <div class="handout-tools no-print">
                <p class="back-link"><a href=back><span aria-hidden="true">"← "</span>{t::BACK_TO_RESULTS.get(lang)}</a></p>
                <h1 node_ref=h1 tabindex="-1">{t::HANDOUT_BAR_LABEL.get(lang)}</h1>
                <LanguageChoice handout=handout lang=lang />
            </div>
        }
    });

    view! {
        {tools}
        <Suspense fallback=move || view! { <p class="status status--loading" role="status">{t::LOADING.get(lang)}</p> }>
            {move || Suspend::new(async move {
                match offers.await {
                    Ok(l) if l.offers.is_empty() => view! {
                        {l.missing.then(|| view! { <p class="status status--error">{t::HANDOUT_MISSING.get(lang)}</p> })}
                        <p>{t::HANDOUT_EMPTY.get(lang)}</p>
                    }
                    .into_any(),
                    Ok(l) => {
                        let missing = l.missing;
                        let chosen = StoredValue::new(l.offers);
                        // A change of the handout's language redraws it (the offers stay loaded).
                        let redraw = move || {
                            let hq = handout.get();
                            let sheet_h1 = patient.then_some(h1);
                            chosen.with_value(|os| view! {
                                {(!hq.patient).then(|| view! { <Tools offers=os.clone() handout=hq.clone() lang=lang /> })}
                                {sheet(os, hq.lang, sheet_h1)}
                            })
                        };
                        view! {
                            {missing.then(|| view! { <p class="status status--error no-print">{t::HANDOUT_MISSING.get(lang)}</p> })}
                            {redraw}
                        }
                        .into_any()
                    }
                    Err(e) => view! {
                        <p class="status status--error">{t::LOAD_ERROR.get(lang)}" "{e.message(lang)}</p>
                        <button class="button button--secondary" type="button" on:click=move |_| offers.refetch()>{t::RETRY.get(lang)}</button>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}

/// The handout's language: Danish or English, whatever the UI speaks (kept in the address).
#[component]
fn LanguageChoice(handout: Memo<HandoutQuery>, lang: Lang) -> impl IntoView {
    let navigate = use_navigate();
    let choose = Callback::new(move |l: Lang| {
        let href = HandoutQuery { lang: l, ..handout.get_untracked() }.href();
        navigate(&href, NavigateOptions { replace: true, scroll: false, ..Default::default() });
    });
    view! { <SheetLanguage name="handout-lang" current=Signal::derive(move || handout.with(|h| h.lang)) choose=choose lang=lang /> }
}

/// A printed sheet's language, Danish or English, as two radio buttons (`name`: the group's name
/// and the inputs' id prefix).
#[component]
pub(super) fn SheetLanguage(name: &'static str, current: Signal<Lang>, choose: Callback<Lang>, lang: Lang) -> impl IntoView {
    let option = move |l: Lang, label: &'static str| {
        let id = format!("{name}-{}", l.code());
        view! {
            <div class="choice">
                <input class="choice__input" type="radio" name=name id=id.clone() value=l.code()
                    prop:checked=move || current.get() == l on:change=move |_| choose.run(l) />
                <label class="choice__label" for=id lang=l.code()>{label}</label>
            </div>
        }
    };
    view! {
        <fieldset class=format!("field {name}")>
            <legend class="field__label">{t::HANDOUT_LANG.get(lang)}</legend>
            <div class="choices choices--inline">{option(Lang::Da, "Dansk")}{option(Lang::En, "English")}</div>
        </fieldset>
    }
}

/// A click that copies the `data-copy` of the element `id` to the clipboard and says so in
/// `copied` (where the browser refuses, the text is left selected for the clinician to copy).
pub(super) fn copy_value(id: &'static str, copied: RwSignal<Option<&'static str>>, lang: Lang) -> impl Fn(leptos::ev::MouseEvent) + Copy {
    move |_| {
        let value = document().get_element_by_id(id).and_then(|el| el.get_attribute("data-copy")).unwrap_or_default();
        leptos::task::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(window().navigator().clipboard().write_text(&value)).await.is_ok();
            if !ok {
                if let Some(el) = document().get_element_by_id(id) {
                    let _ = js_sys::Reflect::get(&el, &"select".into())
                        .ok()
                        .and_then(|f| wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f).ok())
                        .map(|f| f.call0(&el));
                }
            }
            copied.set(Some(if ok { t::COPIED.get(lang) } else { t::COPY_FAILED.get(lang) }));
        });
    }
}

/// Print, the share link and the short text, each with its own way to copy.
#[component]
fn Tools(offers: Vec<Offer>, handout: HandoutQuery, lang: Lang) -> impl IntoView {
    let link = format!("{}{}", origin(), HandoutQuery { patient: true, ..handout }.href());
    let text = h::short_text(&offers, &link, handout.lang);
    let copied = RwSignal::new(None::<&'static str>);
    let copy = move |id: &'static str| copy_value(id, copied, lang);
    view! {
        <section class="handout-tools no-print" aria-labelledby="handout-tools-title">
            <h2 id="handout-tools-title">{t::HANDOUT_TOOLS.get(lang)}</h2>
            <p><button class="button" type="button" on:click=move |_| { let _ = window().print(); }>{t::PRINT.get(lang)}</button></p>
            <div class="field">
                <label class="field__label" for="handout-link">{t::SHARE_LINK.get(lang)}</label>
                <p class="hint" id="handout-link-hint">{t::SHARE_HINT.get(lang)}</p>
                <div class="copy-row">
                    <input class="input copy-row__value" id="handout-link" type="text" readonly aria-describedby="handout-link-hint"
                        prop:value=link.clone() data-copy=link.clone() />
                    <button class="button button--secondary button--small" type="button" on:click=copy("handout-link")
                        aria-label=format!("{}: {}", t::COPY.get(lang), t::SHARE_LINK.get(lang))>{t::COPY.get(lang)}</button>
                </div>
            </div>
            <div class="field">
                <label class="field__label" for="handout-text">{t::SHORT_TEXT.get(lang)}</label>
                <textarea class="input input--textarea" id="handout-text" readonly rows="5" prop:value=text.clone() data-copy=text.clone()></textarea>
                <p><button class="button button--secondary button--small" type="button" on:click=copy("handout-text")
                    aria-label=format!("{}: {}", t::COPY.get(lang), t::SHORT_TEXT.get(lang))>{t::COPY.get(lang)}</button></p>
            </div>
            <p role="status" class="status">{move || copied.get()}</p>
        </section>
    }
}

/// The handout itself, in its own language (`lang` on the element: screen readers and the QR
/// captions follow it). Offer titles and summaries are Danish data. `patient_h1`: the patient's
/// copy, whose title is the page's heading and whose offer titles link to the offers' pages.
fn sheet(offers: &[Offer], hl: Lang, patient_h1: Option<NodeRef<H1>>) -> impl IntoView {
    let patient = patient_h1.is_some();
    // The patient's copy on screen shows no QR codes: the offer's name (a link) is the way in.
    let reach = if patient { h::Reach::Link } else { h::Reach::Code };
    let all_demo = offers.iter().all(|o| o.demo);
    let data_lang = i18n::data_lang(hl);
    let items = offers
        .iter()
        .map(|o| {
            let title_id = format!("handout-{}", o.id);
            let url = format!("{}{}", origin(), query::offer_href(&o.id));
            // Phone numbers are `tel:` links (a tap calls, on the patient's phone); on paper, text.
            let phone = o.contact.phone.clone().map(|p| view! { <div><dt>{t::PHONE.get(hl)}</dt><dd>{phone_link(p)}</dd></div> });
            let held_in = held_in(o, hl);
            let labelled_by = title_id.clone();
            // Under the sheet's title, a level down: an h2 below the patient's copy's h1, an h3
            // below the clinician's page's h2 (axe's heading order).
            let title = if patient {
                view! { <h2 id=title_id lang=data_lang><a href=query::offer_href(&o.id)>{o.title.clone()}</a></h2> }.into_any()
            } else {
                view! { <h3 id=title_id lang=data_lang>{o.title.clone()}</h3> }.into_any()
            };
            // Printed or sent, a demo offer still says it is not real (the whole sheet says it
            // once when every offer is one).
            let demo = (o.demo && !all_demo).then(|| view! { <p class="handout__demo"><strong>{i18n::DEMO_NOTICE_TITLE.get(hl)}</strong></p> });
            view! {
                <section class="handout__offer" aria-labelledby=labelled_by>
                    <div class="handout__text">
                        {title}
                        {demo}
                        <dl class="handout__facts">
                            <div class="handout__wide"><dt>{t::WHAT.get(hl)}</dt><dd lang=data_lang>{o.summary.clone()}</dd></div>
                            <div><dt>{t::WHERE.get(hl)}</dt><dd>{h::where_text(o, hl)}</dd></div>
                            <div><dt>{t::WHEN.get(hl)}</dt><dd>{h::when_text(o, hl)}</dd></div>
                            {h::who_may_join(o, hl).map(|who| view! { <div class="handout__wide"><dt>{t::WHO_MAY_JOIN.get(hl)}</dt><dd>{who}</dd></div> })}
                            <div class="handout__wide"><dt>{t::HOW_TO_JOIN.get(hl)}</dt><dd>{h::how_to_join(o, hl, reach)}</dd></div>
                            <div><dt>{t::PRICE.get(hl)}</dt><dd>{crate::format::cost(&o.cost, hl)}</dd></div>
                            {phone}
                            {held_in}
                        </dl>
                        <p class="handout__next"><strong>{t::NEXT_STEP.get(hl)}": "</strong>{with_phone_link(h::next_step(o, hl, reach), o.contact.phone.as_deref())}</p>
                    </div>
                    <forebyg-qr class="handout__qr" data-url=url data-kind="offer"></forebyg-qr>
                </section>
            }
        })
        .collect_view();
    let many = offers.len() > 2;
    let intro = if h::all_free(offers) { t::HANDOUT_INTRO_FREE } else { t::HANDOUT_INTRO };
    let title = match patient_h1 {
        Some(h1) => view! { <h1 id="handout-title" class="handout__title" node_ref=h1 tabindex="-1">{t::HANDOUT_H1.get(hl)}</h1> }.into_any(),
        None => view! { <h2 id="handout-title" class="handout__title">{t::HANDOUT_H1.get(hl)}</h2> }.into_any(),
    };
    view! {
        <article class="handout" class:handout--many=many class:handout--patient=patient lang=hl.code() aria-labelledby="handout-title">
            {title}
            <p class="handout__intro">{intro.get(hl)}</p>
            {all_demo.then(|| view! { <p class="handout__demo"><strong>{t::HANDOUT_ALL_DEMO.get(hl)}</strong></p> })}
            {items}
            <p class="handout__foot">{t::handout_footer(hl, &crate::format::date(&dom::today(), hl), &host())}</p>
        </article>
    }
}

/// The languages of a course held in any language but the sheet's `sl` ("Languages: Danish";
/// "Sprog: Dansk og arabisk"), as a row of the sheet's facts: a patient reading English must not
/// expect English, and one the clinician chose an Arabic class for (and whoever reads them the
/// sheet) sees it on paper.
pub(super) fn held_in(o: &Offer, sl: Lang) -> Option<impl IntoView> {
    let held = if o.languages.is_empty() { vec!["da".to_owned()] } else { o.languages.clone() };
    held.iter().any(|l| l != sl.code()).then(|| view! { <div><dt>{t::LANGUAGES.get(sl)}</dt><dd>{crate::format::languages(&held, sl)}</dd></div> })
}

/// `text` with the offer's phone number in it as a `tel:` link (the text alone without one).
fn with_phone_link(text: String, phone: Option<&str>) -> AnyView {
    match phone.filter(|p| !p.trim().is_empty()).and_then(|p| text.split_once(p).map(|(a, b)| (a.to_owned(), p.to_owned(), b.to_owned()))) {
        Some((before, p, after)) => view! { {before}{phone_link(p)}{after} }.into_any(),
        None => text.into_any(),
    }
}
