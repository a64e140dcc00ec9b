//! A unit's walk-in services (with their ticket prefixes) and desks: read by anyone, edited by
//! the unit's supervisor or an admin, seeded with the PST services.
use std::collections::HashSet;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, Set, TransactionTrait, sea_query::ExprTrait,
};
use uuid::Uuid;

use super::model::*;
use crate::{
    caller::AuthUser,
    entities::{walkin_desk, walkin_service},
    error::{AppError, AppResult, ErrorCode, FieldErrors},
    state::AppState,
    units,
};

/// Positions from here on: services and desks left out of the last edit (kept for history).
const LEFT_OUT: i32 = 1000;

/// The PST services every unit that serves the public starts with.
pub const DEFAULT_SERVICES: &[(&str, &str, &str)] = &[
    ("konsultasi", "Konsultasi Statistik", "K"),
    ("perpustakaan", "Perpustakaan", "P"),
    ("penjualan", "Penjualan Produk Statistik", "J"),
    ("rekomendasi", "Rekomendasi Kegiatan Statistik", "R"),
];

/// And its desks: two consultation desks, one for the library and sales.
pub const DEFAULT_DESKS: &[(&str, &str, &[&str])] = &[
    ("meja-1", "Meja 1", &["konsultasi", "rekomendasi"]),
    ("meja-2", "Meja 2", &["konsultasi", "rekomendasi"]),
    (
        "meja-3",
        "Meja 3",
        &["perpustakaan", "penjualan", "konsultasi"],
    ),
];

pub async fn services<C: ConnectionTrait>(
    conn: &C,
    unit: &str,
) -> AppResult<Vec<walkin_service::Model>> {
    Ok(walkin_service::Entity::find()
        .filter(walkin_service::Column::UnitCode.eq(unit))
        .order_by_asc(walkin_service::Column::Position)
        .all(conn)
        .await?)
}

pub async fn desks<C: ConnectionTrait>(conn: &C, unit: &str) -> AppResult<Vec<walkin_desk::Model>> {
    Ok(walkin_desk::Entity::find()
        .filter(walkin_desk::Column::UnitCode.eq(unit))
        .order_by_asc(walkin_desk::Column::Position)
        .all(conn)
        .await?)
}

/// The service codes a desk serves, as stored.
pub fn desk_services(desk: &walkin_desk::Model) -> AppResult<Vec<String>> {
    serde_json::from_str(&desk.services).map_err(|e| {
        tracing::error!(desk = %desk.id, error = %e, "unreadable services stored for a desk");
        AppError::internal("unreadable services stored for a desk")
    })
}

pub fn service_view(s: &walkin_service::Model) -> WalkinService {
    WalkinService {
        code: s.code.clone(),
        name: s.name.clone(),
        prefix: s.prefix.clone(),
        active: s.active,
    }
}

pub fn desk_view(d: &walkin_desk::Model) -> AppResult<WalkinDesk> {
    Ok(WalkinDesk {
        code: d.code.clone(),
        name: d.name.clone(),
        services: desk_services(d)?,
        active: d.active,
    })
}

/// The services of the unit's current list (inactive ones it lists included).
pub async fn listed_services<C: ConnectionTrait>(
    conn: &C,
    unit: &str,
) -> AppResult<Vec<WalkinService>> {
    Ok(services(conn, unit)
        .await?
        .iter()
        .filter(|s| s.position < LEFT_OUT)
        .map(service_view)
        .collect())
}

pub async fn listed_desks<C: ConnectionTrait>(conn: &C, unit: &str) -> AppResult<Vec<WalkinDesk>> {
    desks(conn, unit)
        .await?
        .iter()
        .filter(|d| d.position < LEFT_OUT)
        .map(desk_view)
        .collect()
}

