---- MODULE Kinds ----
\* Every kind of value in one state, and an invariant that the second state violates: the JSON
\* output must encode int, bool, string, set, seq, record, function, tuple and model value.
EXTENDS Naturals, Sequences, TLC
CONSTANTS Procs, Limit
VARIABLES i, b, s, set, seq, rec, fun, tup, mv

vars == <<i, b, s, set, seq, rec, fun, tup, mv>>

Init == /\ i = 0
        /\ b = FALSE
        /\ s = "idle"
        /\ set = {1, 2}
        /\ seq = <<1, 2>>
        /\ rec = [a |-> 1, b |-> "x"]
        /\ fun = [p \in Procs |-> 0]
        /\ tup = <<1, "a", TRUE>>
        /\ mv = CHOOSE p \in Procs : TRUE
        /\ PrintT("Init evaluated")

Step == /\ i < Limit
        /\ i' = i + 1
        /\ b' = ~b
        /\ s' = "busy"
        /\ set' = set \cup {i + 3}
        /\ seq' = Append(seq, i)
        /\ rec' = [rec EXCEPT !.a = @ + 1]
        /\ fun' = [p \in Procs |-> i + 1]
        /\ UNCHANGED <<tup, mv>>

Next == Step \/ (i = Limit /\ UNCHANGED vars)

SmallI == i < 1
====
