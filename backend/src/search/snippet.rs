//! A short passage of an answer around the words that match a query, HTML-escaped, matches in
//! `<mark>`. The same for every engine.
use super::analysis;

/// Markdown marks dropped (emphasis, code, headings, quotes, list markers), links reduced to their
/// text, whitespace collapsed.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for line in markdown.lines() {
        let mut line = line
            .trim_start()
            .trim_start_matches(['#', '>'])
            .trim_start();
        for marker in ["- ", "* ", "+ "] {
            line = line.strip_prefix(marker).unwrap_or(line);
        }
        let digits = line.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && line[digits..].starts_with(". ") {
            line = &line[digits + 2..];
        }
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '*' | '_' | '`' | '[' => {}
                ']' if chars.peek() == Some(&'(') => {
                    for skipped in chars.by_ref() {
                        if skipped == ')' {
                            break;
                        }
                    }
                }
                ']' => {}
                c if c.is_whitespace() => {
                    if !out.ends_with(' ') && !out.is_empty() {
                        out.push(' ');
                    }
                }
                c => out.push(c),
            }
        }
        if !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
    }
    out.trim_end().to_owned()
}

fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// At most `max_words` words of `markdown` around the densest run of matches of `query`.
/// `also`: further stems to mark (the query's synonyms).
pub fn snippet(markdown: &str, query: &str, also: &[String], max_words: usize) -> String {
    let text = plain_text(markdown);
    let query_terms = analysis::terms(query);
    let words = analysis::words(&text);
    let last = query_terms.last().map(|t| t.raw.clone());
    let matches: Vec<bool> = words
        .iter()
        .map(|(_, _, _, raw)| {
            if analysis::is_stopword(raw) {
                return false;
            }
            let stem = analysis::stem(raw);
            also.contains(&stem)
                || query_terms.iter().any(|q| {
                    let budget = usize::from(analysis::typo_budget(&q.raw));
                    q.stem == stem || (budget > 0 && analysis::within_edits(&q.raw, raw, budget))
                })
                || last
                    .as_ref()
                    .is_some_and(|l| l.chars().count() >= 3 && raw.starts_with(l.as_str()))
        })
        .collect();
    let window = max_words.max(1).min(words.len().max(1));
    let mut best = (0, 0);
    let mut count = 0;
    for i in 0..words.len() {
        count += usize::from(matches[i]);
        if i >= window {
            count -= usize::from(matches[i - window]);
        }
        let start = (i + 1).saturating_sub(window);
        if count > best.1 {
            best = (start, count);
        }
    }
    // Start a little before the first match of the best window, for context.
    let mut start = best.0;
    if words.len() <= window {
        start = 0;
    } else if let Some(first) = (start..words.len().min(start + window)).find(|&i| matches[i]) {
        start = first.saturating_sub(4).min(words.len() - window);
    }
    let end = (start + window).min(words.len());
    if words.is_empty() {
        return String::new();
    }
    let mut out = String::new();
    if start > 0 {
        out.push_str("… ");
    }
    let from = words[start].0;
    let to = if end < words.len() {
        words[end - 1].1
    } else {
        text.len()
    };
    let mut cursor = from;
    for i in start..end {
        let (s, e, _, _) = words[i];
        if matches[i] {
            escape(&text[cursor..s], &mut out);
            out.push_str("<mark>");
            escape(&text[s..e], &mut out);
            out.push_str("</mark>");
            cursor = e;
        }
    }
    escape(&text[cursor..to], &mut out);
    if end < words.len() {
        out.push_str(" …");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_are_marked_in_escaped_plain_text() {
        let answer = "## Garis kemiskinan\n\nPenduduk **miskin** adalah penduduk <dengan> pengeluaran \
                      di bawah [garis kemiskinan](https://bps.go.id).";
        let s = snippet(answer, "termiskin", &[], 40);
        assert_eq!(
            s,
            "Garis <mark>kemiskinan</mark> Penduduk <mark>miskin</mark> adalah penduduk &lt;dengan&gt; \
             pengeluaran di bawah garis <mark>kemiskinan</mark>."
        );
    }

    #[test]
    fn list_markers_and_links_leave_only_text() {
        assert_eq!(
            plain_text(
                "Langkah:\n1. Buka **situs** BPS\n- pilih [tabel](https://bps.go.id)\n  * unduh `CSV`"
            ),
            "Langkah: Buka situs BPS pilih tabel unduh CSV"
        );
    }

    #[test]
    fn a_long_text_is_cut_around_the_matches() {
        let filler = "kata ".repeat(60);
        let answer = format!("{filler}angka inflasi bulanan {filler}");
        let s = snippet(&answer, "inflsi", &[], 10);
        assert!(s.starts_with("… ") && s.ends_with(" …"), "{s}");
        assert!(s.contains("<mark>inflasi</mark>"), "{s}");
        assert!(s.split(' ').count() <= 13, "{s}");
    }
}
