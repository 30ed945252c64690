//! `infra/template.yaml` against the code it deploys:
//! - the DynamoDB table equals what `store::dynamodb::table` creates on DynamoDB Local (the single
//!   source of truth for keys, indexes, TTL and billing);
//! - every operation in the OpenAPI document has an HTTP API route, and every route is either an
//!   API operation or one of the announced upcoming ones;
//! - the Lambda runs this binary as `bootstrap` on arm64 with the DynamoDB store; its role allows
//!   exactly the DynamoDB operations the adapter performs at run time, on this table only; the
//!   admin routes sit behind the Cognito JWT authorizer.
//!
//! The YAML is read with `serde_yaml_ng`, which keeps CloudFormation short-form tags (`!Ref`,
//! `!Sub`, `!If`, ...) as tagged values instead of failing on them.

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

/// `METHOD /path` keys of every operation in the OpenAPI document.
fn openapi_operations() -> BTreeSet<String> {
    let doc = serde_json::to_value(forebyg_api::routes::openapi()).unwrap();
    let mut out = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in ["get", "put", "post", "delete", "patch", "head", "options"] {
            if item.get(method).is_some() {
                out.insert(format!("{} {path}", method.to_uppercase()));
            }
        }
    }
    out
}

/// Whether an API Gateway route key (`ANY`, `{param}`, greedy `{proxy+}`) matches `METHOD /path`.
fn route_matches(route_key: &str, operation: &str) -> bool {
    let (route_method, route_path) = route_key.split_once(' ').unwrap();
    let (method, path) = operation.split_once(' ').unwrap();
    if route_method != "ANY" && route_method != method {
        return false;
    }
    let (route_segments, segments): (Vec<_>, Vec<_>) = (route_path.split('/').collect(), path.split('/').collect());
    for (i, r) in route_segments.iter().enumerate() {
        if r.starts_with('{') && r.ends_with("+}") {
            return segments.len() > i;
        }
        match segments.get(i) {
            Some(s) if r == s || (r.starts_with('{') && r.ends_with('}')) => {}
            _ => return false,
        }
    }
    route_segments.len() == segments.len()
}

/// Routes of features being built in parallel: allowed before their handlers are in the OpenAPI
/// document (afterwards they simply match an operation).
/// (The admin API's paths all match `ANY /api/v1/admin/{proxy+}`.)
const UPCOMING_ROUTES: &[&str] = &[
    "GET /api/v1/hsds/{proxy+}", // HSDS open-data export, being built
];

fn routes(t: &Value) -> BTreeMap<String, &Value> {
    resources_of_type(t, "AWS::ApiGatewayV2::Route").into_iter().map(|(_, p)| (str_of(&p["RouteKey"], "RouteKey").to_owned(), p)).collect()
}

