//! Reports for the head of the dissemination team: the IKM with its exact weight and rounding
//! at a grade boundary, a province's roll-up from the raw sums, CSV exports escaped against
//! formulas, the feedback-analysis PDF and its schedule; nobody else reads a unit's reports.
use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::{ActiveModelTrait, Set};
use serde_json::{Value, json};
use statkonsul::{auth::Role, entities::rating};
use statkonsul_tests::{TestApp, TestUser, spawn_app};
use uuid::Uuid;

fn token(user: &TestUser) -> Option<&str> {
    Some(user.access_token.as_str())
}

/// A rating stored as given (the rating rules have their own tests).
async fn rating_at(app: &TestApp, unit: &str, kind: &str, scores: [i16; 9], at: DateTime<Utc>) {
    let [u1, u2, u3, u4, u5, u6, u7, u8, u9] = scores;
    rating::ActiveModel {
        id: Set(Uuid::now_v7()),
        subject_kind: Set(kind.into()),
        subject_id: Set(Uuid::now_v7()),
        unit_code: Set(unit.into()),
        user_id: Set(None),
        u1: Set(u1),
        u2: Set(u2),
        u3: Set(u3),
        u4: Set(u4),
        u5: Set(u5),
        u6: Set(u6),
        u7: Set(u7),
        u8: Set(u8),
        u9: Set(u9),
        comment: Set(None),
        needs_follow_up: Set(false),
        created_at: Set(at),
        follow_up_state: Set("none".into()),
        contacted_at: Set(None),
        resolved_at: Set(None),
        resolved_by: Set(None),
        resolution_note: Set(None),
        reply_token_hash: Set(None),
        reply_token_expires_at: Set(None),
    }
    .insert(&app.state().db)
    .await
    .unwrap();
}

/// 15 November 2026, 10:00 WIB.
fn november() -> DateTime<Utc> {
    "2026-11-15T03:00:00Z".parse().unwrap()
}

/// Banjarnegara (3304): 100 online respondents and 3179 score points, so the exact IKM is
/// 25 × 3179 / 900 = 88.3055…: 88.31, grade A (with a 0.111 weight it would be 88.22, B).
async fn banjarnegara_at_the_boundary(app: &TestApp) {
    for i in 0..100 {
        // 79 respondents give five 4s and four 3s (32), 21 give four 4s and five 3s (31).
        let scores = if i < 79 {
            [4, 4, 4, 4, 4, 3, 3, 3, 3]
        } else {
            [4, 4, 4, 4, 3, 3, 3, 3, 3]
        };
        rating_at(app, "3304", "consultation", scores, november()).await;
    }
}

const NOVEMBER: &str = "from=2026-11-01&to=2026-11-30";

