//! The `.cfg` parser: TLC's model-configuration syntax to a [`Config`], with `CFG_PARSE_*`
//! diagnostics.
//!
//! The grammar follows TLC's `ModelConfig`: a sequence of sections, each opened by a keyword.
//! INIT, NEXT, SPECIFICATION, SYMMETRY, VIEW, ALIAS, POSTCONDITION, TYPE_CONSTRAINT and
//! CHECK_DEADLOCK take one word and may appear once; CONSTANT(S), INVARIANT(S), PROPERTY
//! (PROPERTIES), CONSTRAINT(S) and ACTION_CONSTRAINT(S) take any number of entries and may repeat.
//! Constant entries are `Name = value`, `Name <- Def` and `Name <- [Mod] Def`; values are numbers,
//! strings, `TRUE`/`FALSE`, model values (bare identifiers) and `{…}` sets of values. Like TLC,
//! the parser takes no expressions: a cfg names definitions of the spec.

use super::lex::{tokenize, Tok, Token};
use super::suggest::closest;
use super::{Config, ConstantBinding, Ident};
use crate::diagnostics::Diagnostic;
use crate::span::{FileId, Span};

/// Every section keyword TLC's cfg parser knows.
pub const KEYWORDS: &[&str] = &[
    "SPECIFICATION",
    "INIT",
    "NEXT",
    "CONSTANT",
    "CONSTANTS",
    "INVARIANT",
    "INVARIANTS",
    "PROPERTY",
    "PROPERTIES",
    "CONSTRAINT",
    "CONSTRAINTS",
    "ACTION_CONSTRAINT",
    "ACTION_CONSTRAINTS",
    "SYMMETRY",
    "VIEW",
    "ALIAS",
    "POSTCONDITION",
    "TYPE_CONSTRAINT",
    "CHECK_DEADLOCK",
];

/// Parses a cfg text. Always returns a `Config` holding every entry that could be read.
pub fn parse_cfg(file: FileId, text: &str) -> (Config, Vec<Diagnostic>) {
    let (toks, diags) = tokenize(file, text);
    let end = Span::new(file, text.len() as u32, text.len() as u32);
    let mut p =
        Parser { toks, pos: 0, end, cfg: Config::default(), diags, first_seen: Vec::new(), text: text.to_string() };
    p.run();
    (p.cfg, p.diags)
}

struct Parser {
    toks: Vec<Token>,
    pos: usize,
    /// An empty span at the end of the text, for "found end of file".
    end: Span,
    cfg: Config,
    diags: Vec<Diagnostic>,
    /// Where each single-use section was first given, for duplicate diagnostics.
    first_seen: Vec<(&'static str, Span)>,
    /// The cfg's text, to quote an expression written where a name belongs.
    text: String,
}

fn is_keyword(word: &str) -> bool {
    KEYWORDS.contains(&word)
}

fn describe(t: Option<&Token>) -> String {
    match t.map(|t| &t.tok) {
        None => "end of file".into(),
        Some(Tok::Ident(s)) if is_keyword(s) => format!("the keyword `{s}`"),
        Some(Tok::Ident(s)) => format!("`{s}`"),
        Some(Tok::Number(s)) => format!("the number `{s}`"),
        Some(Tok::Str(s)) => format!("the string \"{s}\""),
        Some(Tok::Punct(s)) => format!("`{s}`"),
    }
}

impl Parser {
    /// The cfg text under `span` (a section's expression), or "" if it is not one line of text.
    fn slice(&self, span: Span) -> String {
        let text = self.text.get(span.start as usize..span.end as usize).unwrap_or("");
        if text.contains('\n') {
            String::new()
        } else {
            text.to_string()
        }
    }

