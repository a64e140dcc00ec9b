use statkonsul_tests::{Options, options_per_engine, spawn_app, spawn_app_with};

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

#[tokio::test]
async fn a_server_is_ready_only_once_it_finds_the_articles_published_before_it_started() {
    for options in options_per_engine() {
        let app = spawn_app_with(Options {
            hold_workers: true,
            ..options
        })
        .await;
        statkonsul::seed::seed_knowledge_articles(app.state())
            .await
            .unwrap();
        // Published before the workers start: `/readyz` waits for the start-up rebuild to take
        // them in, so the first search after it finds them.
        app.start_workers();
        app.wait_until_ready().await;
        let found = app.get("/api/v1/knowledge/search?q=inflasi", None).await;
        assert!(
            found.ok()["total"].as_u64().unwrap() >= 5,
            "{}: {}",
            app.engine,
            found.text
        );
    }
}
