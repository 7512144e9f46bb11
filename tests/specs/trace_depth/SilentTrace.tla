---- MODULE SilentTrace ----
\* A trace spec whose silent action Tick is not constrained: behaviours grow far longer than the
\* two-line log, which tla2 flags (TLA2_TRACE_DEPTH_EXCEEDS_LOG) naming Tick.
EXTENDS Naturals, Sequences
VARIABLES x, l
TraceLog == <<[event |-> "Inc"], [event |-> "Inc"]>>
Init == x = 0 /\ l = 1
IncTrace == l <= Len(TraceLog) /\ TraceLog[l].event = "Inc" /\ x' = x + 1 /\ l' = l + 1
Tick == x < 200 /\ x' = x + 10 /\ UNCHANGED l
Next == IncTrace \/ Tick
====
