//! The database schema, the same for SQLite and PostgreSQL.
pub use sea_orm_migration::prelude::*;

mod m20261121_000001_foundation;
mod m20261121_000002_consultations;
mod m20261121_000003_unit_notifications;
mod m20261121_000004_knowledge;
mod m20261201_000005_read_paths;
mod m20261202_000006_queue_positions;
mod m20261202_000007_walkin;
mod m20261203_000008_walkin_consultations;
mod m20261203_000009_rating_follow_ups;
mod m20261204_000010_complaints;
mod m20261204_000011_report_inputs;
mod m20261205_000012_hardening;
mod m20261207_000013_scale_out;
mod m20261207_000014_english_synonyms;
mod m20261208_000015_internal_notes;
mod m20261208_000016_answer_templates;
mod m20261208_000017_message_search;
mod m20261208_000018_auto_assign;

pub use m20261202_000006_queue_positions::NUMBER_THE_QUEUES;

pub struct Migrator;

impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261121_000001_foundation::Migration),
            Box::new(m20261121_000002_consultations::Migration),
            Box::new(m20261121_000003_unit_notifications::Migration),
            Box::new(m20261121_000004_knowledge::Migration),
            Box::new(m20261201_000005_read_paths::Migration),
            Box::new(m20261202_000006_queue_positions::Migration),
            Box::new(m20261202_000007_walkin::Migration),
            Box::new(m20261203_000008_walkin_consultations::Migration),
            Box::new(m20261203_000009_rating_follow_ups::Migration),
            Box::new(m20261204_000010_complaints::Migration),
            Box::new(m20261204_000011_report_inputs::Migration),
            Box::new(m20261205_000012_hardening::Migration),
            Box::new(m20261207_000013_scale_out::Migration),
            Box::new(m20261207_000014_english_synonyms::Migration),
            Box::new(m20261208_000015_internal_notes::Migration),
            Box::new(m20261208_000016_answer_templates::Migration),
            Box::new(m20261208_000017_message_search::Migration),
            Box::new(m20261208_000018_auto_assign::Migration),
        ]
    }
}
