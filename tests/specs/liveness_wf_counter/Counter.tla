---- MODULE Counter ----
\* A counter modulo 4 under weak fairness: []<>, ~> and <> all hold.
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x' = (x + 1) % 4
Spec == Init /\ [][Next]_x /\ WF_x(Next)
InfinitelyOftenZero == []<>(x = 0)
OneLeadsToThree == (x = 1) ~> (x = 3)
EventuallyTwo == <>(x = 2)
====
