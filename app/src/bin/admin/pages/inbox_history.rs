//! A request's history on its inbox card: every status change and the handlers' notes in time
//! order (local time, who), and the form to add a note. Notes are for colleagues only: the
//! citizen and the referrer never see them, and they are deleted with the request.

use crate::texts::inbox as t;
use crate::ui::{self, lang};
use forebyg_shared::admin::{AdminNote, NewAdminNote};
use forebyg_shared::first_session;
use forebyg_shared::referral::{StatusEvent, Undo};
use leptos::prelude::*;
use std::collections::HashMap;

/// The notes being written on the inbox's cards, by request code. The page keeps them, so a note
/// outlives the list's reload after a change on any card, and stays when the server refuses it
/// (it is cleared once saved).
pub type NoteDrafts = RwSignal<HashMap<String, String>>;

enum Entry {
    /// A status step, whether it moved the first session ([`first_session::moves`]), the one
    /// it called off ([`first_session::called_off`]) and what it takes back ([`Undo::each`]).
    Step(StatusEvent, bool, Option<first_session::FirstSession>, Option<Undo>),
    Note(AdminNote),
}

impl Entry {
    fn at(&self) -> i64 {
        match self {
            Entry::Step(e, ..) => e.at,
            Entry::Note(n) => n.at,
        }
    }
}

fn entry(e: Entry) -> impl IntoView {
    match e {
        Entry::Step(e, moved, off, undo) => {
            let label = match (moved, undo, e.waitlist) {
                (true, ..) => first_session::moved_label(lang()),
                (false, Some(undo), _) => undo.label(lang()),
                (false, None, true) => t::ON_WAITLIST.get(lang()),
                (false, None, false) => e.status.label(lang()),
            };
            let first = e.first_session.map(|f| format!("{}: {}", t::FIRST_SESSION.get(lang()), forebyg_app::format::first_session(&f, lang())));
            let off = off.map(|f| format!("{}: {}", first_session::called_off_label(lang()), forebyg_app::format::first_session(&f, lang())));
            let extra = [e.reason.map(|r| r.label(lang()).to_owned()), first, off, e.note].into_iter().flatten().collect::<Vec<_>>().join(" – ");
            // The colleague who made the step, as on notes; older steps name only the side.
            let by = e.handler.unwrap_or_else(|| e.by.label(lang()).to_owned());
            view! {
                <li>
                    <strong>{label}</strong>" · "{ui::date_time(e.at)}" · "{by}
                    {(!extra.is_empty()).then(|| view! { <br />{extra} })}
                </li>
            }
            .into_any()
        }
        Entry::Note(n) => view! {
            <li class="inbox-note">
                <strong>{t::NOTE.get(lang())}</strong>" · "{ui::date_time(n.at)}" · "{n.by}
                <br /><span class="inbox-note__text">{n.text}</span>
            </li>
        }
        .into_any(),
    }
}

/// `add_note` gets the request's code and the note's text (the page clears the draft once it is
/// saved); `name` labels the form for screen readers (several cards are on the page).
#[component]
pub fn InboxHistory(
    code: String,
    name: String,
    history: Vec<StatusEvent>,
    notes: Vec<AdminNote>,
    drafts: NoteDrafts,
    add_note: Callback<(String, String)>,
) -> impl IntoView {
    let count = notes.len();
    let moves = first_session::moves(&history);
    let off: Vec<_> = first_session::called_off(&history).into_iter().map(|f| f.cloned()).collect();
    let undos = Undo::each(&history);
    let mut entries: Vec<Entry> = history
        .into_iter()
        .zip(moves)
        .zip(off)
        .zip(undos)
        .map(|(((e, moved), off), undo)| Entry::Step(e, moved, off, undo))
        .chain(notes.into_iter().map(Entry::Note))
        .collect();
    entries.sort_by_key(Entry::at);
    let code = StoredValue::new(code);
    let text = move || code.with_value(|c| drafts.with(|d| d.get(c).cloned().unwrap_or_default()));
    let problem = RwSignal::new(None::<String>);
    let id = format!("inbox-{}-new-note", code.get_value());
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let note = NewAdminNote { text: untrack(text) };
        match note.validate().first() {
            Some(e) => problem.set(Some(e.message.get(lang()).to_owned())),
            None => {
                problem.set(None);
                add_note.run((code.get_value(), note.text.trim().to_owned()));
            }
        }
    };
    let error_id = format!("{id}-error");
    view! {
        // Open when there is something to read, or a note being written (after a reload).
        <details class="inbox-history" open={count > 0 || !untrack(text).is_empty()}>
            <summary>{t::history_summary(count, lang())}</summary>
            <ol aria-label=t::HISTORY.get(lang())>{entries.into_iter().map(entry).collect_view()}</ol>
            <form class="inbox-note-form" aria-label=format!("{}: {name}", t::ADD_NOTE.get(lang())) on:submit=send>
                <div class="field">
                    <label class="field__label" for=id.clone()>{t::NEW_NOTE.get(lang())}</label>
                    <p class="hint" id=format!("{id}-hint")>{t::NOTE_HINT.get(lang())}</p>
                    {move || problem.get().map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })}
                    <textarea class="input input--textarea" id=id.clone() rows="2" aria-describedby=format!("{id}-hint")
                        aria-invalid=move || problem.with(Option::is_some).then_some("true")
                        prop:value=text on:input=move |ev| drafts.update(|d| {
                            d.insert(code.get_value(), event_target_value(&ev));
                        })></textarea>
                </div>
                <button type="submit" class="button button--small button--secondary">{t::ADD_NOTE.get(lang())}</button>
            </form>
        </details>
    }
}
