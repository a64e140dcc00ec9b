//! A short passage of an answer around the words that match a query, HTML-escaped, matches in
//! `<mark>`. The same for every engine.
use std::{cell::RefCell, collections::HashMap, rc::Rc};

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

/// An answer as snippets read it: its plain text and its words (span, folded form, and the stem
/// unless it is a stopword). The same for every query, so it is worked out once per answer text
/// and kept (per thread, up to [`PREPARED_BYTES`] of answers) for the searches that follow.
struct Prepared {
    text: String,
    words: Vec<Word>,
}

struct Word {
    start: usize,
    end: usize,
    raw: String,
    stem: Option<String>,
}

/// How much answer text each thread keeps prepared; all is dropped when it would grow beyond.
const PREPARED_BYTES: usize = 8 << 20;

thread_local! {
    static PREPARED: RefCell<(usize, HashMap<String, Rc<Prepared>>)> =
        RefCell::new((0, HashMap::new()));
}

fn prepared(markdown: &str) -> Rc<Prepared> {
    PREPARED.with(|cache| {
        if let Some(hit) = cache.borrow().1.get(markdown) {
            return hit.clone();
        }
        let text = plain_text(markdown);
        let words = analysis::words(&text)
            .into_iter()
            .map(|(start, end, _, raw)| Word {
                start,
                end,
                stem: (!analysis::is_stopword(&raw)).then(|| analysis::stem(&raw)),
                raw,
            })
            .collect();
        let prepared = Rc::new(Prepared { text, words });
        let mut cache = cache.borrow_mut();
        let size = 2 * markdown.len() + 32 * prepared.words.len();
        if cache.0 + size > PREPARED_BYTES {
            *cache = (0, HashMap::new());
        }
        cache.0 += size;
        cache.1.insert(markdown.to_owned(), prepared.clone());
        prepared
    })
}

/// At most `max_words` words of `markdown` around the densest run of matches of `query`.
/// `also`: further words or phrases to mark, as stems (the query's synonyms).
pub fn snippet(markdown: &str, query: &str, also: &[Vec<String>], max_words: usize) -> String {
    Matcher::new(query, also).snippet(markdown, max_words)
}

/// A query made ready to mark its matches in many answers (the hits of one search).
pub struct Matcher<'a> {
    /// The query's terms, each with its typo budget.
    terms: Vec<(analysis::Term, usize)>,
    /// The last word, which may be unfinished (suggestions as the user types).
    prefix: Option<String>,
    /// Synonyms, each the stems of a word or phrase: a phrase is marked only where all of it
    /// occurs, in order (one of its words alone did not match).
    also: &'a [Vec<String>],
}

impl<'a> Matcher<'a> {
    pub fn new(query: &str, also: &'a [Vec<String>]) -> Self {
        let terms: Vec<(analysis::Term, usize)> = analysis::terms(query)
            .into_iter()
            .map(|q| {
                let budget = usize::from(analysis::typo_budget(&q.raw));
                (q, budget)
            })
            .collect();
        let prefix = terms
            .last()
            .map(|(q, _)| q.raw.clone())
            .filter(|l| l.chars().count() >= 3);
        Self {
            terms,
            prefix,
            also,
        }
    }

    fn matches(&self, w: &Word) -> bool {
        let Some(stem) = &w.stem else { return false };
        self.also.iter().any(|s| s.len() == 1 && &s[0] == stem)
            || self.terms.iter().any(|(q, budget)| {
                &q.stem == stem || (*budget > 0 && analysis::within_edits(&q.raw, &w.raw, *budget))
            })
            || self.prefix.as_deref().is_some_and(|l| w.raw.starts_with(l))
    }

    /// At most `max_words` words of `markdown` around the densest run of matches.
    pub fn snippet(&self, markdown: &str, max_words: usize) -> String {
        let prepared = prepared(markdown);
        let (text, words) = (&prepared.text, &prepared.words);
        let mut matches: Vec<bool> = words.iter().map(|w| self.matches(w)).collect();
        self.mark_phrases(words, &mut matches);
        cut(text, words, &matches, max_words)
    }

    /// Marks every place where a synonym phrase occurs whole (stop words between its words
    /// skipped, as the index skips them).
    fn mark_phrases(&self, words: &[Word], matches: &mut [bool]) {
        let content: Vec<usize> = (0..words.len())
            .filter(|&i| words[i].stem.is_some())
            .collect();
        for phrase in self.also.iter().filter(|p| p.len() > 1) {
            for run in content.windows(phrase.len()) {
                let whole = run
                    .iter()
                    .zip(phrase)
                    .all(|(&i, stem)| words[i].stem.as_ref() == Some(stem));
                if whole {
                    for &i in run {
                        matches[i] = true;
                    }
                }
            }
        }
    }
}

fn cut(text: &str, words: &[Word], matches: &[bool], max_words: usize) -> String {
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
    let from = words[start].start;
    let to = if end < words.len() {
        words[end - 1].end
    } else {
        text.len()
    };
    let mut cursor = from;
    for i in start..end {
        let (s, e) = (words[i].start, words[i].end);
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
    fn a_synonym_phrase_is_marked_only_where_it_occurs_whole() {
        let phrase: Vec<String> = analysis::terms("klasifikasi baku lapangan usaha indonesia")
            .into_iter()
            .map(|t| t.stem)
            .collect();
        let s = snippet(
            "Di Indonesia usaha dikelompokkan menurut Klasifikasi Baku Lapangan Usaha Indonesia.",
            "kbli",
            &[phrase],
            40,
        );
        assert_eq!(
            s,
            "Di Indonesia usaha dikelompokkan menurut <mark>Klasifikasi</mark> <mark>Baku</mark> \
             <mark>Lapangan</mark> <mark>Usaha</mark> <mark>Indonesia</mark>."
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