    fn peek(&self) -> Option<&Token> {
        self.toks.get(self.pos)
    }
    fn peek_at(&self, off: usize) -> Option<&Token> {
        self.toks.get(self.pos + off)
    }
    fn bump(&mut self) -> Option<Token> {
        let t = self.toks.get(self.pos).cloned();
        self.pos += usize::from(t.is_some());
        t
    }
    fn at_keyword(&self) -> bool {
        matches!(self.peek().map(|t| &t.tok), Some(Tok::Ident(s)) if is_keyword(s))
    }
    fn at_punct(&self, p: &str) -> bool {
        matches!(self.peek().map(|t| &t.tok), Some(Tok::Punct(s)) if s == p)
    }
    fn here(&self) -> Span {
        self.peek().map_or(self.end, |t| t.span)
    }
    /// Skips to the next section keyword, so that one mistake gives one diagnostic.
    fn recover(&mut self) {
        while self.peek().is_some() && !self.at_keyword() {
            self.pos += 1;
        }
    }
    /// The span from `start` to the last token before the next keyword.
    fn span_to_section_end(&self, start: Span) -> Span {
        let mut i = self.pos;
        let mut span = start;
        while let Some(t) = self.toks.get(i) {
            if matches!(&t.tok, Tok::Ident(s) if is_keyword(s)) {
                break;
            }
            span = span.to(t.span);
            i += 1;
        }
        span
    }

    fn run(&mut self) {
        while let Some(t) = self.bump() {
            match &t.tok {
                Tok::Ident(word) if is_keyword(word) => self.section(word.clone(), t.span),
                Tok::Ident(word) => {
                    self.unknown_keyword(word, t.span);
                    self.recover();
                }
                _ => {
                    self.diags.push(
                        Diagnostic::error(
                            "CFG_PARSE_UNEXPECTED_TOKEN",
                            t.span,
                            format!("expected a section keyword, found {}", describe(Some(&t))),
                        )
                        .with_expected("a keyword such as SPECIFICATION, CONSTANTS or INVARIANT")
                        .with_found(describe(Some(&t))),
                    );
                    self.recover();
                }
            }
        }
    }

    fn unknown_keyword(&mut self, word: &str, span: Span) {
        let near = closest(word, KEYWORDS);
        let mut d = Diagnostic::error("CFG_PARSE_UNKNOWN_KEYWORD", span, format!("unknown cfg keyword `{word}`"))
            .with_expected("a section keyword")
            .with_found(format!("`{word}`"));
        match near.first() {
            Some(best) => {
                d = d.with_help("fix_keyword", format!("did you mean `{best}`?"));
                if let Some(s) = d.suggestion.as_mut() {
                    s.options = near.iter().map(|s| s.to_string()).collect();
                }
            }
            None => {
                d = d.with_help("fix_keyword", format!("the cfg keywords are {}", KEYWORDS.join(", ")));
            }
        }
        self.diags.push(d);
    }

    fn section(&mut self, kw: String, kw_span: Span) {
        match kw.as_str() {
            "CONSTANT" | "CONSTANTS" => self.constants(),
            "INVARIANT" | "INVARIANTS" => self.name_list(&kw, |c| &mut c.invariants),
            "PROPERTY" | "PROPERTIES" => self.name_list(&kw, |c| &mut c.properties),
            "CONSTRAINT" | "CONSTRAINTS" => self.name_list(&kw, |c| &mut c.constraints),
            "ACTION_CONSTRAINT" | "ACTION_CONSTRAINTS" => self.name_list(&kw, |c| &mut c.action_constraints),
            "CHECK_DEADLOCK" => self.check_deadlock(kw_span),
            _ => self.single_name(&kw, kw_span),
        }
    }

    /// The field of a single-name section, by keyword.
    fn single_slot(&mut self, kw: &str) -> Option<&mut Option<Ident>> {
        let c = &mut self.cfg;
        Some(match kw {
            "SPECIFICATION" => &mut c.specification,
            "INIT" => &mut c.init,
            "NEXT" => &mut c.next,
            "SYMMETRY" => &mut c.symmetry,
            "VIEW" => &mut c.view,
            "ALIAS" => &mut c.alias,
            "POSTCONDITION" => &mut c.postcondition,
            "TYPE_CONSTRAINT" => &mut c.type_constraint,
            _ => return None,
        })
    }

    /// Records that single-use section `kw` is given at `span`; false (with a diagnostic) if it
    /// was given before, which TLC rejects.
    fn note_single(&mut self, kw: &str, span: Span) -> bool {
        let Some(&(_, first)) = self.first_seen.iter().find(|(k, _)| *k == kw) else {
            let kw: &'static str = KEYWORDS.iter().find(|k| **k == kw).copied().unwrap_or("");
            self.first_seen.push((kw, span));
            return true;
        };
        self.diags.push(
            Diagnostic::error("CFG_PARSE_DUPLICATE", span, format!("{kw} is given more than once"))
                .with_label(first, "first given here")
                .with_help("remove_duplicate", format!("TLC accepts one {kw} per cfg; keep one of them")),
        );
        false
    }

