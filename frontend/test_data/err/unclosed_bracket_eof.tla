---- MODULE unclosed_bracket_eof ----
A == [x \in S |-> x
====
