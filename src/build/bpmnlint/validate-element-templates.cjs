// Validates every element template (*.json) in the directory given, against the Camunda 7 element
// template schema, with @bpmn-io/element-templates-validator. Prints each error with its file and line;
// exits 1 if there is any. Run by lint.sh.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { validate } = require('@bpmn-io/element-templates-validator');

const dir = process.argv[2];
const files = fs.readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
if (files.length === 0) {
  console.error(`[element-templates] no element templates (*.json) in ${dir}`);
  process.exit(1);
}

let problems = 0;
for (const name of files) {
  const file = path.join(dir, name);
  const text = fs.readFileSync(file, 'utf8');
  const before = problems;
  let templates;
  try {
    templates = JSON.parse(text);
  } catch (e) {
    console.error(`${file}: not JSON: ${e.message}`);
    problems++;
    continue;
  }
  // A file holds one template or an array of them; validate each against the schema its $schema names
  for (const [index, template] of (Array.isArray(templates) ? templates : [templates]).entries()) {
    const { valid, errors } = validate(template);
    if (!valid) {
      for (const error of errors) {
        console.error(`${file}: template ${index} (${template.id || 'no id'}) ${error.dataPath || error.instancePath || '/'}: ${error.message}`);
        problems++;
      }
    }
  }
  console.log(`${file}: ${problems === before ? 'valid' : 'invalid'}`);
}
process.exit(problems === 0 ? 0 : 1);
