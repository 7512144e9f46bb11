//! Module loading: the closure of a root module over EXTENDS and INSTANCE, found in the spec's
//! directory first, then in `-I` directories and `TLA_PATH`, then in the embedded [`crate::library`].

use crate::ast;
use crate::cfg::suggest::closest;
use crate::diagnostics::Diagnostic;
use crate::library;
use crate::span::{FileId, SourceFile, SourceMap, Span};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

#[path = "loader/deps.rs"]
mod deps;

/// Where a module's text came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The spec's own directory (it shadows any library module of the same name).
    SpecDir,
    /// A `-I` directory or a `TLA_PATH` entry.
    SearchPath,
    /// The library embedded in the tla2 binary.
    Library,
    /// A module nested inside another module's text.
    Nested { parent: String },
}

#[derive(Debug, Clone)]
pub struct LoadedModule {
    pub ast: ast::Module,
    pub file: FileId,
    pub origin: Origin,
}

#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// `-I DIR` directories, searched after the spec's directory, before `TLA_PATH`.
    pub include_dirs: Vec<PathBuf>,
    /// Also search the `TLA_PATH` environment variable (`:`-separated).
    pub use_tla_path: bool,
}

/// Every module the root needs, each once, with all diagnostics met while loading them.
#[derive(Debug, Clone, Default)]
pub struct LoadedSpec {
    pub sources: SourceMap,
    /// Root first; then in the order they were first needed.
    pub modules: Vec<LoadedModule>,
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadedSpec {
    pub fn root(&self) -> Option<&LoadedModule> {
        self.modules.first()
    }
    pub fn module(&self, name: &str) -> Option<&LoadedModule> {
        self.modules.iter().find(|m| m.ast.name.name == name)
    }
}

/// Parses one module text; the loader takes it as a parameter so that it depends on the
/// parser's signature only.
type ParseFn = fn(FileId, &str) -> (Option<ast::Module>, Vec<Diagnostic>);

/// Loads the module in file `root` and every module it needs.
///
/// Modules are searched for in `root`'s directory, then `opts.include_dirs`, then `TLA_PATH`
/// (when `opts.use_tla_path`), then the embedded library; a nested module, or one appended after
/// the first module of a loaded file, is found before any file. Problems become diagnostics in
/// the result, never panics.
pub fn load(root: &Path, opts: &LoadOptions) -> LoadedSpec {
    let mut loader = Loader::new(root.parent().map(Path::to_path_buf), opts, crate::parser::parse);
    match std::fs::read_to_string(root) {
        Ok(text) => {
            let stem = root.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            loader.load_root(&stem, root.display().to_string(), text);
        }
        Err(e) => loader.spec.diagnostics.push(
            Diagnostic::error(
                "TLA_SEMANTIC_FILE_NOT_FOUND",
                Span::NONE,
                format!("cannot read the spec file {}: {e}", root.display()),
            )
            .with_help("check_path", "check the path of the .tla file (TLC also accepts `Spec` for `Spec.tla`)"),
        ),
    }
    loader.spec
}

/// Loads a root module given as text (named `root_name`, e.g. `Spec`), searching only
/// `opts.include_dirs`, `TLA_PATH` and the library for the modules it needs.
pub fn load_text(root_name: &str, text: &str, opts: &LoadOptions) -> LoadedSpec {
    let mut loader = Loader::new(None, opts, crate::parser::parse);
    loader.load_root(root_name, format!("{root_name}.tla"), text.to_string());
    loader.spec
}

/// The state of one load: what is loaded, what is being loaded, and where to look.
struct Loader {
    spec: LoadedSpec,
    /// Search directories in order: the spec's directory, `-I` directories, `TLA_PATH`.
    dirs: Vec<(PathBuf, Origin)>,
    parse: ParseFn,
    /// Nested and appended modules seen so far, by name, with their file and origin.
    nested: HashMap<String, (ast::Module, FileId, Origin)>,
    /// Names already handled (loaded, or failed to load), so each is attempted once.
    done: HashSet<String>,
    /// The chain of modules being loaded, to report circular dependencies.
    stack: Vec<String>,
}

impl Loader {
    fn new(root_dir: Option<PathBuf>, opts: &LoadOptions, parse: ParseFn) -> Loader {
        let mut dirs = Vec::new();
        if let Some(d) = root_dir {
            let d = if d.as_os_str().is_empty() { PathBuf::from(".") } else { d };
            dirs.push((d, Origin::SpecDir));
        }
        dirs.extend(opts.include_dirs.iter().map(|d| (d.clone(), Origin::SearchPath)));
        if opts.use_tla_path {
            if let Some(p) = std::env::var_os("TLA_PATH") {
                dirs.extend(
                    std::env::split_paths(&p).filter(|d| !d.as_os_str().is_empty()).map(|d| (d, Origin::SearchPath)),
                );
            }
        }
        Loader {
            spec: LoadedSpec::default(),
            dirs,
            parse,
            nested: HashMap::new(),
            done: HashSet::new(),
            stack: Vec::new(),
        }
    }

