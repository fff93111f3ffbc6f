//! Extractors whose rejections are problem+json, never plain text.

use std::collections::HashMap;

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, FromRequestParts, Query, Request};
use axum::http::request::Parts;
use axum::http::StatusCode;
use serde::de::DeserializeOwned;

use crate::problem::ApiProblem;

/// A JSON body; bad JSON, a wrong content type or a body over the limit get a problem.
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiProblem;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(value)) => Ok(Self(value)),
            Err(rejection) => Err(json_problem(&rejection)),
        }
    }
}

fn json_problem(rejection: &JsonRejection) -> ApiProblem {
    match rejection {
        JsonRejection::MissingJsonContentType(_) => ApiProblem::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            laurel_core::wire::problem_type::VALIDATION,
            "Unsupported media type",
            "Send the body as application/json.",
        ),
        JsonRejection::BytesRejection(_) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            ApiProblem::payload_too_large()
        }
        other => ApiProblem::validation(other.body_text()),
    }
}

/// Query parameters as strings; each handler validates its own.
pub struct Params(pub HashMap<String, String>);

impl<S: Send + Sync> FromRequestParts<S> for Params {
    type Rejection = ApiProblem;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Query::<HashMap<String, String>>::from_request_parts(parts, state)
            .await
            .map(|Query(q)| Self(q))
            .map_err(|e| ApiProblem::validation(e.body_text()))
    }
}
