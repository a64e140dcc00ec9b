use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::{Validate, ValidationError};

use crate::vocab::{Category, PersonRef, string_enum};

string_enum! {
    /// Where an article stands.
    ArticleStatus {
        /// Being written; visible to the unit's staff only.
        Draft => "draft",
        /// Visible to everyone and searchable.
        Published => "published",
        /// Withdrawn from the public.
        Archived => "archived",
    }
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "0192f0c4-8d3e-7c1a-9a4e-2b1f3c4d5e6f",
    "slug": "inflasi-cara-membaca-ihk",
    "title": "Cara membaca Indeks Harga Konsumen (IHK)",
    "question": "Bagaimana cara membaca angka IHK dan menghitung inflasi dari IHK?",
    "answer": "Indeks Harga Konsumen (IHK) mengukur perubahan harga ...",
    "category": "metadata",
    "unit_code": null,
    "tags": ["inflasi", "ihk"],
    "status": "published",
    "source_consultation_id": null,
    "author": null,
    "published_at": "2026-11-21T02:15:00Z",
    "view_count": 12,
    "helpful_count": 4,
    "not_helpful_count": 1,
    "created_at": "2026-11-20T02:15:00Z",
    "updated_at": "2026-11-21T02:15:00Z"
}))]
pub struct ArticleView {
    pub id: Uuid,
    /// Stable, readable identifier for links (`/knowledge/{slug}`).
    pub slug: String,
    pub title: String,
    pub question: String,
    /// Markdown.
    pub answer: String,
    pub category: Category,
    /// `null`: a national article.
    pub unit_code: Option<String>,
    pub tags: Vec<String>,
    pub status: ArticleStatus,
    /// The consultation it was promoted from (staff only; `null` for the public).
    pub source_consultation_id: Option<Uuid>,
    pub author: Option<PersonRef>,
    pub published_at: Option<DateTime<Utc>>,
    pub view_count: i64,
    /// Readers who said "this answered my question".
    pub helpful_count: i64,
    /// Readers who said "I still need help".
    pub not_helpful_count: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

fn validate_tags(tags: &[String]) -> Result<(), ValidationError> {
    if tags.len() > 12 {
        return Err(ValidationError::new("tags").with_message("at most 12 tags".into()));
    }
    if tags
        .iter()
        .any(|t| t.trim().is_empty() || t.chars().count() > 40 || t.contains(','))
    {
        return Err(ValidationError::new("tags")
            .with_message("each tag is 1 to 40 characters, without commas".into()));
    }
    Ok(())
}

/// An article as an officer writes it.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "title": "Data kemiskinan per kecamatan di Kabupaten Banjarnegara",
    "question": "Apakah BPS menerbitkan persentase penduduk miskin per kecamatan?",
    "answer": "Angka kemiskinan resmi BPS dihitung sampai tingkat kabupaten/kota ...",
    "category": "data",
    "unit_code": "3304",
    "tags": ["kemiskinan", "kecamatan"],
    "status": "draft"
}))]
pub struct ArticleRequest {
    #[serde(deserialize_with = "crate::api::trimmed")]
    #[schema(min_length = 5, max_length = 200)]
    #[validate(length(min = 5, max = 200, message = "must be 5 to 200 characters"))]
    pub title: String,
    #[serde(deserialize_with = "crate::api::trimmed")]
    #[schema(min_length = 10, max_length = 5000)]
    #[validate(length(min = 10, max = 5000, message = "must be 10 to 5000 characters"))]
    pub question: String,
    #[serde(deserialize_with = "crate::api::trimmed")]
    #[schema(min_length = 20, max_length = 50000)]
    #[validate(length(min = 20, max = 50000, message = "must be 20 to 50000 characters"))]
    pub answer: String,
    pub category: Category,
    /// `null`: a national article (admin only).
    #[serde(default)]
    pub unit_code: Option<String>,
    #[serde(default)]
    #[validate(custom(function = "validate_tags"))]
    pub tags: Vec<String>,
    /// `draft` when omitted on create; unchanged when omitted on update.
    #[serde(default)]
    pub status: Option<ArticleStatus>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ArticleListQuery {
    pub category: Option<Category>,
    /// A unit code, or `national`.
    #[param(example = "3304")]
    pub unit: Option<String>,
    /// Staff only: `draft` or `archived` (the public sees published articles).
    pub status: Option<ArticleStatus>,
    /// Words in the title.
    pub q: Option<String>,
    #[param(minimum = 1, maximum = 10000)]
    pub page: Option<u64>,
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<u64>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// The words to look for (a question as typed is fine), 1 to 500 characters besides the
    /// surrounding whitespace.
    #[param(
        example = "berapa angka kemiskinan banjarnegara",
        min_length = 1,
        max_length = 500
    )]
    pub q: String,
    pub category: Option<Category>,
    /// The user's chosen unit: its articles and national ones come first.
    #[param(example = "3304", min_length = 1, max_length = 8)]
    pub unit: Option<String>,
    /// Results are limited to the first 1000: `page` × `per_page` is at most 1000.
    #[param(minimum = 1, maximum = 1000)]
    pub page: Option<u64>,
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum VoteContext {
    /// On the article's page.
    Article,
    /// A suggestion in the new-consultation form: "answered, no need to ask" is a deflection.
    ConsultationForm,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"helpful": true, "context": "consultation_form", "unit_code": "3304"}))]
pub struct VoteRequest {
    /// `true`: "this answered my question"; `false`: "I still need help".
    pub helpful: bool,
    pub context: VoteContext,
    /// The unit the reader was about to ask.
    #[serde(default)]
    #[schema(min_length = 1, max_length = 8)]
    #[validate(length(min = 1, max = 8, message = "must be a unit code"))]
    pub unit_code: Option<String>,
}

#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"groups": [["ipm", "indeks pembangunan manusia"], ["penduduk", "populasi"]]}))]
pub struct SynonymList {
    /// Groups of equivalent words or phrases; a query with one member also finds the others.
    pub groups: Vec<Vec<String>>,
}

impl SynonymList {
    /// Problems per group (`groups.3`), so an editor can mark the row.
    pub fn problems(&self) -> crate::error::FieldErrors {
        let mut errors = crate::error::FieldErrors::new();
        if self.groups.len() > 1000 {
            errors.insert("groups".into(), vec!["at most 1000 groups".into()]);
        }
        for (i, group) in self.groups.iter().enumerate() {
            let mut messages = Vec::new();
            if group.len() < 2 || group.len() > 20 {
                messages.push("must have 2 to 20 terms".to_owned());
            }
            if group
                .iter()
                .any(|t| t.trim().is_empty() || t.chars().count() > 80)
            {
                messages.push("each term is 1 to 80 characters".to_owned());
            }
            if !messages.is_empty() {
                errors.insert(format!("groups.{i}"), messages);
            }
        }
        errors
    }
}

#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"message_ids": ["0192f0c4-8d3e-7c1a-9a4e-2b1f3c4d5e70"]}))]
pub struct PromoteRequest {
    /// The final-answer messages; all of the officers' messages when omitted.
    #[serde(default)]
    #[schema(min_items = 1, max_items = 50)]
    #[validate(length(min = 1, max = 50, message = "must list 1 to 50 messages"))]
    pub message_ids: Option<Vec<Uuid>>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CurationQuery {
    #[param(minimum = 1, maximum = 10000)]
    pub page: Option<u64>,
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<u64>,
}
