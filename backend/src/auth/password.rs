//! Password hashing (argon2id) and the "not trivially weak" rule.
use argon2::{
    Argon2,
    password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng},
};

use crate::error::AppError;

pub const MIN_LEN: usize = 10;
pub const MAX_LEN: usize = 256;

/// Hashing is slow on purpose, so it runs off the async workers.
pub async fn hash(password: String) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(AppError::internal)
    })
    .await
    .map_err(AppError::internal)?
}

pub async fn verify(password: String, stored_hash: String) -> Result<bool, AppError> {
    tokio::task::spawn_blocking(move || {
        let parsed = PasswordHash::new(&stored_hash).map_err(AppError::internal)?;
        Ok(Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok())
    })
    .await
    .map_err(AppError::internal)?
}

const COMMON: &[&str] = &[
    "password",
    "passw0rd",
    "password1",
    "password123",
    "1234567890",
    "0123456789",
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
    "iloveyou",
    "sayangku",
    "rahasia",
    "bismillah",
    "indonesia",
    "admin12345",
    "letmein",
    "welcome",
    "katasandi",
    "abcdefghij",
    "qwerty123",
    "1q2w3e4r5t",
];

/// Returns why the password is too weak, if it is.
pub fn weakness(password: &str, email: &str) -> Option<String> {
    let chars: Vec<char> = password.chars().collect();
    if chars.len() < MIN_LEN {
        return Some(format!("must be at least {MIN_LEN} characters"));
    }
    if chars.len() > MAX_LEN {
        return Some(format!("must be at most {MAX_LEN} characters"));
    }
    let lower = password.to_lowercase();
    if COMMON.iter().any(|c| lower.contains(c)) {
        return Some("is too common".into());
    }
    let mut distinct = chars.clone();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() < 4 {
        return Some("uses too few different characters".into());
    }
    let sequential = chars.windows(2).all(|w| {
        let d = w[1] as i64 - w[0] as i64;
        d == 1 || d == -1
    });
    if sequential {
        return Some("is a simple sequence".into());
    }
    let local = email.split('@').next().unwrap_or_default().to_lowercase();
    if local.len() >= 4 && lower.contains(&local) {
        return Some("must not contain your email name".into());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::weakness;

    #[test]
    fn weak_passwords_are_named() {
        assert!(weakness("short", "a@b.id").is_some());
        assert!(weakness("password2026", "a@b.id").is_some());
        assert!(weakness("aaaaaaaaaaaa", "a@b.id").is_some());
        assert!(weakness("abcdefghijk", "a@b.id").is_some());
        assert!(weakness("budi.santoso99", "budi.santoso@mail.id").is_some());
    }

    #[test]
    fn reasonable_passwords_pass() {
        assert_eq!(weakness("Kopi-Tubruk-2026", "budi@mail.id"), None);
        assert_eq!(weakness("hujan turun di sore hari", "siti@mail.id"), None);
    }
}
