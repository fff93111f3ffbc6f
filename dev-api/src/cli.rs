//! The command line, parsed by clap.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

const ENVIRONMENT: &str = "\
Environment:
  LAUREL_DEV_SECRET  HS256 secret shared with the shop (default: a dev-only secret)
  LAUREL_SHOP_ID     the shop id expected in the token's aud (default: demo-shop)
  RUST_LOG           log filter (default: info)";

/// The reference Laurel loyalty API, for the demo and tests.
#[derive(Debug, Parser)]
#[command(name = "laurel-dev-api", after_help = ENVIRONMENT)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, PartialEq, Eq, Subcommand)]
pub enum Command {
    /// Runs the API on 127.0.0.1 with a freshly seeded in-memory database, or --db FILE.
    Serve(Serve),
    /// Prints a 15-minute token for a seeded customer, as a shop backend would mint it.
    Token {
        /// e.g. cus_maya
        customer: String,
    },
    /// Lists the demo personas and their customer ids.
    Personas,
}

#[derive(Debug, Clone, PartialEq, Eq, Args)]
pub struct Serve {
    /// The API's port.
    #[arg(long, default_value_t = 8787)]
    pub port: u16,
    /// Keep the data in this SQLite file instead of memory.
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// Also serve this directory (the built widget and demo storefront) on --site-port, and
    /// allow that origin in CORS.
    #[arg(long)]
    pub site: Option<PathBuf>,
    #[arg(long, default_value_t = 8080)]
    pub site_port: u16,
    /// Another origin allowed in CORS; may be repeated.
    #[arg(long = "allow-origin")]
    pub allow_origins: Vec<String>,
    /// State-changing requests allowed per customer per minute (default 120).
    #[arg(long)]
    pub rate_limit: Option<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> Result<Command, clap::Error> {
        Cli::try_parse_from(std::iter::once("laurel-dev-api").chain(line.split_whitespace()))
            .map(|c| c.command)
    }

    #[test]
    fn parses_serve_flags() {
        let Ok(Command::Serve(s)) = parse(
            "serve --port 9 --site dist --site-port 10 --allow-origin http://a --db x.db --rate-limit 5",
        ) else {
            panic!("expected serve");
        };
        assert_eq!((s.port, s.site_port, s.rate_limit), (9, 10, Some(5)));
        assert_eq!(s.site, Some(PathBuf::from("dist")));
        assert_eq!(s.db, Some(PathBuf::from("x.db")));
        assert_eq!(s.allow_origins, vec!["http://a".to_owned()]);
        let Ok(Command::Serve(d)) = parse("serve") else {
            panic!("expected serve");
        };
        assert_eq!((d.port, d.site_port, d.rate_limit), (8787, 8080, None));
    }

    #[test]
    fn reports_bad_input() {
        for bad in [
            "serve --port nope",
            "serve --port",
            "serve --wat",
            "token",
            "frobnicate",
            "",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            parse("token cus_maya").ok(),
            Some(Command::Token {
                customer: "cus_maya".into()
            })
        );
    }
}
