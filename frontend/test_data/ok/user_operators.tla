---- MODULE user_operators ----
a ++ b == a + b
a (+) b == a
-. a == 0 - a
a ^+ == a
a \prec b == a < b
A == 1 ++ 2 ++ 3
B == -x
C == x (+) y
D == Op(x)
Op2(F(_, _), x) == F(x, x)
E == Op2(LAMBDA a, b : a + b, 1)
====
