use serde_json::{Value, json};
use statkonsul::auth::Role;
use statkonsul_tests::{TestApp, TestUser, spawn_app, spawn_app_per_engine};

fn article(unit: Option<&str>, title: &str, status: &str) -> Value {
    json!({
        "title": title,
        "question": "Bagaimana cara mendapatkan data ini dari BPS setempat?",
        "answer": "Data tersebut tersedia di tabel statistik situs BPS dan publikasi Daerah Dalam Angka.",
        "category": "data",
        "unit_code": unit,
        "tags": ["Data", "publikasi"],
        "status": status,
    })
}

async fn search(app: &TestApp, query: &str) -> Value {
    let reply = app
        .get(&format!("/api/v1/knowledge/search?{query}"), None)
        .await;
    reply.ok().clone()
}

fn slugs(found: &Value) -> Vec<String> {
    found["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["slug"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn anyone_searches_the_demo_articles_with_the_chosen_units_first() {
    for app in spawn_app_per_engine().await {
        eprintln!("engine: {}", app.engine);
        app.seed_knowledge().await;
        let found = search(
            &app,
            "q=berapa%20angka%20kemiskinan%20banjarnegara&unit=3304&per_page=5",
        )
        .await;
        assert!(found["total"].as_u64().unwrap() >= 5, "{found}");
        let hits = found["hits"].as_array().unwrap();
        assert_eq!(hits.len(), 5);
        assert_eq!(hits[0]["unit_code"], "3304", "{found}");
        for hit in hits {
            let unit = &hit["unit_code"];
            assert!(
                unit.is_null() || unit == "3304",
                "chosen unit and national first: {hit}"
            );
            for field in ["id", "title", "category", "snippet", "score"] {
                assert!(!hit[field].is_null(), "{field}: {hit}");
            }
        }
        assert!(
            hits[0]["snippet"].as_str().unwrap().contains("<mark>"),
            "{found}"
        );
        // English statistics words are answered through the default synonym list.
        for english in ["inflation", "poverty%20line", "unemployment%20rate"] {
            let found = search(&app, &format!("q={english}&per_page=3")).await;
            assert!(found["total"].as_u64().unwrap() > 0, "{english}: {found}");
        }
        let english = search(&app, "q=inflation&per_page=3").await;
        assert!(slugs(&english)[0].starts_with("inflasi"), "{english}");
        let typo = search(&app, "q=inflsi%20bulanan&per_page=3").await;
        assert!(slugs(&typo)[0].starts_with("inflasi"), "{typo}");
        assert_eq!(
            typo["suggestion"], "inflasi bulanan",
            "did you mean: {typo}"
        );
        assert!(found["suggestion"].is_null(), "nothing to correct: {found}");
        let metadata_only = search(&app, "q=kemiskinan&category=metadata&per_page=50").await;
        assert!(
            metadata_only["hits"]
                .as_array()
                .unwrap()
                .iter()
                .all(|h| h["category"] == "metadata"),
            "{metadata_only}"
        );
    }
}

#[tokio::test]
async fn a_search_needs_words_and_sane_paging() {
    for app in spawn_app_per_engine().await {
        eprintln!("engine: {}", app.engine);
        app.get("/api/v1/knowledge/search", None)
            .await
            .problem(400, "invalid_query");
        app.get("/api/v1/knowledge/search?q=%20%20", None)
            .await
            .field_error("q");
        app.get("/api/v1/knowledge/search?q=ipm&per_page=0", None)
            .await
            .field_error("per_page");
        app.get("/api/v1/knowledge/search?q=ipm&category=sports", None)
            .await
            .problem(400, "invalid_query");
        let nothing = search(&app, "q=yang%20dan%20di").await;
        assert_eq!(nothing["total"], 0, "stop words alone find nothing");
        app.get("/api/v1/knowledge/search?q=ipm&page=11&per_page=100", None)
            .await
            .field_error("page");
        app.get(
            "/api/v1/knowledge/search?q=ipm&page=18446744073709551615",
            None,
        )
        .await
        .field_error("page");
        app.get("/api/v1/knowledge/articles?page=99999999999", None)
            .await
            .field_error("page");
        let long = "inflasi ".repeat(60);
        let reply = app
            .get(
                &format!(
                    "/api/v1/knowledge/search?q={}",
                    long.trim().replace(' ', "%20")
                ),
                None,
            )
            .await;
        reply.ok();
    }
}

#[tokio::test]
async fn a_draft_is_the_units_until_published_and_leaves_search_when_archived() {
    for app in spawn_app_per_engine().await {
        eprintln!("engine: {}", app.engine);
        let officer = app.staff(Role::Officer, Some("3304")).await;
        let colleague = app.staff(Role::Supervisor, Some("3304")).await;
        let elsewhere = app.staff(Role::Officer, Some("3375")).await;
        let user = app.public_user().await;
        let created = app
            .post(
                "/api/v1/knowledge/articles",
                Some(officer.access_token.as_str()),
                article(
                    Some("3304"),
                    "Curah hujan Banjarnegara per kecamatan",
                    "draft",
                ),
            )
            .await;
        assert_eq!(created.status, 201, "{}", created.text);
        let id = created.body["id"].as_str().unwrap().to_owned();
        assert_eq!(created.body["status"], "draft");
        assert_eq!(
            created.body["slug"],
            "curah-hujan-banjarnegara-per-kecamatan"
        );
        assert_eq!(created.body["tags"], json!(["data", "publikasi"]));
        let path = format!("/api/v1/knowledge/articles/{id}");
        app.get(&path, None).await.problem(404, "not_found");
        app.get(&path, Some(user.access_token.as_str()))
            .await
            .problem(404, "not_found");
        app.get(&path, Some(elsewhere.access_token.as_str()))
            .await
            .problem(404, "not_found");
        app.get(&path, Some(colleague.access_token.as_str()))
            .await
            .ok();
        app.index_settled().await;
        assert_eq!(
            search(&app, "q=curah%20hujan").await["total"],
            0,
            "drafts are not searchable"
        );
        let listed = app
            .get(
                "/api/v1/knowledge/articles?status=draft",
                Some(colleague.access_token.as_str()),
            )
            .await;
        assert_eq!(listed.ok()["total"], 1);
        let public_list = app
            .get("/api/v1/knowledge/articles?status=draft", None)
            .await;
        assert_eq!(public_list.ok()["total"], 0);

        let published = app
            .put(
                &path,
                Some(colleague.access_token.as_str()),
                article(
                    Some("3304"),
                    "Curah hujan Banjarnegara per kecamatan",
                    "published",
                ),
            )
            .await;
        assert_eq!(published.ok()["status"], "published");
        assert!(published.body["published_at"].is_string());
        app.index_settled().await;
        let found = search(&app, "q=curah%20hujan").await;
        assert_eq!(slugs(&found), ["curah-hujan-banjarnegara-per-kecamatan"]);
        let by_slug = app
            .get(
                "/api/v1/knowledge/articles/curah-hujan-banjarnegara-per-kecamatan",
                None,
            )
            .await;
        assert_eq!(by_slug.ok()["view_count"], 1);
        assert!(by_slug.body["source_consultation_id"].is_null());

        app.send(
            reqwest::Method::DELETE,
            &path,
            Some(elsewhere.access_token.as_str()),
            None,
        )
        .await
        .problem(403, "forbidden");
        let archived = app
            .send(
                reqwest::Method::DELETE,
                &path,
                Some(officer.access_token.as_str()),
                None,
            )
            .await;
        assert_eq!(archived.status, 204, "{}", archived.text);
        app.index_settled().await;
        assert_eq!(search(&app, "q=curah%20hujan").await["total"], 0);
        app.get(&path, None).await.problem(404, "not_found");
    }
}

#[tokio::test]
async fn only_the_units_officers_write_its_articles_and_only_admins_national_ones() {
    let app = spawn_app().await;
    let officer = app.staff(Role::Officer, Some("3304")).await;
    let front_office = app.staff(Role::FrontOffice, Some("3304")).await;
    let admin = app.staff(Role::Admin, None).await;
    let user = app.public_user().await;
    let post = |who: &TestUser, body: Value| {
        let token = who.access_token.clone();
        let app = &app;
        async move {
            app.post("/api/v1/knowledge/articles", Some(token.as_str()), body)
                .await
        }
    };
    post(
        &officer,
        article(Some("3375"), "Artikel unit lain", "draft"),
    )
    .await
    .problem(403, "forbidden");
    post(&officer, article(None, "Artikel nasional", "draft"))
        .await
        .problem(403, "forbidden");
    post(
        &front_office,
        article(Some("3304"), "Artikel front office", "draft"),
    )
    .await
    .problem(403, "forbidden");
    post(&user, article(Some("3304"), "Artikel warga", "draft"))
        .await
        .problem(403, "forbidden");
    post(
        &officer,
        article(Some("9999"), "Artikel unit fiktif", "draft"),
    )
    .await
    .problem(422, "unit_not_found");
    let national = post(&admin, article(None, "Artikel nasional", "published")).await;
    assert_eq!(national.status, 201, "{}", national.text);
    let twin = post(&admin, article(None, "Artikel nasional", "draft")).await;
    assert_eq!(twin.body["slug"], "artikel-nasional-2", "slugs stay unique");

    let mut blank = article(Some("3304"), "      x      ", "draft");
    blank["answer"] = json!(" ".repeat(30));
    let reply = post(&officer, blank).await;
    reply.field_error("title");
    reply.field_error("answer");
    let mut bad = article(Some("3304"), "Cth", "draft");
    bad["answer"] = json!("pendek");
    bad["tags"] = json!(["a,b"]);
    let reply = post(&officer, bad).await;
    for field in ["title", "answer", "tags"] {
        reply.field_error(field);
    }
    let listed = app.get("/api/v1/knowledge/articles", None).await;
    assert_eq!(
        listed.ok()["total"],
        1,
        "nothing half-written: {}",
        listed.text
    );
}

#[tokio::test]
async fn readers_feedback_is_counted_and_only_for_published_articles() {
    let app = spawn_app().await;
    app.seed_knowledge().await;
    let path = "/api/v1/knowledge/articles/ipm-dimensi-dan-cara-menghitung";
    let feedback = format!("{path}/feedback");
    let reply = app
        .post(
            &feedback,
            None,
            json!({"helpful": true, "context": "consultation_form", "unit_code": "3304"}),
        )
        .await;
    assert_eq!(reply.status, 204, "{}", reply.text);
    let user = app.public_user().await;
    let reply = app
        .post(
            &feedback,
            Some(user.access_token.as_str()),
            json!({"helpful": false, "context": "article"}),
        )
        .await;
    assert_eq!(reply.status, 204, "{}", reply.text);
    for _ in 0..2 {
        let reply = app
            .post(
                &feedback,
                None,
                json!({"helpful": true, "context": "article"}),
            )
            .await;
        assert_eq!(reply.status, 204, "{}", reply.text);
    }
    app.post(
        &feedback,
        None,
        json!({"helpful": true, "context": "article"}),
    )
    .await
    .problem(429, "too_many_attempts");
    let read = app.get(path, None).await;
    assert_eq!(
        read.ok()["helpful_count"],
        3,
        "the fourth vote within the hour is not counted"
    );
    assert_eq!(read.body["not_helpful_count"], 1);
    app.post(
        &feedback,
        None,
        json!({"helpful": true, "context": "elsewhere"}),
    )
    .await
    .problem(400, "malformed_json");
    app.post(
        &feedback,
        None,
        json!({"helpful": true, "context": "article", "unit_code": "9999"}),
    )
    .await
    .problem(422, "unit_not_found");
    app.post(
        "/api/v1/knowledge/articles/no-such-article/feedback",
        None,
        json!({"helpful": true, "context": "article"}),
    )
    .await
    .problem(404, "not_found");
    assert_eq!(
        app.get(path, None).await.ok()["helpful_count"],
        3,
        "refusals count nothing"
    );
}

#[tokio::test]
async fn officers_edit_the_synonym_list_and_searches_use_it_at_once() {
    for app in spawn_app_per_engine().await {
        eprintln!("engine: {}", app.engine);
        let officer = app.staff(Role::Officer, Some("1207")).await;
        let user = app.public_user().await;
        let defaults = app
            .get(
                "/api/v1/knowledge/synonyms",
                Some(officer.access_token.as_str()),
            )
            .await;
        assert!(
            defaults.ok()["groups"].as_array().unwrap().len() >= 30,
            "the default list is seeded"
        );
        app.get(
            "/api/v1/knowledge/synonyms",
            Some(user.access_token.as_str()),
        )
        .await
        .problem(403, "forbidden");

        let created = app
            .post(
                "/api/v1/knowledge/articles",
                Some(officer.access_token.as_str()),
                article(
                    Some("1207"),
                    "Jadwal pertemuan tatap muka di Labuhanbatu",
                    "published",
                ),
            )
            .await;
        assert_eq!(created.status, 201);
        app.index_settled().await;
        assert_eq!(search(&app, "q=kopdar").await["total"], 0);
        let saved = app
        .put(
            "/api/v1/knowledge/synonyms",
            Some(officer.access_token.as_str()),
            json!({"groups": [["Kopdar ", "pertemuan tatap muka"], ["ipm", "indeks pembangunan manusia"]]}),
        )
        .await;
        assert_eq!(
            saved.ok()["groups"][0],
            json!(["kopdar", "pertemuan tatap muka"])
        );
        let found = search(&app, "q=kopdar").await;
        assert_eq!(
            slugs(&found),
            ["jadwal-pertemuan-tatap-muka-di-labuhanbatu"]
        );

        app.put(
            "/api/v1/knowledge/synonyms",
            Some(user.access_token.as_str()),
            json!({"groups": []}),
        )
        .await
        .problem(403, "forbidden");
        app.put(
            "/api/v1/knowledge/synonyms",
            Some(officer.access_token.as_str()),
            json!({"groups": [["ipm", "indeks pembangunan manusia"], ["sendiri"]]}),
        )
        .await
        .field_error("groups.1");
        let kept = app
            .get(
                "/api/v1/knowledge/synonyms",
                Some(officer.access_token.as_str()),
            )
            .await;
        assert_eq!(
            kept.ok()["groups"].as_array().unwrap().len(),
            2,
            "a refused list changes nothing"
        );
    }
}

#[tokio::test]
async fn an_answered_consultation_becomes_a_draft_without_personal_data() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    let officer = app.staff(Role::Officer, Some("3304")).await;
    let elsewhere = app.staff(Role::Officer, Some("3375")).await;
    let c = app.open_consultation(&user, "3304").await;
    let id = c["id"].as_str().unwrap();
    let at = |rest: &str| format!("/api/v1/consultations/{id}/{rest}");
    let token = Some(officer.access_token.as_str());
    app.post(&at("claim"), token, json!({})).await.ok();
    app.post(
        &at("messages"),
        Some(user.access_token.as_str()),
        json!({"body": "Saya Siti Rahma, hubungi 0812-3456-7890 atau siti.rahma@example.id. NIK saya 3304011203850001."}),
    )
    .await;
    let answer = app
        .post(
            &at("messages"),
            token,
            json!({"body": "Baik Bu Siti, persentase penduduk miskin per kecamatan tidak dihitung BPS; angka resmi tersedia sampai tingkat kabupaten di tabel kemiskinan."}),
        )
        .await;
    let answer_id = answer.body["id"].as_str().unwrap().to_owned();
    app.post(&at("promote"), token, json!({}))
        .await
        .problem(409, "invalid_state");
    app.post(&at("to-index"), token, json!({"to_index": true}))
        .await
        .ok();
    let curate = app.get("/api/v1/knowledge/to-curate", token).await;
    assert_eq!(curate.ok()["total"], 1);
    assert_eq!(curate.body["items"][0]["id"], id);
    app.get(
        "/api/v1/knowledge/to-curate",
        Some(user.access_token.as_str()),
    )
    .await
    .problem(403, "forbidden");
    assert_eq!(
        app.get(
            "/api/v1/knowledge/to-curate",
            Some(elsewhere.access_token.as_str())
        )
        .await
        .ok()["total"],
        0
    );

    app.post(
        &at("close"),
        token,
        json!({"resolution": "answered", "summary": "Dijawab."}),
    )
    .await
    .ok();
    app.post(
        &at("promote"),
        Some(elsewhere.access_token.as_str()),
        json!({}),
    )
    .await
    .problem(404, "not_found");
    app.post(&at("promote"), Some(user.access_token.as_str()), json!({}))
        .await
        .problem(403, "forbidden");
    app.post(
        &at("promote"),
        token,
        json!({"message_ids": [uuid::Uuid::now_v7()]}),
    )
    .await
    .field_error("message_ids");
    let draft = app
        .post(&at("promote"), token, json!({"message_ids": [answer_id]}))
        .await;
    assert_eq!(draft.status, 201, "{}", draft.text);
    assert_eq!(draft.body["status"], "draft");
    assert_eq!(draft.body["unit_code"], "3304");
    assert_eq!(draft.body["source_consultation_id"], id);
    let text = draft.body["answer"].as_str().unwrap();
    assert!(
        text.starts_with("Baik Bu [nama], persentase penduduk miskin"),
        "{text}"
    );
    assert!(!text.contains("Siti"), "{text}");

    let whole = app.post(&at("promote"), token, json!({})).await;
    let text = whole.ok()["answer"].as_str().unwrap();
    assert!(
        !text.contains("0812") && !text.contains("example.id"),
        "{text}"
    );
    assert_eq!(
        app.get("/api/v1/knowledge/to-curate", token).await.ok()["total"],
        0,
        "a promoted consultation leaves the list"
    );

    // Marked to be indexed before anyone answered: nothing to promote yet.
    let early = app.open_consultation(&user, "3304").await;
    let early_at = |rest: &str| {
        format!(
            "/api/v1/consultations/{}/{rest}",
            early["id"].as_str().unwrap()
        )
    };
    app.post(&early_at("claim"), token, json!({})).await.ok();
    app.post(&early_at("to-index"), token, json!({"to_index": true}))
        .await
        .ok();
    app.post(&early_at("promote"), token, json!({}))
        .await
        .problem(409, "nothing_to_promote");
}
