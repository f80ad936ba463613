//! Helpers shared by the ingest integration tests: paths, and small documents built in the
//! test (a .docx, PDFs) so no binary fixture has to be kept.

#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every document the span property is checked on: the seeds and the ingest fixtures.
pub fn corpus() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for dir in ["seeds", "fixtures/ingest"] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file())
            .collect();
        paths.sort();
        for path in paths {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            out.push((name, std::fs::read(&path).unwrap()));
        }
    }
    out.push(("generated.docx".to_string(), docx()));
    // Decomposed tone marks, CRLF line ends and a BOM: offsets no longer run in step.
    for stem in ["000_f2bc9af13eb5ee11", "004_13876a662444b449"] {
        let text =
            std::fs::read_to_string(root().join("seeds").join(format!("{stem}.txt"))).unwrap();
        let nfd: String = unicode_normalization::UnicodeNormalization::nfd(text.as_str()).collect();
        let variant = format!("\u{feff}{}", nfd.replace('\n', "\r\n"));
        out.push((format!("{stem}.nfd-crlf.txt"), variant.into_bytes()));
    }
    out
}

const NUMBERING: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"#;

const FOOTNOTES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="2"><w:p><w:r><w:t xml:space="preserve"> Theo Quyết định số 749/QĐ-TTg &amp; Đề án 06.</w:t></w:r></w:p></w:footnote>
</w:footnotes>"#;

fn paragraph(num: Option<(u32, u32)>, runs: &str) -> String {
    let props = num.map_or(String::new(), |(id, level)| {
        format!(
            r#"<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{id}"/></w:numPr></w:pPr>"#
        )
    });
    format!("<w:p>{props}{runs}</w:p>")
}

fn run(text: &str) -> String {
    format!(r#"<w:r><w:t xml:space="preserve">{text}</w:t></w:r>"#)
}

fn cell_of_paragraphs(texts: &[&str]) -> String {
    let paragraphs: String = texts.iter().map(|t| paragraph(None, &run(t))).collect();
    format!("<w:tc>{paragraphs}</w:tc>")
}

/// The header as Word lays it out: a borderless table, issuer | motto, number | place and date.
fn header_table() -> String {
    format!(
        "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
        cell_of_paragraphs(&["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NINH"]),
        cell_of_paragraphs(&[
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc"
        ]),
        cell_of_paragraphs(&["Số: 15/CT-UBND"]),
        cell_of_paragraphs(&["Quảng Ninh, ngày 05 tháng 3 năm 2024"]),
    )
}

fn cell(text: &str, merged: bool) -> String {
    let props = if merged {
        "<w:tcPr><w:vMerge/></w:tcPr>"
    } else {
        ""
    };
    format!("<w:tc>{props}{}</w:tc>", paragraph(None, &run(text)))
}

fn row(cells: &[(&str, bool)]) -> String {
    let cells: String = cells.iter().map(|(t, m)| cell(t, *m)).collect();
    format!("<w:tr>{cells}</w:tr>")
}

/// A small Word document: type and title, numbered and lettered items (Word numbering), a
/// bullet, a footnote, deleted text (track changes), a table with a merged cell, and the
/// `Nơi nhận:` list.
pub fn docx() -> Vec<u8> {
    let body = [
        header_table(),
        paragraph(None, &run("CHỈ THỊ")),
        paragraph(None, &run("Về việc thử nghiệm đọc tệp Word")),
        paragraph(Some((1, 0)), &run("Bộ Y tế")),
        paragraph(
            Some((1, 1)),
            &format!(
                "{}<w:r><w:footnoteReference w:id=\"2\"/></w:r>{}<w:del><w:r><w:delText>không</w:delText></w:r></w:del>{}",
                run("Xây dựng kế hoạch"),
                run(" trước ngày 30/6/2024"),
                run(".")
            ),
        ),
        paragraph(Some((2, 0)), &run("Phối hợp với Bộ Công an triển khai.")),
        paragraph(Some((1, 1)), &run("Báo cáo kết quả hằng quý.")),
        paragraph(Some((1, 0)), &run("Bộ Tài chính bố trí kinh phí.")),
        format!(
            "<w:tbl>{}{}{}</w:tbl>",
            row(&[("TT", false), ("NHIỆM VỤ", false), ("CƠ QUAN", false)]),
            row(&[("1", false), ("Số hóa hồ sơ", false), ("Sở Nội vụ", false)]),
            row(&[("2", false), ("", true), ("Sở Y tế", false)]),
        ),
        paragraph(None, &run("Nơi nhận:")),
        paragraph(None, &run("- Văn phòng Chính phủ;")),
    ]
    .concat();
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    zip_of(&[
        ("[Content_Types].xml", "<Types/>"),
        ("word/document.xml", &document),
        ("word/numbering.xml", NUMBERING),
        ("word/footnotes.xml", FOOTNOTES),
    ])
}

pub fn zip_of(entries: &[(&str, &str)]) -> Vec<u8> {
    let mut cursor = std::io::Cursor::new(Vec::new());
    {
        let mut writer = zip::ZipWriter::new(&mut cursor);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, content) in entries {
            writer.start_file(*name, options).unwrap();
            writer.write_all(content.as_bytes()).unwrap();
        }
        writer.finish().unwrap();
    }
    cursor.into_inner()
}

/// A one-page PDF showing `text` (ASCII) in Helvetica; no text at all when `text` is empty.
pub fn pdf(text: &str) -> Vec<u8> {
    pdf_lines(&[text])
}

/// A one-page PDF showing `lines` (ASCII) one under the other.
pub fn pdf_lines(lines: &[&str]) -> Vec<u8> {
    let content = if lines.iter().all(|l| l.is_empty()) {
        "0 0 m 10 10 l S".to_string()
    } else {
        let shown: Vec<String> = lines.iter().map(|l| format!("({l}) Tj T*")).collect();
        format!("BT /F1 12 Tf 14 TL 72 720 Td {} ET", shown.join(" "))
    };
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_string(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (index, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{object}\nendobj\n", index + 1).as_bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}
