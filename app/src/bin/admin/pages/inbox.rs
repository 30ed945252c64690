//! `/admin/henvendelser`: requests to join, newest first, with filters and status buttons.
//! Personal data: every load is audited by the server.

use crate::api;
use crate::texts::inbox as t;
use crate::ui::lang;
use crate::ui::{self, Failed, Loading};
use forebyg_shared::admin::{InboxItem, ReferralStatusChange};
use forebyg_shared::referral::ReferralStatus;
use leptos::html::H1;
use leptos::prelude::*;

#[component]
pub fn InboxPage() -> impl IntoView {
    let h1 = NodeRef::<H1>::new();
    ui::page_setup(t::H1.get(lang()), h1);
    let status = RwSignal::new(String::new());
    let offer = RwSignal::new(String::new());
    let applied = RwSignal::new((String::new(), String::new()));
    let reload = RwSignal::new(0u32);
    let message = RwSignal::new(None::<String>);
    let items = LocalResource::new(move || {
        let (status, offer) = applied.get();
        reload.track();
        async move {
            let mut pairs = vec![];
            if !status.is_empty() {
                pairs.push(("status", status));
            }
            if !offer.trim().is_empty() {
                pairs.push(("offer", offer.trim().to_owned()));
            }
            api::get::<Vec<InboxItem>>(&format!("/api/v1/admin/referrals?{}", forebyg_app::query::query_string(&pairs))).await
        }
    });
    let filter = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        applied.set((status.get_untracked(), offer.get_untracked()));
    };
    let set_status = move |code: String, s: ReferralStatus| {
        leptos::task::spawn_local(async move {
            let url = format!("/api/v1/admin/referrals/{}/status", forebyg_app::query::encode(&code));
            match api::post::<_, InboxItem>(&url, &ReferralStatusChange::to(s)).await {
                Ok(item) => message.set(Some(t::status_set(&item.receipt_code, item.status.label(lang()), lang()))),
                Err(e) => message.set(Some(ui::error_text(&e))),
            }
            reload.update(|n| *n += 1);
        });
    };

    view! {
        <h1 node_ref=h1 tabindex="-1">{t::H1.get(lang())}</h1>
        <p class="hint">{t::INTRO.get(lang())}</p>
        <form class="filters" role="search" aria-label=t::FILTER_LABEL.get(lang()) on:submit=filter>
            <div class="field">
                <label class="field__label" for="inbox-status">{t::STATUS.get(lang())}</label>
                <select id="inbox-status" class="select" on:change=move |ev| status.set(event_target_value(&ev))>
                    <option value="">{t::ALL_STATUSES.get(lang())}</option>
                    {ReferralStatus::ALL.iter().map(|s| view! { <option value=s.code()>{s.label(ui::lang())}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label class="field__label" for="inbox-offer">{t::OFFER_ID.get(lang())}</label>
                <input id="inbox-offer" class="input" type="text" prop:value=move || offer.get() on:input=move |ev| offer.set(event_target_value(&ev)) />
            </div>
            <div class="field"><button type="submit" class="button button--secondary">{t::FILTER.get(lang())}</button></div>
        </form>
        <div role="status">{move || message.get()}</div>
        {move || match items.get() {
            None => view! { <Loading /> }.into_any(),
            Some(Err(e)) => view! { <Failed error=e /> }.into_any(),
            Some(Ok(items)) if items.is_empty() => view! { <p>{t::EMPTY.get(lang())}</p> }.into_any(),
            Some(Ok(items)) => view! {
                <ul class="cards">
                    {items.into_iter().map(|it| {
                        let code = it.receipt_code.clone();
                        let buttons = [ReferralStatus::Contacted, ReferralStatus::Enrolled, ReferralStatus::Declined]
                            .into_iter()
                            .map(|s| {
                                // Always the same three buttons in the same places (none shifts under
                                // the pointer after a change); those that do not apply are disabled.
                                let code = code.clone();
                                let label = match s { ReferralStatus::Contacted => t::CONTACTED.get(lang()), ReferralStatus::Enrolled => t::ENROL.get(lang()), _ => t::DECLINE.get(lang()) };
                                let disabled = !it.status.is_open() || s == it.status;
                                view! { <button type="button" class="button button--small button--secondary" disabled=disabled aria-label=format!("{label}: {}", it.name) on:click=move |_| set_status(code.clone(), s)>{label}</button> }
                            })
                            .collect_view();
                        view! {
                            <li class="card">
                                <h2 class="card__title">{it.name.clone()}</h2>
                                <p><span class=format!("pill pill--{}", it.status.code())>{it.status.label(ui::lang())}</span>
                                    {it.waitlist.then_some(t::WAITLIST.get(lang()))}
                                    {t::CODE.get(lang())}{it.receipt_code.clone()}{t::RECEIVED.get(lang())}{it.created_on.clone()}</p>
                                <dl class="facts">
                                    <div><dt>{t::OFFER.get(lang())}</dt><dd><a href=format!("/admin/tilbud/{}", it.offer_id)>{it.offer_title.clone()}</a></dd></div>
                                    {it.phone.clone().map(|p| view! { <div><dt>{t::PHONE.get(lang())}</dt><dd>{p}</dd></div> })}
                                    {it.email.clone().map(|p| view! { <div><dt>{t::EMAIL.get(lang())}</dt><dd>{p}</dd></div> })}
                                    {it.contact_time.map(|ct| view! { <div><dt>{t::CONTACT_TIME.get(lang())}</dt><dd>{ct.label(ui::lang())}</dd></div> })}
                                    {it.message.clone().map(|p| view! { <div><dt>{t::MESSAGE.get(lang())}</dt><dd>{p}</dd></div> })}
                                </dl>
                                <div class="actions">{buttons}</div>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any(),
        }}
    }
}
