//! The public-service satisfaction survey (SKM, PermenPANRB 14/2017): nine elements scored
//! 1 (tidak baik) to 4 (sangat baik), plus free text, and the view of a given rating. Ratings do
//! not depend on what was rated, so online consultations and walk-in visits share them.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

use crate::{entities::rating, vocab::string_enum};

string_enum! {
    /// What a rating rates (`ratings.subject_kind`): one rating per subject.
    RatedSubject {
        /// An online consultation (`subject_id`: the consultation).
        Consultation => "consultation",
        /// A walk-in visit (`subject_id`: its ticket), and the desk consultation held in it.
        Visit => "walkin",
    }
}

string_enum! {
    /// Where the follow-up of a rating stands.
    FollowUpState {
        /// Nothing asks for one.
        None => "none",
        /// A low score or a comment asks an officer to follow up.
        Open => "open",
        /// An officer wrote to the respondent.
        Contacted => "contacted",
        /// Done, with the officer's note.
        Resolved => "resolved",
    }
}

/// Scores per element: `u1` persyaratan, `u2` sistem, mekanisme dan prosedur, `u3` waktu
/// penyelesaian, `u4` biaya/tarif, `u5` produk spesifikasi jenis pelayanan, `u6` kompetensi
/// pelaksana, `u7` perilaku pelaksana, `u8` sarana dan prasarana, `u9` penanganan pengaduan,
/// saran dan masukan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"u1": 4, "u2": 4, "u3": 3, "u4": 4, "u5": 3, "u6": 4, "u7": 4, "u8": 3, "u9": 3}))]
pub struct Scores {
    #[validate(range(min = 1, max = 4, message = "must be 1 to 4"))]
    #[schema(minimum = 1, maximum = 4)]
    pub u1: i16,
    #[validate(range(min = 1, max = 4, message = "must be 1 to 4"))]
    #[schema(minimum = 1, maximum = 4)]
    pub u2: i16,
    #[validate(range(min = 1, max = 4, message = "must be 1 to 4"))]
    #[schema(minimum = 1, maximum = 4)]
    pub u3: i16,
    #[validate(range(min = 1, max = 4, message = "must be 1 to 4"))]
    #[schema(minimum = 1, maximum = 4)]
    pub u4: i16,
    #[validate(range(min = 1, max = 4, message = "must be 1 to 4"))]
    #[schema(minimum = 1, maximum = 4)]
    pub u5: i16,
    #[validate(range(min = 1, max = 4, message = "must be 1 to 4"))]
    #[schema(minimum = 1, maximum = 4)]
    pub u6: i16,
    #[validate(range(min = 1, max = 4, message = "must be 1 to 4"))]
    #[schema(minimum = 1, maximum = 4)]
    pub u7: i16,
    #[validate(range(min = 1, max = 4, message = "must be 1 to 4"))]
    #[schema(minimum = 1, maximum = 4)]
    pub u8: i16,
    #[validate(range(min = 1, max = 4, message = "must be 1 to 4"))]
    #[schema(minimum = 1, maximum = 4)]
    pub u9: i16,
}

impl Scores {
    pub fn all(&self) -> [i16; 9] {
        [
            self.u1, self.u2, self.u3, self.u4, self.u5, self.u6, self.u7, self.u8, self.u9,
        ]
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct RatingView {
    pub id: Uuid,
    /// `consultation`, or `walkin` for a visit (and the desk consultation held in it).
    pub subject_kind: String,
    pub subject_id: Uuid,
    pub unit_code: String,
    pub scores: Scores,
    pub comment: Option<String>,
    /// A score at or below the unit's `follow_up_below_score`, or a comment, asks an officer to
    /// follow up.
    pub needs_follow_up: bool,
    pub follow_up_state: FollowUpState,
    pub created_at: DateTime<Utc>,
}

pub fn view(r: rating::Model) -> Result<RatingView, crate::error::AppError> {
    Ok(RatingView {
        follow_up_state: FollowUpState::stored(&r.follow_up_state)?,
        id: r.id,
        scores: Scores {
            u1: r.u1,
            u2: r.u2,
            u3: r.u3,
            u4: r.u4,
            u5: r.u5,
            u6: r.u6,
            u7: r.u7,
            u8: r.u8,
            u9: r.u9,
        },
        subject_kind: r.subject_kind,
        subject_id: r.subject_id,
        unit_code: r.unit_code,
        comment: r.comment,
        needs_follow_up: r.needs_follow_up,
        created_at: r.created_at,
    })
}
