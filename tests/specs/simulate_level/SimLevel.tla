---- MODULE SimLevel ----
\* TLCGet("level") is the level of the state being expanded in Next (initial states are level
\* 1) and the successor's level in invariants; behaviours have -depth steps.
EXTENDS Naturals, TLC
VARIABLES steps, y
Init == steps = 0 /\ y \in {0, 1, 2}
Next == /\ Assert(TLCGet("level") = steps + 1, "level in Next")
        /\ steps' = steps + 1
        /\ y' \in {y, (y + 1) % 3}
LevelInv == TLCGet("level") = steps + 1
DepthInv == steps <= 20
====
