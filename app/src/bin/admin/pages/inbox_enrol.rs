//! Enrolling on an inbox card: the form under "Tilmeld" with the first session agreed (a day and a
//! time, both optional), on an enrolled card that first session with the button that changes it
//! (the same form, the day then asked for), and the confirmations before an enrolment with a first
//! session or a contact is undone.

use super::inbox_step::{edit_step, Panel, StepDraft, StepDrafts};
use crate::texts::inbox as t;
use crate::ui::lang;
use forebyg_shared::first_session::{self, FirstSession};
use forebyg_shared::offer::Offer;
use forebyg_shared::referral::ReferralStatus;
use leptos::prelude::*;

/// "Annullér": closes the card's open form and forgets what was typed in it.
fn cancel_button(steps: StepDrafts, key: StoredValue<String>) -> impl IntoView {
    let cancel = move |_| {
        key.with_value(|c| {
            steps.update(|d| {
                d.remove(c);
            })
        })
    };
    view! { <button type="button" class="button button--small button--secondary" on:click=cancel>{t::CANCEL.get(lang())}</button> }
}

/// The enrol form of card `id`: the first session's day and time, "Tilmeld personen" and
/// "Annullér". On an enrolled card ("Ret" or "Tilføj første mødegang") the day is asked for and
/// the button is "Gem første mødegang". The date picker offers the days the API takes (from 30
/// days back, not before the request came on `received_on`, to a year ahead); a day that does not
/// fit the schedule of the offer (`offer_id`) is said under it ([`crate::first_session_fit`]).
#[allow(clippy::too_many_arguments)]
pub fn enrol_form(
    id: &str,
    status: ReferralStatus,
    (received_on, offer_id): (&str, &str),
    steps: StepDrafts,
    key: StoredValue<String>,
    draft: impl Fn() -> StepDraft + Copy + Send + Sync + 'static,
    problem: RwSignal<Option<String>>,
    send: impl Fn() + 'static,
) -> impl IntoView {
    let enrolled = status == ReferralStatus::Enrolled;
    let (confirm, label, hint) = if enrolled {
        (t::SAVE_FIRST_SESSION, t::FIRST_SESSION_ON_REQUIRED, t::FIRST_SESSION_MOVE_HINT)
    } else {
        (t::ENROL_CONFIRM, t::FIRST_SESSION_ON, t::FIRST_SESSION_HINT)
    };
    let confirm = confirm.get(lang());
    let (earliest, latest) = first_session::window(&crate::api::today(), received_on);
    let (on_id, at_id, hint_id, error_id) =
        (format!("{id}-first-on"), format!("{id}-first-at"), format!("{id}-first-hint"), format!("{id}-first-error"));
    // The error describes both fields (it is about the day or the time) and marks them.
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || if problem.with(Option::is_some) { format!("{hint_id} {error_id}") } else { hint_id.clone() }
    };
    let at_described = {
        let error_id = error_id.clone();
        move || problem.with(Option::is_some).then(|| error_id.clone())
    };
    let invalid = move || problem.with(Option::is_some).then_some("true");
    // The offer's weekly times and start, read when the form opens (an archived offer's too).
    let url = format!("/api/v1/admin/offers/{}", forebyg_app::query::encode(offer_id));
    let offer = LocalResource::new(move || {
        let url = url.clone();
        async move { crate::api::get::<Offer>(&url).await.ok() }
    });
    let fit_id = format!("{id}-first-fit");
    let fit = move || {
        let notes = offer.get().flatten().map(|o| crate::first_session_fit::notes(&draft().on, &o.schedule, lang())).unwrap_or_default();
        (!notes.is_empty()).then(|| view! { <p class="notice" id=fit_id.clone() role="status">{notes.join(" ")}</p> })
    };
    view! {
        <div class="inbox-step" role="group" aria-label=confirm>
            // A form, so Enter in the day or the time sends it as the button does; `novalidate`:
            // a day outside `min`/`max` gets the page's own error (marked, in the UI's language),
            // not the browser's passing bubble.
            <form novalidate on:submit=move |ev| {
                ev.prevent_default();
                send();
            }>
            <p class="hint" id=hint_id.clone()>{hint.get(lang())}</p>
            <div class="field-row">
                <div class="field">
                    <label class="field__label" for=on_id.clone()>{label.get(lang())}</label>
                    <input class="input input--date" type="date" id=on_id min=earliest max=latest aria-describedby=described aria-invalid=invalid
                        prop:value=move || draft().on on:input=move |ev| edit_step(steps, key, |d| d.on = event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label class="field__label" for=at_id.clone()>{t::FIRST_SESSION_AT.get(lang())}</label>
                    <input class="input input--time" type="time" id=at_id aria-describedby=at_described aria-invalid=invalid
                        prop:value=move || draft().at on:input=move |ev| edit_step(steps, key, |d| d.at = event_target_value(&ev)) />
                </div>
            </div>
            {fit}
            {move || problem.get().map(|m| view! { <p class="field-error" id=error_id.clone() role="alert">{m}</p> })}
            <div class="button-row">
                <button type="submit" class="button button--small">{confirm}</button>
                {cancel_button(steps, key)}
            </div>
            </form>
        </div>
    }
}

/// "Fortryd tilmelding" of a person who was given a first session (`first`): what it takes away
/// and that the person must be told, "Ja, fortryd tilmeldingen" and "Annullér".
pub fn undo_form(first: Option<&FirstSession>, steps: StepDrafts, key: StoredValue<String>, send: impl Fn() + 'static) -> impl IntoView {
    let when = first.map(|f| forebyg_app::format::first_session(f, lang())).unwrap_or_default();
    let confirm = t::UNDO_ENROL_CONFIRM.get(lang());
    view! {
        <div class="inbox-step" role="group" aria-label=confirm>
            <p><strong>{t::undo_enrol_warning(&when, lang())}</strong></p>
            <div class="button-row">
                <button type="button" class="button button--small button--danger" on:click=move |_| send()>{confirm}</button>
                {cancel_button(steps, key)}
            </div>
        </div>
    }
}

/// The confirmation before a contact is undone (`id`: the card's; the confirm button is
/// `{id}-undo-contact`, where the focus goes); `waitlist`: the person is on the waiting list, which
/// the undoing takes them off; `promised`: a contact day was promised, which counts again.
pub fn undo_contact_form(
    id: &str,
    (waitlist, promised): (bool, bool),
    steps: StepDrafts,
    key: StoredValue<String>,
    send: impl Fn() + 'static,
) -> impl IntoView {
    let confirm = t::UNDO_CONTACTED_CONFIRM.get(lang());
    view! {
        <div class="inbox-step" role="group" aria-label=confirm>
            <p>{t::undo_contact_warning(waitlist, promised, lang())}</p>
            <div class="button-row">
                <button type="button" class="button button--small button--danger" id=format!("{id}-undo-contact") on:click=move |_| send()>{confirm}</button>
                {cancel_button(steps, key)}
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
