//! Types of typed mode and what each means in the generated Rust: its storage type, and the
//! conversions to and from the `Value` the interpreter holds (with the same fingerprint).

use proc_macro2::TokenStream;
use quote::quote;

/// A type of typed mode. A value of a type always has a Rust representation that round-trips
/// with exactly one canonical `Value`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ty {
    Bool,
    /// `i64`; arithmetic is checked (an overflow is the runtime's error).
    Int,
    /// A function with domain `lo..lo+len-1` (`len ≥ 1`): `[T; len]`.
    Fun { lo: i64, len: usize, cod: Box<Ty> },
    /// An integer interval `lo..hi` (bounds known at run time): `(i64, i64)`. Only a domain of
    /// quantifiers and `\in`; never stored in a state.
    IntSet,
}

impl Ty {
    /// The Rust type of a value.
    pub fn rust(&self) -> TokenStream {
        match self {
            Ty::Bool => quote! { bool },
            Ty::Int => quote! { i64 },
            Ty::Fun { len, cod, .. } => {
                let c = cod.rust();
                quote! { [#c; #len] }
            }
            Ty::IntSet => quote! { (i64, i64) },
        }
    }

    /// Whether a state variable may have this type.
    pub fn storable(&self) -> bool {
        match self {
            Ty::Bool | Ty::Int => true,
            Ty::Fun { cod, .. } => cod.storable(),
            Ty::IntSet => false,
        }
    }

    /// A placeholder value (arrays are built in place).
    pub fn zero(&self) -> TokenStream {
        match self {
            Ty::Bool => quote! { false },
            Ty::Int => quote! { 0i64 },
            Ty::Fun { len, cod, .. } => {
                let z = cod.zero();
                quote! { [#z; #len] }
            }
            Ty::IntSet => quote! { (1i64, 0i64) },
        }
    }

    /// An expression of type `Value` for the Rust value `v` (an expression of this type), the
    /// canonical value the interpreter holds (a function over `1..n` is a tuple).
    pub fn to_value(&self, v: &TokenStream) -> TokenStream {
        match self {
            Ty::Bool => quote! { Value::Bool(#v) },
            Ty::Int => quote! { Value::Int(#v) },
            Ty::Fun { lo, cod, .. } => {
                let inner = cod.to_value(&quote! { *x });
                if *lo == 1 {
                    quote! { Value::tuple((#v).iter().map(|x| #inner).collect()) }
                } else {
                    quote! { Value::fun_from_sorted((#v).iter().enumerate().map(|(i, x)| (Value::Int(#lo + i as i64), #inner)).collect()) }
                }
            }
            Ty::IntSet => quote! { { let (a, b) = #v; Value::interval(a, b) } },
        }
    }

    /// An expression of type `Option<T>` converting the `&Value` expression `v`; `None` if the
    /// value does not have this type.
    pub fn from_value(&self, v: &TokenStream) -> TokenStream {
        match self {
            Ty::Bool => quote! { match #v { Value::Bool(b) => Some(*b), _ => None } },
            Ty::Int => quote! { match #v { Value::Int(i) => Some(*i), _ => None } },
            Ty::Fun { lo, len, cod } => {
                let inner = cod.from_value(&quote! { x });
                let hi = lo + *len as i64 - 1;
                quote! { {
                    let v: &Value = #v;
                    let ok = match v {
                        Value::Tuple(xs) => #lo == 1 && xs.len() == #len,
                        Value::Fun(f) => f.keys.len() == #len && f.keys.iter().zip(#lo..=#hi).all(|(k, i)| matches!(k, Value::Int(j) if *j == i)),
                        _ => false,
                    };
                    if !ok { None } else {
                        let mut out = Vec::with_capacity(#len);
                        let mut good = true;
                        for i in #lo..=#hi {
                            match v.apply(&Value::Int(i)).ok() {
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
            Ty::IntSet => quote! { None },
        }
    }

    /// Statements streaming the canonical encoding of `v` into the fingerprint `fp` (the same
    /// words `Value::fingerprint_into` writes for the value's `Value`).
    pub fn fingerprint(&self, v: &TokenStream) -> TokenStream {
        match self {
            Ty::Bool => quote! { fp.write_u64(1); fp.write_u64((#v) as u64); },
            Ty::Int => quote! { fp.write_u64(2); fp.write_u64((#v) as u64); },
            Ty::Fun { lo, len, cod } => {
                let len64 = *len as u64;
                let inner = cod.fingerprint(&quote! { *x });
                if *lo == 1 {
                    quote! { fp.write_u64(9); fp.write_u64(#len64); for x in (#v).iter() { #inner } }
                } else {
                    quote! {
                        fp.write_u64(6); fp.write_u64(#len64);
                        for (i, x) in (#v).iter().enumerate() { fp.write_u64(2); fp.write_u64((#lo + i as i64) as u64); #inner }
                    }
                }
            }
            Ty::IntSet => quote! {},
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn storage_types() {
        let f = Ty::Fun { lo: 1, len: 3, cod: Box::new(Ty::Int) };
        assert_eq!(f.rust().to_string(), "[i64 ; 3usize]");
        assert!(f.storable());
        assert!(!Ty::IntSet.storable());
    }
}
