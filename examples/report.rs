//! Prints the JSON report for the files given on the command line (native build, for debugging).
fn main() {
    let sources: Vec<storydiff::SourceInput> = std::env::args()
        .skip(1)
        .map(|p| storydiff::SourceInput::new(p.rsplit('/').next().unwrap_or(&p).to_string(), std::fs::read_to_string(&p).expect("readable file")))
        .collect();
    match storydiff::compare(&sources, &storydiff::Options::default()) {
        Ok(report) => println!("{}", serde_json::to_string_pretty(&report).expect("serializable")),
        Err(e) => {
            eprintln!("storydiff: {e}");
            std::process::exit(2);
        }
    }
}
