---- MODULE unclosed_brace ----
A == {1, 2, 3
Next == TRUE
====
