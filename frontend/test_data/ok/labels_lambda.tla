---- MODULE labels_lambda ----
A == lbl:: x = 1
B == P(LAMBDA x : x + 1, LAMBDA a, b : a * b)
C == \A x \in S : inner(x):: x > 0
====
