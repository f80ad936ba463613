//! A task record as one JSON line, written by hand: the same bytes as `serde_json` gives for
//! [`TaskRecord`] (field order, `null`s, skipped fields, escapes, numbers), without going
//! through serde. Writing the task feed was about a twentieth of a run, most of it spent
//! escaping strings a byte at a time; here a string is scanned eight bytes at a time for the
//! rare bytes JSON escapes. The tests compare both ways over every field and variant.

use crate::records::{
    AgencyGroup, AgencyRef, Comparator, DatePrecision, Deadline, DocRef, DocType, Precision,
    Recurring, Relation, Span, SpanBasis, Target, TaskKind, TaskRecord, TaskStatus,
};

/// Appends `task` to `out` as JSON, exactly as `serde_json::to_writer` writes it (no newline).
pub fn write_task(out: &mut Vec<u8>, task: &TaskRecord) {
    out.extend_from_slice(b"{\"schema\":");
    string(out, &task.schema);
    out.extend_from_slice(b",\"id\":");
    string(out, &task.id);
    out.extend_from_slice(b",\"doc\":");
    doc_ref(out, &task.doc);
    out.extend_from_slice(b",\"section\":");
    string(out, &task.section);
    out.extend_from_slice(b",\"text\":");
    string(out, &task.text);
    out.extend_from_slice(b",\"span\":");
    span(out, &task.span);
    out.extend_from_slice(b",\"kind\":");
    name(out, kind_name(task.kind));
    out.extend_from_slice(b",\"lead\":");
    list(out, &task.lead, agency);
    out.extend_from_slice(b",\"support\":");
    list(out, &task.support, agency);
    out.extend_from_slice(b",\"lead_groups\":");
    list(out, &task.lead_groups, |out, g| name(out, g.as_str()));
    out.extend_from_slice(b",\"support_groups\":");
    list(out, &task.support_groups, |out, g: &AgencyGroup| {
        name(out, g.as_str())
    });
    field(out, b",\"action\":", task.action.as_deref(), string);
    field(
        out,
        b",\"deliverable\":",
        task.deliverable.as_deref(),
        string,
    );
    out.extend_from_slice(b",\"deadline\":");
    match &task.deadline {
        Some(d) => deadline(out, d),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"recurring\":");
    optional_name(out, task.recurring.map(recurring_name));
    out.extend_from_slice(b",\"targets\":");
    list(out, &task.targets, target);
    out.extend_from_slice(b",\"status\":");
    optional_name(out, task.status.map(status_name));
    out.extend_from_slice(b",\"rules\":");
    list(out, &task.rules, |out, r| string(out, r));
    out.push(b'}');
}

fn doc_ref(out: &mut Vec<u8>, doc: &DocRef) {
    out.extend_from_slice(b"{\"id\":");
    string(out, &doc.id);
    out.extend_from_slice(b",\"path\":");
    string(out, &doc.path);
    out.extend_from_slice(b",\"type\":");
    name(out, doc_type_name(doc.doc_type));
    out.extend_from_slice(b",\"number\":");
    optional_string(out, doc.number.as_deref());
    out.extend_from_slice(b",\"date\":");
    optional_string(out, doc.date.as_deref());
    out.extend_from_slice(b",\"date_precision\":");
    optional_name(out, doc.date_precision.map(date_precision_name));
    out.extend_from_slice(b",\"title\":");
    optional_string(out, doc.title.as_deref());
    out.push(b'}');
}

fn span(out: &mut Vec<u8>, span: &Span) {
    out.extend_from_slice(b"{\"start\":");
    number(out, span.start);
    out.extend_from_slice(b",\"end\":");
    number(out, span.end);
    out.extend_from_slice(b",\"basis\":");
    name(
        out,
        match span.basis {
            SpanBasis::File => "file",
            SpanBasis::Decoded => "decoded",
        },
    );
    out.push(b'}');
}

