//! Per-worker scratch shared by both engines: TLCSet registers, the random source, the engine
//! snapshot that `TLCGet("level")` and friends read, and where `Print` output goes.

use std::sync::{Arc, Mutex};

use crate::model::{EngineSnapshot, SourceLocation};
use crate::ops::BuiltinContext;
use crate::report::json::PrintOutput;
use crate::value::{EvalError, Value};

/// Where `Print`/`PrintT` output goes: stdout as TLC does (the text only), or a buffer with the
/// location of each `Print` (tests, JSON reports).
#[derive(Clone, Default)]
pub enum PrintSink {
    #[default]
    Stdout,
    Buffer(Arc<Mutex<Vec<PrintOutput>>>),
}

/// Mutable state of one engine thread.
pub struct WorkerData {
    pub snapshot: EngineSnapshot,
    /// `TLCSet(i, v)` registers, indexed by `i`.
    registers: Vec<Value>,
    rng: u64,
    pub sink: PrintSink,
    /// `TLCGet("config")`: how the engine runs (mode, deadlock, workers, seed…), set by the CLI.
    pub config: Option<Value>,
    /// Set by `TLCSet("exit", TRUE)`: the engine stops the run after the current state.
    pub exit_requested: bool,
    /// The location of the `Print`/`PrintT` call being evaluated, set by the engine once its
    /// arguments are evaluated and taken by the next print.
    pub print_site: Option<SourceLocation>,
}

impl Default for WorkerData {
    fn default() -> Self {
        WorkerData::new(0, PrintSink::Stdout)
    }
}

impl WorkerData {
    pub fn new(index: usize, sink: PrintSink) -> WorkerData {
        let seed = 0x9E37_79B9_7F4A_7C15u64 ^ (index as u64).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        WorkerData {
            snapshot: EngineSnapshot { worker: index, ..Default::default() },
            registers: Vec::new(),
            rng: seed | 1,
            sink,
            config: None,
            exit_requested: false,
            print_site: None,
        }
    }

    fn stat(&self, key: &str) -> Option<Value> {
        let s = &self.snapshot;
        let v = match key {
            "level" => Value::Int(s.level as i64),
            "diameter" => Value::Int(s.diameter as i64),
            "distinct" => Value::Int(s.distinct as i64),
            "generated" => Value::Int(s.generated as i64),
            "queue" => Value::Int(s.queue as i64),
            "duration" => Value::Int(s.duration_secs as i64),
            "stats" => Value::record([
                ("diameter", Value::Int(s.diameter as i64)),
                ("distinct", Value::Int(s.distinct as i64)),
                ("generated", Value::Int(s.generated as i64)),
                ("queue", Value::Int(s.queue as i64)),
                ("duration", Value::Int(s.duration_secs as i64)),
            ]),
            "config" => return self.config.clone(),
            // TLC answers a Java system property `-Dkey` with its value, or with the key itself
            // when it is not set. tla2 always composes actions (`\cdot`), which TLC does only with
            // this property set; it has no other properties.
            "-Dtlc2.tool.impl.Tool.cdot" => Value::str("true"),
            k if k.starts_with("-D") => Value::str(k),
            _ => return None,
        };
        Some(v)
    }
}

fn register_index(key: &Value) -> Option<usize> {
    match key {
        Value::Int(i) if *i >= 0 && *i < 1 << 20 => Some(*i as usize),
        _ => None,
    }
}

impl BuiltinContext for WorkerData {
    fn print(&mut self, text: &str) {
        let location = self.print_site.take();
        match &self.sink {
            PrintSink::Stdout => {
                // A closed pipe (`| head`) must not turn a print into a panic.
                use std::io::Write;
                let _ = writeln!(std::io::stdout().lock(), "{text}");
            }
            PrintSink::Buffer(b) => {
                if let Ok(mut b) = b.lock() {
                    b.push(PrintOutput { value: text.to_string(), location });
                }
            }
        }
    }

    fn tlc_get(&mut self, key: &Value) -> Result<Value, EvalError> {
        if let Value::Str(s) = key {
            return self.stat(s).ok_or_else(|| EvalError::other(format!("TLCGet({key}) is not supported.")));
        }
        let i = register_index(key).ok_or_else(|| EvalError::other(format!("Illegal argument of TLCGet: {key}")))?;
        self.registers
            .get(i)
            .cloned()
            .ok_or_else(|| EvalError::other(format!("TLCGet({i}) was called before TLCSet({i}, …).")))
    }

    fn tlc_set(&mut self, key: &Value, value: Value) -> Result<(), EvalError> {
        if let Value::Str(k) = key {
            if &**k == "exit" {
                // TLC stops (as a success) once `TLCSet("exit", TRUE)` was evaluated.
                self.exit_requested |= value == Value::Bool(true);
                return Ok(());
            }
        }
        let i =
            register_index(key).ok_or_else(|| EvalError::other(format!("Illegal first argument of TLCSet: {key}")))?;
        if self.registers.len() <= i {
            self.registers.resize(i + 1, Value::Bool(false));
        }
        self.registers[i] = value;
        Ok(())
    }

    fn random_u64(&mut self) -> u64 {
        // xorshift64*: reproducible per worker, which is all TLC promises with a fixed seed.
        let mut x = self.rng;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.rng = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn env_var(&self, name: &str) -> Option<String> {
        std::env::var(name).ok()
    }
}

/// Lowers the snapshot's level by one while a step predicate (ACTION_CONSTRAINT, `[][A]_v`) is
/// evaluated: `TLCGet("level")` there is the level of the step's first state, as in TLC, while
/// the engine's snapshot holds the successor's. Restores the level when dropped.
pub struct StepLevel<'a>(&'a std::cell::RefCell<WorkerData>, u32);

impl<'a> StepLevel<'a> {
    pub fn enter(data: &'a std::cell::RefCell<WorkerData>) -> StepLevel<'a> {
        let mut d = data.borrow_mut();
        let level = d.snapshot.level;
        d.snapshot.level = level.saturating_sub(1);
        StepLevel(data, level)
    }
}

impl Drop for StepLevel<'_> {
    fn drop(&mut self) {
        self.0.borrow_mut().snapshot.level = self.1;
    }
}
