---- MODULE except ----
A == [f EXCEPT ![1] = 2]
B == [f EXCEPT ![a][b].c = @ + 1, !.d = 3]
C == [f EXCEPT ![x, y] = @, ![z] = 0]
D == [r EXCEPT !.count = @ + 1].count
====
