use actix_web::{HttpResponse, get, post, web};

use super::{
    csv_out,
    export::{self, Export},
    feedback::{self, FeedbackReportRequest, FeedbackReportSent},
    satisfaction::{self, SatisfactionReport, SkmFigures},
    scope::{self, ReportFormat, ReportQuery},
    service_levels::{self, ServiceLevelReport},
    volumes::{self, Interval, VolumeQuery, VolumeReport},
};
use crate::{
    api::{BadRequest, Conflict, Forbidden, NotFound, Unauthenticated, Unprocessable, ValidJson},
    caller::AuthUser,
    error::AppResult,
    state::AppState,
};

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(satisfaction_report)
        .service(service_level_report)
        .service(volume_report)
        .service(export_consultations)
        .service(export_ratings)
        .service(export_complaints)
        .service(send_feedback_analysis);
}

/// CSV text (in the OpenAPI document: a string).
pub struct CsvText;

impl utoipa::PartialSchema for CsvText {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some("CSV (RFC 4180), UTF-8, with a header row"))
            .into()
    }
}

impl utoipa::ToSchema for CsvText {}

fn csv_response(name: &str, body: Vec<u8>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{name}\""),
        ))
        .body(body)
}

fn wants_csv(q: &ReportQuery) -> bool {
    q.format == Some(ReportFormat::Csv)
}

fn skm_row(code: &str, name: &str, channel: &str, f: &SkmFigures) -> Vec<String> {
    let mut row = vec![
        code.to_owned(),
        name.to_owned(),
        channel.to_owned(),
        f.respondents.to_string(),
    ];
    row.extend(
        f.elements
            .iter()
            .map(|e| csv_out::opt(e.nrr.map(|v| format!("{v:.4}")))),
    );
    row.push(csv_out::opt(f.ikm.map(|v| format!("{v:.2}"))));
    row.push(csv_out::opt(f.grade.map(|g| g.as_str())));
    row
}

/// Satisfaction (SKM): respondents; per element u1–u9 the mean score (NRR) and its weighted
/// value; IKM = the mean of the nine element means × 25 (exact 1/9 weight, rounded to two
/// decimals at the end) and its grade (A 88.31–100, B 76.61–88.30, C 65.00–76.60,
/// D 25.00–64.99); by channel; each unit with `include_children`, the roll-up from the raw
/// sums; the respondents' profile where known. For the unit's supervisor, supervisors above
/// and admins. `format=csv`: one row per unit and channel.
#[utoipa::path(
    tag = "reports",
    security(("bearer" = [])),
    params(ReportQuery),
    responses(
        (status = 200, description = "The report.", content(
            (SatisfactionReport = "application/json"),
            (CsvText = "text/csv"),
        )),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, response = Unprocessable),
    )
)]
#[get("/reports/satisfaction")]
async fn satisfaction_report(
    auth: AuthUser,
    state: web::Data<AppState>,
    q: web::Query<ReportQuery>,
) -> AppResult<HttpResponse> {
    let scope = scope::resolve(&state, &auth, &q).await?;
    let report: SatisfactionReport = satisfaction::report(&state, &scope).await?;
    if !wants_csv(&q) {
        return Ok(HttpResponse::Ok().json(report));
    }
    let mut header = vec!["unit", "nama_unit", "kanal", "responden"];
    header.extend(satisfaction::ELEMENTS.iter().map(|(code, _)| *code));
    header.extend(["ikm", "mutu"]);
    let mut rows = Vec::new();
    for u in &report.units {
        for (channel, f) in [
            ("semua", &u.figures.all),
            ("daring", &u.figures.online),
            ("tatap_muka", &u.figures.walk_in),
        ] {
            rows.push(skm_row(&u.unit_code, &u.unit_name, channel, f));
        }
    }
    if report.units.len() > 1 {
        rows.push(skm_row(
            "TOTAL",
            &report.period.unit_name,
            "semua",
            &report.figures.all,
        ));
    }
    Ok(csv_response(
        "satisfaction.csv",
        csv_out::rows(Some(&header), &rows)?,
    ))
}

