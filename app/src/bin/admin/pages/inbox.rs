//! `/admin/henvendelser`: requests to join and clinicians' referrals, newest first, with filters;
//! each card ([`InboxCard`]) moves its request on. Personal data: every load is audited by the
//! server.

use super::inbox_card::InboxCard;
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
    let change = Callback::new(move |(code, c): (String, ReferralStatusChange)| {
        leptos::task::spawn_local(async move {
            let url = format!("/api/v1/admin/referrals/{}/status", forebyg_app::query::encode(&code));
            match api::post::<_, InboxItem>(&url, &c).await {
                Ok(item) => message.set(Some(t::status_set(&item.receipt_code, item.status.label(lang()), lang()))),
                Err(e) => message.set(Some(ui::error_text(&e))),
            }
            reload.update(|n| *n += 1);
        });
    });

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
                    {items.into_iter().map(|it| view! { <InboxCard item=it change=change /> }).collect_view()}
                </ul>
            }.into_any(),
        }}
    }
}
