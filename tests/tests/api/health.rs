use statkonsul_tests::spawn_app;

#[tokio::test]
async fn healthz_answers_alive() {
    let app = spawn_app().await;
    let reply = app.get("/healthz", None).await;
    assert_eq!(reply.ok()["status"], "ok");
}

#[tokio::test]
async fn readyz_answers_ready_when_the_database_is_migrated() {
    let app = spawn_app().await;
    let reply = app.get("/readyz", None).await;
    assert_eq!(reply.ok()["status"], "ready");
}
