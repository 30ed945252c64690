//! The admin sign-in over real HTTP: the development authorization server speaks Cognito's
//! authorization code flow with PKCE (S256) — a good flow, then every way an exchange must fail —
//! and `GET /api/v1/config` tells the app where to sign in, for the dev issuer and for Cognito.

mod support;

use forebyg_shared::auth::Principal;
use forebyg_shared::problem::Problem;
use forebyg_shared::search::ClientConfig;
use serde_json::{json, Value};
use support::server::{Reply, Server};

// RFC 7636 Appendix B: a verifier and its S256 challenge.
const VERIFIER: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const CHALLENGE: &str = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
const CALLBACK: &str = "http://127.0.0.1:8080/admin/callback";
const FORM: &str = "application/x-www-form-urlencoded";

fn dev_server(data: &std::path::Path, dist: &std::path::Path) -> Server {
    Server::start_with(data, dist, 0, &[("FOREBYG_AUTH", "dev")])
}

fn authorize(server: &Server, overrides: Value) -> Reply {
    let mut body = json!({
        "role": "region-admin", "region": "midtjylland", "client_id": "forebyg-admin", "redirect_uri": CALLBACK,
        "state": "s t&a=te", "code_challenge": CHALLENGE, "code_challenge_method": "S256",
    });
    body.as_object_mut().unwrap().extend(overrides.as_object().unwrap().clone());
    server.request("POST", "/api/v1/dev/authorize", &[], Some(("application/json", &body.to_string())))
}

/// The code from a successful authorize answer (checking where it sends the browser).
fn code(reply: &Reply) -> String {
    assert_eq!(reply.status, 200, "{}", reply.body);
    let to = reply.json::<Value>()["redirect_to"].as_str().unwrap().to_owned();
    let (base, query) = to.split_once('?').unwrap();
    assert_eq!(base, CALLBACK);
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes()).into_owned().collect();
    assert_eq!(pairs.iter().find(|(k, _)| k == "state").map(|(_, v)| v.as_str()), Some("s t&a=te"), "state comes back unchanged");
    pairs.into_iter().find(|(k, _)| k == "code").unwrap().1
}

fn exchange(server: &Server, fields: &[(&str, &str)]) -> Reply {
    let body = form_urlencoded::Serializer::new(String::new()).extend_pairs(fields).finish();
    server.request("POST", "/api/v1/dev/oauth2/token", &[], Some((FORM, &body)))
}

fn token_request<'a>(code: &'a str, verifier: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("grant_type", "authorization_code"),
        ("code", code),
        ("redirect_uri", CALLBACK),
        ("client_id", "forebyg-admin"),
        ("code_verifier", verifier),
    ]
}

fn assert_invalid_grant(reply: &Reply) {
    assert_eq!((reply.status, reply.json::<Value>()), (400, json!({ "error": "invalid_grant" })), "{}", reply.body);
}

#[test]
fn the_dev_issuer_signs_in_with_the_code_flow_and_pkce() {
    let (data, dist) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let server = dev_server(data.path(), dist.path());

    let config: ClientConfig = server.get("/api/v1/config").json();
    let sign_in = config.admin_sign_in.expect("admin sign-in settings");
    assert_eq!((sign_in.authorize_url.as_str(), sign_in.token_url.as_str()), ("/admin/dev-login", "/api/v1/dev/oauth2/token"));
    assert_eq!((sign_in.client_id.as_str(), sign_in.logout_url, sign_in.development), ("forebyg-admin", None, true));
    assert!(sign_in.scopes.contains(&"openid".to_owned()));

    let code = code(&authorize(&server, json!({})));
    let tokens = exchange(&server, &token_request(&code, VERIFIER));
    assert_eq!(tokens.status, 200, "{}", tokens.body);
    assert_eq!(tokens.cache_control, "no-store");
    let tokens: Value = tokens.json();
    assert_eq!((tokens["token_type"].as_str(), tokens["expires_in"].as_i64()), (Some("Bearer"), Some(3600)));
    let bearer = format!("Bearer {}", tokens["id_token"].as_str().unwrap());
    let me: Principal = server.request("GET", "/api/v1/admin/me", &[("authorization", &bearer)], None).json();
    assert_eq!((me.role.code(), me.region.map(|r| r.code())), ("region-admin", Some("midtjylland")));

    // A code works once.
    assert_invalid_grant(&exchange(&server, &token_request(&code, VERIFIER)));
}

