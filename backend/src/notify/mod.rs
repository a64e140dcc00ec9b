//! Email: written to the outbox in the same transaction as the change that causes it, and
//! delivered afterwards by a worker over SMTP (or to the log when no SMTP server is configured).
pub mod outbox;
pub mod templates;
pub mod worker;

pub use outbox::{Email, FileAttachment, TextAttachment, commit, enqueue, enqueue_with_file};
