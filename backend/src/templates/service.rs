//! Who reads and writes templates, the lists (the unit's own first, then the national ones)
//! and filling a template for a consultation.
use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, EntityTrait, IntoActiveModel, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
    sea_query::{Expr, ExprTrait, Func},
};
use uuid::Uuid;

use super::model::*;
use crate::{
    access::{self, Access},
    api::{Page, PageQuery},
    caller::AuthUser,
    entities::{
        answer_template::{self, Column as T},
        consultation, unit, user,
    },
    error::{AppError, AppResult},
    notify::templates::local_time,
    state::AppState,
    vocab::{Role, zone},
};

/// Templates are the tools of those who answer: officers, supervisors and admins.
fn may_use(auth: &AuthUser) -> AppResult<()> {
    auth.require(&[Role::Officer, Role::Supervisor, Role::Admin])
}

fn view(t: answer_template::Model) -> TemplateView {
    TemplateView {
        id: t.id,
        unit_code: t.unit_code,
        title: t.title,
        shortcut: t.shortcut,
        body: t.body,
        updated_at: t.updated_at,
    }
}

/// The unit's and the national templates, the unit's own first, each by shortcut; narrowed to
/// `q` (a shortcut's start, listed first, or a word of the title).
fn usable_at(unit: Option<&str>, q: Option<&str>) -> sea_orm::Select<answer_template::Entity> {
    let mut scope = Condition::any().add(T::UnitCode.is_null());
    if let Some(unit) = unit {
        scope = scope.add(T::UnitCode.eq(unit));
    }
    let mut query = answer_template::Entity::find().filter(scope);
    if let Some(q) = q.map(str::trim).filter(|q| !q.is_empty()) {
        let q = q.trim_start_matches('/');
        let by_shortcut = Expr::col(T::Shortcut).like(crate::db::like_lowered("", q, "%"));
        query = query
            .filter(
                Condition::any().add(by_shortcut.clone()).add(
                    Expr::expr(Func::lower(Expr::col(T::Title)))
                        .like(crate::db::like_lowered("%", q, "%")),
                ),
            )
            // What the shortcut starts with comes before a word of a title.
            .order_by_desc(by_shortcut);
    }
    query
        .order_by_asc(Expr::col(T::UnitCode).is_null())
        .order_by_asc(T::Shortcut)
        .order_by_asc(T::Id)
}

async fn may_read_unit(state: &AppState, auth: &AuthUser, unit: &str) -> AppResult<bool> {
    Ok(access::readable_units(&state.db, auth)
        .await?
        .is_none_or(|units| units.contains(unit)))
}

/// A template the caller may read, else not found (another unit's stays hidden).
async fn readable(
    state: &AppState,
    auth: &AuthUser,
    id: Uuid,
) -> AppResult<answer_template::Model> {
    may_use(auth)?;
    let t = answer_template::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or_else(AppError::not_found)?;
    match &t.unit_code {
        Some(unit) if !may_read_unit(state, auth, unit).await? => Err(AppError::not_found()),
        _ => Ok(t),
    }
}

pub async fn list(
    state: &AppState,
    auth: &AuthUser,
    q: TemplateListQuery,
) -> AppResult<Page<TemplateView>> {
    may_use(auth)?;
    let (page, per_page) = PageQuery {
        page: q.page,
        per_page: q.per_page,
    }
    .resolve(20)?;
    let unit = q.unit.or_else(|| auth.unit_code.clone());
    if let Some(unit) = &unit
        && !may_read_unit(state, auth, unit).await?
    {
        return Err(AppError::forbidden().with_detail("The unit's templates are its staff's."));
    }
    let paginator = usable_at(unit.as_deref(), q.q.as_deref()).paginate(&state.db, per_page);
    let total = paginator.num_items().await?;
    let items = paginator.fetch_page(page - 1).await?;
    Ok(Page {
        items: items.into_iter().map(view).collect(),
        total,
        page,
        per_page,
    })
}

pub async fn get(state: &AppState, auth: &AuthUser, id: Uuid) -> AppResult<TemplateView> {
    Ok(view(readable(state, auth, id).await?))
}

fn may_write(auth: &AuthUser, unit: Option<&str>) -> AppResult<()> {
    if access::writes_unit_content(auth, unit) {
        Ok(())
    } else {
        Err(AppError::forbidden().with_detail(
            "A unit's officers and supervisor write its templates; admins the national ones.",
        ))
    }
}

/// A shortcut already used where the template applies is the request's field error: the unique
/// indexes find it, also when two are written at once.
fn shortcut_taken() -> AppError {
    AppError::field("shortcut", "is already used by another template here")
}

fn written(e: sea_orm::DbErr) -> AppError {
    if matches!(
        e.sql_err(),
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
    ) {
        shortcut_taken()
    } else {
        AppError::from(e)
    }
}

async fn check_unit(state: &AppState, unit: Option<&str>) -> AppResult<()> {
    if let Some(code) = unit
        && unit::Entity::find_by_id(code)
            .one(&state.db)
            .await?
            .is_none()
    {
        return Err(AppError::field("unit_code", "is not a unit"));
    }
    Ok(())
}

pub async fn create(
    state: &AppState,
    auth: &AuthUser,
    req: TemplateRequest,
) -> AppResult<TemplateView> {
    may_use(auth)?;
    may_write(auth, req.unit_code.as_deref())?;
    check_unit(state, req.unit_code.as_deref()).await?;
    Ok(view(insert(&state.db, req, Some(auth.id)).await?))
}

