//! The gazetteer: every body vntask knows, read from `data/agencies.tsv` (the format is
//! described at the top of that file) plus, optionally, a user file in the same format.

use super::matcher::Matcher;
use chrono::NaiveDate;
use std::collections::HashMap;
use std::path::Path;
use std::sync::LazyLock;

/// The built-in data, reviewed in the repository.
pub const BUILTIN_TSV: &str = include_str!("../../data/agencies.tsv");

/// What kind of body an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Bộ.
    Ministry,
    /// Cơ quan ngang bộ.
    MinistryLevel,
    /// Cơ quan thuộc Chính phủ.
    GovernmentAgency,
    /// Quốc hội and its bodies, courts, procuracy, state audit.
    StateBody,
    /// Mặt trận Tổ quốc and the mass organisations.
    Organisation,
    /// The Party's central bodies (`Ban Tổ chức Trung ương`, `Đảng ủy Chính phủ`).
    Party,
    /// National committees, steering committees and working groups.
    Committee,
    /// Tổng cục, cục.
    Department,
    /// Tập đoàn, tổng công ty nhà nước.
    Enterprise,
    /// Tỉnh.
    Province,
    /// Thành phố trực thuộc trung ương.
    City,
    /// A body every province has (`Sở Y tế`, `Ủy ban nhân dân`), named `<name> <province>`.
    ProvincialBody,
}

impl Kind {
    fn parse(text: &str) -> Option<Kind> {
        Some(match text {
            "ministry" => Kind::Ministry,
            "ministry_level" => Kind::MinistryLevel,
            "government_agency" => Kind::GovernmentAgency,
            "state_body" => Kind::StateBody,
            "organisation" => Kind::Organisation,
            "party" => Kind::Party,
            "committee" => Kind::Committee,
            "department" => Kind::Department,
            "enterprise" => Kind::Enterprise,
            "province" => Kind::Province,
            "city" => Kind::City,
            "provincial_body" => Kind::ProvincialBody,
            _ => return None,
        })
    }

    /// Whether the entry is a province or a centrally-run city.
    pub fn is_province(self) -> bool {
        matches!(self, Kind::Province | Kind::City)
    }
}

/// One body of the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: String,
    pub kind: Kind,
    /// Canonical full name (for a province, its proper name: `An Giang`).
    pub name: String,
    pub aliases: Vec<String>,
    /// First day of existence under this name, when known.
    pub from: Option<NaiveDate>,
    /// Last day of existence under this name, when it ended.
    pub to: Option<NaiveDate>,
    /// The body that took over its functions.
    pub successor: Option<String>,
    /// Bodies whose functions it took over (filled from the successor links).
    pub predecessors: Vec<String>,
    /// The legal act the entry rests on.
    pub source: String,
}

impl Entry {
    /// Whether the body existed under this name on `date` (always true without a date).
    pub fn valid_on(&self, date: Option<NaiveDate>) -> bool {
        let Some(date) = date else { return true };
        self.from.is_none_or(|from| from <= date) && self.to.is_none_or(|to| date <= to)
    }

    /// The full name of a province as it stands after a body's name: `tỉnh An Giang`,
    /// `thành phố Hà Nội`, `Thành phố Hồ Chí Minh` (the city whose name is a person's name
    /// keeps the capital).
    pub fn province_full_name(&self) -> String {
        match self.kind {
            Kind::City if self.name == "Hồ Chí Minh" => format!("Thành phố {}", self.name),
            Kind::City => format!("thành phố {}", self.name),
            _ => format!("tỉnh {}", self.name),
        }
    }
}

/// Errors reading gazetteer data.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    #[error("cannot read {path}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("line {line}: {message}")]
    Line { line: usize, message: String },
}

/// The gazetteer and the automaton built over it.
#[derive(Debug)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    by_id: HashMap<String, usize>,
    /// For each entry, the index of [`Gazetteer::current`] of its id: resolution asks it for
    /// every mention, and looking the ids up cost more than the rest of a mention.
    current_at: Vec<Option<usize>>,
    /// The key of each province's name, with its index, in file order: resolution looks the
    /// document's province up among them.
    province_keys: Vec<(String, usize)>,
    pub(crate) matcher: Matcher,
}

