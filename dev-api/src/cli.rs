//! Command-line parsing, by hand to keep the build lean.

use std::path::PathBuf;

pub const USAGE: &str = "\
laurel-dev-api: the reference Laurel loyalty API, for the demo and tests

USAGE:
  laurel-dev-api serve [--port 8787] [--db FILE] [--site DIR] [--site-port 8080]
                       [--allow-origin ORIGIN]... [--rate-limit N]
  laurel-dev-api token CUSTOMER_ID
  laurel-dev-api personas

serve        runs the API on 127.0.0.1 with a freshly seeded in-memory database, or FILE.
             --site also serves DIR (the built widget and demo storefront) on --site-port,
             and allows that origin in CORS. --rate-limit caps state-changing requests per
             customer per minute (default 120).
token        prints a 15-minute token for a seeded customer, as a shop backend would mint it.
personas     lists the demo personas and their customer ids.

ENVIRONMENT:
  LAUREL_DEV_SECRET  HS256 secret shared with the shop (default: a dev-only secret)
  LAUREL_SHOP_ID     the shop id expected in the token's aud (default: demo-shop)
  RUST_LOG           log filter (default: info)";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Serve {
    pub port: u16,
    pub db: Option<PathBuf>,
    pub site: Option<PathBuf>,
    pub site_port: u16,
    pub allow_origins: Vec<String>,
    pub rate_limit: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Serve(Serve),
    Token { customer: String },
    Personas,
    Help,
}

pub fn parse(args: &[String]) -> Result<Command, String> {
    let mut it = args.iter();
    match it.next().map(String::as_str) {
        None | Some("-h" | "--help" | "help") => Ok(Command::Help),
        Some("personas") => Ok(Command::Personas),
        Some("token") => {
            let customer = it.next().ok_or("token needs a CUSTOMER_ID")?.clone();
            Ok(Command::Token { customer })
        }
        Some("serve") => {
            let mut serve = Serve {
                port: 8787,
                db: None,
                site: None,
                site_port: 8080,
                allow_origins: Vec::new(),
                rate_limit: None,
            };
            while let Some(flag) = it.next() {
                let mut value = || it.next().cloned().ok_or(format!("{flag} needs a value"));
                match flag.as_str() {
                    "--port" => serve.port = port(&value()?)?,
                    "--site-port" => serve.site_port = port(&value()?)?,
                    "--db" => serve.db = Some(PathBuf::from(value()?)),
                    "--site" => serve.site = Some(PathBuf::from(value()?)),
                    "--allow-origin" => serve.allow_origins.push(value()?),
                    "--rate-limit" => {
                        let v = value()?;
                        serve.rate_limit =
                            Some(v.parse().map_err(|_| format!("not a count: {v}"))?);
                    }
                    other => return Err(format!("unknown flag {other}")),
                }
            }
            Ok(Command::Serve(serve))
        }
        Some(other) => Err(format!("unknown command {other}")),
    }
}

fn port(v: &str) -> Result<u16, String> {
    v.parse().map_err(|_| format!("not a port: {v}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn parses_serve_flags() {
        let Ok(Command::Serve(s)) = parse(&args(
            "serve --port 9 --site dist --site-port 10 --allow-origin http://a --db x.db",
        )) else {
            panic!("expected serve");
        };
        assert_eq!((s.port, s.site_port), (9, 10));
        assert_eq!(s.site, Some(PathBuf::from("dist")));
        assert_eq!(s.db, Some(PathBuf::from("x.db")));
        assert_eq!(s.allow_origins, vec!["http://a".to_owned()]);
    }

    #[test]
    fn reports_bad_input() {
        assert!(parse(&args("serve --port nope")).is_err());
        assert!(parse(&args("serve --port")).is_err());
        assert!(parse(&args("serve --wat")).is_err());
        assert!(parse(&args("token")).is_err());
        assert!(parse(&args("frobnicate")).is_err());
        assert_eq!(parse(&[]), Ok(Command::Help));
    }
}
