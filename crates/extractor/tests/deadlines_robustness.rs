//! Deadlines and targets never panic, and their ranges always cut the text they report, on the
//! seed documents and on every suffix and prefix of awkward inputs.

use chrono::NaiveDate;
use vntask_extractor::deadlines::{self, DeadlineContext};
use vntask_extractor::targets;

fn check(text: &str, context: &DeadlineContext) {
    let found = deadlines::find(text, context);
    let mut last_end = 0;
    for m in &found {
        assert!(m.range.start >= last_end, "overlap or disorder in {text:?}");
        assert_eq!(&text[m.range.clone()], m.deadline.text);
        last_end = m.range.end;
    }
    let _ = deadlines::pick(&found);
    for t in targets::find(text)
        .into_iter()
        .chain(targets::find_reported(text))
    {
        assert_eq!(&text[t.range.clone()], t.target.text);
        assert!(t.target.value.is_finite());
    }
}

#[test]
fn seeds_read_without_panic() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let context = DeadlineContext {
        reference: NaiveDate::from_ymd_opt(2024, 7, 19),
        month_first: false,
    };
    let mut read = 0;
    for entry in std::fs::read_dir(dir).expect("seeds directory") {
        let path = entry.expect("entry").path();
        if let Ok(text) = std::fs::read_to_string(&path) {
            check(&text, &context);
            read += 1;
        }
    }
    assert!(read >= 5, "only {read} seeds read");
}

#[test]
fn every_cut_of_awkward_inputs() {
    let samples = [
        "Trước ngày 15/4, chậm nhất trong tháng 9 năm 2024 (thời hạn: quý II/2024); từ ngày 01/6 đến hết năm 2025",
        "đạt từ 80% đến 90% dịch vụ, 16,4 triệu tài khoản, 43/53 tỉnh, một trăm phần trăm, 250 nghìn tỷ đồng",
        "định kỳ 6 tháng một lần, trước ngày 20 hằng tháng, tại kỳ họp thứ 9 Quốc hội khóa XV, trước Tết Nguyên đán",
        "trong vòng mười lăm ngày kể từ ngày 31/12/2024, Quyết định số 06/QĐ-TTg ngày 06 tháng 01 năm 2022",
        "4/30/2024\t5/1/2024\tTháng 13\tquý V\tngày 32/13/2024\t99999999999999999999%",
    ];
    let contexts = [
        DeadlineContext::default(),
        DeadlineContext {
            reference: NaiveDate::from_ymd_opt(2024, 12, 31),
            month_first: true,
        },
    ];
    for sample in samples {
        for (i, _) in sample.char_indices() {
            for context in &contexts {
                check(&sample[i..], context);
                check(&sample[..i], context);
            }
        }
    }
}
