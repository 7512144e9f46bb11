//! The `tla2` command line: the only place that prints or exits.

fn main() {
    eprintln!("tla2: not built yet");
    std::process::exit(255);
}
