use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use gloo_net::http::{Request, RequestBuilder, Response};
use leptos::prelude::set_timeout_with_handle;
use serde::de::DeserializeOwned;
use serde::Serialize;
use web_sys::AbortController;

use super::*;

/// The loyalty API over `fetch`, with a timeout on every call.
#[derive(Debug, Clone)]
pub struct HttpClient {
    base: String,
    token: Option<String>,
    timeout: Duration,
}

impl HttpClient {
    pub fn new(base: &str, token: Option<String>, timeout_ms: u32) -> Self {
        Self {
            base: base.trim_end_matches('/').to_owned(),
            token,
            timeout: Duration::from_millis(u64::from(timeout_ms)),
        }
    }

    fn builder(&self, method: &str, path: &str) -> RequestBuilder {
        let url = format!("{}{path}", self.base);
        let mut b = match method {
            "POST" => Request::post(&url),
            _ => Request::get(&url),
        }
        .header("Accept", "application/json");
        if let Some(token) = &self.token {
            b = b.header("Authorization", &format!("Bearer {token}"));
        }
        b
    }

    /// Sends the request and decodes a success body. Only the decoding is generic, so the
    /// transport below is compiled once rather than once per response type.
    async fn call<T: DeserializeOwned>(
        &self,
        builder: RequestBuilder,
        body: Option<String>,
    ) -> Result<T, ApiError> {
        let text = self.call_text(builder, body).await?;
        serde_json::from_str(&text).map_err(|e| ApiError::Decode(e.to_string()))
    }

    /// Sends the request, aborting it after the timeout; a success body as text.
    async fn call_text(
        &self,
        builder: RequestBuilder,
        body: Option<String>,
    ) -> Result<String, ApiError> {
        let controller = AbortController::new().map_err(|e| ApiError::Network(format!("{e:?}")))?;
        let timed_out = Rc::new(Cell::new(false));
        let timer = {
            let (controller, timed_out) = (controller.clone(), timed_out.clone());
            set_timeout_with_handle(
                move || {
                    timed_out.set(true);
                    controller.abort();
                },
                self.timeout,
            )
            .ok()
        };
        let result = send(builder.abort_signal(Some(&controller.signal())), body).await;
        if let Some(t) = timer {
            t.clear();
        }
        match result {
            Err(_) if timed_out.get() => Err(ApiError::Timeout),
            other => other,
        }
    }

    async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        self.call(self.builder("GET", path), None).await
    }

    async fn post<T: DeserializeOwned>(
        &self,
        path: &str,
        body: &impl Serialize,
        idempotency_key: Option<&str>,
    ) -> Result<T, ApiError> {
        let json = serde_json::to_string(body).map_err(|e| ApiError::Decode(e.to_string()))?;
        let mut b = self
            .builder("POST", path)
            .header("Content-Type", "application/json");
        if let Some(key) = idempotency_key {
            b = b.header("Idempotency-Key", key);
        }
        self.call(b, Some(json)).await
    }
}

async fn send(builder: RequestBuilder, body: Option<String>) -> Result<String, ApiError> {
    let request = match body {
        Some(b) => builder.body(b),
        None => builder.build(),
    }
    .map_err(|e| ApiError::Network(e.to_string()))?;
    let response = request
        .send()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))?;
    if !response.ok() {
        return Err(status_error(response).await);
    }
    // A body cut off by the abort is a network failure; `call_text` turns it into a timeout.
    response
        .text()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))
}

async fn status_error(response: Response) -> ApiError {
    let status = response.status();
    let problem = response.json::<Problem>().await.ok();
    ApiError::Status { status, problem }
}

/// Percent-encodes a query value.
fn query(value: &str) -> String {
    String::from(js_sys::encode_uri_component(value))
}

impl LoyaltyApi for HttpClient {
    async fn widget(&self) -> Result<WidgetData, ApiError> {
        self.get("/v1/widget").await
    }

    async fn enroll(&self, req: &EnrollmentRequest) -> Result<Member, ApiError> {
        self.post("/v1/enrollments", req, None).await
    }

    async fn redeem(&self, reward_id: &str, key: &str) -> Result<Redemption, ApiError> {
        let req = RedemptionRequest {
            reward_id: reward_id.to_owned(),
        };
        self.post("/v1/redemptions", &req, Some(key)).await
    }

    async fn redemptions(&self) -> Result<RedemptionList, ApiError> {
        self.get("/v1/redemptions").await
    }

    async fn activity(&self, cursor: Option<&str>) -> Result<ActivityPage, ApiError> {
        match cursor {
            Some(c) => {
                self.get(&format!("/v1/activity?limit=10&cursor={}", query(c)))
                    .await
            }
            None => self.get("/v1/activity?limit=10").await,
        }
    }

    async fn action(&self, action: &ActionRequest) -> Result<ActionResult, ApiError> {
        self.post("/v1/actions", action, None).await
    }

    async fn points_preview(
        &self,
        amount: &str,
        currency: &str,
    ) -> Result<PointsPreview, ApiError> {
        let path = format!(
            "/v1/points-preview?amount={}&currency={}",
            query(amount),
            query(currency)
        );
        self.get(&path).await
    }
}
