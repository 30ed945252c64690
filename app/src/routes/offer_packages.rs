//! The offer page's kronikerpakke lines: which package components the offer delivers, by the
//! names in the package records (data that national admins edit, so read from the API).

use crate::{api, i18n};
use forebyg_shared::package::{PackageDelivery, PackageRecord};
use forebyg_shared::taxonomy::Kronikerpakke;
use forebyg_shared::Lang;
use leptos::prelude::*;

/// "Kronikerpakke for KOL: Fysisk aktivitet, Sygdomsmestring" for one delivery. Without the
/// records (not loaded) the package's known name, or its code, and the component codes.
fn line(d: &PackageDelivery, packages: &[PackageRecord], lang: Lang) -> String {
    let record = packages.iter().find(|p| p.code == d.package);
    let name = match record {
        Some(p) => p.name.get(lang).to_owned(),
        None => Kronikerpakke::from_code(&d.package).map_or_else(|| d.package.clone(), |k| k.label(lang).to_owned()),
    };
    let components: Vec<String> =
        d.components.iter().map(|c| record.and_then(|p| p.component(c)).map_or_else(|| c.clone(), |c| c.name.get(lang).to_owned())).collect();
    format!("{name}: {}", components.join(", "))
}

/// The lines, under the "who" section; the offer page does not wait for the package records
/// (its own `Suspense`, so the heading keeps focus).
#[component]
pub fn OfferPackages(deliveries: Vec<PackageDelivery>, lang: Lang) -> impl IntoView {
    let records = LocalResource::new(api::packages);
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let deliveries = deliveries.clone();
                Suspend::new(async move {
                    let packages = records.await.unwrap_or_default();
                    view! {
                        <p>{i18n::PACKAGES_INTRO.get(lang)}</p>
                        <ul>{deliveries.iter().map(|d| view! { <li>{line(d, &packages, lang)}</li> }).collect_view()}</ul>
                    }
                })
            }}
        </Suspense>
    }
}
