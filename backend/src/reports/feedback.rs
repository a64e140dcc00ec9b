//! The feedback-analysis report (Banjarnegara's steps 8–9): the officers' analysis of the
//! period's feedback, sent to the unit's supervisors (Ketua Tim Diseminasi) as a PDF: the IKM
//! and its grade, the element table and chart, service levels, volumes, the low-score comments
//! and how each was followed up, and the complaints and their state. On demand, or by the job
//! runner once per period of the unit's schedule.
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set, TransactionTrait,
    sea_query::OnConflict,
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::{
    pdf::Report,
    satisfaction::{self, ELEMENTS},
    scope::{self, ReportQuery, Scope},
    service_levels,
    volumes::{self, Interval},
};
use crate::{
    caller::AuthUser,
    entities::{complaint, feedback_report_run as run, rating, unit, user},
    error::{AppError, AppResult, ErrorCode},
    notify::{self, Email, FileAttachment},
    state::AppState,
    vocab::{self, ReportSchedule, Role},
};

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"unit_code": "3304", "from": "2026-11-01", "to": "2026-11-30"}))]
pub struct FeedbackReportRequest {
    #[schema(min_length = 4, max_length = 8, example = "3304")]
    #[validate(length(min = 4, max = 8, message = "must be a unit code"))]
    pub unit_code: String,
    /// First day, in the unit's time zone.
    pub from: NaiveDate,
    /// Last day, inclusive.
    pub to: NaiveDate,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FeedbackReportSent {
    /// The supervisors it was emailed to.
    pub recipients: Vec<String>,
    pub file_name: String,
    /// The PDF's size in bytes.
    pub bytes: usize,
    /// The period's IKM, as in the report.
    pub ikm: Option<f64>,
}

/// A number the Indonesian way: decimal comma.
fn id_number(v: f64, decimals: usize) -> String {
    format!("{v:.decimals$}").replace('.', ",")
}

fn opt_number(v: Option<f64>, decimals: usize, suffix: &str) -> String {
    v.map_or_else(
        || "-".to_owned(),
        |v| format!("{}{suffix}", id_number(v, decimals)),
    )
}

fn local_day(at: DateTime<Utc>, zone: chrono_tz::Tz) -> String {
    at.with_timezone(&zone).format("%d-%m-%Y").to_string()
}

/// The report's PDF for the scope.
pub async fn render(state: &AppState, scope: &Scope) -> AppResult<(Vec<u8>, Option<f64>)> {
    let unit = &scope.root;
    let zone = vocab::zone(&unit.time_zone)?;
    let skm = satisfaction::report(state, scope).await?;
    let levels = service_levels::report(state, scope).await?;
    let volume = volumes::report(state, scope, Interval::Month).await?;
    let period = format!(
        "{} s.d. {}",
        scope.from.format("%d-%m-%Y"),
        scope.to.format("%d-%m-%Y")
    );
    let mut r = Report::new(&format!("Analisis umpan balik {} {period}", unit.name));
    r.heading("Laporan Analisis Umpan Balik Layanan", 16.0);
    r.paragraph(
        &format!(
            "Pelayanan Statistik Terpadu {} ({}). Periode {period}. Disampaikan kepada Ketua Tim \
             Diseminasi.",
            unit.name, unit.code
        ),
        10.0,
    );

    r.heading("Indeks Kepuasan Masyarakat (IKM)", 13.0);
    let all = &skm.figures.all;
    r.paragraph(
        &format!(
            "Responden: {}. IKM: {}. Mutu pelayanan: {}.",
            all.respondents,
            opt_number(all.ikm, 2, ""),
            match (&all.grade, &all.grade_label) {
                (Some(g), Some(l)) => format!("{} ({l})", g.as_str()),
                _ => "-".into(),
            }
        ),
        11.0,
    );
    r.paragraph(
        &format!(
            "Daring: {} responden, IKM {}. Tatap muka: {} responden, IKM {}.",
            skm.figures.online.respondents,
            opt_number(skm.figures.online.ikm, 2, ""),
            skm.figures.walk_in.respondents,
            opt_number(skm.figures.walk_in.ikm, 2, ""),
        ),
        10.0,
    );
    let mut table = vec![vec![
        "Unsur".to_owned(),
        "Jumlah nilai".to_owned(),
        "NRR".to_owned(),
        "NRR tertimbang".to_owned(),
    ]];
    for e in &all.elements {
        table.push(vec![
            format!("{} {}", e.element.to_uppercase(), e.name),
            e.sum.to_string(),
            opt_number(e.nrr, 3, ""),
            opt_number(e.nrr_weighted, 3, ""),
        ]);
    }
    r.table(&table, &[0.52, 0.16, 0.14, 0.18], 9.0);
    r.gap(6.0);
    r.paragraph("Nilai rata-rata per unsur (skala 1-4):", 10.0);
    let bars: Vec<(String, f64, String)> = all
        .elements
        .iter()
        .zip(ELEMENTS)
        .map(|(e, (code, _))| {
            (
                format!("{} {}", code.to_uppercase(), e.name),
                e.nrr.unwrap_or(0.0),
                opt_number(e.nrr, 2, ""),
            )
        })
        .collect();
    r.bars(&bars, 4.0, 8.0);

    r.heading("Tingkat layanan", 13.0);
    let o = &levels.online;
    r.paragraph(
        &format!(
            "Konsultasi daring: {} dibuka, {} jelas permintaannya, {} terjawab, {} dalam tenggat ({}). \
             Median tanggapan pertama {} menit; median penyelesaian {} jam. Melewati tenggat saat \
             ini: {}. Ditutup otomatis: {}.",
            o.opened,
            o.clarified,
            o.answered,
            o.answered_within_deadline,
            opt_number(o.within_deadline_percent, 1, "%"),
            opt_number(o.median_first_response_minutes, 1, ""),
            opt_number(o.median_hours_to_close, 1, ""),
            o.overdue_now,
            o.auto_closed
        ),
        10.0,
    );
    let w = &levels.walk_in;
    r.paragraph(
        &format!(
            "Tatap muka: {} nomor antrean, {} dilayani, {} tidak hadir. Median tunggu {} menit, \
             p90 {} menit; dalam batas {} menit: {}.",
            w.tickets,
            w.served,
            w.no_shows,
            opt_number(w.median_wait_minutes, 1, ""),
            opt_number(w.p90_wait_minutes, 1, ""),
            unit.walkin_max_wait_minutes,
            opt_number(w.within_max_wait_percent, 1, "%")
        ),
        10.0,
    );
    let c = &levels.complaints;
    r.paragraph(
        &format!(
            "Pengaduan: {} diterima; diverifikasi tepat waktu {}; ditanggapi tepat waktu {}.",
            c.received,
            opt_number(c.verify_within_percent, 1, "%"),
            opt_number(c.respond_within_percent, 1, "%")
        ),
        10.0,
    );

    r.heading("Volume", 13.0);
    let cats = volume
        .consultations
        .by_category
        .iter()
        .map(|c| format!("{} {}", c.key, c.count))
        .collect::<Vec<_>>()
        .join(", ");
    r.paragraph(
        &format!(
            "Konsultasi: {} ({}). Pencarian basis pengetahuan: {}; terjawab tanpa bertanya: {} ({}).",
            volume.consultations.total,
            if cats.is_empty() { "-".into() } else { cats },
            volume.knowledge.searches,
            volume.knowledge.deflections,
            opt_number(volume.knowledge.deflection_rate_percent, 1, "%")
        ),
        10.0,
    );

    r.heading("Penilaian yang perlu ditindaklanjuti", 13.0);
    let flagged = rating::Entity::find()
        .filter(scope.within(rating::Column::UnitCode, rating::Column::CreatedAt)?)
        .filter(rating::Column::NeedsFollowUp.eq(true))
        .order_by_desc(rating::Column::CreatedAt)
        .limit(60)
        .all(&state.db)
        .await?;
    if flagged.is_empty() {
        r.paragraph(
            "Tidak ada penilaian rendah atau komentar pada periode ini.",
            10.0,
        );
    } else {
        let mut rows = vec![vec![
            "Tanggal".to_owned(),
            "Nilai terendah".to_owned(),
            "Komentar".to_owned(),
            "Tindak lanjut".to_owned(),
        ]];
        for f in &flagged {
            let lowest = [f.u1, f.u2, f.u3, f.u4, f.u5, f.u6, f.u7, f.u8, f.u9]
                .into_iter()
                .min()
                .unwrap_or_default();
            rows.push(vec![
                local_day(f.created_at, zone),
                lowest.to_string(),
                f.comment.clone().unwrap_or_else(|| "-".into()),
                match &f.resolution_note {
                    Some(note) => format!("{}: {note}", f.follow_up_state),
                    None => f.follow_up_state.clone(),
                },
            ]);
        }
        r.table(&rows, &[0.14, 0.14, 0.42, 0.30], 8.5);
    }

    r.heading("Pengaduan", 13.0);
    let complaints = complaint::Entity::find()
        .filter(scope.within(complaint::Column::UnitCode, complaint::Column::ReceivedAt)?)
        .filter(complaint::Column::AcceptedAt.is_not_null())
        .order_by_desc(complaint::Column::ReceivedAt)
        .limit(60)
        .all(&state.db)
        .await?;
    if complaints.is_empty() {
        r.paragraph("Tidak ada pengaduan pada periode ini.", 10.0);
    } else {
        let mut rows = vec![vec![
            "Kode".to_owned(),
            "Jenis / kanal".to_owned(),
            "Perihal".to_owned(),
            "Status".to_owned(),
        ]];
        for c in &complaints {
            rows.push(vec![
                c.tracking_code.clone(),
                format!("{} / {}", c.kind, c.channel),
                c.subject.clone(),
                c.status.clone(),
            ]);
        }
        r.table(&rows, &[0.30, 0.22, 0.32, 0.16], 8.5);
    }
    r.gap(10.0);
    r.paragraph(
        &format!(
            "Dibuat otomatis oleh Statkonsul pada {}.",
            scope.now.with_timezone(&zone).format("%d-%m-%Y %H:%M")
        ),
        8.0,
    );
    Ok((r.finish(), all.ikm))
}

async fn supervisors(state: &AppState, unit: &str) -> AppResult<Vec<user::Model>> {
    Ok(user::Entity::find()
        .filter(user::Column::UnitCode.eq(unit))
        .filter(user::Column::Role.eq(Role::Supervisor.as_str()))
        .order_by_asc(user::Column::Email)
        .all(&state.db)
        .await?)
}

fn file_name(unit: &unit::Model, from: NaiveDate, to: NaiveDate) -> String {
    format!("analisis-umpan-balik-{}-{from}-{to}.pdf", unit.code)
}

fn email(
    to: &user::Model,
    unit: &unit::Model,
    from: NaiveDate,
    to_day: NaiveDate,
    ikm: Option<f64>,
) -> Email {
    Email {
        to: to.email.clone(),
        subject: format!(
            "Laporan analisis umpan balik {} {} s.d. {}",
            unit.name,
            from.format("%d-%m-%Y"),
            to_day.format("%d-%m-%Y")
        ),
        body: format!(
            "Yth. {},\n\nTerlampir laporan analisis umpan balik layanan {} untuk periode {} s.d. {}. \
             IKM periode ini: {}.\n\nSalam,\nStatkonsul\n",
            to.full_name,
            unit.name,
            from.format("%d-%m-%Y"),
            to_day.format("%d-%m-%Y"),
            opt_number(ikm, 2, "")
        ),
        attachment: None,
    }
}

/// Sends the report for a period now, to the unit's supervisors.
pub async fn send(
    state: &AppState,
    auth: &AuthUser,
    req: FeedbackReportRequest,
) -> AppResult<FeedbackReportSent> {
    let scope = scope::resolve(
        state,
        auth,
        &ReportQuery {
            unit: Some(req.unit_code.clone()),
            from: Some(req.from),
            to: Some(req.to),
            include_children: false,
            format: None,
        },
    )
    .await?;
    let recipients = supervisors(state, &scope.root.code).await?;
    if recipients.is_empty() {
        return Err(AppError::conflict(
            ErrorCode::NoRecipients,
            "The unit has no supervisor to send the report to.",
        ));
    }
    let (pdf, ikm) = render(state, &scope).await?;
    let name = file_name(&scope.root, scope.from, scope.to);
    let txn = state.db.begin().await?;
    for to in &recipients {
        notify::enqueue_with_file(
            &txn,
            email(to, &scope.root, scope.from, scope.to, ikm),
            FileAttachment {
                name: name.clone(),
                content_type: "application/pdf".into(),
                bytes: pdf.clone(),
            },
        )
        .await?;
    }
    notify::commit(state, txn).await?;
    Ok(FeedbackReportSent {
        recipients: recipients.into_iter().map(|u| u.email).collect(),
        file_name: name,
        bytes: pdf.len(),
        ikm,
    })
}

/// The last whole period of `schedule` before the local day `today`.
pub fn last_period(schedule: ReportSchedule, today: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let months = match schedule {
        ReportSchedule::Off => return None,
        ReportSchedule::Monthly => 1,
        ReportSchedule::Quarterly => 3,
        ReportSchedule::Semester => 6,
    };
    // The period that holds today begins on the first month of its block; the one before ends
    // the day before that.
    let block_start_month = (today.month0() / months) * months + 1;
    let current = NaiveDate::from_ymd_opt(today.year(), block_start_month, 1)?;
    let end = current.pred_opt()?;
    let start_month0 = (end.month0() / months) * months;
    let start = NaiveDate::from_ymd_opt(end.year(), start_month0 + 1, 1)?;
    Some((start, end))
}

/// Sends, for each unit with a schedule, the report of its last whole period if it has not been
/// sent: the period's row is written with the emails, so each period is sent once however many
/// runners race and whenever they restart.
pub async fn send_scheduled(state: &AppState, at: DateTime<Utc>) -> AppResult<usize> {
    let units = unit::Entity::find()
        .filter(unit::Column::FeedbackReportSchedule.ne(ReportSchedule::Off.as_str()))
        .all(&state.db)
        .await?;
    let mut sent = 0;
    for u in units {
        let schedule = ReportSchedule::stored(&u.feedback_report_schedule)?;
        let zone = vocab::zone(&u.time_zone)?;
        let Some((from, to)) = last_period(schedule, at.with_timezone(&zone).date_naive()) else {
            continue;
        };
        let done = run::Entity::find_by_id((u.code.clone(), from))
            .one(&state.db)
            .await?
            .is_some();
        if done {
            continue;
        }
        let recipients = supervisors(state, &u.code).await?;
        let scope = Scope {
            root: u.clone(),
            units: vec![u.clone()],
            from,
            to,
            include_children: false,
            now: at,
        };
        let (pdf, ikm) = render(state, &scope).await?;
        let txn = state.db.begin().await?;
        let inserted = run::Entity::insert(run::ActiveModel {
            unit_code: Set(u.code.clone()),
            period_start: Set(from),
            period_end: Set(to),
            sent_at: Set(at),
        })
        .on_conflict(
            OnConflict::columns([run::Column::UnitCode, run::Column::PeriodStart])
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(&txn)
        .await?;
        if inserted == 0 {
            continue;
        }
        for to_user in &recipients {
            notify::enqueue_with_file(
                &txn,
                email(to_user, &u, from, to, ikm),
                FileAttachment {
                    name: file_name(&u, from, to),
                    content_type: "application/pdf".into(),
                    bytes: pdf.clone(),
                },
            )
            .await?;
        }
        notify::commit(state, txn).await?;
        sent += 1;
    }
    Ok(sent)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_last_whole_period_ends_before_today() {
        use ReportSchedule::*;
        assert_eq!(last_period(Off, d("2026-12-02")), None);
        assert_eq!(
            last_period(Monthly, d("2026-12-02")),
            Some((d("2026-11-01"), d("2026-11-30")))
        );
        assert_eq!(
            last_period(Monthly, d("2027-01-01")),
            Some((d("2026-12-01"), d("2026-12-31")))
        );
        assert_eq!(
            last_period(Quarterly, d("2026-12-02")),
            Some((d("2026-07-01"), d("2026-09-30")))
        );
        assert_eq!(
            last_period(Quarterly, d("2027-02-10")),
            Some((d("2026-10-01"), d("2026-12-31")))
        );
        assert_eq!(
            last_period(Semester, d("2026-12-02")),
            Some((d("2026-01-01"), d("2026-06-30")))
        );
        assert_eq!(
            last_period(Semester, d("2026-07-01")),
            Some((d("2026-01-01"), d("2026-06-30")))
        );
    }
}
