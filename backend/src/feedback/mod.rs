//! Satisfaction ratings: the nine elements of the public-service satisfaction survey (SKM,
//! PermenPANRB 14/2017), scored 1 (tidak baik) to 4 (sangat baik), plus free text. Ratings do
//! not depend on what was rated, so walk-in visits use the same model.
pub mod routes;
pub mod service;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// Scores per element: `u1` persyaratan, `u2` sistem, mekanisme dan prosedur, `u3` waktu
/// penyelesaian, `u4` biaya/tarif, `u5` produk spesifikasi jenis pelayanan, `u6` kompetensi
/// pelaksana, `u7` perilaku pelaksana, `u8` sarana dan prasarana, `u9` penanganan pengaduan,
/// saran dan masukan.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"u1": 4, "u2": 4, "u3": 3, "u4": 4, "u5": 3, "u6": 4, "u7": 4, "u8": 3, "u9": 3}))]
pub struct Scores {
    #[validate(range(min = 1, max = 4, message = "must be 1 to 4"))]
    pub u1: i16,
    #[validate(range(min = 1, max = 4, message = "must be 1 to 4"))]
    pub u2: i16,
    #[validate(range(min = 1, max = 4, message = "must be 1 to 4"))]
    pub u3: i16,
    #[validate(range(min = 1, max = 4, message = "must be 1 to 4"))]
    pub u4: i16,
    #[validate(range(min = 1, max = 4, message = "must be 1 to 4"))]
    pub u5: i16,
    #[validate(range(min = 1, max = 4, message = "must be 1 to 4"))]
    pub u6: i16,
    #[validate(range(min = 1, max = 4, message = "must be 1 to 4"))]
    pub u7: i16,
    #[validate(range(min = 1, max = 4, message = "must be 1 to 4"))]
    pub u8: i16,
    #[validate(range(min = 1, max = 4, message = "must be 1 to 4"))]
    pub u9: i16,
}

impl Scores {
    pub fn all(&self) -> [i16; 9] {
        [
            self.u1, self.u2, self.u3, self.u4, self.u5, self.u6, self.u7, self.u8, self.u9,
        ]
    }
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RatingRequest {
    #[validate(nested)]
    pub scores: Scores,
    #[validate(length(max = 2000, message = "must be at most 2000 characters"))]
    pub comment: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RatingView {
    pub id: Uuid,
    /// `consultation` (walk-in visits later).
    pub subject_kind: String,
    pub subject_id: Uuid,
    pub unit_code: String,
    pub scores: Scores,
    pub comment: Option<String>,
    /// A score of 2 or less, or a comment, asks an officer to follow up.
    pub needs_follow_up: bool,
    pub created_at: DateTime<Utc>,
}

/// A rating needs follow-up when any element scores 2 or less, or when it carries a comment.
pub fn needs_follow_up(scores: &Scores, comment: Option<&str>) -> bool {
    scores.all().iter().any(|s| *s <= 2) || comment.is_some_and(|c| !c.trim().is_empty())
}
