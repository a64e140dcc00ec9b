//! Satisfaction ratings: the rating endpoint and its rules (once per service, after it closed;
//! which ratings ask for a follow-up). The survey's vocabulary is in [`crate::skm`].
pub mod follow_up;
pub mod routes;
pub mod service;

use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

pub use crate::skm::{RatingView, Scores};

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RatingRequest {
    #[validate(nested)]
    pub scores: Scores,
    #[schema(max_length = 2000)]
    #[validate(length(max = 2000, message = "must be at most 2000 characters"))]
    pub comment: Option<String>,
}

/// A rating needs follow-up when any element scores the unit's `follow_up_below_score` or
/// less, or when it carries a comment.
pub fn needs_follow_up(scores: &Scores, comment: Option<&str>, below_score: i16) -> bool {
    scores.all().iter().any(|s| *s <= below_score) || comment.is_some_and(|c| !c.trim().is_empty())
}
