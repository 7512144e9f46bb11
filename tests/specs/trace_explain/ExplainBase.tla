---------------------------- MODULE ExplainBase ----------------------------
\* A base spec for the trace-diagnosis fixture: conjuncts two definitions deep, with parameters.
EXTENDS Naturals
CONSTANT Procs
VARIABLES x, y

Init == x = [p \in Procs |-> 0] /\ y = 0

Inc(p) == /\ x[p] < 2
          /\ x' = [x EXCEPT ![p] = @ + 1]
          /\ UNCHANGED y

Guard(p) == /\ p \in Procs
            /\ x[p] > 0

Step(p, n) == /\ y + n < 3
              /\ Guard(p)
              /\ y' = y + n
              /\ UNCHANGED x
=============================================================================
