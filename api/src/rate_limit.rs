//! A per-client fixed-window rate limit, in memory. In AWS, API Gateway's route throttling is
//! the hard limit; this one stops one client from flooding a single instance or the local server.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub struct RateLimiter {
    limit: u32,
    window: Duration,
    clients: Mutex<HashMap<String, (Instant, u32)>>,
}

impl RateLimiter {
    pub fn new(limit: u32, window: Duration) -> Self {
        RateLimiter { limit, window, clients: Mutex::new(HashMap::new()) }
    }

    /// Counts a request; `Err(seconds to wait)` when the client is over its limit.
    pub fn check(&self, client: &str) -> Result<(), u64> {
        let now = Instant::now();
        let mut clients = self.clients.lock().unwrap_or_else(|e| e.into_inner());
        if clients.len() > 10_000 {
            clients.retain(|_, (start, _)| now.duration_since(*start) < self.window);
        }
        let entry = clients.entry(client.to_owned()).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        if entry.1 >= self.limit {
            return Err((self.window - now.duration_since(entry.0)).as_secs().max(1));
        }
        entry.1 += 1;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_each_client_separately_and_resets_after_the_window() {
        let rl = RateLimiter::new(2, Duration::from_millis(200));
        assert!(rl.check("a").is_ok() && rl.check("a").is_ok());
        assert!(rl.check("a").unwrap_err() >= 1);
        assert!(rl.check("b").is_ok());
        std::thread::sleep(Duration::from_millis(250));
        assert!(rl.check("a").is_ok());
    }
}
