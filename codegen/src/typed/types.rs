//! Types of typed mode and what each means in the generated Rust: its storage type, and the
//! conversions to and from the `Value` the interpreter holds (with the same fingerprint).

use proc_macro2::TokenStream;
use quote::quote;

/// Which literals an enumeration holds: strings or (untyped) model values. Each kind has one
/// universe for the whole spec: every literal of that kind in the program, sorted by bytes
/// (the runtime's order within a kind), so index order is the canonical order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EnumKind {
    Str,
    ModelValue,
}

impl EnumKind {
    /// The generated static with the names of the universe.
    pub fn table(self) -> TokenStream {
        match self {
            EnumKind::Str => quote! { STRS },
            EnumKind::ModelValue => quote! { MVS },
        }
    }
    fn ctor(self) -> TokenStream {
        match self {
            EnumKind::Str => quote! { Value::Str },
            EnumKind::ModelValue => quote! { Value::ModelValue },
        }
    }
    /// The fingerprint tag of one element.
    fn tag(self) -> u64 {
        match self {
            EnumKind::Str => 3,
            EnumKind::ModelValue => 4,
        }
    }
}

/// The domain of a typed function.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Dom {
    /// `lo..lo+len-1`
    Range { lo: i64, len: usize },
    /// These elements of a universe, ascending (canonical order).
    Enum { kind: EnumKind, elems: Vec<u16> },
}

