//! Queue positions kept on the row (`consultations.queue_position`: 1 for the head of the unit's
//! queue, null unless waiting), so reading one costs nothing however long the queue is; and the
//! consultation list indexes end with the id that breaks ties in their order, so a page filtered
//! by status, category or assignee is a range of an index in the list's order, never a sort.
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Consultations {
    Table,
    Id,
    UnitCode,
    UserId,
    Status,
    Category,
    AssigneeId,
    QueuePosition,
    CreatedAt,
}

/// An index: name and columns (all on `consultations`).
type IndexDef = (&'static str, Vec<Consultations>);

/// The indexes this migration replaces, as they were.
fn replaced() -> Vec<IndexDef> {
    use Consultations as K;
    vec![
        (
            "idx_consultations_user_status",
            vec![K::UserId, K::Status, K::CreatedAt],
        ),
        ("idx_consultations_assignee", vec![K::AssigneeId, K::Status]),
        (
            "idx_consultations_assignee_created",
            vec![K::AssigneeId, K::CreatedAt],
        ),
        (
            "idx_consultations_unit_category",
            vec![K::UnitCode, K::Category, K::CreatedAt],
        ),
    ]
}

/// The same, in the lists' order (created_at, id).
fn added() -> Vec<IndexDef> {
    use Consultations as K;
    vec![
        (
            "idx_consultations_user_status",
            vec![K::UserId, K::Status, K::CreatedAt, K::Id],
        ),
        (
            "idx_consultations_assignee",
            vec![K::AssigneeId, K::Status, K::CreatedAt, K::Id],
        ),
        (
            "idx_consultations_assignee_created",
            vec![K::AssigneeId, K::CreatedAt, K::Id],
        ),
        (
            "idx_consultations_unit_category",
            vec![K::UnitCode, K::Category, K::CreatedAt, K::Id],
        ),
    ]
}

async fn create(manager: &SchemaManager<'_>, (name, cols): IndexDef) -> Result<(), DbErr> {
    let mut index = Index::create()
        .name(name)
        .table(Consultations::Table)
        .to_owned();
    for c in cols {
        index.col(c);
    }
    manager.create_index(index).await
}

async fn drop(manager: &SchemaManager<'_>, (name, _): IndexDef) -> Result<(), DbErr> {
    manager
        .drop_index(
            Index::drop()
                .name(name)
                .table(Consultations::Table)
                .to_owned(),
        )
        .await
}

/// Numbers the waiting consultations of every unit 1, 2, … in queue order (created_at, id).
pub const NUMBER_THE_QUEUES: &str = "UPDATE consultations SET queue_position = (\
     SELECT COUNT(*) FROM consultations w \
     WHERE w.unit_code = consultations.unit_code AND w.status = 'waiting' \
     AND (w.created_at < consultations.created_at \
     OR (w.created_at = consultations.created_at AND w.id <= consultations.id))) \
     WHERE status = 'waiting'";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Consultations::Table)
                    .add_column(
                        ColumnDef::new(Consultations::QueuePosition)
                            .integer()
                            .null(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .get_connection()
            .execute_unprepared(NUMBER_THE_QUEUES)
            .await?;
        for index in replaced() {
            drop(manager, index).await?;
        }
        for index in added() {
            create(manager, index).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for index in added() {
            drop(manager, index).await?;
        }
        for index in replaced() {
            create(manager, index).await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Consultations::Table)
                    .drop_column(Consultations::QueuePosition)
                    .to_owned(),
            )
            .await
    }
}
