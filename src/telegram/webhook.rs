//! Webhook mode: Telegram posts each update to us. An update is written to the inbox
//! *before* Telegram gets its 200, so a crash while it is being answered loses nothing (it is
//! answered after the restart); if the inbox cannot take it, Telegram gets 500 and sends it
//! again later.
//!
//! Requests need the secret header (else 401); bodies over [`MAX_WEBHOOK_BODY`] get 413
//! before they are read; the server listens on exactly the configured address.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State as AxumState;
use axum::http::{HeaderMap, StatusCode};
use serde_json::{Value, json};

use super::api::Api;
use super::error::TelegramError;
use super::incoming::{self, Intake, Me};
use super::send::Stop;
use super::workers::Workers;
use super::{MAX_WEBHOOK_BODY, State, Webhook, inbox};

struct Ctx {
    state: Arc<State>,
    me: Me,
    workers: Workers,
    secret: String,
}

/// Binds, registers the webhook with Telegram and serves it until `stop`.
pub async fn start(
    api: &Api,
    w: Webhook,
    state: Arc<State>,
    me: Me,
    workers: Workers,
    stop: Stop,
) -> Result<tokio::task::JoinHandle<()>, crate::Error> {
    // Bind first: a taken address is a clear error before Telegram is told anything.
    let tcp = tokio::net::TcpListener::bind(w.listen)
        .await
        .map_err(|source| crate::Error::Listen {
            addr: w.listen,
            source,
        })?;
    let secret = match w.secret {
        Some(s) => s,
        None => random_secret()?,
    };
    crate::redact::register(&secret);
    let params = json!({"url": w.url.as_str(), "secret_token": secret});
    api.call("setWebhook", &params, std::time::Duration::from_secs(30))
        .await
        .map_err(TelegramError::SetWebhook)?;
    let ctx = Arc::new(Ctx {
        state,
        me,
        workers,
        secret,
    });
    let path = match w.url.path() {
        "" => "/",
        p => p,
    };
    let router = axum::Router::new()
        .route(path, axum::routing::post(receive))
        .with_state(ctx)
        .layer(axum::extract::DefaultBodyLimit::max(MAX_WEBHOOK_BODY))
        .layer(axum::middleware::from_fn(refuse_large_body));
    Ok(tokio::spawn(async move {
        if let Err(e) = axum::serve(tcp, router)
            .with_graceful_shutdown(async move { stop.stopped().await })
            .await
        {
            tracing::error!("webhook server failed: {e}");
        }
    }))
}

/// One update from Telegram: stored, then 200.
async fn receive(
    AxumState(ctx): AxumState<Arc<Ctx>>,
    headers: HeaderMap,
    body: Bytes,
) -> StatusCode {
    let given = headers
        .get("x-telegram-bot-api-secret-token")
        .map(|v| v.as_bytes())
        .unwrap_or_default();
    if !same(given, ctx.secret.as_bytes()) {
        return StatusCode::UNAUTHORIZED;
    }
    let Ok(raw) = serde_json::from_slice::<Value>(&body) else {
        tracing::warn!(
            "webhook: a body that is not JSON ({} bytes); refused",
            body.len()
        );
        return StatusCode::BAD_REQUEST;
    };
    let (Some(id), Intake::Answer(inc)) = incoming::read(&raw, &ctx.me) else {
        return StatusCode::OK;
    };
    match inbox::blocking(&ctx.state, move |s| inbox::store(s, &[(id, inc)])).await {
        Ok(added) => {
            ctx.workers.enqueue(&added);
            StatusCode::OK
        }
        Err(e) => {
            tracing::error!(
                "cannot write an update to the inbox ({e}); Telegram will send it again"
            );
            StatusCode::INTERNAL_SERVER_ERROR
        }
    }
}

/// Compares secrets in time independent of where they differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// 48 hex digits from the system's random source (a secret for this run only).
fn random_secret() -> Result<String, crate::Error> {
    use std::io::Read;
    let mut bytes = [0u8; 24];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut bytes))
        .map_err(|source| crate::Error::Io {
            path: "/dev/urandom".into(),
            source,
        })?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// 413 at once when the announced length is over [`MAX_WEBHOOK_BODY`], without reading the
/// body. (Bodies without a length are cut at the limit by `DefaultBodyLimit` while reading.)
async fn refuse_large_body(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let too_large = req
        .headers()
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        .is_some_and(|n| n > MAX_WEBHOOK_BODY as u64);
    if too_large {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_compare_whole() {
        assert!(same(b"s3cret", b"s3cret"));
        assert!(!same(b"s3cret", b"s3crex"));
        assert!(!same(b"s3cret", b"s3cre"));
        assert!(!same(b"", b"x"));
        let s = random_secret().expect("random");
        assert_eq!(s.len(), 48);
        assert_ne!(s, random_secret().expect("random"));
    }
}