/// Service levels: online consultations clarified, answered within their working-day deadline
/// (%), median first response and time to close, overdue now, auto-closed; walk-in visitors
/// served, median and p90 wait, share within the unit's maximum wait, no-shows; complaints
/// within their verify and respond deadlines (%). `format=csv`: one row per unit.
#[utoipa::path(
    tag = "reports",
    security(("bearer" = [])),
    params(ReportQuery),
    responses(
        (status = 200, description = "The report.", content(
            (ServiceLevelReport = "application/json"),
            (CsvText = "text/csv"),
        )),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, response = Unprocessable),
    )
)]
#[get("/reports/service-levels")]
async fn service_level_report(
    auth: AuthUser,
    state: web::Data<AppState>,
    q: web::Query<ReportQuery>,
) -> AppResult<HttpResponse> {
    let scope = scope::resolve(&state, &auth, &q).await?;
    let report = service_levels::report(&state, &scope).await?;
    if !wants_csv(&q) {
        return Ok(HttpResponse::Ok().json(report));
    }
    let header = [
        "unit",
        "nama_unit",
        "daring_dibuka",
        "daring_jelas",
        "daring_terjawab",
        "daring_tepat_waktu_persen",
        "median_tanggapan_pertama_menit",
        "median_penyelesaian_jam",
        "melewati_tenggat_kini",
        "ditutup_otomatis",
        "antrean",
        "dilayani",
        "tidak_hadir",
        "median_tunggu_menit",
        "p90_tunggu_menit",
        "dalam_batas_tunggu_persen",
        "pengaduan_diterima",
        "verifikasi_tepat_waktu_persen",
        "tanggapan_tepat_waktu_persen",
    ];
    let rows: Vec<Vec<String>> = report
        .units
        .iter()
        .map(|u| {
            let (o, w, c) = (&u.online, &u.walk_in, &u.complaints);
            vec![
                u.unit_code.clone(),
                u.unit_name.clone(),
                o.opened.to_string(),
                o.clarified.to_string(),
                o.answered.to_string(),
                csv_out::opt(o.within_deadline_percent),
                csv_out::opt(o.median_first_response_minutes),
                csv_out::opt(o.median_hours_to_close),
                o.overdue_now.to_string(),
                o.auto_closed.to_string(),
                w.tickets.to_string(),
                w.served.to_string(),
                w.no_shows.to_string(),
                csv_out::opt(w.median_wait_minutes),
                csv_out::opt(w.p90_wait_minutes),
                csv_out::opt(w.within_max_wait_percent),
                c.received.to_string(),
                csv_out::opt(c.verify_within_percent),
                csv_out::opt(c.respond_within_percent),
            ]
        })
        .collect();
    Ok(csv_response(
        "service-levels.csv",
        csv_out::rows(Some(&header), &rows)?,
    ))
}

/// Volumes: consultations by category, channel and status, and their series per `interval`
/// (day, ISO week or month, in the unit's time zone); walk-in tickets per service; complaints
/// per kind and channel; knowledge-base searches and deflections (readers who said an article
/// answered them) and the deflection rate. `format=csv`: one row per unit.
#[utoipa::path(
    tag = "reports",
    security(("bearer" = [])),
    params(ReportQuery, VolumeQuery),
    responses(
        (status = 200, description = "The report.", content(
            (VolumeReport = "application/json"),
            (CsvText = "text/csv"),
        )),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, response = Unprocessable),
    )
)]
#[get("/reports/volumes")]
async fn volume_report(
    auth: AuthUser,
    state: web::Data<AppState>,
    q: web::Query<ReportQuery>,
    v: web::Query<VolumeQuery>,
) -> AppResult<HttpResponse> {
    let scope = scope::resolve(&state, &auth, &q).await?;
    let report = volumes::report(&state, &scope, v.interval.unwrap_or(Interval::Month)).await?;
    if !wants_csv(&q) {
        return Ok(HttpResponse::Ok().json(report));
    }
    let header = [
        "unit",
        "nama_unit",
        "konsultasi",
        "antrean",
        "pengaduan",
        "pencarian",
        "terjawab_tanpa_bertanya",
    ];
    let rows: Vec<Vec<String>> = report
        .units
        .iter()
        .map(|u| {
            vec![
                u.unit_code.clone(),
                u.unit_name.clone(),
                u.consultations.to_string(),
                u.tickets.to_string(),
                u.complaints.to_string(),
                u.searches.to_string(),
                u.deflections.to_string(),
            ]
        })
        .collect();
    Ok(csv_response(
        "volumes.csv",
        csv_out::rows(Some(&header), &rows)?,
    ))
}

