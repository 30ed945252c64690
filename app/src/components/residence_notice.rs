//! "Check where you live": said before the join button and atop the join form when the place of
//! the citizen's last search lies outside the offer's residence rule (another region, or a
//! postcode whose post town lies in another municipality than the one the offer is for), so that
//! nobody asks to join a course they cannot take without being told first.

use crate::context::last_origin;
use crate::next_steps;
use forebyg_shared::eligibility::municipality_label;
use forebyg_shared::offer::Offer;
use forebyg_shared::search::Outside;
use forebyg_shared::Lang;
use leptos::prelude::*;

/// The notice, or nothing when the last search's place is inside the rule (or unknown).
pub fn residence_notice(offer: &Offer, lang: Lang) -> Option<impl IntoView> {
    let origin = last_origin()?;
    let rule = offer.eligibility.residence?;
    let municipality_code = offer.location.as_ref().map(|l| l.municipality_code.as_str());
    let home = match origin.outside(Some(rule), offer.region, municipality_code)? {
        Outside::Region => origin.region.label(lang).to_owned(),
        Outside::Municipality => {
            let name = origin.municipality_code.as_deref().and_then(forebyg_shared::geography::municipality)?.name;
            municipality_label(name).get(lang).to_owned()
        }
    };
    let text = next_steps::outside_rule(lang, &origin.place_text(lang), &home, rule.text(&offer.area()).get(lang));
    Some(view! {
        <div class="notice notice--residence">
            <p class="notice__title"><strong>{next_steps::CHECK_WHERE_YOU_LIVE.get(lang)}</strong></p>
            <p>{text}</p>
        </div>
    })
}