    /// The root module counts as the spec directory's, whatever directories are searched.
    fn load_root(&mut self, name: &str, path: String, text: String) {
        self.load_file(name, path, text, Origin::SpecDir);
    }

    /// Parses one file expected to hold module `name`, registers it and loads what it needs.
    fn load_file(&mut self, name: &str, path: String, text: String, origin: Origin) {
        let file = self.spec.sources.add(SourceFile::new(path.clone(), name.to_string(), text));
        let (module, diags) = (self.parse)(file, &self.spec.sources.get(file).text);
        self.spec.diagnostics.extend(diags);
        self.done.insert(name.to_string());
        let Some(module) = module else { return };
        if module.name.name != name {
            self.spec.diagnostics.push(
                Diagnostic::error(
                    "TLA_SEMANTIC_MODULE_NAME_MISMATCH",
                    module.name.span,
                    format!("the file {path} holds module `{}`, but it must be named `{name}`", module.name.name),
                )
                .with_expected(format!("MODULE {name}"))
                .with_found(format!("MODULE {}", module.name.name))
                .with_help(
                    "rename_module",
                    format!("rename the module to `{name}` or the file to `{}.tla`", module.name.name),
                ),
            );
        }
        self.register_appended_modules(file, module.span.end as usize, &origin);
        self.add_module(module, file, origin);
    }

    /// Registers the modules written after the first one in the same file, as TLC's trace
    /// explorer writes them (`Spec_TTrace.tla` holds `Spec_TEExpression` and `Spec_TETrace`).
    /// They are top-level modules with their file's origin, found (like nested modules) before
    /// any file of the same name.
    fn register_appended_modules(&mut self, file: FileId, after: usize, origin: &Origin) {
        let text = self.spec.sources.get(file).text.clone();
        let mut from = after;
        while let Some(start) = next_module_header(&text, from) {
            // Blanking what precedes the header byte for byte keeps offsets, so spans stay valid.
            let masked: String = text
                .char_indices()
                .map(|(i, c)| if i < start && c != '\n' { " ".repeat(c.len_utf8()) } else { c.to_string() })
                .collect();
            let (module, diags) = (self.parse)(file, &masked);
            self.spec.diagnostics.extend(diags);
            let Some(module) = module else { return };
            from = (module.span.end as usize).max(start + 1);
            let name = module.name.name.clone();
            self.nested.entry(name).or_insert((module, file, origin.clone()));
        }
    }

    /// Registers a parsed module and then loads its nested modules and dependencies.
    fn add_module(&mut self, module: ast::Module, file: FileId, origin: Origin) {
        let name = module.name.name.clone();
        self.done.insert(name.clone());
        self.stack.push(name.clone());
        let needs = deps::dependencies(&module);
        let submodules: Vec<ast::Module> = module
            .units
            .iter()
            .filter_map(|u| if let ast::Unit::Submodule(m) = u { Some(m.clone()) } else { None })
            .collect();
        self.spec.modules.push(LoadedModule { ast: module, file, origin });
        // Nested modules are known before the dependencies are searched, since a nested module
        // shadows any file of the same name.
        for sub in &submodules {
            let nested = Origin::Nested { parent: name.clone() };
            self.nested.insert(sub.name.name.clone(), (sub.clone(), file, nested));
        }
        for need in &needs {
            self.require(need);
        }
        for sub in submodules {
            if !self.done.contains(&sub.name.name) {
                self.add_module(sub, file, Origin::Nested { parent: name.clone() });
            }
        }
        self.stack.pop();
    }

