//! Accounts, sessions and the roles that decide what a caller may do.
pub mod extractor;
pub mod model;
pub mod password;
pub mod rate_limit;
pub mod routes;
pub mod service;
pub mod tokens;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub use extractor::{AuthUser, MaybeAuth};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A registered member of the public.
    Public,
    /// A PST officer of one unit.
    Officer,
    /// Front-office staff of one unit.
    FrontOffice,
    /// Head of the unit's dissemination team.
    Supervisor,
    /// System administrator, for all units.
    Admin,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Public,
        Role::Officer,
        Role::FrontOffice,
        Role::Supervisor,
        Role::Admin,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Public => "public",
            Role::Officer => "officer",
            Role::FrontOffice => "front_office",
            Role::Supervisor => "supervisor",
            Role::Admin => "admin",
        }
    }

    pub fn parse(value: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == value)
    }

    pub fn is_staff(self) -> bool {
        self != Role::Public
    }
}
