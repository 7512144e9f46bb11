---- MODULE bracket_without_arrow ----
A == [S, T]
====
