//! The knowledge base's service, by seam: articles, votes, synonyms, promotion.
pub use super::{articles::*, promotion::*, synonyms::*, votes::*};
