//! Account rules: registration and verification, sessions, password reset, the own profile.
use chrono::{TimeDelta, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set,
    TransactionTrait, sea_query::Expr,
};
use uuid::Uuid;

use super::{
    Role,
    model::{
        ChangePasswordRequest, MeView, RegisterRequest, ResetConfirmRequest, TokenPair,
        UpdateMeRequest,
    },
    password,
};
use crate::{
    entities::{email_token, refresh_token, user},
    error::{AppError, AppResult, ErrorCode},
    guard::{
        counters::{self, Limit, Window, per},
        sessions,
    },
    notify::{self, templates},
    security::tokens::{hash_token, random_token},
    state::AppState,
};

/// Failed logins for one account from one address: a burst of 5, then waits that grow (10 in
/// 15 minutes, 20 in an hour, 40 in a day). Nobody elsewhere can lock the account's owner out:
/// the limit is per account *and* address.
const LOGIN_PAIR: &[Window] = &[per(60, 5), per(15 * 60, 10), per(3600, 20), per(86_400, 40)];
/// Failed logins from one address over all accounts (guessing many accounts at once).
const LOGIN_ADDRESS: &[Window] = &[per(15 * 60, 30), per(86_400, 300)];
/// Registrations, verification links and reset links: per address, and per email so that one
/// inbox cannot be flooded.
const MAIL_ADDRESS: &[Window] = &[per(3600, 60), per(86_400, 300)];
const MAIL_EMAIL: &[Window] = &[per(3600, 3), per(86_400, 10)];

/// Counts a request that sends an email to `email`, refused past the limits.
async fn limit_mail(state: &AppState, kind: &str, email: &str, address: &str) -> AppResult<()> {
    counters::enforce(
        state,
        &[
            Limit::new(&format!("{kind}:address"), address, MAIL_ADDRESS),
            Limit::new(&format!("{kind}:email"), email, MAIL_EMAIL),
        ],
        "requests",
    )
    .await
}

pub const VERIFY_TTL: TimeDelta = TimeDelta::hours(48);
pub const RESET_TTL: TimeDelta = TimeDelta::hours(1);
const PURPOSE_VERIFY: &str = "verify_email";
const PURPOSE_RESET: &str = "password_reset";

pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

fn trimmed(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

pub fn check_password(field: &str, password: &str, email: &str, full_name: &str) -> AppResult<()> {
    match password::weakness(password, email, full_name) {
        Some(why) => Err(AppError::field(field, why)),
        None => Ok(()),
    }
}

pub struct NewUser {
    pub email: String,
    /// Hashed before any transaction starts: hashing is slow on purpose.
    pub password_hash: String,
    pub full_name: String,
    pub phone: Option<String>,
    pub institution: Option<String>,
    pub occupation: Option<String>,
    pub role: Role,
    pub unit_code: Option<String>,
    pub verified: bool,
}

/// Inserts a user; a taken email (checked, and guarded by the unique index) is a 409.
pub async fn insert_user<C: ConnectionTrait>(conn: &C, new: NewUser) -> AppResult<user::Model> {
    let email = normalize_email(&new.email);
    let taken = || AppError::coded_field(ErrorCode::EmailTaken, "email", "is already registered");
    if user::Entity::find()
        .filter(user::Column::Email.eq(&email))
        .one(conn)
        .await?
        .is_some()
    {
        return Err(taken());
    }
    let now = Utc::now();
    /// Active consultations auto-assignment gives a new staff member at once, until their
    /// supervisor sets another capacity.
    const DEFAULT_CAPACITY: i32 = 5;
    let model = user::ActiveModel {
        id: Set(Uuid::now_v7()),
        email: Set(email),
        password_hash: Set(new.password_hash),
        full_name: Set(new.full_name.trim().to_owned()),
        phone: Set(trimmed(new.phone)),
        institution: Set(trimmed(new.institution)),
        occupation: Set(trimmed(new.occupation)),
        role: Set(new.role.as_str().to_owned()),
        unit_code: Set(new.unit_code),
        email_verified_at: Set(new.verified.then_some(now)),
        created_at: Set(now),
        updated_at: Set(now),
        capacity: Set(DEFAULT_CAPACITY),
        availability: Set(crate::vocab::Availability::Offline.as_str().to_owned()),
        last_assigned_at: Set(None),
    };
    model.insert(conn).await.map_err(|e| {
        if matches!(
            e.sql_err(),
            Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
        ) {
            taken()
        } else {
            AppError::from(e)
        }
    })
}

async fn issue_email_token<C: ConnectionTrait>(
    conn: &C,
    user_id: Uuid,
    purpose: &str,
    ttl: TimeDelta,
) -> AppResult<String> {
    let token = random_token();
    let now = Utc::now();
    email_token::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(user_id),
        purpose: Set(purpose.to_owned()),
        token_hash: Set(hash_token(&token)),
        expires_at: Set(now + ttl),
        used_at: Set(None),
        created_at: Set(now),
    }
    .insert(conn)
    .await?;
    Ok(token)
}

