//! The receipt at `/kvittering/:code`, kept in sessionStorage so a reload still shows it (the
//! phone number or e-mail is never in the URL, nor kept: the form hands it to the receipt once,
//! to check right after sending).

use crate::context::use_lang;
use crate::dom::{self, Store};
use crate::{format, i18n, next_steps, query};
use forebyg_shared::label::join_list;
use forebyg_shared::receipt_code;
use forebyg_shared::referral::{ReferralReceipt, ReferralStatus};
use forebyg_shared::Lang;
use leptos::html::H1;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

crate::texts! {
    CONTACT_GIVEN = "Udbyderen kontakter dig på", "The provider contacts you at";
    CONTACT_WRONG = "Er det forkert, kan udbyderen ikke nå dig: send en ny henvendelse med de rigtige oplysninger.",
        "If it is wrong, the provider cannot reach you: send a new request with the right details.";
    // A way to keep the code for someone who would not print or screenshot (a walk's citizen had
    // only "Udskriv"): an e-mail to themself, written in their own mail program.
    MAIL_CODE = "Send koden til dig selv i en e-mail", "E-mail the code to yourself";
    MAIL_SUBJECT = "Min kode til Forebyg", "My Forebyg code";
    MAIL_BODY = "Min kode er", "My code is";
    MAIL_STATUS = "Se status her:", "See the status here:";
    NOT_A_CODE_H1 = "Adressen er ikke en kvittering", "This address is not a receipt";
    NOT_A_CODE = "En kvitteringskode har otte bogstaver og tal, fx K7QM-4XRT. Du fik den, da du sendte din henvendelse.",
        "A receipt code has eight letters and digits, e.g. K7QM-4XRT. You got it when you sent your request.";
}

/// A `mailto:` with no recipient (the person's own program asks) holding the code and the status
/// page's address: nothing about the offer or the person.
fn mail_href(code: &str, lang: Lang) -> String {
    let origin = window().location().origin().unwrap_or_default();
    let body =
        format!("{} {code}. {} {origin}{}", MAIL_BODY.get(lang), MAIL_STATUS.get(lang), query::status_href(code, (lang == Lang::En).then_some(lang)));
    format!("mailto:?subject={}&body={}", query::encode(MAIL_SUBJECT.get(lang)), query::encode(&body))
}

fn contact_key(code: &str) -> String {
    format!("forebyg.receipt-contact.{code}")
}

/// Hands the phone number and e-mail the request was sent with to its receipt, which shows them
/// once (a typo there means the provider cannot reach the person; a walk's citizen could not
/// tell) and removes them as it reads them.
pub fn hand_over_contact(code: &str, given: &[Option<String>]) {
    let given: Vec<&str> = given.iter().flatten().map(String::as_str).collect();
    dom::save(Store::Session, &contact_key(code), &given.join("\n"));
}

/// The contact handed over by [`hand_over_contact`], gone from the storage once read.
fn take_contact(code: &str) -> Vec<String> {
    let key = contact_key(code);
    let given = dom::load(Store::Session, &key).unwrap_or_default();
    dom::remove(Store::Session, &key);
    given.lines().filter(|l| !l.trim().is_empty()).map(str::to_owned).collect()
}

/// Puts a fresher copy of a request (looked up or withdrawn on the status page) in place of the
/// one kept in this tab since it was sent, if there is one: its receipt then shows what is true
/// now ("Trukket tilbage"), not the promise made when it was sent.
pub fn refresh_kept(r: &ReferralReceipt) {
    let key = query::receipt_key(&r.receipt_code);
    if dom::load(Store::Session, &key).is_some() {
        dom::save(Store::Session, &key, &crate::wire::to_json(r));
    }
}

/// The facts of a receipt as a description list.
#[component]
pub fn ReceiptFacts(receipt: ReferralReceipt, lang: Lang) -> impl IntoView {
    let t = move |x: i18n::Text| x.get(lang);
    view! {
        <dl class="facts facts--stacked">
            <div><dt>{t(i18n::RECEIPT_OFFER)}</dt><dd lang=i18n::data_lang(lang)><a href=query::offer_href(&receipt.offer_id)>{receipt.offer_title.clone()}</a></dd></div>
            <div><dt>{t(i18n::STATUS)}</dt><dd class="receipt__status">{receipt.status.label(lang)}</dd></div>
            <div><dt>{t(i18n::RECEIPT_SENT)}</dt><dd>{format::date(&receipt.created_on, lang)}</dd></div>
            {receipt.contact_by.as_deref().filter(|_| receipt.status == ReferralStatus::Received).map(|d| view! {
                <div><dt>{t(next_steps::CONTACT_BY)}</dt><dd>{format::date(d, lang)}</dd></div>
            })}
            <div><dt>{t(i18n::RECEIPT_DELETED)}</dt><dd>{format::date(&receipt.expires_on, lang)}</dd></div>
        </dl>
    }
}

