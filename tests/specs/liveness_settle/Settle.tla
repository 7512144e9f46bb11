---- MODULE Settle ----
\* x climbs to 2 and stays: <>[](x = 2) holds under WF, and []<>(x = 1) does not.
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == \/ x < 2 /\ x' = x + 1
        \/ x = 2 /\ x' = 2
Spec == Init /\ [][Next]_x /\ WF_x(Next)
Settles == <>[](x = 2)
OneInfinitelyOften == []<>(x = 1)
====
