//! CSV for spreadsheets (RFC 4180 quoting by the `csv` crate), with every text cell that a
//! spreadsheet would take for a formula (`=`, `+`, `-`, `@`, tab, carriage return first)
//! escaped with a leading apostrophe (OWASP's advice on CSV injection). Numbers are left as
//! they are.
use std::borrow::Cow;

use crate::error::{AppError, AppResult};

/// The cell as written: a text that begins like a formula gets a leading `'`.
pub fn cell(value: &str) -> Cow<'_, str> {
    let risky = value
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r'));
    if risky && value.parse::<f64>().is_err() {
        Cow::Owned(format!("'{value}"))
    } else {
        Cow::Borrowed(value)
    }
}

/// Rows as CSV bytes (the header too, when given).
pub fn rows(header: Option<&[&str]>, rows: &[Vec<String>]) -> AppResult<Vec<u8>> {
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    if let Some(h) = header {
        w.write_record(h).map_err(AppError::internal)?;
    }
    for r in rows {
        w.write_record(r.iter().map(|v| cell(v).into_owned()))
            .map_err(AppError::internal)?;
    }
    w.into_inner().map_err(AppError::internal)
}

/// The value of an optional number, or empty.
pub fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn formulas_are_escaped_and_numbers_are_not() {
        assert_eq!(
            cell("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(cell("+62 812"), "'+62 812");
        assert_eq!(cell("-1+2"), "'-1+2");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("\t=1"), "'\t=1");
        assert_eq!(cell("-12.5"), "-12.5");
        assert_eq!(cell("Data kemiskinan"), "Data kemiskinan");
        let out = rows(Some(&["a", "b"]), &[vec!["=1+1".into(), "x, \"y\"".into()]]).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a,b\n'=1+1,\"x, \"\"y\"\"\"\n"
        );
    }
}