fn agency(out: &mut Vec<u8>, agency: &AgencyRef) {
    out.extend_from_slice(b"{\"id\":");
    optional_string(out, agency.id.as_deref());
    out.extend_from_slice(b",\"name\":");
    string(out, &agency.name);
    out.extend_from_slice(b",\"mention\":");
    string(out, &agency.mention);
    field(out, b",\"span\":", agency.span.as_ref(), span);
    field(out, b",\"current\":", agency.current.as_deref(), string);
    out.push(b'}');
}

fn deadline(out: &mut Vec<u8>, deadline: &Deadline) {
    out.extend_from_slice(b"{\"due\":");
    optional_string(out, deadline.due.as_deref());
    out.extend_from_slice(b",\"precision\":");
    name(out, precision_name(deadline.precision));
    field(
        out,
        b",\"relation\":",
        deadline.relation,
        |out, relation| name(out, relation_name(relation)),
    );
    field(out, b",\"start\":", deadline.start.as_deref(), string);
    out.extend_from_slice(b",\"text\":");
    string(out, &deadline.text);
    field(out, b",\"span\":", deadline.span.as_ref(), span);
    if deadline.ambiguous {
        out.extend_from_slice(b",\"ambiguous\":true");
    }
    out.push(b'}');
}

fn target(out: &mut Vec<u8>, target: &Target) {
    out.extend_from_slice(b"{\"value\":");
    float(out, target.value);
    field(out, b",\"max\":", target.max, float);
    out.extend_from_slice(b",\"unit\":");
    string(out, &target.unit);
    field(
        out,
        b",\"comparator\":",
        target.comparator,
        |out, comparator| name(out, comparator_name(comparator)),
    );
    field(out, b",\"total\":", target.total, float);
    field(out, b",\"metric\":", target.metric.as_deref(), string);
    out.extend_from_slice(b",\"text\":");
    string(out, &target.text);
    field(out, b",\"span\":", target.span.as_ref(), span);
    out.push(b'}');
}

fn list<T>(out: &mut Vec<u8>, items: &[T], mut item: impl FnMut(&mut Vec<u8>, &T)) {
    out.push(b'[');
    for (i, value) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        item(out, value);
    }
    out.push(b']');
}

/// A variant name, which needs no escape.
fn name(out: &mut Vec<u8>, name: &str) {
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.push(b'"');
}

fn optional_name(out: &mut Vec<u8>, value: Option<&str>) {
    match value {
        Some(value) => name(out, value),
        None => out.extend_from_slice(b"null"),
    }
}

/// A field serde leaves out when it is `None`: its key and value when there is one.
fn field<T>(out: &mut Vec<u8>, key: &[u8], value: Option<T>, write: impl FnOnce(&mut Vec<u8>, T)) {
    if let Some(value) = value {
        out.extend_from_slice(key);
        write(out, value);
    }
}

fn optional_string(out: &mut Vec<u8>, value: Option<&str>) {
    match value {
        Some(value) => string(out, value),
        None => out.extend_from_slice(b"null"),
    }
}

fn number(out: &mut Vec<u8>, value: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = value;
    loop {
        at -= 1;
        if let Some(d) = digits.get_mut(at) {
            *d = b'0' + (rest % 10) as u8;
        }
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    out.extend_from_slice(digits.get(at..).unwrap_or_default());
}

/// A float as `serde_json` writes it (shortest round-trip form; `null` when not finite).
fn float(out: &mut Vec<u8>, value: f64) {
    if serde_json::to_writer(&mut *out, &value).is_err() {
        out.extend_from_slice(b"null");
    }
}

/// Whether any of the eight bytes of `word` is below 0x20, `"` or `\`: the bytes JSON
/// escapes (DEL and everything above ASCII pass as they are).
fn needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // A byte below 0x20; then a byte equal to `"` or `\` (zero after the xor). Both tests
    // may flag a byte at or above 0x80 wrongly only when a lower byte is flagged rightly;
    // masking with `!word` drops the bytes at or above 0x80 themselves.
    let control = word.wrapping_sub(ONES * 0x20);
    let quote = word ^ (ONES * u64::from(b'"'));
    let quote = quote.wrapping_sub(ONES);
    let backslash = word ^ (ONES * u64::from(b'\\'));
    let backslash = backslash.wrapping_sub(ONES);
    (control | quote | backslash) & !word & HIGHS != 0
}

