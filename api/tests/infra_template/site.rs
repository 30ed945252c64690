//! The CloudFront site: API errors kept, security headers sent, and the viewer address and
//! forwarded host believed only from CloudFront.

use super::*;

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
