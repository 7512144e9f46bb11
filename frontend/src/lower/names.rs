//! Module namespaces: which symbol each name denotes inside a module, after EXTENDS, LOCAL and
//! unnamed INSTANCE are taken into account, and the did-you-mean search over them.

use crate::ast::{self, Unit};
use crate::diagnostics::Diagnostic;
use crate::span::Span;
use std::collections::HashMap;

/// What a module-level name denotes. Positions are (module index, unit index) in the spec.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Sym {
    /// An `OpDef`, a `FunDef`, or a named ASSUME/THEOREM.
    Def { module: usize, unit: usize },
    /// The `pos`-th name of a CONSTANT declaration.
    Const { module: usize, unit: usize, pos: usize, arity: usize },
    /// The `pos`-th name of a VARIABLE declaration.
    Var { module: usize, unit: usize, pos: usize },
    /// A named instance `I == INSTANCE M` or `I(x) == INSTANCE M`.
    Inst { module: usize, unit: usize },
    /// A symbol of another module reached through the unnamed `INSTANCE` at (module, unit).
    Via { module: usize, unit: usize, sym: Box<Sym> },
}

impl Sym {
    /// The declaration the symbol finally denotes, ignoring how it was reached.
    pub(crate) fn origin(&self) -> (usize, usize, usize) {
        match self {
            Sym::Def { module, unit } | Sym::Inst { module, unit } => (*module, *unit, 0),
            Sym::Const { module, unit, pos, .. } | Sym::Var { module, unit, pos } => (*module, *unit, *pos),
            Sym::Via { sym, .. } => sym.origin(),
        }
    }
    fn is_decl(&self) -> bool {
        matches!(self, Sym::Const { .. } | Sym::Var { .. })
    }
}

/// The names visible inside one module (`all`) and those it passes on to modules that EXTEND or
/// INSTANCE it (`exports`, which leaves out LOCAL definitions).
#[derive(Debug, Clone, Default)]
pub(crate) struct Namespace {
    pub all: HashMap<String, Sym>,
    pub exports: HashMap<String, Sym>,
    /// Names in first-seen order, so that lowering and messages are deterministic.
    pub order: Vec<String>,
}

/// Builds every module's namespace; `index` maps module names to positions in `modules`.
pub(crate) struct NsBuilder<'a> {
    pub modules: &'a [&'a ast::Module],
    pub index: &'a HashMap<String, usize>,
    /// For a nested module: its parent and the position of the nested module among the
    /// parent's units. A nested module sees what its parent defines before it.
    pub parents: Vec<Option<(usize, usize)>>,
    pub done: Vec<Option<Namespace>>,
    in_progress: Vec<bool>,
    pub diags: Vec<Diagnostic>,
}

