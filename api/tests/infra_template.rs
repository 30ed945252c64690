//! `infra/template.yaml` against the code it deploys:
//! - the DynamoDB table equals what `store::dynamodb::table` creates on DynamoDB Local (the single
//!   source of truth for keys, indexes, TTL and billing);
//! - every operation in the OpenAPI document has an HTTP API route, and every route is either an
//!   API operation or one of the announced upcoming ones;
//! - the Lambda runs this binary as `bootstrap` on arm64 with the DynamoDB store; its role allows
//!   exactly the DynamoDB operations the adapter performs at run time, on this table only; the
//!   admin routes sit behind the Cognito JWT authorizer;
//! - the CloudFront site keeps API errors, sends the security headers, and only CloudFront can
//!   name the viewer's address.
//!
//! The table is checked here; the routes, the Lambda and the site each in their own file.
//!
//! The YAML is read with `serde_yaml_ng`, which keeps CloudFormation short-form tags (`!Ref`,
//! `!Sub`, `!If`, ...) as tagged values instead of failing on them.

#[path = "infra_template/lambda.rs"]
mod lambda;
#[path = "infra_template/routes.rs"]
mod routes;
#[path = "infra_template/site.rs"]
mod site;

use aws_sdk_dynamodb::types::{BillingMode, ProjectionType, ScalarAttributeType};
use forebyg_api::routes::security_headers::content_security_policy;
use forebyg_api::store::dynamodb::table;
use serde_yaml_ng::value::{Tag, TaggedValue};
use serde_yaml_ng::{Mapping, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn template() -> Value {
    let path = format!("{}/../infra/template.yaml", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_yaml_ng::from_str(&text).unwrap_or_else(|e| panic!("{path} is not valid YAML: {e}"))
}

fn resource<'a>(t: &'a Value, name: &str) -> &'a Value {
    t.get("Resources").and_then(|r| r.get(name)).unwrap_or_else(|| panic!("template has no resource {name}"))
}

fn props<'a>(t: &'a Value, name: &str) -> &'a Value {
    resource(t, name).get("Properties").unwrap_or_else(|| panic!("{name} has no Properties"))
}

fn resources_of_type<'a>(t: &'a Value, kind: &str) -> Vec<(&'a str, &'a Value)> {
    t["Resources"]
        .as_mapping()
        .expect("Resources is a mapping")
        .iter()
        .filter(|(_, r)| r["Type"].as_str() == Some(kind))
        .map(|(name, r)| (name.as_str().unwrap(), &r["Properties"]))
        .collect()
}

fn str_of<'a>(v: &'a Value, what: &str) -> &'a str {
    v.as_str().unwrap_or_else(|| panic!("{what} is not a plain string: {v:?}"))
}

/// `[(AttributeName, KeyType)]` of a CloudFormation KeySchema.
fn key_schema(v: &Value) -> Vec<(String, String)> {
    v.as_sequence()
        .expect("KeySchema is a list")
        .iter()
        .map(|k| (str_of(&k["AttributeName"], "AttributeName").to_owned(), str_of(&k["KeyType"], "KeyType").to_owned()))
        .collect()
}

/// Index name, key schema, projection type, projected non-key attributes.
type Gsi = (String, Vec<(String, String)>, String, Vec<String>);

fn code_key_schema(keys: &[table::Key]) -> Vec<(String, String)> {
    keys.iter().map(|(name, kind)| (name.to_string(), kind.as_str().to_owned())).collect()
}

fn tagged(tag: &str, value: Value) -> Value {
    Value::Tagged(Box::new(TaggedValue { tag: Tag::new(tag), value }))
}

fn seq(items: impl IntoIterator<Item = Value>) -> Value {
    Value::Sequence(items.into_iter().collect())
}

#[test]
fn table_matches_the_adapters_definition() {
    let t = template();
    let table_props = props(&t, "Table");
    assert_eq!(resource(&t, "Table")["Type"].as_str(), Some("AWS::DynamoDB::Table"));

    // Primary key.
    assert_eq!(key_schema(&table_props["KeySchema"]), code_key_schema(&table::primary_key()), "KeySchema");

    // Global secondary indexes: names, keys, projection (ALL, or the listed attributes).
    let gsis: Vec<Gsi> = table_props["GlobalSecondaryIndexes"]
        .as_sequence()
        .expect("GlobalSecondaryIndexes is a list")
        .iter()
        .map(|g| {
            (
                str_of(&g["IndexName"], "IndexName").to_owned(),
                key_schema(&g["KeySchema"]),
                str_of(&g["Projection"]["ProjectionType"], "ProjectionType").to_owned(),
                g["Projection"]["NonKeyAttributes"]
                    .as_sequence()
                    .map(|names| names.iter().map(|n| str_of(n, "NonKeyAttributes").to_owned()).collect())
                    .unwrap_or_default(),
            )
        })
        .collect();
    let code_gsis: Vec<_> = table::global_indexes()
        .iter()
        .map(|(name, keys, include)| {
            let kind = if include.is_some() { ProjectionType::Include } else { ProjectionType::All };
            (name.to_string(), code_key_schema(keys), kind.as_str().to_owned(), include.unwrap_or_default().iter().map(|n| n.to_string()).collect())
        })
        .collect();
    assert_eq!(gsis, code_gsis, "GlobalSecondaryIndexes");

    // Attribute definitions: exactly the key attributes (CloudFormation rejects unused ones), all
    // strings, as create_table defines them.
    let defined: BTreeMap<String, String> = table_props["AttributeDefinitions"]
        .as_sequence()
        .expect("AttributeDefinitions is a list")
        .iter()
        .map(|a| (str_of(&a["AttributeName"], "AttributeName").to_owned(), str_of(&a["AttributeType"], "AttributeType").to_owned()))
        .collect();
    let mut code_attributes: BTreeMap<String, String> = BTreeMap::new();
    for (name, _) in table::primary_key().iter().chain(table::global_indexes().iter().flat_map(|(_, keys, _)| keys.iter())) {
        code_attributes.insert(name.to_string(), ScalarAttributeType::S.as_str().to_owned());
    }
    assert_eq!(defined, code_attributes, "AttributeDefinitions");

    // TTL and billing.
    let ttl = &table_props["TimeToLiveSpecification"];
    assert_eq!((ttl["AttributeName"].as_str(), ttl["Enabled"].as_bool()), (Some(table::TTL_ATTRIBUTE), Some(true)), "TimeToLiveSpecification");
    assert_eq!(table_props["BillingMode"].as_str(), Some(BillingMode::PayPerRequest.as_str()), "BillingMode");

    // Protection of the data.
    assert_eq!(table_props["PointInTimeRecoverySpecification"]["PointInTimeRecoveryEnabled"].as_bool(), Some(true));
    assert_eq!(table_props["SSESpecification"]["SSEEnabled"].as_bool(), Some(true));
    let prod_only = tagged("If", seq(["IsProd".into(), true.into(), false.into()]));
    assert_eq!(table_props["DeletionProtectionEnabled"], prod_only, "deletion protection on prod only");
    assert_eq!(resource(&t, "Table")["DeletionPolicy"].as_str(), Some("Retain"));
    assert_eq!(t["Conditions"]["IsProd"], tagged("Equals", seq([tagged("Ref", "Stage".into()), "prod".into()])));
}
