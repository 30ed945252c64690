//! The next step when no offer, or few, lie near: how far the nearest one is and a one-tap search
//! at the first wider radius that reaches some. The citizen search's summary and the clinician's
//! empty intervention groups say it the same way.

use crate::{format, next_steps};
use forebyg_shared::search::WiderSearch;
use forebyg_shared::Lang;
use leptos::prelude::*;

/// `href`: the same search at `w.radius_km` (a closure: it may follow the page's state);
/// `none_near`: nothing lies within the searched radius, so the nearest offer's distance is said
/// first; `on_follow` runs when the link is followed. The screen stays where it is
/// (`data-noscroll`): the answer comes in around the link, or the focus moves to it.
pub fn wider_search(
    w: WiderSearch,
    href: impl Fn() -> String + Send + Sync + 'static,
    none_near: bool,
    lang: Lang,
    on_follow: impl Fn() + 'static,
) -> impl IntoView {
    let text = next_steps::show_wider(lang, &format::number(w.count.into(), lang), &format::radius(w.radius_km, lang));
    view! {
        <div class="next-step">
            {none_near.then(|| view! { <p>{next_steps::nearest_beyond(lang, &format::distance(w.nearest_km, lang))}</p> })}
            <p><a class="button button--secondary" href=href data-noscroll="" on:click=move |_| on_follow()>{text}</a></p>
        </div>
    }
}
