---- MODULE Primes ----
\* TLC's treatment of primed variables: the first x' = e assigns, later ones test;
\* x' \in S branches; \E, \/ and IF with primes in branches branch; UNCHANGED assigns.
EXTENDS Naturals
VARIABLES x, y, z
vars == <<x, y, z>>
Init == x = 0 /\ y = 0 /\ z = 0

Bump == /\ x < 3
        /\ x' = x + 1
        /\ x' > x            \* a test, x' is already assigned
        /\ UNCHANGED <<y, z>>

Pick == /\ y' \in {0, 1, 2}
        /\ z' = IF y' = 2 THEN 1 ELSE z
        /\ x' = x

Swap == \E d \in {1, 2} :
          IF x >= d THEN /\ x' = x - d /\ y' = y /\ z' = z
                    ELSE /\ z' = 0 /\ UNCHANGED <<x, y>>

Next == Bump \/ Pick \/ Swap
Spec == Init /\ [][Next]_vars
Bounded == x <= 3 /\ y <= 2 /\ z <= 1
====
