//! The satisfaction report (SKM, PermenPANRB 14/2017): per element the mean score (NRR) and
//! its weighted value, and the index IKM = the mean of the nine element means × 25, with the
//! exact 1/9 weight, rounded to two decimals only at the end and computed from the raw score
//! sums, so a roll-up of several units is never an average of averages.
use std::collections::HashMap;

use sea_orm::{
    ColumnTrait, EntityTrait, ExprTrait, FromQueryResult, JoinType, QueryFilter, QuerySelect,
    sea_query::{Expr, Func},
};
use serde::Serialize;
use utoipa::ToSchema;

use super::scope::{ReportPeriod, Scope};
use crate::{
    entities::{
        consultation, guestbook_entry,
        rating::{self, Column as R},
        user, walkin_ticket,
    },
    error::AppResult,
    skm::RatedSubject,
    state::AppState,
};

/// The nine elements, in order, with their names in the questionnaire.
pub const ELEMENTS: [(&str, &str); 9] = [
    ("u1", "Persyaratan"),
    ("u2", "Sistem, mekanisme, dan prosedur"),
    ("u3", "Waktu penyelesaian"),
    ("u4", "Biaya/tarif"),
    ("u5", "Produk spesifikasi jenis pelayanan"),
    ("u6", "Kompetensi pelaksana"),
    ("u7", "Perilaku pelaksana"),
    ("u8", "Sarana dan prasarana"),
    ("u9", "Penanganan pengaduan, saran dan masukan"),
];

/// The quality of service the IKM gives (mutu pelayanan).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
pub enum SkmGrade {
    /// 88.31–100: Sangat Baik.
    A,
    /// 76.61–88.30: Baik.
    B,
    /// 65.00–76.60: Kurang Baik.
    C,
    /// 25.00–64.99: Tidak Baik.
    D,
}

impl SkmGrade {
    /// The grade of an IKM in hundredths (8831 = 88.31), after rounding.
    pub fn of(hundredths: i64) -> Self {
        match hundredths {
            8831.. => Self::A,
            7661.. => Self::B,
            6500.. => Self::C,
            _ => Self::D,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::A => "A",
            Self::B => "B",
            Self::C => "C",
            Self::D => "D",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::A => "Sangat Baik",
            Self::B => "Baik",
            Self::C => "Kurang Baik",
            Self::D => "Tidak Baik",
        }
    }
}

/// The raw sums of a set of ratings: what every figure is computed from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sums {
    pub respondents: i64,
    pub elements: [i64; 9],
}

impl Sums {
    pub fn add(&mut self, other: &Sums) {
        self.respondents += other.respondents;
        for (a, b) in self.elements.iter_mut().zip(other.elements) {
            *a += b;
        }
    }

    /// IKM in hundredths, rounded half up once: 25 × (Σ element sums) / (9 × respondents).
    pub fn ikm_hundredths(&self) -> Option<i64> {
        if self.respondents <= 0 {
            return None;
        }
        let total: i64 = self.elements.iter().sum();
        // round(a / b) for a, b > 0, in integers: (2a + b) / 2b.
        let (a, b) = (total * 2500, 9 * self.respondents);
        Some((2 * a + b) / (2 * b))
    }

