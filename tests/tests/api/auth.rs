use chrono::{Duration, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
use serde_json::json;
use statkonsul::entities::email_token;
use statkonsul_tests::spawn_app;

const PASSWORD: &str = "Kopi-Tubruk-2026";

#[tokio::test]
async fn register_verify_and_login_works_end_to_end() {
    let app = spawn_app().await;
    let reply = app.register("Siti.Rahma@Example.ID", PASSWORD).await;
    assert_eq!(reply.status, 202, "{}", reply.text);
    assert_eq!(reply.body, json!({"email": "siti.rahma@example.id"}));

    let mail = app
        .smtp
        .wait_for(|m| m.to == ["siti.rahma@example.id"])
        .await;
    assert_eq!(
        mail.header("Subject").unwrap(),
        "Verifikasi alamat email Anda"
    );
    assert!(mail.body().contains("Halo Siti Rahma"));

    let before = app.login("siti.rahma@example.id", PASSWORD).await;
    before.problem(403, "email_not_verified");

    let token = app
        .mailed_token("siti.rahma@example.id", "/verify-email")
        .await;
    let verified = app
        .post("/api/v1/auth/verify-email", None, json!({"token": token}))
        .await;
    assert_eq!(verified.ok()["email_verified"], true);

    let login = app.login("SITI.RAHMA@example.id", PASSWORD).await;
    let body = login.ok();
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 900);
    let me = app.get("/api/v1/me", body["access_token"].as_str()).await;
    assert_eq!(me.ok()["email"], "siti.rahma@example.id");
}

/// Registering with an address that has an account answers exactly as for a new one, so nobody
/// learns who has an account; the owner is told by email, and the account does not change.
#[tokio::test]
async fn registering_a_known_address_answers_alike_and_tells_its_owner() {
    let app = spawn_app().await;
    let owner = app.public_user().await;
    let fresh = app.register("baru@example.id", PASSWORD).await;
    let known = app
        .register(
            &format!("  {} ", owner.email.to_uppercase()),
            "Teh-Manis-Sore-2026",
        )
        .await;
    assert_eq!((fresh.status.as_u16(), known.status.as_u16()), (202, 202));
    assert_eq!(known.body, json!({"email": owner.email}));
    let keys = |v: &serde_json::Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&fresh.body), keys(&known.body));
    let notice = app
        .smtp
        .wait_for(|m| m.to == [owner.email.clone()] && m.body().contains("mencoba mendaftar"))
        .await;
    assert_eq!(
        notice.header("Subject").unwrap(),
        "Pendaftaran dengan alamat email Anda"
    );
    assert!(notice.body().contains("/forgot-password"));
    assert!(!notice.body().contains("/verify-email"));
    // The password did not change and the owner's session still works.
    app.login(&owner.email, &owner.password).await.ok();
    app.login(&owner.email, "Teh-Manis-Sore-2026")
        .await
        .problem(401, "invalid_credentials");
    app.get("/api/v1/me", Some(&owner.access_token)).await.ok();
}

#[tokio::test]
async fn register_rejects_weak_passwords_and_bad_fields_without_creating_anything() {
    let app = spawn_app().await;
    for weak in [
        "short1!",
        "password12345",
        "aaaaaaaaaaaa",
        "1234567890",
        "Bismillah2026!",
        "SitiRahma2026",
    ] {
        app.register("weak@example.id", weak)
            .await
            .field_error("password");
    }
    let reply = app
        .post(
            "/api/v1/auth/register",
            None,
            json!({"email": "not-an-email", "password": PASSWORD, "full_name": " ", "phone": "call me"}),
        )
        .await;
    reply.field_error("email");
    reply.field_error("full_name");
    reply.field_error("phone");
    // Nothing was written: the address is still free, and a strong password that merely
    // contains a common word is welcome.
    assert_eq!(
        app.register("weak@example.id", "Rahasia-Kuat-2026!")
            .await
            .status,
        202
    );
    let token = app.mailed_token("weak@example.id", "/verify-email").await;
    assert!(!token.is_empty());
}