    fn single_name(&mut self, kw: &str, kw_span: Span) {
        let Some(name) = self.section_name(kw, kw_span) else { return };
        if self.note_single(kw, name.span) {
            if let Some(slot) = self.single_slot(kw) {
                *slot = Some(name.clone());
            }
        }
        self.after_single_name(kw, &name);
    }

    /// The one name a single-name section takes, or a `CFG_PARSE_MISSING_VALUE` diagnostic.
    fn section_name(&mut self, kw: &str, kw_span: Span) -> Option<Ident> {
        match self.peek().map(|t| t.tok.clone()) {
            Some(Tok::Ident(word)) if !is_keyword(&word) => {
                let span = self.here();
                self.pos += 1;
                Some(Ident { name: word, span })
            }
            Some(Tok::Ident(_)) | None => {
                let found = describe(self.peek());
                self.diags.push(
                    Diagnostic::error(
                        "CFG_PARSE_MISSING_VALUE",
                        kw_span,
                        format!("{kw} needs the name of a definition"),
                    )
                    .with_expected("a definition name")
                    .with_found(found)
                    .with_help(
                        "fix_syntax",
                        format!("write the name after the keyword, e.g. `{kw} {}`", example_name(kw)),
                    ),
                );
                None
            }
            Some(_) => {
                let start = self.here();
                let span = self.span_to_section_end(start);
                self.diags.push(unsupported_expression(kw, span, describe(self.peek()), &self.slice(span)));
                self.recover();
                None
            }
        }
    }

    /// After the name of a single-name section only a keyword may follow: an expression is
    /// unsupported syntax, a second name is unexpected.
    fn after_single_name(&mut self, kw: &str, name: &Ident) {
        let Some(t) = self.peek().cloned() else { return };
        match &t.tok {
            Tok::Ident(w) if is_keyword(w) => {}
            Tok::Ident(w) if t.line_start => {
                self.pos += 1;
                self.unknown_keyword(w, t.span);
                self.recover();
            }
            Tok::Ident(_) | Tok::Number(_) | Tok::Str(_) => {
                self.diags.push(
                    Diagnostic::error("CFG_PARSE_UNEXPECTED_TOKEN", t.span, format!("{kw} takes exactly one name"))
                        .with_expected("a section keyword")
                        .with_found(describe(Some(&t)))
                        .with_help("fix_syntax", format!("give one {kw}; combine several in a definition of the spec")),
                );
                self.recover();
            }
            Tok::Punct(_) => {
                let span = self.span_to_section_end(name.span);
                self.diags.push(unsupported_expression(kw, span, describe(Some(&t)), &self.slice(span)));
                self.recover();
            }
        }
    }

    fn check_deadlock(&mut self, kw_span: Span) {
        let t = self.peek().cloned();
        let value = match t.as_ref().map(|t| &t.tok) {
            Some(Tok::Ident(w)) if w == "TRUE" => Some(true),
            Some(Tok::Ident(w)) if w == "FALSE" => Some(false),
            _ => None,
        };
        let (Some(v), Some(t)) = (value, t.clone()) else {
            let span =
                t.as_ref().filter(|t| !matches!(&t.tok, Tok::Ident(w) if is_keyword(w))).map_or(kw_span, |t| t.span);
            self.diags.push(
                Diagnostic::error("CFG_PARSE_MISSING_VALUE", span, "CHECK_DEADLOCK needs TRUE or FALSE")
                    .with_expected("TRUE or FALSE")
                    .with_found(describe(t.as_ref()))
                    .with_help("fix_syntax", "write `CHECK_DEADLOCK FALSE` to allow deadlock, or TRUE to report it"),
            );
            self.recover();
            return;
        };
        self.pos += 1;
        if self.note_single("CHECK_DEADLOCK", t.span) {
            self.cfg.check_deadlock = Some(v);
        }
        let ident = Ident { name: if v { "TRUE".into() } else { "FALSE".into() }, span: t.span };
        self.after_single_name("CHECK_DEADLOCK", &ident);
    }

