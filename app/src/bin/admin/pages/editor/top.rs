//! The top of the offer editor: status line, messages, the 409 view (what differs, reapply or
//! discard), the error summary and the status buttons. Unpublishing and archiving ask first: a
//! confirm step under the buttons (focus on its question; "Annullér" or Escape puts focus back on
//! the button that asked, and nothing changes).

use super::state::OfferEditor;
use crate::form::{self, Difference, OfferForm};
use crate::texts::editor as t;
use crate::ui::{self, lang, ErrorSummary};
use forebyg_shared::admin::ReferralCounts;
use forebyg_shared::taxonomy::OfferStatus;
use leptos::prelude::*;

/// The id of the button that asks for `what` (`draft` or `archived`).
fn asking_button(what: &'static str) -> &'static str {
    if what == "archived" {
        "status-archive"
    } else {
        "status-unpublish"
    }
}

/// The confirm step of an unpublish or archive (`asking`), below the status buttons; `waiting`:
/// the offer's requests nobody has answered or enrolled yet, which the step says first.
fn confirm_step(e: OfferEditor, asking: RwSignal<Option<&'static str>>, waiting: RwSignal<u32>) -> impl IntoView {
    let cancel = move || {
        if let Some(what) = asking.get_untracked() {
            asking.set(None);
            ui::focus_soon(asking_button(what));
        }
    };
    move || {
        asking.get().map(|what| {
            let (title, id) = e.base.with(|b| (b.title.clone(), b.id.clone()));
            let yes = if what == "archived" { t::CONFIRM_ARCHIVE } else { t::CONFIRM_UNPUBLISH };
            // People still waiting for an answer from an offer that leaves the search (a walk
            // archived one with a request left "Modtaget" on the person's status page).
            let waiting = waiting.get_untracked();
            // This offer's own requests, not those of others with the same title elsewhere.
            let inbox = crate::inbox_query::InboxQuery { offer_title: title.clone(), offer: id, ..Default::default() }.href();
            let waiting = (waiting > 0).then(|| {
                view! { " "<strong>{t::still_waiting(waiting, lang())}</strong>" "<a href=inbox>{t::to_inbox(waiting, lang())}</a> }
            });
            view! {
                <div class="notice confirm-step" role="group" aria-labelledby="status-confirm-question"
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { ev.prevent_default(); cancel() }>
                    <p id="status-confirm-question" tabindex="-1">{t::confirm_status(what, &title, lang())}{waiting}</p>
                    <div class="actions">
                        <button type="button" class="button" id="status-confirm" on:click=move |_| { asking.set(None); e.action(what) }>{yes.get(lang())}</button>
                        <button type="button" class="button button--secondary" on:click=move |_| cancel()>{t::CANCEL.get(lang())}</button>
                    </div>
                </div>
            }
        })
    }
}

pub fn editor_top(e: OfferEditor) -> impl IntoView {
    let new = e.new;
    let asking = RwSignal::new(None::<&'static str>);
    let waiting = RwSignal::new(0);
    // Unsaved edits are refused at once (the action says so); otherwise the admin is asked first,
    // told how many of the offer's requests still wait for an answer (counts: no personal data).
    let ask = move |what: &'static str| {
        if e.form.get_untracked() != e.base_form.get_untracked() {
            e.action(what);
        } else {
            let id = e.base.with_untracked(|b| forebyg_app::query::encode(&b.id));
            leptos::task::spawn_local(async move {
                let counts = crate::api::get::<ReferralCounts>(&format!("/api/v1/admin/referrals/counts?offer={id}")).await;
                waiting.set(counts.map_or(0, |c| c.received + c.contacted));
                asking.set(Some(what));
                ui::focus_soon("status-confirm-question");
            });
        }
    };
    let status_line = move || {
        let b = e.base.get();
        if new {
            t::NEW_STATUS.get(lang()).to_owned()
        } else {
            t::status_line(b.status.label(lang()), b.version, &ui::date(&b.last_verified), lang())
        }
    };
    view! {
        <p class="muted" id="editor-status">{status_line}</p>
        {move || {
            let due = e.base.with(|b| b.status != OfferStatus::Archived && forebyg_shared::admin::is_stale(&b.last_verified, &crate::api::today()));
            (!new && due).then(|| view! { <p class="notice" id="editor-due">{t::DUE.get(lang())}</p> })
        }}
        {move || e.message.get().map(|m| view! { <p class="notice notice--ok" id="editor-message" role="status" tabindex="-1">{m}</p> })}
        {move || e.failure.get().map(|m| view! { <p class="status status--error" id="editor-failure" role="alert" tabindex="-1">{m}</p> })}
        {move || e.conflict.get().map(|current| {
            let mine = e.form.get();
            let theirs = OfferForm::from_offer_in(&current, lang());
            let diffs: Vec<Difference> = form::differences(&e.base_form.get(), &mine, &theirs, lang());
            view! {
                <section class="conflict" aria-labelledby="conflict-title">
                    <h2 id="conflict-title" tabindex="-1">{t::CONFLICT_H2.get(lang())}</h2>
                    <p>{t::conflict(current.version, lang())}</p>
                    <div class="table-wrap" role="region" aria-labelledby="conflict-caption" tabindex="0">
                        <table class="admin-table">
                            <caption id="conflict-caption">{t::CONFLICT_CAPTION.get(lang())}</caption>
                            <thead><tr><th scope="col">{t::FIELD.get(lang())}</th><th scope="col">{t::YOUR_VALUE.get(lang())}</th><th scope="col">{t::SAVED_VERSION.get(lang())}</th><th scope="col">{t::ON_REAPPLY.get(lang())}</th></tr></thead>
                            <tbody>
                                {diffs.into_iter().map(|d| view! {
                                    <tr>
                                        <th scope="row">{d.label.get(lang())}</th>
                                        <td>{d.mine}</td>
                                        <td>{d.current}</td>
                                        <td>{if d.changed_by_me { t::YOUR_VALUE_USED.get(lang()) } else { t::SAVED_VALUE_USED.get(lang()) }}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <div class="actions">
                        <button type="button" class="button" on:click=move |_| e.reapply()>{t::REAPPLY.get(lang())}</button>
                        <button type="button" class="button button--secondary" on:click=move |_| e.discard()>{t::DISCARD.get(lang())}</button>
                    </div>
                </section>
            }
        })}
        {move || (!e.errors.get().is_empty()).then(|| view! { <ErrorSummary errors=e.errors.get() /> })}
        {(!new).then(|| view! {
            <div class="actions" role="group" aria-label=t::STATUS_GROUP.get(lang())>
                {move || {
                    let s = e.base.get().status;
                    let busy = e.busy;
                    view! {
                        {(s != OfferStatus::Published).then(|| view! { <button type="button" class="button" disabled=move || busy.get() on:click=move |_| e.action("published")>{t::PUBLISH.get(lang())}</button> })}
                        {(s == OfferStatus::Published).then(|| view! { <button type="button" class="button button--secondary" id=asking_button("draft") disabled=move || busy.get() on:click=move |_| ask("draft")>{t::UNPUBLISH.get(lang())}</button> })}
                        {(s != OfferStatus::Archived).then(|| view! { <button type="button" class="button button--secondary" id=asking_button("archived") disabled=move || busy.get() on:click=move |_| ask("archived")>{t::ARCHIVE.get(lang())}</button> })}
                        // An archived offer is no one's to confirm: no one finds it.
                        {(s != OfferStatus::Archived).then(|| view! { <button type="button" class="button button--secondary" disabled=move || busy.get() on:click=move |_| e.action("verify")>{t::STILL_CORRECT.get(lang())}</button> })}
                    }
                }}
            </div>
            {confirm_step(e, asking, waiting)}
        })}
    }
}
