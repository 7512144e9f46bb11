---- MODULE Window ----
\* Typed mode: a cursor moves over a function with domain 0..4 and reads past its end
\* (function applied outside its domain: an evaluation error).
EXTENDS Naturals
VARIABLES pos, seen
Data == [i \in 0..4 |-> i * 10]
Init == pos = 0 /\ seen = [i \in 0..4 |-> FALSE]
Next == /\ Data[pos] >= 0
        /\ seen' = [seen EXCEPT ![pos] = TRUE]
        /\ pos' = pos + 1
====
