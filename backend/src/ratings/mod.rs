//! Satisfaction ratings: the rating endpoint and its rules (once per service, after it closed;
//! which ratings ask for a follow-up). The survey's vocabulary is in [`crate::skm`].
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

/// A rating needs follow-up when any element scores 2 or less, or when it carries a comment.
pub fn needs_follow_up(scores: &Scores, comment: Option<&str>) -> bool {
    scores.all().iter().any(|s| *s <= 2) || comment.is_some_and(|c| !c.trim().is_empty())
}
