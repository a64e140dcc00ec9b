//! Accounts, sessions and the roles that decide what a caller may do.
pub mod extractor;
pub mod model;
pub mod password;
pub mod rate_limit;
pub mod routes;
pub mod service;
pub mod tokens;

use crate::vocab::string_enum;

pub use extractor::{AuthUser, MaybeAuth};

string_enum! {
    /// What a caller may do.
    Role {
        /// A registered member of the public.
        Public => "public",
        /// A PST officer of one unit.
        Officer => "officer",
        /// Front-office staff of one unit.
        FrontOffice => "front_office",
        /// Head of the unit's dissemination team.
        Supervisor => "supervisor",
        /// System administrator, for all units.
        Admin => "admin",
    }
}

impl Role {
    pub fn is_staff(self) -> bool {
        self != Role::Public
    }
}
