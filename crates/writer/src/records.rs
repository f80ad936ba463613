//! Record types of the task feed and of the document list.
//!
//! `schemas/task.schema.json` and `schemas/document.schema.json` describe the same shapes;
//! a test validates real output against them, so the two cannot drift apart silently.

use serde::{Deserialize, Serialize};

/// `schema` value of every task record.
pub const TASK_SCHEMA: &str = "vntask.task/1";
/// `schema` value of every document record.
pub const DOCUMENT_SCHEMA: &str = "vntask.document/1";

/// One assigned task: who leads it, who supports it, what, by when, how much, and where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskRecord {
    pub schema: String,
    pub id: String,
    pub doc: DocRef,
    /// Section path such as `B.II.3.a`; bullets are `-1`, `-2`; table rows `row3`.
    pub section: String,
    /// The task's own text, cleaned (footnote markers and conversion artifacts removed).
    pub text: String,
    pub span: Span,
    pub kind: TaskKind,
    pub lead: Vec<AgencyRef>,
    pub support: Vec<AgencyRef>,
    pub lead_groups: Vec<AgencyGroup>,
    pub support_groups: Vec<AgencyGroup>,
    /// The verb phrase of the task, e.g. `hoàn thiện, trình Thủ tướng Chính phủ ban hành`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// The product, when named: a quoted title, `Nghị định về ...`, `Đề án ...`, `báo cáo`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deliverable: Option<String>,
    pub deadline: Option<Deadline>,
    pub recurring: Option<Recurring>,
    pub targets: Vec<Target>,
    pub status: Option<TaskStatus>,
    /// Ids of the rules that produced this record (see `vntask rules`).
    pub rules: Vec<String>,
}

/// The document a task comes from, repeated on every task so each line stands alone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocRef {
    pub id: String,
    pub path: String,
    #[serde(rename = "type")]
    pub doc_type: DocType,
    pub number: Option<String>,
    pub date: Option<String>,
    pub date_precision: Option<DatePrecision>,
    pub title: Option<String>,
}

/// Byte range `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub basis: SpanBasis,
}

/// What a span's offsets count in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpanBasis {
    /// Byte offsets into the original file (UTF-8 text formats).
    File,
    /// Byte offsets into the decoded UTF-8 text (docx, pdf, transcoded inputs).
    Decoded,
}

/// An agency as found in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgencyRef {
    /// Gazetteer id, or `null` for a body outside the gazetteer.
    pub id: Option<String>,
    /// Canonical name, as the body was named on the document's date.
    pub name: String,
    /// The words as written.
    pub mention: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// The body holding its functions in the gazetteer's latest structure, when different.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<String>,
}

/// The closed vocabulary of agency groups (fixtures/gold/GUIDELINE.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgencyGroup {
    Ministries,
    GovernmentAgencies,
    Provinces,
    RelatedAgencies,
    SteeringCommittees,
    Departments,
    Districts,
    Communes,
    StateEnterprises,
}

impl AgencyGroup {
    pub const ALL: [AgencyGroup; 9] = [
        AgencyGroup::Ministries,
        AgencyGroup::GovernmentAgencies,
        AgencyGroup::Provinces,
        AgencyGroup::RelatedAgencies,
        AgencyGroup::SteeringCommittees,
        AgencyGroup::Departments,
        AgencyGroup::Districts,
        AgencyGroup::Communes,
        AgencyGroup::StateEnterprises,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AgencyGroup::Ministries => "ministries",
            AgencyGroup::GovernmentAgencies => "government_agencies",
            AgencyGroup::Provinces => "provinces",
            AgencyGroup::RelatedAgencies => "related_agencies",
            AgencyGroup::SteeringCommittees => "steering_committees",
            AgencyGroup::Departments => "departments",
            AgencyGroup::Districts => "districts",
            AgencyGroup::Communes => "communes",
            AgencyGroup::StateEnterprises => "state_enterprises",
        }
    }
}

/// A deadline, resolved against the document's reference date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Deadline {
    /// ISO date (`YYYY-MM-DD`), or `null` for an event deadline or when no reference date is known.
    pub due: Option<String>,
    pub precision: Precision,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relation: Option<Relation>,
    /// Start date, when the text gives one (`từ ngày 01 tháng 6 năm 2022`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// The deadline words as they stand in the text.
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// Set when the reading is ambiguous (e.g. `5/6` with no column evidence of month-first).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ambiguous: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Day,
    Month,
    Quarter,
    Half,
    Year,
    Event,
}

