//! The shared vocabulary: words every capability uses — the string enumerations stored in the
//! database (with their checked reading), consultation categories and states, references to
//! people, units' time zones, and links into the web app.
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::error::{AppError, AppResult};

/// An enumeration stored as text. Reading an unknown stored value is an error that is logged,
/// never a silent default.
pub trait StoredEnum: Sized + Copy + 'static {
    /// The name in logs.
    const NAME: &'static str;
    fn as_str(self) -> &'static str;
    fn parse(s: &str) -> Option<Self>;

    fn stored(value: &str) -> AppResult<Self> {
        Self::parse(value).ok_or_else(|| {
            tracing::error!(
                kind = Self::NAME,
                value,
                "unknown value stored in the database"
            );
            AppError::internal(format!("unknown stored {} `{value}`", Self::NAME))
        })
    }
}

/// Declares a snake_case string enumeration: serde, OpenAPI schema, `as_str`, `parse`, `ALL`
/// and [`StoredEnum`].
macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal,)* }) => {
        $(#[$meta])*
        // The texts are the variants' snake_case names (a test holds them together): utoipa
        // reads `rename_all`, not a per-variant rename coming from a macro.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant,)* }

        impl $name {
            pub const ALL: &'static [$name] = &[$(Self::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $text,)* }
            }
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($text => Some(Self::$variant),)* _ => None }
            }
            /// Reads a stored value; an unknown one is a logged error.
            pub fn stored(value: &str) -> $crate::error::AppResult<Self> {
                <Self as $crate::vocab::StoredEnum>::stored(value)
            }
        }

        impl $crate::vocab::StoredEnum for $name {
            const NAME: &'static str = stringify!($name);
            fn as_str(self) -> &'static str {
                $name::as_str(self)
            }
            fn parse(s: &str) -> Option<Self> {
                $name::parse(s)
            }
        }
    };
}
pub(crate) use string_enum;

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

string_enum! {
    /// What a question is about.
    Category {
        /// Statistical data.
        Data => "data",
        /// Concepts, definitions and methods behind the data.
        Metadata => "metadata",
        /// Recommendation for a statistical activity (survey) by another body.
        ActivityRecommendation => "activity_recommendation",
        /// Statistical classifications such as KBLI and KBJI.
        Classification => "classification",
    }
}

string_enum! {
    /// Where a consultation stands.
    Status {
        /// In the unit's queue.
        Waiting => "waiting",
        /// Taken by an officer.
        Active => "active",
        Closed => "closed",
    }
}

string_enum! {
    /// How a consultation reached the unit.
    Channel {
        /// Asked in the web app or through the API.
        Online => "online",
        /// Held at a consultation desk and recorded by the officer.
        WalkIn => "walk_in",
    }
}

string_enum! {
    /// How a unit's new online consultations find their officer.
    AutoAssign {
        /// They wait in the queue until an officer takes one.
        Off => "off",
        /// Each goes at once to the available officer with the fewest active consultations
        /// under their capacity, in turn on a tie; with nobody available it waits.
        RoundRobin => "round_robin",
    }
}

string_enum! {
    /// Whether an officer takes new consultations now.
    Availability {
        Available => "available",
        /// Was available, and every socket of theirs has closed: available again on return.
        Away => "away",
        Offline => "offline",
    }
}

string_enum! {
    /// Who sees a message.
    Visibility {
        /// The conversation: the person who asked and the unit's staff.
        Public => "public",
        /// An internal note: the unit's staff only, never the person who asked (not in their
        /// history, socket, unread counts or emails, nor in an article promoted from it).
        Internal => "internal",
    }
}

string_enum! {
    /// How a consultation was closed.
    Resolution {
        Answered => "answered",
        /// Referred to another PST service.
        Referred => "referred",
        /// Withdrawn by the user.
        Withdrawn => "withdrawn",
        /// The request does not fit; the user must open a new one.
        Cancelled => "cancelled",
        /// Closed automatically after the unit's days of user silence.
        Inactive => "inactive",
    }
}

string_enum! {
    /// How often a unit's feedback-analysis report is emailed to its supervisors.
    ReportSchedule {
        /// Only when asked for.
        Off => "off",
        /// For each calendar month, after it ends.
        Monthly => "monthly",
        /// For each quarter (January–March, …).
        Quarterly => "quarterly",
        /// For each half year (January–June, July–December).
        Semester => "semester",
    }
}

#[allow(clippy::derivable_impls)] // The enum is made by `string_enum!`.
impl Default for ReportSchedule {
    fn default() -> Self {
        Self::Off
    }
}

/// A person named in a view.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PersonRef {
    pub id: Uuid,
    pub full_name: String,
}

/// A unit's time zone (`Asia/Jakarta`, `Asia/Makassar`, `Asia/Jayapura`); an unknown stored
/// zone is an error, not a guess.
pub fn zone(time_zone: &str) -> AppResult<Tz> {
    time_zone.parse().map_err(|_| {
        tracing::error!(time_zone, "unknown time zone stored for a unit");
        AppError::internal(format!("unknown stored time zone `{time_zone}`"))
    })
}

