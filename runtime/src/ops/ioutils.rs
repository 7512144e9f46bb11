//! Module `"IOUtils"`: `IOEnv` (the environment as a record), `atoi`, and the process runners
//! `IOExec`, `IOEnvExec`, `IOExecTemplate`, `IOEnvExecTemplate` (each returns
//! `[exitValue |-> n, stdout |-> s, stderr |-> s]`, as TLC's), and the text (`format |-> "TXT"`)
//! forms of `Serialize`/`Deserialize` (`IOSerialize`/`IODeserialize` are in [`super::serialize`]).

use std::process::Command;

use super::{builtin, one_arg_error, values, Arg, BuiltinContext, ModuleOps};
use crate::value::{EvalError, Value};

pub(crate) const OPS: ModuleOps = &[
    ("IOEnv", io_env),
    ("atoi", atoi),
    builtin!("IOExec", |cmd| run(&strings(cmd, "IOExec")?, None)),
    builtin!("IOEnvExec", |env, cmd| run(&strings(cmd, "IOEnvExec")?, Some(env))),
    builtin!("IOExecTemplate", |cmd, params| run(&template(cmd, params)?, None)),
    builtin!("IOEnvExecTemplate", |env, cmd, params| run(&template(cmd, params)?, Some(env))),
    builtin!("Serialize", |payload, dest, options| serialize_text(payload, dest, options)),
    builtin!("Deserialize", |src, options| deserialize_text(src, options)),
];

fn io_env(args: &[Arg<'_>], ctx: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    values::<0>(args, "IOEnv")?;
    Ok(Value::record(ctx.env_vars().into_iter().map(|(k, v)| (k, Value::str(&v)))))
}

/// `atoi(s)`: the integer that the decimal string `s` denotes, as Java's `Integer.parseInt`.
fn atoi(args: &[Arg<'_>], _: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [s] = values(args, "atoi")?;
    match s {
        Value::Str(text) => text.parse::<i64>().map(Value::Int).map_err(|_| one_arg_error("atoi", "a string", s)),
        _ => Err(one_arg_error("atoi", "a string", s)),
    }
}

/// The elements of a sequence of strings (a command line).
fn strings(v: &Value, op: &str) -> Result<Vec<String>, EvalError> {
    let elems = v.as_seq().map_err(|_| one_arg_error(op, "a sequence", v))?;
    elems.iter().map(|e| e.as_str().map(str::to_string).map_err(|_| one_arg_error(op, "a sequence", v))).collect()
}

/// Each element of the command template formatted with the parameters, as `String.format`.
fn template(cmd: &Value, params: &Value) -> Result<Vec<String>, EvalError> {
    let params = strings(params, "IOExecTemplate")?;
    strings(cmd, "IOExecTemplate")?.iter().map(|t| super::csv::java_format(t, &params)).collect()
}

fn run(command: &[String], env: Option<&Value>) -> Result<Value, EvalError> {
    let Some((program, rest)) = command.split_first() else {
        return Err(EvalError::other("IOExec was given an empty command."));
    };
    let mut cmd = Command::new(program);
    cmd.args(rest);
    if let Some(env) = env {
        for (k, v) in env.as_record()? {
            let text = match v {
                Value::Str(s) => s.to_string(),
                other => other.to_string(),
            };
            cmd.env(&**k, text);
        }
    }
    let out = cmd.output().map_err(|e| EvalError::other(format!("Failed to run {program}: {e}")))?;
    Ok(Value::record([
        ("exitValue", Value::Int(out.status.code().unwrap_or(-1) as i64)),
        ("stdout", Value::str(&String::from_utf8_lossy(&out.stdout))),
        ("stderr", Value::str(&String::from_utf8_lossy(&out.stderr))),
    ]))
}

fn exec_result(code: i64, stdout: &str, stderr: &str) -> Value {
    Value::record([("exitValue", Value::Int(code)), ("stdout", Value::str(stdout)), ("stderr", Value::str(stderr))])
}

fn require_txt(options: &Value) -> Result<(), EvalError> {
    match options.field("format")?.as_str()? {
        "TXT" => Ok(()),
        other => Err(EvalError::new(
            crate::value::EvalErrorKind::Unsupported,
            format!("Serialize/Deserialize support only the TXT format, not {other}."),
        )),
    }
}

/// `Serialize(payload, dest, [format |-> "TXT", charset, openOptions])`: writes the string.
fn serialize_text(payload: &Value, dest: &Value, options: &Value) -> Result<Value, EvalError> {
    require_txt(options)?;
    let text = payload.as_str()?;
    let open: Vec<String> = strings(&options.field("openOptions")?, "Serialize")?;
    let mut file = std::fs::OpenOptions::new();
    file.write(true);
    for o in &open {
        match o.as_str() {
            "APPEND" => drop(file.append(true)),
            "CREATE" => drop(file.create(true)),
            "CREATE_NEW" => drop(file.create_new(true)),
            "TRUNCATE_EXISTING" => drop(file.truncate(true)),
            _ => {}
        }
    }
    let result = file.open(dest.as_str()?).and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()));
    Ok(match result {
        Ok(()) => exec_result(0, "Finish writing to the file with success!", ""),
        Err(e) => exec_result(1, "", &format!("Serialize error writing to the file: {e}")),
    })
}

/// `Deserialize(src, [format |-> "TXT", charset])`: the file's text as `stdout`.
fn deserialize_text(src: &Value, options: &Value) -> Result<Value, EvalError> {
    require_txt(options)?;
    Ok(match std::fs::read_to_string(src.as_str()?) {
        Ok(text) => exec_result(0, &text, ""),
        Err(e) => exec_result(1, "", &format!("Deserialize error reading from the file: {e}")),
    })
}
