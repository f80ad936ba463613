//! Prints the `inspect` outline of the files given (a quick look while working on ingest).

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(error) => {
                eprintln!("{path}: {error}");
                continue;
            }
        };
        match vntask_ingest::read(&bytes, &path, &Default::default()) {
            Ok(document) => print!(
                "== {path}\n{}",
                vntask_ingest::inspect::outline(&document, 0)
            ),
            Err(error) => println!("== {path}\n{error}"),
        }
    }
}
