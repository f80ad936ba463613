//! HTML (a news page, an article from a government portal) rendered to lines of text.
//!
//! Block elements end lines; list items get a `-` (or their number); table rows become
//! tab-separated lines, as Word writes them (a task table with a `TT` header becomes rows; a
//! header laid out as a table gives its cells to the metadata reader). Scripts, styles, navigation, headers, footers,
//! asides, forms, figures (photo and caption) and elements whose class or id names a widget
//! (weather, related articles, share buttons, menus, ads) are dropped. The headline (`<h1>`)
//! and the publication time (`article:published_time` or a `<time datetime>`) open the text
//! so that the metadata reader finds them as on a saved page.

use regex::Regex;
use std::sync::LazyLock;

/// Elements whose whole content is dropped.
const SKIP_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "head",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "button",
    "select",
    "figure",
    "figcaption",
    "object",
    "video",
    "audio",
    "canvas",
    "menu",
];

/// Words in a class or id that mark page furniture.
const FURNITURE: &[&str] = &[
    "weather",
    "thoitiet",
    "thoi-tiet",
    "related",
    "relate",
    "lien-quan",
    "lienquan",
    "teaser",
    "sidebar",
    "comment",
    "share",
    "social",
    "breadcrumb",
    "menu",
    "banner",
    "advert",
    "ads-",
    "-ads",
    "quangcao",
    "most-read",
    "docnhieu",
    "doc-nhieu",
    "tin-khac",
    "tinkhac",
    "footer",
    "header",
    "navbar",
    "nav-",
    "tags",
    "subscribe",
    "newsletter",
    "caption",
    "author-box",
];

/// Elements that end a line.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "table",
    "tr",
    "br",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "dl",
    "hr",
    "body",
    "title",
];

/// Void elements (no end tag).
const VOID_TAGS: &[&str] = &[
    "br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "wbr",
    "track", "param",
];

static PUBLISHED_META: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)(?:article:published_time|datePublished|pubdate)["']?\s*(?:content|datetime)?\s*[=:]\s*["'](\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?"#)
        .expect("valid regex")
});
static TIME_ELEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)<time[^>]*datetime\s*=\s*["'](\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?"#)
        .expect("valid regex")
});
/// The site's name: `<meta property="og:site_name" content="...">`, or the last part of the
/// page's `<title>` (`Headline - Cổng thông tin điện tử tỉnh Lâm Đồng`).
static SITE_NAME_META: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)og:site_name["']?\s+content\s*=\s*["']([^"']+)["']"#).expect("valid regex")
});
static TITLE_ELEMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<title\b[^>]*>(.*?)</title>").expect("valid regex"));
static H1: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<h1\b[^>]*>(.*?)</h1>").expect("valid regex"));
static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?s)<[^>]*>").expect("valid regex"));
static ATTRIBUTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)\b(?:class|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))"#)
        .expect("valid regex")
});

/// The text of an HTML page.
pub fn to_text(html: &str) -> String {
    let mut out = Renderer::default();
    // The headline and the publication stamp first. An official document published as a
    // page may carry its kind as the `<h1>` (`CHỈ THỊ`, `THÔNG BÁO`): that line belongs under
    // the issuer, number and date, where the header reader looks for it, so it stays there.
    if let Some(caps) = H1.captures(html) {
        let headline = collapse(&decode_entities(&TAG.replace_all(&caps[1], " ")));
        if !headline.is_empty() && crate::metadata::type_of_line(&headline).is_none() {
            out.lines.push(headline);
            out.skip_next_h1 = true;
        }
    }
    // A provincial portal's name (`Cổng thông tin điện tử tỉnh Lâm Đồng`) says whose bodies
    // the article names without their province (`Sở Xây dựng`, `Công an tỉnh`).
    if let Some(site) = provincial_site_name(html) {
        out.lines.push(site);
    }
    if let Some(caps) = PUBLISHED_META
        .captures(html)
        .or_else(|| TIME_ELEMENT.captures(html))
    {
        let hour = caps.get(4).map_or("00", |m| m.as_str());
        let minute = caps.get(5).map_or("00", |m| m.as_str());
        out.lines.push(format!(
            "{}/{}/{} {hour}:{minute}",
            &caps[3], &caps[2], &caps[1]
        ));
    }
    out.render(article(html));
    out.finish()
}

/// The site's name, when it ends with a province (`... tỉnh X`, `... thành phố X`).
fn provincial_site_name(html: &str) -> Option<String> {
    let from_meta = SITE_NAME_META
        .captures(html)
        .and_then(|caps| caps.get(1))
        .map(|m| m.as_str().to_string());
    let from_title = || {
        let title = TITLE_ELEMENT.captures(html)?.get(1)?.as_str();
        let title = collapse(&decode_entities(&TAG.replace_all(title, " ")));
        let cut = [" - ", " | ", " – "]
            .iter()
            .filter_map(|sep| title.rfind(sep).map(|at| at + sep.len()))
            .max()?;
        Some(title.get(cut..)?.trim().to_string())
    };
    let name = from_meta
        .filter(|n| crate::metadata::province_of(n).is_some())
        .or_else(from_title)?;
    crate::metadata::province_of(&name)
        .is_some()
        .then_some(name)
}