impl<'a> NsBuilder<'a> {
    pub(crate) fn new(
        modules: &'a [&'a ast::Module],
        index: &'a HashMap<String, usize>,
        parents: Vec<Option<(usize, usize)>>,
    ) -> Self {
        let n = modules.len();
        NsBuilder { modules, index, parents, done: vec![None; n], in_progress: vec![false; n], diags: Vec::new() }
    }

    /// Adds, as non-exported names, what the enclosing modules of `m` define before it.
    fn add_enclosing(&mut self, ns: &mut Namespace, m: usize) {
        let Some((p, upto)) = self.parents.get(m).copied().flatten() else { return };
        self.add_enclosing(ns, p);
        let parent = self.modules[p];
        for ext in &parent.extends {
            let Some(&e) = self.index.get(&ext.name) else { continue };
            self.build(e);
            for (name, sym) in self.exports_of(e) {
                self.add(ns, m, &name, sym, ext.span, true);
            }
        }
        for (u, unit) in parent.units.iter().enumerate().take(upto) {
            let mut inner = Namespace::default();
            self.add_unit(&mut inner, p, u, unit);
            for name in inner.order {
                if let Some(sym) = inner.all.remove(&name) {
                    self.add(ns, m, &name, sym, parent.name.span, true);
                }
            }
        }
    }

    pub(crate) fn build_all(mut self) -> (Vec<Namespace>, Vec<Diagnostic>) {
        for m in 0..self.modules.len() {
            self.build(m);
        }
        let spaces = self.done.into_iter().map(Option::unwrap_or_default).collect();
        (spaces, self.diags)
    }

    fn build(&mut self, m: usize) {
        if self.done[m].is_some() || self.in_progress[m] {
            // A cycle of EXTENDS/INSTANCE is reported by the loader; an empty namespace keeps
            // lowering going.
            return;
        }
        self.in_progress[m] = true;
        let module = self.modules[m];
        let mut ns = Namespace::default();
        self.add_enclosing(&mut ns, m);
        for ext in &module.extends {
            let Some(&e) = self.index.get(&ext.name) else { continue };
            self.build(e);
            let exported = self.exports_of(e);
            for (name, sym) in exported {
                self.add(&mut ns, m, &name, sym, ext.span, false);
            }
        }
        for (u, unit) in module.units.iter().enumerate() {
            self.add_unit(&mut ns, m, u, unit);
        }
        self.check_recursive_declarations(&ns, module);
        self.in_progress[m] = false;
        self.done[m] = Some(ns);
    }

    /// `RECURSIVE F(_)` promises a definition of `F` in the same module.
    fn check_recursive_declarations(&mut self, ns: &Namespace, module: &ast::Module) {
        for unit in &module.units {
            let Unit::Recursive(decls) = unit else { continue };
            for d in decls {
                if !matches!(ns.all.get(&d.name.name), Some(Sym::Def { .. })) {
                    let msg = format!("`{}` is declared RECURSIVE but never defined", d.name.name);
                    self.diags.push(
                        Diagnostic::error("TLA_SEMANTIC_UNDEFINED_NAME", d.name.span, msg)
                            .with_help("define_in_spec", format!("define `{}` in this module", d.name.name)),
                    );
                }
            }
        }
    }

    fn exports_of(&self, m: usize) -> Vec<(String, Sym)> {
        let Some(ns) = &self.done[m] else { return Vec::new() };
        ns.order.iter().filter_map(|n| ns.exports.get(n).map(|s| (n.clone(), s.clone()))).collect()
    }

    fn add_unit(&mut self, ns: &mut Namespace, m: usize, u: usize, unit: &Unit) {
        match unit {
            Unit::Variables(names) => {
                for (pos, id) in names.iter().enumerate() {
                    self.add(ns, m, &id.name, Sym::Var { module: m, unit: u, pos }, id.span, false);
                }
            }
            Unit::Constants(decls) => {
                for (pos, d) in decls.iter().enumerate() {
                    let sym = Sym::Const { module: m, unit: u, pos, arity: d.arity };
                    self.add(ns, m, &d.name.name, sym, d.name.span, false);
                }
            }
            Unit::OpDef(d) => self.add(ns, m, &d.name.name, Sym::Def { module: m, unit: u }, d.name.span, d.local),
            Unit::FunDef(d) => self.add(ns, m, &d.name.name, Sym::Def { module: m, unit: u }, d.name.span, d.local),
            Unit::Assume { name: Some(n), .. } | Unit::Theorem { name: Some(n), .. } => {
                self.add(ns, m, &n.name, Sym::Def { module: m, unit: u }, n.span, false)
            }
            Unit::Instance(inst) => self.add_instance(ns, m, u, inst),
            _ => {}
        }
    }

    fn add_instance(&mut self, ns: &mut Namespace, m: usize, u: usize, inst: &ast::InstanceDef) {
        if let Some(name) = &inst.name {
            self.add(ns, m, &name.name, Sym::Inst { module: m, unit: u }, name.span, inst.local);
            return;
        }
        let Some(&target) = self.index.get(&inst.module.name) else { return };
        self.build(target);
        // Constants and variables of an unnamed instance are substituted, not imported.
        for (name, sym) in self.exports_of(target) {
            if sym.is_decl() {
                continue;
            }
            let via = Sym::Via { module: m, unit: u, sym: Box::new(sym) };
            self.add(ns, m, &name, via, inst.module.span, inst.local);
        }
    }

    /// Adds `name`; a second, different symbol of the same name is a duplicate definition,
    /// but the same declaration reached twice (e.g. a module extended along two paths) is not.
    fn add(&mut self, ns: &mut Namespace, m: usize, name: &str, sym: Sym, span: Span, local: bool) {
        if let Some(old) = ns.all.get(name) {
            // SANY accepts a name that an unnamed INSTANCE brings in again (Apalache annotation
            // modules define `vars` and then `INSTANCE Spec`); the first definition stays.
            // A later own definition takes over a name an earlier unnamed INSTANCE brought in.
            if old.origin() != sym.origin() && matches!(sym, Sym::Via { .. }) {
                return;
            }
            if old.origin() != sym.origin() && matches!(old, Sym::Via { .. }) {
                ns.all.insert(name.to_string(), sym.clone());
                if !local {
                    ns.exports.insert(name.to_string(), sym);
                }
                return;
            }
            if old.origin() == sym.origin() {
                // Prefer the directly reached symbol over one reached through an instance.
                if matches!(old, Sym::Via { .. }) && !matches!(sym, Sym::Via { .. }) {
                    ns.all.insert(name.to_string(), sym.clone());
                    if !local {
                        ns.exports.insert(name.to_string(), sym);
                    }
                }
                return;
            }
            let module = &self.modules[m].name.name;
            self.diags.push(
                Diagnostic::error(
                    "TLA_SEMANTIC_DUPLICATE_DEFINITION",
                    span,
                    format!("`{name}` is defined more than once in module {module}"),
                )
                .with_help("rename", format!("rename one of the definitions of `{name}`")),
            );
            return;
        }
        ns.order.push(name.to_string());
        ns.all.insert(name.to_string(), sym.clone());
        if !local {
            ns.exports.insert(name.to_string(), sym);
        }
    }
}

