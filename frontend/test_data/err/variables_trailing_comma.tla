---- MODULE variables_trailing_comma ----
VARIABLES x, y,
Init == x = 0
====
