---- MODULE unterminated_string ----
A == "hello
B == 1
====