/// How the task relates to the date: `trước` (before), `chậm nhất`/`đến hết` (by),
/// `trong` (within the period), a plain date (on).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Before,
    By,
    Within,
    On,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recurring {
    Monthly,
    Quarterly,
    HalfYearly,
    Yearly,
}

/// A numeric target the task must reach.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Target {
    pub value: f64,
    /// Upper bound of a range (`từ 80% đến 90%`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// `%`, a counted noun (`cán bộ`), or a currency (`đồng`).
    pub unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparator: Option<Comparator>,
    /// The denominator of a ratio (`43/53`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<f64>,
    /// What is measured (`dịch vụ công trực tuyến toàn trình`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<String>,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparator {
    /// `ít nhất`, `tối thiểu`, `trở lên`
    AtLeast,
    /// `trên`
    Above,
    /// `dưới`
    Below,
    /// `không quá`, `tối đa`
    AtMost,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    Completed,
    InProgress,
}

/// `directive`: a concrete assignment; `exhortation`: a viewpoint or call with no concrete action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskKind {
    Directive,
    Exhortation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocType {
    ThongBao,
    ChiThi,
    CongDien,
    NghiQuyet,
    QuyetDinh,
    KeHoach,
    BaoCao,
    /// A Party body's conclusions (`Kết luận của Bộ Chính trị`).
    KetLuan,
    CongVan,
    News,
    Other,
}

impl DocType {
    pub fn as_str(self) -> &'static str {
        match self {
            DocType::ThongBao => "thong_bao",
            DocType::ChiThi => "chi_thi",
            DocType::CongDien => "cong_dien",
            DocType::NghiQuyet => "nghi_quyet",
            DocType::QuyetDinh => "quyet_dinh",
            DocType::KeHoach => "ke_hoach",
            DocType::BaoCao => "bao_cao",
            DocType::KetLuan => "ket_luan",
            DocType::CongVan => "cong_van",
            DocType::News => "news",
            DocType::Other => "other",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    Day,
    Month,
    Year,
}

/// Where the reference date used to resolve deadlines came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferenceDateSource {
    /// The document's own `ngày ... tháng ... năm ...` line.
    Document,
    /// The meeting date in the opening paragraph.
    Meeting,
    /// The publication date of a news page.
    Publication,
    /// `--reference-date` given by the user.
    Option,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentStatus {
    Ok,
    Error,
    Skipped,
}

/// One record per input: what it was and what happened to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentRecord {
    pub schema: String,
    pub id: String,
    pub path: String,
    /// SHA-256 of the file's bytes.
    pub sha256: String,
    pub bytes: u64,
    /// `txt`, `md`, `html`, `docx`, `pdf`, or what was sniffed for a skipped file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// The encoding the text was decoded from (`utf-8`, `windows-1258`, `tcvn3`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    #[serde(rename = "type")]
    pub doc_type: DocType,
    pub number: Option<String>,
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_precision: Option<DatePrecision>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_date_source: Option<ReferenceDateSource>,
    pub title: Option<String>,
    pub status: DocumentStatus,
    /// Why the document is `error` or `skipped`, in words a person understands.
    pub error: Option<String>,
    /// Number of tasks written for this document.
    pub tasks: u64,
    /// Things worth knowing that did not stop extraction (flattened deep sections, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    pub vntask_version: String,
}

impl DocumentRecord {
    /// A record for an input that produced no document model (error or skipped).
    pub fn failed(
        id: String,
        path: String,
        bytes: &[u8],
        status: DocumentStatus,
        reason: String,
        version: &str,
    ) -> Self {
        DocumentRecord {
            schema: DOCUMENT_SCHEMA.to_string(),
            id,
            path,
            sha256: crate::ids::bytes_sha256(bytes),
            bytes: bytes.len() as u64,
            format: None,
            encoding: None,
            doc_type: DocType::Other,
            number: None,
            date: None,
            date_precision: None,
            reference_date: None,
            reference_date_source: None,
            title: None,
            status,
            error: Some(reason),
            tasks: 0,
            warnings: Vec::new(),
            vntask_version: version.to_string(),
        }
    }
}
