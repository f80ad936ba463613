//! Assembling the self-contained page: the template from `assets/report/` with its CSS, its
//! script and the data (JSON) put inline.

use super::model::ReportData;
use anyhow::{bail, Result};

const TEMPLATE: &str = include_str!("../../../assets/report/report.html");
const CSS: &str = include_str!("../../../assets/report/report.css");
const JS: &str = include_str!("../../../assets/report/report.js");

/// The markers of the template, in the order they appear in it.
const CSS_MARKER: &str = "/*@CSS@*/";
const DATA_MARKER: &str = "@DATA@";
const JS_MARKER: &str = "/*@JS@*/";

/// The whole page for `data`.
pub fn render(data: &ReportData) -> Result<String> {
    let json = serde_json::to_string(data)?;
    fill(
        TEMPLATE,
        &[
            (CSS_MARKER, CSS),
            (DATA_MARKER, &escape_json_for_script(&json)),
            (JS_MARKER, JS),
        ],
    )
}

/// Replaces each marker, once and in order, without scanning inserted text for later markers
/// (the data may well contain the marker's characters).
fn fill(template: &str, parts: &[(&str, &str)]) -> Result<String> {
    let extra: usize = parts.iter().map(|(_, v)| v.len()).sum();
    let mut out = String::with_capacity(template.len() + extra);
    let mut rest = template;
    for (marker, value) in parts {
        let Some((before, after)) = rest.split_once(marker) else {
            bail!("report template has no {marker} marker");
        };
        out.push_str(before);
        out.push_str(value);
        rest = after;
    }
    out.push_str(rest);
    Ok(out)
}

/// Makes JSON safe inside `<script type="application/json">`: `<` only ever occurs inside
/// JSON strings, where `\u003c` means the same character, so no `</script>` or `<!--` can end
/// or change the element. U+2028/U+2029 are escaped too, for older JavaScript parsers.
pub fn escape_json_for_script(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_end_tags_in_the_data_cannot_close_the_element() {
        let json = serde_json::to_string("a</script><script>alert(1)</script><!--").unwrap();
        let escaped = escape_json_for_script(&json);
        assert!(!escaped.contains('<'), "{escaped}");
        let back: String = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back, "a</script><script>alert(1)</script><!--");
    }

    #[test]
    fn markers_inside_inserted_text_are_left_alone() {
        let page = fill(
            "a /*@CSS@*/ b @DATA@ c",
            &[("/*@CSS@*/", "@DATA@"), ("@DATA@", "x")],
        );
        assert_eq!(page.ok().as_deref(), Some("a @DATA@ b x c"));
    }

    #[test]
    fn a_missing_marker_is_an_error() {
        assert!(fill("no markers", &[("@DATA@", "x")]).is_err());
    }

    #[test]
    fn the_template_has_every_marker_once() {
        for marker in [CSS_MARKER, DATA_MARKER, JS_MARKER] {
            assert_eq!(TEMPLATE.matches(marker).count(), 1, "{marker}");
        }
        assert!(!CSS.contains("</style"));
        assert!(!JS.contains("</script"));
    }
}
