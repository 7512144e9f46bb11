---- MODULE CounterTrace ----
\* A trace spec without a property or postcondition: TLC reports success although the log's
\* third line ("Inc" to 5) cannot be matched; tla2 warns that the trace was not consumed.
EXTENDS Naturals, Sequences, Json, IOUtils
VARIABLES x, l
TraceLog == ndJsonDeserialize(IF "JSON" \in DOMAIN IOEnv THEN IOEnv.JSON ELSE "trace_short/short.ndjson")
logline == TraceLog[l]
Inc == x' = x + 1
Reset == x' = 0
IncTrace == l <= Len(TraceLog) /\ logline.event = "Inc" /\ Inc /\ x' = logline.x /\ l' = l + 1
ResetTrace == l <= Len(TraceLog) /\ logline.event = "Reset" /\ Reset /\ l' = l + 1
Init == x = 0 /\ l = 1
Next == IncTrace \/ ResetTrace
====