/// Marks a link token used, exactly once; returns its user.
async fn consume_email_token<C: ConnectionTrait>(
    conn: &C,
    token: &str,
    purpose: &str,
) -> AppResult<Uuid> {
    let invalid = || {
        AppError::coded_field(
            ErrorCode::InvalidToken,
            "token",
            "is invalid, expired or already used",
        )
    };
    let now = Utc::now();
    let row = email_token::Entity::find()
        .filter(email_token::Column::TokenHash.eq(hash_token(token.trim())))
        .filter(email_token::Column::Purpose.eq(purpose))
        .one(conn)
        .await?
        .ok_or_else(invalid)?;
    if row.expires_at <= now {
        return Err(invalid());
    }
    let updated = email_token::Entity::update_many()
        .col_expr(email_token::Column::UsedAt, Expr::value(now))
        .filter(email_token::Column::Id.eq(row.id))
        .filter(email_token::Column::UsedAt.is_null())
        .exec(conn)
        .await?;
    if updated.rows_affected != 1 {
        return Err(invalid());
    }
    Ok(row.user_id)
}

async fn find_user<C: ConnectionTrait>(conn: &C, id: Uuid) -> AppResult<user::Model> {
    user::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or_else(|| {
            AppError::new(ErrorCode::InvalidAccessToken).with_detail("the account no longer exists")
        })
}

async fn find_by_email<C: ConnectionTrait>(
    conn: &C,
    email: &str,
) -> AppResult<Option<user::Model>> {
    Ok(user::Entity::find()
        .filter(user::Column::Email.eq(normalize_email(email)))
        .one(conn)
        .await?)
}

/// An account without a password: kept by a unit for someone it served at a desk (known by
/// the email of the guest book), until they register or reset a password with that email.
pub fn is_requester(u: &user::Model) -> bool {
    u.password_hash.is_empty() && u.role == Role::Public.as_str()
}

/// The account of the person with `email`: theirs if they have one, else a requester account
/// (no password, not verified) with what the desk knows of them.
pub async fn requester<C: ConnectionTrait>(conn: &C, known: NewRequester) -> AppResult<Uuid> {
    if let Some(u) = find_by_email(conn, &known.email).await? {
        return Ok(u.id);
    }
    let created = insert_user(
        conn,
        NewUser {
            email: known.email,
            password_hash: String::new(),
            full_name: known.full_name,
            phone: known.phone,
            institution: known.institution,
            occupation: known.occupation,
            role: Role::Public,
            unit_code: None,
            verified: false,
        },
    )
    .await?;
    Ok(created.id)
}

/// What a desk knows of a person it served.
pub struct NewRequester {
    pub email: String,
    pub full_name: String,
    pub phone: Option<String>,
    pub institution: Option<String>,
    pub occupation: Option<String>,
}

/// A registration takes over a requester account: the registration's details and password.
async fn claim<C: ConnectionTrait>(
    conn: &C,
    known: user::Model,
    new: NewUser,
) -> AppResult<user::Model> {
    let mut active = known.into_active_model();
    active.password_hash = Set(new.password_hash);
    active.full_name = Set(new.full_name.trim().to_owned());
    active.phone = Set(trimmed(new.phone));
    active.institution = Set(trimmed(new.institution));
    active.occupation = Set(trimmed(new.occupation));
    active.updated_at = Set(Utc::now());
    Ok(active.update(conn).await?)
}

