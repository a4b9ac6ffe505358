// The VS Code side of nn: starts `nn lsp` (the command is the setting nn.server.command) and
// lets vscode-languageclient speak the Language Server Protocol with it over stdin/stdout.
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const [command, ...args] = vscode.workspace.getConfiguration('nn').get('server.command', ['nn', 'lsp']);
  client = new LanguageClient('nn', 'nn language server', { command, args }, {
    documentSelector: [{ language: 'nn' }],
  });
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
