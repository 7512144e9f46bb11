---- MODULE Registers ----
\* Typed mode: integer registers as a function over 1..N, bounded increments, a transfer
\* between neighbours; the invariant fails after a few steps (counterexample).
EXTENDS Naturals
CONSTANTS N, Max
VARIABLES reg, moves, busy
Procs == 1..N
Init == reg = [p \in Procs |-> 0] /\ moves = 0 /\ busy = FALSE
Inc(p) == reg[p] < Max /\ reg' = [reg EXCEPT ![p] = @ + 1] /\ moves' = moves + 1 /\ UNCHANGED busy
Move(p, q) == /\ p /= q
              /\ reg[p] > 0
              /\ reg' = [reg EXCEPT ![p] = @ - 1, ![q] = @ + 1]
              /\ moves' = moves + 1
              /\ busy' = ~busy
Next == \/ \E p \in Procs : Inc(p)
        \/ \E p \in Procs : \E q \in Procs : Move(p, q)
TypeOK == \A p \in Procs : reg[p] \in 0..(Max + N)
Small == \A p \in Procs : reg[p] + moves < 2 * Max + 2
====