/// The `<article>` element, when the page has one (its body without sidebars); else the
/// whole page.
fn article(html: &str) -> &str {
    let lower = html.to_ascii_lowercase();
    let Some(start) = lower.find("<article") else {
        return html;
    };
    // The outermost article: count nested ones.
    let mut depth = 0usize;
    let mut position = start;
    while let Some(next) = lower[position..].find("article").map(|i| position + i) {
        let before = lower[..next].chars().next_back();
        if before == Some('<') {
            depth += 1;
        } else if before == Some('/') && lower[..next].ends_with("</") {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                let end = lower[next..].find('>').map_or(html.len(), |i| next + i + 1);
                return html.get(start..end).unwrap_or(html);
            }
        }
        position = next + "article".len();
    }
    html.get(start..).unwrap_or(html)
}

#[derive(Default)]
struct Renderer {
    lines: Vec<String>,
    current: String,
    /// Depth of dropped elements we are inside (tag names, to match end tags).
    skipping: Vec<String>,
    /// Open lists: `None` for `<ul>`, the next number for `<ol>`.
    lists: Vec<Option<usize>>,
    /// Cells of the open table row; a paragraph break inside a cell is a `\n`.
    row: Option<Vec<String>>,
    /// The rows of the open table, rendered when it closes (see [`Renderer::end_table`]).
    table: Vec<Vec<String>>,
    in_h1: bool,
    /// The headline was put first, so the next `<h1>` met in the body is not written again.
    skip_next_h1: bool,
}

impl Renderer {
    fn render(&mut self, html: &str) {
        let mut rest = html;
        while !rest.is_empty() {
            let Some(open) = rest.find('<') else {
                self.text(rest);
                break;
            };
            self.text(&rest[..open]);
            rest = &rest[open..];
            if let Some(after) = rest.strip_prefix("<!--") {
                rest = after.find("-->").map_or("", |end| &after[end + 3..]);
                continue;
            }
            let Some(close) = rest.find('>') else {
                break;
            };
            let tag = &rest[1..close];
            rest = &rest[close + 1..];
            self.tag(tag, &mut rest);
        }
    }

    fn tag(&mut self, tag: &str, rest: &mut &str) {
        let closing = tag.starts_with('/');
        let body = tag.trim_start_matches('/');
        let name: String = body
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            return;
        }
        if !self.skipping.is_empty() {
            if closing && self.skipping.last() == Some(&name) {
                self.skipping.pop();
            } else if !closing
                && !VOID_TAGS.contains(&name.as_str())
                && !tag.ends_with('/')
                && self.skipping.last() == Some(&name)
            {
                self.skipping.push(name);
            }
            return;
        }
        if !closing && (SKIP_TAGS.contains(&name.as_str()) || is_furniture(&name, body)) {
            if name == "script" || name == "style" {
                // Their content is not HTML: jump to the end tag.
                let end = format!("</{name}");
                let lower = rest.to_ascii_lowercase();
                *rest = lower.find(&end).map_or("", |i| &rest[i..]);
                return;
            }
            if !VOID_TAGS.contains(&name.as_str()) && !tag.ends_with('/') {
                self.skipping.push(name);
            }
            return;
        }
        match (name.as_str(), closing) {
            ("h1", false) => {
                self.end_line();
                self.in_h1 = std::mem::take(&mut self.skip_next_h1);
            }
            ("h1", true) if self.in_h1 => {
                // The headline was put first already.
                self.current.clear();
                self.in_h1 = false;
            }
            ("h1", true) => self.end_line(),
            ("ul", false) => {
                self.end_line();
                self.lists.push(None);
            }
            ("ol", false) => {
                self.end_line();
                self.lists.push(Some(1));
            }
            ("ul", true) | ("ol", true) => {
                self.end_line();
                self.lists.pop();
            }
            ("li", false) => {
                self.end_line();
                let marker = match self.lists.last_mut() {
                    Some(Some(number)) => {
                        *number += 1;
                        format!("{}. ", *number - 1)
                    }
                    _ => "- ".to_string(),
                };
                self.current.push_str(&marker);
            }
            ("tr", false) => {
                self.end_line();
                self.row = Some(Vec::new());
            }
            ("td", false) | ("th", false) => {
                if let Some(row) = self.row.as_mut() {
                    row.push(String::new());
                }
            }
            ("tr", true) => self.end_row(),
            ("table", true) => {
                self.end_row();
                self.end_table();
                self.end_line();
            }
            // A paragraph or a line break inside a cell: kept, for a layout table's lines.
            (name, _) if BLOCK_TAGS.contains(&name) && self.row.is_some() => {
                if let Some(cell) = self.row.as_mut().and_then(|row| row.last_mut()) {
                    let trimmed = cell.trim_end_matches(' ').len();
                    cell.truncate(trimmed);
                    if !cell.is_empty() && !cell.ends_with('\n') {
                        cell.push('\n');
                    }
                }
            }
            (name, _) if BLOCK_TAGS.contains(&name) => self.end_line(),
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if !self.skipping.is_empty() || text.is_empty() || self.in_h1 {
            return;
        }
        let decoded = decode_entities(text);
        let target = match self.row.as_mut().and_then(|row| row.last_mut()) {
            Some(cell) => cell,
            None => &mut self.current,
        };
        for c in decoded.chars() {
            let c = if c.is_whitespace() { ' ' } else { c };
            if c == ' ' && (target.is_empty() || target.ends_with([' ', '\n'])) {
                continue;
            }
            target.push(c);
        }
    }

