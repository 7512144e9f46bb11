---- MODULE quantifier_missing_colon ----
A == \A x \in S x > 0
====
