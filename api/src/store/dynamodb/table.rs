//! The single-table design, defined once: the adapter creates DynamoDB Local tables from this, and
//! `infra/template.yaml` is checked against it.
//!
//! | item            | PK            | SK      | GSI3PK (search)                  | GSI3SK            |
//! |-----------------|---------------|---------|----------------------------------|-------------------|
//! | offer           | `OFFER#{id}`  | `OFFER` | `GEO#{category}#{geohash[..3]}`  | `{geohash8}#{id}` |
//! | digital offer   | `OFFER#{id}`  | `OFFER` | `DIGITAL#{region}`               | `{id}`            |
//! | provider        | `PROVIDER#{id}` | `PROVIDER` | –                           | –                 |
//! | location        | `LOCATION#{id}` | `LOCATION` | –                           | –                 |
//! | service alias   | `SERVICE#{uuid}` | `ALIAS` | –                              | –                 |
//!
//! GSI3, the search index, is set only on published offers (a sparse index), so search never sees
//! drafts, and projects only the keys and [`SEARCH_ATTRIBUTE`] (the offer's
//! [`IndexEntry`](crate::store::search_index::IndexEntry) as compact JSON, ~100 bytes): a search
//! filters there and then reads only its page's offers (`BatchGetItem`). Writing an offer costs
//! one more write unit for its GSI3 entry (two when the entry moves to another partition).
//! GSI1 holds the self-referral inboxes and change reports (full items), and lists every
//! published offer under its provider's FHIR Organization id (GSI1PK = `ORGANIZATION#{id}`,
//! GSI1SK = `{region}#{offer id}`); GSI4 lists every published offer with a place under its FHIR
//! Location id (GSI4PK = `LOCATION#{id}`, same sort key), both full items: a FHIR read of a place
//! or provider is one `Query` with `Limit 1` per region (see
//! [`reference_index`](crate::store::reference_index)). The provider listing shares GSI1 because
//! DynamoDB adds one index per table update: one new index keeps the change one deployment. An
//! offer whose id is not a FHIR id (never one that passed `validate_offer`) also has an alias item
//! from its HealthcareService id (`SERVICE#{uuid}`, attribute `offer`), written once, never moved.
//! Every offer, in any status, also has GSI2PK = `REGION#{region}` and
//! GSI2SK = `OFFER#{id}`: a region's listings (admin lists, exports, coverage) without a scan;
//! provider and location records share the region partition (`PROVIDER#{id}`, `LOCATION#{id}`).
//! `expires_at` (epoch seconds) is the TTL attribute for personal data.

use aws_sdk_dynamodb::types::{
    AttributeDefinition, BillingMode, GlobalSecondaryIndex, KeySchemaElement, KeyType, Projection, ProjectionType, ScalarAttributeType,
    TimeToLiveSpecification,
};
use aws_sdk_dynamodb::Client;

/// The partition-key prefix of the providers' response tallies (`TALLY#{region}`): the only
/// items the Lambda may `UpdateItem` (`infra/template.yaml`'s `dynamodb:LeadingKeys` condition,
/// checked by `api/tests/infra_template.rs`).
pub const TALLY_PREFIX: &str = "TALLY#";
pub const PK: &str = "PK";
pub const SK: &str = "SK";
pub const GSI1: &str = "GSI1";
pub const GSI1_PK: &str = "GSI1PK";
pub const GSI1_SK: &str = "GSI1SK";
pub const GSI2: &str = "GSI2";
pub const GSI2_PK: &str = "GSI2PK";
pub const GSI2_SK: &str = "GSI2SK";
pub const GSI3: &str = "GSI3";
pub const GSI3_PK: &str = "GSI3PK";
pub const GSI3_SK: &str = "GSI3SK";
pub const GSI4: &str = "GSI4";
pub const GSI4_PK: &str = "GSI4PK";
pub const GSI4_SK: &str = "GSI4SK";
/// The one non-key attribute GSI3 projects.
pub const SEARCH_ATTRIBUTE: &str = "ix";
pub const TTL_ATTRIBUTE: &str = "expires_at";

/// A key attribute: name and whether it is the hash (partition) or range (sort) key.
pub type Key = (&'static str, KeyType);

/// The table's primary key.
pub fn primary_key() -> [Key; 2] {
    [(PK, KeyType::Hash), (SK, KeyType::Range)]
}

/// A global secondary index: name, key, and the non-key attributes it projects (`None`: all).
pub type GlobalIndex = (&'static str, [Key; 2], Option<&'static [&'static str]>);

/// Global secondary indexes.
pub fn global_indexes() -> Vec<GlobalIndex> {
    vec![
        (GSI1, [(GSI1_PK, KeyType::Hash), (GSI1_SK, KeyType::Range)], None),
        (GSI2, [(GSI2_PK, KeyType::Hash), (GSI2_SK, KeyType::Range)], None),
        (GSI3, [(GSI3_PK, KeyType::Hash), (GSI3_SK, KeyType::Range)], Some(&[SEARCH_ATTRIBUTE])),
        (GSI4, [(GSI4_PK, KeyType::Hash), (GSI4_SK, KeyType::Range)], None),
    ]
}

fn projection(include: Option<&[&str]>) -> Projection {
    match include {
        None => Projection::builder().projection_type(ProjectionType::All).build(),
        Some(names) => Projection::builder()
            .projection_type(ProjectionType::Include)
            .set_non_key_attributes(Some(names.iter().map(|n| n.to_string()).collect()))
            .build(),
    }
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
    for (name, keys, include) in global_indexes() {
        attributes.extend(keys.iter().map(|k| k.0));
        let mut gsi = GlobalSecondaryIndex::builder().index_name(name).projection(projection(include));
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
