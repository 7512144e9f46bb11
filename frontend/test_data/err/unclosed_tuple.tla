---- MODULE unclosed_tuple ----
vars == <<x, y
Init == x = 0
====
