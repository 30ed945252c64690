//! The top of the offer editor: status line, messages, the 409 view (what differs, reapply or
//! discard), the error summary and the status buttons.

use super::state::OfferEditor;
use crate::form::{self, Difference, OfferForm};
use crate::texts::editor as t;
use crate::ui::{lang, ErrorSummary};
use forebyg_shared::taxonomy::OfferStatus;
use leptos::prelude::*;

pub fn editor_top(e: OfferEditor) -> impl IntoView {
    let new = e.new;
    let status_line = move || {
        let b = e.base.get();
        if new {
            t::NEW_STATUS.get(lang()).to_owned()
        } else {
            t::status_line(b.status.label(lang()), b.version, &b.last_verified, lang())
        }
    };
    view! {
        <p class="muted" id="editor-status">{status_line}</p>
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
                        {(s == OfferStatus::Published).then(|| view! { <button type="button" class="button button--secondary" disabled=move || busy.get() on:click=move |_| e.action("draft")>{t::UNPUBLISH.get(lang())}</button> })}
                        {(s != OfferStatus::Archived).then(|| view! { <button type="button" class="button button--secondary" disabled=move || busy.get() on:click=move |_| e.action("archived")>{t::ARCHIVE.get(lang())}</button> })}
                        <button type="button" class="button button--secondary" disabled=move || busy.get() on:click=move |_| e.action("verify")>{t::STILL_CORRECT.get(lang())}</button>
                    }
                }}
            </div>
        })}
    }
}
