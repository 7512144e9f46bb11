//! The `.cfg` file: its syntax tree ([`Config`]) and parser.

pub use crate::ast::Ident;
use crate::span::Span;

mod lex;
pub mod parse;
pub mod suggest;

/// A parsed `.cfg` file. Sections may repeat; their contents are concatenated in order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    pub specification: Option<Ident>,
    pub init: Option<Ident>,
    pub next: Option<Ident>,
    pub constants: Vec<ConstantBinding>,
    pub invariants: Vec<Ident>,
    pub properties: Vec<Ident>,
    pub constraints: Vec<Ident>,
    pub action_constraints: Vec<Ident>,
    pub symmetry: Option<Ident>,
    pub view: Option<Ident>,
    pub alias: Option<Ident>,
    pub postcondition: Option<Ident>,
    /// `CHECK_DEADLOCK TRUE|FALSE`; `None` when absent.
    pub check_deadlock: Option<bool>,
    /// `TYPE_CONSTRAINT Name`: accepted by TLC's cfg parser and otherwise unused by TLC.
    pub type_constraint: Option<Ident>,
}

/// One entry of a CONSTANT(S) section.
#[derive(Debug, Clone, PartialEq)]
pub enum ConstantBinding {
    /// `N = 3`, `Procs = {p1, p2}`, `None = None` (a model value), `F(_) = …` is not TLC syntax.
    Value { name: Ident, value: CfgValue, span: Span },
    /// `Op <- MCOp` or `Op <- [Mod] MCOp` (TLC's spelling, e.g. `Ballot <-[Voting] MCBallot`):
    /// every use of `Op` (in module `Mod`, or everywhere) means the definition `MCOp` of the root
    /// module. TLC also accepts `Inst!Op` on the left; `name` then holds `Inst!Op`. `Op` may be
    /// a constant or a definition of any arity, even a standard one such as `Nat`.
    Substitute { module: Option<Ident>, name: Ident, target: Ident, span: Span },
}

/// A value written in a cfg.
#[derive(Debug, Clone, PartialEq)]
pub enum CfgValueKind {
    Int(i64),
    Str(String),
    Bool(bool),
    /// A bare identifier: a model value named after itself.
    ModelValue(String),
    /// `{a, b, c}`
    Set(Vec<CfgValue>),
    /// `<<a, b>>`. Never produced by the cfg parser: TLC's cfg has no tuple syntax, and
    /// `<<` is reported as `CFG_PARSE_UNSUPPORTED_SYNTAX`.
    Tuple(Vec<CfgValue>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct CfgValue {
    pub kind: CfgValueKind,
    pub span: Span,
}
