---- MODULE prime_and_postfix ----
A == x' = f[x]'
B == r.a'
C == (x + y)'
D == R^+ ^+
E == r'.a
====
