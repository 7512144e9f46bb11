import json
import subprocess

result = subprocess.run(
    ["tla2", "check", "spec.tla", "--output", "json"],
    capture_output=True, text=True
)
output = json.loads(result.stdout)

if output["result"]["status"] == "error":
    error = output["result"]
    print(f"Error: {error['error_type']}")
    print(f"Property: {error['violated_property']['name']}")
    print(f"Location: {error['violated_property']['location']['file']}:"
          f"{error['violated_property']['location']['line']}")

    # Show state diffs
    for state in output["counterexample"]["states"]:
        if state["diff_from_previous"]:
            for var, change in state["diff_from_previous"]["changed"].items():
                print(f"  {var}: {change['from']} -> {change['to']}")
