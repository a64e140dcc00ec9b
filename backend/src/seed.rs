//! Reference data (units, their published service standards, the holiday calendar) and, with
//! `--demo`, demo accounts. Idempotent: only what is missing is inserted; edits are kept.
use std::collections::BTreeMap;

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set, TransactionTrait};

use crate::{
    auth::{
        password,
        service::{NewUser, insert_user, normalize_email},
    },
    entities::{knowledge_article, service_standard, unit, user},
    holidays::{self, HOLIDAYS_2026_CSV},
    knowledge,
    state::AppState,
    units::{model::ServiceStandard, service::save_standard},
    vocab::{ReportSchedule, Role},
};

/// The five units' standards, transcribed from their published texts.
const SERVICE_STANDARDS_JSON: &str = include_str!("../seed/service-standards.json");
const KNOWLEDGE_ARTICLES_JSON: &str = include_str!("../seed/knowledge-articles.json");
const KNOWLEDGE_SYNONYMS_JSON: &str = include_str!("../seed/knowledge-synonyms.json");
/// Demo national answer templates (greeting, asking for what is missing, the
/// deadline, data on the website, closing).
const ANSWER_TEMPLATES_JSON: &str = include_str!("../seed/answer-templates.json");
/// English words people search with, as Indonesian ones (also added to existing lists by
/// migration `m20261207_000014_english_synonyms`).
const ENGLISH_SYNONYMS_JSON: &str = include_str!("../seed/knowledge-synonyms-english.json");

struct UnitSeed {
    code: &'static str,
    name: &'static str,
    kind: &'static str,
    parent: Option<&'static str>,
    time_zone: &'static str,
    auto_close_after_days: i32,
    online_deadline_working_days: i32,
}

const fn unit(
    code: &'static str,
    name: &'static str,
    kind: &'static str,
    parent: Option<&'static str>,
    time_zone: &'static str,
    auto_close_after_days: i32,
    online_deadline_working_days: i32,
) -> UnitSeed {
    UnitSeed {
        code,
        name,
        kind,
        parent,
        time_zone,
        auto_close_after_days,
        online_deadline_working_days,
    }
}

/// Parents before children. Tarakan's standard is silent on auto-close: 7 days by default.
const UNITS: &[UnitSeed] = &[
    unit(
        "0000",
        "Badan Pusat Statistik",
        "national",
        None,
        "Asia/Jakarta",
        7,
        3,
    ),
    unit(
        "1200",
        "BPS Provinsi Sumatera Utara",
        "province",
        Some("0000"),
        "Asia/Jakarta",
        7,
        3,
    ),
    unit(
        "1800",
        "BPS Provinsi Lampung",
        "province",
        Some("0000"),
        "Asia/Jakarta",
        7,
        3,
    ),
    unit(
        "3300",
        "BPS Provinsi Jawa Tengah",
        "province",
        Some("0000"),
        "Asia/Jakarta",
        7,
        3,
    ),
    unit(
        "6500",
        "BPS Provinsi Kalimantan Utara",
        "province",
        Some("0000"),
        "Asia/Makassar",
        7,
        3,
    ),
    unit(
        "1207",
        "BPS Kabupaten Labuhanbatu",
        "regency",
        Some("1200"),
        "Asia/Jakarta",
        7,
        3,
    ),
    unit(
        "1808",
        "BPS Kabupaten Tulang Bawang",
        "regency",
        Some("1800"),
        "Asia/Jakarta",
        7,
        3,
    ),
    unit(
        "3304",
        "BPS Kabupaten Banjarnegara",
        "regency",
        Some("3300"),
        "Asia/Jakarta",
        3,
        3,
    ),
    unit(
        "3375",
        "BPS Kota Pekalongan",
        "city",
        Some("3300"),
        "Asia/Jakarta",
        7,
        1,
    ),
    unit(
        "6571",
        "BPS Kota Tarakan",
        "city",
        Some("6500"),
        "Asia/Makassar",
        7,
        3,
    ),
];

pub const WALKIN_MAX_WAIT_MINUTES: i32 = 10;