#[tokio::test]
async fn a_verification_link_works_once_and_bad_tokens_are_refused() {
    let app = spawn_app().await;
    app.register("once@example.id", PASSWORD).await.ok();
    let token = app.mailed_token("once@example.id", "/verify-email").await;
    app.post("/api/v1/auth/verify-email", None, json!({"token": token}))
        .await
        .ok();
    app.post("/api/v1/auth/verify-email", None, json!({"token": token}))
        .await
        .problem(400, "invalid_token");
    app.post(
        "/api/v1/auth/verify-email",
        None,
        json!({"token": "deadbeef"}),
    )
    .await
    .problem(400, "invalid_token");
    app.post("/api/v1/auth/verify-email", None, json!({"token": ""}))
        .await
        .field_error("token");
}

#[tokio::test]
async fn resend_verification_answers_the_same_and_sends_only_to_unverified_accounts() {
    let app = spawn_app().await;
    app.register("late@example.id", PASSWORD).await.ok();
    let first = app.mailed_token("late@example.id", "/verify-email").await;
    let unknown = app
        .post(
            "/api/v1/auth/resend-verification",
            None,
            json!({"email": "nobody@example.id"}),
        )
        .await;
    assert_eq!(unknown.status, 202);
    let known = app
        .post(
            "/api/v1/auth/resend-verification",
            None,
            json!({"email": "late@example.id"}),
        )
        .await;
    assert_eq!(known.status, 202);
    let second_mail = app
        .smtp
        .wait_for(|m| m.to == ["late@example.id"] && !m.body().contains(&first))
        .await;
    assert!(second_mail.body().contains("/verify-email?token="));
    let second = app.mailed_token("late@example.id", "/verify-email").await;
    assert_ne!(first, second, "a new link was mailed");
    app.post("/api/v1/auth/verify-email", None, json!({"token": second}))
        .await
        .ok();
    assert!(
        app.smtp
            .all()
            .await
            .iter()
            .all(|m| m.to != ["nobody@example.id"])
    );
}

#[tokio::test]
async fn login_with_a_wrong_password_or_unknown_email_is_401() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    app.login(&user.email, "Wrong-Password-1")
        .await
        .problem(401, "invalid_credentials");
    app.login("ghost@example.id", PASSWORD)
        .await
        .problem(401, "invalid_credentials");
}

#[tokio::test]
async fn login_is_rate_limited_per_account() {
    let app = spawn_app().await;
    app.state().clock.set(
        chrono::DateTime::parse_from_rfc3339("2026-12-03T00:00:05Z")
            .unwrap()
            .with_timezone(&Utc),
    );
    let user = app.public_user().await;
    for _ in 0..5 {
        app.login(&user.email, "Wrong-Password-1")
            .await
            .problem(401, "invalid_credentials");
    }
    let locked = app.login(&user.email, &user.password).await;
    locked.problem(429, "too_many_attempts");
    let retry: u64 = locked.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=900).contains(&retry));
    // Another account from the same address is not locked by this one.
    let other = app.public_user().await;
    app.login(&other.email, &other.password).await.ok();
}

/// Wrong passwords sent at once are counted before any is checked: no more than the account's
/// limit get to try.
#[tokio::test]
async fn parallel_wrong_passwords_for_one_account_stop_at_its_limit() {
    let app = spawn_app().await;
    app.state().clock.set(
        chrono::DateTime::parse_from_rfc3339("2026-12-03T00:00:05Z")
            .unwrap()
            .with_timezone(&Utc),
    );
    let user = app.public_user().await;
    let replies =
        futures_util::future::join_all((0..40).map(|_| app.login(&user.email, "Wrong-Password-1")))
            .await;
    let tried = replies.iter().filter(|r| r.status == 401).count();
    let refused = replies.iter().filter(|r| r.status == 429).count();
    assert_eq!((tried, refused), (5, 35));
    app.login(&user.email, &user.password)
        .await
        .problem(429, "too_many_attempts");
}

#[tokio::test]
async fn login_is_rate_limited_per_address() {
    let app = spawn_app().await;
    app.state().clock.set(
        chrono::DateTime::parse_from_rfc3339("2026-12-03T00:00:05Z")
            .unwrap()
            .with_timezone(&Utc),
    );
    for i in 0..30 {
        app.login(&format!("guess{i}@example.id"), "Wrong-Password-1")
            .await;
    }
    app.login("guess-next@example.id", "Wrong-Password-1")
        .await
        .problem(429, "too_many_attempts");
}

