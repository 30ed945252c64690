//! Run-time configuration from the environment.

use crate::auth::AuthConfig;
use crate::client_address::ClientAddressConfig;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq)]
pub enum StoreConfig {
    /// redb file under the data directory.
    Embedded { data_dir: PathBuf },
    /// DynamoDB table; `endpoint` for DynamoDB Local, `create_table` to create it if missing.
    DynamoDb { table: String, endpoint: Option<String>, create_table: bool },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub store: StoreConfig,
    pub bind: String,
    pub port: u16,
    /// The built SPA (index.html, js, wasm, css).
    pub dist_dir: PathBuf,
    /// Seed this many demo offers when the store is empty (0: never).
    pub demo_offers: usize,
    /// Running inside AWS Lambda.
    pub lambda: bool,
    /// Requests to join per client per 10 minutes.
    pub self_referral_limit: u32,
    /// Receipt look-ups per client per 10 minutes.
    pub lookup_limit: u32,
    pub auth: AuthConfig,
    /// A request (headers to answer, body included) that takes longer gets a 408 problem: slow
    /// or stalled clients cannot hold the local server's connections (in AWS, API Gateway's own
    /// 30 s integration timeout applies).
    pub request_timeout: std::time::Duration,
    /// Which forwarded client addresses to believe: `FOREBYG_ORIGIN_SECRET` (in AWS, the value
    /// CloudFront sends in its origin header) and `FOREBYG_TRUSTED_PROXIES` (comma-separated
    /// addresses of reverse proxies in front of the local server). Neither: the TCP peer, or in
    /// Lambda API Gateway's `sourceIp`.
    pub client_address: ClientAddressConfig,
}

#[derive(Debug, thiserror::Error, PartialEq)]
#[error("{name}: {reason}")]
pub struct ConfigError {
    pub name: &'static str,
    pub reason: String,
}

