---- MODULE Coarse ----
\* A clock of 4 hours under weak fairness.
EXTENDS Naturals
VARIABLE hr
Init == hr = 0
Next == hr' = (hr + 1) % 4
Spec == Init /\ [][Next]_hr /\ WF_hr(Next)
====
