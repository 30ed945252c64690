//! The Lambda function: this binary on arm64 with the DynamoDB store, a role that allows exactly
//! the DynamoDB operations the adapter performs, and the contact digests' key.

use super::*;

#[test]
fn lambda_runs_this_binary_with_the_dynamodb_store_and_least_privilege() {
    let t = template();
    let f = props(&t, "ApiFunction");
    assert_eq!(resource(&t, "ApiFunction")["Type"].as_str(), Some("AWS::Serverless::Function"));
    assert_eq!(f["Runtime"].as_str(), Some("provided.al2023"));
    assert_eq!(f["Architectures"], seq(["arm64".into()]));
    assert_eq!(f["Handler"].as_str(), Some("bootstrap"));
    // The zip infra/package.sh writes (CodeUri is relative to infra/).
    assert_eq!(f["CodeUri"].as_str(), Some("build/forebyg-lambda.zip"));
    let package_sh = std::fs::read_to_string(format!("{}/../infra/package.sh", env!("CARGO_MANIFEST_DIR"))).unwrap();
    assert!(
        package_sh.contains("OUT=\"$ROOT/infra/build\"") && package_sh.contains("ZIPFILE=\"$OUT/forebyg-lambda.zip\""),
        "package.sh writes the CodeUri zip"
    );

    // Environment: what forebyg_api::config reads.
    let env = f["Environment"]["Variables"].as_mapping().expect("Environment.Variables");
    let var = |k: &str| env.get(Value::from(k));
    assert_eq!(var("FOREBYG_STORE").and_then(Value::as_str), Some("dynamodb"));
    assert_eq!(var("FOREBYG_TABLE"), Some(&tagged("Ref", "Table".into())));
    assert!(var("RUST_LOG").is_some());
    for forbidden in ["FOREBYG_DEMO_OFFERS", "FOREBYG_CREATE_TABLE", "FOREBYG_DYNAMODB_ENDPOINT"] {
        assert!(var(forbidden).is_none(), "{forbidden} must not be set on the Lambda");
    }
    // Admin sign-in: Cognito, the same issuer and client as API Gateway's JWT authorizer.
    assert_eq!(var("FOREBYG_AUTH").and_then(Value::as_str), Some("cognito"));
    let authorizer = &props(&t, "CognitoAuthorizer")["JwtConfiguration"];
    assert_eq!(var("FOREBYG_COGNITO_ISSUER"), Some(&authorizer["Issuer"]));
    assert_eq!(var("FOREBYG_COGNITO_ISSUER"), Some(&tagged("Sub", "https://cognito-idp.${AWS::Region}.amazonaws.com/${UserPool}".into())));
    assert_eq!(var("FOREBYG_COGNITO_CLIENT_ID").map(|c| seq([c.clone()])).as_ref(), Some(&authorizer["Audience"]));
    // The SPA signs in at the pool's hosted UI and comes back to /admin/callback or, for the
    // clinician pages, /klinik/callback (/admin/login or /klinik/log-ind after signing out).
    let hosted_ui = tagged("Sub", "https://${UserPoolDomain}.auth.${AWS::Region}.amazoncognito.com".into());
    assert_eq!(var("FOREBYG_COGNITO_HOSTED_UI"), Some(&hosted_ui));
    let client = serde_yaml_ng::to_string(&props(&t, "UserPoolClient")).unwrap();
    for url in [
        "https://${Distribution.DomainName}/admin/callback",
        "https://${DomainName}/admin/login",
        "https://${Distribution.DomainName}/admin/login",
        "https://${Distribution.DomainName}/klinik/callback",
        "https://${DomainName}/klinik/log-ind",
    ] {
        assert!(client.contains(url), "UserPoolClient lacks {url}: {client}");
    }
    let logging = &f["LoggingConfig"];
    assert_eq!((logging["LogFormat"].as_str(), f["Tracing"].as_str()), (Some("JSON"), Some("Active")));

    // IAM: reads on this table and its indexes; writes are PutItem (conditional puts) and
    // UpdateItem on the providers' tallies only (partition keys TALLY#…), on the table only.
    let role = props(&t, "ApiFunctionRole");
    let mut granted = BTreeSet::new();
    for policy in role["Policies"].as_sequence().unwrap() {
        for statement in policy["PolicyDocument"]["Statement"].as_sequence().unwrap() {
            let actions: Vec<&str> = match &statement["Action"] {
                Value::String(a) => vec![a.as_str()],
                Value::Sequence(a) => a.iter().map(|a| a.as_str().unwrap()).collect(),
                other => panic!("Action {other:?}"),
            };
            if !actions.iter().any(|a| a.starts_with("dynamodb:")) {
                continue;
            }
            assert_eq!(statement["Effect"].as_str(), Some("Allow"));
            assert!(!actions.iter().any(|a| a.contains('*')), "{actions:?}");
            if actions == ["dynamodb:PutItem"] || actions == ["dynamodb:UpdateItem"] {
                assert_eq!(statement["Resource"], tagged("GetAtt", "Table.Arn".into()), "writes on the table, not its indexes");
                let leading_keys = &statement["Condition"]["ForAllValues:StringLike"]["dynamodb:LeadingKeys"];
                if actions == ["dynamodb:UpdateItem"] {
                    assert_eq!(leading_keys, &seq([Value::String(format!("{}*", table::TALLY_PREFIX))]), "UpdateItem on the tallies only");
                } else {
                    assert!(statement.get("Condition").is_none(), "{statement:?}");
                }
            } else {
                assert_eq!(actions, ["dynamodb:BatchGetItem", "dynamodb:GetItem", "dynamodb:Query"], "read statement");
                assert_eq!(statement["Resource"], seq([tagged("GetAtt", "Table.Arn".into()), tagged("Sub", "${Table.Arn}/index/*".into())]));
            }
            granted.extend(actions.iter().map(|a| a.trim_start_matches("dynamodb:").to_owned()));
        }
    }
    assert_eq!(granted, ["BatchGetItem", "GetItem", "PutItem", "Query", "UpdateItem"].map(String::from).into());

    // ...and the adapter calls nothing else at run time (the operator-only operations excepted).
    let used = adapter_operations();
    let operator_only: BTreeSet<String> = ["BatchWriteItem", "Scan", "CreateTable", "UpdateTimeToLive", "DescribeTable"].map(String::from).into();
    let missing: Vec<_> = used.difference(&granted).filter(|op| !operator_only.contains(*op)).collect();
    assert!(missing.is_empty(), "the DynamoDB adapter calls {missing:?}, which the Lambda role does not allow (infra/template.yaml ApiFunctionRole)");
}