impl Dom {
    pub fn len(&self) -> usize {
        match self {
            Dom::Range { len, .. } => *len,
            Dom::Enum { elems, .. } => elems.len(),
        }
    }
    /// The key at position `i` (a `usize` expression) as a `Value`.
    fn key_value(&self, i: &TokenStream) -> TokenStream {
        match self {
            Dom::Range { lo, .. } => quote! { Value::Int(#lo + (#i) as i64) },
            Dom::Enum { kind, elems } => {
                let (t, c) = (kind.table(), kind.ctor());
                quote! { { const E: &[u16] = &[#(#elems),*]; #c(std::sync::Arc::from(#t[E[#i] as usize])) } }
            }
        }
    }
}

/// A type of typed mode. A value of a type always has a Rust representation that round-trips
/// with exactly one canonical `Value`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ty {
    Bool,
    /// `i64`; arithmetic is checked (an overflow is the runtime's error).
    Int,
    /// An element of a universe: its index, `u16`.
    Enum(EnumKind),
    /// A subset of a universe of at most 64 elements: a `u64` bitset.
    EnumSet(EnumKind),
    /// `{}` before its kind is known (a `u64` bitset, always 0): it unifies with any
    /// `EnumSet` ([`Ty::unify`]); a variable's type never keeps it.
    EmptySet,
    /// A function with a known non-empty domain: `[T; len]` in domain order.
    Fun {
        dom: Dom,
        cod: Box<Ty>,
    },
    /// An integer interval `lo..hi` (bounds known at run time): `(i64, i64)`. Only a domain of
    /// quantifiers and `\in`; never stored in a state.
    IntSet,
    /// A set of at most `n` integers or booleans written as `{a, b, …}` (`BOOLEAN` too):
    /// `([T; n], len)`, its first `len` elements sorted and distinct. Like `IntSet`, only a
    /// domain.
    LitSet {
        elem: Box<Ty>,
        n: usize,
    },
}

impl Ty {
    /// The Rust type of a value.
    pub fn rust(&self) -> TokenStream {
        match self {
            Ty::Bool => quote! { bool },
            Ty::Int => quote! { i64 },
            Ty::Enum(_) => quote! { u16 },
            Ty::EnumSet(_) | Ty::EmptySet => quote! { u64 },
            Ty::Fun { dom, cod } => {
                let c = cod.rust();
                let len = dom.len();
                quote! { [#c; #len] }
            }
            Ty::IntSet => quote! { (i64, i64) },
            Ty::LitSet { elem, n } => {
                let e = elem.rust();
                quote! { ([#e; #n], usize) }
            }
        }
    }

    /// The element type of a set a quantifier or `x \in S` can range over.
    pub fn elem_of_set(&self) -> Option<Ty> {
        match self {
            Ty::IntSet => Some(Ty::Int),
            Ty::EnumSet(k) => Some(Ty::Enum(*k)),
            Ty::LitSet { elem, .. } => Some((**elem).clone()),
            _ => None,
        }
    }

    /// Whether a state variable may have this type.
    pub fn storable(&self) -> bool {
        match self {
            Ty::Bool | Ty::Int | Ty::Enum(_) | Ty::EnumSet(_) => true,
            Ty::Fun { cod, .. } => cod.storable(),
            Ty::IntSet | Ty::EmptySet | Ty::LitSet { .. } => false,
        }
    }

    /// The type of a value that may be of type `a` or `b` (IF branches, both sides of `=`…),
    /// if they are compatible: equal, or `{}` with a set of literals.
    pub fn unify(a: &Ty, b: &Ty) -> Option<Ty> {
        match (a, b) {
            (Ty::IntSet, _) | (_, Ty::IntSet) | (Ty::LitSet { .. }, _) | (_, Ty::LitSet { .. }) => None,
            _ if a == b => Some(a.clone()),
            (Ty::EmptySet, Ty::EnumSet(_)) => Some(b.clone()),
            (Ty::EnumSet(_), Ty::EmptySet) => Some(a.clone()),
            (Ty::Fun { dom: d1, cod: c1 }, Ty::Fun { dom: d2, cod: c2 }) if d1 == d2 => {
                Some(Ty::Fun { dom: d1.clone(), cod: Box::new(Ty::unify(c1, c2)?) })
            }
            _ => None,
        }
    }

    /// Whether the type still has a `{}` of unknown kind in it.
    pub fn has_empty(&self) -> bool {
        match self {
            Ty::EmptySet => true,
            Ty::Fun { cod, .. } => cod.has_empty(),
            _ => false,
        }
    }

    /// This type with every `{}` of unknown kind made a set of `kind`.
    pub fn resolve_empty(&self, kind: EnumKind) -> Ty {
        match self {
            Ty::EmptySet => Ty::EnumSet(kind),
            Ty::Fun { dom, cod } => Ty::Fun { dom: dom.clone(), cod: Box::new(cod.resolve_empty(kind)) },
            t => t.clone(),
        }
    }

    /// A placeholder value (arrays are built in place).
    pub fn zero(&self) -> TokenStream {
        match self {
            Ty::Bool => quote! { false },
            Ty::Int => quote! { 0i64 },
            Ty::Enum(_) => quote! { 0u16 },
            Ty::EnumSet(_) | Ty::EmptySet => quote! { 0u64 },
            Ty::Fun { dom, cod } => {
                let z = cod.zero();
                let len = dom.len();
                quote! { [#z; #len] }
            }
            Ty::IntSet => quote! { (1i64, 0i64) },
            Ty::LitSet { elem, n } => {
                let z = elem.zero();
                quote! { ([#z; #n], 0usize) }
            }
        }
    }

    /// An expression of type `Value` for the Rust value `v` (an expression of this type), the
    /// canonical value the interpreter holds (a function over `1..n` is a tuple, over strings
    /// a record).
    pub fn to_value(&self, v: &TokenStream) -> TokenStream {
        match self {
            Ty::Bool => quote! { Value::Bool(#v) },
            Ty::Int => quote! { Value::Int(#v) },
            Ty::Enum(k) => {
                let (t, c) = (k.table(), k.ctor());
                quote! { #c(std::sync::Arc::from(#t[(#v) as usize])) }
            }
            Ty::EnumSet(k) => {
                let (t, c) = (k.table(), k.ctor());
                quote! { {
                    let b: u64 = #v;
                    Value::set_from_sorted((0..64u32).filter(|i| b >> i & 1 == 1).map(|i| #c(std::sync::Arc::from(#t[i as usize]))).collect())
                } }
            }
            Ty::Fun { dom, cod } => {
                let inner = cod.to_value(&quote! { *x });
                let key = dom.key_value(&quote! { i });
                quote! { Value::fun_from_sorted((#v).iter().enumerate().map(|(i, x)| (#key, #inner)).collect()) }
            }
            Ty::IntSet => quote! { { let (a, b) = #v; Value::interval(a, b) } },
            Ty::EmptySet => quote! { Value::set_from_sorted(Vec::new()) },
            Ty::LitSet { elem, .. } => {
                let inner = elem.to_value(&quote! { *x });
                quote! { { let (a, n) = #v; Value::set_from_sorted(a[..n].iter().map(|x| #inner).collect()) } }
            }
        }
    }

    /// An expression of type `Option<T>` converting the `&Value` expression `v`; `None` if the
    /// value does not have this type.
    pub fn from_value(&self, v: &TokenStream) -> TokenStream {
        match self {
            Ty::Bool => quote! { match #v { Value::Bool(b) => Some(*b), _ => None } },
            Ty::Int => quote! { match #v { Value::Int(i) => Some(*i), _ => None } },
            Ty::Enum(k) => {
                let (t, c) = (k.table(), k.ctor());
                quote! { match #v { #c(s) => #t.iter().position(|x| *x == &**s).map(|i| i as u16), _ => None } }
            }
            Ty::EnumSet(k) => {
                let (t, c) = (k.table(), k.ctor());
                quote! { match #v {
                    Value::Set(xs) => {
                        let mut b = 0u64;
                        let mut ok = true;
                        for x in xs.iter() {
                            match x { #c(s) => match #t.iter().position(|y| *y == &**s) { Some(i) if i < 64 => b |= 1u64 << i, _ => ok = false }, _ => ok = false }
                        }
                        if ok { Some(b) } else { None }
                    }
                    _ => None,
                } }
            }
            Ty::Fun { dom, cod } => {
                let inner = cod.from_value(&quote! { x });
                let len = dom.len();
                let key = dom.key_value(&quote! { i });
                quote! { {
                    let v: &Value = #v;
                    let n = match v {
                        Value::Tuple(xs) => Some(xs.len()),
                        Value::Record(fs) => Some(fs.len()),
                        Value::Fun(f) => Some(f.keys.len()),
                        _ => None,
                    };
                    if n != Some(#len) { None } else {
                        let mut out = Vec::with_capacity(#len);
                        let mut good = true;
                        for i in 0..#len {
                            match v.apply(&#key).ok() {
                                Some(x) => match (|x: &Value| #inner)(&x) {
                                    Some(y) => out.push(y),
                                    None => { good = false; break; }
                                },
                                None => { good = false; break; }
                            }
                        }
                        if good { out.try_into().ok() } else { None }
                    }
                } }
            }
            Ty::IntSet | Ty::EmptySet | Ty::LitSet { .. } => quote! { None },
        }
    }

    /// Statements streaming the canonical encoding of `v` into the fingerprint `fp` (the same
    /// words `Value::fingerprint_into` writes for the value's `Value`).
    pub fn fingerprint(&self, v: &TokenStream) -> TokenStream {
        match self {
            Ty::Bool => quote! { fp.write_u64(1); fp.write_u64((#v) as u64); },
            Ty::Int => quote! { fp.write_u64(2); fp.write_u64((#v) as u64); },
            Ty::Enum(k) => {
                let (t, tag) = (k.table(), k.tag());
                quote! { { let s: &str = #t[(#v) as usize]; fp.write_u64(#tag); fp.write_u64(s.len() as u64); fp.write_bytes(s.as_bytes()); } }
            }
            Ty::EnumSet(k) => {
                let (t, tag) = (k.table(), k.tag());
                quote! { {
                    let mut b: u64 = #v;
                    fp.write_u64(5); fp.write_u64(b.count_ones() as u64);
                    while b != 0 {
                        let i = b.trailing_zeros() as usize;
                        b &= b - 1;
                        let s: &str = #t[i];
                        fp.write_u64(#tag); fp.write_u64(s.len() as u64); fp.write_bytes(s.as_bytes());
                    }
                } }
            }
            Ty::Fun { dom, cod } => {
                let len64 = dom.len() as u64;
                let inner = cod.fingerprint(&quote! { *x });
                match dom {
                    Dom::Range { lo: 1, .. } => {
                        quote! { { fp.write_u64(9); fp.write_u64(#len64); for x in (#v).iter() { #inner } } }
                    }
                    Dom::Range { lo, .. } => quote! { {
                        fp.write_u64(6); fp.write_u64(#len64);
                        for (i, x) in (#v).iter().enumerate() { fp.write_u64(2); fp.write_u64((#lo + i as i64) as u64); #inner }
                    } },
                    Dom::Enum { kind: EnumKind::Str, elems } => quote! { {
                        fp.write_u64(10); fp.write_u64(#len64);
                        const E: &[u16] = &[#(#elems),*];
                        for (i, x) in (#v).iter().enumerate() {
                            let s: &str = STRS[E[i] as usize];
                            fp.write_u64(s.len() as u64); fp.write_bytes(s.as_bytes());
                            #inner
                        }
                    } },
                    Dom::Enum { kind: EnumKind::ModelValue, elems } => quote! { {
                        fp.write_u64(6); fp.write_u64(#len64);
                        const E: &[u16] = &[#(#elems),*];
                        for (i, x) in (#v).iter().enumerate() {
                            let s: &str = MVS[E[i] as usize];
                            fp.write_u64(4); fp.write_u64(s.len() as u64); fp.write_bytes(s.as_bytes());
                            #inner
                        }
                    } },
                }
            }
            Ty::IntSet | Ty::EmptySet | Ty::LitSet { .. } => quote! { fp.write_u64(5); fp.write_u64(0); },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn storage_types() {
        let f = Ty::Fun { dom: Dom::Range { lo: 1, len: 3 }, cod: Box::new(Ty::Int) };
        assert_eq!(f.rust().to_string(), "[i64 ; 3usize]");
        assert!(f.storable());
        assert!(!Ty::IntSet.storable());
        assert_eq!(Ty::EnumSet(EnumKind::Str).rust().to_string(), "u64");
    }
}
