---- MODULE temporal ----
VARIABLES x, y
vars == <<x, y>>
Next == x' = x + 1
Spec == Init /\ [][Next]_vars /\ WF_vars(Next)
S2 == [][Next]_<<x, y>> /\ SF_<<x, y>>(Next)
S3 == <>[]P ~> []<>Q
S4 == <<Next>>_vars /\ [Next]_(x)
S5 == ENABLED Next /\ UNCHANGED <<x, y>>
S6 == UNCHANGED x
S7 == A -+-> B
S8 == \EE z : [][z' = z]_z
S9 == [Next]_I!vars
====
