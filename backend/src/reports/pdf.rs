//! A plain A4 report as PDF, written with `pdf-writer`: headings, wrapped text, tables and a
//! bar chart, in Helvetica (one of the fonts every PDF viewer has, so nothing is embedded),
//! with text in WinAnsiEncoding, which holds every letter of Indonesian.
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

const WIDTH: f32 = 595.0;
const HEIGHT: f32 = 842.0;
const MARGIN: f32 = 50.0;
const REGULAR: Name<'static> = Name(b"F1");
const BOLD: Name<'static> = Name(b"F2");

/// Text as WinAnsi bytes; what that encoding lacks becomes `?`.
fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            ' '..='~' => c as u8,
            '\u{a0}'..='\u{ff}' => c as u32 as u8,
            '€' => 0x80,
            '…' => 0x85,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            '\n' | '\t' => b' ',
            _ => b'?',
        })
        .collect()
}

/// The width of Helvetica text, roughly (most letters are about half an em).
fn text_width(text: &str, size: f32) -> f32 {
    text.chars().count() as f32 * size * 0.52
}

/// Splits a text into lines no wider than `width`.
fn wrap(text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if text_width(&candidate, size) > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line = word.to_owned();
            } else {
                line = candidate;
            }
        }
        lines.push(line);
    }
    lines
}

pub struct Report {
    title: String,
    pages: Vec<Content>,
    page: Content,
    y: f32,
}

impl Report {
    pub fn new(title: &str) -> Self {
        Self {
            title: title.to_owned(),
            pages: Vec::new(),
            page: Content::new(),
            y: HEIGHT - MARGIN,
        }
    }

    /// Moves down by `height`, starting a new page when it does not fit.
    fn room(&mut self, height: f32) {
        if self.y - height < MARGIN {
            let page = std::mem::replace(&mut self.page, Content::new());
            self.pages.push(page);
            self.y = HEIGHT - MARGIN;
        }
    }

    fn line_at(&mut self, x: f32, text: &str, size: f32, bold: bool) {
        self.page
            .begin_text()
            .set_font(if bold { BOLD } else { REGULAR }, size)
            .next_line(x, self.y)
            .show(Str(&win_ansi(text)))
            .end_text();
    }

    pub fn heading(&mut self, text: &str, size: f32) {
        self.room(size * 2.2);
        self.y -= size * 1.6;
        self.line_at(MARGIN, text, size, true);
        self.y -= size * 0.6;
    }

    pub fn paragraph(&mut self, text: &str, size: f32) {
        for line in wrap(text, size, WIDTH - 2.0 * MARGIN) {
            self.room(size * 1.4);
            self.y -= size * 1.4;
            self.line_at(MARGIN, &line, size, false);
        }
    }

    pub fn gap(&mut self, height: f32) {
        self.room(height);
        self.y -= height;
    }

    /// A table: the first row bold; `widths` are fractions of the text width.
    pub fn table(&mut self, rows: &[Vec<String>], widths: &[f32], size: f32) {
        let total = WIDTH - 2.0 * MARGIN;
        for (i, row) in rows.iter().enumerate() {
            let cells: Vec<Vec<String>> = row
                .iter()
                .zip(widths)
                .map(|(text, w)| wrap(text, size, total * w - 6.0))
                .collect();
            let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
            let height = lines as f32 * size * 1.3 + 4.0;
            self.room(height);
            let top = self.y;
            let mut x = MARGIN;
            for (cell, w) in cells.iter().zip(widths) {
                self.y = top;
                for line in cell {
                    self.y -= size * 1.3;
                    self.line_at(x + 2.0, line, size, i == 0);
                }
                x += total * w;
            }
            self.y = top - height;
            self.page
                .set_stroke_gray(0.75)
                .move_to(MARGIN, self.y + 2.0)
                .line_to(WIDTH - MARGIN, self.y + 2.0)
                .stroke();
        }
    }

    /// Horizontal bars: a label, the value's bar on a 0..`max` scale, and the value's text.
    pub fn bars(&mut self, bars: &[(String, f64, String)], max: f64, size: f32) {
        let label_width = 190.0;
        let bar_space = WIDTH - 2.0 * MARGIN - label_width - 50.0;
        for (label, value, text) in bars {
            self.room(size * 1.9);
            self.y -= size * 1.9;
            self.line_at(MARGIN, label, size, false);
            let length = if max > 0.0 {
                (value / max).clamp(0.0, 1.0) as f32 * bar_space
            } else {
                0.0
            };
            self.page
                .set_fill_rgb(0.0, 0.4, 0.45)
                .rect(
                    MARGIN + label_width,
                    self.y - 2.0,
                    length.max(0.5),
                    size + 2.0,
                )
                .fill_nonzero();
            self.page.set_fill_gray(0.0);
            self.line_at(MARGIN + label_width + length + 6.0, text, size, false);
        }
    }

    pub fn finish(mut self) -> Vec<u8> {
        let last = std::mem::replace(&mut self.page, Content::new());
        self.pages.push(last);
        let mut pdf = Pdf::new();
        let catalog = Ref::new(1);
        let tree = Ref::new(2);
        let regular = Ref::new(3);
        let bold = Ref::new(4);
        let info = Ref::new(5);
        let first_page = 10;
        let ids: Vec<(Ref, Ref)> = (0..self.pages.len() as i32)
            .map(|i| {
                (
                    Ref::new(first_page + 2 * i),
                    Ref::new(first_page + 2 * i + 1),
                )
            })
            .collect();
        pdf.catalog(catalog).pages(tree);
        pdf.pages(tree)
            .kids(ids.iter().map(|(page, _)| *page))
            .count(ids.len() as i32);
        pdf.type1_font(regular)
            .base_font(Name(b"Helvetica"))
            .encoding_predefined(Name(b"WinAnsiEncoding"));
        pdf.type1_font(bold)
            .base_font(Name(b"Helvetica-Bold"))
            .encoding_predefined(Name(b"WinAnsiEncoding"));
        pdf.document_info(info)
            .title(TextStr(&self.title))
            .producer(TextStr("Statkonsul"));
        for ((page_id, content_id), content) in ids.iter().zip(self.pages) {
            let mut page = pdf.page(*page_id);
            page.media_box(Rect::new(0.0, 0.0, WIDTH, HEIGHT));
            page.parent(tree);
            page.contents(*content_id);
            let mut resources = page.resources();
            resources.fonts().pair(REGULAR, regular).pair(BOLD, bold);
            resources.finish();
            page.finish();
            pdf.stream(*content_id, &content.finish());
        }
        pdf.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indonesian_text_is_encoded_and_long_text_wraps() {
        assert_eq!(
            win_ansi("Rp 5.000 – café"),
            b"Rp 5.000 \x96 caf\xe9".to_vec()
        );
        assert_eq!(win_ansi("🙂"), b"?".to_vec());
        let lines = wrap(&"kata ".repeat(100), 10.0, 200.0);
        assert!(lines.len() > 5);
        assert!(lines.iter().all(|l| text_width(l, 10.0) <= 200.0));
    }

    #[test]
    fn a_report_is_a_pdf_with_a_page_per_overflow() {
        let mut r = Report::new("Uji");
        r.heading("Laporan", 16.0);
        for _ in 0..120 {
            r.paragraph("Baris laporan", 10.0);
        }
        let bytes = r.finish();
        assert!(bytes.starts_with(b"%PDF-"));
        let text = String::from_utf8_lossy(&bytes);
        // 120 lines of 14 pt do not fit on two pages of 742 pt.
        assert!(text.contains("/Count 3"), "three pages");
    }
}
