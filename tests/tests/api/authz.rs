//! The authorization matrix: every operation of the server's own OpenAPI document, called by
//! every kind of caller against real resources with a valid request, answers what `MATRIX`
//! says. An operation without a row fails the test, so a new route cannot skip the matrix.
//!
//! Operations that read run at once against shared fixtures; operations that write run one
//! cell at a time, each cell against a fresh resource, so that no cell depends on another.
use std::{collections::BTreeSet, fmt::Write as _};

use chrono::{DateTime, Utc};
use futures_util::future::join_all;
use reqwest::Method;
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};
use statkonsul::auth::Role;
use statkonsul_tests::{TestApp, TestUser, spawn_app};

/// The unit whose resources are called; the officer of another unit works at `OTHER`, the
/// overseeing supervisor at `PROVINCE`, the province above `UNIT`.
const UNIT: &str = "3375";
const OTHER: &str = "1207";
const PROVINCE: &str = "3300";

/// The callers, in the order of the matrix's columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Actor {
    /// No token.
    Anon,
    /// The member of the public who owns the consultation, rating and complaint.
    PubA,
    /// Another member of the public.
    PubB,
    /// An officer of `UNIT`.
    Officer,
    /// An officer of `OTHER`.
    OfficerX,
    /// Front office of `UNIT`.
    Front,
    /// The supervisor of `UNIT`.
    Sup,
    /// A supervisor of `PROVINCE`, above `UNIT`.
    SupProv,
    Admin,
}

use Actor::*;

const ACTORS: [Actor; 9] = [
    Anon, PubA, PubB, Officer, OfficerX, Front, Sup, SupProv, Admin,
];
const HEADER: &str = "anon pubA pubB off  offX fo   sup  prov adm";