/// The symbol behind any number of unnamed instances.
pub(crate) fn innermost(sym: &Sym) -> &Sym {
    match sym {
        Sym::Via { sym, .. } => innermost(sym),
        s => s,
    }
}

/// Levenshtein distance over chars, for did-you-mean suggestions.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The closest candidate to `name`, if it is close enough to be a plausible typo.
pub(crate) fn closest<'n>(name: &str, candidates: impl Iterator<Item = &'n str>) -> Option<String> {
    let limit = (name.chars().count() / 3).max(1);
    // Ties go to a candidate that contains the typed name as a subsequence (a dropped
    // letter is the commonest typo), then alphabetically for determinism.
    let mut best: Option<(usize, bool, &str)> = None;
    for c in candidates {
        if c == name {
            continue;
        }
        let d = edit_distance(name, c);
        let key = (d, !is_subsequence(name, c), c);
        let better = match best {
            None => true,
            Some(b) => key < b,
        };
        if d <= limit && better {
            best = Some(key);
        }
    }
    best.map(|(_, _, c)| c.to_string())
}

fn is_subsequence(short: &str, long: &str) -> bool {
    let mut it = long.chars();
    short.chars().all(|c| it.any(|l| l == c))
}

/// The standard module that defines `name`, for an "add EXTENDS X" hint.
pub(crate) fn standard_module_of(name: &str) -> Option<&'static str> {
    const TABLE: &[(&str, &[&str])] = &[
        ("Naturals", &["+", "-", "*", "^", "<", ">", "<=", ">=", "..", "%", "\\div", "Nat"]),
        ("Integers", &["Int", "-."]),
        ("Reals", &["Real", "/", "Infinity"]),
        ("Sequences", &["Seq", "Len", "Append", "Head", "Tail", "SubSeq", "SelectSeq", "\\o"]),
        ("FiniteSets", &["IsFiniteSet", "Cardinality"]),
        ("Bags", &["BagToSet", "SetToBag", "BagIn", "EmptyBag", "CopiesIn", "BagCardinality", "SubBag"]),
        (
            "TLC",
            &[
                "Print",
                "PrintT",
                "Assert",
                "JavaTime",
                "TLCGet",
                "TLCSet",
                ":>",
                "@@",
                "Permutations",
                "SortSeq",
                "ToString",
                "TLCEval",
                "RandomElement",
                "Any",
            ],
        ),
        ("SequencesExt", &["ToSet", "SetToSeq", "Reverse", "Remove", "ReplaceAll", "FoldSeq", "FoldLeft", "FoldRight"]),
        ("FiniteSetsExt", &["FoldSet", "ReduceSet", "Sum", "Product", "Max", "Min", "Quantify", "kSubset"]),
        ("Functions", &["Range", "Restrict", "IsInjective", "IsSurjective", "IsBijection", "Inverse", "FoldFunction"]),
        ("Json", &["ToJson", "JsonSerialize", "JsonDeserialize", "ndJsonSerialize", "ndJsonDeserialize"]),
        ("IOUtils", &["IOEnv", "IOExec", "atoi"]),
    ];
    if let Some((m, _)) = TABLE.iter().find(|(_, ops)| ops.contains(&name)) {
        return Some(m);
    }
    crate::library::builtin_operators().into_iter().find(|(_, op, _)| *op == name).map(|(m, _, _)| m)
}