#[tokio::test]
async fn refresh_rotates_tokens_and_a_reused_token_revokes_the_session() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    let first = app.refresh(&user.refresh_token).await;
    let rotated = first.ok()["refresh_token"].as_str().unwrap().to_owned();
    assert_ne!(rotated, user.refresh_token);
    app.get("/api/v1/me", first.body["access_token"].as_str())
        .await
        .ok();

    // The spent token is presented again: that looks like theft, so the whole session ends.
    app.refresh(&user.refresh_token)
        .await
        .problem(401, "invalid_refresh_token");
    app.refresh(&rotated)
        .await
        .problem(401, "invalid_refresh_token");
}

#[tokio::test]
async fn logout_revokes_the_refresh_token() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    let reply = app.logout(&user.refresh_token).await;
    assert_eq!(reply.status, 204);
    app.refresh(&user.refresh_token)
        .await
        .problem(401, "invalid_refresh_token");
    // A second logout is harmless.
    assert_eq!(app.logout(&user.refresh_token).await.status, 204);
}

#[tokio::test]
async fn password_reset_answers_the_same_for_unknown_addresses() {
    let app = spawn_app().await;
    let reply = app
        .post(
            "/api/v1/auth/password-reset/request",
            None,
            json!({"email": "nobody@example.id"}),
        )
        .await;
    assert_eq!(reply.status, 202);
    assert!(reply.text.is_empty());
    app.post(
        "/api/v1/auth/password-reset/request",
        None,
        json!({"email": "nope"}),
    )
    .await
    .field_error("email");
}

#[tokio::test]
async fn password_reset_sets_a_new_password_once_and_ends_every_session() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    let reply = app
        .post(
            "/api/v1/auth/password-reset/request",
            None,
            json!({"email": user.email}),
        )
        .await;
    assert_eq!(reply.status, 202);
    let token = app.mailed_token(&user.email, "/reset-password").await;

    app.post(
        "/api/v1/auth/password-reset/confirm",
        None,
        json!({"token": token, "new_password": "short"}),
    )
    .await
    .field_error("new_password");
    let done = app
        .post(
            "/api/v1/auth/password-reset/confirm",
            None,
            json!({"token": token, "new_password": "Hujan-Sore-2026"}),
        )
        .await;
    assert_eq!(done.status, 204, "{}", done.text);

    app.login(&user.email, &user.password)
        .await
        .problem(401, "invalid_credentials");
    app.login(&user.email, "Hujan-Sore-2026").await.ok();
    app.refresh(&user.refresh_token)
        .await
        .problem(401, "invalid_refresh_token");
    app.post(
        "/api/v1/auth/password-reset/confirm",
        None,
        json!({"token": token, "new_password": "Angin-Malam-2026"}),
    )
    .await
    .problem(400, "invalid_token");
    let notice = app
        .smtp
        .wait_for(|m| m.to == [user.email.clone()] && m.body().contains("baru saja diubah"))
        .await;
    assert_eq!(
        notice.header("Subject").unwrap(),
        "Kata sandi Anda telah diubah"
    );
}

#[tokio::test]
async fn an_expired_reset_link_is_refused() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    app.post(
        "/api/v1/auth/password-reset/request",
        None,
        json!({"email": user.email}),
    )
    .await;
    let token = app.mailed_token(&user.email, "/reset-password").await;
    email_token::Entity::update_many()
        .col_expr(
            email_token::Column::ExpiresAt,
            Expr::value(Utc::now() - Duration::minutes(1)),
        )
        .filter(email_token::Column::Purpose.eq("password_reset"))
        .exec(&app.state().db)
        .await
        .unwrap();
    app.post(
        "/api/v1/auth/password-reset/confirm",
        None,
        json!({"token": token, "new_password": "Hujan-Sore-2026"}),
    )
    .await
    .problem(400, "invalid_token");
    app.login(&user.email, &user.password).await.ok();
}
