//! Every module of the embedded library parses without a diagnostic, under its own name.

use tla2_frontend::library::{library_module_names, library_source};
use tla2_frontend::{SourceFile, SourceMap};

#[test]
fn every_library_module_parses_without_diagnostics() {
    let mut failures = Vec::new();
    for name in library_module_names() {
        let text = library_source(name).unwrap_or_default();
        let mut map = SourceMap::default();
        let file = map.add(SourceFile::new(format!("<library>/{name}.tla"), name.to_string(), text.to_string()));
        let (module, diags) = tla2_frontend::parser::parse(file, text);
        failures.extend(diags.iter().map(|d| d.render(&map)));
        match module {
            Some(m) if m.name.name == *name => {}
            Some(m) => failures.push(format!("{name}: parsed as module {}", m.name.name)),
            None => failures.push(format!("{name}: no module")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
