---- MODULE Trace_TTrace_1795336835 ----
EXTENDS Trace, Sequences, TLCExt, Toolbox, Naturals, TLC

_expression ==
    LET Trace_TEExpression == INSTANCE Trace_TEExpression
    IN Trace_TEExpression!expression
----

_trace ==
    LET Trace_TETrace == INSTANCE Trace_TETrace
    IN Trace_TETrace!trace
----

_prop ==
    ~<>[](
        msgs = ({[rm |-> "r1", type |-> "Prepared"], [rm |-> "r2", type |-> "Prepared"]})
        /\
        tmState = ("init")
        /\
        tmPrepared = ({"r1"})
        /\
        rmState = ([r1 |-> "prepared", r2 |-> "prepared"])
        /\
        l = (4)
    )
----

_init ==
    /\ l = _TETrace[1].l
    /\ tmPrepared = _TETrace[1].tmPrepared
    /\ msgs = _TETrace[1].msgs
    /\ rmState = _TETrace[1].rmState
    /\ tmState = _TETrace[1].tmState
----

_next ==
    /\ \E i,j \in DOMAIN _TETrace:
        /\ \/ /\ j = i + 1
              /\ i = TLCGet("level")
        /\ l  = _TETrace[i].l
        /\ l' = _TETrace[j].l
        /\ tmPrepared  = _TETrace[i].tmPrepared
        /\ tmPrepared' = _TETrace[j].tmPrepared
        /\ msgs  = _TETrace[i].msgs
        /\ msgs' = _TETrace[j].msgs
        /\ rmState  = _TETrace[i].rmState
        /\ rmState' = _TETrace[j].rmState
        /\ tmState  = _TETrace[i].tmState
        /\ tmState' = _TETrace[j].tmState

\* Uncomment the ASSUME below to write the states of the error trace
\* to the given file in Json format. Note that you can pass any tuple
\* to `JsonSerialize`. For example, a sub-sequence of _TETrace.
    \* ASSUME
    \*     LET J == INSTANCE Json
    \*         IN J!JsonSerialize("Trace_TTrace_1795336835.json", _TETrace)

=============================================================================

 Note that you can extract this module `Trace_TEExpression`
  to a dedicated file to reuse `expression` (the module in the 
  dedicated `Trace_TEExpression.tla` file takes precedence 
  over the module `Trace_TEExpression` below).

---- MODULE Trace_TEExpression ----
EXTENDS Trace, Sequences, TLCExt, Toolbox, Naturals, TLC

expression == 
    [
        \* To hide variables of the `Trace` spec from the error trace,
        \* remove the variables below.  The trace will be written in the order
        \* of the fields of this record.
        l |-> l
        ,tmPrepared |-> tmPrepared
        ,msgs |-> msgs
        ,rmState |-> rmState
        ,tmState |-> tmState
        
        \* Put additional constant-, state-, and action-level expressions here:
        \* ,_stateNumber |-> _TEPosition
        \* ,_lUnchanged |-> l = l'
        
        \* Format the `l` variable as Json value.
        \* ,_lJson |->
        \*     LET J == INSTANCE Json
        \*     IN J!ToJson(l)
        
        \* Lastly, you may build expressions over arbitrary sets of states by
        \* leveraging the _TETrace operator.  For example, this is how to
        \* count the number of times a spec variable changed up to the current
        \* state in the trace.
        \* ,_lModCount |->
        \*     LET F[s \in DOMAIN _TETrace] ==
        \*         IF s = 1 THEN 0
        \*         ELSE IF _TETrace[s].l # _TETrace[s-1].l
        \*             THEN 1 + F[s-1] ELSE F[s-1]
        \*     IN F[_TEPosition - 1]
    ]

=============================================================================



Parsing and semantic processing can take forever if the trace below is long.
 In this case, it is advised to uncomment the module below to deserialize the
 trace from a generated binary file.

\*
\*---- MODULE Trace_TETrace ----
\*EXTENDS Trace, IOUtils, TLC
\*
\*trace == IODeserialize("Trace_TTrace_1795336835.bin", TRUE)
\*
\*=============================================================================
\*

---- MODULE Trace_TETrace ----
EXTENDS Trace, TLC

trace == 
    <<
    ([msgs |-> {},tmState |-> "init",tmPrepared |-> {},rmState |-> [r1 |-> "working", r2 |-> "working"],l |-> 1]),
    ([msgs |-> {[rm |-> "r1", type |-> "Prepared"]},tmState |-> "init",tmPrepared |-> {},rmState |-> [r1 |-> "prepared", r2 |-> "working"],l |-> 2]),
    ([msgs |-> {[rm |-> "r1", type |-> "Prepared"]},tmState |-> "init",tmPrepared |-> {"r1"},rmState |-> [r1 |-> "prepared", r2 |-> "working"],l |-> 3]),
    ([msgs |-> {[rm |-> "r1", type |-> "Prepared"], [rm |-> "r2", type |-> "Prepared"]},tmState |-> "init",tmPrepared |-> {"r1"},rmState |-> [r1 |-> "prepared", r2 |-> "prepared"],l |-> 4])
    >>
----


=============================================================================

---- CONFIG Trace_TTrace_1795336835 ----
CONSTANTS
    RM <- TraceRM

PROPERTY
    _prop

CHECK_DEADLOCK
    \* CHECK_DEADLOCK off because of PROPERTY or INVARIANT above.
    FALSE

INIT
    _init

NEXT
    _next

CONSTANT
    _TETrace <- _trace

ALIAS
    _expression
=============================================================================
\* Generated on Sun Nov 22 08:40:38 UTC 2026