//! `forebyg`: the API on AWS Lambda (when `AWS_LAMBDA_RUNTIME_API` is set) or a local HTTP server
//! that also serves the built SPA.
//!
//! Usage: `forebyg [serve]`, `forebyg seed <count>`, `forebyg create-table`, `forebyg reindex`,
//! `forebyg dev-token <role> [region] [provider]` (a token of the development issuer, accepted
//! only by servers running with `FOREBYG_AUTH=dev`).

use forebyg_api::config::{Config, ContactKeySource, StoreConfig};
use forebyg_api::store::dynamodb::{table, DynamoStore};
use forebyg_api::store::embedded::EmbeddedStore;
use forebyg_api::{demo, routes, self_referral, AppState, Limits};
use std::time::Duration;
use tracing_subscriber::EnvFilter;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    let config = Config::from_env()?;
    init_logging(config.lambda);
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("dev-token") {
        #[cfg(feature = "dev-auth")]
        return dev_token(&args);
        #[cfg(not(feature = "dev-auth"))]
        return Err("dev-token needs a build with the `dev-auth` feature".into());
    }
    let state = open_state(&config).await?;
    match args.first().map(String::as_str).unwrap_or("serve") {
        "serve" => serve(config, state).await,
        "seed" => {
            let count: usize = args.get(1).and_then(|n| n.parse().ok()).ok_or("usage: forebyg seed <count>")?;
            seed_packages(&state).await?;
            seed(&state, count).await
        }
        "create-table" => Ok(()), // open_store created it (FOREBYG_CREATE_TABLE is implied).
        "reindex" => reindex(&state).await,
        other => Err(format!("unknown command `{other}`; use serve, seed <count>, create-table, reindex or dev-token").into()),
    }
}

#[cfg(feature = "dev-auth")]
fn dev_token(args: &[String]) -> Result<(), BoxError> {
    use forebyg_api::auth::dev;
    use forebyg_shared::{auth::Role, taxonomy::RegionCode};
    let usage = "usage: forebyg dev-token <national-admin|region-admin|provider-editor|clinician> [region] [provider]";
    let role = args.get(1).and_then(|r| Role::from_code(r)).ok_or(usage)?;
    let region = args.get(2).map(|r| RegionCode::from_code(r).ok_or(usage)).transpose()?;
    // A clinician gets the dev sign-in's default practice, as the sign-in page would give them.
    println!("{}", dev::sign(&dev::login_claims(role, region, args.get(3).map(String::as_str), None, 8 * 3600)));
    Ok(())
}

fn init_logging(lambda: bool) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_target(false);
    if lambda {
        // CloudWatch: one JSON object per line, no colour codes, the platform adds timestamps.
        builder.json().with_ansi(false).without_time().init();
    } else {
        builder.init();
    }
}

async fn open_state(config: &Config) -> Result<AppState, BoxError> {
    let limits = Limits::per_ten_minutes(config.self_referral_limit, config.lookup_limit);
    let mut client = forebyg_api::default_client_config();
    client.tile_url = std::env::var("FOREBYG_TILE_URL").unwrap_or(client.tile_url);
    client.tile_attribution = std::env::var("FOREBYG_TILE_ATTRIBUTION").unwrap_or(client.tile_attribution);
    client.demo = config.demo_offers > 0;
    client.admin_sign_in = config.auth.admin_sign_in();
    let state = match &config.store {
        // The store first: it creates the data directory and locks its database, so one process
        // at a time reads (or, on the first start, generates) the directory's contact key.
        StoreConfig::Embedded { data_dir } => AppState::new(EmbeddedStore::open(data_dir)?, limits)
            .with_auth(&config.auth)
            .with_client_config(client)
            .with_client_address(config.client_address.clone()),
        StoreConfig::DynamoDb { table: name, endpoint, create_table } => {
            let dynamo = DynamoStore::client(endpoint.as_deref()).await;
            let wants_table = *create_table || std::env::args().nth(1).as_deref() == Some("create-table");
            if wants_table && dynamo.describe_table().table_name(name).send().await.is_err() {
                table::create_table(&dynamo, name).await?;
                tracing::info!(table = %name, "created DynamoDB table");
            }
            AppState::new(DynamoStore::new(dynamo, name.clone()), limits)
                .with_auth(&config.auth)
                .with_client_config(client)
                .with_client_address(config.client_address.clone())
        }
    };
    if config.contact_key == ContactKeySource::PerProcess {
        tracing::warn!(
            "FOREBYG_CONTACT_KEY is not set: withdrawn referrals' contact digests use a random key of this process and match nothing after it ends"
        );
    }
    Ok(state.with_contact_key(config.contact_key.load()?))
}