/// The UTC instant a local day of `zone` begins.
pub fn day_start(day: chrono::NaiveDate, zone: Tz) -> chrono::DateTime<chrono::Utc> {
    use chrono::TimeZone;
    let midnight = day.and_time(chrono::NaiveTime::MIN);
    zone.from_local_datetime(&midnight)
        .earliest()
        .map_or_else(|| midnight.and_utc(), |t| t.with_timezone(&chrono::Utc))
}

/// A UTC range: the start (inclusive) and the end (exclusive), either open.
pub type Bounds = (
    Option<chrono::DateTime<chrono::Utc>>,
    Option<chrono::DateTime<chrono::Utc>>,
);

/// The local days `from` to `to` (both inclusive, either open) of `zone` as UTC bounds: the
/// start, inclusive, and the end, exclusive. 422 on `to` before `from`.
pub fn local_days(
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
    zone: Tz,
) -> AppResult<Bounds> {
    for (field, day) in [("from", from), ("to", to)] {
        if day.is_some_and(|d| !(2000..=2100).contains(&chrono::Datelike::year(&d))) {
            return Err(AppError::field(
                field,
                "must be a day between 2000 and 2100",
            ));
        }
    }
    if let (Some(from), Some(to)) = (from, to)
        && from > to
    {
        return Err(AppError::field("to", "must not be before from"));
    }
    Ok((
        from.map(|d| day_start(d, zone)),
        to.map(|d| day_start(d + chrono::TimeDelta::days(1), zone)),
    ))
}

/// Links into the web app, as emails and events carry them.
pub mod links {
    use uuid::Uuid;

    /// A member of the public's view of their consultation.
    pub fn consultation(public_url: &str, id: Uuid) -> String {
        format!("{public_url}/consultations/{id}")
    }

    /// A walk-in visitor's own page of their queue ticket, opened by its key.
    pub fn walkin_ticket(public_url: &str, id: Uuid, key: &str) -> String {
        format!("{public_url}/walkin/tickets/{id}?key={key}")
    }

    /// A walk-in visitor's one-time link to rate the visit.
    pub fn walkin_rating(public_url: &str, id: Uuid, token: &str) -> String {
        format!("{public_url}/walkin/tickets/{id}/rate?token={token}")
    }

    /// A respondent's page of the follow-up of their rating, opened by the emailed link's token
    /// (walk-in visitors; account holders answer on their consultation's page).
    pub fn rating_reply(public_url: &str, id: Uuid, token: &str) -> String {
        format!("{public_url}/ratings/{id}/reply?token={token}")
    }

    /// The public tracking page of a complaint.
    pub fn complaint_tracking(public_url: &str, code: &str) -> String {
        format!("{public_url}/complaints/track/{code}")
    }

    /// The confirmation link of a complaint filed without an account.
    pub fn complaint_confirm(public_url: &str, token: &str) -> String {
        format!("{public_url}/complaints/confirm?token={token}")
    }

    /// The staff console's view of a consultation.
    pub fn staff_consultation(public_url: &str, id: Uuid) -> String {
        format!("{public_url}/staff/consultations/{id}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text of a string enumeration is what serde writes (and the OpenAPI document shows).
    pub(crate) fn assert_texts_match<T: StoredEnum + Serialize>(all: &[T]) {
        for value in all {
            assert_eq!(
                serde_json::to_value(value).ok(),
                Some(serde_json::Value::from(value.as_str())),
                "{}::{}",
                T::NAME,
                value.as_str()
            );
        }
    }

    #[test]
    fn texts_are_what_serde_writes() {
        assert_texts_match(Role::ALL);
        assert_texts_match(Category::ALL);
        assert_texts_match(Status::ALL);
        assert_texts_match(Resolution::ALL);
        assert_texts_match(Channel::ALL);
        assert_texts_match(ReportSchedule::ALL);
        assert_texts_match(Visibility::ALL);
        assert_texts_match(AutoAssign::ALL);
        assert_texts_match(Availability::ALL);
        assert_texts_match(crate::units::model::UnitKind::ALL);
        assert_texts_match(crate::holidays::HolidayKind::ALL);
        assert_texts_match(crate::knowledge::model::ArticleStatus::ALL);
        assert_texts_match(crate::consultations::model::FollowUpKind::ALL);
        assert_texts_match(crate::consultations::model::ReferralService::ALL);
    }

    #[test]
    fn stored_values_read_back_and_unknown_ones_are_errors() {
        assert_eq!(Status::stored("waiting").ok(), Some(Status::Waiting));
        assert!(Status::stored("lost").is_err());
        assert!(zone("Asia/Makassar").is_ok());
        assert!(zone("Mars/Olympus").is_err());
        assert_eq!(Category::ALL.len(), 4);
    }
}
