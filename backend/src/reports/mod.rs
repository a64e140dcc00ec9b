//! Reports for the head of the dissemination team (Ketua Tim Diseminasi): satisfaction (SKM
//! and its index IKM), service levels, volumes, CSV exports and the feedback-analysis report
//! (PDF, by email, on demand or on the unit's schedule). Every figure is per unit and period;
//! a supervisor of an upper unit sees the units below side by side, and a roll-up is computed
//! from the raw sums, never as an average of averages.
pub mod csv_out;
pub mod export;
pub mod feedback;
pub mod pdf;
pub mod routes;
pub mod satisfaction;
pub mod scope;
pub mod service_levels;
pub mod volumes;
