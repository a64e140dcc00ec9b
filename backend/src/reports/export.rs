//! One row per record of the period, as CSV: consultations, ratings, complaints. Written in
//! chunks read by keyset (time, id), so an export of any size holds one chunk in memory.
use std::collections::HashMap;

use actix_web::web::Bytes;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, ExprTrait, QueryFilter, QueryOrder, QuerySelect,
    sea_query::IntoCondition,
};
use uuid::Uuid;

use super::{csv_out, scope::Scope};
use crate::{
    entities::{complaint, consultation, rating},
    error::AppResult,
    skm::RatedSubject,
    state::AppState,
    vocab,
};

const CHUNK: u64 = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    Consultations,
    Ratings,
    Complaints,
}

impl Export {
    pub fn file_name(self) -> &'static str {
        match self {
            Self::Consultations => "consultations.csv",
            Self::Ratings => "ratings.csv",
            Self::Complaints => "complaints.csv",
        }
    }

    fn header(self) -> &'static [&'static str] {
        match self {
            Self::Consultations => &[
                "nomor",
                "unit",
                "kanal",
                "kategori",
                "status",
                "penyelesaian",
                "perihal",
                "dibuat",
                "jelas",
                "tenggat",
                "ditutup",
            ],
            Self::Ratings => &[
                "id",
                "unit",
                "kanal",
                "dinilai",
                "u1",
                "u2",
                "u3",
                "u4",
                "u5",
                "u6",
                "u7",
                "u8",
                "u9",
                "komentar",
                "perlu_tindak_lanjut",
                "tindak_lanjut",
            ],
            Self::Complaints => &[
                "kode",
                "unit",
                "jenis",
                "kanal",
                "status",
                "perihal",
                "diterima",
                "tenggat_verifikasi",
                "diverifikasi",
                "tenggat_tanggapan",
                "ditanggapi",
                "ditutup",
                "referensi_lapor",
                "diteruskan_ke",
            ],
        }
    }
}

type Cursor = Option<(DateTime<Utc>, Uuid)>;

/// Rows after `after` in (time, id) order.
fn after<T: ColumnTrait, I: ColumnTrait>(time: T, id: I, cursor: Cursor) -> Condition {
    match cursor {
        None => Condition::all(),
        Some((t, i)) => Condition::any()
            .add(time.gt(t))
            .add(time.eq(t).and(id.gt(i)).into_condition()),
    }
}

struct Writer {
    zones: HashMap<String, Tz>,
}

impl Writer {
    fn local(&self, unit: &str, at: Option<DateTime<Utc>>) -> String {
        match (at, self.zones.get(unit)) {
            (Some(at), Some(zone)) => at.with_timezone(zone).format("%Y-%m-%d %H:%M").to_string(),
            (Some(at), None) => at.to_rfc3339(),
            (None, _) => String::new(),
        }
    }
}

