---- MODULE TraceVacuous ----
\* Trace validation: the third line of trace.ndjson does not match, yet nothing in
\* TraceVacuous.cfg requires the whole trace to be consumed.
EXTENDS Naturals, Sequences, Json, TLC
VARIABLES l, x
Trace == ndJsonDeserialize("trace.ndjson")
Init == l = 1 /\ x = 0
Next == /\ l <= Len(Trace)
        /\ x' = x + 1
        /\ x' = Trace[l].x
        /\ l' = l + 1
TypeOK == l \in 1..(Len(Trace) + 1)
TraceConsumed == TLCGet("stats").diameter = Len(Trace) + 1
====
