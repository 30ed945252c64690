//! Run-time configuration from the environment.

use crate::auth::AuthConfig;
use crate::client_address::ClientAddressConfig;
use crate::contact_digest::ContactKey;
use std::path::{Path, PathBuf};

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
    /// The key of withdrawn referrals' contact digests (`crate::contact_digest`).
    pub contact_key: ContactKeySource,
}

/// The file in the embedded store's data directory that holds its generated contact key.
pub const CONTACT_KEY_FILE: &str = "contact-key";

/// Where the contact digests' key comes from; [`ContactKeySource::load`] reads it.
#[derive(Clone, PartialEq)]
pub enum ContactKeySource {
    /// `FOREBYG_CONTACT_KEY` (32 characters or more; required inside AWS Lambda).
    Given(String),
    /// Not set, embedded store: a random key generated into this file ([`CONTACT_KEY_FILE`] in
    /// the data directory, mode 0600) on the first start and read on later ones, so withdrawn
    /// referrals' digests still match after a restart. (Here the key lies beside the table: the
    /// local store is for development and small single-machine runs.)
    File(PathBuf),
    /// Not set, DynamoDB outside AWS Lambda (DynamoDB Local in the tests, a developer's run): a
    /// random key held in memory for this process only. Digests made by it match nothing once it
    /// ends, which is harmless for a store that is thrown away; a real deployment runs in Lambda,
    /// where the key is required.
    PerProcess,
}

/// Never prints the key.
impl std::fmt::Debug for ContactKeySource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ContactKeySource::Given(_) => f.write_str("Given(<secret>)"),
            ContactKeySource::File(path) => f.debug_tuple("File").field(path).finish(),
            ContactKeySource::PerProcess => f.write_str("PerProcess"),
        }
    }
}

impl ContactKeySource {
    /// The key: the given one, the data directory's (generated on the first call), or a new
    /// random one.
    pub fn load(&self) -> Result<ContactKey, ConfigError> {
        let error = |reason: String| ConfigError { name: "FOREBYG_CONTACT_KEY", reason };
        let value = match self {
            ContactKeySource::Given(value) => value.clone(),
            ContactKeySource::File(path) => {
                let value = read_or_create_key_file(path).map_err(|e| error(format!("cannot read or create {}: {e}", path.display())))?;
                let value = value.trim().to_owned();
                if value.chars().count() < 32 {
                    return Err(error(format!(
                        "{} holds under 32 characters; delete it to generate a new key (the digests of referrals already withdrawn will no longer match)",
                        path.display()
                    )));
                }
                value
            }
            ContactKeySource::PerProcess => return Ok(ContactKey::random()),
        };
        ContactKey::new(value.as_bytes()).ok_or_else(|| error("too long for Argon2's secret".into()))
    }
}