#[test]
fn every_api_operation_has_a_route_and_every_route_an_operation() {
    let t = template();
    let routes = routes(&t);
    let operations = openapi_operations();
    assert!(operations.contains("GET /api/v1/offers") && operations.contains("GET /healthz"), "{operations:?}");

    let unrouted: Vec<_> = operations.iter().filter(|op| !routes.keys().any(|r| route_matches(r, op))).collect();
    assert!(unrouted.is_empty(), "API operations without an HTTP API route (they would 404 in AWS): {unrouted:?}");

    let unknown: Vec<_> =
        routes.keys().filter(|r| !UPCOMING_ROUTES.contains(&r.as_str()) && !operations.iter().any(|op| route_matches(r, op))).collect();
    assert!(unknown.is_empty(), "routes for no API operation: {unknown:?} (or add them to UPCOMING_ROUTES)");

    // The development issuer's sign-in (`/api/v1/dev/token`) must never be reachable in AWS.
    assert!(!routes.keys().any(|r| r.contains("/dev/") || r.starts_with("ANY /api/v1/{") || r == "$default"), "{:?}", routes.keys());

    // Every route goes to the one Lambda integration; only the admin and signed-in clinician
    // routes (a record system's referral as FHIR among them) need a Cognito JWT.
    let target = tagged("Sub", "integrations/${HttpApiIntegration}".into());
    for (key, route) in &routes {
        assert_eq!(route["Target"], target, "{key}");
        let jwt = route.get("AuthorizationType").and_then(Value::as_str) == Some("JWT");
        let signed_in = key.contains("/api/v1/admin/") || key == "ANY /api/v1/clinician/{proxy+}" || key == "POST /api/v1/fhir/ServiceRequest";
        assert_eq!(jwt, signed_in, "{key}: JWT authorizer on admin and clinician routes and only there");
        if jwt {
            assert_eq!(route["AuthorizerId"], tagged("Ref", "CognitoAuthorizer".into()), "{key}");
        }
    }
    let authorizer = props(&t, "CognitoAuthorizer");
    assert_eq!(authorizer["AuthorizerType"].as_str(), Some("JWT"));
    assert_eq!(authorizer["JwtConfiguration"]["Audience"], seq([tagged("Ref", "UserPoolClient".into())]));

    // Every route has its own throttling, the self-referral route the tightest.
    let stage = props(&t, "HttpApiStage");
    let settings = stage["RouteSettings"].as_mapping().expect("RouteSettings");
    let throttled: BTreeSet<&str> = settings.keys().map(|k| k.as_str().unwrap()).collect();
    assert_eq!(throttled, routes.keys().map(String::as_str).collect(), "RouteSettings keys = route keys");
    let rate = |s: &Value| s["ThrottlingRateLimit"].as_f64().or_else(|| s["ThrottlingRateLimit"].as_u64().map(|n| n as f64)).unwrap();
    let referral = rate(&settings[&Value::from("POST /api/v1/offers/{id}/self-referrals")]);
    assert!(settings.values().all(|s| rate(s) >= referral) && referral < rate(&stage["DefaultRouteSettings"]));
}

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

#[test]
fn the_site_keeps_api_errors_and_sends_security_headers() {
    let t = template();
    let dist = &props(&t, "Distribution")["DistributionConfig"];
    // No custom error responses: they would replace API 404 problem bodies with index.html.
    assert!(dist.get("CustomErrorResponses").is_none());
    let behaviours: BTreeMap<&str, &Mapping> =
        dist["CacheBehaviors"].as_sequence().unwrap().iter().map(|b| (b["PathPattern"].as_str().unwrap(), b.as_mapping().unwrap())).collect();
    for path in ["/api/*", "/healthz"] {
        let b = behaviours.get(path).unwrap_or_else(|| panic!("no cache behaviour for {path}"));
        assert_eq!(b.get("TargetOriginId").and_then(Value::as_str), Some("api"), "{path}");
        assert_eq!(b.get("CachePolicyId").and_then(Value::as_str), Some("4135ea2d-6df8-44a3-9df3-4b5a84be39ad"), "{path}: CachingDisabled");
        assert_eq!(
            b.get("OriginRequestPolicyId").and_then(Value::as_str),
            Some("b689b0a8-53d0-40ab-baf2-68738e2966ac"),
            "{path}: AllViewerExceptHostHeader"
        );
    }
    // Host does not reach API Gateway, so the viewer's host goes as X-Forwarded-Host (what
    // routes::fhir::base_url reads for absolute links); the function itself runs in check.sh.
    let api = behaviours["/api/*"];
    let associated = &api.get("FunctionAssociations").and_then(Value::as_sequence).expect("/api/* runs a viewer-request function")[0];
    assert_eq!(associated["EventType"].as_str(), Some("viewer-request"));
    assert_eq!(associated["FunctionARN"], tagged("GetAtt", "ForwardedHostFunction.FunctionMetadata.FunctionARN".into()));
    let code = props(&t, "ForwardedHostFunction")["FunctionCode"].as_str().unwrap().to_owned();
    assert!(code.contains("request.headers['x-forwarded-host'] = { value: host.value }"), "{code}");
    let csp =
        &props(&t, "SecurityHeadersPolicy")["ResponseHeadersPolicyConfig"]["SecurityHeadersConfig"]["ContentSecurityPolicy"]["ContentSecurityPolicy"];
    let Value::Tagged(csp) = csp else { panic!("CSP is a !Sub: {csp:?}") };
    let (csp, variables) = (csp.value[0].as_str().unwrap(), &csp.value[1]);
    // The tile host is the host of the URL the binary hands the SPA (GET /api/v1/config).
    let tile_host = tagged("Select", seq([2.into(), tagged("Split", seq(["/".into(), tagged("Ref", "MapTileUrl".into())]))]));
    assert_eq!(variables["TileHost"], tile_host);
    let env = &props(&t, "ApiFunction")["Environment"]["Variables"];
    assert_eq!(env["FOREBYG_TILE_URL"], tagged("Ref", "MapTileUrl".into()));
    // The same policy the local server sends (so the e2e tests run under it), built by the same
    // function from the tile URL and the identity provider's origins.
    let directives = |csp: &str| csp.split(';').map(|d| d.split_whitespace().collect::<Vec<_>>().join(" ")).collect::<Vec<_>>();
    let cognito =
        ["https://forebyg-${Stage}-${AWS::AccountId}.auth.${AWS::Region}.amazoncognito.com", "https://cognito-idp.${AWS::Region}.amazonaws.com"];
    let built = content_security_policy("https://${TileHost}/{z}/{x}/{y}.png", &cognito, true);
    assert_eq!(directives(csp), directives(&built), "the template's CSP differs from api/src/routes/security_headers.rs");
    assert!(!csp.contains("unsafe-inline") && !csp.contains("'unsafe-eval'"), "{csp}");
}

