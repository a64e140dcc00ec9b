use chrono::{DateTime, TimeDelta, Utc};
use serde_json::{Value, json};
use statkonsul::auth::Role;
use statkonsul_tests::{TestApp, spawn_app};

/// `statkonsul jobs run-once --at <at>` against the test's database and SMTP server.
async fn run_jobs(app: &TestApp, at: DateTime<Utc>) -> String {
    // Async, so the test's own SMTP server keeps answering while the command runs.
    let out = tokio::process::Command::new(statkonsul_tests::server_binary())
        .args(["jobs", "run-once", "--at", &at.to_rfc3339()])
        .env("DATABASE_URL", &app.database_url)
        .env("DATA_DIR", app.static_dir.parent().unwrap())
        .env_remove("MEILI_URL")
        .env("SMTP_URL", format!("smtp://127.0.0.1:{}", app.smtp.port))
        .env("MAIL_FROM", "layanan@statkonsul.test")
        .env("PUBLIC_URL", "http://app.statkonsul.test")
        .env("APP_ENV", "dev")
        .env("RUST_LOG", "warn")
        .output()
        .await
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    text
}

async fn answered_by_officer(
    app: &TestApp,
    unit: &str,
) -> (
    statkonsul_tests::TestUser,
    statkonsul_tests::TestUser,
    Value,
    DateTime<Utc>,
) {
    let user = app.public_user().await;
    let officer = app.staff(Role::Officer, Some(unit)).await;
    let c = app.open_consultation(&user, unit).await;
    let base = format!("/api/v1/consultations/{}", c["id"].as_str().unwrap());
    app.post(
        &format!("{base}/claim"),
        Some(officer.access_token.as_str()),
        json!({}),
    )
    .await
    .ok();
    let m = app
        .post(
            &format!("{base}/messages"),
            Some(officer.access_token.as_str()),
            json!({"body": "Mohon jelaskan tahun datanya."}),
        )
        .await;
    let at: DateTime<Utc> = m.ok()["created_at"].as_str().unwrap().parse().unwrap();
    (user, officer, c, at)
}

/// The unit's consultations close after two days of the user's silence (set by an admin).
async fn closes_after_two_days(app: &TestApp, unit: &str) {
    let admin = app.staff(Role::Admin, None).await;
    app.put(
        &format!("/api/v1/units/{unit}/settings"),
        Some(admin.access_token.as_str()),
        json!({"auto_close_after_days": 2, "online_deadline_working_days": 3, "walkin_max_wait_minutes": 10}),
    )
    .await
    .ok();
}

async fn status(app: &TestApp, user: &statkonsul_tests::TestUser, c: &Value) -> Value {
    app.get(
        &format!("/api/v1/consultations/{}", c["id"].as_str().unwrap()),
        Some(user.access_token.as_str()),
    )
    .await
    .ok()
    .clone()
}

#[tokio::test]
async fn a_silent_user_is_warned_a_day_before_and_then_the_consultation_closes_once() {
    let app = spawn_app().await;
    // Banjarnegara closes after 3 silent days.
    let (user, _officer, c, officer_at) = answered_by_officer(&app, "3304").await;

    let early = run_jobs(&app, officer_at + TimeDelta::days(1)).await;
    assert!(early.contains("0 warned, 0 closed"), "{early}");

    let warn = run_jobs(
        &app,
        officer_at + TimeDelta::days(2) + TimeDelta::minutes(1),
    )
    .await;
    assert!(warn.contains("1 warned, 0 closed"), "{warn}");
    let mail = app
        .smtp
        .wait_for(|m| m.to == [user.email.clone()] && m.body().contains("ditutup otomatis"))
        .await;
    assert!(mail.body().contains("WIB"));
    let again = run_jobs(
        &app,
        officer_at + TimeDelta::days(2) + TimeDelta::minutes(2),
    )
    .await;
    assert!(again.contains("0 warned, 0 closed"), "warned once: {again}");

    let close = run_jobs(
        &app,
        officer_at + TimeDelta::days(3) + TimeDelta::minutes(1),
    )
    .await;
    assert!(close.contains("0 warned, 1 closed"), "{close}");
    let after = status(&app, &user, &c).await;
    assert_eq!(after["status"], "closed");
    assert_eq!(after["resolution"], "inactive");
    let twice = run_jobs(&app, officer_at + TimeDelta::days(10)).await;
    assert!(twice.contains("0 warned, 0 closed"), "closes once: {twice}");
}

#[tokio::test]
async fn a_user_who_answered_is_never_closed() {
    let app = spawn_app().await;
    // Pekalongan closes after 7 silent days.
    let (user, _officer, c, officer_at) = answered_by_officer(&app, "3375").await;
    app.post(
        &format!(
            "/api/v1/consultations/{}/messages",
            c["id"].as_str().unwrap()
        ),
        Some(user.access_token.as_str()),
        json!({"body": "Tahun 2025, terima kasih."}),
    )
    .await
    .ok();
    let result = run_jobs(&app, officer_at + TimeDelta::days(30)).await;
    assert!(result.contains("0 warned, 0 closed"), "{result}");
    assert_eq!(status(&app, &user, &c).await["status"], "active");
    let six_days = run_jobs(&app, officer_at + TimeDelta::days(6) + TimeDelta::hours(1)).await;
    assert!(six_days.contains("0 warned"), "{six_days}");
}

#[tokio::test]
async fn the_units_own_setting_decides_when() {
    let app = spawn_app().await;
    closes_after_two_days(&app, "6571").await;
    let (user, _officer, c, officer_at) = answered_by_officer(&app, "6571").await;
    let closed = run_jobs(
        &app,
        officer_at + TimeDelta::days(2) + TimeDelta::minutes(1),
    )
    .await;
    assert!(closed.contains("1 closed"), "{closed}");
    assert_eq!(status(&app, &user, &c).await["resolution"], "inactive");
}