/// Withdrawn referrals' contact digests are keyed with a generated secret outside the table
/// (api/src/contact_digest.rs): the Lambda gets it as FOREBYG_CONTACT_KEY, which the binary
/// requires inside Lambda and refuses under 32 characters; nothing outputs it.
#[test]
fn the_contact_digests_are_keyed_with_a_generated_secret() {
    let t = template();
    assert_eq!(resource(&t, "ContactKeySecret")["Type"].as_str(), Some("AWS::SecretsManager::Secret"));
    let generated = &props(&t, "ContactKeySecret")["GenerateSecretString"];
    assert!(generated["PasswordLength"].as_u64().unwrap() >= 32, "the binary refuses a key under 32 characters");
    assert_eq!(generated["ExcludePunctuation"].as_bool(), Some(true));
    assert_ne!(generated["IncludeSpace"].as_bool(), Some(true));
    let value = tagged("Sub", "{{resolve:secretsmanager:${ContactKeySecret}:SecretString}}".into());
    assert_eq!(props(&t, "ApiFunction")["Environment"]["Variables"]["FOREBYG_CONTACT_KEY"], value);
    assert!(!serde_yaml_ng::to_string(&t["Outputs"]).unwrap().contains("ContactKeySecret"));
}

/// IAM actions for the DynamoDB operations called in `api/src/store/dynamodb/` (by source scan).
fn adapter_operations() -> BTreeSet<String> {
    const CALLS: &[(&str, &str)] = &[
        (".get_item()", "GetItem"),
        (".batch_get_item()", "BatchGetItem"),
        (".transact_get_items()", "GetItem"),
        (".query()", "Query"),
        (".scan()", "Scan"),
        (".put_item()", "PutItem"),
        (".update_item()", "UpdateItem"),
        (".delete_item()", "DeleteItem"),
        (".batch_write_item()", "BatchWriteItem"),
        // TransactWriteItems is authorised per item: Put, Update, Delete, ConditionCheck.
        ("Put::builder()", "PutItem"),
        ("Update::builder()", "UpdateItem"),
        ("Delete::builder()", "DeleteItem"),
        ("ConditionCheck::builder()", "ConditionCheckItem"),
        (".create_table()", "CreateTable"),
        (".update_time_to_live()", "UpdateTimeToLive"),
        (".describe_table()", "DescribeTable"),
    ];
    fn walk(dir: &Path, out: &mut String) {
        for entry in std::fs::read_dir(dir).unwrap().map(Result::unwrap) {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push_str(&std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let mut source = String::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store/dynamodb"), &mut source);
    let source: String = source.split_whitespace().collect(); // `client\n    .get_item()` -> `client.get_item()`
    let used: BTreeSet<String> = CALLS.iter().filter(|(call, _)| source.contains(call)).map(|(_, action)| action.to_string()).collect();
    assert!(used.contains("GetItem") && used.contains("Query"), "the source scan found the adapter: {used:?}");
    // The role may UpdateItem tally items only: the adapter's one update is the tally's.
    let updates: Vec<&str> = source.split("Update::builder()").skip(1).collect();
    assert_eq!(updates.len(), 1, "one UpdateItem in the adapter, the tally's");
    assert!(updates[0].starts_with(".table_name(table).set_key(Some(key(tally_partition("), "the update keys a tally: {}", &updates[0][..80]);
    used
}
