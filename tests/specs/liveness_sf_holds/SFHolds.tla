---- MODULE SFHolds ----
\* A is enabled only every other step (when flag is TRUE): SF_vars(A) decides whether it happens.
VARIABLES flag, done
vars == <<flag, done>>
Init == flag = FALSE /\ done = FALSE
Toggle == flag' = ~flag /\ UNCHANGED done
A == flag /\ ~done /\ done' = TRUE /\ UNCHANGED flag
Next == Toggle \/ A
Spec == Init /\ [][Next]_vars /\ WF_vars(Toggle) /\ SF_vars(A)
EventuallyDone == <>done
====
