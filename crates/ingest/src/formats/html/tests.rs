use super::*;

#[test]
fn a_provincial_portal_name_opens_the_text() {
    let page = "<html><head><title>Chỉ đạo khắc phục sạt lở - Cổng thông tin điện tử tỉnh Lâm Đồng</title></head><body><article><h1>Chỉ đạo khắc phục sạt lở</h1><p>Nội dung.</p></article></body></html>";
    let text = to_text(page);
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(
        lines.get(..2),
        Some(
            [
                "Chỉ đạo khắc phục sạt lở",
                "Cổng thông tin điện tử tỉnh Lâm Đồng"
            ]
            .as_slice()
        ),
        "{text}"
    );
    // `og:site_name` wins over the title.
    let page = r#"<html><head><meta property="og:site_name" content="Báo Quảng Ninh điện tử - Cổng TTĐT tỉnh Quảng Ninh"><title>Tin - Trang chủ</title></head><body><p>Nội dung.</p></body></html>"#;
    assert!(to_text(page).contains("Cổng TTĐT tỉnh Quảng Ninh"));
    // A national site, or a title without a site's name: nothing is added.
    for page in [
        "<html><head><title>Thủ tướng chỉ đạo - Báo Điện tử Chính phủ</title></head><body><p>Nội dung.</p></body></html>",
        "<html><head><title>Sạt lở ở tỉnh Lâm Đồng</title></head><body><p>Nội dung.</p></body></html>",
    ] {
        assert_eq!(to_text(page).trim(), "Nội dung.", "{page}");
    }
}

#[test]
fn article_kept_furniture_dropped() {
    let html = r#"<html><head><title>x</title><meta property="article:published_time" content="2024-07-19T14:30:00+07:00"></head>
<body><nav><a href="/">Trang chủ</a></nav><div class="weather-box">Hà Nội 21°C</div>
<article><h1>Thủ tướng chủ trì <b>Hội nghị</b></h1>
<p>Sáng 19/7, Thủ tướng chủ trì Hội nghị &amp; phát biểu.</p>
<figure><img src="a.jpg"><figcaption>Các đại biểu - Ảnh: VGP</figcaption></figure>
<ul><li>Bộ Y tế chủ trì</li><li>Bộ Công an phối hợp</li></ul>
<table><tr><th>TT</th><th>Nhiệm vụ</th></tr><tr><td>1</td><td>Xây dựng đề án</td></tr></table>
<script>var x = "<p>không</p>";</script></article>
<div class="box-related"><p>Tin liên quan khác</p></div></body></html>"#;
    let text = to_text(html);
    assert_eq!(
        text,
        "Thủ tướng chủ trì Hội nghị\n\n19/07/2024 14:30\n\nSáng 19/7, Thủ tướng chủ trì Hội nghị & phát biểu.\n\n- Bộ Y tế chủ trì\n\n- Bộ Công an phối hợp\n\nTT\tNhiệm vụ\n1\tXây dựng đề án\n"
    );
}

#[test]
fn only_the_article_when_there_is_one() {
    let html = "<body><div>Tin khác ngoài bài</div><article><p>Bộ Y tế chủ trì.</p><article><p>Trích dẫn</p></article><p>Sau trích dẫn.</p></article><aside>Quảng cáo</aside></body>";
    assert_eq!(
        to_text(html),
        "Bộ Y tế chủ trì.\n\nTrích dẫn\n\nSau trích dẫn.\n"
    );
}

#[test]
fn a_layout_table_gives_a_line_a_paragraph() {
    // A document's header laid out in a table: issuer and number beside the motto and
    // the date, each a paragraph of its cell.
    let html = r#"<article><table class="header-table"><tr><td><p>ỦY BAN NHÂN DÂN<br>PHƯỜNG BẾN THÀNH</p><p>Số: 86/KH-UBND</p></td>
<td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</p><p><em>Bến Thành, ngày 15 tháng 9 năm 2025</em></p></td></tr></table>
<h2>KẾ HOẠCH</h2></article>"#;
    assert_eq!(
        to_text(html),
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nPHƯỜNG BẾN THÀNH\tĐộc lập - Tự do - Hạnh phúc\nSố: 86/KH-UBND\tBến Thành, ngày 15 tháng 9 năm 2025\n\nKẾ HOẠCH\n"
    );
    // A task table keeps one line a row: a cell's paragraphs are joined by a space.
    let html = "<table><tr><th>TT</th><th>Đơn vị</th></tr><tr><td>1</td><td>Sở Y tế;<br>Sở Tài chính</td></tr><tr><td>2</td><td><p>Công an tỉnh</p></td></tr></table>";
    assert_eq!(
        to_text(html),
        "TT\tĐơn vị\n1\tSở Y tế; Sở Tài chính\n2\tCông an tỉnh\n"
    );
    // A page header is furniture still.
    assert_eq!(
        to_text("<div class=\"site-header\">Cổng thông tin</div><p>Nội dung.</p>"),
        "Nội dung.\n"
    );
}

#[test]
fn entities() {
    assert_eq!(
        decode_entities("a&nbsp;b &#7879; &#x1EC7; &bogus; &"),
        "a\u{a0}b ệ ệ &bogus; &"
    );
}

#[test]
fn an_official_documents_kind_as_headline_stays_under_its_header() {
    // A provincial portal publishing a Chỉ thị: the `<h1>` is the document's kind, which the
    // header reader needs after the issuer, number and date, not before them.
    let page = "<html><head><title>Chỉ thị về phòng cháy - Cổng thông tin điện tử tỉnh Tuyên Quang</title></head><body><p>ỦY BAN NHÂN DÂN<br>TỈNH TUYÊN QUANG</p><p>Số: 18/CT-UBND</p><p>Tuyên Quang, ngày 16 tháng 11 năm 2026</p><h1>CHỈ THỊ</h1><h2>Về phòng cháy, chữa cháy</h2><p>Nội dung.</p></body></html>";
    let text = to_text(page);
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let kind = lines.iter().position(|l| *l == "CHỈ THỊ");
    let date = lines
        .iter()
        .position(|l| l.contains("ngày 16 tháng 11 năm 2026"));
    assert!(
        matches!((kind, date), (Some(k), Some(d)) if d < k),
        "{text}"
    );
    assert_eq!(
        lines.iter().filter(|l| **l == "CHỈ THỊ").count(),
        1,
        "{text}"
    );
    let header = crate::metadata::scan(&text.lines().collect::<Vec<_>>());
    assert_eq!(header.meta.number.as_deref(), Some("18/CT-UBND"));
    assert_eq!(header.meta.province.as_deref(), Some("tỉnh Tuyên Quang"));
    // A news headline still opens the text.
    let news = "<html><body><p>Menu</p><h1>Tỉnh chỉ đạo phòng cháy mùa khô</h1><p>Nội dung.</p></body></html>";
    assert!(to_text(news)
        .trim_start()
        .starts_with("Tỉnh chỉ đạo phòng cháy mùa khô"));
}
