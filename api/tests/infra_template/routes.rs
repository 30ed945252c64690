//! The HTTP API's routes against the OpenAPI document, and their throttling.

use super::*;

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