impl Config {
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|k| std::env::var(k).ok())
    }

    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let store = match get("FOREBYG_STORE").as_deref().unwrap_or("embedded") {
            "embedded" => StoreConfig::Embedded { data_dir: get("FOREBYG_DATA_DIR").unwrap_or_else(|| ".data".into()).into() },
            "dynamodb" => StoreConfig::DynamoDb {
                table: get("FOREBYG_TABLE").unwrap_or_else(|| "forebyg".into()),
                endpoint: get("FOREBYG_DYNAMODB_ENDPOINT").filter(|s| !s.is_empty()),
                create_table: get("FOREBYG_CREATE_TABLE").as_deref() == Some("1"),
            },
            other => return Err(ConfigError { name: "FOREBYG_STORE", reason: format!("must be `embedded` or `dynamodb`, not `{other}`") }),
        };
        let number = |name: &'static str, default: usize| -> Result<usize, ConfigError> {
            get(name).map_or(Ok(default), |v| v.parse().map_err(|_| ConfigError { name, reason: format!("`{v}` is not a whole number") }))
        };
        let lambda = get("AWS_LAMBDA_RUNTIME_API").is_some();
        let auth = match get("FOREBYG_AUTH").as_deref().unwrap_or("none") {
            "none" => AuthConfig::Disabled,
            // The dev issuer's key is public: it must never be trusted where real people sign in.
            "dev" if lambda => return Err(ConfigError { name: "FOREBYG_AUTH", reason: "`dev` is refused inside AWS Lambda".into() }),
            #[cfg(feature = "dev-auth")]
            "dev" => AuthConfig::Dev,
            #[cfg(not(feature = "dev-auth"))]
            "dev" => return Err(ConfigError { name: "FOREBYG_AUTH", reason: "`dev` needs a build with the `dev-auth` feature".into() }),
            "cognito" => {
                let need = |name: &'static str| {
                    get(name).filter(|v| !v.is_empty()).ok_or(ConfigError { name, reason: "required with FOREBYG_AUTH=cognito".into() })
                };
                AuthConfig::Cognito {
                    issuer: need("FOREBYG_COGNITO_ISSUER")?,
                    client_id: need("FOREBYG_COGNITO_CLIENT_ID")?,
                    jwks_url: get("FOREBYG_JWKS_URL"),
                    hosted_ui: need("FOREBYG_COGNITO_HOSTED_UI")?.trim_end_matches('/').to_owned(),
                }
            }
            other => return Err(ConfigError { name: "FOREBYG_AUTH", reason: format!("must be none, dev or cognito, not `{other}`") }),
        };
        let origin_secret = get("FOREBYG_ORIGIN_SECRET").filter(|s| !s.is_empty());
        if origin_secret.as_ref().is_some_and(|s| s.len() < 32) {
            return Err(ConfigError {
                name: "FOREBYG_ORIGIN_SECRET",
                reason: "must be at least 32 characters (a guessable secret proves nothing)".into(),
            });
        }
        let trusted_proxies = get("FOREBYG_TRUSTED_PROXIES")
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().map_err(|_| ConfigError { name: "FOREBYG_TRUSTED_PROXIES", reason: format!("`{s}` is not an IP address") }))
            .collect::<Result<Vec<_>, _>>()?;
        let port = number("PORT", 8080)?;
        let port = u16::try_from(port).map_err(|_| ConfigError { name: "PORT", reason: format!("{port} is not a port") })?;
        Ok(Config {
            store,
            bind: get("FOREBYG_BIND").unwrap_or_else(|| "127.0.0.1".into()),
            port,
            dist_dir: get("FOREBYG_DIST_DIR").unwrap_or_else(|| "dist".into()).into(),
            demo_offers: number("FOREBYG_DEMO_OFFERS", 0)?,
            lambda,
            auth,
            self_referral_limit: number("FOREBYG_SELF_REFERRAL_LIMIT", 10)? as u32,
            lookup_limit: number("FOREBYG_LOOKUP_LIMIT", 60)? as u32,
            request_timeout: std::time::Duration::from_secs(number("FOREBYG_REQUEST_TIMEOUT_SECS", 30)? as u64),
            client_address: ClientAddressConfig { origin_secret, trusted_proxies },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn cfg(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Config::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_to_embedded_on_localhost_8080() {
        let c = cfg(&[]).unwrap();
        assert_eq!(c.store, StoreConfig::Embedded { data_dir: ".data".into() });
        assert_eq!((c.bind.as_str(), c.port, c.lambda, c.demo_offers), ("127.0.0.1", 8080, false, 0));
    }

    #[test]
    fn dynamodb_and_lambda() {
        let c = cfg(&[("FOREBYG_STORE", "dynamodb"), ("FOREBYG_TABLE", "t"), ("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001")]).unwrap();
        assert_eq!(c.store, StoreConfig::DynamoDb { table: "t".into(), endpoint: None, create_table: false });
        assert!(c.lambda);
    }

    #[test]
    fn auth_modes() {
        assert_eq!(cfg(&[]).unwrap().auth, AuthConfig::Disabled);
        #[cfg(feature = "dev-auth")]
        assert_eq!(cfg(&[("FOREBYG_AUTH", "dev")]).unwrap().auth, AuthConfig::Dev);
        #[cfg(not(feature = "dev-auth"))]
        assert_eq!(cfg(&[("FOREBYG_AUTH", "dev")]).unwrap_err().name, "FOREBYG_AUTH");
        let cognito = cfg(&[
            ("FOREBYG_AUTH", "cognito"),
            ("FOREBYG_COGNITO_ISSUER", "https://cognito-idp.eu-north-1.amazonaws.com/p"),
            ("FOREBYG_COGNITO_CLIENT_ID", "c"),
            ("FOREBYG_COGNITO_HOSTED_UI", "https://forebyg-prod.auth.eu-north-1.amazoncognito.com/"),
        ]);
        let AuthConfig::Cognito { hosted_ui, .. } = cognito.unwrap().auth else { panic!("cognito") };
        assert_eq!(hosted_ui, "https://forebyg-prod.auth.eu-north-1.amazoncognito.com");
        assert_eq!(cfg(&[("FOREBYG_AUTH", "cognito")]).unwrap_err().name, "FOREBYG_COGNITO_ISSUER");
        let no_hosted_ui = cfg(&[("FOREBYG_AUTH", "cognito"), ("FOREBYG_COGNITO_ISSUER", "i"), ("FOREBYG_COGNITO_CLIENT_ID", "c")]);
        assert_eq!(no_hosted_ui.unwrap_err().name, "FOREBYG_COGNITO_HOSTED_UI");
    }

    #[test]
    fn the_dev_issuer_is_refused_inside_lambda() {
        let err = cfg(&[("FOREBYG_AUTH", "dev"), ("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001")]).unwrap_err();
        assert_eq!(err.name, "FOREBYG_AUTH");
    }

    #[test]
    fn bad_values_name_the_variable() {
        assert_eq!(cfg(&[("FOREBYG_STORE", "sqlite")]).unwrap_err().name, "FOREBYG_STORE");
        assert_eq!(cfg(&[("PORT", "99999")]).unwrap_err().name, "PORT");
        assert_eq!(cfg(&[("FOREBYG_DEMO_OFFERS", "many")]).unwrap_err().name, "FOREBYG_DEMO_OFFERS");
        assert_eq!(cfg(&[("FOREBYG_ORIGIN_SECRET", "short")]).unwrap_err().name, "FOREBYG_ORIGIN_SECRET");
        assert_eq!(cfg(&[("FOREBYG_TRUSTED_PROXIES", "127.0.0.1, proxy")]).unwrap_err().name, "FOREBYG_TRUSTED_PROXIES");
    }

    #[test]
    fn forwarded_addresses_are_believed_only_when_configured() {
        assert_eq!(cfg(&[]).unwrap().client_address, ClientAddressConfig::default());
        let c = cfg(&[("FOREBYG_TRUSTED_PROXIES", "127.0.0.1, ::1"), ("FOREBYG_ORIGIN_SECRET", &"x".repeat(32))]).unwrap().client_address;
        assert_eq!(c.trusted_proxies, vec!["127.0.0.1".parse::<std::net::IpAddr>().unwrap(), "::1".parse().unwrap()]);
        assert_eq!(c.origin_secret, Some("x".repeat(32)));
    }
}
