---- MODULE ConstInv ----
\* An invariant that mentions no variable (better an ASSUME), and Print output.
EXTENDS Naturals, TLC
CONSTANT N
VARIABLE x
Init == x = 0 /\ Print(<<"start", N>>, TRUE)
Next == x < N /\ x' = x + 1
Done == x = N /\ UNCHANGED x
Spec == Init /\ [][Next \/ Done]_x
NPositive == N > 0
====