/// What each caller gets, per operation; the columns as in `HEADER`:
/// anonymous, public A (the owner of the consultation, rating and complaint), public B, officer
/// of the unit, officer of another unit, front office of the unit, supervisor of the unit,
/// supervisor of the province above, admin.
///
/// - 401 without a token where an account is needed; 404 where the resource must not be
///   revealed to the caller (another user's or another unit's); 403 where the caller may know
///   it exists (the owner, a supervisor above who reads but does not act) or where the
///   operation is simply not the caller's role.
/// - `+` after a status: the list shows the shared resource (the marker of `World::marker`);
///   `-`: it must not, so that a list cannot leak what the single read hides.
/// - Open operations (auth, the tracking code, the ticket's key, the board) answer everyone
///   alike: what proves the right is the token, code or key in the request, not the caller.
///   Registration answers 202 whether or not the address is known.
/// - The WebSocket takes a one-time ticket in the query: without one the query is invalid (400).
/// - Synonyms belong to the whole knowledge base, which every unit's officers curate; the list
///   to curate is of the caller's own unit.
#[rustfmt::skip]
const MATRIX: &[(&str, &str)] = &[
    //                                                          anon pubA pubB off  offX fo   sup  prov adm
    ("GET /healthz",                                            "200  200  200  200  200  200  200  200  200"),
    ("GET /readyz",                                             "200  200  200  200  200  200  200  200  200"),
    // Only the scrape's METRICS_TOKEN opens the metrics, no account's token.
    ("GET /metrics",                                            "401  401  401  401  401  401  401  401  401"),
    ("POST /api/v1/auth/register",                              "202  202  202  202  202  202  202  202  202"),
    ("POST /api/v1/auth/verify-email",                          "200  200  200  200  200  200  200  200  200"),
    ("POST /api/v1/auth/resend-verification",                   "202  202  202  202  202  202  202  202  202"),
    ("POST /api/v1/auth/login",                                 "200  200  200  200  200  200  200  200  200"),
    ("POST /api/v1/auth/refresh",                               "200  200  200  200  200  200  200  200  200"),
    ("POST /api/v1/auth/logout",                                "204  204  204  204  204  204  204  204  204"),
    ("POST /api/v1/auth/password-reset/request",                "202  202  202  202  202  202  202  202  202"),
    ("POST /api/v1/auth/password-reset/confirm",                "204  204  204  204  204  204  204  204  204"),
    //                                                          anon pubA pubB off  offX fo   sup  prov adm
    ("GET /api/v1/me",                                          "401  200  200  200  200  200  200  200  200"),
    ("PATCH /api/v1/me",                                        "401  200  200  200  200  200  200  200  200"),
    ("POST /api/v1/me/password",                                "401  204  204  204  204  204  204  204  204"),
    ("GET /api/v1/units",                                       "200  200  200  200  200  200  200  200  200"),
    ("GET /api/v1/units/{code}",                                "200  200  200  200  200  200  200  200  200"),
    ("PUT /api/v1/units/{code}/service-standard",               "401  403  403  403  403  403  200  403  200"),
    ("PUT /api/v1/units/{code}/settings",                       "401  403  403  403  403  403  200  403  200"),
    ("GET /api/v1/holidays",                                    "200  200  200  200  200  200  200  200  200"),
    ("PUT /api/v1/holidays",                                    "401  403  403  403  403  403  403  403  200"),
    ("GET /api/v1/holidays/status",                             "200  200  200  200  200  200  200  200  200"),
    //                                                          anon pubA pubB off  offX fo   sup  prov adm
    ("GET /api/v1/staff",                                       "401  403  403  403  403  403  200+ 403  200+"),
    ("POST /api/v1/staff",                                      "401  403  403  403  403  403  403  403  201"),
    // The capacity of the unit's officer: its supervisor or an admin; a supervisor above does
    // not manage the unit's staff.
    ("PATCH /api/v1/staff/{id}",                                "401  403  403  403  403  403  200  404  200"),
    ("PUT /api/v1/me/availability",                             "401  403  403  200  200  403  200  200  403"),
    ("GET /api/v1/audit",                                       "401  403  403  403  403  403  200  403  200"),
    ("GET /api/v1/consultations",                               "401  200+ 200- 200+ 200- 200- 200+ 200+ 200+"),
    ("POST /api/v1/consultations",                              "401  201  201  403  403  403  403  403  403"),
    ("GET /api/v1/consultations/{id}",                          "401  200  404  200  404  404  200  200  200"),
    ("POST /api/v1/consultations/{id}/claim",                   "401  403  404  200  404  404  200  403  200"),
    ("POST /api/v1/consultations/{id}/assign",                  "401  403  404  403  404  404  200  403  200"),
    ("POST /api/v1/consultations/{id}/clarify",                 "401  403  404  200  404  404  200  403  200"),
    ("POST /api/v1/consultations/{id}/close",                   "401  403  404  200  404  404  200  403  200"),
    ("POST /api/v1/consultations/{id}/reopen",                  "401  403  404  200  404  404  200  403  200"),
    ("POST /api/v1/consultations/{id}/withdraw",                "401  200  404  403  404  404  403  403  403"),
    ("POST /api/v1/consultations/{id}/to-index",                "401  403  404  200  404  404  200  403  200"),
    ("POST /api/v1/consultations/{id}/follow-ups",              "401  403  404  201  404  404  201  403  201"),
    ("POST /api/v1/consultations/{id}/referrals",               "401  403  404  201  404  404  201  403  201"),
    ("GET /api/v1/consultations/{id}/messages",                 "401  200  404  200  404  404  200  200  200"),
    ("POST /api/v1/consultations/{id}/messages",                "401  201  404  201  404  404  201  403  201"),
    ("POST /api/v1/consultations/{id}/attachments",             "401  201  404  201  404  404  201  403  201"),
    //                                                          anon pubA pubB off  offX fo   sup  prov adm
    ("GET /api/v1/attachments/{id}",                            "401  200  404  200  404  404  200  200  200"),
    ("POST /api/v1/consultations/{id}/read",                    "401  204  404  204  404  404  204  204  204"),
    ("POST /api/v1/ws/tickets",                                 "401  201  201  201  201  201  201  201  201"),
    ("GET /api/v1/ws",                                          "400  101  101  101  101  101  101  101  101"),
    ("POST /api/v1/consultations/{id}/rating",                  "401  201  404  403  404  404  403  403  403"),
    ("POST /api/v1/walkin/tickets/{id}/rating",                 "201  201  201  201  201  201  201  201  201"),
    ("GET /api/v1/ratings",                                     "401  403  403  200+ 403  403  200+ 200+ 200+"),
    ("GET /api/v1/ratings/{id}",                                "401  200  404  200  404  404  200  200  200"),
    ("POST /api/v1/ratings/{id}/follow-ups",                    "401  403  404  201  404  404  201  403  201"),
    ("POST /api/v1/ratings/{id}/replies",                       "401  201  404  403  404  404  403  403  403"),
    ("POST /api/v1/ratings/{id}/resolve",                       "401  403  404  200  404  404  200  403  200"),
    //                                                          anon pubA pubB off  offX fo   sup  prov adm
    ("GET /api/v1/complaints",                                  "401  403  403  200+ 403  403  200+ 200+ 200+"),
    ("POST /api/v1/complaints",                                 "201  201  201  201  403  403  201  403  201"),
    ("POST /api/v1/complaints/confirm",                         "200  200  200  200  200  200  200  200  200"),
    ("GET /api/v1/complaints/track/{tracking_code}",            "200  200  200  200  200  200  200  200  200"),
    ("POST /api/v1/complaints/track/{tracking_code}/replies",   "201  201  201  201  201  201  201  201  201"),
    ("GET /api/v1/complaints/{id}",                             "401  404  404  200  404  404  200  200  200"),
    ("POST /api/v1/complaints/{id}/status",                     "401  404  404  403  404  404  200  403  200"),
    ("POST /api/v1/complaints/{id}/responses",                  "401  404  404  201  404  404  201  403  201"),
    ("POST /api/v1/complaints/{id}/assign",                     "401  404  404  200  404  404  200  403  200"),
    //                                                          anon pubA pubB off  offX fo   sup  prov adm
    ("GET /api/v1/reports/satisfaction",                        "401  403  403  403  403  403  200  200  200"),
    ("GET /api/v1/reports/service-levels",                      "401  403  403  403  403  403  200  200  200"),
    ("GET /api/v1/reports/volumes",                             "401  403  403  403  403  403  200  200  200"),
    ("GET /api/v1/reports/export/consultations.csv",            "401  403  403  403  403  403  200  200  200"),
    ("GET /api/v1/reports/export/ratings.csv",                  "401  403  403  403  403  403  200  200  200"),
    ("GET /api/v1/reports/export/complaints.csv",               "401  403  403  403  403  403  200  200  200"),
    ("POST /api/v1/reports/feedback-analysis/send",             "401  403  403  403  403  403  202  202  202"),
    ("GET /api/v1/knowledge/search",                            "200- 200- 200- 200- 200- 200- 200- 200- 200-"),
    ("GET /api/v1/knowledge/articles",                          "200- 200- 200- 200+ 200- 200- 200+ 200+ 200+"),
    ("POST /api/v1/knowledge/articles",                         "401  403  403  201  403  403  201  403  201"),
    ("GET /api/v1/knowledge/articles/{id}",                     "404  404  404  200  404  404  200  200  200"),
    ("PUT /api/v1/knowledge/articles/{id}",                     "401  404  404  200  404  404  200  403  200"),
    ("DELETE /api/v1/knowledge/articles/{id}",                  "401  404  404  204  404  404  204  403  204"),
    ("POST /api/v1/knowledge/articles/{id}/feedback",           "204  204  204  204  204  204  204  204  204"),
    ("GET /api/v1/knowledge/synonyms",                          "401  403  403  200  200  403  200  200  200"),
    ("PUT /api/v1/knowledge/synonyms",                          "401  403  403  200  200  403  200  200  200"),
    ("GET /api/v1/knowledge/to-curate",                         "401  403  403  200  200  403  200  200  200"),
    //                                                          anon pubA pubB off  offX fo   sup  prov adm
    ("POST /api/v1/consultations/{id}/promote",                 "401  403  404  201  404  404  201  403  201"),
    // Templates: the unit's own beside the national ones; the supervisor above reads them
    // with `?unit=`, an admin's plain list is the national ones.
    ("GET /api/v1/templates",                                   "401  403  403  200+ 200- 403  200+ 200- 200-"),
    ("POST /api/v1/templates",                                  "401  403  403  201  403  403  201  403  201"),
    ("GET /api/v1/templates/{id}",                              "401  403  403  200  404  403  200  200  200"),
    ("PUT /api/v1/templates/{id}",                              "401  403  403  200  404  403  200  403  200"),
    ("DELETE /api/v1/templates/{id}",                           "401  403  403  204  404  403  204  403  204"),
    ("GET /api/v1/consultations/{id}/templates",                "401  403  403  200  404  403  200  403  200"),
    ("GET /api/v1/units/{code}/walkin/services",                "200  200  200  200  200  200  200  200  200"),
    ("PUT /api/v1/units/{code}/walkin/services",                "401  403  403  403  403  403  200  403  200"),
    ("GET /api/v1/units/{code}/walkin/desks",                   "200  200  200  200  200  200  200  200  200"),
    ("PUT /api/v1/units/{code}/walkin/desks",                   "401  403  403  403  403  403  200  403  200"),
    ("GET /api/v1/units/{code}/walkin/tickets",                 "401  403  403  200+ 403  200+ 200+ 403  200+"),
    ("POST /api/v1/units/{code}/walkin/tickets",                "401  403  403  201  403  201  201  403  201"),
    ("GET /api/v1/walkin/tickets/{id}",                         "401  404  404  200  404  200  200  404  200"),
    ("GET /api/v1/walkin/tickets/{id}/live",                    "101  101  101  101  101  101  101  101  101"),
    //                                                          anon pubA pubB off  offX fo   sup  prov adm
    ("GET /api/v1/units/{code}/walkin/board",                   "200  200  200  200  200  200  200  200  200"),
    ("GET /api/v1/units/{code}/walkin/board/live",              "101  101  101  101  101  101  101  101  101"),
    ("POST /api/v1/units/{code}/walkin/call-next",              "401  403  403  200  403  403  200  403  200"),
    ("POST /api/v1/walkin/tickets/{id}/recall",                 "401  404  404  200  404  403  200  404  200"),
    ("POST /api/v1/walkin/tickets/{id}/start",                  "401  404  404  200  404  403  200  404  200"),
    ("POST /api/v1/walkin/tickets/{id}/finish",                 "401  404  404  200  404  403  200  404  200"),
    ("POST /api/v1/walkin/tickets/{id}/no-show",                "401  404  404  200  404  403  200  404  200"),
    ("POST /api/v1/walkin/tickets/{id}/cancel",                 "401  404  404  200  404  200  200  404  200"),
    ("POST /api/v1/walkin/tickets/{id}/transfer",               "401  404  404  200  404  403  200  404  200"),
    ("POST /api/v1/walkin/tickets/{id}/consultation",           "401  404  404  201  404  403  201  404  201"),
    //                                                          anon pubA pubB off  offX fo   sup  prov adm
    ("GET /api/v1/units/{code}/walkin/stats",                   "401  403  403  200  403  200  200  403  200"),
    ("POST /api/v1/units/{code}/walkin/close-day",              "401  403  403  403  403  403  200  403  200"),
    ("GET /api/v1/units/{code}/walkin/kiosk-tokens",            "401  403  403  403  403  403  200  403  200"),
    ("POST /api/v1/units/{code}/walkin/kiosk-tokens",           "401  403  403  403  403  403  201  403  201"),
    ("DELETE /api/v1/units/{code}/walkin/kiosk-tokens/{id}",    "401  403  403  403  403  403  204  403  204"),
    ("GET /api/v1/units/{code}/guestbook",                      "401  403  403  200  403  200  200  403  200"),
    ("POST /api/v1/units/{code}/guestbook",                     "401  403  403  201  403  201  201  403  201"),
];

