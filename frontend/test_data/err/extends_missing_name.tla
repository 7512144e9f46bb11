---- MODULE extends_missing_name ----
EXTENDS Naturals,
VARIABLE x
====
