//! English statistics words (inflation, poverty, unemployment, population, …) added to an existing
//! synonym list, each group beside the Indonesian word it means. A new deployment's list is empty
//! here and gets them with the default list when it is seeded; an existing one keeps its own edits
//! and gains these groups once.
use sea_orm_migration::{prelude::*, sea_orm::Statement};

const ENGLISH_SYNONYMS_JSON: &str =
    include_str!("../../backend/seed/knowledge-synonyms-english.json");

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum KnowledgeSynonyms {
    Table,
    Terms,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let backend = manager.get_database_backend();
        let existing = db
            .query_one_raw(Statement::from_string(
                backend,
                "SELECT COUNT(*) AS n FROM knowledge_synonyms",
            ))
            .await?
            .map(|row| row.try_get::<i64>("", "n"))
            .transpose()?
            .unwrap_or(0);
        if existing == 0 {
            return Ok(());
        }
        let groups: Vec<Vec<String>> = serde_json::from_str(ENGLISH_SYNONYMS_JSON)
            .map_err(|e| DbErr::Custom(format!("English synonyms: {e}")))?;
        let now = chrono::Utc::now();
        for group in groups {
            let terms = serde_json::to_string(&group)
                .map_err(|e| DbErr::Custom(format!("English synonyms: {e}")))?;
            manager
                .exec_stmt(
                    Query::insert()
                        .into_table(KnowledgeSynonyms::Table)
                        .columns([KnowledgeSynonyms::Terms, KnowledgeSynonyms::UpdatedAt])
                        .values_panic([terms.into(), now.into()])
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        // The groups may have been edited since: they stay.
        Ok(())
    }
}
