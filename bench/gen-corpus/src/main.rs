//! `gen-corpus --bytes 1G --seed N DIR`: writes a benchmark corpus of documents made by
//! recombining the seed documents' paragraphs, with the agencies, dates and numbers varied
//! and the structure shuffled. The same seed and size give the same corpus, byte for byte.
//!
//! Each document takes the heading block (the first lines, up to the first blank line) of
//! one seed, then paragraphs drawn from all seeds, then a closing block. Within each
//! paragraph, a known agency name may be swapped for another, and every number is redrawn
//! with the same number of digits (days and months stay plausible, years stay 2020-2030).
//! Some documents get CRLF line ends. Files go 1,000 to a folder: `DIR/000/000123.txt`.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Agency names swapped for one another (the grammar of the documents is unchanged).
const AGENCIES: &[&str] = &[
    "Bộ Tài chính",
    "Bộ Kế hoạch và Đầu tư",
    "Bộ Công Thương",
    "Bộ Xây dựng",
    "Bộ Giao thông vận tải",
    "Bộ Nông nghiệp và Phát triển nông thôn",
    "Bộ Tài nguyên và Môi trường",
    "Bộ Y tế",
    "Bộ Giáo dục và Đào tạo",
    "Bộ Khoa học và Công nghệ",
    "Bộ Thông tin và Truyền thông",
    "Bộ Nội vụ",
    "Bộ Tư pháp",
    "Bộ Công an",
    "Bộ Quốc phòng",
    "Bộ Ngoại giao",
    "Bộ Lao động - Thương binh và Xã hội",
    "Bộ Văn hóa, Thể thao và Du lịch",
    "Ngân hàng Nhà nước Việt Nam",
    "Thanh tra Chính phủ",
    "Văn phòng Chính phủ",
    "Ủy ban Dân tộc",
    "Ủy ban nhân dân thành phố Hà Nội",
    "Ủy ban nhân dân Thành phố Hồ Chí Minh",
    "Ủy ban nhân dân tỉnh Quảng Ninh",
    "Ủy ban nhân dân tỉnh Nghệ An",
    "Ủy ban nhân dân thành phố Đà Nẵng",
    "Tập đoàn Điện lực Việt Nam",
    "Bảo hiểm xã hội Việt Nam",
    "Kiểm toán nhà nước",
];

/// splitmix64: small, fast, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

struct Seed {
    head: String,
    paragraphs: Vec<String>,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("gen-corpus: {message}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut bytes: u64 = 100 << 20;
    let mut seed: u64 = 1;
    let mut seeds_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut out: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--bytes" => bytes = parse_size(&args.next().ok_or("--bytes needs a size")?)?,
            "--seed" => {
                seed = args
                    .next()
                    .ok_or("--seed needs a number")?
                    .parse()
                    .map_err(|_| "--seed needs a number")?
            }
            "--seeds" => seeds_dir = PathBuf::from(args.next().ok_or("--seeds needs a dir")?),
            "-h" | "--help" => {
                println!("usage: gen-corpus [--bytes 1G] [--seed N] [--seeds DIR] OUT_DIR");
                return Ok(());
            }
            _ if out.is_none() && !arg.starts_with('-') => out = Some(PathBuf::from(arg)),
            _ => return Err(format!("unexpected argument {arg:?}")),
        }
    }
    let out = out.ok_or("usage: gen-corpus [--bytes 1G] [--seed N] [--seeds DIR] OUT_DIR")?;
    let seeds = read_seeds(&seeds_dir)?;
    let (files, written) = generate(&seeds, bytes, seed, &out)?;
    eprintln!(
        "gen-corpus: {files} documents, {written} bytes in {}",
        out.display()
    );
    Ok(())
}

fn parse_size(text: &str) -> Result<u64, String> {
    let upper = text.to_ascii_uppercase();
    let (digits, shift) = match upper.chars().last() {
        Some('K') => (&upper[..upper.len() - 1], 10),
        Some('M') => (&upper[..upper.len() - 1], 20),
        Some('G') => (&upper[..upper.len() - 1], 30),
        _ => (upper.as_str(), 0),
    };
    digits
        .parse::<u64>()
        .map(|n| n << shift)
        .map_err(|_| format!("bad size {text:?}"))
}

