//! Who is asking: a guest, or a customer named by a verified bearer token.

use axum::http::{header, HeaderMap};

use crate::digest;
use crate::jwt::{self, JwtError};
use crate::problem::ApiProblem;
use crate::Settings;

/// The customer id from `Authorization: Bearer`, `None` without the header (a guest).
pub fn viewer(settings: &Settings, headers: &HeaderMap) -> Result<Option<String>, ApiProblem> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let token = value
        .to_str()
        .ok()
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| ApiProblem::unauthenticated("Use 'Authorization: Bearer <token>'."))?;
    let now = crate::now();
    let verified = if token.starts_with(digest::PREFIX) {
        digest::verify(&settings.secret, token, &settings.shop_id, now)
    } else {
        jwt::verify(&settings.secret, token, &settings.shop_id, now).map(|c| c.sub)
    };
    match verified {
        Ok(customer) => Ok(Some(customer)),
        Err(JwtError::Expired) => Err(ApiProblem::token_expired()),
        Err(e) => Err(ApiProblem::unauthenticated(&format!(
            "The token was rejected: {e:?}."
        ))),
    }
}

/// Like [`viewer`], but a guest is refused.
pub fn customer(settings: &Settings, headers: &HeaderMap) -> Result<String, ApiProblem> {
    viewer(settings, headers)?
        .ok_or_else(|| ApiProblem::unauthenticated("This endpoint needs a shopper token."))
}