    /// INVARIANT(S), PROPERTY(PROPERTIES), CONSTRAINT(S), ACTION_CONSTRAINT(S): names up to the
    /// next keyword, on one line or many.
    fn name_list(&mut self, kw: &str, field: fn(&mut Config) -> &mut Vec<Ident>) {
        while let Some(t) = self.peek().cloned() {
            match &t.tok {
                Tok::Ident(w) if is_keyword(w) => return,
                Tok::Ident(w) if looks_like_keyword(w, t.line_start) => {
                    self.pos += 1;
                    self.unknown_keyword(w, t.span);
                    self.recover();
                    return;
                }
                Tok::Ident(w) => {
                    self.pos += 1;
                    let name = Ident { name: w.clone(), span: t.span };
                    if matches!(self.peek().map(|t| &t.tok), Some(Tok::Punct(_))) {
                        let found = describe(self.peek());
                        let span = self.span_to_section_end(t.span);
                        self.diags.push(unsupported_expression(kw, span, found, &self.slice(span)));
                        self.recover();
                        return;
                    }
                    field(&mut self.cfg).push(name);
                }
                _ => {
                    self.diags.push(
                        Diagnostic::error(
                            "CFG_PARSE_UNEXPECTED_TOKEN",
                            t.span,
                            format!("{kw} takes names of definitions"),
                        )
                        .with_expected("a definition name or a section keyword")
                        .with_found(describe(Some(&t)))
                        .with_help("define_in_spec", "define the formula in the spec and name it here"),
                    );
                    self.recover();
                    return;
                }
            }
        }
    }

    /// CONSTANT(S): `Name = value`, `Name <- Def`, `Name <- [Mod] Def`, up to the next keyword.
    fn constants(&mut self) {
        while let Some(t) = self.peek().cloned() {
            match &t.tok {
                Tok::Ident(w) if is_keyword(w) => return,
                Tok::Ident(w) if looks_like_keyword(w, t.line_start) && !self.next_is_binding() => {
                    self.pos += 1;
                    self.unknown_keyword(w, t.span);
                    self.recover();
                    return;
                }
                _ => {
                    if self.constant_entry().is_none() {
                        self.recover();
                        return;
                    }
                }
            }
        }
    }

    /// True when the token after the current one is `=` or `<-`.
    fn next_is_binding(&self) -> bool {
        matches!(self.peek_at(1).map(|t| &t.tok), Some(Tok::Punct(s)) if s == "=" || s == "<-")
    }

    /// One constant entry; `None` after an error (the caller recovers).
    fn constant_entry(&mut self) -> Option<()> {
        let name = self.constant_lhs()?;
        let op = self.peek().cloned();
        match op.as_ref().map(|t| &t.tok) {
            Some(Tok::Punct(s)) if s == "<-" => {
                self.pos += 1;
                let module = self.module_prefix()?;
                let target = self.definition_name("<-")?;
                let span = name.span.to(target.span);
                self.cfg.constants.push(ConstantBinding::Substitute { module, name, target, span });
            }
            Some(Tok::Punct(s)) if s == "=" => {
                self.pos += 1;
                if self.at_punct("[") {
                    let span = self.span_to_section_end(self.here());
                    self.diags.push(unsupported(span, "a module-specific constant value (`N = [Mod] 3`)", "N = 3"));
                    return None;
                }
                let value = self.value()?;
                let span = name.span.to(value.span);
                self.cfg.constants.push(ConstantBinding::Value { name, value, span });
            }
            Some(Tok::Punct(s)) if s == "(" => {
                let span = self.span_to_section_end(name.span);
                let example = format!("{n}Def(x) == … in the spec, then `{n} <- {n}Def`", n = name.name);
                self.diags.push(unsupported(span, "a constant operator with arguments (`F(a, b) = c`)", &example));
                return None;
            }
            _ => {
                let span = op.as_ref().map_or(name.span, |t| t.span);
                self.diags.push(
                    Diagnostic::error(
                        "CFG_PARSE_MISSING_VALUE",
                        span,
                        format!("constant `{}` has no value", name.name),
                    )
                    .with_expected("`=` or `<-` after the constant's name")
                    .with_found(describe(op.as_ref()))
                    .with_help("fix_syntax", format!("write `{0} = value` or `{0} <- Definition`", name.name)),
                );
                return None;
            }
        }
        Some(())
    }

