status=$(tla2 check spec.tla --output json | jq -r '.result.status')
if [ "$status" = "ok" ]; then
    echo "Model checking passed"
else
    tla2 check spec.tla --output json | jq '.result.error_message'
fi