/// One caller's request.
struct Call {
    method: Method,
    path: String,
    body: Body,
    /// Overrides the actor's token (`Some(None)`: send none).
    token: Option<Option<String>>,
}

enum Body {
    None,
    Json(Value),
    Raw(&'static str, Vec<u8>),
}

impl Call {
    fn new(method: Method, path: impl Into<String>) -> Self {
        Self {
            method,
            path: path.into(),
            body: Body::None,
            token: None,
        }
    }
    fn json(mut self, body: Value) -> Self {
        self.body = Body::Json(body);
        self
    }
}

/// Resources created once, read by the reading operations.
#[derive(Default)]
struct Shared {
    consultation: String,
    message: String,
    attachment: String,
    rating: String,
    ticket: String,
    ticket_key: String,
    complaint: String,
    complaint_code: String,
    article: String,
    draft: String,
    template: String,
    officer_id: String,
}

struct World {
    app: TestApp,
    users: Vec<(Actor, TestUser)>,
    shared: Shared,
}

fn scores(v: i64) -> Value {
    json!({"u1": v, "u2": v, "u3": v, "u4": v, "u5": v, "u6": v, "u7": v, "u8": v, "u9": v})
}

/// Wednesday 2 December 2026, 09:00 in Pekalongan: a working day, the office open.
fn morning() -> DateTime<Utc> {
    "2026-12-02T02:00:00Z".parse().unwrap()
}

fn id_of(v: &Value) -> String {
    v["id"]
        .as_str()
        .unwrap_or_else(|| panic!("no id in {v}"))
        .to_owned()
}

impl World {
    fn user(&self, actor: Actor) -> Option<&TestUser> {
        self.users.iter().find(|(a, _)| *a == actor).map(|(_, u)| u)
    }

    fn token(&self, actor: Actor) -> Option<&str> {
        self.user(actor).map(|u| u.access_token.as_str())
    }

    /// A request that must succeed, for building fixtures.
    async fn must(&self, actor: Actor, method: Method, path: &str, body: Value) -> Value {
        let reply = self
            .app
            .send(method.clone(), path, self.token(actor), Some(body))
            .await;
        assert!(
            reply.status.is_success(),
            "fixture {method} {path} as {actor:?}: {} {}",
            reply.status,
            reply.text
        );
        reply.body
    }

    // --- fresh fixtures ------------------------------------------------------------------

    /// A consultation of public A at the unit, waiting in the queue.
    async fn waiting(&self) -> String {
        let c = self
            .must(
                PubA,
                Method::POST,
                "/api/v1/consultations",
                json!({
                    "unit_code": UNIT,
                    "category": "data",
                    "subject": "Angka kemiskinan 2025",
                    "question": "Berapa persentase penduduk miskin tahun 2025 menurut kecamatan?"
                }),
            )
            .await;
        id_of(&c)
    }

    /// A consultation claimed by the unit's officer, with a question and an answer.
    async fn active(&self) -> String {
        let id = self.waiting().await;
        let base = format!("/api/v1/consultations/{id}");
        self.must(Officer, Method::POST, &format!("{base}/claim"), json!({}))
            .await;
        self.must(
            Officer,
            Method::POST,
            &format!("{base}/messages"),
            json!({"body": "Persentase penduduk miskin 2025 ada di tabel 4.1 publikasi Kota Pekalongan Dalam Angka."}),
        )
        .await;
        id
    }

    /// A consultation answered and closed by the officer.
    async fn closed(&self) -> String {
        let id = self.active().await;
        self.must(
            Officer,
            Method::POST,
            &format!("/api/v1/consultations/{id}/close"),
            json!({"resolution": "answered"}),
        )
        .await;
        id
    }

    /// Public A's low rating of a closed consultation: flagged for follow-up.
    async fn rating(&self) -> String {
        let id = self.closed().await;
        let r = self
            .must(
                PubA,
                Method::POST,
                &format!("/api/v1/consultations/{id}/rating"),
                json!({"scores": scores(1), "comment": "Mohon jawabannya dilengkapi."}),
            )
            .await;
        id_of(&r)
    }

    /// A ticket of the unit taken at the front office, waiting.
    async fn ticket(&self) -> (String, String) {
        let t = self
            .must(
                Front,
                Method::POST,
                &format!("/api/v1/units/{UNIT}/walkin/tickets"),
                json!({"service": "rekomendasi"}),
            )
            .await;
        let key = t["track_url"]
            .as_str()
            .unwrap()
            .split("key=")
            .nth(1)
            .unwrap()
            .to_owned();
        (id_of(&t), key)
    }

    /// A ticket called by the unit's officer to the first desk (freed by `free_desks`).
    async fn called(&self) -> String {
        self.ticket().await;
        let t = self
            .must(
                Officer,
                Method::POST,
                &format!("/api/v1/units/{UNIT}/walkin/call-next"),
                json!({"desk": "meja-1"}),
            )
            .await;
        id_of(&t)
    }

    async fn serving(&self) -> String {
        let id = self.called().await;
        self.must(
            Officer,
            Method::POST,
            &format!("/api/v1/walkin/tickets/{id}/start"),
            json!({}),
        )
        .await;
        id
    }

    /// A finished ticket and its key.
    async fn finished(&self) -> (String, String) {
        let (_, key) = self.ticket().await;
        let t = self
            .must(
                Officer,
                Method::POST,
                &format!("/api/v1/units/{UNIT}/walkin/call-next"),
                json!({"desk": "meja-1"}),
            )
            .await;
        let id = id_of(&t);
        for step in ["start", "finish"] {
            self.must(
                Officer,
                Method::POST,
                &format!("/api/v1/walkin/tickets/{id}/{step}"),
                json!({}),
            )
            .await;
        }
        (id, key)
    }

    /// Ends every ticket of the unit's consultation desks, so that the next call finds the
    /// desks free and only the next fresh ticket waiting.
    async fn free_desks(&self) {
        let db = &self.app.state().db;
        db.execute_unprepared(&format!(
            "UPDATE walkin_tickets SET status = 'cancelled' \
             WHERE unit_code = '{UNIT}' AND service_code <> 'perpustakaan' \
             AND status IN ('waiting', 'called', 'serving')"
        ))
        .await
        .unwrap();
    }

    /// A complaint recorded by the unit's supervisor from an email: received.
    async fn complaint(&self) -> (String, String) {
        let c = self
            .must(
                Sup,
                Method::POST,
                "/api/v1/complaints",
                json!({
                    "unit_code": UNIT,
                    "kind": "complaint",
                    "subject": "Balasan konsultasi lambat",
                    "description": "Pertanyaan saya belum dijawab setelah tiga hari kerja.",
                    "email": "pelapor@example.id",
                    "channel": "email"
                }),
            )
            .await;
        let code = c["tracking_code"].as_str().unwrap().to_owned();
        (self.complaint_id(&code).await, code)
    }

