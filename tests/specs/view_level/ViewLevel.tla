---- MODULE ViewLevel ----
\* A VIEW that reads TLCGet("level") (as trace specs do) and an ACTION_CONSTRAINT that reads the
\* level of the step's first state: the stuttering step makes a new distinct state per level.
EXTENDS Naturals, TLC
VARIABLE x
Init == x = 0
Next == \/ x < 2 /\ x' = x + 1
        \/ UNCHANGED x
View == <<x, TLCGet("level")>>
StepBound == TLCGet("level") < 4
====
