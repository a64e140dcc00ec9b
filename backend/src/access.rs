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
    let own_unit = auth.unit_code.as_deref() == Some(c.unit_code.as_str());
    Ok(match auth.role {
        Role::Public => (c.user_id == auth.id).then_some(Access::Owner),
        Role::Admin => Some(Access::UnitSupervisor),
        Role::Supervisor if own_unit => Some(Access::UnitSupervisor),
        Role::Officer if own_unit => Some(Access::UnitOfficer),
        Role::Supervisor => readable_units(conn, auth)
            .await?
            .is_some_and(|units| units.contains(&c.unit_code))
            .then_some(Access::Overseer),
        _ => None,
    })
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