#[test]
fn an_exchange_fails_with_invalid_grant_on_any_mismatch() {
    let (data, dist) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let server = dev_server(data.path(), dist.path());

    // A verifier that does not hash to the challenge (the right one cannot rescue the code).
    let code_a = code(&authorize(&server, json!({})));
    assert_invalid_grant(&exchange(&server, &token_request(&code_a, &"x".repeat(43))));
    assert_invalid_grant(&exchange(&server, &token_request(&code_a, VERIFIER)));

    // Another redirect URI or client than the authorize request named.
    let code_b = code(&authorize(&server, json!({})));
    let mut other_uri = token_request(&code_b, VERIFIER);
    other_uri[2] = ("redirect_uri", "http://127.0.0.1:9999/admin/callback");
    assert_invalid_grant(&exchange(&server, &other_uri));
    let code_c = code(&authorize(&server, json!({})));
    let mut other_client = token_request(&code_c, VERIFIER);
    other_client[3] = ("client_id", "someone-else");
    assert_invalid_grant(&exchange(&server, &other_client));

    // An unknown code; not a form; another grant type.
    assert_invalid_grant(&exchange(&server, &token_request("made-up", VERIFIER)));
    let json_body = server.request("POST", "/api/v1/dev/oauth2/token", &[], Some(("application/json", "{}")));
    assert_eq!((json_body.status, json_body.json::<Value>()["error"].as_str()), (400, Some("invalid_request")));
    let code_d = code(&authorize(&server, json!({})));
    let mut password = token_request(&code_d, VERIFIER);
    password[0] = ("grant_type", "password");
    assert_eq!(exchange(&server, &password).json::<Value>()["error"].as_str(), Some("unsupported_grant_type"));
}

#[test]
fn the_authorize_step_accepts_only_s256_this_sites_callback_and_a_usable_role() {
    let (data, dist) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let server = dev_server(data.path(), dist.path());
    let fields = |reply: Reply| -> Vec<String> {
        assert_eq!(reply.status, 422, "{}", reply.body);
        reply.json::<Problem>().errors.into_iter().map(|e| e.field).collect()
    };
    assert_eq!(fields(authorize(&server, json!({ "code_challenge_method": "plain", "code_challenge": VERIFIER }))), ["code_challenge_method"]);
    assert_eq!(fields(authorize(&server, json!({ "code_challenge": "too-short" }))), ["code_challenge"]);
    assert_eq!(fields(authorize(&server, json!({ "redirect_uri": "https://evil.example/steal" }))), ["redirect_uri"]);
    assert_eq!(fields(authorize(&server, json!({ "client_id": "other" }))), ["client_id"]);
    // A regional administrator without a region is refused like such a Cognito account.
    assert_eq!(authorize(&server, json!({ "region": null })).status, 403);
}

#[test]
fn without_the_dev_issuer_its_oauth_routes_do_not_exist() {
    let (data, dist) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let server = Server::start(data.path(), dist.path(), 0);
    assert_eq!(authorize(&server, json!({})).status, 404);
    assert_eq!(exchange(&server, &token_request("any", VERIFIER)).status, 404);
    let config: ClientConfig = server.get("/api/v1/config").json();
    assert_eq!(config.admin_sign_in, None, "no sign-in offered when admin sign-in is off");
    assert!(!server.get("/api/v1/config").body.contains("admin_sign_in"));
}

#[test]
fn with_cognito_the_app_signs_in_at_the_hosted_ui() {
    let (data, dist) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let hosted_ui = "https://forebyg-prod.auth.eu-north-1.amazoncognito.com";
    let server = Server::start_with(
        data.path(),
        dist.path(),
        0,
        &[
            ("FOREBYG_AUTH", "cognito"),
            ("FOREBYG_COGNITO_ISSUER", "https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_Example123"),
            ("FOREBYG_COGNITO_CLIENT_ID", "spa-client-id"),
            ("FOREBYG_COGNITO_HOSTED_UI", "https://forebyg-prod.auth.eu-north-1.amazoncognito.com/"),
        ],
    );
    let sign_in = server.get("/api/v1/config").json::<ClientConfig>().admin_sign_in.expect("admin sign-in settings");
    assert_eq!(sign_in.authorize_url, format!("{hosted_ui}/oauth2/authorize"));
    assert_eq!(sign_in.token_url, format!("{hosted_ui}/oauth2/token"));
    assert_eq!(sign_in.logout_url, Some(format!("{hosted_ui}/logout")));
    assert_eq!((sign_in.client_id.as_str(), sign_in.development), ("spa-client-id", false));
    assert_eq!(sign_in.scopes, ["openid", "email", "profile"]);
    // The dev issuer's routes are not there.
    assert_eq!(authorize(&server, json!({})).status, 404);
}
