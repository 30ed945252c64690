//! Kronikerpakker in the HSDS export: a third taxonomy (`forebyg-package`) whose terms are the
//! packages and, as their children (`parent_id`), their components; a service delivering a
//! component carries an attribute (`link_type` `package-component`) linking that term.

use super::{id, prune};
use forebyg_shared::offer::Offer;
use forebyg_shared::package::{PackageComponent, PackageRecord};
use serde_json::{json, Value};

/// (key, name, description) of the package taxonomy.
pub const TAXONOMY: (&str, &str, &str) = (
    "package",
    "Forebyg: kronikerpakker",
    "De nationale kronikerpakker og de komponenter, de kræver; tilbud angiver, hvilke komponenter de leverer.",
);

fn package_term_id(p: &PackageRecord) -> String {
    id("taxonomy_term", &format!("package:{}", p.code))
}

fn component_term_id(p: &PackageRecord, c: &PackageComponent) -> String {
    id("taxonomy_term", &format!("package:{}:{}", p.code, c.code))
}

fn term(term_id: String, code: String, name: &str, description: String, parent: Option<String>) -> Value {
    prune(json!({
        "id": term_id, "code": code, "name": name, "description": description, "parent_id": parent,
        "taxonomy": format!("forebyg-{}", TAXONOMY.0), "taxonomy_id": id("taxonomy", TAXONOMY.0), "language": "da",
    }))
}

fn component_term(p: &PackageRecord, c: &PackageComponent) -> Value {
    let placeholder = if c.placeholder { " Foreløbig, indtil rammen for pakken er udgivet." } else { "" };
    let description = format!("{} i {}.{placeholder}", c.name.da, p.name.da.to_lowercase());
    term(component_term_id(p, c), format!("{}:{}", p.code, c.code), &c.name.da, description, Some(package_term_id(p)))
}

/// Each package and then its components, as taxonomy terms.
pub fn terms(packages: &[PackageRecord]) -> Vec<Value> {
    let mut out = vec![];
    for p in packages {
        let years: Vec<String> = p.regions.iter().map(|r| format!("{} fra {}", r.region.label(forebyg_shared::Lang::Da), r.from_year)).collect();
        let description = format!("{} ({}). {}", p.name.da, p.status.label(forebyg_shared::Lang::Da).to_lowercase(), years.join(", "));
        out.push(term(package_term_id(p), p.code.clone(), &p.name.da, description, None));
        out.extend(p.components.iter().map(|c| component_term(p, c)));
    }
    out
}

/// The attributes of an offer's service for the package components it delivers (components no
/// longer in the package are left out).
pub fn attributes(o: &Offer, service_id: &str, packages: &[PackageRecord]) -> Vec<Value> {
    let mut out = vec![];
    for d in &o.packages {
        let Some(p) = packages.iter().find(|p| p.code == d.package) else { continue };
        for c in d.components.iter().filter_map(|code| p.component(code)) {
            let term_id = component_term_id(p, c);
            out.push(json!({
                "id": id("attribute", &format!("{}#{term_id}", o.id)), "link_id": service_id, "link_type": "package-component",
                "link_entity": "service", "taxonomy_term_id": term_id, "taxonomy_term": component_term(p, c),
            }));
        }
    }
    out
}
