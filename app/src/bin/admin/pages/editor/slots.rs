//! The weekly times as rows of pickers (#15 point 12): per time a weekday, a start and an end
//! (`<input type="time">`), added and removed one by one; kept in the form as lines
//! (`crate::form::slot_rows`). Rows are drawn by their number only, so choosing a time never
//! redraws the row the keyboard is in.

use super::fields::error_line;
use super::state::OfferEditor;
use crate::form::{self, rows_text, slot_rows, time_or_typed, SlotRow};
use crate::texts::editor as t;
use crate::ui::{self, lang};
use forebyg_shared::taxonomy::Weekday;
use leptos::prelude::*;

type SetFn = fn(&mut SlotRow, String);
/// A change to the rows.
type Change = Box<dyn FnOnce(&mut Vec<SlotRow>)>;

pub fn slots(e: OfferEditor) -> impl IntoView {
    let form = e.form;
    let rows = RwSignal::new(form.with_untracked(|f| slot_rows(&f.slots)));
    // A form loaded anew (saved, reapplied, discarded) brings its own rows.
    Effect::new(move |_| {
        let text = form.with(|f| f.slots.clone());
        if rows.with_untracked(|r| rows_text(r, lang())) != text {
            rows.set(slot_rows(&text));
        }
    });
    let write = move |change: Change| {
        rows.update(change);
        let text = rows.with_untracked(|r| rows_text(r, lang()));
        form.update(|f| f.slots = text);
    };
    let count = Memo::new(move |_| rows.with(Vec::len));
    let error = e.err("slots");
    let cell = move |i: usize, get: fn(&SlotRow) -> String| move || rows.with(|r| r.get(i).map(get).unwrap_or_default());
    let set = move |i: usize, f: SetFn, v: String| {
        write(Box::new(move |r: &mut Vec<SlotRow>| {
            if let Some(row) = r.get_mut(i) {
                f(row, v)
            }
        }))
    };
    // Which pickers of row `i` an error on its line points at (weekday, start, end).
    let errors = e.errors;
    let at_fault = move |i: usize, part: usize| {
        let line = rows.with(|r| form::line_of(r, i));
        let faulty = line.is_some_and(|n| errors.with(|es| es.iter().any(|e| e.field == format!("schedule.slots[{n}]"))));
        (faulty && rows.with(|r| r.get(i).is_some_and(|row| form::parts_at_fault(row)[part]))).then_some("true")
    };
    let described = move |i: usize, part: usize| move || at_fault(i, part).map(|_| "f-slots-error");
    let row = move |i: usize| {
        // The error summary's link goes to the first row's weekday.
        let day_id = if i == 0 { "f-slots".to_owned() } else { format!("f-slot-{i}-day") };
        let (start_id, end_id) = (format!("f-slot-{i}-start"), format!("f-slot-{i}-end"));
        let n = i + 1;
        view! {
            <fieldset class="slot-row">
                <legend>{t::slot(n, lang())}</legend>
                <div class="field">
                    <label class="field__label" for=day_id.clone()>{t::SLOT_DAY.get(lang())}</label>
                    <select id=day_id class="select" aria-invalid=move || at_fault(i, 0) aria-describedby=described(i, 0)
                        on:change=move |ev| set(i, |r, v| r.day = v, event_target_value(&ev))>
                        <option value="" prop:selected=move || cell(i, |r| r.day.clone())().is_empty()>{t::CHOOSE_DAY.get(lang())}</option>
                        {Weekday::ALL.iter().map(|&d| view! {
                            <option value=d.code() prop:selected=move || cell(i, |r| r.day.clone())() == d.code()>{d.label(lang())}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label class="field__label" for=start_id.clone()>{t::SLOT_FROM.get(lang())}</label>
                    <input id=start_id class="input input--time" type="time" aria-invalid=move || at_fault(i, 1) aria-describedby=described(i, 1)
                        prop:value=cell(i, |r| r.start.clone())
                        on:change=move |ev| set(i, |r, v| r.start = time_or_typed(&v), event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label class="field__label" for=end_id.clone()>{t::SLOT_TO.get(lang())}</label>
                    <input id=end_id class="input input--time" type="time" aria-invalid=move || at_fault(i, 2) aria-describedby=described(i, 2)
                        prop:value=cell(i, |r| r.end.clone())
                        on:change=move |ev| set(i, |r, v| r.end = time_or_typed(&v), event_target_value(&ev)) />
                </div>
                <p class="slot-row__remove"><button type="button" class="button button--secondary button--small" on:click=move |_| {
                    write(Box::new(move |r: &mut Vec<SlotRow>| { if i < r.len() { r.remove(i); } }));
                    ui::focus_soon("f-slot-add");
                }>{t::slot_remove(n, lang())}</button></p>
            </fieldset>
        }
    };
    view! {
        <fieldset class="field slots" class:field--error=move || error().is_some()>
            <legend class="field__label">{form::label("slots", lang())}</legend>
            <p class="hint">{t::SLOTS_HINT.get(lang())}</p>
            {move || error().map(|m| error_line(m, Some("f-slots-error".into())))}
            {move || (0..count.get()).map(row).collect_view()}
            <p><button type="button" id="f-slot-add" class="button button--secondary" on:click=move |_| write(Box::new(|r: &mut Vec<SlotRow>| r.push(SlotRow::default())))>{t::SLOT_ADD.get(lang())}</button></p>
        </fieldset>
    }
}
