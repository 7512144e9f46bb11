output = json.loads(tla2_output)

if output["result"]["error_type"] == "invariant_violation":
    # Get the invariant that failed
    inv = output["result"]["violated_property"]

    # Get the state where it failed
    bad_state = output["counterexample"]["states"][-1]

    # Construct context for LLM
    context = f"""
    The invariant `{inv['expression']}` at {inv['location']['file']}:{inv['location']['line']}
    was violated in state:
    {json.dumps(bad_state['variables'], indent=2)}

    The transition that led to this state was `{bad_state['action']['name']}`
    at {bad_state['action']['location']['file']}:{bad_state['action']['location']['line']}.

    Changes from previous state:
    {json.dumps(bad_state['diff_from_previous']['changed'], indent=2)}

    Please suggest a fix.
    """
