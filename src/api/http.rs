use std::cell::{Cell, RefCell};
use std::rc::Rc;

use laurel_core::decode::FromJson;
use laurel_core::encode::ToJson;
use laurel_core::json::Json;
use laurel_core::retry::{delay_ms, Outcome};
use laurel_core::text::concat;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, Request, RequestCredentials, RequestInit, Response};

use super::*;

/// The loyalty API over `fetch`: a timeout on every call, retries where repeating is safe, and
/// a token renewed from the shop's token endpoint on a 401. Clones share the token, so a
/// renewal serves every widget. Only decoding is generic, so the transport is compiled once.
#[derive(Debug, Clone)]
pub struct HttpClient {
    base: String,
    token: Rc<RefCell<Option<String>>>,
    token_url: Option<String>,
    timeout_ms: f64,
}

fn js_text(e: JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "fetch failed".into())
}

/// How a try ended: the body, or the failure with any `Retry-After`.
type Tried = (Result<String, ApiError>, Option<String>);

/// A request to send: to the API, or to the shop's token endpoint.
struct Outgoing<'a> {
    url: String,
    body: Option<&'a str>,
    idempotency_key: Option<&'a str>,
    token: Option<String>,
    to_api: bool,
}

impl HttpClient {
    pub fn new(
        base: &str,
        token: Option<String>,
        token_url: Option<String>,
        timeout_ms: u32,
    ) -> Self {
        Self {
            base: base.trim_end_matches('/').to_owned(),
            token: Rc::new(RefCell::new(token)),
            token_url,
            timeout_ms: f64::from(timeout_ms),
        }
    }

    /// The shopper's current token.
    pub fn token(&self) -> Option<String> {
        self.token.borrow().clone()
    }

    /// Whether the shop gave a token endpoint to renew from.
    pub fn renews(&self) -> bool {
        self.token_url.is_some()
    }

    fn request(out: &Outgoing, signal: &web_sys::AbortSignal) -> Result<Request, JsValue> {
        let headers = Headers::new()?;
        headers.set("Accept", "application/json")?;
        if let Some(token) = &out.token {
            headers.set("Authorization", &concat(&["Bearer ", token]))?;
        }
        if out.body.is_some() {
            headers.set("Content-Type", "application/json")?;
        }
        if let Some(key) = out.idempotency_key {
            headers.set("Idempotency-Key", key)?;
        }
        let init = RequestInit::new();
        init.set_method(if out.body.is_some() { "POST" } else { "GET" });
        init.set_headers(&headers);
        // The API gets the token in a header, never the page's cookies; the shop's own token
        // endpoint gets its cookies, which is how it knows the shopper.
        if out.to_api {
            init.set_credentials(RequestCredentials::Omit);
        }
        init.set_signal(Some(signal));
        if let Some(b) = out.body {
            init.set_body(&JsValue::from_str(b));
        }
        Request::new_with_str_and_init(&out.url, &init)
    }

    /// One try, aborted after the timeout: the body, or the failure with any `Retry-After`.
    async fn attempt(&self, out: &Outgoing<'_>) -> Tried {
        let controller = match AbortController::new() {
            Ok(c) => c,
            Err(e) => return (Err(ApiError::Network(js_text(e))), None),
        };
        let timed_out = Rc::new(Cell::new(false));
        let timer = {
            let (controller, timed_out) = (controller.clone(), timed_out.clone());
            crate::browser::timer::after(self.timeout_ms, move || {
                timed_out.set(true);
                controller.abort();
            })
        };
        let result = match Self::request(out, &controller.signal()) {
            Ok(request) => send(request).await,
            Err(e) => (Err(ApiError::Network(js_text(e))), None),
        };
        timer.clear();
        match result {
            (Err(_), _) if timed_out.get() => (Err(ApiError::Timeout), None),
            other => other,
        }
    }

    /// Sends to the API, retrying what is safe to repeat, and renewing the token once on a 401.
    /// `first` is the outcome of a first try made elsewhere (the loader's request), if any.
    async fn call(
        &self,
        path: &str,
        body: Option<&str>,
        idempotency_key: Option<&str>,
        mut first: Option<Tried>,
    ) -> Result<String, ApiError> {
        let repeatable = body.is_none() || idempotency_key.is_some();
        let mut renewed = false;
        let mut tries = 1;
        loop {
            let out = Outgoing {
                url: concat(&[&self.base, path]),
                body,
                idempotency_key,
                token: self.token(),
                to_api: true,
            };
            let (result, retry_after) = match first.take() {
                Some(tried) => tried,
                None => self.attempt(&out).await,
            };
            let error = match result {
                Ok(text) => return Ok(text),
                Err(e) => e,
            };
            let outcome = match &error {
                // Renewed once; a token refused again means the shop has signed the shopper out.
                ApiError::Status { status: 401, .. } if self.renews() && out.token.is_some() => {
                    if !std::mem::replace(&mut renewed, true) && self.renew().await {
                        continue;
                    }
                    *self.token.borrow_mut() = None;
                    return Err(ApiError::SignedOut);
                }
                ApiError::Status { status, .. } => Outcome::Status(*status),
                ApiError::Network(_) | ApiError::Timeout => Outcome::NoAnswer,
                _ => return Err(error),
            };
            tries += 1;
            let now = (js_sys::Date::now() / 1000.0) as i64;
            let wait = delay_ms(
                tries,
                outcome,
                repeatable,
                retry_after.as_deref(),
                now,
                js_sys::Math::random(),
            );
            match wait {
                Some(ms) => crate::browser::timer::sleep(ms as f64).await,
                None => return Err(error),
            }
        }
    }