/// The active service a visitor or officer names by code or prefix letter.
pub async fn find_service<C: ConnectionTrait>(
    conn: &C,
    unit: &str,
    named: &str,
    field: &str,
) -> AppResult<walkin_service::Model> {
    let named = named.trim();
    walkin_service::Entity::find()
        .filter(walkin_service::Column::UnitCode.eq(unit))
        .filter(walkin_service::Column::Active.eq(true))
        .filter(
            walkin_service::Column::Code
                .eq(named)
                .or(walkin_service::Column::Prefix.eq(named)),
        )
        .one(conn)
        .await?
        .ok_or_else(|| {
            AppError::coded_field(ErrorCode::ServiceNotFound, field, "no such active service")
        })
}

/// The active desk named by code or id.
pub async fn find_desk<C: ConnectionTrait>(
    conn: &C,
    unit: &str,
    named: &str,
) -> AppResult<walkin_desk::Model> {
    let named = named.trim();
    let mut by = walkin_desk::Column::Code.eq(named);
    if let Ok(id) = Uuid::parse_str(named) {
        by = by.or(walkin_desk::Column::Id.eq(id));
    }
    walkin_desk::Entity::find()
        .filter(walkin_desk::Column::UnitCode.eq(unit))
        .filter(walkin_desk::Column::Active.eq(true))
        .filter(by)
        .one(conn)
        .await?
        .ok_or_else(|| {
            AppError::coded_field(ErrorCode::DeskNotFound, "desk", "no such active desk")
        })
}

fn duplicates<'a>(field: &str, values: impl Iterator<Item = &'a str>, errors: &mut FieldErrors) {
    let mut seen = HashSet::new();
    for v in values {
        if !seen.insert(v) {
            errors
                .entry(field.to_owned())
                .or_default()
                .push(format!("`{v}` appears twice"));
        }
    }
}

pub async fn put_services(
    state: &AppState,
    auth: &AuthUser,
    unit: &str,
    req: ServicesRequest,
) -> AppResult<Vec<WalkinService>> {
    units::service::find(&state.db, unit).await?;
    if !auth.manages_unit(unit) {
        return Err(AppError::forbidden());
    }
    let mut errors = FieldErrors::new();
    duplicates(
        "services",
        req.services.iter().map(|s| s.code.as_str()),
        &mut errors,
    );
    duplicates(
        "services",
        req.services.iter().map(|s| s.prefix.as_str()),
        &mut errors,
    );
    if !errors.is_empty() {
        return Err(AppError::fields(errors));
    }
    let now = Utc::now();
    let txn = state.db.begin().await?;
    let existing = services(&txn, unit).await?;
    for (n, s) in existing.iter().enumerate() {
        if !req.services.iter().any(|r| r.code == s.code) {
            // Left out: inactive, listed after the others.
            let mut row = s.clone().into_active_model();
            row.active = Set(false);
            row.position = Set(LEFT_OUT + n as i32);
            row.updated_at = Set(now);
            row.update(&txn).await?;
        }
    }
    for (position, r) in req.services.iter().enumerate() {
        let position = position as i32;
        match existing.iter().find(|s| s.code == r.code) {
            Some(s) => {
                let mut row = s.clone().into_active_model();
                row.name = Set(r.name.trim().to_owned());
                row.prefix = Set(r.prefix.clone());
                row.active = Set(r.active);
                row.position = Set(position);
                row.updated_at = Set(now);
                row.update(&txn).await?;
            }
            None => {
                insert_service(
                    &txn,
                    unit,
                    &r.code,
                    r.name.trim(),
                    &r.prefix,
                    r.active,
                    position,
                )
                .await?;
            }
        }
    }
    let saved = services(&txn, unit).await?;
    txn.commit().await?;
    Ok(saved
        .iter()
        .filter(|s| s.position < LEFT_OUT)
        .map(service_view)
        .collect())
}

