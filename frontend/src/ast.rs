//! The syntax tree of one TLA+ module, as written, with a span on every node.
//!
//! The parser builds it; name resolution and lowering (`lower/`) turn it into the IR.
//! Invariants:
//! - Operator symbols are canonical: every ASCII/Unicode synonym is mapped by the lexer to one
//!   spelling (see [`canonical_symbol`]), e.g. `\land`, `∧` → `/\`; `#`, `≠` → `/=`; `\union` → `\cup`.
//! - Every infix, prefix and postfix operator application, built-in or user-defined, is an
//!   [`ExprKind::OpApp`] whose [`OpRef::name`] is the canonical symbol; keywords with their own
//!   syntax (`IF`, `CASE`, `\A`, `CHOOSE`, `[A]_v`, `WF_v(A)`, …) have their own variants.
//! - Bulleted `/\` and `\/` lists become one `OpApp` of `/\` or `\/` with one argument per bullet.
//! - Proofs are kept only as spans: nothing after `PROOF`/`BY`/`OBVIOUS`/step labels is lowered.

use crate::span::Span;

/// An identifier or operator symbol with its span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

/// `---- MODULE Name ---- EXTENDS A, B … ====`
#[derive(Debug, Clone, PartialEq)]
pub struct Module {
    pub name: Ident,
    pub extends: Vec<Ident>,
    pub units: Vec<Unit>,
    pub span: Span,
}

/// One top-level item of a module.
#[derive(Debug, Clone, PartialEq)]
pub enum Unit {
    /// `VARIABLE x, y`
    Variables(Vec<Ident>),
    /// `CONSTANT N, F(_, _), _ ** _`
    Constants(Vec<ConstDecl>),
    /// `RECURSIVE F(_), G`
    Recursive(Vec<ConstDecl>),
    OpDef(OpDef),
    /// `f[x \in S, y \in T] == e`
    FunDef(FunDef),
    /// `INSTANCE M WITH a <- e` or `I(p) == INSTANCE M WITH …`
    Instance(InstanceDef),
    /// `ASSUME e`, `ASSUMPTION e`, `AXIOM e`, optionally named `ASSUME Name == e`.
    Assume {
        name: Option<Ident>,
        expr: Expr,
        span: Span,
    },
    /// `THEOREM [Name ==] e` (also LEMMA, PROPOSITION, COROLLARY); the proof is skipped.
    Theorem {
        name: Option<Ident>,
        expr: Option<Expr>,
        span: Span,
    },
    /// A nested `---- MODULE Inner ---- … ====`.
    Submodule(Module),
    /// `USE`, `HIDE`, a stray proof, or a `----` separator line: nothing to check.
    Skipped(Span),
}

/// A declared constant or recursive operator: `N`, `F(_, _)`, `_ ** _`, `-. _`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConstDecl {
    pub name: Ident,
    pub arity: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpShape {
    /// `F`, `F(a, b)`
    Normal,
    /// `a ++ b == …`
    Infix,
    /// `-. a == …` (user prefix operators)
    Prefix,
    /// `a ^+ == …`
    Postfix,
}

/// `[LOCAL] Name(p, Q(_)) == body`, `a (+) b == body`.
#[derive(Debug, Clone, PartialEq)]
pub struct OpDef {
    pub local: bool,
    pub name: Ident,
    pub shape: OpShape,
    pub params: Vec<OpParam>,
    pub body: Expr,
    /// From the name to the end of the body.
    pub span: Span,
}

/// A formal parameter; `arity > 0` for operator parameters such as `Op(_, _)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpParam {
    pub name: Ident,
    pub arity: usize,
}

/// `[LOCAL] f[x \in S, <<a, b>> \in T] == body`
#[derive(Debug, Clone, PartialEq)]
pub struct FunDef {
    pub local: bool,
    pub name: Ident,
    pub bounds: Vec<Bound>,
    pub body: Expr,
    pub span: Span,
}

/// `[LOCAL] [Name(params) ==] INSTANCE Module [WITH x <- e, + <- f]`
#[derive(Debug, Clone, PartialEq)]
pub struct InstanceDef {
    pub local: bool,
    /// `None` for an unnamed `INSTANCE M`, whose definitions join the current module.
    pub name: Option<Ident>,
    pub params: Vec<OpParam>,
    pub module: Ident,
    /// `WITH` substitutions; the left side may be an operator symbol (`+ <- Plus`).
    pub substitutions: Vec<(Ident, Expr)>,
    pub span: Span,
}