    /// The id behind a tracking code (the filing answers only the code).
    async fn complaint_id(&self, code: &str) -> String {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        use statkonsul::entities::complaint;
        complaint::Entity::find()
            .filter(complaint::Column::TrackingCode.eq(code))
            .one(&self.app.state().db)
            .await
            .unwrap()
            .unwrap()
            .id
            .to_string()
    }

    /// A complaint verified by the supervisor and answered by the officer.
    async fn responded_complaint(&self) -> String {
        let (id, code) = self.complaint().await;
        self.must(
            Sup,
            Method::POST,
            &format!("/api/v1/complaints/{id}/status"),
            json!({"status": "verified"}),
        )
        .await;
        self.must(
            Officer,
            Method::POST,
            &format!("/api/v1/complaints/{id}/responses"),
            json!({"body": "Jawaban konsultasi Anda sudah kami kirim hari ini."}),
        )
        .await;
        code
    }

    async fn article(&self, status: &str) -> String {
        let a = self
            .must(
                Sup,
                Method::POST,
                "/api/v1/knowledge/articles",
                article_body(status),
            )
            .await;
        id_of(&a)
    }

    async fn template(&self) -> String {
        id_of(
            &self
                .must(Sup, Method::POST, "/api/v1/templates", template_body())
                .await,
        )
    }

    async fn kiosk_token(&self) -> String {
        let k = self
            .must(
                Sup,
                Method::POST,
                &format!("/api/v1/units/{UNIT}/walkin/kiosk-tokens"),
                json!({"name": "Kiosk lobi"}),
            )
            .await;
        id_of(&k)
    }

    /// A fresh emailed token for `path` (`request` asks for it), for an account made for it:
    /// emails asked for are limited per inbox, so every cell has its own.
    async fn mailed(&self, request: &str, path: &str) -> String {
        let user = self.app.staff(Role::Officer, Some(UNIT)).await;
        self.app
            .post(request, None, json!({"email": user.email}))
            .await
            .ok();
        self.app.mailed_token(&user.email, path).await
    }

    /// A registered, unverified address and its verification token.
    async fn unverified(&self) -> String {
        let email = format!("baru-{}@example.id", uuid::Uuid::new_v4().simple());
        self.app.register(&email, "Kopi-Tubruk-2026").await.ok();
        self.app.mailed_token(&email, "/verify-email").await
    }