/// The escape of a byte JSON escapes, as `serde_json` writes it.
fn escape(out: &mut Vec<u8>, byte: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    match byte {
        b'"' => out.extend_from_slice(b"\\\""),
        b'\\' => out.extend_from_slice(b"\\\\"),
        0x08 => out.extend_from_slice(b"\\b"),
        0x0C => out.extend_from_slice(b"\\f"),
        b'\n' => out.extend_from_slice(b"\\n"),
        b'\r' => out.extend_from_slice(b"\\r"),
        b'\t' => out.extend_from_slice(b"\\t"),
        _ => out.extend_from_slice(&[
            b'\\',
            b'u',
            b'0',
            b'0',
            HEX[usize::from(byte >> 4)],
            HEX[usize::from(byte & 0xF)],
        ]),
    }
}

fn is_escaped(byte: u8) -> bool {
    byte < 0x20 || byte == b'"' || byte == b'\\'
}

/// A string in quotes, escaped as `serde_json` escapes it.
pub fn string(out: &mut Vec<u8>, value: &str) {
    let bytes = value.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    // Bytes before `run` are written; `at` is where the scan stands.
    let mut run = 0;
    let mut at = 0;
    loop {
        // Skip eight clean bytes at a time; stop at a word holding a byte to escape, or
        // where fewer than eight bytes are left.
        while let Some(chunk) = bytes.get(at..at + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            if needs_escape(u64::from_le_bytes(word)) {
                break;
            }
            at += 8;
        }
        let rest = bytes.get(at..).unwrap_or_default();
        let Some(offset) = rest.iter().position(|&b| is_escaped(b)) else {
            break;
        };
        let found = at + offset;
        out.extend_from_slice(bytes.get(run..found).unwrap_or_default());
        if let Some(&byte) = bytes.get(found) {
            escape(out, byte);
        }
        at = found + 1;
        run = at;
    }
    out.extend_from_slice(bytes.get(run..).unwrap_or_default());
    out.push(b'"');
}

fn kind_name(kind: TaskKind) -> &'static str {
    match kind {
        TaskKind::Directive => "directive",
        TaskKind::Exhortation => "exhortation",
    }
}

fn doc_type_name(doc_type: DocType) -> &'static str {
    doc_type.as_str()
}

fn date_precision_name(precision: DatePrecision) -> &'static str {
    match precision {
        DatePrecision::Day => "day",
        DatePrecision::Month => "month",
        DatePrecision::Year => "year",
    }
}

fn precision_name(precision: Precision) -> &'static str {
    match precision {
        Precision::Day => "day",
        Precision::Month => "month",
        Precision::Quarter => "quarter",
        Precision::Half => "half",
        Precision::Year => "year",
        Precision::Event => "event",
    }
}

fn relation_name(relation: Relation) -> &'static str {
    match relation {
        Relation::Before => "before",
        Relation::By => "by",
        Relation::Within => "within",
        Relation::On => "on",
    }
}

fn recurring_name(recurring: Recurring) -> &'static str {
    match recurring {
        Recurring::Monthly => "monthly",
        Recurring::Quarterly => "quarterly",
        Recurring::HalfYearly => "half_yearly",
        Recurring::Yearly => "yearly",
    }
}

fn comparator_name(comparator: Comparator) -> &'static str {
    match comparator {
        Comparator::AtLeast => "at_least",
        Comparator::Above => "above",
        Comparator::Below => "below",
        Comparator::AtMost => "at_most",
    }
}

fn status_name(status: TaskStatus) -> &'static str {
    match status {
        TaskStatus::Completed => "completed",
        TaskStatus::InProgress => "in_progress",
    }
}

#[cfg(test)]
mod tests;