#[tokio::test]
async fn every_due_consultation_closes_however_many_there_are() {
    // More than one batch of the job's reads (200): the run must go on past the first.
    const DUE: usize = 205;
    let app = spawn_app().await;
    closes_after_two_days(&app, "6571").await;
    let user = app.public_user().await;
    let officer = app.staff(Role::Officer, Some("6571")).await;
    let mut opened = Vec::with_capacity(DUE);
    let mut last_officer_at: Option<DateTime<Utc>> = None;
    for _ in 0..DUE {
        let c = app.open_consultation(&user, "6571").await;
        let base = format!("/api/v1/consultations/{}", c["id"].as_str().unwrap());
        let token = Some(officer.access_token.as_str());
        app.post(&format!("{base}/claim"), token, json!({}))
            .await
            .ok();
        let m = app
            .post(
                &format!("{base}/messages"),
                token,
                json!({"body": "Mohon jelaskan tahun datanya."}),
            )
            .await;
        let at: DateTime<Utc> = m.ok()["created_at"].as_str().unwrap().parse().unwrap();
        last_officer_at = Some(last_officer_at.map_or(at, |l| l.max(at)));
        opened.push(c);
    }
    let at = last_officer_at.unwrap() + TimeDelta::days(2) + TimeDelta::minutes(1);
    let result = run_jobs(&app, at).await;
    assert!(result.contains(&format!("{DUE} closed")), "{result}");
    for c in [&opened[0], &opened[DUE / 2], &opened[DUE - 1]] {
        assert_eq!(status(&app, &user, c).await["resolution"], "inactive");
    }
    let again = run_jobs(&app, at).await;
    assert!(again.contains("0 warned, 0 closed"), "{again}");
}

/// The count in a run-once report line, e.g. `3` of "3 warned".
fn reported(out: &str, what: &str) -> usize {
    let before = out
        .split(&format!(" {what}"))
        .next()
        .and_then(|s| s.rsplit(' ').next())
        .unwrap_or_default();
    before
        .parse()
        .unwrap_or_else(|_| panic!("no '{what}' in {out}"))
}

/// Waits (up to 10 s) until every email in the outbox has been sent.
pub(crate) async fn wait_until_the_outbox_is_empty(app: &TestApp) {
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    use statkonsul::entities::outbox_email;
    for _ in 0..200 {
        let unsent = outbox_email::Entity::find()
            .filter(outbox_email::Column::SentAt.is_null())
            .count(&app.state().db)
            .await
            .unwrap();
        if unsent == 0 {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("emails were still unsent after 10 s");
}

/// Several runners started at once on one database (instances, or `jobs run-once` from cron):
/// each timer's effect happens once.
#[tokio::test]
async fn runners_racing_at_one_instant_warn_and_close_once() {
    let app = spawn_app().await;
    let (user, _officer, c, officer_at) = answered_by_officer(&app, "3304").await;
    let warn_at = officer_at + TimeDelta::days(2) + TimeDelta::minutes(1);
    let runs = futures_util::future::join_all((0..4).map(|_| run_jobs(&app, warn_at))).await;
    let warned: usize = runs.iter().map(|out| reported(out, "warned")).sum();
    assert_eq!(warned, 1, "{runs:?}");
    // The warning goes out once, by a runner or by the server's own outbox worker, which polls
    // the same table: wait until nothing is left to send, then count.
    let is_warning = |m: &statkonsul_tests::smtp::Mail| {
        m.to == [user.email.clone()] && m.body().contains("ditutup otomatis")
    };
    app.smtp.wait_for(is_warning).await;
    wait_until_the_outbox_is_empty(&app).await;
    let warnings = app.smtp.all().await.into_iter().filter(is_warning).count();
    assert_eq!(warnings, 1);

    let close_at = officer_at + TimeDelta::days(3) + TimeDelta::minutes(1);
    let runs = futures_util::future::join_all((0..4).map(|_| run_jobs(&app, close_at))).await;
    let closed: usize = runs.iter().map(|out| reported(out, "closed")).sum();
    assert_eq!(closed, 1, "{runs:?}");
    assert_eq!(status(&app, &user, &c).await["status"], "closed");
}

/// One holder of a lease at a time, whoever asks at once; a holder that stops renewing loses it
/// when it runs out.
#[tokio::test]
async fn one_runner_at_a_time_holds_the_timers_and_a_dead_holders_lease_is_taken_over() {
    use statkonsul::jobs::take_lease;
    let app = spawn_app().await;
    let state = app.state();
    let (a, b) = (uuid::Uuid::new_v4(), uuid::Uuid::new_v4());
    let now = Utc::now();
    let ttl = TimeDelta::minutes(3);
    let name = "timers-under-test";
    let (got_a, got_b) = tokio::join!(
        take_lease(state, name, a, now, ttl),
        take_lease(state, name, b, now, ttl)
    );
    let (got_a, got_b) = (got_a.unwrap(), got_b.unwrap());
    assert!(got_a ^ got_b, "exactly one holds it: {got_a} {got_b}");
    let (holder, other) = if got_a { (a, b) } else { (b, a) };
    let later = now + TimeDelta::minutes(1);
    assert!(take_lease(state, name, holder, later, ttl).await.unwrap());
    assert!(!take_lease(state, name, other, later, ttl).await.unwrap());
    // The holder stopped renewing: after the lease ran out, the other takes it.
    let expired = later + ttl + TimeDelta::seconds(1);
    assert!(take_lease(state, name, other, expired, ttl).await.unwrap());
    assert!(!take_lease(state, name, holder, expired, ttl).await.unwrap());
}
