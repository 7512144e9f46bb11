---- MODULE mixed_cup_cap ----
A == S \cup T \cap U
====
