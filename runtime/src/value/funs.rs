//! Functions, tuples and records: application, `DOMAIN`, field access and `EXCEPT`.

use std::sync::Arc;

use super::{EvalError, FunValue, LazyFunction, Value};

/// The (argument, image) pairs of a lazy function whose domain can be enumerated.
pub(crate) fn materialize(f: &dyn LazyFunction) -> Result<Vec<(Value, Value)>, EvalError> {
    let dom = f.domain().enumerate()?;
    dom.iter().map(|k| Ok((k.clone(), f.apply(k)?))).collect()
}

fn not_in_domain(f: &Value, arg: &Value) -> EvalError {
    EvalError::not_in_domain(format!(
        "Attempted to apply function:\n{f}\nto argument {arg}, which is not in the domain of the function."
    ))
}

fn not_a_function(v: &Value, arg: &Value) -> EvalError {
    EvalError::type_mismatch(format!("A non-function ({v}) was applied as a function to argument {arg}."))
}

fn find_field(fields: &[(Arc<str>, Value)], name: &str) -> Option<usize> {
    fields.binary_search_by(|(k, _)| (**k).cmp(name)).ok()
}

impl Value {
    /// `self[arg]`.
    pub fn apply(&self, arg: &Value) -> Result<Value, EvalError> {
        match self {
            Value::Tuple(elems) => match arg {
                Value::Int(i) if *i >= 1 && (*i as u64) <= elems.len() as u64 => Ok(elems[*i as usize - 1].clone()),
                Value::Int(i) => Err(EvalError::not_in_domain(format!(
                    "Attempted to access index {i} of tuple\n{self}\nwhich is out of bounds."
                ))),
                _ => Err(EvalError::type_mismatch(format!("Attempted to access tuple at a non integral index: {arg}"))),
            },
            Value::Record(_) => match arg {
                Value::Str(name) => self.field(name),
                _ => {
                    Err(EvalError::type_mismatch(format!("Attempted to access record by a non-string argument: {arg}")))
                }
            },
            Value::Fun(f) => match f.keys.binary_search(arg) {
                Ok(i) => Ok(f.vals[i].clone()),
                Err(_) => Err(not_in_domain(self, arg)),
            },
            Value::LazyFun(f) => f.apply(arg),
            _ => Err(not_a_function(self, arg)),
        }
    }

    /// `DOMAIN self`.
    pub fn domain(&self) -> Result<Value, EvalError> {
        match self {
            Value::Tuple(elems) => Ok(Value::interval(1, elems.len() as i64)),
            Value::Record(fields) => {
                Ok(Value::set_from_sorted(fields.iter().map(|(k, _)| Value::Str(k.clone())).collect()))
            }
            Value::Fun(f) => Ok(Value::set_from_sorted(f.keys.clone())),
            Value::LazyFun(f) => Ok(f.domain()),
            _ => Err(EvalError::type_mismatch(format!("Attempted to compute the domain of the non-function\n{self}"))),
        }
    }

    /// `self.name`.
    pub fn field(&self, name: &str) -> Result<Value, EvalError> {
        match self {
            Value::Record(fields) => match find_field(fields, name) {
                Some(i) => Ok(fields[i].1.clone()),
                None => Err(EvalError::not_in_domain(format!(
                    "Attempted to access nonexistent field '{name}' of record\n{self}"
                ))),
            },
            Value::LazyFun(_) | Value::Fun(_) => self.apply(&Value::str(name)),
            _ => Err(EvalError::type_mismatch(format!(
                "Attempted to access field '{name}' of the non-record value\n{self}"
            ))),
        }
    }

    /// `self[p1][p2]…`: the value that `@` stands for in `[self EXCEPT ![p1][p2] = …]`.
    pub fn get_path(&self, path: &[Value]) -> Result<Value, EvalError> {
        let mut cur = self.clone();
        for p in path {
            cur = cur.apply(p)?;
        }
        Ok(cur)
    }

    /// `[self EXCEPT ![p1][p2]… = new]`. As in TLC, an argument outside the domain leaves the
    /// function unchanged. Record fields are given as strings.
    pub fn except(&self, path: &[Value], new: Value) -> Result<Value, EvalError> {
        let Some((first, rest)) = path.split_first() else { return Ok(new) };
        match self {
            Value::Tuple(elems) => match first {
                Value::Int(i) if *i >= 1 && (*i as u64) <= elems.len() as u64 => {
                    let k = *i as usize - 1;
                    let updated = elems[k].except(rest, new)?;
                    // Collecting a slice iterator allocates the new tuple once, in place.
                    let v = elems.iter().enumerate().map(|(j, e)| if j == k { updated.clone() } else { e.clone() });
                    Ok(Value::Tuple(v.collect()))
                }
                _ => Ok(self.clone()),
            },
            Value::Record(fields) => match first {
                Value::Str(s) => match find_field(fields, s) {
                    Some(k) => {
                        let updated = fields[k].1.except(rest, new)?;
                        let v = fields
                            .iter()
                            .enumerate()
                            .map(|(j, (name, e))| (name.clone(), if j == k { updated.clone() } else { e.clone() }));
                        Ok(Value::Record(v.collect()))
                    }
                    None => Ok(self.clone()),
                },
                _ => Ok(self.clone()),
            },
            Value::Fun(f) => match f.keys.binary_search(first) {
                Ok(k) => {
                    let mut vals = f.vals.clone();
                    vals[k] = vals[k].except(rest, new)?;
                    Ok(Value::Fun(Arc::new(FunValue { keys: f.keys.clone(), vals })))
                }
                Err(_) => Ok(self.clone()),
            },
            Value::LazyFun(f) => Value::fun_from_sorted(materialize(&**f)?).except(path, new),
            _ => Err(EvalError::type_mismatch(format!("Attempted to apply EXCEPT to the non-function value\n{self}"))),
        }
    }

    /// The function's (argument, image) pairs in argument order (enumerating a lazy function).
    pub fn fun_pairs(&self) -> Result<Vec<(Value, Value)>, EvalError> {
        match self {
            Value::Tuple(elems) => {
                Ok(elems.iter().enumerate().map(|(i, v)| (Value::Int(i as i64 + 1), v.clone())).collect())
            }
            Value::Record(fields) => Ok(fields.iter().map(|(k, v)| (Value::Str(k.clone()), v.clone())).collect()),
            Value::Fun(f) => Ok(f.keys.iter().cloned().zip(f.vals.iter().cloned()).collect()),
            Value::LazyFun(f) => materialize(&**f),
            _ => Err(EvalError::type_mismatch(format!(
                "Attempted to use the non-function value\n{self}\nas a function."
            ))),
        }
    }
}
