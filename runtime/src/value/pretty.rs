//! `Value::pretty`: TLC's pretty printer (`Values.ppr`), which breaks a value's one-line text over
//! lines of at most 80 columns in Print output, error messages and printed traces.
//!
//! TLC formats by re-parsing the one-line text, and its parser gives up (leaving the text on one
//! line) on anything it does not know: a model value or record field whose name has a character
//! other than a letter or digit (`p_1`), a string holding a `"`, a negative interval inside a
//! value, or a symbolic set such as `Seq(Nat)`. [`build`] reproduces those cases by returning
//! `None`, so the output is TLC's, quirks included.

use super::Value;

/// The line width TLC formats values to.
pub const TLC_PRINT_WIDTH: usize = 80;

/// A value's layout: its one-line text and its structure.
struct Node {
    text: String,
    len: i64,
    kind: Kind,
}

enum Kind {
    Constant,
    List { open: &'static str, close: &'static str, pad: &'static str, items: Vec<Node> },
    Pairs { open: &'static str, close: &'static str, sep: &'static str, div: &'static str, pairs: Vec<(Node, Node)> },
}

fn node(text: String, kind: Kind) -> Node {
    let len = text.chars().count() as i64;
    Node { text, len, kind }
}

/// Whether TLC's parser reads `name` as one constant (letters and digits only).
fn plain_name(name: &str) -> bool {
    !name.is_empty() && name.chars().all(char::is_alphanumeric)
}

fn constant(v: &Value) -> Option<Node> {
    let text = v.to_string();
    let ok = match v {
        Value::Bool(_) | Value::Int(_) => true,
        Value::Str(s) => !s.contains('"'),
        Value::ModelValue(name) => plain_name(name),
        Value::Interval(lo, _) => *lo >= 0,
        _ => plain_name(&text),
    };
    ok.then(|| node(text, Kind::Constant))
}

/// The layout tree of a value, or `None` where TLC's parser would give up.
fn build(v: &Value) -> Option<Node> {
    let kind = match v {
        Value::Set(elems) => list("{ ", " }", "  ", elems.iter())?,
        Value::Tuple(elems) => list("<< ", " >>", "   ", elems.iter())?,
        Value::Record(fields) if fields.iter().all(|(k, _)| super::display::is_name(k)) => {
            let mut pairs = Vec::with_capacity(fields.len());
            for (k, x) in fields.iter() {
                if !plain_name(k) {
                    return None;
                }
                pairs.push((node(k.to_string(), Kind::Constant), build(x)?));
            }
            Kind::Pairs { open: "[ ", close: " ]", sep: ",", div: " |->", pairs }
        }
        Value::Record(_) | Value::Fun(_) => {
            let mut pairs = Vec::new();
            for (k, x) in v.fun_pairs().ok()? {
                pairs.push((build(&k)?, build(&x)?));
            }
            Kind::Pairs { open: "( ", close: " )", sep: " @@", div: " :>", pairs }
        }
        Value::Lazy(_) if matches!(v.to_string().chars().next(), Some('{')) => {
            list("{ ", " }", "  ", v.enumerate().ok()?.iter())?
        }
        _ => return constant(v),
    };
    Some(node(v.to_string(), kind))
}

fn list<'a>(
    open: &'static str,
    close: &'static str,
    pad: &'static str,
    elems: impl Iterator<Item = &'a Value>,
) -> Option<Kind> {
    let items = elems.map(build).collect::<Option<Vec<_>>>()?;
    Some(Kind::List { open, close, pad, items })
}

impl Value {
    /// The value as TLC prints it in messages and traces: on one line if it fits in `width`
    /// columns, else broken over lines as TLC's `Values.ppr` does.
    pub fn pretty(&self, width: usize) -> String {
        match build(self) {
            Some(tree) => format(&tree, width as i64, 0, ""),
            None => self.to_string(),
        }
    }
}

fn format(v: &Node, width: i64, trailer: i64, pad: &str) -> String {
    if v.len <= width - trailer {
        return v.text.clone();
    }
    match &v.kind {
        Kind::Constant => v.text.clone(),
        Kind::List { open, close, pad: p, items } => {
            let inner_pad = format!("{pad}{p}");
            let body = format_items(items, width - open.len() as i64, trailer + close.len() as i64, &inner_pad);
            format!("{open}{body}{close}")
        }
        Kind::Pairs { open, close, sep, div, pairs } => {
            let inner_pad = format!("{pad}  ");
            let ctx = PairCtx { width: width - 2, trailer: trailer + 2, pad: &inner_pad, sep, div };
            format!("{open}{}{close}", format_pairs(pairs, &ctx))
        }
    }
}

fn format_items(items: &[Node], width: i64, trailer: i64, pad: &str) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i + 1 < items.len() {
            out.push_str(&format(item, width, 1, pad));
            out.push_str(",\n");
            out.push_str(pad);
        } else {
            out.push_str(&format(item, width, trailer, pad));
        }
    }
    out
}

struct PairCtx<'a> {
    width: i64,
    trailer: i64,
    pad: &'a str,
    sep: &'a str,
    div: &'a str,
}

const DIV_PAD: &str = "    ";

fn format_pairs(pairs: &[(Node, Node)], c: &PairCtx<'_>) -> String {
    let (sep_len, div_len) = (c.sep.len() as i64, c.div.len() as i64);
    let value_pad = format!("{}{DIV_PAD}", c.pad);
    let mut out = String::new();
    for (i, (arg, val)) in pairs.iter().enumerate() {
        let last = i + 1 == pairs.len();
        let (room, val_trailer) = if last { (c.width - c.trailer, c.trailer) } else { (c.width - sep_len, sep_len) };
        if arg.len + div_len + 1 + val.len <= room {
            out.push_str(&format!("{}{} {}", arg.text, c.div, val.text));
        } else {
            let head = if arg.len + div_len <= c.width {
                arg.text.clone()
            } else {
                format(arg, c.width, c.trailer + div_len, c.pad)
            };
            let body = format(val, c.width - DIV_PAD.len() as i64, val_trailer, &value_pad);
            out.push_str(&format!("{head}{}\n{value_pad}{body}", c.div));
        }
        if !last {
            out.push_str(&format!("{}\n{}", c.sep, c.pad));
        }
    }
    out
}
