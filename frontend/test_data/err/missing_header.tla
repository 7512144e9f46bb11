VARIABLE x
Init == x = 0
====