async fn chunk(
    state: &AppState,
    scope: &Scope,
    w: &Writer,
    kind: Export,
    cursor: Cursor,
) -> AppResult<(Vec<Vec<String>>, Cursor)> {
    Ok(match kind {
        Export::Consultations => {
            use consultation::Column as C;
            let rows = consultation::Entity::find()
                .filter(scope.within(C::UnitCode, C::CreatedAt)?)
                .filter(after(C::CreatedAt, C::Id, cursor))
                .order_by_asc(C::CreatedAt)
                .order_by_asc(C::Id)
                .limit(CHUNK)
                .all(&state.db)
                .await?;
            let next = rows.last().map(|r| (r.created_at, r.id));
            let out = rows
                .into_iter()
                .map(|c| {
                    vec![
                        c.number.clone(),
                        c.unit_code.clone(),
                        c.channel.clone(),
                        c.category.clone(),
                        c.status.clone(),
                        c.resolution.clone().unwrap_or_default(),
                        c.subject.clone(),
                        w.local(&c.unit_code, Some(c.created_at)),
                        w.local(&c.unit_code, c.clarified_at),
                        w.local(&c.unit_code, c.deadline_at),
                        w.local(&c.unit_code, c.closed_at),
                    ]
                })
                .collect();
            (out, next)
        }
        Export::Ratings => {
            use rating::Column as R;
            let rows = rating::Entity::find()
                .filter(scope.within(R::UnitCode, R::CreatedAt)?)
                .filter(after(R::CreatedAt, R::Id, cursor))
                .order_by_asc(R::CreatedAt)
                .order_by_asc(R::Id)
                .limit(CHUNK)
                .all(&state.db)
                .await?;
            let next = rows.last().map(|r| (r.created_at, r.id));
            let out = rows
                .into_iter()
                .map(|r| {
                    let channel = if r.subject_kind == RatedSubject::Consultation.as_str() {
                        vocab::Channel::Online
                    } else {
                        vocab::Channel::WalkIn
                    };
                    let mut row = vec![
                        r.id.to_string(),
                        r.unit_code.clone(),
                        channel.as_str().to_owned(),
                        w.local(&r.unit_code, Some(r.created_at)),
                    ];
                    row.extend(
                        [r.u1, r.u2, r.u3, r.u4, r.u5, r.u6, r.u7, r.u8, r.u9]
                            .map(|s| s.to_string()),
                    );
                    row.push(r.comment.clone().unwrap_or_default());
                    row.push(if r.needs_follow_up { "ya" } else { "tidak" }.to_owned());
                    row.push(r.follow_up_state.clone());
                    row
                })
                .collect();
            (out, next)
        }
        Export::Complaints => {
            use complaint::Column as K;
            let rows = complaint::Entity::find()
                .filter(scope.within(K::UnitCode, K::ReceivedAt)?)
                .filter(K::AcceptedAt.is_not_null())
                .filter(after(K::ReceivedAt, K::Id, cursor))
                .order_by_asc(K::ReceivedAt)
                .order_by_asc(K::Id)
                .limit(CHUNK)
                .all(&state.db)
                .await?;
            let next = rows.last().map(|r| (r.received_at, r.id));
            let out = rows
                .into_iter()
                .map(|c| {
                    let u = c.unit_code.as_str();
                    vec![
                        c.tracking_code.clone(),
                        c.unit_code.clone(),
                        c.kind.clone(),
                        c.channel.clone(),
                        c.status.clone(),
                        c.subject.clone(),
                        w.local(u, Some(c.received_at)),
                        w.local(u, c.verify_due_at),
                        w.local(u, c.verified_at),
                        w.local(u, c.respond_due_at),
                        w.local(u, c.responded_at),
                        w.local(u, c.closed_at),
                        c.lapor_reference.clone().unwrap_or_default(),
                        c.forwarded_to.clone().unwrap_or_default(),
                    ]
                })
                .collect();
            (out, next)
        }
    })
}

/// The export as a stream of CSV chunks: the header, then each chunk of rows.
pub fn stream(
    state: actix_web::web::Data<AppState>,
    scope: Scope,
    kind: Export,
) -> AppResult<impl futures_util::Stream<Item = Result<Bytes, actix_web::Error>>> {
    let zones = scope
        .units
        .iter()
        .map(|u| Ok((u.code.clone(), vocab::zone(&u.time_zone)?)))
        .collect::<AppResult<_>>()?;
    let writer = Writer { zones };
    let header = csv_out::rows(Some(kind.header()), &[])?;
    // (started, cursor, done)
    let init = (false, None::<(DateTime<Utc>, Uuid)>, false);
    Ok(futures_util::stream::try_unfold(
        (init, state, scope, writer, header),
        move |((started, cursor, done), state, scope, writer, header)| async move {
            if done {
                return Ok(None);
            }
            if !started {
                let bytes = Bytes::from(header.clone());
                return Ok(Some((
                    bytes,
                    ((true, None, false), state, scope, writer, header),
                )));
            }
            let (rows, next) = chunk(&state, &scope, &writer, kind, cursor)
                .await
                .map_err(actix_web::Error::from)?;
            let finished = (rows.len() as u64) < CHUNK;
            if rows.is_empty() {
                return Ok(None);
            }
            let bytes = Bytes::from(csv_out::rows(None, &rows).map_err(actix_web::Error::from)?);
            Ok(Some((
                bytes,
                ((true, next, finished), state, scope, writer, header),
            )))
        },
    ))
}
