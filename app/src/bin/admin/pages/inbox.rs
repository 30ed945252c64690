//! `/admin/henvendelser`: requests to join and clinicians' referrals, newest first, filtered by
//! the offer's name, the provider, status, who sent it and the day received (withdrawn ones out of the way unless asked
//! for), the filters in the address; each card ([`InboxCard`]) moves its request on. Personal
//! data: every view is audited by the server (one entry per view). Notes and steps not yet stored
//! outlive an expired sign-in ([`keep_unsent`]).

use super::inbox_card::{InboxCard, Refocus};
use super::inbox_history::NoteDrafts;
use super::inbox_step::{StepDraft, StepDrafts};
use crate::api;
use crate::inbox_query::InboxQuery;
use crate::texts::inbox as t;
use crate::ui;
use crate::ui::lang;
use forebyg_shared::admin::{InboxItem, NewAdminNote, ReferralStatusChange};
use forebyg_shared::directory::ProviderRecord;
use forebyg_shared::referral::{ReferralStatus, SentBy};
use leptos::html::H1;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[component]
pub fn InboxPage() -> impl IntoView {
    let h1 = NodeRef::<H1>::new();
    ui::page_setup(t::H1.get(lang()), h1);
    let url_query = use_query_map();
    let current = Memo::new(move |_| url_query.with(|q| InboxQuery::from_query(|k| q.get(k))));
    // The form's values, following the address (back/forward) until submitted.
    let form = RwSignal::new(InboxQuery::default());
    Effect::new(move |_| form.set(current.get()));
    let reload = RwSignal::new(0u32);
    let message = RwSignal::new(None::<String>);
    let items = LocalResource::new(move || {
        let url = current.with(InboxQuery::api_url);
        reload.track();
        async move { api::get::<Vec<InboxItem>>(&url).await }
    });
    let navigate = use_navigate();
    // "Til og med" before "fra og med": said at the field, not answered with an empty list.
    let range_error = RwSignal::new(None::<String>);
    let filter = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let q = form.get_untracked();
        if let Some(e) = q.range_error() {
            range_error.set(Some(e.message.get(lang()).to_owned()));
            ui::focus_soon("inbox-to");
            return;
        }
        range_error.set(None);
        navigate(&q.href(), Default::default());
    };
    let steps: StepDrafts = RwSignal::new(Default::default());
    let refocus: Refocus = StoredValue::new(None);
    // The requests whose step is on its way: a second click (a double-click) sends nothing, so
    // its answer cannot say "someone changed it meanwhile" about the first click's own change.
    let sending = StoredValue::new(std::collections::HashSet::<String>::new());
    let change = Callback::new(move |(code, c): (String, ReferralStatusChange)| {
        if !sending.try_update_value(|s| s.insert(code.clone())).unwrap_or(false) {
            return;
        }
        leptos::task::spawn_local(async move {
            let url = format!("/api/v1/admin/referrals/{}/status", forebyg_app::query::encode(&code));
            let answer = api::post::<_, InboxItem>(&url, &c).await;
            sending.update_value(|s| {
                s.remove(&code);
            });
            match answer {
                Ok(item) => {
                    steps.update(|d| {
                        d.remove(&code);
                    });
                    let first =
                        forebyg_shared::first_session::current(&item.history, item.status).filter(|_| item.status == ReferralStatus::Enrolled);
                    let referred = item.referrer.is_some();
                    message.set(Some(match first {
                        Some(f) => t::enrolled_set(&item.receipt_code, &forebyg_app::format::first_session(f, lang()), referred, lang()),
                        None if c.waitlist => t::status_set(&item.receipt_code, t::ON_WAITLIST.get(lang()), referred, lang()),
                        None => t::status_set(&item.receipt_code, item.status.label(lang()), referred, lang()),
                    }))
                }
                Err(e) => message.set(Some(ui::error_text(&e))),
            }
            refocus.set_value(Some(code));
            reload.update(|n| *n += 1);
        });
    });
    let drafts: NoteDrafts = RwSignal::new(Default::default());
    let add_note = Callback::new(move |(code, text): (String, String)| {
        leptos::task::spawn_local(async move {
            let url = format!("/api/v1/admin/referrals/{}/notes", forebyg_app::query::encode(&code));
            match api::post::<_, InboxItem>(&url, &NewAdminNote { text }).await {
                Ok(_) => {
                    drafts.update(|d| {
                        d.remove(&code);
                    });
                    message.set(Some(t::NOTE_ADDED.get(lang()).to_owned()))
                }
                Err(e) => message.set(Some(ui::error_text(&e))),
            }
            reload.update(|n| *n += 1);
        });
    });
    keep_unsent(steps, drafts, message);
    let text_field = move |id: &'static str,
                           label: &'static str,
                           kind: &'static str,
                           get: fn(&InboxQuery) -> String,
                           set: fn(&mut InboxQuery, String),
                           error: Option<RwSignal<Option<String>>>| {
        let message = move || error.and_then(|e| e.get());
        let error_id = format!("{id}-error");
        view! {
            <div class="field" class:field--error=move || message().is_some()>
                <label class="field__label" for=id>{label}</label>
                {let error_id = error_id.clone(); move || message().map(|m| view! {
                    <p class="field-error" id=error_id.clone()><span class="visually-hidden">{crate::texts::common::ERROR_PREFIX.get(lang())}</span>{m}</p>
                })}
                <input id=id class="input" type=kind prop:value=move || form.with(get) on:input=move |ev| form.update(|f| set(f, event_target_value(&ev)))
                    aria-invalid=move || message().map(|_| "true") aria-describedby=move || message().map(|_| error_id.clone()) />
            </div>
        }
    };

    view! {
        <h1 node_ref=h1 tabindex="-1">{t::H1.get(lang())}</h1>
        <p class="hint">{t::INTRO.get(lang())}</p>
        <form class="filters" role="search" aria-label=t::FILTER_LABEL.get(lang()) on:submit=filter>
            {text_field("inbox-person", t::PERSON.get(lang()), "search", |f| f.person.clone(), |f, v| f.person = v, None)}
            {text_field("inbox-offer", t::OFFER_NAME.get(lang()), "search", |f| f.offer_title.clone(), |f, v| {
                f.offer_title = v;
                f.offer.clear();
            }, None)}
            <ProviderFilter form=form />
            {ui::filter_select(form, "inbox-status", t::STATUS.get(lang()), t::ALL_OF.get(lang()),
                ReferralStatus::ALL.iter().map(|s| (s.code().to_owned(), s.label(lang()).to_owned())).collect(),
                |f| f.status.map(|s| s.code().to_owned()).unwrap_or_default(), |f, v| f.status = ReferralStatus::from_code(&v))}
            {ui::filter_select(form, "inbox-sent-by", t::SENT_BY.get(lang()), t::ALL_OF.get(lang()),
                SentBy::ALL.iter().map(|s| (s.code().to_owned(), s.label(lang()).to_owned())).collect(),
                |f| f.sent_by.map(|s| s.code().to_owned()).unwrap_or_default(), |f, v| f.sent_by = SentBy::from_code(&v))}
            {text_field("inbox-from", t::FROM.get(lang()), "date", |f| f.from.clone(), |f, v| f.from = v, None)}
            {text_field("inbox-to", t::TO.get(lang()), "date", |f| f.to.clone(), |f, v| f.to = v, Some(range_error))}
            <div class="field choice">
                <input id="inbox-withdrawn" class="choice__input" type="checkbox" prop:checked=move || form.with(|f| f.withdrawn)
                    on:change=move |ev| form.update(|f| f.withdrawn = event_target_checked(&ev)) />
                <label class="choice__label" for="inbox-withdrawn">{t::SHOW_WITHDRAWN.get(lang())}</label>
            </div>
            <div class="field choice">
                <input id="inbox-overdue" class="choice__input" type="checkbox" prop:checked=move || form.with(|f| f.overdue)
                    on:change=move |ev| form.update(|f| f.overdue = event_target_checked(&ev)) />
                <label class="choice__label" for="inbox-overdue">{t::ONLY_OVERDUE.get(lang())}</label>
            </div>
            <div class="field"><button type="submit" class="button button--secondary">{t::FILTER.get(lang())}</button></div>
        </form>
        <div role="status">{move || message.get()}</div>
        // New filters, and the reload after a change, keep the cards in place until the new ones are in.
        {ui::transition(items, move |items| if items.is_empty() {
            view! { <p>{t::EMPTY.get(lang())}</p> }.into_any()
        } else {
            view! {
                <p>{t::count(items.len(), lang())}</p>
                <ul class="cards">
                    {items.into_iter().map(|it| view! { <InboxCard item=it change=change steps=steps drafts=drafts add_note=add_note refocus=refocus /> }).collect_view()}
                </ul>
            }.into_any()
        })}
    }
}