/// The key in `path`, or a new one (32 random bytes, hex) written there, readable by the owner only.
fn read_or_create_key_file(path: &Path) -> std::io::Result<String> {
    use std::io::{ErrorKind, Write};
    match std::fs::read_to_string(path) {
        Err(e) if e.kind() == ErrorKind::NotFound => {}
        read => return read,
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut random = [0u8; 32];
    getrandom::fill(&mut random).map_err(|e| std::io::Error::other(format!("no randomness: {e}")))?;
    let value = crate::contact_digest::hex(&random);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(mut file) => {
            file.write_all(format!("{value}\n").as_bytes())?;
            file.sync_all()?;
            Ok(value)
        }
        // Another process created it meanwhile: that key is the one.
        Err(e) if e.kind() == ErrorKind::AlreadyExists => std::fs::read_to_string(path),
        Err(e) => Err(e),
    }
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
        let contact_key = match get("FOREBYG_CONTACT_KEY").filter(|s| !s.is_empty()) {
            Some(key) if key.chars().count() < 32 => {
                return Err(ConfigError {
                    name: "FOREBYG_CONTACT_KEY",
                    reason: "must be at least 32 characters (a guessable key protects nothing)".into(),
                })
            }
            Some(key) => ContactKeySource::Given(key),
            // A production build never falls back: a generated key would differ per instance
            // and be lost with it, and the digests would match nothing.
            None if lambda => {
                return Err(ConfigError {
                    name: "FOREBYG_CONTACT_KEY",
                    reason: "required inside AWS Lambda (the key of withdrawn referrals' contact digests)".into(),
                })
            }
            None => match &store {
                StoreConfig::Embedded { data_dir } => ContactKeySource::File(data_dir.join(CONTACT_KEY_FILE)),
                StoreConfig::DynamoDb { .. } => ContactKeySource::PerProcess,
            },
        };
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
            contact_key,
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
        let key = "k".repeat(48);
        let lambda = [("FOREBYG_STORE", "dynamodb"), ("FOREBYG_TABLE", "t"), ("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001")];
        let c = cfg(&[&lambda[..], &[("FOREBYG_CONTACT_KEY", key.as_str())]].concat()).unwrap();
        assert_eq!(c.store, StoreConfig::DynamoDb { table: "t".into(), endpoint: None, create_table: false });
        assert!(c.lambda);
        assert_eq!(c.contact_key, ContactKeySource::Given(key));
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
        let key = "k".repeat(32);
        let err = cfg(&[("FOREBYG_AUTH", "dev"), ("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001"), ("FOREBYG_CONTACT_KEY", &key)]).unwrap_err();
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

    #[test]
    fn the_contact_key_is_32_characters_or_more_and_never_printed() {
        let short = cfg(&[("FOREBYG_CONTACT_KEY", &"k".repeat(31))]).unwrap_err();
        assert_eq!(short.name, "FOREBYG_CONTACT_KEY");
        assert!(short.reason.contains("32"), "{}", short.reason);
        let key = "secret-contact-key-".repeat(2);
        let c = cfg(&[("FOREBYG_CONTACT_KEY", &key), ("FOREBYG_ORIGIN_SECRET", &"o".repeat(32))]).unwrap();
        assert_eq!(c.contact_key, ContactKeySource::Given(key.clone()));
        let printed = format!("{c:?}");
        assert!(!printed.contains(&key) && !printed.contains(&"o".repeat(32)), "{printed}");
        // The given key is the key: digests made with it match with the same value loaded again.
        let digests = crate::contact_digest::ContactDigests::of(&c.contact_key.load().unwrap(), Some("12345678"), None).unwrap();
        assert!(digests.matches(Some(&c.contact_key.load().unwrap()), Some("12345678"), None));
    }

    /// A production build never runs on a made-up key: inside Lambda it must be configured.
    #[test]
    fn lambda_refuses_to_start_without_the_contact_key() {
        for store in ["dynamodb", "embedded"] {
            let err = cfg(&[("FOREBYG_STORE", store), ("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001")]).unwrap_err();
            assert_eq!(err.name, "FOREBYG_CONTACT_KEY");
            let empty = cfg(&[("FOREBYG_STORE", store), ("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001"), ("FOREBYG_CONTACT_KEY", "")]);
            assert_eq!(empty.unwrap_err().name, "FOREBYG_CONTACT_KEY");
        }
        // DynamoDB outside Lambda (DynamoDB Local): a key for this process only.
        assert_eq!(cfg(&[("FOREBYG_STORE", "dynamodb")]).unwrap().contact_key, ContactKeySource::PerProcess);
    }

    /// Without FOREBYG_CONTACT_KEY the embedded store's key is generated once into its data
    /// directory (owner-only) and read on every later start, so digests outlive a restart.
    #[test]
    fn the_embedded_store_generates_its_key_once_and_reuses_it() {
        use crate::contact_digest::ContactDigests;
        let tmp = tempfile::tempdir().unwrap();
        let data_dir = tmp.path().join("data");
        let dir = data_dir.to_str().unwrap();
        let first = cfg(&[("FOREBYG_DATA_DIR", dir)]).unwrap();
        let file = data_dir.join(CONTACT_KEY_FILE);
        assert_eq!(first.contact_key, ContactKeySource::File(file.clone()));
        assert!(!file.exists(), "reading the configuration writes nothing");
        let key = first.contact_key.load().unwrap();
        let written = std::fs::read_to_string(&file).unwrap();
        assert_eq!(written.trim().len(), 64, "32 random bytes, hex: {written}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
        }
        let digests = ContactDigests::of(&key, Some("12345678"), None).unwrap();
        // A later start: the same file, the same key.
        let again = cfg(&[("FOREBYG_DATA_DIR", dir)]).unwrap().contact_key.load().unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), written, "not replaced");
        assert!(digests.matches(Some(&again), Some("12345678"), None));
        // Another data directory has another key.
        let other = tmp.path().join("other");
        let other = cfg(&[("FOREBYG_DATA_DIR", other.to_str().unwrap())]).unwrap().contact_key.load().unwrap();
        assert!(!digests.matches(Some(&other), Some("12345678"), None));
        // A given key wins over the file; a damaged file is refused, not replaced.
        let given = cfg(&[("FOREBYG_DATA_DIR", dir), ("FOREBYG_CONTACT_KEY", &"g".repeat(32))]).unwrap();
        assert_eq!(given.contact_key, ContactKeySource::Given("g".repeat(32)));
        std::fs::write(&file, "short\n").unwrap();
        assert_eq!(first.contact_key.load().unwrap_err().name, "FOREBYG_CONTACT_KEY");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "short\n");
    }
}
