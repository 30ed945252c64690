//! Enrolling on an inbox card: the form under "Tilmeld" with the first session agreed (a day and a
//! time, both optional), and on an enrolled card that first session with the button that changes
//! it (the same form).

use super::inbox_step::{edit_step, Panel, StepDraft, StepDrafts};
use crate::texts::inbox as t;
use crate::ui::lang;
use forebyg_shared::first_session::FirstSession;
use forebyg_shared::referral::ReferralStatus;
use leptos::ev::MouseEvent;
use leptos::prelude::*;

/// The enrol form of card `id`: the first session's day and time, "Tilmeld personen" (or, on an
/// enrolled card, "Gem første mødegang") and "Fortryd".
pub fn enrol_form(
    id: &str,
    status: ReferralStatus,
    steps: StepDrafts,
    key: StoredValue<String>,
    draft: impl Fn() -> StepDraft + Copy + Send + Sync + 'static,
    problem: RwSignal<Option<String>>,
    send: impl Fn(MouseEvent) + 'static,
) -> impl IntoView {
    let confirm = if status == ReferralStatus::Enrolled { t::SAVE_FIRST_SESSION } else { t::ENROL_CONFIRM }.get(lang());
    let (on_id, at_id, hint_id) = (format!("{id}-first-on"), format!("{id}-first-at"), format!("{id}-first-hint"));
    view! {
        <div class="inbox-step" role="group" aria-label=confirm>
            <p class="hint" id=hint_id.clone()>{t::FIRST_SESSION_HINT.get(lang())}</p>
            <div class="field-row">
                <div class="field">
                    <label class="field__label" for=on_id.clone()>{t::FIRST_SESSION_ON.get(lang())}</label>
                    <input class="input input--date" type="date" id=on_id aria-describedby=hint_id.clone() prop:value=move || draft().on
                        on:input=move |ev| edit_step(steps, key, |d| d.on = event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label class="field__label" for=at_id.clone()>{t::FIRST_SESSION_AT.get(lang())}</label>
                    <input class="input input--time" type="time" id=at_id prop:value=move || draft().at
                        on:input=move |ev| edit_step(steps, key, |d| d.at = event_target_value(&ev)) />
                </div>
            </div>
            {move || problem.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
            <div class="button-row">
                <button type="button" class="button button--small" on:click=send>{confirm}</button>
                <button type="button" class="button button--small button--secondary" on:click=move |_| key.with_value(|c| steps.update(|d| {
                    d.remove(c);
                }))>{t::CANCEL.get(lang())}</button>
            </div>
        </div>
    }
}

/// On an enrolled card: "Første mødegang: mandag 11. januar 2027 kl. 17:00" and "Ret første
/// mødegang" (or, with none given, "Tilføj første mødegang"), which opens [`enrol_form`] with
/// the first session filled in.
pub fn first_session_line(first: Option<FirstSession>, name: &str, steps: StepDrafts, key: StoredValue<String>) -> impl IntoView {
    let label = if first.is_some() { t::MOVE_FIRST_SESSION } else { t::SET_FIRST_SESSION }.get(lang());
    let shown = first.as_ref().map(|f| {
        view! { <span><strong>{t::FIRST_SESSION.get(lang())}": "</strong>{forebyg_app::format::first_session(f, lang())}</span> }
    });
    let open = move |_| {
        edit_step(steps, key, |d| {
            if d.panel != Some(Panel::Enrol) {
                (d.on, d.at) = first.as_ref().map(|f| (f.on.clone(), f.at.clone().unwrap_or_default())).unwrap_or_default();
            }
            d.panel = Some(Panel::Enrol);
        })
    };
    view! {
        <p class="inbox-first-session">
            {shown}
            <button type="button" class="button button--small button--secondary" aria-label=format!("{label}: {name}") on:click=open>{label}</button>
        </p>
    }
}
