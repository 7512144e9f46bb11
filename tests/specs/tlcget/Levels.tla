---- MODULE Levels ----
\* TLCGet("level") in a constraint bounds the search depth; TLCSet/TLCGet registers.
EXTENDS Naturals, TLC
VARIABLE x
ASSUME TLCSet(1, 0)
Init == x = 0
Next == x' = (x + 1) % 100 \/ x' = (x + 3) % 100
Depth == TLCGet("level") < 5
====
