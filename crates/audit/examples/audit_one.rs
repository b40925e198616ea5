//! Audits one summary file against one source file and prints the text report (for debugging).
//!
//! ```sh
//! cargo run --release -p nutgraf-audit --example audit_one -- SOURCE SUMMARY
//! ```

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [src, sum] = [0, 1].map(|i| std::fs::read_to_string(&args[i]).expect("readable UTF-8 file"));
    let a = nutgraf_audit::Auditor::new().audit(&[nutgraf_audit::Source::new(&args[0], &src)], &sum).expect("audit");
    print!("{}", nutgraf_audit::render::render(&a, &sum, nutgraf_audit::render::Format::Text));
}
