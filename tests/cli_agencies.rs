//! `vntask extract --agencies FILE`: users add bodies and aliases without a rebuild.

use std::process::Command;

fn extract(dir: &std::path::Path, extra: Option<&std::path::Path>) -> Vec<serde_json::Value> {
    let mut command = Command::new(env!("CARGO_BIN_EXE_vntask"));
    command
        .args(["extract", "--quiet"])
        .arg(dir.join("doc.txt"));
    if let Some(extra) = extra {
        command.arg("--agencies").arg(extra);
    }
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn a_user_gazetteer_adds_a_body_and_its_alias() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("doc.txt"),
        "Hà Nội, ngày 05 tháng 3 năm 2024\n\nTHÔNG BÁO\nKết luận cuộc họp\n\n1. BQL Hòa Lạc khẩn trương hoàn thiện quy hoạch phân khu, trình cấp có thẩm quyền.\n",
    )
    .unwrap();
    let without = extract(dir.path(), None);
    assert!(
        without
            .iter()
            .all(|t| t["lead"].as_array().unwrap().is_empty()),
        "the built-in gazetteer does not know the body: {without:?}"
    );
    let extra = dir.path().join("extra.tsv");
    std::fs::write(
        &extra,
        "ban-ql-hoa-lac\tgovernment_agency\tBan Quản lý Khu công nghệ cao Hòa Lạc\tBQL Hòa Lạc\t\t\t\tuser data\n",
    )
    .unwrap();
    let with = extract(dir.path(), Some(&extra));
    assert_eq!(with.len(), 1, "{with:?}");
    let lead = &with[0]["lead"][0];
    assert_eq!(lead["id"], "ban-ql-hoa-lac");
    assert_eq!(lead["name"], "Ban Quản lý Khu công nghệ cao Hòa Lạc");
    assert_eq!(lead["mention"], "BQL Hòa Lạc");
}

#[test]
fn a_broken_user_gazetteer_is_a_usage_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("doc.txt"), "Bộ Y tế hoàn thiện Đề án.\n").unwrap();
    let extra = dir.path().join("bad.tsv");
    std::fs::write(&extra, "only-an-id\n").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_vntask"))
        .args(["extract", "--quiet"])
        .arg(dir.path().join("doc.txt"))
        .arg("--agencies")
        .arg(&extra)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("bad.tsv"));
}