async fn insert_service<C: ConnectionTrait>(
    conn: &C,
    unit: &str,
    code: &str,
    name: &str,
    prefix: &str,
    active: bool,
    position: i32,
) -> AppResult<()> {
    let now = Utc::now();
    walkin_service::ActiveModel {
        id: Set(Uuid::now_v7()),
        unit_code: Set(unit.to_owned()),
        code: Set(code.to_owned()),
        name: Set(name.to_owned()),
        prefix: Set(prefix.to_owned()),
        position: Set(position),
        active: Set(active),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(conn)
    .await?;
    Ok(())
}

async fn insert_desk<C: ConnectionTrait>(
    conn: &C,
    unit: &str,
    desk: &WalkinDesk,
    position: i32,
) -> AppResult<()> {
    let now = Utc::now();
    walkin_desk::ActiveModel {
        id: Set(Uuid::now_v7()),
        unit_code: Set(unit.to_owned()),
        code: Set(desk.code.clone()),
        name: Set(desk.name.trim().to_owned()),
        services: Set(serde_json::to_string(&desk.services).map_err(AppError::internal)?),
        position: Set(position),
        active: Set(desk.active),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(conn)
    .await?;
    Ok(())
}

pub async fn put_desks(
    state: &AppState,
    auth: &AuthUser,
    unit: &str,
    req: DesksRequest,
) -> AppResult<Vec<WalkinDesk>> {
    units::service::find(&state.db, unit).await?;
    if !auth.manages_unit(unit) {
        return Err(AppError::forbidden());
    }
    let mut errors = FieldErrors::new();
    duplicates(
        "desks",
        req.desks.iter().map(|d| d.code.as_str()),
        &mut errors,
    );
    let known: HashSet<String> = services(&state.db, unit)
        .await?
        .into_iter()
        .filter(|s| s.active)
        .map(|s| s.code)
        .collect();
    for (i, d) in req.desks.iter().enumerate() {
        for s in &d.services {
            if !known.contains(s) {
                errors
                    .entry(format!("desks[{i}].services"))
                    .or_default()
                    .push(format!("`{s}` is not an active service of the unit"));
            }
        }
    }
    if !errors.is_empty() {
        return Err(AppError::fields(errors));
    }
    let now = Utc::now();
    let txn = state.db.begin().await?;
    let existing = desks(&txn, unit).await?;
    for d in &existing {
        if !req.desks.iter().any(|r| r.code == d.code) {
            let mut row = d.clone().into_active_model();
            row.active = Set(false);
            row.position = Set(LEFT_OUT + d.position);
            row.updated_at = Set(now);
            row.update(&txn).await?;
        }
    }
    for (position, r) in req.desks.iter().enumerate() {
        let position = position as i32;
        match existing.iter().find(|d| d.code == r.code) {
            Some(d) => {
                let mut row = d.clone().into_active_model();
                row.name = Set(r.name.trim().to_owned());
                row.services = Set(serde_json::to_string(&r.services).map_err(AppError::internal)?);
                row.active = Set(r.active);
                row.position = Set(position);
                row.updated_at = Set(now);
                row.update(&txn).await?;
            }
            None => insert_desk(&txn, unit, r, position).await?,
        }
    }
    let saved = desks(&txn, unit).await?;
    txn.commit().await?;
    saved
        .iter()
        .filter(|d| d.position < LEFT_OUT)
        .map(desk_view)
        .collect()
}

/// Gives a unit without walk-in services the PST services and desks; returns whether it did.
pub async fn seed_defaults<C: ConnectionTrait>(conn: &C, unit: &str) -> AppResult<bool> {
    if !services(conn, unit).await?.is_empty() {
        return Ok(false);
    }
    for (position, (code, name, prefix)) in DEFAULT_SERVICES.iter().enumerate() {
        insert_service(conn, unit, code, name, prefix, true, position as i32).await?;
    }
    for (position, (code, name, services)) in DEFAULT_DESKS.iter().enumerate() {
        let desk = WalkinDesk {
            code: (*code).to_owned(),
            name: (*name).to_owned(),
            services: services.iter().map(|s| (*s).to_owned()).collect(),
            active: true,
        };
        insert_desk(conn, unit, &desk, position as i32).await?;
    }
    Ok(true)
}
