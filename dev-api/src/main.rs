use std::net::{Ipv4Addr, SocketAddr};
use std::process::ExitCode;

use clap::Parser;
use laurel_dev_api::app;
use laurel_dev_api::cli::{Cli, Command, Serve};
use laurel_dev_api::site::{self, SiteState};
use laurel_dev_api::state::AppState;
use laurel_dev_api::{db, seed, Settings};
use tracing_subscriber::EnvFilter;

fn settings_from_env() -> Settings {
    let mut s = Settings::default();
    if let Ok(secret) = std::env::var("LAUREL_DEV_SECRET") {
        s.secret = secret.into_bytes();
    }
    if let Ok(shop) = std::env::var("LAUREL_SHOP_ID") {
        s.shop_id = shop;
    }
    s
}

fn apply_serve_options(settings: &mut Settings, opts: &Serve) {
    settings.shop_url = format!("http://127.0.0.1:{}", opts.site_port);
    if let Some(limit) = opts.rate_limit {
        settings.rate_limit_per_minute = limit;
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Personas => {
            for (name, id) in seed::PERSONAS {
                println!("{name}\t{}", id.unwrap_or("(guest, no token)"));
            }
        }
        Command::Token { customer } => {
            println!(
                "{}",
                site::mint(&settings_from_env(), &customer, laurel_dev_api::now())
            );
        }
        Command::Serve(opts) => {
            tracing_subscriber::fmt()
                .with_env_filter(
                    EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
                )
                .init();
            if let Err(e) = serve(opts).await {
                tracing::error!(error = %e, "dev API stopped");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}

async fn serve(opts: Serve) -> Result<(), Box<dyn std::error::Error>> {
    let mut conn = db::open(opts.db.as_deref())?;
    seed::seed(&mut conn, laurel_dev_api::now())?;
    let mut settings = settings_from_env();
    apply_serve_options(&mut settings, &opts);
    let api_addr = SocketAddr::from((Ipv4Addr::LOCALHOST, opts.port));
    let api_base = format!("http://{api_addr}");
    let mut origins = opts.allow_origins.clone();
    if opts.site.is_some() {
        origins.push(format!("http://127.0.0.1:{}", opts.site_port));
        origins.push(format!("http://localhost:{}", opts.site_port));
    }
    let state = AppState::new(conn, settings);
    let api = app::router(state.clone(), &origins);
    let listener = tokio::net::TcpListener::bind(api_addr).await?;
    tracing::info!(%api_base, ?origins, "loyalty API listening");
    let api_task = tokio::spawn(async move {
        axum::serve(listener, api)
            .with_graceful_shutdown(shutdown())
            .await
    });

    if let Some(dir) = opts.site {
        let site_addr = SocketAddr::from((Ipv4Addr::LOCALHOST, opts.site_port));
        let router = site::router(SiteState {
            dir,
            api_base,
            settings: state.settings.clone(),
        });
        let listener = tokio::net::TcpListener::bind(site_addr).await?;
        tracing::info!(url = %format!("http://{site_addr}/"), "demo storefront listening");
        axum::serve(listener, router)
            .with_graceful_shutdown(shutdown())
            .await?;
    }
    api_task.await??;
    tracing::info!("shut down cleanly");
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM.
async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
