//! From raw automaton matches to mentions: choosing what each match stands for from its
//! neighbours (a provincial body followed by its province, a ministry field continuing a
//! list, a province inside a list of provinces) and the document's date and province.

use super::gazetteer::{Entry, Gazetteer, Kind};
use super::groups::ListHead;
use super::key::Key;
use super::matcher::{phrase, Candidate, Raw};
use super::{AgencyContext, AgencyMention};
#[cfg(test)]
use chrono::NaiveDate;
use vntask_writer::AgencyGroup;

/// Provincial bodies whose bare name is also a common noun: a body only with its level
/// (`Bưu điện tỉnh`), never alone.
const COMMON_NOUN_HEADS: &[&str] = &["Bưu điện"];

/// Words that make a following `bộ` an ordinary word, not a ministry: `toàn bộ`, `nội bộ`,
/// `cán bộ`, `sơ bộ`, `tiến bộ`, `đồng bộ`, `cục bộ`, `một bộ`.
const NOT_MINISTRY_BEFORE: &[&str] = &["toan", "noi", "can", "so", "tien", "dong", "cuc", "mot"];

/// `Chính phủ` is the Government except inside a title (`Thủ tướng Chính phủ`, `Thành viên
/// Chính phủ`, `Thường trực Chính phủ`: people, not the body), a place (`trụ sở Chính phủ`)
/// or a concept (`Chính phủ điện tử`, `Chính phủ số`: e-government): the last word before
/// it, the first word after it.
const NOT_GOVERNMENT_BEFORE: &[&str] = &["tuong", "vien", "truc", "so"];
const NOT_GOVERNMENT_AFTER: &[&str] = &["dien", "so"];

/// Whether the `Chính phủ` at key range `start..end` is no mention of the Government.
fn not_the_government(key: &str, start: usize, end: usize) -> bool {
    let after = key.get(end..).unwrap_or_default().trim_start();
    let next = after
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    NOT_GOVERNMENT_BEFORE.contains(&previous_word(key, start))
        || NOT_GOVERNMENT_AFTER.contains(&next)
}

/// What kind of list the last accepted mention may continue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum List {
    None,
    Ministries,
    Provinces,
    /// A province's departments named by their field after `các Sở:`.
    Departments,
    Other,
}

/// A gap between two list items: nothing, a comma, `và`, a colon.
fn is_list_gap(gap: &str) -> bool {
    matches!(
        gap.trim(),
        "" | "," | "va" | ",va" | ":" | "va cac" | ",va cac" | "cac" | "hoac"
    )
}

fn upper_initial(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

fn previous_word(key: &str, offset: usize) -> &str {
    let before = key.get(..offset).unwrap_or_default().trim_end();
    let start = before
        .rfind(|c: char| !c.is_alphanumeric())
        .map_or(0, |i| i + 1);
    before.get(start..).unwrap_or_default()
}

/// Picks among entries sharing one spelling: the one valid on the date, else the latest (the
/// last of equally late ones); with its index.
fn pick<'g>(
    gazetteer: &'g Gazetteer,
    indices: impl Iterator<Item = usize> + Clone,
    ctx: &AgencyContext,
) -> Option<(usize, &'g Entry)> {
    let entries = indices.filter_map(|i| Some((i, gazetteer.entry(i)?)));
    entries
        .clone()
        .find(|(_, e)| e.valid_on(ctx.date))
        .or_else(|| entries.max_by_key(|(_, e)| e.to.unwrap_or(chrono::NaiveDate::MAX)))
}

struct Resolver<'a> {
    text: &'a str,
    key: &'a Key,
    ctx: &'a AgencyContext,
    gazetteer: &'a Gazetteer,
    out: Vec<AgencyMention>,
    list: List,
    /// Key offset where the last accepted item ended.
    last_end: usize,
    /// The whole text is a list of provinces (a table's agency cell: `An Giang, Cần Thơ và
    /// Thành phố Hồ Chí Minh`), so bare province names are bodies.
    province_list: bool,
    /// Key offset of a list head (`các bộ`, `Ủy ban nhân dân các tỉnh`) whose first member
    /// comes next: that member's mention starts at the head, so the words before a subject
    /// are only titles.
    pending_head: Option<usize>,
}