/// One binder group of a quantifier, set constructor or function constructor.
///
/// `x, y \in S` has `names: [x, y]`; `<<a, b>> \in S` has one tuple pattern.
/// `domain` is `None` only for unbounded forms such as `\A x : P` and `CHOOSE x : P`.
#[derive(Debug, Clone, PartialEq)]
pub struct Bound {
    pub pattern: BoundPattern,
    pub domain: Option<Expr>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum BoundPattern {
    /// `x, y \in S` (each name ranges over S independently).
    Names(Vec<Ident>),
    /// `<<a, b>> \in S` (one element of S destructured).
    Tuple(Vec<Ident>),
}

/// A reference to an operator, possibly through instances: `Op`, `I!Op`, `I(1)!J!Op`, `+`.
#[derive(Debug, Clone, PartialEq)]
pub struct OpRef {
    /// Instance prefixes, outermost first, each with its arguments (`I(1)!` has one).
    pub path: Vec<PathSeg>,
    pub name: Ident,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PathSeg {
    pub name: Ident,
    pub args: Vec<Expr>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

/// A CASE arm `p -> e`.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseArm {
    pub guard: Expr,
    pub body: Expr,
}

/// One `!path = value` of an EXCEPT; `@` in `value` means the old value at `path`.
#[derive(Debug, Clone, PartialEq)]
pub struct ExceptUpdate {
    pub path: Vec<ExceptKey>,
    pub value: Expr,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExceptKey {
    /// `![a]` or `![a, b]` (several arguments mean a tuple index).
    Index(Vec<Expr>),
    /// `!.field`
    Field(Ident),
}

/// A definition inside `LET … IN`.
#[derive(Debug, Clone, PartialEq)]
pub enum LetDef {
    Op(OpDef),
    Fun(FunDef),
    Recursive(Vec<ConstDecl>),
    Instance(InstanceDef),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quant {
    Forall,
    Exists,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fairness {
    Weak,
    Strong,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// Application of a named or symbolic operator, including bare names (`x`, `N`, `TRUE`)
    /// with `args` empty, infix (`a + b`), prefix (`~a`, `-a` as `-.`, `SUBSET S`, `UNION S`,
    /// `DOMAIN f`, `ENABLED A`, `UNCHANGED v`, `[]P`, `<>P`) and postfix (`x'`, `R^+`) forms.
    /// Unary minus uses the name `-.` to keep it apart from binary `-`.
    OpApp { op: OpRef, args: Vec<Expr> },
    /// A decimal natural number literal, also from `\b`, `\o`, `\h` forms (kept as digits so
    /// that big literals are diagnosed later rather than in the lexer).
    Number(String),
    /// `1.5` (Reals)
    Decimal(String),
    /// `"text"` with escapes already decoded.
    String(String),
    /// `\A x \in S : P`, `\E x, y \in S, <<a, b>> \in T : P`, `\A x : P`.
    Quantifier { quant: Quant, bounds: Vec<Bound>, body: Box<Expr> },
    /// `\AA x : P`, `\EE x : P` (temporal quantifiers).
    TemporalQuantifier { quant: Quant, names: Vec<Ident>, body: Box<Expr> },
    /// `CHOOSE x \in S : P`, `CHOOSE x : P`, `CHOOSE <<a, b>> \in S : P`.
    Choose { bound: Box<Bound>, body: Box<Expr> },
    /// `{a, b, c}` and `{}`.
    SetEnum(Vec<Expr>),
    /// `{x \in S : P}` (also `{<<a, b>> \in S : P}`).
    SetFilter { bound: Box<Bound>, pred: Box<Expr> },
    /// `{e : x \in S, y \in T}`.
    SetMap { body: Box<Expr>, bounds: Vec<Bound> },
    /// `<<a, b>>`
    Tuple(Vec<Expr>),
    /// `[x \in S, y \in T |-> e]`
    FunCons { bounds: Vec<Bound>, body: Box<Expr> },
    /// `[S -> T]`
    FunSet { domain: Box<Expr>, range: Box<Expr> },
    /// `[a |-> 1, b |-> 2]`
    RecordCons(Vec<(Ident, Expr)>),
    /// `[a : S, b : T]`
    RecordSet(Vec<(Ident, Expr)>),
    /// `[f EXCEPT ![a] = e, !.b = @ + 1]`
    Except { base: Box<Expr>, updates: Vec<ExceptUpdate> },
    /// `@` inside an EXCEPT value.
    At,
    /// `f[a]`, `f[a, b]` (several arguments index by the tuple `<<a, b>>`).
    FunApp { fun: Box<Expr>, args: Vec<Expr> },
    /// `r.field`
    Field { record: Box<Expr>, field: Ident },
    /// `IF c THEN a ELSE b`
    If { cond: Box<Expr>, then: Box<Expr>, els: Box<Expr> },
    /// `CASE p1 -> e1 [] p2 -> e2 [] OTHER -> e3`
    Case { arms: Vec<CaseArm>, other: Option<Box<Expr>> },
    /// `LET defs IN body`
    Let { defs: Vec<LetDef>, body: Box<Expr> },
    /// `LAMBDA x, y : e`
    Lambda { params: Vec<Ident>, body: Box<Expr> },
    /// `[A]_v`
    BoxAction { action: Box<Expr>, sub: Box<Expr> },
    /// `<<A>>_v`
    AngleAction { action: Box<Expr>, sub: Box<Expr> },
    /// `WF_v(A)`, `SF_v(A)`
    Fairness { kind: Fairness, sub: Box<Expr>, action: Box<Expr> },
    /// A proof label on a subexpression: `lbl(x):: e`; only `body` has meaning.
    Label { name: Ident, body: Box<Expr> },
    /// Produced by the parser after an error so that a tree always exists.
    Error,
}

/// Maps an operator spelling to its canonical one; unknown spellings map to themselves.
///
/// The lexer calls this on every operator token, so the rest of the frontend only ever sees
/// canonical symbols.
pub fn canonical_symbol(s: &str) -> &str {
    match s {
        "\\land" | "∧" => "/\\",
        "\\lor" | "∨" => "\\/",
        "\\lnot" | "\\neg" | "¬" => "~",
        "\\equiv" | "≡" | "⇔" => "<=>",
        "⇒" | "⟹" => "=>",
        "#" | "≠" => "/=",
        "=<" | "\\leq" | "≤" => "<=",
        "\\geq" | "≥" => ">=",
        "\\union" | "∪" => "\\cup",
        "\\intersect" | "∩" => "\\cap",
        "\\subseteq" | "⊆" => "\\subseteq",
        "\\subset" | "⊂" => "\\subset",
        "\\supseteq" | "⊇" => "\\supseteq",
        "\\supset" | "⊃" => "\\supset",
        "∈" => "\\in",
        "∉" => "\\notin",
        "\\" | "\\setminus" => "\\",
        "\\times" | "×" => "\\X",
        "\\circ" | "∘" => "\\o",
        "\\bigcirc" | "◯" => "\\bigcirc",
        "\\odot" | "⊙" => "\\odot",
        "\\oplus" | "(+)" | "⊕" => "\\oplus",
        "\\ominus" | "(-)" | "⊖" => "\\ominus",
        "\\otimes" | "(\\X)" | "⊗" => "\\otimes",
        "\\oslash" | "(/)" | "⊘" => "\\oslash",
        "\\uplus" | "⊎" => "\\uplus",
        "\\prec" | "≺" => "\\prec",
        "\\succ" | "≻" => "\\succ",
        "\\preceq" | "⪯" => "\\preceq",
        "\\succeq" | "⪰" => "\\succeq",
        "\\sqsubseteq" | "⊑" => "\\sqsubseteq",
        "\\sqsupseteq" | "⊒" => "\\sqsupseteq",
        "\\sqcup" | "⊔" => "\\sqcup",
        "\\sqcap" | "⊓" => "\\sqcap",
        "\\cdot" | "⋅" => "\\cdot",
        "\\div" | "÷" => "\\div",
        "\\star" | "⋆" => "\\star",
        "\\bullet" | "•" => "\\bullet",
        "\\sim" | "∼" => "\\sim",
        "\\simeq" | "≃" => "\\simeq",
        "\\approx" | "≈" => "\\approx",
        "\\cong" | "≅" => "\\cong",
        "\\asymp" | "≍" => "\\asymp",
        "\\doteq" | "≐" => "\\doteq",
        "\\propto" | "∝" => "\\propto",
        "\\wr" | "≀" => "\\wr",
        "\\ll" | "≪" => "\\ll",
        "\\gg" | "≫" => "\\gg",
        "|->" | "↦" => "|->",
        "->" | "→" => "->",
        "<-" | "←" => "<-",
        "~>" | "⇝" => "~>",
        "-+->" | "⇸" => "-+->",
        "[]" | "□" => "[]",
        "<>" | "◇" => "<>",
        "\\A" | "\\forall" | "∀" => "\\A",
        "\\E" | "\\exists" | "∃" => "\\E",
        "\\AA" => "\\AA",
        "\\EE" => "\\EE",
        "<<" | "⟨" => "<<",
        ">>" | "⟩" => ">>",
        "|-" | "⊢" => "|-",
        "|=" | "⊨" => "|=",
        "-|" | "⊣" => "-|",
        "=|" | "⫤" => "=|",
        ".." | "‥" => "..",
        other => other,
    }
}
