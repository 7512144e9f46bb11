---- MODULE Compose ----
\* Action composition A \cdot B (TLC needs -Dtlc2.tool.impl.Tool.cdot=true).
EXTENDS Naturals
VARIABLES x, y

Add(k) == x' = x + k /\ y' = y
Double == x' = 2 * x /\ y' = y + 1

Init == x = 0 /\ y = 0
\* The conjunct after the composition is checked both from s to t and from t to u.
Next ==
    \/ \E k \in 1..2 : Add(k) \cdot Double
    \/ (Double \cdot Add(1)) /\ x' # 5

Constraint == x <= 40
Inv == x # 38
====