/// Demo accounts; their passwords are in the README.
pub const DEMO_ADMIN: (&str, &str) = ("admin@statkonsul.test", "Admin-Demo-2026!");
pub const DEMO_PUBLIC: (&str, &str) = ("warga@statkonsul.test", "Warga-Demo-2026!");
pub const DEMO_STAFF_PASSWORD: &str = "Staff-Demo-2026!";
pub const DEMO_STAFF_UNITS: &[&str] = &["3375", "3304", "1207", "1808", "6571"];

#[derive(Debug, Default)]
pub struct SeedReport {
    pub units: usize,
    pub service_standards: usize,
    pub holidays: usize,
    pub accounts: usize,
    pub synonym_groups: usize,
    pub articles: usize,
    pub walkin_units: usize,
    pub templates: usize,
}

pub fn service_standards() -> anyhow::Result<BTreeMap<String, ServiceStandard>> {
    Ok(serde_json::from_str(SERVICE_STANDARDS_JSON)?)
}

pub async fn run(state: &AppState, demo: bool) -> anyhow::Result<SeedReport> {
    let mut report = SeedReport::default();
    let txn = state.db.begin().await?;
    let now = Utc::now();
    for u in UNITS {
        if unit::Entity::find_by_id(u.code).one(&txn).await?.is_none() {
            unit::ActiveModel {
                code: Set(u.code.into()),
                name: Set(u.name.into()),
                kind: Set(u.kind.into()),
                parent_code: Set(u.parent.map(Into::into)),
                time_zone: Set(u.time_zone.into()),
                auto_close_after_days: Set(u.auto_close_after_days),
                online_deadline_working_days: Set(u.online_deadline_working_days),
                walkin_max_wait_minutes: Set(WALKIN_MAX_WAIT_MINUTES),
                notify_staff_on_new_consultation: Set(true),
                walkin_priority_run: Set(2),
                walkin_no_show_after_calls: Set(2),
                walkin_remote_tickets: Set(false),
                office_opens_at: Set("08:00".into()),
                auto_assign: Set(crate::vocab::AutoAssign::Off.as_str().into()),
                office_closes_at: Set("16:00".into()),
                follow_up_below_score: Set(2),
                complaint_verify_working_days: Set(3),
                complaint_respond_working_days: Set(5),
                complaint_auto_close_working_days: Set(10),
                feedback_report_schedule: Set(ReportSchedule::Off.as_str().to_owned()),
                created_at: Set(now),
                updated_at: Set(now),
            }
            .insert(&txn)
            .await?;
            report.units += 1;
        }
    }
    for (code, standard) in service_standards()? {
        if service_standard::Entity::find_by_id(code.clone())
            .one(&txn)
            .await?
            .is_none()
        {
            save_standard(&txn, &code, &standard, None)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            report.service_standards += 1;
        }
        // Units that serve the public get the PST walk-in services and desks.
        if crate::walkin::catalog::seed_defaults(&txn, &code)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?
        {
            report.walkin_units += 1;
        }
    }
    let items = holidays::parse_csv(HOLIDAYS_2026_CSV)?;
    report.holidays = holidays::service::insert_missing(&txn, &items)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    txn.commit().await?;
    report.synonym_groups = seed_synonyms(state).await?;
    if demo {
        report.accounts = seed_demo_accounts(state).await?;
        report.articles = seed_knowledge_articles(state).await?;
        let templates: Vec<crate::templates::model::TemplateRequest> =
            serde_json::from_str(ANSWER_TEMPLATES_JSON)?;
        report.templates = crate::templates::service::seed_national(&state.db, templates)
            .await
            .map_err(|e| anyhow::anyhow!("{}", e.problem().title))?;
    }
    Ok(report)
}

/// The default synonym list, when there is none yet.
async fn seed_synonyms(state: &AppState) -> anyhow::Result<usize> {
    if !knowledge::service::synonyms(&state.db)
        .await
        .map_err(|e| anyhow::anyhow!("{}", e.problem().title))?
        .is_empty()
    {
        return Ok(0);
    }
    let mut groups: Vec<Vec<String>> = serde_json::from_str(KNOWLEDGE_SYNONYMS_JSON)?;
    groups.extend(serde_json::from_str::<Vec<Vec<String>>>(
        ENGLISH_SYNONYMS_JSON,
    )?);
    knowledge::service::save_synonyms(&state.db, &groups)
        .await
        .map_err(|e| anyhow::anyhow!("{}", e.problem().title))?;
    state.index_wake.notify_one();
    Ok(groups.len())
}