static BUILTIN: LazyLock<Gazetteer> = LazyLock::new(|| {
    // The built-in data is checked by the test suite (`builtin_data_parses`); should it ever
    // fail, an empty gazetteer keeps the tool running rather than aborting.
    Gazetteer::from_entries(parse_tsv(BUILTIN_TSV).unwrap_or_default())
});

impl Gazetteer {
    /// The built-in gazetteer (parsed and compiled once).
    pub fn builtin() -> &'static Gazetteer {
        &BUILTIN
    }

    /// The built-in gazetteer extended by the user file at `path` (same format).
    pub fn with_extra(path: &Path) -> Result<Gazetteer, GazetteerError> {
        let text = std::fs::read_to_string(path).map_err(|source| GazetteerError::Io {
            path: path.display().to_string(),
            source,
        })?;
        Gazetteer::with_extra_text(&text)
    }

    /// The built-in gazetteer extended by `text` (same format as the built-in file). A line
    /// whose id exists adds its aliases to that entry; other lines add entries.
    pub fn with_extra_text(text: &str) -> Result<Gazetteer, GazetteerError> {
        let mut entries = parse_tsv(BUILTIN_TSV)?;
        for extra in parse_tsv(text)? {
            match entries.iter_mut().find(|e| e.id == extra.id) {
                Some(existing) => {
                    existing.aliases.push(extra.name);
                    existing.aliases.extend(extra.aliases);
                }
                None => entries.push(extra),
            }
        }
        Ok(Gazetteer::from_entries(entries))
    }

    /// A gazetteer of exactly `text` (no built-in data).
    pub fn parse(text: &str) -> Result<Gazetteer, GazetteerError> {
        Ok(Gazetteer::from_entries(parse_tsv(text)?))
    }

    fn from_entries(mut entries: Vec<Entry>) -> Gazetteer {
        let by_id: HashMap<String, usize> = entries
            .iter()
            .enumerate()
            .map(|(index, entry)| (entry.id.clone(), index))
            .collect();
        let links: Vec<(usize, String)> = entries
            .iter()
            .filter_map(|e| {
                let successor = by_id.get(e.successor.as_deref()?)?;
                Some((*successor, e.id.clone()))
            })
            .collect();
        for (successor, predecessor) in links {
            if let Some(entry) = entries.get_mut(successor) {
                entry.predecessors.push(predecessor);
            }
        }
        let matcher = Matcher::build(&entries);
        let mut gazetteer = Gazetteer {
            entries,
            by_id,
            current_at: Vec::new(),
            province_keys: Vec::new(),
            matcher,
        };
        gazetteer.province_keys = gazetteer
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind.is_province())
            .map(|(index, e)| (super::key::key_str(&e.name), index))
            .collect();
        gazetteer.current_at = gazetteer
            .entries
            .iter()
            .map(|e| gazetteer.current_index(&e.id))
            .collect();
        gazetteer
    }

    /// Every entry, in file order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.by_id.get(id).and_then(|&i| self.entries.get(i))
    }

    pub(crate) fn entry(&self, index: usize) -> Option<&Entry> {
        self.entries.get(index)
    }

    /// The last body in the successor chain of `id`, when `id` has a successor.
    pub fn current(&self, id: &str) -> Option<&Entry> {
        self.current_index(id).and_then(|i| self.entries.get(i))
    }

    /// [`Gazetteer::current`] of the id of entry `index`, looked up when the gazetteer was
    /// built.
    pub(crate) fn current_at(&self, index: usize) -> Option<&Entry> {
        self.current_at
            .get(index)
            .copied()
            .flatten()
            .and_then(|i| self.entries.get(i))
    }

    /// The province whose name keys to `key` and that is valid on `date`, else the first
    /// (in file order) whose name keys to `key`.
    pub(crate) fn province_keyed(&self, key: &str, date: Option<NaiveDate>) -> Option<&Entry> {
        let named = self
            .province_keys
            .iter()
            .filter(move |(k, _)| k == key)
            .filter_map(|&(_, index)| self.entries.get(index));
        named
            .clone()
            .find(|e| e.valid_on(date))
            .or_else(|| named.clone().next())
    }

    /// The index of [`Gazetteer::current`].
    fn current_index(&self, id: &str) -> Option<usize> {
        let mut index = *self.by_id.get(id)?;
        let mut seen = 0;
        let mut moved = false;
        while let Some(&next) = self
            .entries
            .get(index)
            .and_then(|e| e.successor.as_deref())
            .and_then(|s| self.by_id.get(s))
        {
            index = next;
            moved = true;
            seen += 1;
            if seen > 16 {
                break; // a cycle in user data
            }
        }
        moved.then_some(index)
    }
}

