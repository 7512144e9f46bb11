---- MODULE TokenCounters ----
\* Benchmark: N processes with bounded counters and a circulating token (integers, functions, EXCEPT).
EXTENDS Naturals
CONSTANTS N, K
VARIABLES c, turn
vars == <<c, turn>>
Procs == 1..N

Init == c = [p \in Procs |-> 0] /\ turn = 1

Step(p) == c[p] < K - 1 /\ c' = [c EXCEPT ![p] = @ + 1] /\ UNCHANGED turn
Reset(p) == turn = p /\ c[p] = K - 1 /\ c' = [c EXCEPT ![p] = 0] /\ turn' = (turn % N) + 1
Pass == c[turn] < K - 1 /\ turn' = (turn % N) + 1 /\ UNCHANGED c

Next == \E p \in Procs : Step(p) \/ Reset(p) \/ (p = turn /\ Pass)

Bounded == \A p \in Procs : c[p] \in 0..(K - 1)
====
