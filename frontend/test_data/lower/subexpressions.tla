---- MODULE subexpressions ----
\* Positional subexpression names (Inv!2), theorem statements (Thm!:) and labels (Op!lbl).
EXTENDS Naturals
VARIABLE x
Inv == /\ x \in Nat
       /\ x < 10
       /\ lbl:: x /= 5
THEOREM Bounded == x < 100
Second == Inv!2
Stated == Bounded!:
Labelled == Inv!lbl
====
