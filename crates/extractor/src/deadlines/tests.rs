use super::*;

fn context() -> DeadlineContext {
    DeadlineContext {
        reference: NaiveDate::from_ymd_opt(2024, 7, 19),
        month_first: false,
    }
}

#[test]
fn resolve_cell_and_text() {
    let month_first = DeadlineContext {
        month_first: true,
        ..context()
    };
    let r = resolve(
        Some("5/1/2024"),
        &month_first,
        "Xây dựng Nghị định",
        &context(),
    );
    assert_eq!(
        r.deadline.and_then(|m| m.deadline.due).as_deref(),
        Some("2024-05-01")
    );
    let text = "Định kỳ hàng tháng tổ chức họp; thời hạn hoàn thành trước ngày 30 tháng 5 năm 2024";
    let r = resolve(Some("Tháng 5"), &context(), text, &context());
    assert_eq!(
        r.deadline.and_then(|m| m.deadline.due).as_deref(),
        Some("2024-05-30")
    );
    assert_eq!(r.recurring, Some(Recurring::Monthly));
    let r = resolve(None, &context(), "tổ chức họp", &context());
    assert_eq!(r, Resolved::default());
}

#[test]
fn iso_writes_what_chrono_writes() {
    let days = [
        (2024, 2, 29),
        (2024, 12, 31),
        (1, 1, 1),
        (0, 6, 15),
        (999, 9, 9),
        (9999, 12, 31),
        (10000, 1, 1),
        (-1, 3, 4),
    ];
    for (y, m, d) in days {
        let Some(date) = NaiveDate::from_ymd_opt(y, m, d) else {
            panic!("{y}-{m}-{d}");
        };
        assert_eq!(iso(date), date.format("%Y-%m-%d").to_string());
    }
    let mut date = NaiveDate::from_ymd_opt(2019, 1, 1).unwrap_or_default();
    while date.year() < 2032 {
        assert_eq!(iso(date), date.format("%Y-%m-%d").to_string());
        date = date.succ_opt().unwrap_or(NaiveDate::MAX);
    }
}

#[test]
fn month_first_columns() {
    assert!(column_is_month_first(&["4/30/2024", "5/1/2024", "Tháng 6"]));
    assert!(!column_is_month_first(&["4/5/2024", "5/1/2024"]));
    assert!(!column_is_month_first(&["4/30/2024", "30/4/2024"]));
    assert!(!column_is_month_first(&[]));
}

#[test]
fn pick_prefers_announced_dates() {
    let text = "báo cáo tại kỳ họp thứ 8, hoàn thành trước ngày 15/10/2024";
    let found = find(text, &context());
    assert_eq!(found.len(), 2);
    let chosen = pick(&found).unwrap();
    assert_eq!(chosen.deadline.due.as_deref(), Some("2024-10-15"));
    let text = "từ ngày 01 tháng 6 năm 2022";
    let found = find(text, &context());
    assert_eq!(found.len(), 1);
    assert!(pick(&found).is_none());
}

#[test]
fn precise_text_wins_inside_the_column_period() {
    let column = find("Tháng 5", &context());
    let text = find("hoàn thành trước ngày 30 tháng 5 năm 2024", &context());
    let chosen = more_precise(&column[0], &text[0]);
    assert_eq!(chosen.deadline.due.as_deref(), Some("2024-05-30"));
    let other = find("hoàn thành trước ngày 30 tháng 9 năm 2024", &context());
    let chosen = more_precise(&column[0], &other[0]);
    assert_eq!(chosen.deadline.due.as_deref(), Some("2024-05-31"));
}
