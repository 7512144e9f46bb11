//! The IR: one resolved, desugared, constant-bound program per model run, shared by the
//! interpreter and by codegen.
//!
//! Invariants (lowering establishes them, both engines rely on them):
//! - Every name is resolved: an expression refers to a state variable by [`VarId`], to a bound
//!   variable or operator parameter by [`LocalId`], to an operator by [`DefId`], to a natively
//!   implemented library operator by [`BuiltinId`]. No strings are looked up at run time.
//! - Constants are bound: a cfg `N = 3` becomes a nullary [`Def`] whose body is the literal, a
//!   model value becomes [`Expr::ModelValue`], and `Op <- MCOp` redirects every reference to
//!   `Op` to `MCOp`'s `DefId`. The IR has no unbound CONSTANT.
//! - Instances are expanded: each `INSTANCE M WITH …` (named, unnamed or parametrized) gets its
//!   own copies of M's definitions with the substitutions applied; a parametrized instance's
//!   parameters become leading parameters of each copied definition. EXTENDS merges modules.
//! - Every [`LocalId`] is bound by exactly one binder in the whole program (quantifier, set or
//!   function constructor, CHOOSE, LAMBDA, operator parameter, recursive-function bound), so an
//!   environment can be a stack searched from the top.
//! - `exprs` and `spans` are parallel: `spans[e]` is the source of `exprs[e]`.
//! - Syntactic sugar is gone: `x, y \in S` is two bounds, `a /= b` is `Not(Eq)`, `\notin` is
//!   `Not(In)`, `UNCHANGED <<x, y>>` is kept as [`Expr::Unchanged`] of the tuple (engines treat it
//!   as `<<x, y>>' = <<x, y>>`), `f[a, b]` applies `f` to the tuple `<<a, b>>`.

use crate::span::Span;
use la_arena::{Arena, ArenaMap, Idx};

pub type ExprId = Idx<Expr>;
pub type DefId = Idx<Def>;

/// Index of a state variable in [`Program::vars`], also its slot in a state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct VarId(pub u32);

/// A bound variable or parameter, unique in the whole program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LocalId(pub u32);

/// Index into [`Program::builtins`]: an operator of a library module implemented natively.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BuiltinId(pub u32);