    /// Asks the shop's token endpoint for a fresh token: `true` when it gave one. Anything else
    /// (no shopper, an error) leaves the client without a token.
    pub async fn renew(&self) -> bool {
        let Some(url) = self.token_url.clone() else {
            return false;
        };
        let out = Outgoing {
            url,
            body: None,
            idempotency_key: None,
            token: None,
            to_api: false,
        };
        let fresh = match self.attempt(&out).await.0 {
            Ok(text) => match super::json_value::parse(&text)
                .ok()
                .as_ref()
                .and_then(|v| v.get("token"))
            {
                Some(Json::Str(t)) if !t.is_empty() => Some(t.clone()),
                _ => None,
            },
            Err(_) => None,
        };
        let renewed = fresh.is_some();
        *self.token.borrow_mut() = fresh;
        renewed
    }

    async fn get<T: FromJson>(&self, path: &str) -> Result<T, ApiError> {
        let text = self.call(path, None, None, None).await?;
        parse(&text)
    }

    async fn post<T: FromJson>(
        &self,
        path: &str,
        body: &impl ToJson,
        idempotency_key: Option<&str>,
    ) -> Result<T, ApiError> {
        let text = self
            .call(path, Some(&body.to_json()), idempotency_key, None)
            .await?;
        parse(&text)
    }
}

impl HttpClient {
    /// `GET /v1/widget` whose first try is the request the loader sent before the wasm arrived:
    /// it resolves to the response, `"timeout"`, or null on any other failure. Retries and
    /// renewal follow as for any call.
    pub async fn widget_from(&self, prefetched: js_sys::Promise) -> Result<WidgetData, ApiError> {
        let answer = JsFuture::from(prefetched).await.unwrap_or(JsValue::NULL);
        let first = match answer.dyn_into::<Response>() {
            Ok(response) => read(response).await,
            Err(v) if v.as_string().as_deref() == Some("timeout") => (Err(ApiError::Timeout), None),
            Err(_) => (Err(ApiError::Network("no answer".into())), None),
        };
        let text = self.call("/v1/widget", None, None, Some(first)).await?;
        decode_widget(&text)
    }
}

fn parse<T: FromJson>(text: &str) -> Result<T, ApiError> {
    T::from_json(&super::json_value::parse(text)?).map_err(|e| ApiError::Decode(e.message()))
}

/// The first render's data. One copy for the client, the loader's request and the cache: the
/// decoder of the largest type is worth not inlining three times.
#[inline(never)]
pub fn decode_widget(text: &str) -> Result<WidgetData, ApiError> {
    parse(text)
}

async fn text(response: &Response) -> Result<String, ApiError> {
    let promise = response.text().map_err(|e| ApiError::Network(js_text(e)))?;
    // A body cut off by the abort is a network failure; `attempt` turns it into a timeout.
    JsFuture::from(promise)
        .await
        .map_err(|e| ApiError::Network(js_text(e)))?
        .as_string()
        .ok_or_else(|| ApiError::Decode("the body is not text".into()))
}

async fn send(request: Request) -> Tried {
    let Some(window) = web_sys::window() else {
        return (Err(ApiError::Network("no window".into())), None);
    };
    let response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|e| ApiError::Network(js_text(e)))
        .and_then(|r| {
            r.dyn_into::<Response>()
                .map_err(|_| ApiError::Network("fetch gave no response".into()))
        });
    match response {
        Ok(r) => read(r).await,
        Err(e) => (Err(e), None),
    }
}

/// A success body as JSON text; or the status with its problem+json and any `Retry-After`.
async fn read(response: Response) -> Tried {
    let header = |name: &str| response.headers().get(name).ok().flatten();
    if !response.ok() {
        let status = response.status();
        let problem = match text(&response).await {
            Ok(body) => parse::<Problem>(&body).ok(),
            Err(_) => None,
        };
        return (
            Err(ApiError::Status { status, problem }),
            header("retry-after"),
        );
    }
    let kind = header("content-type").unwrap_or_default();
    if laurel_core::text::find(&kind, "json").is_none() {
        // Shown as "unexpected response: text/html".
        return (Err(ApiError::Decode(kind)), None);
    }
    (text(&response).await, None)
}

/// Percent-encodes a query value.
fn query(value: &str) -> String {
    String::from(js_sys::encode_uri_component(value))
}

impl LoyaltyApi for HttpClient {
    async fn widget(&self) -> Result<WidgetData, ApiError> {
        decode_widget(&self.call("/v1/widget", None, None, None).await?)
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
                self.get(&concat(&["/v1/activity?limit=10&cursor=", &query(c)]))
                    .await
            }
            None => self.get("/v1/activity?limit=10").await,
        }
    }

    async fn action(&self, action: &ActionRequest) -> Result<ActionResult, ApiError> {
        self.post("/v1/actions", action, None).await
    }

    async fn points_preview(&self, pairs: &[(&str, String)]) -> Result<PointsPreview, ApiError> {
        let mut path = String::from("/v1/points-preview");
        let mut sep = '?';
        for (name, value) in pairs {
            path.push(sep);
            path.push_str(name);
            path.push('=');
            path.push_str(&query(value));
            sep = '&';
        }
        self.get(&path).await
    }
}
