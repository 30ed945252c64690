//! Forebyg's code lists as FHIR `CodeSystem`s (canonical `http://forebyg.dk/fhir/CodeSystem/{id}`),
//! and the codings the other resources use. The codes are the API's stable machine codes.

use super::{code_system_url, prune};
use forebyg_shared::referral::{DeclineReason, ReferralStatus};
use forebyg_shared::referral_route::{ReferralMethod, ReferrerKind};
use forebyg_shared::taxonomy::{Category, Condition, Format, Kronikerpakke, ProviderKind};
use forebyg_shared::Lang;
use serde_json::{json, Value};

/// One code: Danish display, English designation and an optional Danish definition.
pub struct Concept {
    pub code: &'static str,
    pub da: &'static str,
    pub en: &'static str,
    pub definition: Option<String>,
}

/// A code system Forebyg publishes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum System {
    Category,
    Condition,
    Format,
    Kronikerpakke,
    ProviderKind,
    ReferralRoute,
    ReferralMethod,
    Characteristic,
    ReferralStatus,
    DeclineReason,
}

/// Features the citizen search filters on.
pub const CHARACTERISTICS: [(&str, &str, &str); 3] = [
    ("evening", "Hold om aftenen (efter kl. 17 på hverdage)", "Evening sessions (after 17:00 on weekdays)"),
    ("weekend", "Hold i weekenden", "Weekend sessions"),
    ("continuous-enrolment", "Løbende optag", "Continuous enrolment"),
];

/// A Task's `businessStatus` beside the statuses: contacted, and put on the offer's waiting list
/// (the API's `contacted` step with `waitlist`).
pub const WAITLISTED: &str = "waitlisted";

fn waitlisted() -> Concept {
    Concept {
        code: WAITLISTED,
        da: "Kontaktet, på venteliste",
        en: "Contacted, on the waiting list",
        definition: Some("Udbyderen har kontaktet personen og sat personen på tilbuddets venteliste.".into()),
    }
}

impl System {
    pub const ALL: [System; 10] = [
        System::Category,
        System::Condition,
        System::Format,
        System::Kronikerpakke,
        System::ProviderKind,
        System::ReferralRoute,
        System::ReferralMethod,
        System::Characteristic,
        System::ReferralStatus,
        System::DeclineReason,
    ];