/// A natively implemented operator: `module` and `name` identify it to the runtime
/// (e.g. `("Sequences", "Append")`, `("Naturals", "+")`, `("TLC", ":>")`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Builtin {
    pub module: String,
    pub name: String,
    pub arity: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VarDecl {
    pub name: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Param {
    pub local: LocalId,
    pub name: String,
    /// `> 0` for an operator parameter such as `Op(_, _)`.
    pub arity: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum DefKind {
    /// `Op(p) == body`.
    Operator,
    /// `f[x \in S] == body`: applying `f` to `a` binds `bounds` to `a` (after a domain check) and
    /// evaluates `body`, which may refer to `f` itself. Mentioning `f` unapplied is the function
    /// `[bounds |-> body]`.
    RecursiveFunction { bounds: Vec<Binding> },
}

/// An operator definition, after instance expansion.
#[derive(Debug, Clone, PartialEq)]
pub struct Def {
    /// Name as a user would write it from the root module: `Next`, `b!Next`, `I!J!Op`.
    pub name: String,
    /// Name of the module whose text defines it.
    pub module: String,
    pub params: Vec<Param>,
    pub kind: DefKind,
    pub body: ExprId,
    /// True for definitions inside `LET`: their bodies may mention locals of the enclosing
    /// scope, so an operator value made from one must capture its environment.
    pub in_let: bool,
    /// True if declared RECURSIVE or found to call itself (directly or not).
    pub recursive: bool,
    /// The whole definition, `Name(p) == body`.
    pub span: Span,
    /// Just the name being defined.
    pub name_span: Span,
}

/// Names bound by one binder: `x \in S` or `<<a, b>> \in S`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BoundVars {
    Single(LocalId),
    Tuple(Vec<LocalId>),
}

/// One binder with its domain; `domain` is `None` only for `\A x : P` / `CHOOSE x : P`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub vars: BoundVars,
    pub domain: Option<ExprId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FairnessKind {
    Weak,
    Strong,
}

/// What a call applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Callee {
    Def(DefId),
    Builtin(BuiltinId),
    /// An operator parameter (`Op(_)` of the enclosing definition) or a LAMBDA bound to a name.
    Local(LocalId),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    // ---- literals and references
    Bool(bool),
    Int(i64),
    Str(String),
    /// A model value from the cfg (`p1`, or `None` in `NoVal = None`).
    ModelValue(String),
    /// A state variable, in the current state.
    Var(VarId),
    Local(LocalId),
    /// Call of an operator (`args` may be empty: a nullary definition or constant).
    Call {
        callee: Callee,
        args: Vec<ExprId>,
    },
    /// An operator used as an argument of a higher-order operator (`F(G)`, `FoldSet(Max, …)`).
    OpValue(Callee),
    /// `LAMBDA x, y : body`
    Lambda {
        params: Vec<Param>,
        body: ExprId,
    },

    // ---- logic (short-circuit, and action-aware in the engines)
    /// n-ary conjunction, evaluated left to right; also bulleted lists.
    And(Vec<ExprId>),
    /// n-ary disjunction; in actions each disjunct is a separate branch.
    Or(Vec<ExprId>),
    Not(ExprId),
    Implies(ExprId, ExprId),
    Equiv(ExprId, ExprId),
    If {
        cond: ExprId,
        then: ExprId,
        els: ExprId,
    },
    /// `CASE` arms in order; with no arm true and no OTHER, evaluation fails as in TLC.
    Case {
        arms: Vec<(ExprId, ExprId)>,
        other: Option<ExprId>,
    },
    Forall {
        bounds: Vec<Binding>,
        body: ExprId,
    },
    Exists {
        bounds: Vec<Binding>,
        body: ExprId,
    },
    Choose {
        binding: Binding,
        body: ExprId,
    },
    /// `LET defs IN body`; the defs are [`Def`]s with `in_let`.
    Let {
        defs: Vec<DefId>,
        body: ExprId,
    },

    // ---- equality and membership (assignments when the left side is an unassigned `x'`)
    Eq(ExprId, ExprId),
    In(ExprId, ExprId),

    // ---- data constructors
    SetEnum(Vec<ExprId>),
    SetFilter {
        binding: Binding,
        pred: ExprId,
    },
    SetMap {
        body: ExprId,
        bounds: Vec<Binding>,
    },
    Tuple(Vec<ExprId>),
    FunCons {
        bounds: Vec<Binding>,
        body: ExprId,
    },
    FunSet {
        domain: ExprId,
        range: ExprId,
    },
    /// Field names in source order.
    Record(Vec<(String, ExprId)>),
    RecordSet(Vec<(String, ExprId)>),
    /// `[f EXCEPT !p1 = v1, …]`; inside `v`, [`Expr::ExceptAt`] is the old value at that path.
    Except {
        base: ExprId,
        updates: Vec<(Vec<ExceptKey>, ExprId)>,
    },
    ExceptAt,
    /// `f[arg]` (`f[a, b]` has a tuple `arg`).
    Apply {
        fun: ExprId,
        arg: ExprId,
    },
    /// `r.field`
    Field {
        record: ExprId,
        field: String,
    },

    // ---- action-level
    Prime(ExprId),
    Unchanged(ExprId),
    Enabled(ExprId),
    /// `A \cdot B`
    Compose(ExprId, ExprId),
    /// `[A]_v`
    BoxAction {
        action: ExprId,
        sub: ExprId,
    },
    /// `<<A>>_v`
    AngleAction {
        action: ExprId,
        sub: ExprId,
    },

    // ---- temporal
    Always(ExprId),
    Eventually(ExprId),
    LeadsTo(ExprId, ExprId),
    Fairness {
        kind: FairnessKind,
        sub: ExprId,
        action: ExprId,
    },
    /// `\AA x : P`, `\EE x : P`
    TemporalForall {
        vars: Vec<LocalId>,
        body: ExprId,
    },
    TemporalExists {
        vars: Vec<LocalId>,
        body: ExprId,
    },
    /// `A -+-> B`
    WhilePlus(ExprId, ExprId),

    /// A construct the engines cannot evaluate; evaluating it reports `message` at its span.
    Unsupported {
        message: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExceptKey {
    Index(ExprId),
    Field(String),
}

/// A named property of the model: an invariant, a property, a constraint…
#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    /// The name written in the cfg (or `Spec`'s conjunct text for derived ones).
    pub name: String,
    pub expr: ExprId,
    /// The definition the name refers to, if it is one.
    pub def: Option<DefId>,
}

/// What the cfg asks to check, resolved against the program.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ModelSpec {
    pub init: Option<Named>,
    pub next: Option<Named>,
    /// The `vars` of `[][Next]_vars` when taken from a SPECIFICATION.
    pub stutter_sub: Option<ExprId>,
    /// WF/SF conjuncts of the SPECIFICATION.
    pub fairness: Vec<ExprId>,
    pub invariants: Vec<Named>,
    pub properties: Vec<Named>,
    pub constraints: Vec<Named>,
    pub action_constraints: Vec<Named>,
    pub symmetry: Option<Named>,
    pub view: Option<Named>,
    pub alias: Option<Named>,
    pub postcondition: Option<Named>,
    /// From CHECK_DEADLOCK; `None` means the default (check).
    pub check_deadlock: Option<bool>,
    /// ASSUME expressions of every module in the closure, in load order.
    pub assumptions: Vec<Named>,
    /// The cfg's constant assignments, for reports: name and the nullary def now holding it.
    pub constants: Vec<(String, DefId)>,
}

/// The whole lowered program for one (spec, cfg) pair.
#[derive(Debug, Clone, Default)]
pub struct Program {
    /// Name of the root module.
    pub module: String,
    pub exprs: Arena<Expr>,
    pub spans: ArenaMap<ExprId, Span>,
    pub defs: Arena<Def>,
    pub vars: Vec<VarDecl>,
    pub builtins: Vec<Builtin>,
    /// Number of [`LocalId`]s handed out (`0..local_count`).
    pub local_count: u32,
    /// Source names of locals, for messages (`local_names[id]`).
    pub local_names: Vec<String>,
    pub model: ModelSpec,
}

impl Program {
    pub fn expr(&self, id: ExprId) -> &Expr {
        &self.exprs[id]
    }
    pub fn span(&self, id: ExprId) -> Span {
        self.spans.get(id).copied().unwrap_or_default()
    }
    pub fn def(&self, id: DefId) -> &Def {
        &self.defs[id]
    }
    /// Finds a root-level definition by its user-facing name (`Next`, `b!Inv`).
    pub fn def_named(&self, name: &str) -> Option<DefId> {
        self.defs.iter().find(|(_, d)| d.name == name && !d.in_let).map(|(id, _)| id)
    }
    pub fn builtin(&self, id: BuiltinId) -> &Builtin {
        &self.builtins[id.0 as usize]
    }
}