/// Demo offers and the provider and location records they reference.
async fn seed(state: &AppState, count: usize) -> Result<(), BoxError> {
    use forebyg_shared::directory::DirectoryRecord;
    let started = std::time::Instant::now();
    let mut offers = demo::offers(count);
    let (providers, locations) = demo::directory(&offers);
    let (associations, activities) = forebyg_api::demo_activities::activities(&mut offers);
    let records: Vec<DirectoryRecord> = providers
        .into_iter()
        .map(DirectoryRecord::Provider)
        .chain(locations.into_iter().map(DirectoryRecord::Location))
        .chain(associations.into_iter().map(DirectoryRecord::Association))
        .chain(activities.into_iter().map(DirectoryRecord::Activity))
        .collect();
    for chunk in records.chunks(5_000) {
        state.directory.put_directory(chunk).await?;
    }
    for chunk in offers.chunks(5_000) {
        state.store.put_offers(chunk).await?;
    }
    tracing::info!(count, records = records.len(), ms = started.elapsed().as_millis() as u64, "seeded demo offers");
    Ok(())
}

/// Lists the offers written before an index existed in it (see `store::reindex`): every
/// published offer is written back unchanged at its version; any saved meanwhile is skipped.
async fn reindex(state: &AppState) -> Result<(), BoxError> {
    let done = forebyg_api::store::reindex_offers(state.store.as_ref()).await?;
    tracing::info!(saved = done.saved, skipped = done.skipped, unpublished = done.unpublished, "reindexed the published offers");
    Ok(())
}

/// Whether any provider record exists.
async fn has_directory(state: &AppState) -> Result<bool, BoxError> {
    for region in forebyg_shared::taxonomy::RegionCode::ALL {
        if !state.directory.region_providers(*region).await?.is_empty() {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The five known kronikerpakker, written once into a store that has no packages (a new store,
/// or one from a version before packages were records); after that they are edited as data.
async fn seed_packages(state: &AppState) -> Result<bool, BoxError> {
    use forebyg_shared::directory::DirectoryRecord;
    if !state.directory.packages().await?.is_empty() {
        return Ok(false);
    }
    let packages: Vec<_> = forebyg_shared::package::known_packages().into_iter().map(DirectoryRecord::Package).collect();
    state.directory.put_directory(&packages).await?;
    tracing::info!(count = packages.len(), "seeded the known kronikerpakker");
    Ok(true)
}

async fn serve(config: Config, state: AppState) -> Result<(), BoxError> {
    let packages_were_missing = match seed_packages(&state).await {
        Ok(missing) => missing,
        // The store is unreachable at start (a DynamoDB outage during a Lambda cold start): serve
        // anyway, every route answers 503 until the store is back; the next start seeds them.
        Err(e) => {
            tracing::warn!(error = %e, "could not read the kronikerpakker at start; serving without seeding them");
            false
        }
    };
    if config.demo_offers > 0 && (state.store.count_offers().await? == 0 || !has_directory(&state).await? || packages_were_missing) {
        // An empty store, or demo data from a version without provider and location records
        // (its offers could not be edited) or without packages and activities (its offers name
        // neither): the demo data is written (again) with its records.
        seed(&state, config.demo_offers).await?;
    }
    if config.lambda {
        // DynamoDB's TTL deletes expired requests; no background work in a Lambda.
        return lambda_http::run(routes::router(state)).await;
    }
    tokio::spawn(purge_expired_referrals(state.clone()));
    let csp = routes::security_headers::content_security_policy(&state.client_config.tile_url, &[], false);
    match forebyg_api::compress::precompress_dir(&config.dist_dir) {
        Ok(n) => tracing::info!(files = n, "compressed the built bundles (br, gzip)"),
        Err(e) => tracing::warn!(error = %e, "could not compress the built bundles; serving them uncompressed"),
    }
    let app = routes::with_spa(routes::router(state), &config.dist_dir, &csp).layer(forebyg_api::compress::layer()).layer(
        tower::ServiceBuilder::new()
            .layer(axum::error_handling::HandleErrorLayer::new(|_: tower::BoxError| async { forebyg_api::error::request_timeout() }))
            .timeout(config.request_timeout),
    );
    let listener = tokio::net::TcpListener::bind((config.bind.as_str(), config.port)).await?;
    tracing::info!("Forebyg is running at http://{}", listener.local_addr()?);
    forebyg_api::http_server::serve(listener, app, config.request_timeout, config.request_timeout, shutdown_signal()).await;
    Ok(())
}

/// Deletes expired self-referrals at start-up and every hour (personal data must not outlive
/// its retention period).
async fn purge_expired_referrals(state: AppState) {
    let mut every_hour = tokio::time::interval(Duration::from_secs(3600));
    loop {
        every_hour.tick().await;
        match state.referrals.purge_expired_referrals(self_referral::now()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(purged = n, "deleted expired self-referrals"),
            Err(e) => tracing::error!(error = %e, "purging expired self-referrals failed"),
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).expect("SIGTERM handler");
    tokio::select! {
        _ = ctrl_c => {},
        _ = term.recv() => {},
    }
}