    fn end_row(&mut self) {
        if let Some(row) = self.row.take() {
            if row.iter().any(|cell| !cell.trim().is_empty()) {
                self.table.push(row);
            }
        }
    }

    /// Renders the rows of the table that closes, one line a row, cells apart by tabs. A
    /// layout table (two rows at most, a cell of several paragraphs: a document's header,
    /// issuer and number beside the motto and the date) gives a line for each paragraph,
    /// the cells' paragraphs side by side, as the page shows them; in any other table a
    /// cell's paragraphs are joined by a space.
    fn end_table(&mut self) {
        let rows = std::mem::take(&mut self.table);
        let layout =
            rows.len() <= 2 && rows.iter().flatten().any(|cell| cell.trim().contains('\n'));
        for row in rows {
            if layout {
                let cells: Vec<Vec<&str>> = row
                    .iter()
                    .map(|cell| {
                        cell.split('\n')
                            .map(str::trim)
                            .filter(|p| !p.is_empty())
                            .collect()
                    })
                    .collect();
                let height = cells.iter().map(Vec::len).max().unwrap_or(0);
                for i in 0..height {
                    let line: Vec<&str> = cells
                        .iter()
                        .map(|paragraphs| paragraphs.get(i).copied().unwrap_or(""))
                        .collect();
                    self.lines
                        .push(line.join("\t").trim_end_matches('\t').to_string());
                }
            } else {
                let cells: Vec<String> = row
                    .iter()
                    .map(|cell| cell.split_whitespace().collect::<Vec<_>>().join(" "))
                    .collect();
                self.lines.push(cells.join("\t"));
            }
        }
    }

    fn end_line(&mut self) {
        let line = self.current.trim().to_string();
        self.current.clear();
        if !line.is_empty() && line != "-" {
            self.lines.push(line);
        }
    }

    fn finish(mut self) -> String {
        self.end_row();
        self.end_table();
        self.end_line();
        let mut text = String::new();
        let mut in_table = false;
        for line in &self.lines {
            let table = line.contains('\t');
            if !text.is_empty() {
                // Paragraphs apart; rows of one table together.
                text.push_str(if table && in_table { "\n" } else { "\n\n" });
            }
            text.push_str(line);
            in_table = table;
        }
        text.push('\n');
        text
    }
}

/// Whether a start tag's class or id names page furniture. A table is the document's own
/// header when its class says `header` (`<table class="header-table">`: the issuer beside the
/// motto), not the page's.
fn is_furniture(name: &str, tag: &str) -> bool {
    let in_table = matches!(name, "table" | "tbody" | "thead" | "tr" | "td" | "th");
    ATTRIBUTE.captures_iter(tag).any(|caps| {
        let value = caps
            .get(1)
            .or(caps.get(2))
            .or(caps.get(3))
            .map_or("", |m| m.as_str())
            .to_ascii_lowercase();
        FURNITURE
            .iter()
            .filter(|word| !(in_table && **word == "header"))
            .any(|word| value.contains(word))
    })
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decodes character references: numeric ones and the named ones pages use.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(index) = rest.find('&') {
        out.push_str(&rest[..index]);
        rest = &rest[index..];
        let end = rest.find(';').filter(|&e| e <= 12);
        let decoded = end.and_then(|end| {
            let name = &rest[1..end];
            let c = if let Some(hex) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
            } else if let Some(dec) = name.strip_prefix('#') {
                dec.parse().ok().and_then(char::from_u32)
            } else {
                match name {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    "nbsp" => Some('\u{a0}'),
                    "ndash" => Some('–'),
                    "mdash" => Some('—'),
                    "hellip" => Some('…'),
                    "ldquo" => Some('“'),
                    "rdquo" => Some('”'),
                    "lsquo" => Some('‘'),
                    "rsquo" => Some('’'),
                    "deg" => Some('°'),
                    _ => None,
                }
            }?;
            Some((c, end + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests;
