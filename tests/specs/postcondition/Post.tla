---- MODULE Post ----
\* A POSTCONDITION is evaluated once after the search: here it claims more states than exist.
EXTENDS Naturals, TLC
VARIABLE x
Init == x = 0
Next == x < 4 /\ x' = x + 1
AtLeastTen == TLCGet("stats").distinct >= 10
====