    /// Makes sure module `need` is loaded, reporting cycles and missing modules at its mention.
    fn require(&mut self, need: &ast::Ident) {
        let name = need.name.as_str();
        if let Some(pos) = self.stack.iter().position(|s| s == name) {
            let mut chain: Vec<&str> = self.stack[pos..].iter().map(String::as_str).collect();
            chain.push(name);
            self.spec.diagnostics.push(
                Diagnostic::error(
                    "TLA_SEMANTIC_CIRCULAR_DEPENDENCY",
                    need.span,
                    format!("circular dependency between modules: {}", chain.join(" -> ")),
                )
                .with_help("break_cycle", "move the shared definitions into a module that both can extend"),
            );
            return;
        }
        if self.done.contains(name) {
            return;
        }
        if let Some((module, file, origin)) = self.nested.get(name).cloned() {
            self.add_module(module, file, origin);
            return;
        }
        if let Some((path, origin)) = self.find_file(name) {
            match std::fs::read_to_string(&path) {
                Ok(text) => self.load_file(name, path.display().to_string(), text, origin),
                Err(e) => self.unreadable(need, &path, e),
            }
            return;
        }
        if let Some(text) = library::library_source(name) {
            self.load_file(name, format!("<library>/{name}.tla"), text.to_string(), Origin::Library);
            return;
        }
        self.not_found(need);
    }

    fn find_file(&self, name: &str) -> Option<(PathBuf, Origin)> {
        let file = format!("{name}.tla");
        self.dirs.iter().map(|(d, o)| (d.join(&file), o.clone())).find(|(p, _)| p.is_file())
    }

    fn unreadable(&mut self, need: &ast::Ident, path: &Path, e: std::io::Error) {
        self.done.insert(need.name.clone());
        self.spec.diagnostics.push(Diagnostic::error(
            "TLA_SEMANTIC_FILE_NOT_FOUND",
            need.span,
            format!("cannot read module `{}` from {}: {e}", need.name, path.display()),
        ));
    }

    fn not_found(&mut self, need: &ast::Ident) {
        self.done.insert(need.name.clone());
        let mut known: Vec<String> = library::library_module_names().iter().map(|s| s.to_string()).collect();
        known.extend(self.nested.keys().cloned());
        known.extend(self.dirs.iter().flat_map(|(d, _)| tla_stems(d)));
        let refs: Vec<&str> = known.iter().map(String::as_str).collect();
        let near = closest(&need.name, &refs);
        let searched: Vec<String> = self.dirs.iter().map(|(d, _)| d.display().to_string()).collect();
        let mut d = Diagnostic::error(
            "TLA_SEMANTIC_MODULE_NOT_FOUND",
            need.span,
            format!("cannot find module `{}`", need.name),
        )
        .with_expected(format!("a file {}.tla in {} or a library module", need.name, searched.join(", ")));
        d = match near.first() {
            Some(best) => d.with_help("fix_module_name", format!("did you mean `{best}`?")),
            None => d.with_help(
                "add_module",
                format!("put {}.tla next to the spec or pass its directory with -I", need.name),
            ),
        };
        if let Some(s) = d.suggestion.as_mut() {
            s.options = near.iter().map(|s| s.to_string()).collect();
        }
        self.spec.diagnostics.push(d);
    }
}

/// The offset of the first line at or after `from` that opens a module (`---- MODULE Name`).
fn next_module_header(text: &str, from: usize) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        if start < from {
            continue;
        }
        let t = line.trim_start();
        if t.starts_with("----") && t.trim_start_matches('-').trim_start().starts_with("MODULE") {
            return Some(start + (line.len() - t.len()));
        }
    }
    None
}

/// The module names of the `.tla` files in `dir` (empty when it cannot be read).
fn tla_stems(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "tla"))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect()
}
