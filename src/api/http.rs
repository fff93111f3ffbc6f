use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use gloo_net::http::{Request, Response};
use leptos::prelude::set_timeout_with_handle;
use serde::de::DeserializeOwned;
use web_sys::AbortController;

use super::{ApiError, LoyaltyApi, Problem, WidgetData};

/// The loyalty API over `fetch`.
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

    async fn get_json<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
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
        let result = self.fetch_json(path, &controller).await;
        if let Some(t) = timer {
            t.clear();
        }
        match result {
            Err(_) if timed_out.get() => Err(ApiError::Timeout),
            other => other,
        }
    }

    async fn fetch_json<T: DeserializeOwned>(
        &self,
        path: &str,
        controller: &AbortController,
    ) -> Result<T, ApiError> {
        let signal = controller.signal();
        let mut request = Request::get(&format!("{}{path}", self.base))
            .header("Accept", "application/json")
            .abort_signal(Some(&signal));
        if let Some(token) = &self.token {
            request = request.header("Authorization", &format!("Bearer {token}"));
        }
        let response = request
            .send()
            .await
            .map_err(|e| ApiError::Network(e.to_string()))?;
        if !response.ok() {
            return Err(status_error(response).await);
        }
        response
            .json::<T>()
            .await
            .map_err(|e| ApiError::Decode(e.to_string()))
    }
}

async fn status_error(response: Response) -> ApiError {
    let status = response.status();
    let problem = response.json::<Problem>().await.ok();
    ApiError::Status { status, problem }
}

impl LoyaltyApi for HttpClient {
    async fn widget(&self) -> Result<WidgetData, ApiError> {
        self.get_json("/v1/widget").await
    }
}
