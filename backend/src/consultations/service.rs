//! The consultations' service, by seam: views, notices, lifecycle, follow-ups.
pub use super::{follow_ups::*, lifecycle::*, notices::*, views::*};
