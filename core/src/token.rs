//! What the widget may read from a shopper's token without being able to verify it: when it
//! expires, so that it can ask for a fresh one in time. The API verifies; this only schedules.

/// The lifetime of a digest token (`ld1.<customer>.<iat>.<hex>`), from its `iat`.
pub const DIGEST_LIFETIME_SECS: i64 = 15 * 60;

/// Unix seconds at which `token` expires: a JWT's `exp`, or a digest token's `iat` plus its
/// lifetime. `None` for anything else.
pub fn expires_at(token: &str) -> Option<i64> {
    let mut parts = crate::text::split(token, b'.');
    let first = parts.next()?;
    let second = parts.next()?;
    if first == "ld1" {
        let iat = i64::try_from(crate::text::number(parts.next()?)?).ok()?;
        return Some(iat.saturating_add(DIGEST_LIFETIME_SECS));
    }
    let payload = base64url(second)?;
    number_after(std::str::from_utf8(&payload).ok()?, "\"exp\"")
}

/// The whole number after `key` and a colon in JSON text: enough to schedule a renewal, and
/// no JSON parser in the wasm for it.
fn number_after(json: &str, key: &str) -> Option<i64> {
    let rest = json[crate::text::find(json, key)? + key.len()..].trim_ascii_start();
    let rest = rest.strip_prefix(':')?.trim_ascii_start();
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 15 {
        return None;
    }
    i64::try_from(crate::text::number(&rest[..digits])?).ok()
}

/// Decodes unpadded base64url.
fn base64url(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let mut acc = 0u32;
    let mut bits = 0;
    for c in s.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_jwt_exp_and_a_digest_tokens_lifetime() {
        // {"alg":"HS256"} . {"sub":"cus_1","exp":1800000900} . signature
        let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjdXNfMSIsImV4cCI6MTgwMDAwMDkwMH0.c2ln";
        assert_eq!(expires_at(jwt), Some(1_800_000_900));
        assert_eq!(
            expires_at("ld1.7012345.1800000000.abcd"),
            Some(1_800_000_900)
        );
    }

    #[test]
    fn anything_else_has_no_known_expiry() {
        for t in [
            "",
            "opaque",
            "a.b.c",
            "eyJhbGciOiJIUzI1NiJ9.e30.c2ln",
            "ld1.x.soon.ab",
        ] {
            assert_eq!(expires_at(t), None, "{t}");
        }
    }
}
