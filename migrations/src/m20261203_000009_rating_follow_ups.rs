//! Following up satisfaction ratings: each rating has a follow-up state (`none`, or `open` →
//! `contacted` → `resolved`), the thread of the officers' messages and the respondent's replies,
//! a one-time reply link for respondents without an account, and the unit's threshold score
//! (`follow_up_below_score`) that opens a follow-up. Ratings already asking for one are `open`.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Units {
    Table,
    FollowUpBelowScore,
}

#[derive(DeriveIden)]
enum Ratings {
    Table,
    UnitCode,
    NeedsFollowUp,
    FollowUpState,
    ContactedAt,
    ResolvedAt,
    ResolvedBy,
    ResolutionNote,
    ReplyTokenHash,
    ReplyTokenExpiresAt,
    CreatedAt,
    Id,
}

#[derive(DeriveIden)]
enum RatingFollowUps {
    Table,
    Id,
    RatingId,
    Author,
    AuthorId,
    Body,
    Emailed,
    CreatedAt,
}

const LIST_INDEX: &str = "idx_ratings_unit_created";
const STATE_INDEX: &str = "idx_ratings_unit_state_created";
const THREAD_INDEX: &str = "idx_rating_follow_ups_rating";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Units::Table)
                    .add_column(
                        ColumnDef::new(Units::FollowUpBelowScore)
                            .small_integer()
                            .not_null()
                            .default(2),
                    )
                    .to_owned(),
            )
            .await?;
        // One column per statement: SQLite adds one at a time.
        for col in [
            ColumnDef::new(Ratings::FollowUpState)
                .string_len(16)
                .not_null()
                .default("none")
                .to_owned(),
            timestamp_with_time_zone_null(Ratings::ContactedAt),
            timestamp_with_time_zone_null(Ratings::ResolvedAt),
            uuid_null(Ratings::ResolvedBy),
            text_null(Ratings::ResolutionNote),
            string_len_null(Ratings::ReplyTokenHash, 64),
            timestamp_with_time_zone_null(Ratings::ReplyTokenExpiresAt),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Ratings::Table)
                        .add_column(col)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .exec_stmt(
                Query::update()
                    .table(Ratings::Table)
                    .value(Ratings::FollowUpState, "open")
                    .and_where(Expr::col(Ratings::NeedsFollowUp).eq(true))
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            (
                LIST_INDEX,
                vec![Ratings::UnitCode, Ratings::CreatedAt, Ratings::Id],
            ),
            (
                STATE_INDEX,
                vec![
                    Ratings::UnitCode,
                    Ratings::FollowUpState,
                    Ratings::CreatedAt,
                    Ratings::Id,
                ],
            ),
        ] {
            let mut index = Index::create().name(name).table(Ratings::Table).to_owned();
            for c in cols {
                index.col(c);
            }
            manager.create_index(index).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(RatingFollowUps::Table)
                    .col(uuid(RatingFollowUps::Id).primary_key())
                    .col(uuid(RatingFollowUps::RatingId))
                    // `staff` or `respondent`.
                    .col(string_len(RatingFollowUps::Author, 16))
                    .col(uuid_null(RatingFollowUps::AuthorId))
                    .col(text(RatingFollowUps::Body))
                    .col(boolean(RatingFollowUps::Emailed))
                    .col(timestamp_with_time_zone(RatingFollowUps::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name(THREAD_INDEX)
                    .table(RatingFollowUps::Table)
                    .col(RatingFollowUps::RatingId)
                    .col(RatingFollowUps::CreatedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(RatingFollowUps::Table).to_owned())
            .await?;
        for name in [LIST_INDEX, STATE_INDEX] {
            manager
                .drop_index(Index::drop().name(name).table(Ratings::Table).to_owned())
                .await?;
        }
        for col in [
            Ratings::FollowUpState,
            Ratings::ContactedAt,
            Ratings::ResolvedAt,
            Ratings::ResolvedBy,
            Ratings::ResolutionNote,
            Ratings::ReplyTokenHash,
            Ratings::ReplyTokenExpiresAt,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Ratings::Table)
                        .drop_column(col)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Units::Table)
                    .drop_column(Units::FollowUpBelowScore)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }
}
