//! Small labels. They always carry text, never meaning by colour alone.

use crate::i18n;
use forebyg_shared::taxonomy::Capacity;
use forebyg_shared::Lang;
use leptos::prelude::*;

/// The "Demodata" badge on synthetic offers.
#[component]
pub fn DemoBadge(lang: Lang) -> impl IntoView {
    view! {
        <span class="badge badge--demo">
            <span aria-hidden="true" class="badge__icon">"!"</span>
            {i18n::DEMO_BADGE.get(lang)}
            <span class="visually-hidden">{format!(": {}", i18n::DEMO_BADGE_HINT.get(lang))}</span>
        </span>
    }
}

/// How many places are left, with a shape as well as a colour.
#[component]
pub fn CapacityBadge(capacity: Capacity, lang: Lang) -> impl IntoView {
    let (modifier, icon) = match capacity {
        Capacity::Open => ("open", "●"),
        Capacity::FewPlaces => ("few", "◐"),
        Capacity::Waitlist => ("waitlist", "◔"),
        Capacity::Full => ("full", "○"),
    };
    view! {
        <span class=format!("capacity capacity--{modifier}")>
            <span aria-hidden="true" class="capacity__icon">{icon}</span>
            {capacity.label(lang)}
        </span>
    }
}

/// "Kræver henvisning": one cannot sign up for this offer oneself (its icon is drawn by the stylesheet).
#[component]
pub fn ReferralBadge(lang: Lang) -> impl IntoView {
    view! {
        <span class="badge badge--referral">{crate::next_steps::NEEDS_REFERRAL.get(lang)}</span>
    }
}