    /// The resource id, also the last segment of the canonical URL.
    pub fn id(self) -> &'static str {
        match self {
            System::Category => "forebyg-category",
            System::Condition => "forebyg-condition",
            System::Format => "forebyg-format",
            System::Kronikerpakke => "forebyg-kronikerpakke",
            System::ProviderKind => "forebyg-provider-kind",
            System::ReferralRoute => "forebyg-referral-route",
            System::ReferralMethod => "forebyg-referral-method",
            System::Characteristic => "forebyg-characteristic",
            System::ReferralStatus => "forebyg-referral-status",
            System::DeclineReason => "forebyg-decline-reason",
        }
    }

    pub fn from_id(id: &str) -> Option<System> {
        System::ALL.into_iter().find(|s| s.id() == id)
    }

    pub fn url(self) -> String {
        code_system_url(self.id())
    }

    /// (computable name, Danish title, description)
    fn texts(self) -> (&'static str, &'static str, &'static str) {
        match self {
            System::Category => (
                "ForebygCategory",
                "Forebyg: indsatser",
                "Forebyggelsesindsatserne i de nationale kvalitetsstandarder, plus tilbud om stress, angst og depression.",
            ),
            System::Condition => ("ForebygCondition", "Forebyg: målgrupper", "De kroniske sygdomme og tilstande, tilbuddene er rettet mod."),
            System::Format => ("ForebygFormat", "Forebyg: form", "Hvor tilbuddet foregår: ved fremmøde, digitalt eller begge dele."),
            System::Kronikerpakke => ("ForebygKronikerpakke", "Forebyg: kronikerpakker", "De nationale kronikerpakker, der indfases fra 2027."),
            System::ProviderKind => ("ForebygProviderKind", "Forebyg: udbydertyper", "Hvem der driver et tilbud."),
            System::ReferralRoute => {
                ("ForebygReferralRoute", "Forebyg: henvisningsveje", "Hvem der kan henvise til et tilbud, og om man kan tilmelde sig selv.")
            }
            System::ReferralMethod => ("ForebygReferralMethod", "Forebyg: henvisningsmåder", "Hvordan en henvisning sendes til tilbuddet."),
            System::Characteristic => {
                ("ForebygCharacteristic", "Forebyg: kendetegn", "Kendetegn ved et tilbud, som borgersøgningen kan filtrere på.")
            }
            System::ReferralStatus => ("ForebygReferralStatus", "Forebyg: henvisningsstatus", "Hvor en henvisning er i tilbuddets behandling."),
            System::DeclineReason => ("ForebygDeclineReason", "Forebyg: afvisningsårsager", "Hvorfor et tilbud afviste en henvisning."),
        }
    }

    pub fn concepts(self) -> Vec<Concept> {
        fn of<T: Copy>(
            all: &[T],
            code: fn(T) -> &'static str,
            label: fn(T, Lang) -> &'static str,
            def: impl Fn(T) -> Option<String>,
        ) -> Vec<Concept> {
            all.iter().map(|&v| Concept { code: code(v), da: label(v, Lang::Da), en: label(v, Lang::En), definition: def(v) }).collect()
        }
        fn table(rows: &[(&'static str, &'static str, &'static str)]) -> Vec<Concept> {
            rows.iter().map(|&(code, da, en)| Concept { code, da, en, definition: None }).collect()
        }
        match self {
            System::Category => of(Category::ALL, Category::code, Category::label, |c| Some(c.description(Lang::Da).to_owned())),
            System::Condition => of(Condition::ALL, Condition::code, Condition::label, |_| None),
            System::Format => of(Format::ALL, Format::code, Format::label, |_| None),
            System::Kronikerpakke => {
                of(Kronikerpakke::ALL, Kronikerpakke::code, Kronikerpakke::label, |k| Some(format!("Gælder fra {}.", k.from_year())))
            }
            System::ProviderKind => of(ProviderKind::ALL, ProviderKind::code, ProviderKind::label, |_| None),
            System::ReferralRoute => of(ReferrerKind::ALL, ReferrerKind::code, ReferrerKind::label, |_| None),
            System::ReferralMethod => of(ReferralMethod::ALL, ReferralMethod::code, ReferralMethod::label, |_| None),
            System::ReferralStatus => {
                let mut concepts = of(ReferralStatus::ALL, ReferralStatus::code, ReferralStatus::label, |_| None);
                concepts.push(waitlisted());
                concepts
            }
            System::DeclineReason => of(DeclineReason::ALL, DeclineReason::code, DeclineReason::label, |_| None),
            System::Characteristic => table(&CHARACTERISTICS),
        }
    }

    /// The Danish display of a code of this system.
    pub fn display(self, code: &str) -> Option<&'static str> {
        self.concepts().into_iter().find(|c| c.code == code).map(|c| c.da)
    }

    /// A `Coding` of this system.
    pub fn coding(self, code: &str) -> Value {
        prune(json!({"system": self.url(), "code": code, "display": self.display(code)}))
    }

    /// A `CodeableConcept` with one coding of this system, its Danish display as the text.
    pub fn concept(self, code: &str) -> Value {
        prune(json!({"coding": [self.coding(code)], "text": self.display(code)}))
    }

    /// The `CodeSystem` resource, complete, in Danish with English designations.
    pub fn resource(self) -> Value {
        let (name, title, description) = self.texts();
        let concepts: Vec<Value> = self
            .concepts()
            .into_iter()
            .map(|c| {
                prune(json!({
                    "code": c.code, "display": c.da, "definition": c.definition,
                    "designation": [{"language": "en", "value": c.en}],
                }))
            })
            .collect();
        json!({
            "resourceType": "CodeSystem", "id": self.id(), "url": self.url(), "version": "1", "name": name, "title": title,
            "status": "active", "experimental": false, "publisher": "Forebyg", "description": description, "language": "da",
            "caseSensitive": true, "content": "complete", "count": concepts.len(), "concept": concepts,
        })
    }
}

/// A token search value: `code` or `system|code`, of this system (or of no stated system).
pub fn parse_token(system: System, value: &str) -> Option<&'static str> {
    let code = match value.split_once('|') {
        Some((s, code)) if s.is_empty() || s == system.url() => code,
        Some(_) => return None,
        None => value,
    };
    system.concepts().into_iter().find(|c| c.code == code).map(|c| c.code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_system_has_its_codes_and_tokens_parse() {
        assert_eq!(System::Category.concepts().len(), Category::ALL.len());
        assert_eq!(System::from_id("forebyg-condition"), Some(System::Condition));
        assert_eq!(parse_token(System::Category, "alkohol"), Some("alkohol"));
        assert_eq!(parse_token(System::Category, "http://forebyg.dk/fhir/CodeSystem/forebyg-category|alkohol"), Some("alkohol"));
        assert_eq!(parse_token(System::Category, "|alkohol"), Some("alkohol"));
        assert_eq!(parse_token(System::Category, "http://snomed.info/sct|alkohol"), None);
        assert_eq!(parse_token(System::Category, "yoga"), None);
        assert_eq!(System::Format.concept("digital")["text"], "Digitalt");
    }
}