/// The per-client rate limits believe CloudFront-Viewer-Address only from CloudFront: its api
/// origin sends the generated secret in the header the binary checks, the Lambda gets the same
/// secret, and the viewer address reaches the origin (AllViewerExceptHostHeader forwards every
/// CloudFront header, CloudFront-Viewer-Address among them).
#[test]
fn only_cloudfront_can_name_the_viewer_address() {
    use forebyg_api::client_address::ORIGIN_VERIFY_HEADER;
    let t = template();
    let secret = props(&t, "OriginVerifySecret");
    assert_eq!(resource(&t, "OriginVerifySecret")["Type"].as_str(), Some("AWS::SecretsManager::Secret"));
    let generated = &secret["GenerateSecretString"];
    assert!(generated["PasswordLength"].as_u64().unwrap() >= 32, "the binary refuses a secret under 32 characters");
    assert_eq!(generated["ExcludePunctuation"].as_bool(), Some(true), "a header value without quoting trouble");
    let value = tagged("Sub", "{{resolve:secretsmanager:${OriginVerifySecret}:SecretString}}".into());
    assert_eq!(props(&t, "ApiFunction")["Environment"]["Variables"]["FOREBYG_ORIGIN_SECRET"], value);
    let dist = &props(&t, "Distribution")["DistributionConfig"];
    let api = dist["Origins"].as_sequence().unwrap().iter().find(|o| o["Id"].as_str() == Some("api")).expect("an api origin");
    let headers = api["OriginCustomHeaders"].as_sequence().expect("the api origin sends custom headers");
    let verify = headers
        .iter()
        .find(|h| h["HeaderName"].as_str().is_some_and(|n| n.eq_ignore_ascii_case(ORIGIN_VERIFY_HEADER)))
        .unwrap_or_else(|| panic!("the api origin sends no {ORIGIN_VERIFY_HEADER}"));
    assert_eq!(verify["HeaderValue"], value);
    // Nothing outputs the secret.
    assert!(!serde_yaml_ng::to_string(&t["Outputs"]).unwrap().contains("OriginVerifySecret"));
}
