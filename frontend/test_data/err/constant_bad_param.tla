---- MODULE constant_bad_param ----
CONSTANT F(x)
====