/// Registers an account, answering alike whether or not the email is known (so nobody can test
/// which addresses have accounts): a new address, or one a desk kept for a person it served,
/// gets a verification link; the owner of an existing account gets an email saying someone tried
/// to register with it, with a link to reset the password.
pub async fn register(state: &AppState, req: RegisterRequest, address: &str) -> AppResult<String> {
    let email = normalize_email(&req.email);
    check_password("password", &req.password, &email, &req.full_name)?;
    limit_mail(state, "register", &email, address).await?;
    let public_url = state.settings.public_url.clone();
    // Hashed for every request, known address or not: the answer takes as long either way.
    let password_hash = password::hash(req.password).await?;
    let txn = state.db.begin().await?;
    let new = NewUser {
        email: email.clone(),
        password_hash,
        full_name: req.full_name,
        phone: req.phone,
        institution: req.institution,
        occupation: req.occupation,
        role: Role::Public,
        unit_code: None,
        verified: false,
    };
    let user = match find_by_email(&txn, &new.email).await? {
        // Someone served at a desk under this email registers: the account the unit kept for
        // them becomes theirs once the email is verified, history and all.
        Some(known) if is_requester(&known) => Some(claim(&txn, known, new).await?),
        Some(owner) => {
            let link = format!("{public_url}/forgot-password");
            notify::enqueue(
                &txn,
                templates::registration_attempt(&owner.email, &owner.full_name, &link),
            )
            .await?;
            None
        }
        None => Some(insert_user(&txn, new).await?),
    };
    if let Some(user) = user {
        let token = issue_email_token(&txn, user.id, PURPOSE_VERIFY, VERIFY_TTL).await?;
        let link = format!("{public_url}/verify-email?token={token}");
        notify::enqueue(
            &txn,
            templates::verify_email(&user.email, &user.full_name, &link),
        )
        .await?;
    }
    notify::commit(state, txn).await?;
    Ok(email)
}

pub async fn verify_email(state: &AppState, token: &str) -> AppResult<MeView> {
    let txn = state.db.begin().await?;
    let user_id = consume_email_token(&txn, token, PURPOSE_VERIFY).await?;
    let user = find_user(&txn, user_id).await?;
    let user = if user.email_verified_at.is_none() {
        let mut active = user.into_active_model();
        active.email_verified_at = Set(Some(Utc::now()));
        active.updated_at = Set(Utc::now());
        active.update(&txn).await?
    } else {
        user
    };
    txn.commit().await?;
    user.try_into()
}

/// Answers the same whether or not the email is registered.
pub async fn resend_verification(state: &AppState, email: &str, address: &str) -> AppResult<()> {
    limit_mail(state, "verify", &normalize_email(email), address).await?;
    let txn = state.db.begin().await?;
    if let Some(user) = find_by_email(&txn, email).await?
        && user.email_verified_at.is_none()
    {
        let token = issue_email_token(&txn, user.id, PURPOSE_VERIFY, VERIFY_TTL).await?;
        let link = format!("{}/verify-email?token={token}", state.settings.public_url);
        notify::enqueue(
            &txn,
            templates::verify_email(&user.email, &user.full_name, &link),
        )
        .await?;
    }
    notify::commit(state, txn).await?;
    Ok(())
}

async fn start_session<C: ConnectionTrait>(
    state: &AppState,
    conn: &C,
    user: &user::Model,
    family_id: Uuid,
) -> AppResult<TokenPair> {
    let refresh = random_token();
    let now = Utc::now();
    let ttl = TimeDelta::from_std(state.settings.refresh_token_ttl).map_err(AppError::internal)?;
    refresh_token::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(user.id),
        family_id: Set(family_id),
        token_hash: Set(hash_token(&refresh)),
        expires_at: Set(now + ttl),
        used_at: Set(None),
        revoked_at: Set(None),
        created_at: Set(now),
    }
    .insert(conn)
    .await?;
    let role = Role::stored(&user.role)?;
    let access = state.keys.issue(
        user.id,
        role,
        user.unit_code.clone(),
        family_id,
        state.settings.access_token_ttl,
    )?;
    Ok(TokenPair {
        access_token: access,
        refresh_token: refresh,
        token_type: "Bearer".into(),
        expires_in: state.settings.access_token_ttl.as_secs(),
    })
}