impl<'a> Resolver<'a> {
    fn original(&self, start: usize, end: usize) -> &'a str {
        let range = self.key.input_range(self.text, start, end);
        let text: &'a str = self.text;
        text.get(range).unwrap_or_default()
    }

    fn gap(&self, start: usize) -> &str {
        self.key
            .text
            .get(self.last_end.min(start)..start)
            .unwrap_or_default()
    }

    fn continues(&self, list: List, start: usize) -> bool {
        let gap = self.gap(start);
        // Provinces need a real separator: `TP Hồ Chí Minh Hà Nội 29°C` is a weather widget.
        self.list == list && is_list_gap(gap) && (list != List::Provinces || !gap.trim().is_empty())
    }

    fn push(&mut self, start: usize, end: usize, mention: Mention, list: List) {
        let start = self.pending_head.take().unwrap_or(start);
        let range = self.key.input_range(self.text, start, end);
        self.out.push(AgencyMention {
            mention: self.text.get(range.clone()).unwrap_or_default().to_string(),
            range,
            id: mention.id,
            name: mention.name,
            current: mention.current,
            groups: mention.groups,
            rule: mention.rule,
        });
        self.list = list;
        self.last_end = end;
    }

    /// The mention of entry `index` of the gazetteer, `entry`.
    fn entry_mention(&self, index: usize, entry: &Entry, rule: &'static str) -> Mention {
        Mention {
            id: Some(entry.id.clone()),
            name: entry.name.clone(),
            current: self.gazetteer.current_at(index).map(|e| e.name.clone()),
            groups: Vec::new(),
            rule,
        }
    }

    /// `<body> <province>`: `Sở Y tế tỉnh An Giang`, with the current body when either the
    /// body or the province has been merged since.
    fn provincial(&self, head: &Entry, province: &Entry, rule: &'static str) -> Mention {
        let name = format!("{} {}", head.name, province.province_full_name());
        let current_head = self.gazetteer.current(&head.id).unwrap_or(head);
        let current_province = self.gazetteer.current(&province.id).unwrap_or(province);
        let current = format!(
            "{} {}",
            current_head.name,
            current_province.province_full_name()
        );
        Mention {
            id: Some(format!("{}@{}", head.id, province.id)),
            current: (current != name).then_some(current),
            name,
            groups: Vec::new(),
            rule,
        }
    }

    fn context_province(&self) -> Option<&'a Entry> {
        let wanted = super::key::key_str(self.ctx.province.as_deref()?);
        let wanted = wanted
            .trim_start_matches("tinh ")
            .trim_start_matches("thanh pho ")
            .trim();
        self.gazetteer.province_keyed(wanted, self.ctx.date)
    }

    fn run(&mut self, raws: &[Raw]) {
        let mut i = 0;
        while i < raws.len() {
            let Some(raw) = raws.get(i) else { break };
            let next = raws.get(i + 1);
            let consumed = self.resolve_one(raw, next);
            i += consumed.max(1);
        }
    }

    /// Resolves `raw` (looking at `next`); returns how many raw matches it used (0 = dropped).
    fn resolve_one(&mut self, raw: &Raw, next: Option<&Raw>) -> usize {
        let (start, end) = (raw.start, raw.end);
        // The words as written, read only when a test below needs them: mapping a key range
        // back keys the text again, and most raw matches are settled from the key alone.
        let (text, key) = (self.text, self.key);
        let written = std::cell::OnceCell::new();
        let original = || -> &'a str {
            written.get_or_init(|| {
                text.get(key.input_range(text, start, end))
                    .unwrap_or_default()
            })
        };
        if !first_word_fits(self.key.text.get(start..end).unwrap_or_default(), original) {
            return 0;
        }
        let has = |f: &dyn Fn(&Candidate) -> bool| raw.candidates.iter().find(|c| f(c)).copied();
        let field = has(&|c| matches!(c, Candidate::Field { .. }));
        let head = has(&|c| matches!(c, Candidate::Head { .. }));
        let province = has(&|c| matches!(c, Candidate::Province { .. }));

        // A department's field after `các Sở:` (`Giám đốc các Sở: Y tế, Tài chính`): the
        // provincial body `Sở` + the field, named as one written in full would be.
        if let Some(Candidate::Field { .. }) = field {
            if self.continues(List::Departments, start) && upper_initial(original()) {
                let department = raw.candidates.iter().find_map(|c| match c {
                    Candidate::Field { index } => self.department_of(*index),
                    _ => None,
                });
                if let Some(department) = department {
                    let m = match self.context_province() {
                        Some(province) => self.provincial(department, province, "AG003"),
                        None => Mention {
                            id: None,
                            name: department.name.clone(),
                            current: None,
                            groups: Vec::new(),
                            rule: "AG003",
                        },
                    };
                    self.push(start, end, m, List::Departments);
                    return 1;
                }
            }
        }
        // A ministry field continuing a list: `Bộ Giáo dục và Đào tạo, Y tế`, `các Bộ: Công an`.
        if let Some(Candidate::Field { .. }) = field {
            if self.continues(List::Ministries, start) && upper_initial(original()) {
                let indices = raw.candidates.iter().filter_map(|c| match c {
                    Candidate::Field { index } => Some(*index),
                    _ => None,
                });
                if let Some((index, entry)) = pick(self.gazetteer, indices, self.ctx) {
                    let m = self.entry_mention(index, entry, "AG003");
                    self.push(start, end, m, List::Ministries);
                    return 1;
                }
            }
        }

        // `Ủy ban nhân dân tỉnh An Giang`, `Cục Thuế tỉnh X`: a provincial body with its province
        // wins over a national body of the same name.
        if let Some(Candidate::Head { index }) = head {
            if let Some(used) = self.head_with_province(index, raw, next) {
                return used;
            }
        }
        for candidate in raw.candidates {
            match *candidate {
                Candidate::Group { index } => {
                    if let Some(used) = self.group(index, raw, next) {
                        return used;
                    }
                }
                Candidate::Entry { .. } => {
                    let key_text = self.key.text.get(start..end).unwrap_or_default();
                    if key_text.starts_with("bo ")
                        && NOT_MINISTRY_BEFORE.contains(&previous_word(&self.key.text, start))
                    {
                        continue;
                    }
                    if key_text == "chinh phu" && not_the_government(&self.key.text, start, end) {
                        continue;
                    }
                    let indices = raw.candidates.iter().filter_map(|c| match c {
                        Candidate::Entry { index, .. } => Some(*index),
                        _ => None,
                    });
                    let alias = raw
                        .candidates
                        .iter()
                        .all(|c| matches!(c, Candidate::Entry { alias: true, .. }));
                    if let Some((index, entry)) = pick(self.gazetteer, indices, self.ctx) {
                        let rule = if alias { "AG002" } else { "AG001" };
                        let m = self.entry_mention(index, entry, rule);
                        let list = if entry.kind == Kind::Ministry {
                            List::Ministries
                        } else {
                            List::Other
                        };
                        self.push(start, end, m, list);
                        return 1;
                    }
                }
                _ => {}
            }
        }

        if let Some(Candidate::Head { index }) = head {
            if let Some(used) = self.head_alone(index, raw, original(), next) {
                return used;
            }
        }
        if let Some(Candidate::Province { index, prefixed }) = province {
            if prefixed
                || self.province_list
                || self.pending_head.is_some()
                || self.continues(List::Provinces, start)
            {
                if let Some(entry) = self.gazetteer.entry(index) {
                    let ubnd = self.gazetteer.get("ubnd");
                    let m = match ubnd {
                        Some(ubnd) => self.provincial(ubnd, entry, "AG006"),
                        None => self.entry_mention(index, entry, "AG006"),
                    };
                    self.push(start, end, m, List::Provinces);
                    return 1;
                }
            }
        }
        0
    }

    fn group(&mut self, index: usize, raw: &Raw, next: Option<&Raw>) -> Option<usize> {
        let phrase = phrase(index)?;
        let (start, end) = (raw.start, raw.end);
        if phrase.needs_list && !(self.list != List::None && is_list_gap(self.gap(start))) {
            return None;
        }
        // A list head followed by its members: `các bộ Xây dựng, Công Thương`.
        if let Some(next) = next {
            let gap = self.key.text.get(end..next.start).unwrap_or_default();
            let member_follows = |want: fn(&Candidate) -> bool| {
                matches!(gap.trim(), "" | ":") && next.candidates.iter().any(want)
            };
            let next_original = self.original(next.start, next.end);
            match phrase.list_head {
                ListHead::Ministries
                    if member_follows(|c| matches!(c, Candidate::Field { .. }))
                        && upper_initial(next_original) =>
                {
                    self.list = List::Ministries;
                    self.last_end = end;
                    self.pending_head = Some(start);
                    return Some(1);
                }
                ListHead::Departments
                    if member_follows(|c| matches!(c, Candidate::Field { .. }))
                        && upper_initial(next_original) =>
                {
                    self.list = List::Departments;
                    self.last_end = end;
                    return Some(1);
                }
                // `các tỉnh: A, B` and `Ủy ban nhân dân các tỉnh A, B, C` name the provinces.
                ListHead::Provinces
                    if (gap.trim() == ":" || upper_initial(next_original))
                        && member_follows(|c| matches!(c, Candidate::Province { .. })) =>
                {
                    self.list = List::Provinces;
                    self.last_end = end;
                    self.pending_head = Some(start);
                    return Some(1);
                }
                _ => {}
            }
        }
        // Without its members `các Sở:` names nothing (`các số:` is the numbers).
        if phrase.list_head == ListHead::Departments {
            return None;
        }
        // `các bộ, ngành liên quan`: any group followed by `(có) liên quan` is the related bodies.
        let after = self.key.text.get(end..).unwrap_or_default();
        let (groups, end) = if let Some(rest) = after
            .strip_prefix(" lien quan")
            .or_else(|| after.strip_prefix(" co lien quan"))
            .filter(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
            // `có liên quan tới/đến/với X` says what the bodies deal with, not which bodies.
            .filter(|rest| !([" toi", " den", " voi"].iter().any(|w| rest.starts_with(w))))
        {
            (
                vec![AgencyGroup::RelatedAgencies],
                end + (after.len() - rest.len()),
            )
        } else {
            (phrase.groups.to_vec(), end)
        };
        let m = Mention {
            id: None,
            name: String::new(),
            current: None,
            groups,
            rule: "AG007",
        };
        self.push(start, end, m, List::Other);
        Some(1)
    }

    /// The provincial department of the ministry field `index` (`Y tế` of `Bộ Y tế`: `Sở Y
    /// tế`), valid on the document's date.
    fn department_of(&self, index: usize) -> Option<&'a Entry> {
        let gazetteer: &'a Gazetteer = self.gazetteer;
        let field = gazetteer.entry(index)?.name.strip_prefix("Bộ ")?;
        let wanted = format!("Sở {field}");
        gazetteer.entries().iter().find(|e| {
            e.kind == Kind::ProvincialBody && e.name == wanted && e.valid_on(self.ctx.date)
        })
    }

    fn head_with_province(&mut self, index: usize, raw: &Raw, next: Option<&Raw>) -> Option<usize> {
        let gazetteer: &'a Gazetteer = self.gazetteer;
        let head = gazetteer.entry(index)?;
        let next = next.filter(|n| n.start <= raw.end + 1)?;
        let province = next.candidates.iter().find_map(|c| match c {
            Candidate::Province {
                index,
                prefixed: true,
            } => Some(*index),
            _ => None,
        })?;
        let province = gazetteer.entry(province)?;
        let m = self.provincial(head, province, "AG004");
        self.push(raw.start, next.end, m, List::Provinces);
        Some(2)
    }

    fn head_alone(
        &mut self,
        index: usize,
        raw: &Raw,
        original: &str,
        next: Option<&Raw>,
    ) -> Option<usize> {
        let gazetteer: &'a Gazetteer = self.gazetteer;
        let head = gazetteer.entry(index)?;
        let (start, end) = (raw.start, raw.end);
        // `Sở Tài chính tỉnh`, or `Sở Tài chính` alone, in a provincial document.
        let after = self.key.text.get(end..).unwrap_or_default();
        let level = [" tinh", " thanh pho", " tp.", " tp"]
            .iter()
            .find(|w| {
                after.starts_with(**w)
                    && !after
                        .get(w.len()..)
                        .unwrap_or_default()
                        .starts_with(|c: char| c.is_alphanumeric())
            })
            .map_or(0, |w| w.len() - usize::from(w.ends_with('.')));
        // A one-word name (`Thuế`) is a body only with its level (`Thuế tỉnh`): capitalised at
        // a sentence's start it is the common noun (`Thuế giá trị gia tăng ...`).
        // So is a name that is also a common noun (`Bưu điện văn hóa xã`: a village post
        // office, no provincial body).
        let common_noun = COMMON_NOUN_HEADS.contains(&head.name.as_str());
        if level == 0 && (!upper_initial(original) || !head.name.contains(' ') || common_noun) {
            return None;
        }
        // `Thanh tra Sở`, `Văn phòng Bộ`: the issuer's own unit (`units`), not the province's.
        if level == 0 && super::units::names_parent(self.original(end, after.len() + end)) {
            return None;
        }
        // `Sở Y tế các tỉnh, thành phố`: the body of every province, no one body; the group
        // after it says which, and its mention starts at the body's name.
        if level == 0 && after.starts_with(" cac ") {
            let group_follows = next.is_some_and(|n| {
                n.start == end + 1
                    && n.candidates
                        .iter()
                        .any(|c| matches!(c, Candidate::Group { .. }))
            });
            if group_follows {
                self.pending_head = Some(start);
                return Some(1);
            }
            return None;
        }
        // `Công an xã`, `Văn phòng Ủy ban nhân dân huyện`: a body of a commune or district,
        // not of the province; kept as written (no id). `Ủy ban nhân dân xã` and `Hội đồng
        // nhân dân xã` are left to the group rules (`Ủy ban nhân dân cấp xã`).
        // `Ủy ban nhân dân phường Lâm Viên - Đà Lạt`: a named ward's or commune's committee,
        // kept as written with its name (unnamed, `Ủy ban nhân dân xã` is left as below).
        if level == 0 && upper_initial(original) && matches!(head.id.as_str(), "ubnd" | "hdnd") {
            let rest = self.original(end, after.len() + end);
            if let Some(named) = super::units::local_level_and_name(rest) {
                let to = self.key.input_range(self.text, start, end).end + named;
                let key_end = self.key.key_offset(self.text, to);
                let pushed = self.push_as_written(start, key_end);
                if let Some(last) = self.out.last_mut() {
                    last.name = super::units::committee_in_full(&last.name);
                }
                return Some(pushed);
            }
        }
        if level == 0 && upper_initial(original) && !matches!(head.id.as_str(), "ubnd" | "hdnd") {
            if let Some(local) = super::units::local_level(self.original(end, after.len() + end)) {
                let to = self.key.input_range(self.text, start, end).end + local;
                let key_end = self.key.key_offset(self.text, to);
                return Some(self.push_as_written(start, key_end));
            }
        }
        if let Some(province) = self.context_province() {
            let m = self.provincial(head, province, "AG005");
            self.push(start, end + level, m, List::Other);
            return Some(1);
        }
        // Outside a provincial document: a department, or a body with its level (`Công an
        // tỉnh`), is kept as written (no id).
        let committee = matches!(head.id.as_str(), "ubnd" | "hdnd");
        if (head.name.starts_with("Sở ") || (level > 0 && !committee)) && upper_initial(original)
        {
            return Some(self.push_as_written(start, end + level));
        }
        None
    }

    /// Pushes key range `start..end` as a body kept as written, with no id (AG005); one match
    /// used.
    fn push_as_written(&mut self, start: usize, end: usize) -> usize {
        let m = Mention {
            id: None,
            name: self.original(start, end).to_string(),
            current: None,
            groups: Vec::new(),
            rule: "AG005",
        };
        self.push(start, end, m, List::Other);
        1
    }
}