#[tokio::test]
async fn the_index_is_rounded_once_at_a_grade_boundary_and_a_province_adds_up_raw_sums() {
    let app = spawn_app().await;
    banjarnegara_at_the_boundary(&app).await;
    // Pekalongan (3375): three walk-in respondents scoring 2 everywhere: IKM 50.
    for _ in 0..3 {
        rating_at(&app, "3375", "walkin", [2; 9], november()).await;
    }
    // Outside the period: not counted.
    rating_at(
        &app,
        "3304",
        "consultation",
        [1; 9],
        november() + TimeDelta::days(30),
    )
    .await;
    let supervisor = app.staff(Role::Supervisor, Some("3304")).await;

    let r = app
        .get(
            &format!("/api/v1/reports/satisfaction?{NOVEMBER}"),
            token(&supervisor),
        )
        .await;
    let body = r.ok();
    assert_eq!(body["unit_code"], "3304");
    assert_eq!(body["all"]["respondents"], 100);
    assert_eq!(body["all"]["ikm"], 88.31);
    assert_eq!(body["all"]["grade"], "A");
    assert_eq!(body["all"]["grade_label"], "Sangat Baik");
    assert_eq!(body["online"]["respondents"], 100);
    assert_eq!(body["walk_in"]["respondents"], 0);
    assert_eq!(body["walk_in"]["ikm"], Value::Null);
    let u1 = &body["all"]["elements"][0];
    assert_eq!(u1["element"], "u1");
    assert_eq!(u1["sum"], 400);
    assert_eq!(u1["nrr"], 4.0);
    let u5 = &body["all"]["elements"][4];
    assert_eq!(u5["sum"], 79 * 4 + 21 * 3);
    assert!((u5["nrr_weighted"].as_f64().unwrap() - 3.79 / 9.0).abs() < 1e-9);

    // The province sees both regencies and the roll-up of their raw sums: 25 × 3233 / 927 =
    // 87.19, not the average of the two indices ((88.31 + 50) / 2 = 69.16).
    let province = app.staff(Role::Supervisor, Some("3300")).await;
    let rolled = app
        .get(
            &format!("/api/v1/reports/satisfaction?unit=3300&include_children=true&{NOVEMBER}"),
            token(&province),
        )
        .await;
    let body = rolled.ok();
    assert_eq!(body["all"]["respondents"], 103);
    assert_eq!(body["all"]["ikm"], 87.19);
    assert_eq!(body["all"]["grade"], "B");
    assert_eq!(body["walk_in"]["ikm"], 50.0);
    let units: Vec<&str> = body["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["unit_code"].as_str().unwrap())
        .collect();
    assert_eq!(units[0], "3300");
    assert!(units.contains(&"3304") && units.contains(&"3375"));
    let codes: Vec<&str> = body["unit_codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(codes.len(), units.len());
    assert!(codes.contains(&"3304") && codes.contains(&"3375"));
    let pekalongan = body["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["unit_code"] == "3375")
        .unwrap();
    assert_eq!(pekalongan["all"]["ikm"], 50.0);
    assert_eq!(pekalongan["all"]["grade"], "D");

    let csv = app
        .get(
            &format!(
                "/api/v1/reports/satisfaction?unit=3300&include_children=true&format=csv&{NOVEMBER}"
            ),
            token(&province),
        )
        .await;
    assert_eq!(csv.status, 200);
    assert!(csv.content_type().starts_with("text/csv"));
    assert!(csv.text.starts_with("unit,nama_unit,kanal,responden,u1,"));
    assert!(csv.text.contains(",88.31,A\n"), "{}", csv.text);
    assert!(csv.text.contains("TOTAL,"));
    assert!(csv.text.contains(",87.19,B\n"));

    // Nobody else reads them.
    let officer = app.staff(Role::Officer, Some("3304")).await;
    let other = app.staff(Role::Supervisor, Some("3375")).await;
    let user = app.public_user().await;
    for (caller, query) in [
        (&officer, ""),
        (&user, "unit=3304&"),
        (&other, "unit=3304&"),
        (&supervisor, "unit=3300&"),
    ] {
        for report in [
            "satisfaction",
            "service-levels",
            "volumes",
            "export/ratings.csv",
        ] {
            app.get(
                &format!("/api/v1/reports/{report}?{query}{NOVEMBER}"),
                token(caller),
            )
            .await
            .problem(403, "forbidden");
        }
    }
    app.get("/api/v1/reports/satisfaction", None)
        .await
        .problem(401, "authentication_required");
    app.get(
        "/api/v1/reports/satisfaction?from=2026-11-30&to=2026-11-01",
        token(&supervisor),
    )
    .await
    .field_error("to");
    app.get(
        "/api/v1/reports/volumes?from=1000-01-01",
        token(&supervisor),
    )
    .await
    .field_error("from");
    app.get("/api/v1/complaints?to=3000-12-31", token(&supervisor))
        .await
        .field_error("to");
}

/// The attachment of type `application/pdf` in a captured email, decoded.
fn pdf_of(mail: &statkonsul_tests::smtp::Mail) -> Vec<u8> {
    use base64::Engine;
    let data = &mail.data;
    let at = data.find("application/pdf").expect("a PDF part");
    let part = &data[at..];
    let start = part.find("\r\n\r\n").unwrap() + 4;
    let end = part[start..].find("\r\n--").unwrap() + start;
    let compact: String = part[start..end].split_whitespace().collect();
    base64::engine::general_purpose::STANDARD
        .decode(compact)
        .unwrap()
}

fn pdf_text(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).expect("a PDF a viewer opens");
    let pages = doc.get_pages();
    assert!(!pages.is_empty());
    pages
        .values()
        .map(|id| String::from_utf8_lossy(&doc.get_page_content(*id)).into_owned())
        .collect()
}

#[tokio::test]
async fn the_feedback_analysis_goes_to_the_supervisors_as_a_pdf_and_once_per_scheduled_period() {
    let app = spawn_app().await;
    app.state()
        .clock
        .set("2026-12-02T03:00:00Z".parse().unwrap());
    banjarnegara_at_the_boundary(&app).await;
    let supervisor = app.staff(Role::Supervisor, Some("3304")).await;
    let officer = app.staff(Role::Officer, Some("3304")).await;
    let request = json!({"unit_code": "3304", "from": "2026-11-01", "to": "2026-11-30"});
    app.post(
        "/api/v1/reports/feedback-analysis/send",
        token(&officer),
        request.clone(),
    )
    .await
    .problem(403, "forbidden");
    let sent = app
        .post(
            "/api/v1/reports/feedback-analysis/send",
            token(&supervisor),
            request,
        )
        .await;
    assert_eq!(sent.status, 202, "{}", sent.text);
    assert_eq!(sent.body["recipients"], json!([supervisor.email]));
    assert_eq!(sent.body["ikm"], 88.31);
    let mail = app
        .smtp
        .wait_for(|m| m.to.contains(&supervisor.email) && m.data.contains("application/pdf"))
        .await;
    let text = pdf_text(&pdf_of(&mail));
    assert!(text.contains("IKM: 88,31"), "the IKM figure in the PDF");
    assert!(text.contains("Sangat Baik"));
    assert!(text.contains("Persyaratan"));

    // The unit sends it monthly: November once, however many runners race.
    let path = "/api/v1/units/3304/settings";
    let mut settings = app.get("/api/v1/units/3304", None).await.ok()["settings"].clone();
    assert_eq!(settings["feedback_report_schedule"], "off");
    settings["feedback_report_schedule"] = json!("monthly");
    assert_eq!(
        app.put(path, token(&supervisor), settings).await.ok()["feedback_report_schedule"],
        "monthly"
    );
    let at: DateTime<Utc> = "2026-12-02T04:00:00Z".parse().unwrap();
    let runs =
        futures_util::future::join_all((0..4).map(|_| statkonsul::jobs::run_due(app.state(), at)))
            .await;
    let sent: usize = runs.into_iter().map(|r| r.unwrap().reports_sent).sum();
    assert_eq!(sent, 1);
    let again = statkonsul::jobs::run_due(app.state(), at + TimeDelta::days(3))
        .await
        .unwrap();
    assert_eq!(again.reports_sent, 0, "November is sent");
    let january = statkonsul::jobs::run_due(app.state(), "2027-01-01T03:00:00Z".parse().unwrap())
        .await
        .unwrap();
    assert_eq!(january.reports_sent, 1, "December's in January");
    app.smtp
        .wait_for(|m| {
            m.header("Subject")
                .is_some_and(|s| s.contains("01-12-2026 s.d. 31-12-2026"))
        })
        .await;
    let subjects: Vec<String> = app
        .smtp
        .all()
        .await
        .iter()
        .filter(|m| m.to.contains(&supervisor.email) && m.data.contains("application/pdf"))
        .filter_map(|m| m.header("Subject"))
        .collect();
    assert_eq!(subjects.len(), 3, "{subjects:?}");
}

#[tokio::test]
async fn exports_escape_formulas_and_hold_every_row_whatever_the_count() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    let supervisor = app.staff(Role::Supervisor, Some("3304")).await;
    let opened = app
        .post(
            "/api/v1/consultations",
            token(&user),
            json!({
                "unit_code": "3304",
                "category": "data",
                "subject": "=HYPERLINK(\"http://evil.example\",\"klik\")",
                "question": "Berapa jumlah penduduk Banjarnegara menurut kecamatan tahun 2025?"
            }),
        )
        .await;
    assert_eq!(opened.status, 201, "{}", opened.text);
    let csv = app
        .get(
            "/api/v1/reports/export/consultations.csv",
            token(&supervisor),
        )
        .await;
    assert_eq!(csv.status, 200);
    assert!(csv.content_type().starts_with("text/csv"));
    assert!(csv.text.starts_with("nomor,unit,kanal,kategori,status"));
    assert!(
        csv.text
            .contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"klik\"\")\""),
        "{}",
        csv.text
    );
    assert!(!csv.text.contains(",=HYPERLINK"));

    // 1,234 ratings, many at the same instant: every one exactly once across the chunks.
    let at = Utc::now() - TimeDelta::minutes(5);
    for i in 0..1234 {
        let when = at + TimeDelta::seconds(i / 100);
        rating_at(&app, "3304", "consultation", [3; 9], when).await;
    }
    let csv = app
        .get("/api/v1/reports/export/ratings.csv", token(&supervisor))
        .await;
    assert_eq!(csv.status, 200);
    let lines: Vec<&str> = csv.text.lines().collect();
    assert_eq!(lines.len(), 1 + 1234);
    let ids: std::collections::HashSet<&str> = lines[1..]
        .iter()
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(ids.len(), 1234);
}

