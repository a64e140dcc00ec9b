use std::time::Duration;

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use statkonsul::entities::outbox_email;
use statkonsul_tests::{Options, spawn_app, spawn_app_with};

#[tokio::test]
async fn emails_are_delivered_over_smtp_and_marked_sent() {
    let app = spawn_app().await;
    app.register("kirim@example.id", "Kopi-Tubruk-2026")
        .await
        .ok();
    let mail = app.smtp.wait_for(|m| m.to == ["kirim@example.id"]).await;
    assert_eq!(mail.from, "layanan@statkonsul.test");
    assert!(
        mail.header("From")
            .unwrap()
            .contains("layanan@statkonsul.test")
    );
    // The row is marked sent right after the SMTP server accepted the message.
    let mut sent = None;
    for _ in 0..50 {
        let row = outbox_email::Entity::find()
            .filter(outbox_email::Column::Recipient.eq("kirim@example.id"))
            .one(&app.state().db)
            .await
            .unwrap()
            .unwrap();
        if row.sent_at.is_some() {
            sent = Some(row);
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let row = sent.expect("the email is marked sent");
    assert_eq!(row.attempts, 1);
}

#[tokio::test]
async fn an_unreachable_smtp_server_leaves_the_email_queued_for_a_retry() {
    let app = spawn_app_with(Options {
        smtp_reachable: false,
        ..Options::default()
    })
    .await;
    let reply = app.register("antri@example.id", "Kopi-Tubruk-2026").await;
    assert_eq!(
        reply.status, 202,
        "registration does not wait for the mail server"
    );
    let mut failed = None;
    for _ in 0..100 {
        let row = outbox_email::Entity::find()
            .filter(outbox_email::Column::Recipient.eq("antri@example.id"))
            .one(&app.state().db)
            .await
            .unwrap()
            .unwrap();
        if row.attempts >= 1 {
            failed = Some(row);
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let row = failed.expect("a delivery was attempted");
    assert!(row.sent_at.is_none());
    assert!(row.last_error.is_some());
    assert!(
        row.next_attempt_at > chrono::Utc::now(),
        "the retry is scheduled later"
    );
}