fn parse_date(text: &str, line: usize) -> Result<Option<NaiveDate>, GazetteerError> {
    if text.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| GazetteerError::Line {
            line,
            message: format!("bad date `{text}` (expected YYYY-MM-DD)"),
        })
}

/// Parses gazetteer lines (see the format at the top of `data/agencies.tsv`).
pub fn parse_tsv(text: &str) -> Result<Vec<Entry>, GazetteerError> {
    let mut out = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = raw.split('\t').map(str::trim).collect();
        let col = |i: usize| cols.get(i).copied().unwrap_or_default();
        let err = |message: String| GazetteerError::Line { line, message };
        if col(0).is_empty() || col(2).is_empty() {
            return Err(err("an entry needs an id and a name".into()));
        }
        let kind = Kind::parse(col(1)).ok_or_else(|| err(format!("unknown kind `{}`", col(1))))?;
        let aliases = col(3)
            .split('|')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_string)
            .collect();
        out.push(Entry {
            id: col(0).to_string(),
            kind,
            name: col(2).to_string(),
            aliases,
            from: parse_date(col(4), line)?,
            to: parse_date(col(5), line)?,
            successor: Some(col(6)).filter(|s| !s.is_empty()).map(str::to_string),
            predecessors: Vec::new(),
            source: col(7).to_string(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`Gazetteer::current`] as it was: the chain walked by id.
    fn reference_current<'g>(g: &'g Gazetteer, id: &str) -> Option<&'g Entry> {
        let mut entry = g.get(id)?;
        let mut seen = 0;
        let mut moved = false;
        while let Some(next) = entry.successor.as_deref().and_then(|s| g.get(s)) {
            entry = next;
            moved = true;
            seen += 1;
            if seen > 16 {
                break;
            }
        }
        moved.then_some(entry)
    }

    fn check(g: &Gazetteer) -> usize {
        let mut moved = 0;
        for (index, entry) in g.entries().iter().enumerate() {
            let expected = reference_current(g, &entry.id).map(|e| e as *const Entry);
            assert_eq!(
                g.current(&entry.id).map(|e| e as *const Entry),
                expected,
                "{}",
                entry.id
            );
            assert_eq!(
                g.current_at(index).map(|e| e as *const Entry),
                expected,
                "{}",
                entry.id
            );
            moved += usize::from(expected.is_some());
        }
        moved
    }

    #[test]
    fn current_at_is_current_of_the_id() {
        assert!(
            check(Gazetteer::builtin()) > 10,
            "the built-in data has merged bodies"
        );
        // A chain, a cycle and an id given twice, in user data.
        let line =
            |id: &str, successor: &str| format!("{id}\tministry\tBộ {id}\t\t\t\t{successor}\tx\n");
        let user: String = [
            line("a", "b"),
            line("b", "c"),
            line("c", ""),
            line("d", "e"),
            line("e", "d"),
            line("a", ""),
        ]
        .concat();
        let g = Gazetteer::parse(&user).unwrap();
        // `b` and the cycle `d`, `e` moved; `a` is its second line (the id's last), which did not.
        assert_eq!(check(&g), 3);
    }
}