    pub fn figures(&self) -> SkmFigures {
        let n = self.respondents;
        let elements = ELEMENTS
            .iter()
            .zip(self.elements)
            .map(|((code, name), sum)| {
                let nrr = (n > 0).then(|| sum as f64 / n as f64);
                ElementScore {
                    element: (*code).to_owned(),
                    name: (*name).to_owned(),
                    sum,
                    nrr,
                    nrr_weighted: nrr.map(|v| v / 9.0),
                }
            })
            .collect();
        let hundredths = self.ikm_hundredths();
        let grade = hundredths.map(SkmGrade::of);
        SkmFigures {
            respondents: n,
            elements,
            ikm: hundredths.map(|h| h as f64 / 100.0),
            ikm_unrounded: (n > 0)
                .then(|| self.elements.iter().sum::<i64>() as f64 * 25.0 / (9.0 * n as f64)),
            grade,
            grade_label: grade.map(|g| g.label().to_owned()),
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ElementScore {
    /// `u1` … `u9`.
    pub element: String,
    pub name: String,
    /// The sum of the element's scores (1–4 each).
    pub sum: i64,
    /// Nilai rata-rata (NRR): the element's mean score, unrounded.
    pub nrr: Option<f64>,
    /// NRR × 1/9, the element's share of the index (exact weight), unrounded.
    pub nrr_weighted: Option<f64>,
}

/// The SKM figures of a set of ratings; without respondents the means and the index are null.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SkmFigures {
    pub respondents: i64,
    pub elements: Vec<ElementScore>,
    /// The index (IKM), 25–100, rounded to two decimals.
    #[schema(example = 88.31)]
    pub ikm: Option<f64>,
    pub ikm_unrounded: Option<f64>,
    pub grade: Option<SkmGrade>,
    #[schema(example = "Sangat Baik")]
    pub grade_label: Option<String>,
}

/// Figures of all ratings, online ones (consultations) and walk-in ones (visits).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ChannelFigures {
    pub all: SkmFigures,
    pub online: SkmFigures,
    pub walk_in: SkmFigures,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UnitSatisfaction {
    pub unit_code: String,
    pub unit_name: String,
    #[serde(flatten)]
    pub figures: ChannelFigures,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProfileCount {
    /// The value as recorded (null: not known).
    pub value: Option<String>,
    pub respondents: i64,
}

/// Who the respondents were, where known: walk-in visitors from the guest book, online ones
/// from their account (occupation only).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RespondentProfile {
    pub gender: Vec<ProfileCount>,
    pub age_group: Vec<ProfileCount>,
    pub education: Vec<ProfileCount>,
    pub occupation: Vec<ProfileCount>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SatisfactionReport {
    #[serde(flatten)]
    pub period: ReportPeriod,
    /// All covered units together, from their raw sums.
    #[serde(flatten)]
    pub figures: ChannelFigures,
    /// Each covered unit (with `include_children`: the unit and every unit below it).
    pub units: Vec<UnitSatisfaction>,
    pub profile: RespondentProfile,
}

#[derive(Debug, FromQueryResult)]
struct SumRow {
    unit_code: String,
    subject_kind: String,
    n: i64,
    s1: Option<i64>,
    s2: Option<i64>,
    s3: Option<i64>,
    s4: Option<i64>,
    s5: Option<i64>,
    s6: Option<i64>,
    s7: Option<i64>,
    s8: Option<i64>,
    s9: Option<i64>,
}

/// The raw sums per unit and channel (`consultation` or `walkin`): one grouped query.
pub async fn sums(state: &AppState, scope: &Scope) -> AppResult<HashMap<(String, String), Sums>> {
    let mut query = rating::Entity::find()
        .select_only()
        .column(R::UnitCode)
        .column(R::SubjectKind)
        .column_as(Expr::col(R::Id).count(), "n");
    for (i, col) in [
        R::U1,
        R::U2,
        R::U3,
        R::U4,
        R::U5,
        R::U6,
        R::U7,
        R::U8,
        R::U9,
    ]
    .into_iter()
    .enumerate()
    {
        // Cast so that both databases answer a 64-bit integer.
        query = query.column_as(
            Expr::col(col)
                .sum()
                .cast_as(sea_orm::sea_query::Alias::new("BIGINT")),
            format!("s{}", i + 1),
        );
    }
    let rows = query
        .filter(scope.within(R::UnitCode, R::CreatedAt)?)
        .group_by(R::UnitCode)
        .group_by(R::SubjectKind)
        .into_model::<SumRow>()
        .all(&state.db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let s = [r.s1, r.s2, r.s3, r.s4, r.s5, r.s6, r.s7, r.s8, r.s9].map(|v| v.unwrap_or(0));
            (
                (r.unit_code, r.subject_kind),
                Sums {
                    respondents: r.n,
                    elements: s,
                },
            )
        })
        .collect())
}

fn channel_figures<'a>(parts: impl Iterator<Item = (&'a str, &'a Sums)>) -> ChannelFigures {
    let (mut all, mut online, mut walk_in) = (Sums::default(), Sums::default(), Sums::default());
    for (kind, s) in parts {
        all.add(s);
        if kind == RatedSubject::Consultation.as_str() {
            online.add(s);
        } else {
            walk_in.add(s);
        }
    }
    ChannelFigures {
        all: all.figures(),
        online: online.figures(),
        walk_in: walk_in.figures(),
    }
}

pub async fn report(state: &AppState, scope: &Scope) -> AppResult<SatisfactionReport> {
    let sums = sums(state, scope).await?;
    let units = scope
        .units
        .iter()
        .map(|u| UnitSatisfaction {
            unit_code: u.code.clone(),
            unit_name: u.name.clone(),
            figures: channel_figures(
                sums.iter()
                    .filter(|((code, _), _)| *code == u.code)
                    .map(|((_, kind), s)| (kind.as_str(), s)),
            ),
        })
        .collect();
    Ok(SatisfactionReport {
        period: scope.period(),
        figures: channel_figures(sums.iter().map(|((_, kind), s)| (kind.as_str(), s))),
        units,
        profile: profile(state, scope).await?,
    })
}

#[derive(Debug, FromQueryResult)]
struct CountRow {
    value: Option<String>,
    n: i64,
}