    /// A fresh session of public B: its refresh token.
    async fn session(&self) -> String {
        let b = self.user(PubB).unwrap();
        self.app.login(&b.email, &b.password).await.ok()["refresh_token"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    // --- the calls -----------------------------------------------------------------------

    /// The request `actor` makes for `op`; writing operations get fresh resources.
    async fn call(&self, op: &str, actor: Actor) -> Call {
        use Method as M;
        let s = &self.shared;
        let me = self.user(actor);
        let c = &s.consultation;
        match op {
            "GET /healthz" => Call::new(M::GET, "/healthz"),
            "GET /readyz" => Call::new(M::GET, "/readyz"),
            "GET /metrics" => Call::new(M::GET, "/metrics"),
            // Auth: open to everyone; a token changes nothing.
            "POST /api/v1/auth/register" => Call::new(M::POST, "/api/v1/auth/register").json(
                json!({"email": format!("daftar-{}@example.id", uuid::Uuid::new_v4().simple()),
                       "password": "Kopi-Tubruk-2026", "full_name": "Budi Santoso"}),
            ),
            "POST /api/v1/auth/verify-email" => Call::new(M::POST, "/api/v1/auth/verify-email")
                .json(json!({"token": self.unverified().await})),
            "POST /api/v1/auth/resend-verification" => {
                Call::new(M::POST, "/api/v1/auth/resend-verification")
                    .json(json!({"email": fresh_email("belum")}))
            }
            "POST /api/v1/auth/login" => Call::new(M::POST, "/api/v1/auth/login")
                .json(json!({"email": self.user(PubB).unwrap().email, "password": self.user(PubB).unwrap().password})),
            "POST /api/v1/auth/refresh" => Call::new(M::POST, "/api/v1/auth/refresh")
                .json(json!({"refresh_token": self.session().await})),
            "POST /api/v1/auth/logout" => Call::new(M::POST, "/api/v1/auth/logout")
                .json(json!({"refresh_token": self.session().await})),
            "POST /api/v1/auth/password-reset/request" => {
                Call::new(M::POST, "/api/v1/auth/password-reset/request")
                    .json(json!({"email": fresh_email("lupa")}))
            }
            "POST /api/v1/auth/password-reset/confirm" => {
                let token = self
                    .mailed("/api/v1/auth/password-reset/request", "/reset-password")
                    .await;
                Call::new(M::POST, "/api/v1/auth/password-reset/confirm")
                    .json(json!({"token": token, "new_password": "Teh-Poci-Baru-2026"}))
            }
            "GET /api/v1/me" => Call::new(M::GET, "/api/v1/me"),
            "PATCH /api/v1/me" => {
                Call::new(M::PATCH, "/api/v1/me").json(json!({"institution": "Universitas Pekalongan"}))
            }
            "POST /api/v1/me/password" => Call::new(M::POST, "/api/v1/me/password").json(json!({
                "current_password": me.map(|u| u.password.clone()).unwrap_or_default(),
                "new_password": "Nasi-Megono-Baru-2026"
            })),
            // Units and the calendar.
            "GET /api/v1/units" => Call::new(M::GET, "/api/v1/units"),
            "GET /api/v1/units/{code}" => Call::new(M::GET, format!("/api/v1/units/{UNIT}")),
            "PUT /api/v1/units/{code}/service-standard" => {
                let mut standard = self.app.get(&format!("/api/v1/units/{UNIT}"), None).await.body
                    ["service_standard"]
                    .clone();
                // What the unit's page adds to the standard is not part of it.
                standard.as_object_mut().unwrap().remove("updated_at");
                Call::new(M::PUT, format!("/api/v1/units/{UNIT}/service-standard")).json(standard)
            }
            "PUT /api/v1/units/{code}/settings" => {
                let settings =
                    self.app.get(&format!("/api/v1/units/{UNIT}"), None).await.body["settings"].clone();
                Call::new(M::PUT, format!("/api/v1/units/{UNIT}/settings")).json(settings)
            }
            "GET /api/v1/holidays" => Call::new(M::GET, "/api/v1/holidays?year=2026"),
            "GET /api/v1/holidays/status" => Call::new(M::GET, "/api/v1/holidays/status"),
            "PUT /api/v1/holidays" => Call::new(M::PUT, "/api/v1/holidays?year=2027").json(
                json!({"items": [{"date": "2027-01-01", "kind": "national", "name": "Tahun Baru 2027 Masehi"}]}),
            ),
            "GET /api/v1/staff" => Call::new(M::GET, format!("/api/v1/staff?unit={UNIT}")),
            "POST /api/v1/staff" => Call::new(M::POST, "/api/v1/staff").json(json!({
                "email": format!("petugas-{}@bps.go.id", uuid::Uuid::new_v4().simple()),
                "password": "Meja-Layanan-2026",
                "full_name": "Petugas Baru",
                "role": "officer",
                "unit_code": UNIT
            })),
            // Consultations.
            "GET /api/v1/consultations" => Call::new(M::GET, "/api/v1/consultations"),
            "POST /api/v1/consultations" => Call::new(M::POST, "/api/v1/consultations").json(json!({
                "unit_code": UNIT,
                "category": "metadata",
                "subject": "Definisi pengangguran terbuka",
                "question": "Apa definisi tingkat pengangguran terbuka yang dipakai BPS?"
            })),
            "GET /api/v1/consultations/{id}" => Call::new(M::GET, format!("/api/v1/consultations/{c}")),
            "POST /api/v1/consultations/{id}/claim" => {
                let id = self.waiting().await;
                Call::new(M::POST, format!("/api/v1/consultations/{id}/claim")).json(json!({}))
            }
            "POST /api/v1/consultations/{id}/assign" => {
                let id = self.waiting().await;
                Call::new(M::POST, format!("/api/v1/consultations/{id}/assign"))
                    .json(json!({"officer_id": s.officer_id}))
            }
            "POST /api/v1/consultations/{id}/clarify" => {
                let id = self.active().await;
                Call::new(M::POST, format!("/api/v1/consultations/{id}/clarify")).json(json!({}))
            }
            "POST /api/v1/consultations/{id}/close" => {
                let id = self.active().await;
                Call::new(M::POST, format!("/api/v1/consultations/{id}/close"))
                    .json(json!({"resolution": "answered"}))
            }
            "POST /api/v1/consultations/{id}/reopen" => {
                let id = self.closed().await;
                Call::new(M::POST, format!("/api/v1/consultations/{id}/reopen")).json(json!({}))
            }
            "POST /api/v1/consultations/{id}/withdraw" => {
                let id = self.waiting().await;
                Call::new(M::POST, format!("/api/v1/consultations/{id}/withdraw")).json(json!({}))
            }
            "POST /api/v1/consultations/{id}/to-index" => {
                let id = self.closed().await;
                Call::new(M::POST, format!("/api/v1/consultations/{id}/to-index"))
                    .json(json!({"to_index": true}))
            }
            "POST /api/v1/consultations/{id}/follow-ups" => {
                let id = self.active().await;
                Call::new(M::POST, format!("/api/v1/consultations/{id}/follow-ups")).json(json!({
                    "kind": "video_meeting",
                    "scheduled_at": "2026-12-07T03:00:00Z",
                    "location_or_link": "https://meet.example.id/pst-3375"
                }))
            }
            "POST /api/v1/consultations/{id}/referrals" => {
                let id = self.active().await;
                Call::new(M::POST, format!("/api/v1/consultations/{id}/referrals"))
                    .json(json!({"service": "library"}))
            }
            "GET /api/v1/consultations/{id}/messages" => {
                Call::new(M::GET, format!("/api/v1/consultations/{c}/messages"))
            }
            "POST /api/v1/consultations/{id}/messages" => {
                let id = self.active().await;
                Call::new(M::POST, format!("/api/v1/consultations/{id}/messages"))
                    .json(json!({"body": "Terima kasih, tabelnya sudah saya temukan."}))
            }
            "POST /api/v1/consultations/{id}/attachments" => {
                let id = self.active().await;
                let mut call = Call::new(
                    M::POST,
                    format!("/api/v1/consultations/{id}/attachments?file_name=tabel.csv"),
                );
                call.body = Body::Raw("text/csv", b"kecamatan,persen\nPekalongan Barat,6.1\n".to_vec());
                call
            }
            "GET /api/v1/attachments/{id}" => Call::new(M::GET, format!("/api/v1/attachments/{}", s.attachment)),
            "POST /api/v1/consultations/{id}/read" => {
                Call::new(M::POST, format!("/api/v1/consultations/{c}/read"))
                    .json(json!({"message_id": s.message}))
            }
            "POST /api/v1/ws/tickets" => Call::new(M::POST, "/api/v1/ws/tickets".to_string()),
            "GET /api/v1/ws" => {
                // Each caller's own one-time ticket.
                let q = match me {
                    Some(u) => {
                        let url = self.app.socket_url(&u.access_token).await;
                        format!("?{}", url.split_once('?').map(|(_, q)| q).unwrap_or_default())
                    }
                    None => String::new(),
                };
                Call::new(M::GET, format!("/api/v1/ws{q}"))
            }
            // Ratings.
            "POST /api/v1/consultations/{id}/rating" => {
                let id = self.closed().await;
                Call::new(M::POST, format!("/api/v1/consultations/{id}/rating"))
                    .json(json!({"scores": scores(4)}))
            }
            "POST /api/v1/walkin/tickets/{id}/rating" => {
                let (id, key) = self.finished().await;
                Call::new(M::POST, format!("/api/v1/walkin/tickets/{id}/rating?key={key}"))
                    .json(json!({"scores": scores(4)}))
            }
            "GET /api/v1/ratings" => Call::new(M::GET, format!("/api/v1/ratings?unit={UNIT}")),
            "GET /api/v1/ratings/{id}" => Call::new(M::GET, format!("/api/v1/ratings/{}", s.rating)),
            "POST /api/v1/ratings/{id}/follow-ups" => {
                let id = self.rating().await;
                Call::new(M::POST, format!("/api/v1/ratings/{id}/follow-ups"))
                    .json(json!({"message": "Jawaban lengkap kami kirim ulang; mohon dicek."}))
            }
            "POST /api/v1/ratings/{id}/replies" => {
                let id = self.rating().await;
                self.must(
                    Officer,
                    M::POST,
                    &format!("/api/v1/ratings/{id}/follow-ups"),
                    json!({"message": "Jawaban lengkap kami kirim ulang; mohon dicek."}),
                )
                .await;
                Call::new(M::POST, format!("/api/v1/ratings/{id}/replies"))
                    .json(json!({"body": "Sudah saya terima, terima kasih."}))
            }
            "POST /api/v1/ratings/{id}/resolve" => {
                let id = self.rating().await;
                Call::new(M::POST, format!("/api/v1/ratings/{id}/resolve"))
                    .json(json!({"note": "Dijawab ulang lewat email."}))
            }
            // Complaints.
            "GET /api/v1/complaints" => Call::new(M::GET, format!("/api/v1/complaints?unit={UNIT}")),
            "POST /api/v1/complaints" => {
                let mut body = json!({
                    "unit_code": UNIT,
                    "kind": "suggestion",
                    "subject": "Ruang tunggu",
                    "description": "Mohon ditambah kursi di ruang tunggu PST.",
                    "email": format!("saran-{}@example.id", uuid::Uuid::new_v4().simple())
                });
                // Staff record what came through another channel, and name it.
                if !matches!(actor, Anon | PubA | PubB) {
                    body["channel"] = json!("suggestion_box");
                }
                Call::new(M::POST, "/api/v1/complaints").json(body)
            }
            "POST /api/v1/complaints/confirm" => {
                let email = format!("lapor-{}@example.id", uuid::Uuid::new_v4().simple());
                self.must(
                    Anon,
                    M::POST,
                    "/api/v1/complaints",
                    json!({"unit_code": UNIT, "kind": "complaint", "subject": "Antrean",
                           "description": "Antrean tidak bergerak selama satu jam.", "email": email}),
                )
                .await;
                let token = self.app.mailed_token(&email, "/complaints/confirm").await;
                Call::new(M::POST, "/api/v1/complaints/confirm").json(json!({"token": token}))
            }
            "GET /api/v1/complaints/track/{tracking_code}" => {
                Call::new(M::GET, format!("/api/v1/complaints/track/{}", s.complaint_code))
            }
            "POST /api/v1/complaints/track/{tracking_code}/replies" => {
                let code = self.responded_complaint().await;
                Call::new(M::POST, format!("/api/v1/complaints/track/{code}/replies"))
                    .json(json!({"body": "Terima kasih, sudah beres.", "resolved": true}))
            }
            "GET /api/v1/complaints/{id}" => Call::new(M::GET, format!("/api/v1/complaints/{}", s.complaint)),
            "POST /api/v1/complaints/{id}/status" => {
                let (id, _) = self.complaint().await;
                Call::new(M::POST, format!("/api/v1/complaints/{id}/status"))
                    .json(json!({"status": "verified"}))
            }
            "POST /api/v1/complaints/{id}/responses" => {
                let (id, _) = self.complaint().await;
                self.must(
                    Sup,
                    M::POST,
                    &format!("/api/v1/complaints/{id}/status"),
                    json!({"status": "verified"}),
                )
                .await;
                Call::new(M::POST, format!("/api/v1/complaints/{id}/responses"))
                    .json(json!({"body": "Mohon maaf; jawaban sudah kami kirim hari ini."}))
            }
            "POST /api/v1/complaints/{id}/assign" => {
                let (id, _) = self.complaint().await;
                Call::new(M::POST, format!("/api/v1/complaints/{id}/assign"))
                    .json(json!({"assignee_id": s.officer_id}))
            }
            // Reports.
            "GET /api/v1/reports/satisfaction"
            | "GET /api/v1/reports/service-levels"
            | "GET /api/v1/reports/volumes"
            | "GET /api/v1/reports/export/consultations.csv"
            | "GET /api/v1/reports/export/ratings.csv"
            | "GET /api/v1/reports/export/complaints.csv" => {
                let path = op.trim_start_matches("GET ");
                Call::new(M::GET, format!("{path}?unit={UNIT}&from=2026-11-01&to=2026-12-31"))
            }
            "POST /api/v1/reports/feedback-analysis/send" => {
                Call::new(M::POST, "/api/v1/reports/feedback-analysis/send")
                    .json(json!({"unit_code": UNIT, "from": "2026-11-01", "to": "2026-11-30"}))
            }
            // Knowledge.
            "GET /api/v1/knowledge/search" => Call::new(M::GET, "/api/v1/knowledge/search?q=kemiskinan"),
            "GET /api/v1/knowledge/articles" => Call::new(M::GET, "/api/v1/knowledge/articles"),
            "POST /api/v1/knowledge/articles" => {
                Call::new(M::POST, "/api/v1/knowledge/articles").json(article_body("draft"))
            }
            "GET /api/v1/knowledge/articles/{id}" => {
                Call::new(M::GET, format!("/api/v1/knowledge/articles/{}", s.draft))
            }
            "PUT /api/v1/knowledge/articles/{id}" => {
                let id = self.article("draft").await;
                Call::new(M::PUT, format!("/api/v1/knowledge/articles/{id}")).json(article_body("draft"))
            }
            "DELETE /api/v1/knowledge/articles/{id}" => {
                let id = self.article("draft").await;
                Call::new(M::DELETE, format!("/api/v1/knowledge/articles/{id}"))
            }
            "POST /api/v1/knowledge/articles/{id}/feedback" => {
                let id = self.article("published").await;
                Call::new(M::POST, format!("/api/v1/knowledge/articles/{id}/feedback"))
                    .json(json!({"helpful": true, "context": "article"}))
            }
            "GET /api/v1/knowledge/synonyms" => Call::new(M::GET, "/api/v1/knowledge/synonyms"),
            "PUT /api/v1/knowledge/synonyms" => Call::new(M::PUT, "/api/v1/knowledge/synonyms")
                .json(json!({"groups": [["miskin", "kemiskinan"], ["ipm", "indeks pembangunan manusia"]]})),
            "GET /api/v1/knowledge/to-curate" => Call::new(M::GET, "/api/v1/knowledge/to-curate"),
            "PATCH /api/v1/staff/{id}" => {
                Call::new(M::PATCH, format!("/api/v1/staff/{}", s.officer_id)).json(json!({"capacity": 6}))
            }
            "PUT /api/v1/me/availability" => {
                Call::new(M::PUT, "/api/v1/me/availability").json(json!({"availability": "away"}))
            }
            "GET /api/v1/templates" => Call::new(M::GET, "/api/v1/templates"),
            "POST /api/v1/templates" => Call::new(M::POST, "/api/v1/templates").json(template_body()),
            "GET /api/v1/templates/{id}" => Call::new(M::GET, format!("/api/v1/templates/{}", s.template)),
            "PUT /api/v1/templates/{id}" => {
                let id = self.template().await;
                Call::new(M::PUT, format!("/api/v1/templates/{id}")).json(template_body())
            }
            "DELETE /api/v1/templates/{id}" => {
                let id = self.template().await;
                Call::new(M::DELETE, format!("/api/v1/templates/{id}"))
            }
            "GET /api/v1/consultations/{id}/templates" => {
                Call::new(M::GET, format!("/api/v1/consultations/{c}/templates"))
            }
            "POST /api/v1/consultations/{id}/promote" => {
                let id = self.closed().await;
                Call::new(M::POST, format!("/api/v1/consultations/{id}/promote")).json(json!({}))
            }
            // Walk-in.
            "GET /api/v1/units/{code}/walkin/services" => {
                Call::new(M::GET, format!("/api/v1/units/{UNIT}/walkin/services"))
            }
            "PUT /api/v1/units/{code}/walkin/services" => {
                let list = self
                    .app
                    .get(&format!("/api/v1/units/{UNIT}/walkin/services"), None)
                    .await
                    .body;
                Call::new(M::PUT, format!("/api/v1/units/{UNIT}/walkin/services"))
                    .json(json!({"services": list["items"]}))
            }
            "GET /api/v1/units/{code}/walkin/desks" => {
                Call::new(M::GET, format!("/api/v1/units/{UNIT}/walkin/desks"))
            }
            "PUT /api/v1/units/{code}/walkin/desks" => {
                let list = self
                    .app
                    .get(&format!("/api/v1/units/{UNIT}/walkin/desks"), None)
                    .await
                    .body;
                Call::new(M::PUT, format!("/api/v1/units/{UNIT}/walkin/desks"))
                    .json(json!({"desks": list["items"]}))
            }
            "GET /api/v1/units/{code}/walkin/tickets" => {
                Call::new(M::GET, format!("/api/v1/units/{UNIT}/walkin/tickets"))
            }
            "POST /api/v1/units/{code}/walkin/tickets" => {
                Call::new(M::POST, format!("/api/v1/units/{UNIT}/walkin/tickets"))
                    .json(json!({"service": "rekomendasi"}))
            }
            "GET /api/v1/walkin/tickets/{id}" => Call::new(M::GET, format!("/api/v1/walkin/tickets/{}", s.ticket)),
            "GET /api/v1/walkin/tickets/{id}/live" => Call::new(
                M::GET,
                format!("/api/v1/walkin/tickets/{}/live?key={}", s.ticket, s.ticket_key),
            ),
            "GET /api/v1/units/{code}/walkin/board" => {
                Call::new(M::GET, format!("/api/v1/units/{UNIT}/walkin/board"))
            }
            "GET /api/v1/units/{code}/walkin/board/live" => {
                Call::new(M::GET, format!("/api/v1/units/{UNIT}/walkin/board/live"))
            }
            "POST /api/v1/units/{code}/walkin/call-next" => {
                self.ticket().await;
                Call::new(M::POST, format!("/api/v1/units/{UNIT}/walkin/call-next"))
                    .json(json!({"desk": "meja-1"}))
            }
            "POST /api/v1/walkin/tickets/{id}/recall"
            | "POST /api/v1/walkin/tickets/{id}/start"
            | "POST /api/v1/walkin/tickets/{id}/no-show"
            | "POST /api/v1/walkin/tickets/{id}/cancel" => {
                let id = self.called().await;
                if op.ends_with("/no-show") {
                    // Absent only after the unit's two calls.
                    self.must(Officer, M::POST, &format!("/api/v1/walkin/tickets/{id}/recall"), json!({}))
                        .await;
                }
                let action = op.rsplit('/').next().unwrap();
                Call::new(M::POST, format!("/api/v1/walkin/tickets/{id}/{action}")).json(json!({}))
            }
            "POST /api/v1/walkin/tickets/{id}/finish" => {
                let id = self.serving().await;
                Call::new(M::POST, format!("/api/v1/walkin/tickets/{id}/finish")).json(json!({}))
            }
            "POST /api/v1/walkin/tickets/{id}/transfer" => {
                let id = self.serving().await;
                Call::new(M::POST, format!("/api/v1/walkin/tickets/{id}/transfer"))
                    .json(json!({"service": "penjualan"}))
            }
            "POST /api/v1/walkin/tickets/{id}/consultation" => {
                let id = self.serving().await;
                self.must(
                    Front,
                    M::POST,
                    &format!("/api/v1/units/{UNIT}/guestbook"),
                    guest(Some(&id)),
                )
                .await;
                Call::new(M::POST, format!("/api/v1/walkin/tickets/{id}/consultation")).json(json!({
                    "category": "activity_recommendation",
                    "subject": "Rekomendasi survei kepuasan",
                    "question": "Apakah survei kepuasan masyarakat kota perlu rekomendasi BPS?",
                    "answer": "Ya; ajukan lewat Romantik dengan rancangan kuesionernya."
                }))
            }
            "GET /api/v1/units/{code}/walkin/stats" => {
                Call::new(M::GET, format!("/api/v1/units/{UNIT}/walkin/stats"))
            }
            "POST /api/v1/units/{code}/walkin/close-day" => {
                Call::new(M::POST, format!("/api/v1/units/{UNIT}/walkin/close-day")).json(json!({}))
            }
            "GET /api/v1/units/{code}/walkin/kiosk-tokens" => {
                Call::new(M::GET, format!("/api/v1/units/{UNIT}/walkin/kiosk-tokens"))
            }
            "POST /api/v1/units/{code}/walkin/kiosk-tokens" => {
                Call::new(M::POST, format!("/api/v1/units/{UNIT}/walkin/kiosk-tokens"))
                    .json(json!({"name": "Kiosk lobi"}))
            }
            "DELETE /api/v1/units/{code}/walkin/kiosk-tokens/{id}" => {
                let id = self.kiosk_token().await;
                Call::new(M::DELETE, format!("/api/v1/units/{UNIT}/walkin/kiosk-tokens/{id}"))
            }
            "GET /api/v1/units/{code}/guestbook" => {
                Call::new(M::GET, format!("/api/v1/units/{UNIT}/guestbook"))
            }
            "POST /api/v1/units/{code}/guestbook" => {
                Call::new(M::POST, format!("/api/v1/units/{UNIT}/guestbook")).json(guest(None))
            }
            "GET /api/v1/audit" => Call::new(M::GET, format!("/api/v1/audit?unit={UNIT}")),
            // Reported as a differing cell, with every other one.
            _ => Call::new(M::GET, String::new()),
        }
    }

    /// Sends `call` as `actor`; the status and the start of the body.
    async fn send(&self, actor: Actor, call: Call) -> (u16, String) {
        let token = match call.token {
            Some(t) => t,
            None => self.token(actor).map(str::to_owned),
        };
        if call.path.is_empty() {
            return (
                0,
                "no request is written for this operation in World::call".into(),
            );
        }
        let url = self.app.url(&call.path);
        if call.method == Method::GET
            && (call.path.starts_with("/api/v1/ws") || call.path.contains("/live"))
        {
            return live(&url).await;
        }
        let mut req = self.app.client.request(call.method, url);
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        req = match call.body {
            Body::None => req,
            Body::Json(v) => req.json(&v),
            Body::Raw(content_type, bytes) => req.header("content-type", content_type).body(bytes),
        };
        let reply = TestApp::read(req.send().await.expect("request failed")).await;
        (reply.status.as_u16(), reply.text)
    }

    /// The resource a list must show to those who may see it and hide from the others.
    fn marker(&self, op: &str) -> Option<&str> {
        let s = &self.shared;
        Some(match op {
            "GET /api/v1/consultations" => &s.consultation,
            "GET /api/v1/complaints" => &s.complaint,
            "GET /api/v1/ratings" => &s.rating,
            "GET /api/v1/units/{code}/walkin/tickets" => &s.ticket,
            "GET /api/v1/staff" => &s.officer_id,
            "GET /api/v1/templates" => &s.template,
            "GET /api/v1/knowledge/articles" | "GET /api/v1/knowledge/search" => &s.draft,
            _ => return None,
        })
    }

    async fn cell(&self, op: &str, actor: Actor) -> (u16, String) {
        let call = self.call(op, actor).await;
        let out = self.send(actor, call).await;
        if !op.starts_with("GET ") && op.contains("/walkin/") {
            self.free_desks().await;
        }
        out
    }
}

/// A WebSocket opening: 101 when it opens, else the refusal's status.
async fn live(url: &str) -> (u16, String) {
    let url = url.replacen("http://", "ws://", 1);
    match tokio_tungstenite::connect_async(url).await {
        Ok(_) => (101, String::new()),
        Err(tokio_tungstenite::tungstenite::Error::Http(res)) => {
            let body = res
                .body()
                .as_ref()
                .map(|b| String::from_utf8_lossy(b).into_owned())
                .unwrap_or_default();
            (res.status().as_u16(), body)
        }
        Err(e) => (0, e.to_string()),
    }
}

/// An address nobody used yet (emails asked for are limited per inbox).
fn fresh_email(name: &str) -> String {
    format!("{name}-{}@example.id", uuid::Uuid::new_v4().simple())
}

/// A guest-book entry, for `ticket` when given.
fn guest(ticket: Option<&str>) -> Value {
    json!({
        "ticket_id": ticket,
        "full_name": "Dewi Lestari",
        "id_type": "ktp",
        "id_number": "3375014501900001",
        "email": "dewi@example.id",
        "purpose": "Konsultasi data kemiskinan"
    })
}

/// A template of `UNIT` with a shortcut of its own (shortcuts are unique in a unit).
fn template_body() -> Value {
    json!({
        "unit_code": UNIT,
        "title": "Data tersedia di website",
        "shortcut": format!("data-{}", &uuid::Uuid::new_v4().simple().to_string()[..12]),
        "body": "Selamat siang {nama}, datanya tersedia di website {unit}."
    })
}

fn article_body(status: &str) -> Value {
    json!({
        "title": "Persentase penduduk miskin menurut kecamatan",
        "question": "Di mana angka kemiskinan per kecamatan?",
        "answer": "Angka kemiskinan hanya tersedia sampai tingkat kabupaten/kota.",
        "category": "data",
        "unit_code": UNIT,
        "tags": ["kemiskinan"],
        "status": status
    })
}

/// Operations that change what later cells see (the caller's password, the day's queue):
/// they run after all others.
const LAST: &[&str] = &[
    "POST /api/v1/units/{code}/walkin/close-day",
    "POST /api/v1/me/password",
];

fn expected(row: &str) -> Vec<String> {
    row.split_whitespace().map(str::to_owned).collect()
}

/// Whether a cell's answer is the expected one: a status, `+` when the body must name the
/// operation's marker (a list shows the resource), `-` when it must not.
fn matches(expected: &str, status: u16, body: &str, marker: Option<&str>) -> bool {
    let (code, shown) = match expected.strip_suffix('+') {
        Some(code) => (code, Some(true)),
        None => match expected.strip_suffix('-') {
            Some(code) => (code, Some(false)),
            None => (expected, None),
        },
    };
    code.parse::<u16>().ok() == Some(status)
        && match (shown, marker) {
            (None, _) => true,
            (Some(shown), Some(m)) => body.contains(m) == shown,
            (Some(_), None) => false,
        }
}

fn short(body: &str) -> String {
    body.chars().take(200).collect()
}

async fn world() -> World {
    let app = spawn_app().await;
    app.state().clock.set(morning());
    let mut users = Vec::new();
    for actor in ACTORS {
        let user = match actor {
            Anon => continue,
            PubA | PubB => app.public_user().await,
            Officer => app.staff(Role::Officer, Some(UNIT)).await,
            OfficerX => app.staff(Role::Officer, Some(OTHER)).await,
            Front => app.staff(Role::FrontOffice, Some(UNIT)).await,
            Sup => app.staff(Role::Supervisor, Some(UNIT)).await,
            SupProv => app.staff(Role::Supervisor, Some(PROVINCE)).await,
            Admin => app.staff(Role::Admin, None).await,
        };
        users.push((actor, user));
    }
    let mut w = World {
        app,
        users,
        shared: Shared::default(),
    };
    let officer = w.app.get("/api/v1/me", w.token(Officer)).await.ok().clone();
    w.shared.officer_id = id_of(&officer);
    // Public A's consultation, claimed, with an answer and an attachment.
    let c = w.active().await;
    let msgs = w
        .app
        .get(
            &format!("/api/v1/consultations/{c}/messages"),
            w.token(PubA),
        )
        .await
        .ok()
        .clone();
    w.shared.message = id_of(&msgs["items"][0]);
    let uploaded = w
        .app
        .client
        .post(w.app.url(&format!(
            "/api/v1/consultations/{c}/attachments?file_name=tabel.csv"
        )))
        .bearer_auth(w.token(PubA).unwrap())
        .header("content-type", "text/csv")
        .body("kecamatan,persen\nPekalongan Utara,7.2\n")
        .send()
        .await
        .unwrap();
    let uploaded = TestApp::read(uploaded).await;
    w.shared.attachment = uploaded.ok()["attachments"][0]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("attachment id in {}", uploaded.text))
        .to_owned();
    w.shared.consultation = c;
    w.shared.rating = w.rating().await;
    // A ticket of a service that the desks used by the writing cells do not serve.
    let t = w
        .must(
            Front,
            Method::POST,
            &format!("/api/v1/units/{UNIT}/walkin/tickets"),
            json!({"service": "perpustakaan"}),
        )
        .await;
    w.shared.ticket = id_of(&t);
    w.shared.ticket_key = t["track_url"]
        .as_str()
        .unwrap()
        .split("key=")
        .nth(1)
        .unwrap()
        .to_owned();
    // Public A's own complaint.
    let filed = w
        .must(
            PubA,
            Method::POST,
            "/api/v1/complaints",
            json!({"unit_code": UNIT, "kind": "complaint", "subject": "Balasan lambat",
                   "description": "Konsultasi saya belum dijawab."}),
        )
        .await;
    w.shared.complaint_code = filed["tracking_code"].as_str().unwrap().to_owned();
    w.shared.complaint = w.complaint_id(&w.shared.complaint_code).await;
    w.shared.article = w.article("published").await;
    w.shared.draft = w.article("draft").await;
    w.shared.template = w.template().await;
    w.app.index_settled().await;
    w
}

#[tokio::test]
async fn every_operation_answers_every_caller_as_the_matrix_says() {
    let w = world().await;
    let _ = &w.shared.article;
    let spec = w.app.get("/api/openapi.json", None).await;
    let mut ops = Vec::new();
    for (path, item) in spec.ok()["paths"].as_object().unwrap() {
        for method in ["get", "put", "post", "delete", "patch"] {
            if item.get(method).is_some() {
                ops.push(format!("{} {path}", method.to_uppercase()));
            }
        }
    }
    let mut failures = Vec::new();
    let rows: BTreeSet<&str> = MATRIX.iter().map(|(op, _)| *op).collect();
    for (op, row) in MATRIX {
        if !ops.iter().any(|o| o == op) {
            failures.push(format!("{op}: in the matrix, not in the OpenAPI document"));
        }
        if expected(row).len() != ACTORS.len() {
            failures.push(format!("{op}: the row needs {} cells", ACTORS.len()));
        }
    }
    let print = std::env::var("AUTHZ_PRINT").is_ok();
    let (reading, writing): (Vec<&String>, Vec<&String>) =
        ops.iter().partition(|op| op.starts_with("GET "));
    let mut writing: Vec<&String> = writing;
    writing.sort_by_key(|op| LAST.contains(&op.as_str()));
    let mut observed: Vec<(String, Vec<(u16, String)>)> = Vec::new();
    // Reads at once, against the shared fixtures.
    let reads = join_all(reading.iter().map(|op| async {
        let cells = join_all(ACTORS.iter().map(|a| w.cell(op, *a))).await;
        ((*op).clone(), cells)
    }))
    .await;
    observed.extend(reads);
    // Writes one cell at a time, each against its own fresh resources.
    for op in writing {
        let mut cells = Vec::new();
        for actor in ACTORS {
            cells.push(w.cell(op, actor).await);
        }
        observed.push((op.clone(), cells));
    }
    let mut table = String::new();
    for (op, cells) in &observed {
        let marker = w.marker(op);
        let got: Vec<String> = cells
            .iter()
            .map(|(s, b)| match marker {
                Some(m) if b.contains(m) => format!("{s}+"),
                Some(_) => format!("{s}-"),
                None => s.to_string(),
            })
            .collect();
        let _ = writeln!(
            table,
            "    ({:<58} \"{}\"),",
            format!("\"{op}\","),
            got.join("  ")
        );
        if print {
            for (actor, (status, body)) in ACTORS.iter().zip(cells) {
                if matches!(status, 0 | 400 | 409 | 422 | 500) {
                    println!("!! {op} {actor:?} {status} {}", short(body));
                }
            }
        }
        let Some((_, row)) = MATRIX.iter().find(|(o, _)| o == op) else {
            failures.push(format!("{op}: no row in the matrix"));
            continue;
        };
        for ((actor, (status, body)), want) in ACTORS.iter().zip(cells).zip(expected(row)) {
            if !matches(&want, *status, body, marker) {
                let shown = match marker {
                    Some(m) if body.contains(m) => " (shows the resource)",
                    Some(_) => " (does not show the resource)",
                    None => "",
                };
                failures.push(format!(
                    "{op} as {actor:?}: expected {want}, got {status}{shown}: {}",
                    short(body)
                ));
            }
        }
    }
    assert!(!rows.is_empty());
    if print {
        println!("    // {HEADER}\n{table}");
    }
    assert!(
        failures.is_empty(),
        "{} of {} cells ({} operations × {} callers) differ from the matrix:\n{}",
        failures.len(),
        observed.len() * ACTORS.len(),
        observed.len(),
        ACTORS.len(),
        failures.join("\n")
    );
}
