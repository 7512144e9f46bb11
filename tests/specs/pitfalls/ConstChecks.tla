---- MODULE ConstChecks ----
\* An invariant and a property that refer to no variable: ASSUMEs in disguise.
EXTENDS Naturals
CONSTANT N
VARIABLE x
Init == x = 0
Next == x < N /\ x' = x + 1
Spec == Init /\ [][Next]_x
NPositive == N > 0
NSmall == N < 10
Bounded == x <= N
====
