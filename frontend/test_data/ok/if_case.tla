---- MODULE if_case ----
A == IF a THEN b ELSE IF c THEN d ELSE e
B == CASE x = 1 -> "one"
       [] x = 2 -> "two"
       [] OTHER -> "many"
C == CASE p -> 1 [] q -> 2
D == IF a THEN b ELSE c + 1
====
