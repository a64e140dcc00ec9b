use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

/// The variables a template's body may hold, each filled for the consultation it answers.
pub const VARIABLES: &[(&str, &str)] = &[
    ("nama", "the name of the person who asked"),
    ("nomor", "the consultation's number"),
    ("unit", "the unit's name"),
    ("petugas", "the name of the officer writing"),
    (
        "tenggat",
        "the deadline in the unit's time zone, or that it is not set yet",
    ),
];

/// A template: written with `POST`, replaced whole with `PUT`.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "unit_code": "3304",
    "title": "Data tersedia di website",
    "shortcut": "data-web",
    "body": "Selamat siang {nama}, data yang Anda tanyakan pada konsultasi {nomor} tersedia di website {unit}. Salam, {petugas}."
}))]
pub struct TemplateRequest {
    /// The unit whose officers use it; omitted or `null` for a national template (admins only).
    #[schema(min_length = 4, max_length = 4, pattern = "^[0-9]{4}$")]
    pub unit_code: Option<String>,
    #[schema(min_length = 1, max_length = 120)]
    #[validate(
        length(min = 1, max = 120, message = "must be 1 to 120 characters"),
        custom(function = "crate::api::not_blank")
    )]
    pub title: String,
    /// Typed after `/` in the composer: lower-case letters, digits and `-`, starting with a
    /// letter or digit. Unique within its unit (or among the national templates).
    #[schema(min_length = 1, max_length = 32, pattern = "^[a-z0-9][a-z0-9-]*$")]
    #[validate(custom(function = "shortcut_format"))]
    pub shortcut: String,
    /// Plain text with variables in braces: `{nama}`, `{nomor}`, `{unit}`, `{petugas}`,
    /// `{tenggat}`. Another word in braces is refused.
    #[schema(min_length = 1, max_length = 5000)]
    #[validate(
        length(min = 1, max = 5000, message = "must be 1 to 5000 characters"),
        custom(function = "crate::api::not_blank"),
        custom(function = "known_variables")
    )]
    pub body: String,
}

fn shortcut_format(s: &str) -> Result<(), validator::ValidationError> {
    let ok = (1..=32).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-');
    if ok {
        Ok(())
    } else {
        Err(validator::ValidationError::new("shortcut").with_message(
            "must be 1 to 32 lower-case letters, digits or '-', starting with a letter or digit"
                .into(),
        ))
    }
}

/// The words in braces in `body` (`{nama}`): only letters and `_` count as a variable's name.
pub fn variables_in(body: &str) -> impl Iterator<Item = (std::ops::Range<usize>, &str)> {
    body.match_indices('{').filter_map(move |(start, _)| {
        let rest = &body[start + 1..];
        let len = rest.find('}')?;
        let name = &rest[..len];
        let is_name = !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
        is_name.then(|| (start..start + len + 2, name))
    })
}

fn known_variables(body: &str) -> Result<(), validator::ValidationError> {
    let unknown: Vec<&str> = variables_in(body)
        .map(|(_, name)| name)
        .filter(|name| VARIABLES.iter().all(|(known, _)| known != name))
        .collect();
    if unknown.is_empty() {
        return Ok(());
    }
    let known: Vec<String> = VARIABLES.iter().map(|(v, _)| format!("{{{v}}}")).collect();
    Err(validator::ValidationError::new("variables").with_message(
        format!(
            "unknown variable {}; the known ones are {}",
            unknown
                .iter()
                .map(|u| format!("{{{u}}}"))
                .collect::<Vec<_>>()
                .join(", "),
            known.join(", ")
        )
        .into(),
    ))
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "0192f0c4-0000-7c1a-9a4e-2b1f3c4d5e70",
    "unit_code": "3304",
    "title": "Data tersedia di website",
    "shortcut": "data-web",
    "body": "Selamat siang {nama}, data yang Anda tanyakan tersedia di website {unit}.",
    "updated_at": "2026-12-08T02:00:00Z"
}))]
pub struct TemplateView {
    pub id: Uuid,
    /// `null`: national.
    pub unit_code: Option<String>,
    pub title: String,
    pub shortcut: String,
    /// With its variables, as written.
    pub body: String,
    pub updated_at: DateTime<Utc>,
}

/// A template filled for one consultation, ready to edit in the composer.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "0192f0c4-0000-7c1a-9a4e-2b1f3c4d5e70",
    "unit_code": "3304",
    "title": "Data tersedia di website",
    "shortcut": "data-web",
    "body": "Selamat siang {nama}, data yang Anda tanyakan tersedia di website {unit}.",
    "updated_at": "2026-12-08T02:00:00Z",
    "filled": "Selamat siang Siti Rahma, data yang Anda tanyakan tersedia di website BPS Kabupaten Banjarnegara."
}))]
pub struct FilledTemplate {
    #[serde(flatten)]
    pub template: TemplateView,
    /// The body with every variable replaced for this consultation.
    pub filled: String,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TemplateListQuery {
    /// The unit whose templates are listed beside the national ones (default: the caller's
    /// unit; an admin without a unit sees the national ones only).
    #[param(min_length = 4, max_length = 4, pattern = "^[0-9]{4}$")]
    pub unit: Option<String>,
    /// Templates whose shortcut starts with, or whose title contains, these letters.
    #[param(min_length = 1, max_length = 64)]
    pub q: Option<String>,
    #[param(minimum = 1, maximum = 10000)]
    pub page: Option<u64>,
    /// Up to 100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<u64>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FilledTemplatesQuery {
    /// Templates whose shortcut starts with, or whose title contains, these letters.
    #[param(min_length = 1, max_length = 64)]
    pub q: Option<String>,
    /// Up to 50 (default 10).
    #[param(minimum = 1, maximum = 50)]
    pub per_page: Option<u64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variables_are_words_in_braces_and_unknown_ones_are_refused() {
        let found: Vec<&str> = variables_in("Halo {nama}, {nomor} {bukan kata} {} {x1} {unit}")
            .map(|(_, n)| n)
            .collect();
        assert_eq!(found, ["nama", "nomor", "unit"]);
        assert!(known_variables("Halo {nama} dari {unit}; {tenggat}.").is_ok());
        assert!(known_variables("Halo {name}").is_err());
        assert!(shortcut_format("data-web").is_ok());
        assert!(shortcut_format("-web").is_err());
        assert!(shortcut_format("Data").is_err());
        assert!(shortcut_format("").is_err());
    }
}