async fn counts_by(
    state: &AppState,
    scope: &Scope,
    walkin_col: Option<guestbook_entry::Column>,
    online_occupation: bool,
) -> AppResult<Vec<ProfileCount>> {
    let mut merged: HashMap<Option<String>, i64> = HashMap::new();
    if let Some(col) = walkin_col {
        use walkin_ticket::Column as T;
        let mut select = rating::Entity::find()
            .select_only()
            .column_as(Expr::col((guestbook_entry::Entity, col)), "value")
            .column_as(Expr::col((rating::Entity, R::Id)).count(), "n")
            .filter(R::SubjectKind.eq(RatedSubject::Visit.as_str()))
            .filter(scope.within(R::UnitCode, R::CreatedAt)?)
            .group_by(Expr::col((guestbook_entry::Entity, col)));
        // The visit's guest-book entry was written for its ticket, or the one it came from.
        QuerySelect::query(&mut select)
            .join(
                JoinType::InnerJoin,
                walkin_ticket::Entity,
                Expr::col((walkin_ticket::Entity, T::Id)).equals((rating::Entity, R::SubjectId)),
            )
            .join(
                JoinType::InnerJoin,
                guestbook_entry::Entity,
                Expr::col((guestbook_entry::Entity, guestbook_entry::Column::TicketId)).eq(
                    Func::coalesce([
                        Expr::col((walkin_ticket::Entity, T::TransferredFromId)),
                        Expr::col((walkin_ticket::Entity, T::Id)),
                    ]),
                ),
            );
        let rows = select.into_model::<CountRow>().all(&state.db).await?;
        for r in rows {
            *merged.entry(r.value).or_default() += r.n;
        }
    }
    if online_occupation {
        let rows = rating::Entity::find()
            .select_only()
            .column_as(Expr::col((user::Entity, user::Column::Occupation)), "value")
            .column_as(Expr::col((rating::Entity, R::Id)).count(), "n")
            .join(
                JoinType::InnerJoin,
                rating::Entity::belongs_to(consultation::Entity)
                    .from(R::SubjectId)
                    .to(consultation::Column::Id)
                    .into(),
            )
            .join(
                JoinType::InnerJoin,
                consultation::Entity::belongs_to(user::Entity)
                    .from(consultation::Column::UserId)
                    .to(user::Column::Id)
                    .into(),
            )
            .filter(R::SubjectKind.eq(RatedSubject::Consultation.as_str()))
            .filter(scope.within(R::UnitCode, R::CreatedAt)?)
            .group_by(Expr::col((user::Entity, user::Column::Occupation)))
            .into_model::<CountRow>()
            .all(&state.db)
            .await?;
        for r in rows {
            *merged.entry(r.value).or_default() += r.n;
        }
    }
    let mut out: Vec<ProfileCount> = merged
        .into_iter()
        .map(|(value, respondents)| ProfileCount { value, respondents })
        .collect();
    out.sort_by(|a, b| {
        b.respondents
            .cmp(&a.respondents)
            .then(a.value.cmp(&b.value))
    });
    Ok(out)
}

async fn profile(state: &AppState, scope: &Scope) -> AppResult<RespondentProfile> {
    use guestbook_entry::Column as G;
    Ok(RespondentProfile {
        gender: counts_by(state, scope, Some(G::Gender), false).await?,
        age_group: counts_by(state, scope, Some(G::AgeGroup), false).await?,
        education: counts_by(state, scope, Some(G::Education), false).await?,
        occupation: counts_by(state, scope, Some(G::Occupation), true).await?,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn sums(respondents: i64, total: i64) -> Sums {
        // Spread `total` over the nine elements; only the total matters for the index.
        let mut elements = [total / 9; 9];
        elements[0] += total % 9;
        Sums {
            respondents,
            elements,
        }
    }

    #[test]
    fn the_index_uses_the_exact_ninth_and_rounds_once_at_the_end() {
        // 100 respondents, 3179 score points: 25 × 3179 / 900 = 88.3055… → 88.31, grade A. With
        // the 0.111 weight it would be 88.22 (B).
        let s = sums(100, 3179);
        assert_eq!(s.ikm_hundredths(), Some(8831));
        assert_eq!(SkmGrade::of(8831), SkmGrade::A);
        let f = s.figures();
        assert_eq!(f.ikm, Some(88.31));
        assert_eq!(f.grade, Some(SkmGrade::A));
        // Just below: 3178 → 88.2777… → 88.28, B.
        assert_eq!(sums(100, 3178).ikm_hundredths(), Some(8828));
        assert_eq!(SkmGrade::of(8828), SkmGrade::B);
    }

    #[test]
    fn grades_are_written_as_letters() {
        assert_eq!(serde_json::to_value(SkmGrade::A).unwrap(), "A");
        assert_eq!(SkmGrade::D.as_str(), "D");
    }

    #[test]
    fn grades_follow_the_boundaries() {
        for (h, g) in [
            (10000, SkmGrade::A),
            (8831, SkmGrade::A),
            (8830, SkmGrade::B),
            (7661, SkmGrade::B),
            (7660, SkmGrade::C),
            (6500, SkmGrade::C),
            (6499, SkmGrade::D),
            (2500, SkmGrade::D),
        ] {
            assert_eq!(SkmGrade::of(h), g, "{h}");
        }
    }

    #[test]
    fn a_roll_up_adds_the_sums_instead_of_averaging_the_averages() {
        let mut all = sums(1, 36); // IKM 100
        all.add(&sums(3, 54)); // IKM 50
        assert_eq!(all.ikm_hundredths(), Some(6250));
        assert_eq!(sums(0, 0).figures().ikm, None);
    }
}
