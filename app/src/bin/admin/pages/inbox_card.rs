//! One request to join or clinician's referral in the inbox: who sent it (the citizen, or a
//! clinician and their organisation), the contact details, the workflow buttons (contacted →
//! enrolled or declined with a coded reason → completed or discontinued with a closing note,
//! each step only where the workflow allows it) and the history with the handlers' notes ([`InboxHistory`]).

use super::inbox_enrol::{enrol_form, first_session_line, undo_contact_form, undo_form};
use super::inbox_history::{InboxHistory, NoteDrafts};
use super::inbox_step::{edit_step, Panel, StepDrafts};
use crate::texts::inbox as t;
use crate::ui::{self, lang};
use forebyg_app::activity_query::next_step_href;
use forebyg_app::format::phone_display;
use forebyg_app::i18n::Text;
use forebyg_shared::admin::{InboxItem, ReferralStatusChange};
use forebyg_shared::first_session;
use forebyg_shared::referral::{DeclineReason, ReferralStatus};
use forebyg_shared::taxonomy::OfferStatus;
use forebyg_shared::validation::{ErrorCode, FieldError};
use forebyg_shared::Lang;
use leptos::html::H2;
use leptos::prelude::*;

/// The code of the request whose card takes the focus when the list is drawn after its change.
pub type Refocus = StoredValue<Option<String>>;

/// The participant's next-step sheet (a citizen page, so it opens outside the admin workspace).
fn next_step(offer_id: &str) -> impl IntoView {
    let sheet = |l: Lang, text: &'static str| view! { <li><a href=next_step_href(offer_id, l) target="_blank" rel="external">{text}</a></li> };
    view! {
        <div class="inbox-next-step" role="group" aria-label=t::NEXT_STEP.get(lang())>
            <h3>{t::NEXT_STEP.get(lang())}</h3>
            <p class="hint">{t::NEXT_STEP_HINT.get(lang())}</p>
            <ul>{sheet(Lang::Da, t::SHEET_DA.get(lang()))}{sheet(Lang::En, t::SHEET_EN.get(lang()))}</ul>
        </div>
    }
}

/// The note's label, the confirm button and the note's hint of a decline or closing form (none
/// for an enrolment, [`enrol_form`], or its undoing, [`undo_form`]). `referred`: a clinician's referral, whose referrer reads the note.
fn closing_texts(p: Panel, referred: bool) -> Option<(Text, Text, Option<Text>)> {
    Some(match (p, referred) {
        (Panel::Decline, true) => (t::DECLINE_NOTE, t::DECLINE_CONFIRM, Some(t::DECLINE_NOTE_HINT)),
        (Panel::Decline, false) => (t::DECLINE_NOTE, t::DECLINE_REQUEST_CONFIRM, Some(t::DECLINE_REQUEST_NOTE_HINT)),
        (Panel::Complete, true) => (t::CLOSING_NOTE, t::COMPLETE_CONFIRM, Some(t::CLOSING_NOTE_HINT)),
        (Panel::Complete, false) => (t::OWN_CLOSING_NOTE, t::COMPLETE_REQUEST_CONFIRM, Some(t::OWN_CLOSING_NOTE_HINT)),
        (Panel::Discontinue, true) => (t::DISCONTINUE_NOTE, t::DISCONTINUE_CONFIRM, Some(t::DISCONTINUE_NOTE_HINT)),
        (Panel::Discontinue, false) => (t::OWN_CLOSING_NOTE, t::DISCONTINUE_CONFIRM, Some(t::OWN_CLOSING_NOTE_HINT)),
        (Panel::Enrol | Panel::Undo | Panel::UndoContact, _) => return None,
    })
}

