---- MODULE stray_keyword ----
A == 1
THEN B == 2
C == 3
====
