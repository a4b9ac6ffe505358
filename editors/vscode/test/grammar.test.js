// Tokenizes every example with the TextMate grammar through vscode-textmate (the engine VS Code
// uses) and checks the scopes of chosen tokens. Exits non-zero on the first failure.
// Run: node test/grammar.test.js   (from editors/vscode, after npm ci)
const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const root = path.resolve(__dirname, '..', '..', '..');
const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;

const registry = new vsctm.Registry({
  onigLib: oniguruma.loadWASM(wasm).then(() => ({
    createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
    createOnigString: (s) => new oniguruma.OnigString(s),
  })),
  loadGrammar: async (scopeName) => scopeName === 'source.nn'
    ? vsctm.parseRawGrammar(fs.readFileSync(path.join(__dirname, '..', 'syntaxes', 'nn.tmLanguage.json'), 'utf8'), 'nn.tmLanguage.json')
    : null,
});

/** Every token of a text: its line (1-based), text and innermost scope. */
function tokenize(grammar, text) {
  const tokens = [];
  let state = vsctm.INITIAL;
  text.split(/\r?\n/).forEach((line, i) => {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) {
      tokens.push({ line: i + 1, text: line.substring(t.startIndex, t.endIndex), scopes: t.scopes });
    }
    state = r.ruleStack;
  });
  return tokens;
}

let failures = 0;
function expect(file, tokens, line, text, scope) {
  const t = tokens.find((k) => k.line === line && k.text.trim() === text);
  const found = t ? t.scopes[t.scopes.length - 1] : '(no such token)';
  if (found !== scope) {
    failures++;
    console.error(`FAIL ${file}:${line} '${text}': expected ${scope}, got ${found}` + (t ? ` (${t.scopes.join(' ')})` : ''));
  }
}

(async () => {
  const grammar = await registry.loadGrammar('source.nn');
  const examples = fs.readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.nn'));
  if (examples.length < 5) throw new Error('expected the examples in ' + path.join(root, 'examples'));
  let count = 0;
  for (const f of examples) {
    const text = fs.readFileSync(path.join(root, 'examples', f), 'utf8');
    const tokens = tokenize(grammar, text);
    count += tokens.length;
    // Every identifier-like token gets a scope of its own (nothing is left as bare source.nn).
    for (const t of tokens) {
      if (/^[A-Za-z_]\w*$/.test(t.text.trim()) && t.scopes.length === 1) {
        failures++;
        console.error(`FAIL ${f}:${t.line} '${t.text}' has no scope`);
      }
    }
  }
  const residual = fs.readFileSync(path.join(root, 'examples', 'residual.nn'), 'utf8');
  const r = tokenize(grammar, residual);
  expect('residual.nn', r, 1, '// A residual MLP: blocks of dense -> relu -> dense added to their input (He et al., 2016),', 'comment.line.double-slash.nn');
  expect('residual.nn', r, 3, 'let', 'keyword.declaration.let.nn');
  expect('residual.nn', r, 3, 'width', 'variable.other.constant.nn');
  expect('residual.nn', r, 3, '128', 'constant.numeric.integer.nn');
  expect('residual.nn', r, 6, 'block', 'keyword.declaration.block.nn');
  expect('residual.nn', r, 6, 'residual', 'entity.name.function.block.nn');
  expect('residual.nn', r, 7, 'input', 'keyword.other.input.nn');
  expect('residual.nn', r, 8, 'h', 'variable.other.node.nn');
  expect('residual.nn', r, 8, '->', 'keyword.operator.arrow.nn');
  expect('residual.nn', r, 8, 'dense', 'entity.name.function.call.nn');
  expect('residual.nn', r, 8, 'units', 'variable.other.nn');
  expect('residual.nn', r, 10, 'output', 'keyword.other.output.nn');
  expect('residual.nn', r, 13, 'model', 'keyword.declaration.model.nn');
  expect('residual.nn', r, 13, 'residual_mlp', 'entity.name.type.model.nn');
  expect('residual.nn', r, 15, 'stem', 'variable.other.node.nn');
  expect('residual.nn', r, 16, 'repeat', 'keyword.control.repeat.nn');
  expect('residual.nn', r, 16, 'features', 'variable.other.node.nn');
  expect('residual.nn', r, 21, 'train', 'keyword.declaration.train.nn');
  expect('residual.nn', r, 22, 'data', 'support.type.property-name.train.nn');
  expect('residual.nn', r, 22, 'mnist', 'entity.name.function.call.nn');
  expect('residual.nn', r, 22, 'normalize', 'variable.parameter.nn');
  expect('residual.nn', r, 22, '0.5', 'constant.numeric.float.nn');
  expect('residual.nn', r, 24, 'lr', 'variable.parameter.nn');
  expect('residual.nn', r, 24, '1e-3', 'constant.numeric.float.nn');
  expect('residual.nn', r, 25, 'batch', 'support.type.property-name.train.nn');

  const extra = tokenize(grammar, 'import "blocks.nn"\n/* a\n block */ model m {\n    x -> conv2d(8, 3, padding = "same", bias = false) -> y\n}\n');
  expect('snippet', extra, 1, 'import', 'keyword.control.import.nn');
  expect('snippet', extra, 1, '"', 'string.quoted.double.nn');
  expect('snippet', extra, 3, 'block', 'comment.block.nn');
  expect('snippet', extra, 3, 'model', 'keyword.declaration.model.nn');
  expect('snippet', extra, 4, 'same', 'string.quoted.double.nn');
  expect('snippet', extra, 4, 'false', 'constant.language.boolean.nn');
  expect('snippet', extra, 4, 'y', 'variable.other.node.nn');

  if (failures > 0) {
    console.error(`${failures} grammar check(s) failed`);
    process.exit(1);
  }
  console.log(`grammar OK: ${examples.length} examples, ${count} tokens`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
