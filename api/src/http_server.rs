//! The local server's HTTP/1.1 connections: what `axum::serve` does, plus a limit on how long a
//! client may take to send its request head. Without it a client that opens connections and
//! sends headers a byte at a time holds them forever (slowloris); the request timeout layer only
//! starts once the head is in. (In AWS, API Gateway terminates client connections.)

use axum::extract::ConnectInfo;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::time::Duration;
use tokio::net::TcpListener;

/// Serves `app` until `shutdown` completes, then lets open requests finish (for at most `drain`).
/// Each request carries the client's address as `ConnectInfo`.
pub async fn serve(listener: TcpListener, app: Router, header_timeout: Duration, drain: Duration, shutdown: impl Future<Output = ()>) {
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new()).header_read_timeout(header_timeout);
    let graceful = GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        let (stream, addr) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(connection) => connection,
                // E.g. too many open files: the listener itself is fine; try the next one.
                Err(e) => {
                    tracing::warn!(error = %e, "accepting a connection failed");
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let app = tower::ServiceExt::map_request(app.clone(), move |mut req: hyper::Request<Incoming>| {
            req.extensions_mut().insert(ConnectInfo(addr));
            req
        });
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(app)));
        tokio::spawn(async move {
            // A client that went away or timed out: nothing to do for the server.
            let _ = connection.await;
        });
    }
    let _ = tokio::time::timeout(drain, graceful.shutdown()).await;
}
