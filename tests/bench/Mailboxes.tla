---- MODULE Mailboxes ----
\* Benchmark: clients send numbered requests over FIFO channels to a server that acknowledges
\* them (records, sequences, sets).
EXTENDS Naturals, Sequences
CONSTANTS Clients, MaxReq, Cap
VARIABLES sent, inbox, acked
vars == <<sent, inbox, acked>>

Init == /\ sent = [c \in Clients |-> 0]
        /\ inbox = <<>>
        /\ acked = {}

Send(c) == /\ sent[c] < MaxReq
           /\ Len(inbox) < Cap
           /\ sent' = [sent EXCEPT ![c] = @ + 1]
           /\ inbox' = Append(inbox, [from |-> c, id |-> sent[c] + 1])
           /\ UNCHANGED acked

Serve == /\ inbox /= <<>>
         /\ acked' = acked \cup {Head(inbox)}
         /\ inbox' = Tail(inbox)
         /\ UNCHANGED sent

Forget(c) == /\ \E m \in acked : m.from = c
             /\ acked' = {m \in acked : m.from /= c}
             /\ UNCHANGED <<sent, inbox>>

Next == Serve \/ \E c \in Clients : Send(c) \/ Forget(c)

AckedWereSent == \A m \in acked : m.id <= sent[m.from]
====
