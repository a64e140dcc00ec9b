//! Password hashing (argon2id) and the strength rule: length, lists of common and leaked
//! passwords, and the zxcvbn estimate with the person's name and email as context.
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

/// Passwords common in Indonesia, beside the estimator's lists of leaked passwords.
const COMMON_ID: &str = include_str!("../../data/common-passwords-id.txt");

/// The lowest zxcvbn score accepted: 3, "safely unguessable: moderate protection from an
/// offline slow-hash scenario" (fewer than 10^10 guesses).
pub const MIN_SCORE: u8 = 3;

/// Words of the service that a guesser would try first.
const SERVICE_WORDS: &[&str] = &["statkonsul", "bps", "pst", "konsultasi", "statistik"];

fn common_id(password: &str) -> bool {
    let core = password
        .to_lowercase()
        .trim_end_matches(|c: char| !c.is_alphabetic())
        .to_owned();
    COMMON_ID
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .any(|l| l == core)
}

/// The whole password is a known leaked password (the estimator's list, from breach corpora),
/// perhaps with capitals, reversed or with l33t substitutions.
fn leaked(entropy: &zxcvbn::Entropy, password: &str) -> bool {
    let length = password.chars().count();
    matches!(
        entropy.sequence(),
        [m] if m.i == 0
            && m.j + 1 == length
            && matches!(&m.pattern, zxcvbn::matching::patterns::MatchPattern::Dictionary(d)
                // The crate does not export the dictionaries' type; its name is what is public.
                if format!("{:?}", d.dictionary_name) == "Passwords")
    )
}

/// What a guesser knows of the person: their name and its words, their email and its name part.
fn context(email: &str, full_name: &str) -> Vec<String> {
    let local = email.split('@').next().unwrap_or_default();
    let mut inputs: Vec<String> = vec![
        email.to_owned(),
        local.to_owned(),
        full_name.to_owned(),
        // "Siti Rahma" is typed as "sitirahma".
        full_name.split_whitespace().collect(),
        local.split(['.', '_', '-', '+']).collect(),
    ];
    let words = local
        .split(['.', '_', '-', '+'])
        .chain(full_name.split_whitespace())
        .filter(|w| w.chars().count() >= 3);
    inputs.extend(words.map(str::to_owned));
    inputs.extend(SERVICE_WORDS.iter().map(|w| (*w).to_owned()));
    inputs
}

/// Returns why the password is refused, if it is: too short or long (NIST SP 800-63B: at least
/// 10 here, at most 256), on a list of common or leaked passwords, or guessable by zxcvbn with
/// the person's name and email as context (score below [`MIN_SCORE`]).
pub fn weakness(password: &str, email: &str, full_name: &str) -> Option<String> {
    let length = password.chars().count();
    if length < MIN_LEN {
        return Some(format!("must be at least {MIN_LEN} characters"));
    }
    if length > MAX_LEN {
        return Some(format!("must be at most {MAX_LEN} characters"));
    }
    if common_id(password) {
        return Some("is a commonly used password".into());
    }
    let lower_email = email.to_lowercase();
    let lower_name = full_name.to_lowercase();
    let inputs = context(&lower_email, &lower_name);
    let inputs: Vec<&str> = inputs.iter().map(String::as_str).collect();
    let entropy = zxcvbn::zxcvbn(password, &inputs);
    if leaked(&entropy, password) {
        return Some("is on a list of leaked passwords".into());
    }
    if (entropy.score() as u8) < MIN_SCORE {
        let hint = entropy
            .feedback()
            .and_then(|f| f.warning())
            .map(|w| format!(" ({w})"))
            .unwrap_or_default();
        return Some(format!("is too easy to guess{hint}"));
    }
    None
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::weakness;

    #[test]
    fn weak_passwords_are_named() {
        for weak in [
            "short",
            "password2026",
            "aaaaaaaaaaaa",
            "abcdefghijk",
            "1234567890",
            "qwertyuiop",
            "iloveyou12",
            "Bismillah123!",
            "rahasia2026",
            "P@ssw0rd123",
        ] {
            assert!(weakness(weak, "a@b.id", "Ani").is_some(), "{weak} passed");
        }
        // The person's own name and email, however dressed up.
        assert!(weakness("budi.santoso99", "budi.santoso@mail.id", "Budi Santoso").is_some());
        assert!(weakness("SitiRahma1990", "sr@mail.id", "Siti Rahma").is_some());
    }

    #[test]
    fn leaked_passwords_are_recognised_whole() {
        let why = weakness("sunshine1234", "a@b.id", "Ani").unwrap_or_default();
        assert!(!why.is_empty());
        assert_eq!(
            weakness("baseball", "a@b.id", "Ani").as_deref(),
            Some("must be at least 10 characters")
        );
    }

    #[test]
    fn reasonable_passwords_pass() {
        // Contains "rahasia" but is no common password: a substring list refused it.
        assert_eq!(weakness("Rahasia-Kuat-2026!", "budi@mail.id", "Budi"), None);
        assert_eq!(weakness("Kopi-Tubruk-2026", "budi@mail.id", "Budi"), None);
        assert_eq!(
            weakness("hujan turun di sore hari", "siti@mail.id", "Siti"),
            None
        );
    }
}
