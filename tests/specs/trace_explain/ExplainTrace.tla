---------------------------- MODULE ExplainTrace ----------------------------
\* Trace validation of ExplainBase against one of three logs (environment variable LOG = 1..3),
\* each diverging differently: a conjunct two definitions deep, a primed operand, an action
\* split over a constant \E.
EXTENDS ExplainBase, IOUtils, Sequences, TLC

VARIABLE l

Logs == <<
    << [event |-> "Inc", p |-> "a", x |-> 1], [event |-> "Step", p |-> "b", n |-> 1, y |-> 1] >>,
    << [event |-> "Inc", p |-> "a", x |-> 5] >>,
    << [event |-> "Inc", p |-> "a", x |-> 1], [event |-> "Reset", p |-> "c"] >> >>

TraceLog == Logs[IF "LOG" \in DOMAIN IOEnv THEN atoi(IOEnv.LOG) ELSE 1]

logline == TraceLog[l]

IsEvent(e) == l <= Len(TraceLog) /\ logline.event = e

IncTrace == IsEvent("Inc") /\ Inc(logline.p) /\ x'[logline.p] = logline.x /\ l' = l + 1
StepTrace == IsEvent("Step") /\ Step(logline.p, logline.n) /\ y' = logline.y /\ l' = l + 1
ResetTrace(q) == IsEvent("Reset") /\ logline.p = q /\ x' = [x EXCEPT ![q] = 0] /\ UNCHANGED y /\ l' = l + 1

TraceInit == Init /\ l = 1
TraceNext == IncTrace \/ StepTrace \/ \E q \in Procs : ResetTrace(q)
vars == <<x, y, l>>
TraceSpec == TraceInit /\ [][TraceNext]_vars /\ WF_vars(TraceNext)

TraceMatched == <>(l > Len(TraceLog))
=============================================================================