pub async fn login(
    state: &AppState,
    email: &str,
    password_plain: &str,
    address: &str,
) -> AppResult<TokenPair> {
    let email = normalize_email(email);
    let pair = format!("{email}|{address}");
    let by_address = Limit::new("login:address", address, LOGIN_ADDRESS);
    // Counted before the password is checked, in the database shared by every instance: logins
    // sent at once cannot all slip under the limit.
    counters::enforce(
        state,
        &[
            Limit::new("login:pair", &pair, LOGIN_PAIR),
            Limit::new("login:address", address, LOGIN_ADDRESS),
        ],
        "failed logins",
    )
    .await?;
    let user = find_by_email(&state.db, &email).await?;
    let ok = match &user {
        Some(u) if !is_requester(u) => {
            password::verify(password_plain.to_owned(), u.password_hash.clone()).await?
        }
        // No account, or one without a password yet (a requester's).
        _ => {
            // Spend the same time as a real check so response times do not reveal accounts.
            password::hash(password_plain.to_owned()).await?;
            false
        }
    };
    let Some(user) = user.filter(|_| ok) else {
        return Err(AppError::new(ErrorCode::InvalidCredentials));
    };
    // The password was right: the attempt is no failure, whatever follows.
    counters::forget(state, "login:pair", &pair).await?;
    counters::take_back(state, &by_address).await?;
    if user.email_verified_at.is_none() {
        return Err(AppError::new(ErrorCode::EmailNotVerified).with_detail(
            "Open the link in the verification email, or ask for a new one at /api/v1/auth/resend-verification.",
        ));
    }
    start_session(state, &state.db, &user, Uuid::now_v7()).await
}

/// Ends one session: its refresh tokens and, at once, its access tokens and sockets.
async fn end_session(state: &AppState, user_id: Uuid, family_id: Uuid) -> AppResult<()> {
    let txn = state.db.begin().await?;
    refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::RevokedAt, Expr::value(Utc::now()))
        .filter(refresh_token::Column::FamilyId.eq(family_id))
        .filter(refresh_token::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?;
    sessions::record_ended(&txn, state, user_id, &[family_id], Utc::now()).await?;
    txn.commit().await?;
    sessions::close_sockets(state, user_id, vec![family_id]);
    Ok(())
}

/// Rotates a refresh token. A token presented twice means it leaked: its whole family is revoked.
pub async fn refresh(state: &AppState, token: &str) -> AppResult<TokenPair> {
    let invalid = || AppError::new(ErrorCode::InvalidRefreshToken);
    let now = Utc::now();
    let row = refresh_token::Entity::find()
        .filter(refresh_token::Column::TokenHash.eq(hash_token(token.trim())))
        .one(&state.db)
        .await?
        .ok_or_else(invalid)?;
    if row.revoked_at.is_some() || row.expires_at <= now {
        return Err(invalid());
    }
    let claimed = refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::UsedAt, Expr::value(now))
        .filter(refresh_token::Column::Id.eq(row.id))
        .filter(refresh_token::Column::UsedAt.is_null())
        .exec(&state.db)
        .await?;
    if claimed.rows_affected != 1 {
        tracing::warn!(family = %row.family_id, "refresh token reused; revoking its session");
        end_session(state, row.user_id, row.family_id).await?;
        return Err(invalid());
    }
    let user = find_user(&state.db, row.user_id)
        .await
        .map_err(|_| invalid())?;
    start_session(state, &state.db, &user, row.family_id).await
}

pub async fn logout(state: &AppState, token: &str) -> AppResult<()> {
    if let Some(row) = refresh_token::Entity::find()
        .filter(refresh_token::Column::TokenHash.eq(hash_token(token.trim())))
        .one(&state.db)
        .await?
    {
        end_session(state, row.user_id, row.family_id).await?;
    }
    Ok(())
}

/// Ends the user's sessions but `except`, inside the transaction; returns them, for
/// [`sessions::close_sockets`] after the commit.
async fn revoke_all_sessions<C: ConnectionTrait>(
    state: &AppState,
    conn: &C,
    user_id: Uuid,
    except: Option<Uuid>,
) -> AppResult<Vec<Uuid>> {
    let ended = sessions::open_sessions(conn, user_id, except).await?;
    sessions::record_ended(conn, state, user_id, &ended, Utc::now()).await?;
    let mut update = refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::RevokedAt, Expr::value(Utc::now()))
        .filter(refresh_token::Column::UserId.eq(user_id))
        .filter(refresh_token::Column::RevokedAt.is_null());
    if let Some(family) = except {
        update = update.filter(refresh_token::Column::FamilyId.ne(family));
    }
    update.exec(conn).await?;
    Ok(ended)
}

