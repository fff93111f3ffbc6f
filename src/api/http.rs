use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use laurel_core::decode::{decode, FromJson};
use laurel_core::encode::ToJson;
use leptos::prelude::set_timeout_with_handle;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, Request, RequestCredentials, RequestInit, Response};

use super::*;

/// The loyalty API over `fetch`, with a timeout on every call. Only decoding is generic, so the
/// transport is compiled once rather than once per response type.
#[derive(Debug, Clone)]
pub struct HttpClient {
    base: String,
    token: Option<String>,
    timeout: Duration,
}

fn js_text(e: JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "fetch failed".into())
}

impl HttpClient {
    pub fn new(base: &str, token: Option<String>, timeout_ms: u32) -> Self {
        Self {
            base: base.trim_end_matches('/').to_owned(),
            token,
            timeout: Duration::from_millis(u64::from(timeout_ms)),
        }
    }

    fn request(
        &self,
        path: &str,
        body: Option<&str>,
        idempotency_key: Option<&str>,
        signal: &web_sys::AbortSignal,
    ) -> Result<Request, JsValue> {
        let headers = Headers::new()?;
        headers.set("Accept", "application/json")?;
        if let Some(token) = &self.token {
            headers.set("Authorization", &format!("Bearer {token}"))?;
        }
        if body.is_some() {
            headers.set("Content-Type", "application/json")?;
        }
        if let Some(key) = idempotency_key {
            headers.set("Idempotency-Key", key)?;
        }
        let init = RequestInit::new();
        init.set_method(if body.is_some() { "POST" } else { "GET" });
        init.set_headers(&headers);
        // The token goes in a header, never with the page's cookies.
        init.set_credentials(RequestCredentials::Omit);
        init.set_signal(Some(signal));
        if let Some(b) = body {
            init.set_body(&JsValue::from_str(b));
        }
        Request::new_with_str_and_init(&format!("{}{path}", self.base), &init)
    }

    /// Sends the request, aborting it after the timeout; a success body as text.
    async fn call(
        &self,
        path: &str,
        body: Option<&str>,
        idempotency_key: Option<&str>,
    ) -> Result<String, ApiError> {
        let controller = AbortController::new().map_err(|e| ApiError::Network(js_text(e)))?;
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
        let result = match self.request(path, body, idempotency_key, &controller.signal()) {
            Ok(request) => send(request).await,
            Err(e) => Err(ApiError::Network(js_text(e))),
        };
        if let Some(t) = timer {
            t.clear();
        }
        match result {
            Err(_) if timed_out.get() => Err(ApiError::Timeout),
            other => other,
        }
    }

    async fn get<T: FromJson>(&self, path: &str) -> Result<T, ApiError> {
        let text = self.call(path, None, None).await?;
        parse(&text)
    }

    async fn post<T: FromJson>(
        &self,
        path: &str,
        body: &impl ToJson,
        idempotency_key: Option<&str>,
    ) -> Result<T, ApiError> {
        let text = self
            .call(path, Some(&body.to_json()), idempotency_key)
            .await?;
        decode(&text).map_err(|e| ApiError::Decode(e.to_string()))
    }
}

impl HttpClient {
    /// `GET /v1/widget` answered by the request the loader sent before the wasm arrived, under
    /// the same timeout: the loader resolves it to the response, `"timeout"`, or null on any
    /// other failure, when the client asks again itself.
    pub async fn widget_from(&self, prefetched: js_sys::Promise) -> Result<WidgetData, ApiError> {
        let answer = JsFuture::from(prefetched).await.unwrap_or(JsValue::NULL);
        if answer.as_string().as_deref() == Some("timeout") {
            return Err(ApiError::Timeout);
        }
        match answer.dyn_into::<Response>() {
            Ok(response) => decode_widget(&read(response).await?),
            Err(_) => self.widget().await,
        }
    }
}

fn parse<T: FromJson>(text: &str) -> Result<T, ApiError> {
    decode(text).map_err(|e| ApiError::Decode(e.to_string()))
}

/// The first render's data. One copy for the client, the loader's request and the cache: the
/// decoder of the largest type is worth not inlining three times.
#[inline(never)]
pub fn decode_widget(text: &str) -> Result<WidgetData, ApiError> {
    parse(text)
}

async fn text(response: &Response) -> Result<String, ApiError> {
    let promise = response.text().map_err(|e| ApiError::Network(js_text(e)))?;
    // A body cut off by the abort is a network failure; `call` turns it into a timeout.
    JsFuture::from(promise)
        .await
        .map_err(|e| ApiError::Network(js_text(e)))?
        .as_string()
        .ok_or_else(|| ApiError::Decode("the body is not text".into()))
}

async fn send(request: Request) -> Result<String, ApiError> {
    let window = web_sys::window().ok_or_else(|| ApiError::Network("no window".into()))?;
    let response: Response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|e| ApiError::Network(js_text(e)))?
        .dyn_into()
        .map_err(|_| ApiError::Network("fetch gave no response".into()))?;
    read(response).await
}

/// A success body as text, or the status with its problem+json.
async fn read(response: Response) -> Result<String, ApiError> {
    if !response.ok() {
        let status = response.status();
        let problem = match text(&response).await {
            Ok(body) => decode::<Problem>(&body).ok(),
            Err(_) => None,
        };
        return Err(ApiError::Status { status, problem });
    }
    text(&response).await
}

/// Percent-encodes a query value.
fn query(value: &str) -> String {
    String::from(js_sys::encode_uri_component(value))
}

impl LoyaltyApi for HttpClient {
    async fn widget(&self) -> Result<WidgetData, ApiError> {
        decode_widget(&self.call("/v1/widget", None, None).await?)
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
