//! The official HL7 FHIR R4 JSON schema (`../shared/fhir/r4/fhir.schema.json`, draft-06), read
//! once per test binary: one validator per resource type, compiled on first use against a
//! registry holding the whole schema (so only the definitions a type reaches are compiled).

use jsonschema::{Draft, Registry, Validator};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

const SCHEMA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/fhir/r4/fhir.schema.json");
/// The schema's own id; its `#/definitions/...` references resolve against it.
const ID: &str = "http://hl7.org/fhir/json-schema/4.0";

pub struct FhirSchema {
    registry: Registry<'static>,
    validators: Mutex<HashMap<String, Arc<Validator>>>,
}

static SCHEMA_ONCE: LazyLock<FhirSchema> = LazyLock::new(|| {
    let text = std::fs::read(SCHEMA).unwrap_or_else(|e| panic!("the FHIR R4 schema at {SCHEMA}: {e}"));
    let schema: Value = serde_json::from_slice(&text).unwrap();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-06/schema#");
    let registry = Registry::new().extend([(ID.to_owned(), schema)]).unwrap().prepare().unwrap();
    FhirSchema { registry, validators: Mutex::new(HashMap::new()) }
});

/// The schema, loaded once.
pub fn schema() -> &'static FhirSchema {
    &SCHEMA_ONCE
}

impl FhirSchema {
    fn validator(&self, resource_type: &str) -> Arc<Validator> {
        let mut cache = self.validators.lock().unwrap();
        cache
            .entry(resource_type.to_owned())
            .or_insert_with(|| {
                let root = json!({"$ref": format!("{ID}#/definitions/{resource_type}")});
                Arc::new(
                    jsonschema::options()
                        .with_draft(Draft::Draft6)
                        .offline()
                        .with_registry(&self.registry)
                        .build(&root)
                        .unwrap_or_else(|e| panic!("no R4 schema for {resource_type}: {e}")),
                )
            })
            .clone()
    }

    /// The schema errors of a resource (chosen by its `resourceType`, which must be one of R4's).
    pub fn errors(&self, resource: &Value) -> Vec<String> {
        let Some(kind) = resource["resourceType"].as_str() else { return vec!["no resourceType".into()] };
        let validator = self.validator(kind);
        validator.iter_errors(resource).map(|e| format!("{e} at {}", e.instance_path())).collect()
    }

    /// Adds a line to `failures` for a resource the schema rejects.
    pub fn check(&self, resource: &Value, failures: &mut Vec<String>) {
        let errors = self.errors(resource);
        if !errors.is_empty() {
            failures.push(format!("{}/{}: {}", resource["resourceType"], resource["id"], errors.join("; ")));
        }
    }
}

/// Panics with the first failures, if any.
pub fn assert_none(failures: &[String]) {
    assert!(failures.is_empty(), "{} invalid FHIR resources:\n{}", failures.len(), failures[..failures.len().min(20)].join("\n"));
}