    /// The left side of a constant entry: `Name` or TLC's `Inst!Name`.
    fn constant_lhs(&mut self) -> Option<Ident> {
        let t = self.peek().cloned()?;
        if let Tok::Punct(p) = &t.tok {
            if p == "[" {
                let span = self.span_to_section_end(t.span);
                self.diags.push(unsupported(
                    span,
                    "a module prefix before the constant (`[Mod] Op <- Def`)",
                    "Op <- [Mod] Def",
                ));
                return None;
            }
        }
        let Tok::Ident(first) = &t.tok else {
            self.diags.push(
                Diagnostic::error("CFG_PARSE_UNEXPECTED_TOKEN", t.span, "expected the name of a constant")
                    .with_expected("a constant name")
                    .with_found(describe(Some(&t))),
            );
            return None;
        };
        self.pos += 1;
        let mut ident = Ident { name: first.clone(), span: t.span };
        while self.at_punct("!") {
            self.pos += 1;
            let part = self.definition_name("!")?;
            ident.name = format!("{}!{}", ident.name, part.name);
            ident.span = ident.span.to(part.span);
        }
        Some(ident)
    }

    /// The optional `[Mod]` of `Op <- [Mod] Def`.
    fn module_prefix(&mut self) -> Option<Option<Ident>> {
        if !self.at_punct("[") {
            return Some(None);
        }
        self.pos += 1;
        let module = self.definition_name("[")?;
        if !self.at_punct("]") {
            self.diags.push(
                Diagnostic::error("CFG_PARSE_UNEXPECTED_TOKEN", self.here(), "expected `]` after the module name")
                    .with_expected("`]`")
                    .with_found(describe(self.peek())),
            );
            return None;
        }
        self.pos += 1;
        Some(Some(module))
    }

    /// An identifier that must follow `after`.
    fn definition_name(&mut self, after: &str) -> Option<Ident> {
        match self.peek().cloned() {
            Some(Token { tok: Tok::Ident(w), span, .. }) if !is_keyword(&w) => {
                self.pos += 1;
                Some(Ident { name: w, span })
            }
            t => {
                let span = t.as_ref().map_or(self.end, |t| t.span);
                self.diags.push(
                    Diagnostic::error("CFG_PARSE_MISSING_VALUE", span, format!("expected a name after `{after}`"))
                        .with_expected("a name")
                        .with_found(describe(t.as_ref())),
                );
                None
            }
        }
    }
}

/// A name-only section given an expression: TLC's cfg takes names, never expressions.
/// `written` is the expression as the cfg has it (empty when unknown).
fn unsupported_expression(kw: &str, span: Span, found: String, written: &str) -> Diagnostic {
    let name = example_name(kw);
    let body = match (kw, written.trim()) {
        ("SYMMETRY", "") => "Permutations(S)",
        (_, "") => "<the expression>",
        (_, w) => w,
    };
    let example = format!("in the spec: {name} == {body}\nin the cfg:  {kw} {name}");
    Diagnostic::error(
        "CFG_PARSE_UNSUPPORTED_SYNTAX",
        span,
        format!("{kw} takes the name of a definition, not an expression"),
    )
    .with_expected("a definition name")
    .with_found(found)
    .with_help("define_in_spec", "define the expression as a named operator in the spec and give that name here")
    .with_example(example)
}

fn unsupported(span: Span, what: &str, example: &str) -> Diagnostic {
    Diagnostic::error("CFG_PARSE_UNSUPPORTED_SYNTAX", span, format!("{what} is not supported in a tla2 cfg"))
        .with_help("fix_syntax", "write the binding in the form TLC accepts")
        .with_example(example.to_string())
}

fn example_name(kw: &str) -> &'static str {
    match kw {
        "SPECIFICATION" => "Spec",
        "INIT" => "Init",
        "NEXT" => "Next",
        "SYMMETRY" => "Symm",
        "VIEW" => "View",
        "ALIAS" => "Alias",
        "POSTCONDITION" => "PostCondition",
        _ => "Name",
    }
}

/// A line-initial, all-uppercase word close to a keyword is a misspelled section header rather
/// than a definition name (TLC would take it as a name and fail later with a vaguer error).
fn looks_like_keyword(word: &str, line_start: bool) -> bool {
    line_start
        && word.len() >= 4
        && word.chars().all(|c| c.is_ascii_uppercase() || c == '_')
        && !closest(word, KEYWORDS).is_empty()
}

#[path = "value.rs"]
mod value;
