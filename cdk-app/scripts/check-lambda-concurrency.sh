#!/usr/bin/env bash
# Before `cdk deploy`: does each region's Lambda concurrency limit leave room for the reservations the synthesized
# stacks ask for? Lambda refuses a reserved concurrency that leaves fewer than 100 executions unreserved, and a fresh
# account's limit (service quota L-B99A9384, "Concurrent executions") is often far below the usual 1000, so the
# functions would fail to create and the stack would roll back.
#
# Usage: cdk-app/scripts/check-lambda-concurrency.sh [cdk.out]     (after `cdk synth` with the deploy's context)
# Needs: the AWS CLI v2 with credentials for the target account, and node (the CDK CLI needs it anyway).
# Exit 0: every region fits. Exit 1: a region does not; the request-service-quota-increase command is printed.
set -euo pipefail

out="${1:-$(dirname "$0")/../cdk.out}"
[[ -f "$out/manifest.json" ]] || { echo "no $out/manifest.json: run cdk synth first" >&2; exit 2; }
unreserved_minimum=100

# One line per stack: "<region> <function>=<reserved> ..." for every function with ReservedConcurrentExecutions, in the
# stack's template or any of its nested stacks' templates.
plan=$(node - "$out" <<'JS'
const fs = require('fs'), path = require('path');
const dir = process.argv[2];
const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
for (const a of Object.values(manifest.artifacts || {})) {
  if (a.type !== 'aws:cloudformation:stack') continue;
  const region = String(a.environment).split('/').pop();
  // The functions live in nested stacks: their templates are file assets of the stack's asset manifest.
  const templates = [a.properties.templateFile];
  for (const dep of a.dependencies || []) {
    const m = manifest.artifacts[dep];
    if (!m || m.type !== 'cdk:asset-manifest') continue;
    const assets = JSON.parse(fs.readFileSync(path.join(dir, m.properties.file), 'utf8'));
    for (const f of Object.values(assets.files || {})) {
      if (String(f.source && f.source.path).endsWith('.nested.template.json')) templates.push(f.source.path);
    }
  }
  const reserved = templates
    .flatMap(file => Object.values(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')).Resources || {}))
    .filter(r => r.Type === 'AWS::Lambda::Function' && r.Properties && r.Properties.ReservedConcurrentExecutions)
    .map(r => `${r.Properties.FunctionName}=${r.Properties.ReservedConcurrentExecutions}`);
  console.log([region, ...reserved].join(' '));
}
JS
)

status=0
while read -r region entries; do
  [[ -n "$region" ]] || continue
  wanted=0; ours_now=0
  for entry in $entries; do
    fn="${entry%%=*}"; n="${entry#*=}"
    wanted=$((wanted + n))
    # What this function reserves today (a re-deploy frees it first); "None" or a missing function is 0.
    now=$(aws lambda get-function-concurrency --region "$region" --function-name "$fn" \
            --query ReservedConcurrentExecutions --output text 2>/dev/null </dev/null || echo 0)
    [[ "$now" =~ ^[0-9]+$ ]] && ours_now=$((ours_now + now))
  done
  read -r limit unreserved < <(aws lambda get-account-settings --region "$region" \
      --query 'AccountLimit.[ConcurrentExecutions,UnreservedConcurrentExecutions]' --output text </dev/null)
  others=$(( limit - unreserved - ours_now ))   # reserved by functions outside these stacks
  need=$(( others + wanted + unreserved_minimum ))
  quota=$(aws service-quotas get-service-quota --region "$region" --service-code lambda --quota-code L-B99A9384 \
            --query Quota.Value --output text 2>/dev/null </dev/null || echo "?")
  if (( need <= limit )); then
    echo "ok   $region: limit $limit (quota L-B99A9384: $quota) >= $wanted reserved by NIJA + $others by other functions + $unreserved_minimum unreserved"
  else
    echo "FAIL $region: limit $limit (quota L-B99A9384: $quota) < $need = $wanted reserved by NIJA + $others by other functions + $unreserved_minimum unreserved"
    echo "     raise it: aws service-quotas request-service-quota-increase --region $region --service-code lambda --quota-code L-B99A9384 --desired-value $need"
    echo "     or reserve less: cdk deploy -c reservedConcurrency=off (or function=n,...) -c lambdaConcurrencyLimit=$limit"
    status=1
  fi
done <<< "$plan"
exit $status
