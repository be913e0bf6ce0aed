//! `serve`: the Telegram bot (long polling, or a webhook).

use std::process::ExitCode;
use std::sync::Arc;

use widunetz_bot::conversation::{ChatKey, Config};
use widunetz_bot::store::Store;
use widunetz_bot::{Error, telegram};

use super::Env;
use super::args::{GlobalArgs, ServeArgs};

pub fn run(g: &GlobalArgs, opts: &ServeArgs, env: Env) -> Result<ExitCode, Error> {
    let webhook = match (&opts.webhook_url, opts.listen) {
        (Some(u), Some(listen)) => Some(telegram::Webhook {
            listen,
            url: u
                .parse()
                .map_err(|_| Error::Usage(format!("--webhook-url: not a URL: {u:?}")))?,
            // A fixed secret survives restarts; without one teloxide generates a random one.
            secret: env.webhook_secret,
        }),
        _ => None,
    };
    let Some(token) = env.token else {
        return Err(Error::Usage(
            "serve: set TELOXIDE_TOKEN (the token from @BotFather) or TELOXIDE_TOKEN_FILE".into(),
        ));
    };
    let data = g.data(&opts.data);
    // One bot per data folder: a second one would fetch and answer the same questions.
    let _lock = widunetz_bot::store::lock_data_dir(&data)?;
    let (live, _watch) = super::load_live(g, &opts.content, &opts.watch)?;
    // A damaged database is moved aside (and reported) rather than keeping the bot down.
    let (store, _moved) = Store::open_or_recover(&data)?;
    // Expired questions go even if nobody asks anything today (or recording is now off).
    let today = store.today()?;
    store.purge_unanswered(&today, opts.record.keep_unanswered_days)?;
    let rt = tokio::runtime::Runtime::new().map_err(Error::Runtime)?;
    rt.block_on(async {
        let api = std::env::var("TELOXIDE_API_URL").ok();
        let bot = telegram::make_bot(token, api.as_deref())?;
        let config = Config {
            admins: opts.admins.iter().copied().map(ChatKey).collect(),
            record_unanswered: !opts.record.no_record_unanswered,
            keep_unanswered_days: opts.record.keep_unanswered_days,
        };
        let state = Arc::new(telegram::State::with_config(live, store, config));
        tracing::info!("Telegram bot started");
        telegram::run_with(bot, state, webhook, telegram::signals()).await
    })?;
    Ok(ExitCode::SUCCESS)
}
