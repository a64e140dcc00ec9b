//! Personal data stripped from text promoted into the knowledge base: email addresses, phone
//! numbers, identity numbers (NIK and other long digit runs) and the names of the people in the
//! conversation.

/// `text` with personal data replaced by bracketed placeholders.
pub fn redact(text: &str, names: &[String]) -> String {
    let text = replace_emails(text);
    let text = replace_numbers(&text);
    replace_names(&text, names)
}

fn is_email_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

/// Every `local@domain.tld` becomes `[email]`, wherever it stands.
fn replace_emails(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut cursor = 0;
    let mut search_from = 0;
    while let Some(found) = text[search_from..].find('@') {
        let at = search_from + found;
        let start = text[..at]
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_email_char(*c))
            .last()
            .map_or(at, |(i, _)| i)
            .max(cursor);
        let domain_len = text[at + 1..]
            .char_indices()
            .take_while(|(_, c)| is_email_char(*c))
            .last()
            .map_or(0, |(i, c)| i + c.len_utf8());
        let domain = text[at + 1..at + 1 + domain_len].trim_end_matches(['.', '-']);
        if start < at && domain.contains('.') && !domain.starts_with('.') {
            out.push_str(&text[cursor..start]);
            out.push_str("[email]");
            cursor = at + 1 + domain.len();
        }
        search_from = at + 1;
    }
    out.push_str(&text[cursor..]);
    out
}

/// Phone numbers (Indonesian mobile `08…`/`+62 8…`, or a landline with its area code in
/// brackets or dashes) and identity numbers (NIK: sixteen digits, grouped or not). Years,
/// amounts, region and table codes stay.
fn replace_numbers(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let next_is_digit = |k: usize| chars.get(k).is_some_and(char::is_ascii_digit);
        let starts =
            chars[i].is_ascii_digit() || (matches!(chars[i], '+' | '(') && next_is_digit(i + 1));
        if !starts || (i > 0 && chars[i - 1].is_alphanumeric()) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut separated = false;
        while j < chars.len() {
            if chars[j].is_ascii_digit() {
                j += 1;
            } else if matches!(chars[j], ' ' | '-' | '.' | '(' | ')')
                && (next_is_digit(j + 1)
                    || (chars[j] == ' ' && chars.get(j + 1) == Some(&'(') && next_is_digit(j + 2)))
            {
                separated = true;
                j += 1;
            } else if chars[j] == ')' {
                j += 1;
            } else {
                break;
            }
        }
        let run: String = chars[i..j].iter().collect();
        let digits: String = run.chars().filter(char::is_ascii_digit).collect();
        let international = run.starts_with('+') || digits.starts_with("628");
        let mobile = digits.starts_with("08") || (international && digits.starts_with("628"));
        let landline = digits.starts_with('0') && separated && !run.contains('.');
        if (mobile && (10..=14).contains(&digits.len()))
            || (landline && (9..=12).contains(&digits.len()))
            || (run.starts_with('+') && (9..=15).contains(&digits.len()))
        {
            out.push_str("[nomor telepon]");
        } else if digits.len() == 16 && !run.contains('.') {
            out.push_str("[NIK]");
        } else {
            out.push_str(&run);
        }
        i = j;
    }
    out
}

/// Each name, and each of its words of three letters or more, wherever it stands as a word.
fn replace_names(text: &str, names: &[String]) -> String {
    let mut parts: Vec<String> = names
        .iter()
        .flat_map(|n| {
            std::iter::once(n.trim().to_owned()).chain(
                n.split_whitespace()
                    .filter(|p| p.chars().count() >= 3)
                    .map(str::to_owned),
            )
        })
        .filter(|p| !p.is_empty())
        .collect();
    // Longest first, so a full name becomes one placeholder.
    parts.sort_by_key(|p| std::cmp::Reverse(p.len()));
    parts.dedup();
    let mut text = text.to_owned();
    for part in parts {
        text = replace_word(&text, &part, "[nama]");
    }
    text
}

fn replace_word(text: &str, word: &str, with: &str) -> String {
    // ASCII case folding keeps every byte where it was, so positions in `lower` are positions in
    // `text` (full Unicode lower-casing may change lengths).
    let lower = text.to_ascii_lowercase();
    let needle = word.to_ascii_lowercase();
    if needle.is_empty() {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut cursor = 0;
    let mut from = 0;
    while let Some(found) = lower[from..].find(&needle) {
        let start = from + found;
        let end = start + needle.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        if before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
        {
            out.push_str(&text[cursor..start]);
            out.push_str(with);
            cursor = end;
        }
        from = end;
    }
    out.push_str(&text[cursor..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_phones_identity_numbers_and_names_are_replaced() {
        let text = "Terima kasih Pak Budi Santoso. Data dikirim ke budi.s@example.co.id, \
                    atau hubungi 0812-3456-7890 / +62 812 3456 7890. NIK 3304011203850001. \
                    Budi bertanya tentang inflasi 2025 sebesar 2,5 persen (Tabel 3.1).";
        let clean = redact(text, &["Budi Santoso".to_owned(), "Rina".to_owned()]);
        assert_eq!(
            clean,
            "Terima kasih Pak [nama]. Data dikirim ke [email], atau hubungi [nomor telepon] / \
             [nomor telepon]. NIK [NIK]. [nama] bertanya tentang inflasi 2025 sebesar 2,5 persen \
             (Tabel 3.1)."
        );
    }

    #[test]
    fn every_address_and_grouped_numbers_are_caught_but_statistics_stay() {
        let clean = redact(
            "a@x.co.id,b@y.com\nc@z.org. NIK 3304 0112 0385 0001. HP 0812.3456.7890, \
             kantor (0286) 591234 atau 021-3841195. Kode desa 3304012001, Kalteng 6201012001, \
             nilai Rp 15000000000, ISBN 9786024382611, tahun 2019 2020, tabel 62 81 95.",
            &[],
        );
        assert_eq!(
            clean,
            "[email],[email]\n[email]. NIK [NIK]. HP [nomor telepon], kantor [nomor telepon] atau \
             [nomor telepon]. Kode desa 3304012001, Kalteng 6201012001, nilai Rp 15000000000, \
             ISBN 9786024382611, tahun 2019 2020, tabel 62 81 95."
        );
    }

    #[test]
    fn names_are_found_beside_any_characters_without_panicking() {
        assert_eq!(
            redact("İ Budié Ω budi", &["Budi".to_owned()]),
            "İ Budié Ω [nama]"
        );
    }

    #[test]
    fn names_inside_other_words_are_left_alone() {
        assert_eq!(
            redact("Ani menanyakan data Pariaman", &["Ani".to_owned()]),
            "[nama] menanyakan data Pariaman"
        );
    }
}
