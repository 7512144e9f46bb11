---- MODULE Fine ----
\* A clock of 8 half-hours refines Coarse with hr <- t \div 2, fairness included.
EXTENDS Naturals
VARIABLE t
Init == t = 0
Next == t' = (t + 1) % 8
Spec == Init /\ [][Next]_t /\ WF_t(Next)
C == INSTANCE Coarse WITH hr <- t \div 2
Refines == C!Spec
====