fn read_seeds(dir: &Path) -> Result<Vec<Seed>, String> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let mut seeds = Vec::new();
    for path in paths {
        let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let text = text.replace("\r\n", "\n");
        let lines: Vec<&str> = text.lines().collect();
        // The heading: lines up to the first line that looks like body text (long), at most 25.
        let head_end = lines
            .iter()
            .position(|l| l.chars().count() > 120)
            .unwrap_or(0)
            .min(25);
        let head = lines[..head_end].join("\n");
        let paragraphs: Vec<String> = lines[head_end..]
            .iter()
            .filter(|l| !l.trim().is_empty())
            .map(|l| l.to_string())
            .collect();
        if !paragraphs.is_empty() {
            seeds.push(Seed { head, paragraphs });
        }
    }
    if seeds.is_empty() {
        return Err(format!("no seed documents (*.txt) in {}", dir.display()));
    }
    Ok(seeds)
}

fn generate(seeds: &[Seed], budget: u64, seed: u64, out: &Path) -> Result<(u64, u64), String> {
    let mut rng = Rng(seed);
    let mut written = 0u64;
    let mut files = 0u64;
    while written < budget {
        let document = document(seeds, &mut rng);
        let folder = out.join(format!("{:03}", files / 1000));
        if files % 1000 == 0 {
            fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        }
        let path = folder.join(format!("{files:06}.txt"));
        let mut file = fs::File::create(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        file.write_all(document.as_bytes())
            .map_err(|e| format!("{}: {e}", path.display()))?;
        written += document.len() as u64;
        files += 1;
    }
    Ok((files, written))
}

/// One document of 4 KB to 150 KB (most around 20-40 KB, as real ones are).
fn document(seeds: &[Seed], rng: &mut Rng) -> String {
    let target = match rng.below(10) {
        0 => 4_000 + rng.below(8_000),
        1..=7 => 15_000 + rng.below(30_000),
        _ => 50_000 + rng.below(100_000),
    };
    let head_seed = &seeds[rng.below(seeds.len())];
    let mut text = vary(&head_seed.head, rng);
    text.push('\n');
    // Paragraphs come in runs from one seed (keeping local structure: a heading and its
    // items), runs from different seeds one after another.
    while text.len() < target {
        let seed = &seeds[rng.below(seeds.len())];
        let start = rng.below(seed.paragraphs.len());
        let run = 3 + rng.below(12);
        for paragraph in seed.paragraphs.iter().skip(start).take(run) {
            text.push_str(&vary(paragraph, rng));
            text.push('\n');
        }
    }
    text.push_str(&vary("Nơi nhận:\n- Như trên;\n- Lưu: VT.", rng));
    text.push('\n');
    if rng.chance(10) {
        text = text.replace('\n', "\r\n");
    }
    text
}

/// Swaps agency names and redraws numbers in one paragraph.
fn vary(paragraph: &str, rng: &mut Rng) -> String {
    let mut text = paragraph.to_string();
    if rng.chance(60) {
        for _ in 0..2 {
            let from = AGENCIES[rng.below(AGENCIES.len())];
            if text.contains(from) {
                let to = AGENCIES[rng.below(AGENCIES.len())];
                text = text.replace(from, to);
            }
        }
    }
    redraw_numbers(&text, rng)
}

/// Every run of ASCII digits gets new digits of the same length: 1-2 digits a day or month
/// (1-28, or 1-12 after `tháng ` or `/`), 4 digits a year 2020-2030 when it was one.
fn redraw_numbers(text: &str, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(text.len());
    let mut digits = String::new();
    let mut before = String::new();
    let flush = |digits: &mut String, before: &str, out: &mut String, rng: &mut Rng| {
        if digits.is_empty() {
            return;
        }
        let value = match digits.len() {
            1 | 2 if before.ends_with("tháng ") || before.ends_with('/') => {
                (1 + rng.below(12)).to_string()
            }
            1 | 2 => (1 + rng.below(28)).to_string(),
            4 if digits.starts_with("20") || digits.starts_with("19") => {
                (2020 + rng.below(11)).to_string()
            }
            n => {
                let mut s = (1 + rng.below(9)).to_string();
                for _ in 1..n {
                    s.push(char::from(b'0' + rng.below(10) as u8));
                }
                s
            }
        };
        out.push_str(&value);
        digits.clear();
    };
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            flush(&mut digits, &before, &mut out, rng);
            out.push(c);
            before.push(c);
            if before.len() > 16 {
                let cut = before.char_indices().nth(4).map(|(i, _)| i).unwrap_or(0);
                before.drain(..cut);
            }
        }
    }
    flush(&mut digits, &before, &mut out, rng);
    out
}