/// Answers the same whether or not the email is registered.
pub async fn request_password_reset(state: &AppState, email: &str, address: &str) -> AppResult<()> {
    limit_mail(state, "reset", &normalize_email(email), address).await?;
    let txn = state.db.begin().await?;
    if let Some(user) = find_by_email(&txn, email).await? {
        let token = issue_email_token(&txn, user.id, PURPOSE_RESET, RESET_TTL).await?;
        let link = format!("{}/reset-password?token={token}", state.settings.public_url);
        notify::enqueue(
            &txn,
            templates::password_reset(&user.email, &user.full_name, &link),
        )
        .await?;
    }
    notify::commit(state, txn).await?;
    Ok(())
}

/// Sets the new password, spends the link and ends every session, all at once.
pub async fn confirm_password_reset(state: &AppState, req: ResetConfirmRequest) -> AppResult<()> {
    let txn = state.db.begin().await?;
    let user_id = consume_email_token(&txn, &req.token, PURPOSE_RESET).await?;
    let user = find_user(&txn, user_id).await?;
    check_password(
        "new_password",
        &req.new_password,
        &user.email,
        &user.full_name,
    )?;
    let hash = password::hash(req.new_password).await?;
    let now = Utc::now();
    let verified = user.email_verified_at.or(Some(now));
    let (email, name) = (user.email.clone(), user.full_name.clone());
    let mut active = user.into_active_model();
    active.password_hash = Set(hash);
    // The link reached the mailbox, which proves the address as well as a verification link would.
    active.email_verified_at = Set(verified);
    active.updated_at = Set(now);
    active.update(&txn).await?;
    let ended = revoke_all_sessions(state, &txn, user_id, None).await?;
    notify::enqueue(&txn, templates::password_changed(&email, &name)).await?;
    notify::commit(state, txn).await?;
    sessions::close_sockets(state, user_id, ended);
    Ok(())
}

pub async fn me(state: &AppState, user_id: Uuid) -> AppResult<MeView> {
    find_user(&state.db, user_id).await?.try_into()
}

pub async fn update_me(state: &AppState, user_id: Uuid, req: UpdateMeRequest) -> AppResult<MeView> {
    let user = find_user(&state.db, user_id).await?;
    let mut active = user.into_active_model();
    if let Some(name) = req.full_name {
        active.full_name = Set(name.trim().to_owned());
    }
    if let Some(phone) = req.phone {
        active.phone = Set(trimmed(phone));
    }
    if let Some(institution) = req.institution {
        active.institution = Set(trimmed(institution));
    }
    if let Some(occupation) = req.occupation {
        active.occupation = Set(trimmed(occupation));
    }
    active.updated_at = Set(Utc::now());
    active.update(&state.db).await?.try_into()
}

/// Changes the password and ends the caller's other sessions.
pub async fn change_password(
    state: &AppState,
    user_id: Uuid,
    session_id: Uuid,
    req: ChangePasswordRequest,
) -> AppResult<()> {
    let user = find_user(&state.db, user_id).await?;
    if !password::verify(req.current_password, user.password_hash.clone()).await? {
        return Err(AppError::coded_field(
            ErrorCode::WrongPassword,
            "current_password",
            "is wrong",
        ));
    }
    check_password(
        "new_password",
        &req.new_password,
        &user.email,
        &user.full_name,
    )?;
    let hash = password::hash(req.new_password).await?;
    let txn = state.db.begin().await?;
    let (email, name) = (user.email.clone(), user.full_name.clone());
    let mut active = user.into_active_model();
    active.password_hash = Set(hash);
    active.updated_at = Set(Utc::now());
    active.update(&txn).await?;
    let ended = revoke_all_sessions(state, &txn, user_id, Some(session_id)).await?;
    notify::enqueue(&txn, templates::password_changed(&email, &name)).await?;
    notify::commit(state, txn).await?;
    sessions::close_sockets(state, user_id, ended);
    Ok(())
}