#[component]
pub fn ReceiptPage() -> impl IntoView {
    let lang = use_lang();
    let t = move |x: i18n::Text| x.get(lang);
    let params = use_params_map();
    let code = params.with_untracked(|p| p.get("code").unwrap_or_default());
    let receipt: Option<ReferralReceipt> = dom::load_json(Store::Session, &query::receipt_key(&code));
    let h1 = NodeRef::<H1>::new();
    dom::focus_heading_on_arrival(h1);
    let status_href = query::status_href(&code, None);

    let contact = take_contact(&code);
    match receipt {
        Some(r) => {
            dom::set_title(lang, t(i18n::RECEIPT_H1));
            let contact = (!contact.is_empty()).then(|| {
                // As typed (`format::sentence` would lower-case an e-mail address).
                let given = join_list(&contact, if lang == Lang::Da { "og" } else { "and" });
                view! {
                    <div class="notice receipt__contact">
                        <p><strong>{t(CONTACT_GIVEN)}":"</strong>" "{given}</p>
                        <p>{t(CONTACT_WRONG)}</p>
                    </div>
                }
            });
            let waitlist = r.waitlist;
            // Still waiting for the provider: what happens next. Moved on since (the status page
            // refreshed this copy, [`refresh_kept`]): what its status means, no promise.
            let waiting = r.status == ReferralStatus::Received;
            let next = if waiting {
                let next_contact = match &r.contact_by {
                    Some(d) => next_steps::contact_by(&format::date(d, lang), lang),
                    None => t(i18n::NEXT_CONTACT).to_owned(),
                };
                view! { <li>{next_contact}</li>{waitlist.then(|| view! { <li>{t(i18n::NEXT_WAITLIST)}</li> })}<li>{t(i18n::NEXT_STATUS)}</li> }
                    .into_any()
            } else {
                view! { <li>{next_steps::status_meaning(r.status, lang)}</li> }.into_any()
            };
            let offer_id = r.offer_id.clone();
            let contact_by = r.contact_by.clone();
            view! {
                <h1 tabindex="-1" node_ref=h1>{t(i18n::RECEIPT_H1)}</h1>
                <div class="receipt">
                    <p class="receipt__label" id="receipt-code-label">{t(i18n::RECEIPT_CODE)}</p>
                    <p class="receipt__code" aria-labelledby="receipt-code-label">{r.receipt_code.clone()}</p>
                    <p class="hint">{t(i18n::RECEIPT_CODE_HINT)}</p>
                    <p class="no-print"><a href=mail_href(&r.receipt_code, lang)>{t(MAIL_CODE)}</a></p>
                </div>
                <ReceiptFacts receipt=r lang=lang />
                {contact}
                <section class="offer__section" aria-labelledby="next-h2">
                    <h2 id="next-h2">{t(i18n::NEXT_H2)}</h2>
                    <ul>{next}</ul>
                    // On a waiting list, whom to call is about the list, not "not heard within a week".
                    {waiting.then(|| view! {
                        <super::follow_up::FollowUp offer_id=offer_id declined=false reason=None waitlist=waitlist contact_by=contact_by lang=lang />
                    })}
                    <p><a href=status_href>{t(i18n::NAV_STATUS)}</a></p>
                    <h3>{t(next_steps::STATUS_MEANINGS)}</h3>
                    <dl class="facts facts--stacked">
                        {ReferralStatus::ALL.iter().map(|s| view! {
                            <div><dt>{s.label(lang)}</dt><dd>{next_steps::status_meaning(*s, lang)}</dd></div>
                        }).collect_view()}
                    </dl>
                </section>
                <p class="no-print">
                    <button class="button button--secondary" type="button" on:click=|_| { let _ = window().print(); }>{t(i18n::PRINT)}</button>
                </p>
            }
            .into_any()
        }
        // Not a code at all (a mistyped or cut-off address): said as such, not shown as a code.
        None if !receipt_code::is_well_formed(&code) => {
            dom::set_title(lang, t(NOT_A_CODE_H1));
            view! {
                <h1 tabindex="-1" node_ref=h1>{t(NOT_A_CODE_H1)}</h1>
                <p>{t(NOT_A_CODE)}</p>
                <p><a href=query::status_href("", None)>{t(i18n::NAV_STATUS)}</a></p>
            }
            .into_any()
        }
        None => {
            dom::set_title(lang, t(i18n::RECEIPT_CODE));
            view! {
                <h1 tabindex="-1" node_ref=h1>{t(i18n::RECEIPT_CODE)}</h1>
                <p class="receipt__code">{code.clone()}</p>
                <p>{t(i18n::RECEIPT_MISSING)}</p>
                <p><a href=status_href>{t(i18n::NAV_STATUS)}</a></p>
            }
            .into_any()
        }
    }
}
