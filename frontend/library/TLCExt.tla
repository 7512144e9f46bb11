------------------------------- MODULE TLCExt -------------------------------
(***************************************************************************)
(* TLC's extended operators.  TLC implements each of them in Java, and    *)
(* their meaning depends on the checker's state (the trace, the registers, *)
(* the error being raised), so all are implemented natively.               *)
(***************************************************************************)
LOCAL INSTANCE TLC
LOCAL INSTANCE Integers

AssertEq(a, b) == BUILTIN

AssertError(err, exp) == BUILTIN

TLCGetOrDefault(key, defaultVal) == BUILTIN

TLCGetAndSet(key, Op(_, _), val, defaultVal) == BUILTIN

Trace == BUILTIN

CounterExample == BUILTIN

ToTrace(CE) == BUILTIN

TLCModelValue(str) == BUILTIN

TLCDefer(expression) == BUILTIN

TLCNoOp(val) == BUILTIN

PickSuccessor(exp) == BUILTIN

TLCCache(expression, closure) == BUILTIN

TLCFP(var) == BUILTIN

TLCEvalDefinition(definitionName) == BUILTIN

=============================================================================