/// The published demo articles (by slug: missing ones are added, edited ones kept). Their index
/// jobs are queued with them; a running server indexes them within seconds.
pub async fn seed_knowledge_articles(state: &AppState) -> anyhow::Result<usize> {
    let articles: Vec<serde_json::Value> = serde_json::from_str(KNOWLEDGE_ARTICLES_JSON)?;
    let txn = state.db.begin().await?;
    let mut added = 0;
    for value in articles {
        let mut value = value;
        let Some(fields) = value.as_object_mut() else {
            anyhow::bail!("a seed article is not an object");
        };
        let slug = fields
            .remove("slug")
            .and_then(|s| s.as_str().map(str::to_owned))
            .ok_or_else(|| anyhow::anyhow!("a seed article has no slug"))?;
        fields.insert("status".into(), serde_json::json!("published"));
        let article: knowledge::model::ArticleRequest = serde_json::from_value(value)?;
        let exists = knowledge_article::Entity::find()
            .filter(knowledge_article::Column::Slug.eq(&slug))
            .one(&txn)
            .await?
            .is_some();
        if exists {
            continue;
        }
        knowledge::service::insert(&txn, None, article, None, Some(slug))
            .await
            .map_err(|e| anyhow::anyhow!("{}", e.problem().title))?;
        added += 1;
    }
    txn.commit().await?;
    state.index_wake.notify_one();
    Ok(added)
}

async fn seed_demo_accounts(state: &AppState) -> anyhow::Result<usize> {
    let mut accounts = vec![
        (
            DEMO_ADMIN.0.to_owned(),
            DEMO_ADMIN.1,
            "Admin Statkonsul".to_owned(),
            Role::Admin,
            None,
        ),
        (
            DEMO_PUBLIC.0.to_owned(),
            DEMO_PUBLIC.1,
            "Warga Demo".to_owned(),
            Role::Public,
            None,
        ),
    ];
    for code in DEMO_STAFF_UNITS {
        for (prefix, role, title) in [
            ("supervisor", Role::Supervisor, "Ketua Tim Diseminasi"),
            ("officer", Role::Officer, "Petugas PST"),
            ("frontoffice", Role::FrontOffice, "Front Office"),
        ] {
            accounts.push((
                format!("{prefix}.{code}@statkonsul.test"),
                DEMO_STAFF_PASSWORD,
                format!("{title} {code}"),
                role,
                Some(code.to_string()),
            ));
        }
    }
    let mut created = 0;
    for (email, password_plain, full_name, role, unit_code) in accounts {
        let exists = user::Entity::find()
            .filter(user::Column::Email.eq(normalize_email(&email)))
            .one(&state.db)
            .await?
            .is_some();
        if exists {
            continue;
        }
        let password_hash = password::hash(password_plain.to_owned())
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        insert_user(
            &state.db,
            NewUser {
                email,
                password_hash,
                full_name,
                phone: None,
                institution: None,
                occupation: None,
                role,
                unit_code,
                verified: true,
            },
        )
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
        created += 1;
    }
    Ok(created)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use validator::Validate;

    use super::*;

    #[test]
    fn the_transcribed_standards_are_valid_and_cover_the_five_units() {
        let standards = service_standards().unwrap();
        let codes: Vec<&str> = standards.keys().map(String::as_str).collect();
        assert_eq!(codes, ["1207", "1808", "3304", "3375", "6571"]);
        for (code, standard) in &standards {
            standard
                .validate()
                .unwrap_or_else(|e| panic!("{code}: {e}"));
            assert!(UNITS.iter().any(|u| u.code == code));
        }
    }

    #[test]
    fn every_unit_but_the_national_one_has_a_seeded_parent() {
        for (i, u) in UNITS.iter().enumerate() {
            if let Some(parent) = u.parent {
                assert!(
                    UNITS[..i].iter().any(|p| p.code == parent),
                    "{} before its parent",
                    u.code
                );
            }
            assert!(
                u.time_zone.parse::<chrono_tz::Tz>().is_ok(),
                "{}",
                u.time_zone
            );
        }
    }
}