#[tokio::test]
async fn volumes_and_service_levels_count_what_happened_in_the_period() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    let supervisor = app.staff(Role::Supervisor, Some("3304")).await;
    let officer = app.staff(Role::Officer, Some("3304")).await;
    // Tuesday 1 December 2026, 09:00 in Banjarnegara: the officer answers 30 minutes later.
    app.state()
        .clock
        .set("2026-12-01T02:00:00Z".parse().unwrap());
    let c = app.open_consultation(&user, "3304").await;
    let base = format!("/api/v1/consultations/{}", c["id"].as_str().unwrap());
    app.post(&format!("{base}/claim"), token(&officer), json!({}))
        .await
        .ok();
    app.state().clock.advance(TimeDelta::minutes(30));
    app.post(
        &format!("{base}/messages"),
        token(&officer),
        json!({"body": "Data tersedia di tabel 3.1."}),
    )
    .await
    .ok();
    app.post(
        &format!("{base}/close"),
        token(&officer),
        json!({"resolution": "answered"}),
    )
    .await
    .ok();
    app.post(
        "/api/v1/complaints",
        token(&user),
        json!({"unit_code": "3304", "kind": "suggestion", "subject": "Ruang tunggu", "description": "Mohon tambah kursi."}),
    )
    .await
    .ok();
    for q in ["kemiskinan", "penduduk", "inflasi"] {
        let r = app
            .get(&format!("/api/v1/knowledge/search?q={q}&unit=3304"), None)
            .await;
        assert_eq!(r.status, 200);
    }
    statkonsul::jobs::run_due(app.state(), app.state().clock.now())
        .await
        .unwrap();

    let v = app
        .get("/api/v1/reports/volumes?interval=day", token(&supervisor))
        .await;
    let body = v.ok();
    assert_eq!(body["consultations"]["total"], 1);
    assert_eq!(
        body["consultations"]["by_category"],
        json!([{"key": "data", "count": 1}])
    );
    assert_eq!(
        body["consultations"]["by_status"],
        json!([{"key": "closed", "count": 1}])
    );
    assert_eq!(body["consultations"]["series"].as_array().unwrap().len(), 1);
    assert_eq!(
        body["complaints_by_kind"],
        json!([{"key": "suggestion", "count": 1}])
    );
    assert_eq!(body["knowledge"]["searches"], 3);
    assert_eq!(body["units"][0]["searches"], 3);

    let s = app
        .get("/api/v1/reports/service-levels", token(&supervisor))
        .await;
    let body = s.ok();
    assert_eq!(body["online"]["opened"], 1);
    assert_eq!(body["online"]["median_first_response_minutes"], 30.0);
    assert!(body["online"]["median_hours_to_close"].is_number());
    assert_eq!(body["complaints"]["received"], 1);
    assert_eq!(body["complaints"]["verified"], 0);
    let csv = app
        .get(
            "/api/v1/reports/service-levels?format=csv",
            token(&supervisor),
        )
        .await;
    assert!(csv.text.lines().nth(1).unwrap().starts_with("3304,"));
}
