---- MODULE Odometer ----
\* Scale test: D dials of B positions each, any dial may advance (mod B); B^D distinct states
\* (100,000,000 with D = 4, B = 100), each with D successors.
EXTENDS Naturals
CONSTANTS D, B
VARIABLE dial
Init == dial = [i \in 1..D |-> 0]
Next == \E i \in 1..D : dial' = [dial EXCEPT ![i] = (@ + 1) % B]
InRange == \A i \in 1..D : dial[i] < B
====
