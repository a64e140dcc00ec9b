//! Who may see and act on a consultation. Everything not visible answers 404, so nobody learns
//! that another user's or another unit's consultation exists.
use std::collections::{HashMap, HashSet};

use sea_orm::{ConnectionTrait, EntityTrait};

use crate::{
    caller::AuthUser,
    entities::{consultation, unit},
    error::{AppError, AppResult},
    vocab::Role,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// The member of the public who asked.
    Owner,
    /// An officer of the consultation's unit.
    UnitOfficer,
    /// The unit's supervisor, or an admin.
    UnitSupervisor,
    /// A supervisor of a unit above: may read, not act.
    Overseer,
}

impl Access {
    pub fn is_unit_staff(self) -> bool {
        matches!(self, Access::UnitOfficer | Access::UnitSupervisor)
    }
}

/// Whether `auth` may write a unit's shared content, its articles and answer templates, for
/// `unit_code` (`None`: national content, admins only): the unit's officers and supervisor.
pub fn writes_unit_content(auth: &AuthUser, unit_code: Option<&str>) -> bool {
    match unit_code {
        None => auth.is_admin(),
        Some(unit) => {
            auth.is_admin()
                || (matches!(auth.role, Role::Officer | Role::Supervisor)
                    && auth.unit_code.as_deref() == Some(unit))
        }
    }
}

/// Every unit code at or below `root`.
pub fn subtree(units: &[unit::Model], root: &str) -> HashSet<String> {
    let mut children: HashMap<&str, Vec<&str>> = HashMap::new();
    for u in units {
        if let Some(parent) = &u.parent_code {
            children.entry(parent.as_str()).or_default().push(&u.code);
        }
    }
    let mut out = HashSet::new();
    let mut stack = vec![root];
    while let Some(code) = stack.pop() {
        if out.insert(code.to_owned()) {
            stack.extend(children.get(code).into_iter().flatten());
        }
    }
    out
}

/// The units whose consultations a staff member may read; `None` means every unit (admin).
pub async fn readable_units<C: ConnectionTrait>(
    conn: &C,
    auth: &AuthUser,
) -> AppResult<Option<HashSet<String>>> {
    match (auth.role, &auth.unit_code) {
        (Role::Admin, _) => Ok(None),
        (Role::Supervisor, Some(own)) => {
            let units = unit::Entity::find().all(conn).await?;
            Ok(Some(subtree(&units, own)))
        }
        (Role::Officer, Some(own)) => Ok(Some(HashSet::from([own.clone()]))),
        _ => Ok(Some(HashSet::new())),
    }
}

pub async fn access<C: ConnectionTrait>(
    conn: &C,
    auth: &AuthUser,
    c: &consultation::Model,
) -> AppResult<Option<Access>> {
    if auth.role == Role::Public {
        return Ok((c.user_id == auth.id).then_some(Access::Owner));
    }
    unit_access(conn, auth, &c.unit_code).await
}

/// What a staff member may do with a unit's records (consultations, ratings, complaints): act
/// as its officer or supervisor (admins: as supervisor), read as a supervisor of a unit above,
/// or nothing (front office, the public, other units).
pub async fn unit_access<C: ConnectionTrait>(
    conn: &C,
    auth: &AuthUser,
    unit_code: &str,
) -> AppResult<Option<Access>> {
    let own_unit = auth.unit_code.as_deref() == Some(unit_code);
    Ok(match auth.role {
        Role::Admin => Some(Access::UnitSupervisor),
        Role::Supervisor if own_unit => Some(Access::UnitSupervisor),
        Role::Officer if own_unit => Some(Access::UnitOfficer),
        Role::Supervisor => readable_units(conn, auth)
            .await?
            .is_some_and(|units| units.contains(unit_code))
            .then_some(Access::Overseer),
        _ => None,
    })
}

/// The unit a staff list reads: the one named (admins, and supervisors reading a unit below),
/// else the caller's own; 403 for callers who are not its staff nor a supervisor above it.
pub async fn listed_unit<C: ConnectionTrait>(
    conn: &C,
    auth: &AuthUser,
    named: Option<&str>,
) -> AppResult<(unit::Model, Access)> {
    if !matches!(auth.role, Role::Officer | Role::Supervisor | Role::Admin) {
        return Err(AppError::forbidden());
    }
    let code = named
        .or(auth.unit_code.as_deref())
        .ok_or_else(|| AppError::field("unit", "name the unit to read"))?;
    let unit = unit::Entity::find_by_id(code.to_owned())
        .one(conn)
        .await?
        .ok_or_else(AppError::not_found)?;
    let access = unit_access(conn, auth, &unit.code)
        .await?
        .ok_or_else(AppError::forbidden)?;
    Ok((unit, access))
}

/// Loads a consultation the caller may see, with the caller's access.
pub async fn load<C: ConnectionTrait>(
    conn: &C,
    auth: &AuthUser,
    id: uuid::Uuid,
) -> AppResult<(consultation::Model, Access)> {
    let c = consultation::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or_else(AppError::not_found)?;
    let access = access(conn, auth, &c)
        .await?
        .ok_or_else(AppError::not_found)?;
    Ok((c, access))
}