async fn export_csv(
    auth: AuthUser,
    state: web::Data<AppState>,
    q: ReportQuery,
    kind: Export,
) -> AppResult<HttpResponse> {
    let scope = scope::resolve(&state, &auth, &q).await?;
    let body = export::stream(state, scope, kind)?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{}\"", kind.file_name()),
        ))
        .streaming(body))
}

/// Every consultation opened in the period, one row each (times in the unit's zone); text cells
/// that a spreadsheet would read as a formula are escaped.
#[utoipa::path(
    tag = "reports",
    security(("bearer" = [])),
    params(ReportQuery),
    responses(
        (status = 200, description = "The rows.", body = CsvText, content_type = "text/csv"),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, response = Unprocessable),
    )
)]
#[get("/reports/export/consultations.csv")]
async fn export_consultations(
    auth: AuthUser,
    state: web::Data<AppState>,
    q: web::Query<ReportQuery>,
) -> AppResult<HttpResponse> {
    export_csv(auth, state, q.into_inner(), Export::Consultations).await
}

/// Every rating given in the period, one row each, with its nine scores, comment and
/// follow-up state.
#[utoipa::path(
    tag = "reports",
    security(("bearer" = [])),
    params(ReportQuery),
    responses(
        (status = 200, description = "The rows.", body = CsvText, content_type = "text/csv"),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, response = Unprocessable),
    )
)]
#[get("/reports/export/ratings.csv")]
async fn export_ratings(
    auth: AuthUser,
    state: web::Data<AppState>,
    q: web::Query<ReportQuery>,
) -> AppResult<HttpResponse> {
    export_csv(auth, state, q.into_inner(), Export::Ratings).await
}

/// Every complaint received in the period, one row each (no contact details).
#[utoipa::path(
    tag = "reports",
    security(("bearer" = [])),
    params(ReportQuery),
    responses(
        (status = 200, description = "The rows.", body = CsvText, content_type = "text/csv"),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, response = Unprocessable),
    )
)]
#[get("/reports/export/complaints.csv")]
async fn export_complaints(
    auth: AuthUser,
    state: web::Data<AppState>,
    q: web::Query<ReportQuery>,
) -> AppResult<HttpResponse> {
    export_csv(auth, state, q.into_inner(), Export::Complaints).await
}

/// Email the unit's supervisors the feedback-analysis report of a period, as a PDF: IKM and
/// grade, the element table and chart, service levels, volumes, the low-score comments and how
/// each was followed up, complaints and their state. 409 `no_recipients` when the unit has no
/// supervisor.
#[utoipa::path(
    tag = "reports",
    security(("bearer" = [])),
    request_body = FeedbackReportRequest,
    responses(
        (status = 202, description = "Queued for delivery.", body = FeedbackReportSent),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 422, response = Unprocessable),
    )
)]
#[post("/reports/feedback-analysis/send")]
async fn send_feedback_analysis(
    auth: AuthUser,
    state: web::Data<AppState>,
    body: ValidJson<FeedbackReportRequest>,
) -> AppResult<HttpResponse> {
    let sent: FeedbackReportSent = feedback::send(&state, &auth, body.0).await?;
    Ok(HttpResponse::Accepted().json(sent))
}