#[component]
pub fn InboxCard(
    item: InboxItem,
    change: Callback<(String, ReferralStatusChange)>,
    steps: StepDrafts,
    drafts: NoteDrafts,
    add_note: Callback<(String, String)>,
    refocus: Refocus,
) -> impl IntoView {
    let it = item;
    // A clinician's referral; else the citizen's own request, with no referrer to write to.
    let referred = it.referrer.is_some();
    let code = it.receipt_code.clone();
    let status = it.status;
    // The first session of an enrolled person; the day the request came bounds a new one.
    let first = first_session::current(&it.history, status).filter(|_| status == ReferralStatus::Enrolled).cloned();
    let (received_on, received_on_form) = (it.created_on.clone(), it.created_on.clone());
    let offer_id = it.offer_id.clone();
    let (has_first, first_form) = (first.is_some(), first.clone());
    let reopens_to = forebyg_shared::referral::reopens_to(&it.history);
    let key = StoredValue::new(code.clone());
    let draft = move || key.with_value(|c| steps.with(|d| d.get(c).cloned().unwrap_or_default()));
    // Only a change of panel redraws the form (not every keystroke in its note).
    let panel = Memo::new(move |_| draft().panel);
    let problem = RwSignal::new(None::<String>);
    // The field the problem is about ("reason", "note"): marked, described, and given the focus.
    let problem_field = RwSignal::new(None::<String>);
    let id = format!("inbox-{code}");
    // After a step, the list is drawn anew and the pressed button is gone: the card's heading
    // takes the focus instead of `<body>` (WCAG 2.4.3).
    let heading = NodeRef::<H2>::new();
    let focused = StoredValue::new(false);
    Effect::new(move |_| {
        if heading.get().is_some() && refocus.with_value(|c| key.with_value(|k| c.as_ref() == Some(k))) {
            refocus.set_value(None);
            forebyg_app::dom::focus_when_connected(heading, focused, forebyg_app::dom::FOCUS_FRAMES);
        }
    });

    // The same five buttons in the same places on every card (none shifts under the pointer after
    // a change); a step the workflow does not allow from the current status is disabled, and
    // described by the hint that says why.
    let steps_hint_id = format!("inbox-{}-steps-hint", it.receipt_code);
    let buttons =
        [ReferralStatus::Contacted, ReferralStatus::Enrolled, ReferralStatus::Declined, ReferralStatus::Completed, ReferralStatus::Discontinued]
            .into_iter()
            .map(|s| {
                // On a contacted card, the first button takes the contact back (a click on the
                // wrong card, or no one answered after all): the request waits for a call again.
                // On a declined card, it reopens the decision: back to where it was made.
                let reopen = status == ReferralStatus::Declined && s == ReferralStatus::Contacted;
                let s = match (s, status) {
                    (ReferralStatus::Contacted, ReferralStatus::Contacted) => ReferralStatus::Received,
                    _ if reopen => reopens_to,
                    _ => s,
                };
                let label = match s {
                    _ if reopen => t::REOPEN.get(lang()),
                    ReferralStatus::Received => t::UNDO_CONTACTED.get(lang()),
                    // From an enrolment, "contacted" undoes it.
                    ReferralStatus::Contacted if status == ReferralStatus::Enrolled => t::UNDO_ENROL.get(lang()),
                    ReferralStatus::Contacted => t::CONTACTED.get(lang()),
                    // From a closed course, "enrolled" reopens it.
                    ReferralStatus::Enrolled if status.course_over() => t::REOPEN_COURSE.get(lang()),
                    ReferralStatus::Enrolled => t::ENROL.get(lang()),
                    ReferralStatus::Declined => t::DECLINE.get(lang()),
                    ReferralStatus::Discontinued => t::DISCONTINUE.get(lang()),
                    _ => t::COMPLETE.get(lang()),
                };
                let code = code.clone();
                let allowed = status.provider_may_move_to(s);
                let described = (!allowed).then(|| steps_hint_id.clone());
                // A step that asks for more opens its form below the buttons, and the focus goes
                // to its first field (a keyboard user otherwise tabs past the other buttons to it).
                let card_id = id.clone();
                let open = move |panel: Panel, first_field: &str| {
                    edit_step(steps, key, |d| d.panel = Some(panel));
                    let field = format!("{card_id}-{first_field}");
                    request_animation_frame(move || forebyg_app::dom::focus_id(&field));
                };
                let click = move |_| match s {
                    _ if reopen => change.run((code.clone(), ReferralStatusChange::to(s))),
                    // Reopened as it was: the first session agreed stays in the history.
                    ReferralStatus::Enrolled if status.course_over() => change.run((code.clone(), ReferralStatusChange::to(s))),
                    ReferralStatus::Enrolled => open(Panel::Enrol, "first-on"),
                    // Undoing an enrolment takes away the day the person was given: confirmed first.
                    ReferralStatus::Contacted if has_first => edit_step(steps, key, |d| d.panel = Some(Panel::Undo)),
                    ReferralStatus::Received => open(Panel::UndoContact, "undo-contact"),
                    ReferralStatus::Declined => open(Panel::Decline, "reason"),
                    ReferralStatus::Completed => open(Panel::Complete, "note"),
                    ReferralStatus::Discontinued => open(Panel::Discontinue, "note"),
                    _ => change.run((code.clone(), ReferralStatusChange::to(s))),
                };
                view! {
                    <button type="button" class="button button--small button--secondary" disabled=!allowed aria-describedby=described
                        aria-label=format!("{label}: {}", it.name) on:click=click>{label}</button>
                }
            })
            .collect_view();
    // The class filled up after the person asked: contacted and put on the waiting list, which
    // their status page says (a walk's admin could only decline for "no capacity" instead).
    let on_waitlist = status == ReferralStatus::Contacted && it.waitlist;
    let promised = it.contact_by.is_some();
    let waitlist_hint_id = format!("inbox-{}-waitlist-hint", it.receipt_code);
    let waitlist_button = {
        let (code, name) = (code.clone(), it.name.clone());
        let allowed = status == ReferralStatus::Received || (status == ReferralStatus::Contacted && !it.waitlist);
        let described = match (allowed, on_waitlist) {
            (true, _) => None,
            (false, true) => Some(waitlist_hint_id.clone()),
            (false, false) => Some(steps_hint_id.clone()),
        };
        let label = t::ONTO_WAITLIST.get(lang());
        view! {
            <button type="button" class="button button--small button--secondary" disabled=!allowed aria-describedby=described
                aria-label=format!("{label}: {name}") on:click=move |_| change.run((code.clone(), ReferralStatusChange::onto_waitlist()))>{label}</button>
        }
    };

    let send = {
        let (code, id) = (code.clone(), id.clone());
        move || {
            let d = untrack(draft);
            let (s, r) = match d.panel {
                Some(Panel::Enrol) => (ReferralStatus::Enrolled, None),
                Some(Panel::Undo) => (ReferralStatus::Contacted, None),
                Some(Panel::UndoContact) => (ReferralStatus::Received, None),
                Some(Panel::Decline) => (ReferralStatus::Declined, DeclineReason::from_code(&d.reason)),
                Some(Panel::Discontinue) => (ReferralStatus::Discontinued, None),
                _ => (ReferralStatus::Completed, None),
            };
            let n = Some(d.note.trim().to_owned()).filter(|n| !n.is_empty()).filter(|_| s != ReferralStatus::Enrolled);
            let first_session = d.first_session().filter(|_| s == ReferralStatus::Enrolled);
            // Adding or moving the first session of an enrolled person asks for the day.
            let no_day =
                status == ReferralStatus::Enrolled && s == ReferralStatus::Enrolled && first_session.as_ref().is_none_or(|f| f.on.is_empty());
            let c = ReferralStatusChange { status: s, reason: r, note: n, first_session, waitlist: false };
            let mut errors = c.validate(referred, &crate::api::today(), &received_on);
            if no_day {
                errors
                    .insert(0, FieldError::new("first_session.on", ErrorCode::Required, t::FIRST_SESSION_REQUIRED.da, t::FIRST_SESSION_REQUIRED.en));
            }
            problem_field.set(errors.first().map(|e| e.field.clone()));
            match errors.first() {
                Some(e) => {
                    problem.set(Some(e.message.get(lang()).to_owned()));
                    // The keyboard goes to what must change, not stay on the button.
                    if let field @ ("reason" | "note") = e.field.as_str() {
                        let control = format!("{id}-{field}");
                        request_animation_frame(move || forebyg_app::dom::focus_id(&control));
                    }
                }
                None => {
                    problem.set(None);
                    change.run((code.clone(), c));
                }
            }
        }
    };
    let form = move || {
        panel.get().map(|p| {
            let Some((note_label, confirm, hint)) = closing_texts(p, referred) else {
                return match p {
                    Panel::Undo => undo_form(first_form.as_ref(), steps, key, send.clone()).into_any(),
                    Panel::UndoContact => undo_contact_form(&id, (on_waitlist, promised), steps, key, send.clone()).into_any(),
                    _ => enrol_form(&id, status, (&received_on_form, &offer_id), steps, key, draft, problem, send.clone()).into_any(),
                };
            };
            let (note_label, confirm) = (note_label.get(lang()), confirm.get(lang()));
            let reason_label = if referred { t::DECLINE_REASON } else { t::DECLINE_REQUEST_REASON };
            let note_id = format!("{id}-note");
            let hint_id = format!("{id}-note-hint");
            let reason_id = format!("{id}-reason");
            let error_id = format!("{id}-step-error");
            let send = send.clone();
            // The problem is said at its field, which it marks and describes (as the enrol form's).
            let about = move |field: &'static str| move || problem_field.with(|f| f.as_deref() == Some(field));
            let error_at = {
                let error_id = error_id.clone();
                move |field: &'static str| {
                    let error_id = error_id.clone();
                    move || {
                        about(field)().then(|| problem.get().map(|m| view! { <p class="field-error" id=error_id.clone() role="alert">{m}</p> })).flatten()
                    }
                }
            };
            let reason_described = {
                let error_id = error_id.clone();
                move || about("reason")().then(|| error_id.clone())
            };
            let note_described = {
                let (hint_id, error_id) = (hint.map(|_| hint_id.clone()), error_id.clone());
                move || {
                    let ids: Vec<String> = hint_id.iter().cloned().chain(about("note")().then(|| error_id.clone())).collect();
                    (!ids.is_empty()).then(|| ids.join(" "))
                }
            };
            // A problem of no field here (the status changed meanwhile) below the form.
            let other_problem = move || {
                problem_field.with(|f| !matches!(f.as_deref(), Some("reason" | "note"))).then(|| problem.get()).flatten()
            };
            // Completing before the agreed first day is likelier a slip than a finished course.
            let early = first_form.as_ref().filter(|f| p == Panel::Complete && f.on > crate::api::today());
            let early = early.map(|f| view! { <p class="notice">{t::complete_before_first_session(&forebyg_app::format::first_session(f, lang()), lang())}</p> });
            view! {
                <div class="inbox-step" role="group" aria-label=confirm>
                    {early}
                    {(p == Panel::Decline).then(|| view! {
                        <div class="field" class:field--error=about("reason")>
                            <label class="field__label" for=reason_id.clone()>{reason_label.get(lang())}</label>
                            {error_at("reason")}
                            <select class="select" id=reason_id aria-invalid=move || about("reason")().then_some("true") aria-describedby=reason_described.clone() on:change=move |ev| edit_step(steps, key, |d| d.reason = event_target_value(&ev))>
                                <option value="">"—"</option>
                                {
                                    let chosen = untrack(draft).reason;
                                    DeclineReason::ALL.iter().map(|r| view! { <option value=r.code() selected=chosen == r.code()>{r.label(lang())}</option> }).collect_view()
                                }
                            </select>
                        </div>
                    })}
                    <div class="field" class:field--error=about("note")>
                        <label class="field__label" for=note_id.clone()>{note_label}</label>
                        {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h.get(lang())}</p> })}
                        {error_at("note")}
                        <textarea class="input input--textarea" id=note_id rows="3" aria-invalid=move || about("note")().then_some("true") aria-describedby=note_described prop:value=move || draft().note on:input=move |ev| edit_step(steps, key, |d| d.note = event_target_value(&ev))></textarea>
                    </div>
                    {move || other_problem().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                    <div class="button-row">
                        <button type="button" class="button button--small" on:click=move |_| send()>{confirm}</button>
                        <button type="button" class="button button--small button--secondary" on:click=move |_| key.with_value(|c| steps.update(|d| {
                            d.remove(c);
                        }))>{t::CANCEL.get(lang())}</button>
                    </div>
                </div>
            }
            .into_any()
        })
    };

    let from = match &it.referrer {
        Some(r) => view! {
            <p class="inbox-source inbox-source--clinician">
                <strong>{t::REFERRED_BY.get(lang())}" "{r.organisation.name.clone()}</strong>
                " ("{r.organisation.kind.label(lang())}{r.name.clone().map(|n| format!(", {n}"))}")"
            </p>
        }
        .into_any(),
        None => view! { <p class="inbox-source">{t::SELF_REFERRAL.get(lang())}</p> }.into_any(),
    };
    let offer_gone = it.offer_status != OfferStatus::Published;
    let conditions: Vec<&str> = it.conditions.iter().map(|c| c.label(lang())).collect();
    let (history, notes) = (it.history.clone(), it.notes.clone());
    view! {
        <li class="card" class:card--clinician=it.referrer.is_some()>
            <h2 class="card__title" tabindex="-1" node_ref=heading>{it.name.clone()}</h2>
            {from}
            <p><span class=format!("pill pill--{}", it.status.code())>{it.status.label(lang())}</span>
                {it.waitlist.then_some(t::WAITLIST.get(lang()))}
                {t::CODE.get(lang())}{it.receipt_code.clone()}{t::RECEIVED.get(lang())}{ui::date(&it.created_on)}</p>
            // The offer's promise to the person: when it is due, and plainly when it has passed.
            {it.contact_by.clone().filter(|_| status == ReferralStatus::Received).map(|d| view! {
                <p class="inbox-deadline">
                    {it.overdue.then(|| view! { <strong class="pill pill--stale">{t::OVERDUE.get(lang())}</strong>" " })}
                    {t::CONTACT_BY.get(lang())}{ui::date(&d)}
                </p>
            })}
            {(!it.same_contact.is_empty()).then(|| view! {
                <p class="inbox-same-contact"><strong class="pill pill--stale">{t::SAME_CONTACT.get(lang())}</strong>" "{t::same_contact(&it.same_contact, lang())}</p>
            })}
            // A referral for conditions the offer does not take (sent by a record system, which
            // the form's warning does not reach): said before anyone calls the patient.
            {(!it.offer_only_for.is_empty()).then(|| {
                let names: Vec<String> = it.offer_only_for.iter().map(|c| forebyg_shared::eligibility::in_sentence(c.label(lang()))).collect();
                view! { <p class="inbox-other-condition"><strong class="pill pill--stale">{t::OTHER_CONDITION.get(lang())}</strong>" "{t::offer_only_for(&names, lang())}</p> }
            })}
            // An open request to an offer no one can find any more needs a decision, not a wait.
            {(offer_gone && status.is_open()).then(|| view! { <p class="inbox-offer-gone"><strong>{t::OFFER_GONE.get(lang())}</strong></p> })}
            <dl class="facts">
                <div><dt>{t::OFFER.get(lang())}</dt><dd>
                    <a href=format!("/admin/tilbud/{}", it.offer_id) lang=forebyg_app::i18n::data_lang(lang())>{it.offer_title.clone()}</a>
                    {offer_gone.then(|| view! { " "<span class=format!("pill pill--{}", it.offer_status.code())>{it.offer_status.label(lang())}</span> })}
                </dd></div>
                {it.phone.clone().map(|p| view! {
                    <div><dt>{t::PHONE.get(lang())}</dt><dd><a href=forebyg_app::format::tel_href(&p)>{phone_display(&p)}</a></dd></div>
                })}
                {it.email.clone().map(|p| view! { <div><dt>{t::EMAIL.get(lang())}</dt><dd><a href=format!("mailto:{p}")>{p.clone()}</a></dd></div> })}
                // With the age it gives, so an offer's age limit is checked at a glance (a walk's
                // provider could not see how old a referred patient was).
                {it.cpr.as_deref().map(|p| {
                    let age = forebyg_shared::cpr::age(p, &forebyg_app::dom::today()).map(|a| t::age(a, lang()));
                    view! { <div><dt>{t::CPR.get(lang())}</dt><dd>{forebyg_shared::cpr::display(p)}{age.map(|a| format!(" ({a})"))}</dd></div> }
                })}
                {(!conditions.is_empty()).then(|| view! { <div><dt>{t::CONDITIONS.get(lang())}</dt><dd>{conditions.join(", ")}</dd></div> })}
                {it.interpreter_language.clone().map(|l| view! { <div><dt>{t::INTERPRETER.get(lang())}</dt><dd>{forebyg_app::format::languages(&[l], lang())}</dd></div> })}
                {it.contact_time.map(|ct| view! { <div><dt>{t::CONTACT_TIME.get(lang())}</dt><dd>{ct.label(lang())}</dd></div> })}
                // A clinician's referral carries the referrer's reason, not a message from the person.
                {it.message.clone().map(|p| view! { <div><dt>{if referred { t::REASON } else { t::MESSAGE }.get(lang())}</dt><dd>{p}</dd></div> })}
                {it.decline_reason.map(|r| view! { <div><dt>{t::DECLINED.get(lang())}</dt><dd>{r.label(lang())}</dd></div> })}
            </dl>
            {(status == ReferralStatus::Enrolled).then(|| first_session_line(first.clone(), &it.name, steps, key))}
            <div class="actions">{buttons}{waitlist_button}</div>
            <p class="hint" id=steps_hint_id>{t::steps_hint(status, lang())}</p>
            {on_waitlist.then(|| view! { <p class="hint" id=waitlist_hint_id>{t::ALREADY_ON_WAITLIST.get(lang())}</p> })}
            {form}
            // The sheet says "Du har gennemført …": not for a course stopped early.
            {(status == ReferralStatus::Completed).then(|| next_step(&it.offer_id))}
            <InboxHistory code=it.receipt_code.clone() name=it.name.clone() history=history notes=notes drafts=drafts add_note=add_note />
        </li>
    }
}
