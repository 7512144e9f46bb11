//! Module `"CSV"`: `CSVWrite` (append one line formatted as Java's `String.format` with every
//! argument printed as a value), `CSVWriteRecord`, `CSVRead`, `CSVRecords`.

use std::io::Write;

use super::{builtin, ModuleOps};
use crate::value::{EvalError, Value};

pub(crate) const OPS: ModuleOps = &[
    builtin!("CSVWrite", |template, params, path| csv_write(template, params, path)),
    builtin!("CSVWriteRecord", |record, delim, headers, path| csv_write_record(record, delim, headers, path)),
    builtin!("CSVRead", |columns, delim, path| csv_read(columns, delim, path)),
    builtin!("CSVRecords", |path| csv_records(path)),
];

/// Java's `String.format` restricted to what templates of strings can use: `%s`, `%1$s`, `%n`
/// and `%%`.
pub fn java_format(template: &str, args: &[String]) -> Result<String, EvalError> {
    let mut out = String::with_capacity(template.len());
    let mut chars = template.chars().peekable();
    let mut next_arg = 0;
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut spec = String::new();
        while let Some(&d) = chars.peek() {
            chars.next();
            spec.push(d);
            if d.is_ascii_alphabetic() || d == '%' {
                break;
            }
        }
        let index = match spec.as_str() {
            "%" => {
                out.push('%');
                continue;
            }
            "n" => {
                out.push('\n');
                continue;
            }
            "s" => {
                next_arg += 1;
                next_arg - 1
            }
            _ => match spec.strip_suffix("$s").and_then(|n| n.parse::<usize>().ok()) {
                Some(n) if n >= 1 => n - 1,
                _ => {
                    return Err(EvalError::type_mismatch(format!(
                        "CSVWrite cannot apply the format %{spec} to a value."
                    )))
                }
            },
        };
        let arg = args.get(index).ok_or_else(|| {
            EvalError::other(format!("CSVWrite's template {template:?} refers to a missing argument."))
        })?;
        out.push_str(arg);
    }
    Ok(out)
}

fn csv_write(template: &Value, params: &Value, path: &Value) -> Result<Value, EvalError> {
    let args: Vec<String> = params.as_seq()?.iter().map(|v| v.to_string()).collect();
    let line = java_format(template.as_str()?, &args)?;
    let p = path.as_str()?;
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(p)
        .map_err(|e| EvalError::other(format!("Failed to open the file {p}: {e}")))?;
    writeln!(file, "{line}").map_err(|e| EvalError::other(format!("Failed to write the file {p}: {e}")))?;
    Ok(Value::Bool(true))
}

/// As TLC's `CSV.writeRecord`: appends, if `headers`, the record's field names joined by
/// `delim`, then its values printed as TLC prints them, each line ended by a newline. Fields are
/// in alphabetical order; TLC orders them by when their names were first interned (usually their
/// first appearance in the spec), which tla2 does not track.
fn csv_write_record(record: &Value, delim: &Value, headers: &Value, path: &Value) -> Result<Value, EvalError> {
    let fields = match record {
        Value::Record(_) => record.as_record()?,
        _ => {
            return Err(EvalError::type_mismatch(format!(
                "The first argument of CSVWriteRecord should be a record, but instead it is: {record}"
            )))
        }
    };
    let delim = delim.as_str()?;
    let mut text = String::new();
    if headers.as_bool()? {
        let names: Vec<&str> = fields.iter().map(|(k, _)| &**k).collect();
        text.push_str(&names.join(delim));
        text.push('\n');
    }
    let values: Vec<String> = fields.iter().map(|(_, v)| v.to_string()).collect();
    text.push_str(&values.join(delim));
    text.push('\n');
    let p = path.as_str()?;
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(p)
        .map_err(|e| EvalError::other(format!("Failed to open the file {p}: {e}")))?;
    file.write_all(text.as_bytes()).map_err(|e| EvalError::other(format!("Failed to write the file {p}: {e}")))?;
    Ok(Value::Bool(true))
}

fn csv_read(columns: &Value, delim: &Value, path: &Value) -> Result<Value, EvalError> {
    let names: Vec<&str> = columns.as_seq()?.iter().map(Value::as_str).collect::<Result<_, _>>()?;
    let p = path.as_str()?;
    let Ok(text) = std::fs::read_to_string(p) else { return Ok(Value::empty_tuple()) };
    let delim = delim.as_str()?;
    let records = text
        .lines()
        .map(|line| Value::record(names.iter().zip(line.split(delim)).map(|(n, f)| (*n, Value::str(f)))))
        .collect();
    Ok(Value::tuple(records))
}

fn csv_records(path: &Value) -> Result<Value, EvalError> {
    let p = path.as_str()?;
    Ok(Value::Int(std::fs::read_to_string(p).map_or(0, |t| t.lines().count() as i64)))
}
