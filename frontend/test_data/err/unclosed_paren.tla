---- MODULE unclosed_paren ----
A == (1 + 2
B == 3
====
