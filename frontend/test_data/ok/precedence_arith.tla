---- MODULE precedence_arith ----
A == a + b * c
B == a + b - c
C == a - b + c
D == -a + b
E == -a ^ 2
F == a * b * c
G == 1 .. n + 1
H == a \div b % c
I == a \o b \o c
====