/// A mention before its byte range is attached.
struct Mention {
    id: Option<String>,
    name: String,
    current: Option<String>,
    groups: Vec<AgencyGroup>,
    rule: &'static str,
}

/// Whether `key` is nothing but provinces and list separators.
fn is_province_list(key: &Key, raws: &[Raw]) -> bool {
    let mut previous = 0;
    for raw in raws {
        let gap = key.text.get(previous..raw.start).unwrap_or_default();
        let is_province = raw
            .candidates
            .iter()
            .any(|c| matches!(c, Candidate::Province { .. }));
        if !is_province || !is_list_gap(gap) {
            return false;
        }
        previous = raw.end;
    }
    let tail = key.text.get(previous..).unwrap_or_default();
    !raws.is_empty()
        && tail
            .trim_matches(|c: char| c.is_whitespace() || c == '.')
            .is_empty()
}

/// Whether the first word of a match is written as the pattern's first word needs: `Bộ`
/// (`bộ`, `BỘ`, or `Bo` without any diacritics), not `bổ` (`phân bổ tài chính`); `Sở`, not `số`.
/// Only patterns starting with `bo ` or `so ` are checked: any other fits without a look at
/// the text (this runs for every raw match).
fn first_word_fits<'t>(key_text: &str, original: impl FnOnce() -> &'t str) -> bool {
    let wanted = if key_text.starts_with("bo ") {
        "bộ"
    } else if key_text.starts_with("so ") {
        "sở"
    } else {
        return true;
    };
    let first = original().split_whitespace().next().unwrap_or_default();
    // NFC first: decomposed input (`bo` + combining marks) must compare as `bộ`.
    let first = vntask_tokenizer::normalize(first).to_lowercase();
    first.is_ascii() || first == wanted
}

/// Resolves the raw matches of `text` into mentions.
pub fn resolve(
    text: &str,
    key: &Key,
    raws: &[Raw],
    ctx: &AgencyContext,
    gazetteer: &Gazetteer,
) -> Vec<AgencyMention> {
    let mut resolver = Resolver {
        text,
        key,
        ctx,
        gazetteer,
        out: Vec::new(),
        list: List::None,
        last_end: 0,
        province_list: is_province_list(key, raws),
        pending_head: None,
    };
    resolver.run(raws);
    resolver.out
}

#[cfg(test)]
mod tests;