/// The half-written notes and half-prepared steps, by request code.
#[derive(Serialize, Deserialize)]
struct Unsent {
    steps: HashMap<String, StepDraft>,
    notes: HashMap<String, String>,
}

/// Notes and steps not yet stored outlive an expired sign-in: kept in the tab for the inbox's
/// return, as the clinician's referral form is (a note may hold health data: the tab's
/// sessionStorage only, the same admin, at most 30 minutes, read once; `crate::kept`).
fn keep_unsent(steps: StepDrafts, notes: NoteDrafts, message: RwSignal<Option<String>>) {
    crate::kept::keep_on_sign_in(move || {
        let mut unsent = Unsent { steps: steps.try_get_untracked()?, notes: notes.try_get_untracked()? };
        unsent.notes.retain(|_, n| !n.trim().is_empty());
        (!unsent.steps.is_empty() || !unsent.notes.is_empty()).then_some(unsent)
    });
    crate::kept::restore(move |u: Unsent| {
        steps.set(u.steps);
        notes.set(u.notes);
        message.set(Some(crate::texts::common::KEPT_RESTORED.get(lang()).to_owned()));
    });
}

/// The provider to show the requests of, for an admin with more than one in scope (a provider
/// editor sees their own only). A provider the address names but the directory does not hold
/// (any more) is an option under its id, so the select says what the list shows.
#[component]
fn ProviderFilter(form: RwSignal<InboxQuery>) -> impl IntoView {
    let providers = LocalResource::new(|| async { api::get::<Vec<ProviderRecord>>("/api/v1/admin/providers").await.unwrap_or_default() });
    ui::when_loaded(providers, move |mut ps| {
        ps.sort_by_key(|p| crate::offers_query::danish_key(&p.name));
        let known: Vec<String> = ps.iter().map(|p| p.id.clone()).collect();
        let unknown = move || form.with(|f| (!f.provider.is_empty() && !known.contains(&f.provider)).then(|| f.provider.clone()));
        (ps.len() > 1).then(|| {
            view! {
                <div class="field">
                    <label class="field__label" for="inbox-provider">{t::PROVIDER.get(lang())}</label>
                    <select id="inbox-provider" class="select" on:change=move |ev| form.update(|f| f.provider = event_target_value(&ev))>
                        <option value="" prop:selected=move || form.with(|f| f.provider.is_empty())>{t::ALL_PROVIDERS.get(lang())}</option>
                        {ps.into_iter().map(|p| {
                            let id = p.id.clone();
                            view! { <option value=p.id prop:selected=move || form.with(|f| f.provider == id)>{p.name}</option> }
                        }).collect_view()}
                        {move || unknown().map(|id| view! { <option value=id.clone() selected=true>{id.clone()}</option> })}
                    </select>
                </div>
            }
        })
    })
}