/// Writes a new template as `req` says, by `author` (`None`: the seed).
async fn insert(
    db: &crate::db::Db,
    req: TemplateRequest,
    author: Option<Uuid>,
) -> AppResult<answer_template::Model> {
    let now = Utc::now();
    let saved = answer_template::Model {
        id: Uuid::now_v7(),
        unit_code: req.unit_code,
        title: req.title.trim().to_owned(),
        shortcut: req.shortcut,
        body: req.body.trim().to_owned(),
        created_by: author,
        created_at: now,
        updated_at: now,
    };
    answer_template::Entity::insert(saved.clone().into_active_model())
        .exec_without_returning(db)
        .await
        .map_err(written)?;
    Ok(saved)
}

pub async fn replace(
    state: &AppState,
    auth: &AuthUser,
    id: Uuid,
    req: TemplateRequest,
) -> AppResult<TemplateView> {
    let current = readable(state, auth, id).await?;
    may_write(auth, current.unit_code.as_deref())?;
    may_write(auth, req.unit_code.as_deref())?;
    check_unit(state, req.unit_code.as_deref()).await?;
    let mut active = current.into_active_model();
    active.unit_code = Set(req.unit_code);
    active.title = Set(req.title.trim().to_owned());
    active.shortcut = Set(req.shortcut);
    active.body = Set(req.body.trim().to_owned());
    active.updated_at = Set(Utc::now());
    let saved = active.update(&state.db).await.map_err(written)?;
    Ok(view(saved))
}

pub async fn delete(state: &AppState, auth: &AuthUser, id: Uuid) -> AppResult<()> {
    let current = readable(state, auth, id).await?;
    may_write(auth, current.unit_code.as_deref())?;
    answer_template::Entity::delete_by_id(id)
        .exec(&state.db)
        .await?;
    Ok(())
}

/// Writes the national `templates` whose shortcuts are not taken yet (checked as a request is);
/// how many were written.
pub async fn seed_national(
    db: &crate::db::Db,
    templates: Vec<TemplateRequest>,
) -> AppResult<usize> {
    use validator::Validate;
    let mut written = 0;
    for t in templates {
        t.validate()?;
        let taken = answer_template::Entity::find()
            .filter(T::UnitCode.is_null())
            .filter(T::Shortcut.eq(&t.shortcut))
            .one(db)
            .await?
            .is_some();
        if taken {
            continue;
        }
        insert(
            db,
            TemplateRequest {
                unit_code: None,
                ..t
            },
            None,
        )
        .await?;
        written += 1;
    }
    Ok(written)
}

/// `body` with each known variable replaced by its value; anything else is kept as written.
pub fn fill(body: &str, values: &HashMap<&str, String>) -> String {
    let mut out = String::with_capacity(body.len());
    let mut from = 0;
    for (range, name) in variables_in(body) {
        if let Some(value) = values.get(name) {
            out.push_str(&body[from..range.start]);
            out.push_str(value);
            from = range.end;
        }
    }
    out.push_str(&body[from..]);
    out
}

/// The templates the caller may answer this consultation with (its unit's and the national
/// ones), each filled for it: who asked, its number, the unit, the caller as the officer, and
/// the deadline in the unit's time zone.
pub async fn for_consultation(
    state: &AppState,
    auth: &AuthUser,
    consultation_id: Uuid,
    q: FilledTemplatesQuery,
) -> AppResult<Vec<FilledTemplate>> {
    may_use(auth)?;
    let (c, access): (consultation::Model, Access) =
        access::load(&state.db, auth, consultation_id).await?;
    if !access.is_unit_staff() {
        return Err(AppError::forbidden().with_detail("Templates answer the unit's consultations."));
    }
    let per_page = q.per_page.unwrap_or(10);
    if !(1..=50).contains(&per_page) {
        return Err(AppError::field("per_page", "must be between 1 and 50"));
    }
    let templates = usable_at(Some(&c.unit_code), q.q.as_deref())
        .limit(per_page)
        .all(&state.db)
        .await?;
    let names: HashMap<Uuid, String> = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .column(user::Column::FullName)
        .filter(user::Column::Id.is_in([c.user_id, auth.id]))
        .into_tuple::<(Uuid, String)>()
        .all(&state.db)
        .await?
        .into_iter()
        .collect();
    let unit = unit::Entity::find_by_id(&c.unit_code)
        .one(&state.db)
        .await?
        .ok_or_else(|| AppError::internal("a consultation's unit is missing"))?;
    let deadline = match c.deadline_at {
        Some(at) => local_time(at, zone(&unit.time_zone)?),
        None => "(tenggat ditetapkan setelah permintaan jelas dan lengkap)".to_owned(),
    };
    let values: HashMap<&str, String> = HashMap::from([
        ("nama", names.get(&c.user_id).cloned().unwrap_or_default()),
        ("nomor", c.number.clone()),
        ("unit", unit.name.clone()),
        ("petugas", names.get(&auth.id).cloned().unwrap_or_default()),
        ("tenggat", deadline),
    ]);
    Ok(templates
        .into_iter()
        .map(|t| {
            let filled = fill(&t.body, &values);
            FilledTemplate {
                template: view(t),
                filled,
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filling_replaces_known_variables_and_keeps_other_braces() {
        let values = HashMap::from([("nama", "Siti".to_owned()), ("nomor", "K-1".to_owned())]);
        assert_eq!(
            fill(
                "Halo {nama}, nomor {nomor} {nomor}; {tenggat} {x} {nama",
                &values
            ),
            "Halo Siti, nomor K-1 K-1; {tenggat} {x} {nama"
        );
    }
}
