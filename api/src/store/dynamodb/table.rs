//! The single-table design, defined once: the adapter creates DynamoDB Local tables from this, and
//! `infra/template.yaml` is checked against it.
//!
//! | item            | PK            | SK      | GSI1PK                 | GSI1SK            |
//! |-----------------|---------------|---------|------------------------|-------------------|
//! | offer           | `OFFER#{id}`  | `OFFER` | `GEO#{geohash[..3]}`   | `{geohash8}#{id}` |
//! | digital offer   | `OFFER#{id}`  | `OFFER` | `DIGITAL#{region}`     | `{id}`            |
//! | provider        | `PROVIDER#{id}` | `PROVIDER` | –                   | –                 |
//! | location        | `LOCATION#{id}` | `LOCATION` | –                   | –                 |
//!
//! GSI1 attributes are set only on published offers (a sparse index), so search never sees
//! drafts. Every offer, in any status, also has GSI2PK = `REGION#{region}` and
//! GSI2SK = `OFFER#{id}`: a region's listings (admin lists, exports, coverage) without a scan;
//! provider and location records share the region partition (`PROVIDER#{id}`, `LOCATION#{id}`).
//! `expires_at` (epoch seconds) is the TTL attribute for personal data.

use aws_sdk_dynamodb::types::{
    AttributeDefinition, BillingMode, GlobalSecondaryIndex, KeySchemaElement, KeyType, Projection, ProjectionType, ScalarAttributeType,
    TimeToLiveSpecification,
};
use aws_sdk_dynamodb::Client;

pub const PK: &str = "PK";
pub const SK: &str = "SK";
pub const GSI1: &str = "GSI1";
pub const GSI1_PK: &str = "GSI1PK";
pub const GSI1_SK: &str = "GSI1SK";
pub const GSI2: &str = "GSI2";
pub const GSI2_PK: &str = "GSI2PK";
pub const GSI2_SK: &str = "GSI2SK";
pub const TTL_ATTRIBUTE: &str = "expires_at";

/// A key attribute: name and whether it is the hash (partition) or range (sort) key.
pub type Key = (&'static str, KeyType);

/// The table's primary key.
pub fn primary_key() -> [Key; 2] {
    [(PK, KeyType::Hash), (SK, KeyType::Range)]
}

/// Global secondary indexes: name and key, all projecting every attribute.
pub fn global_indexes() -> Vec<(&'static str, [Key; 2])> {
    vec![(GSI1, [(GSI1_PK, KeyType::Hash), (GSI1_SK, KeyType::Range)]), (GSI2, [(GSI2_PK, KeyType::Hash), (GSI2_SK, KeyType::Range)])]
}

fn key_schema(keys: &[Key]) -> Vec<KeySchemaElement> {
    keys.iter()
        .map(|(name, kind)| KeySchemaElement::builder().attribute_name(*name).key_type(kind.clone()).build().expect("name and type set"))
        .collect()
}

/// Creates the table (on-demand billing) with its indexes and TTL, and waits until it is active.
pub async fn create_table(client: &Client, table: &str) -> Result<(), aws_sdk_dynamodb::Error> {
    let mut attributes: Vec<&str> = primary_key().iter().map(|k| k.0).collect();
    let mut request = client.create_table().table_name(table).billing_mode(BillingMode::PayPerRequest);
    for key in key_schema(&primary_key()) {
        request = request.key_schema(key);
    }
    for (name, keys) in global_indexes() {
        attributes.extend(keys.iter().map(|k| k.0));
        let mut gsi = GlobalSecondaryIndex::builder().index_name(name).projection(Projection::builder().projection_type(ProjectionType::All).build());
        for key in key_schema(&keys) {
            gsi = gsi.key_schema(key);
        }
        request = request.global_secondary_indexes(gsi.build().expect("index fields set"));
    }
    for name in attributes {
        request = request.attribute_definitions(
            AttributeDefinition::builder().attribute_name(name).attribute_type(ScalarAttributeType::S).build().expect("fields set"),
        );
    }
    request.send().await?;
    client
        .update_time_to_live()
        .table_name(table)
        .time_to_live_specification(TimeToLiveSpecification::builder().enabled(true).attribute_name(TTL_ATTRIBUTE).build().expect("fields set"))
        .send()
        .await?;
    Ok(())
}
