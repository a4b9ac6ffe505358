#!/usr/bin/env bash
# Takes docs/img/editor-neovim.png: Neovim (with editors/nvim/nn.lua) editing a copy of
# examples/inception.nn under tmux, with a mistake typed in (its diagnostic) and a hover over
# a node. Needs nvim, tmux, ImageMagick (CONVERT=/usr/bin/convert names its convert) and the built
# nn-cli/target/nn.jar.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'tmux kill-session -t nn-shot 2>/dev/null || true; rm -rf "$work"' EXIT
cp "$root/examples/inception.nn" "$work/inception.nn"
cat > "$work/init.lua" <<LUA
vim.g.nn_lsp_cmd = { 'java', '-jar', '${NN_JAR:-$root/nn-cli/target/nn.jar}', 'lsp' }
vim.o.number = true
vim.o.signcolumn = 'yes'
dofile('$root/editors/nvim/nn.lua')
LUA
tmux new-session -d -s nn-shot -x 104 -y 30 -e TERM=xterm-256color \
  "cd $work && nvim --clean -u init.lua inception.nn"
sleep "${NN_SHOT_WAIT:-8}"                      # the server starts and compiles the file once
tmux send-keys -t nn-shot ':%s/-> tanh()/-> tahn()/' Enter
sleep 3                                         # the diagnostic arrives
tmux send-keys -t nn-shot ':call cursor(16, 6)' Enter    # on `mixed1`
tmux send-keys -t nn-shot ':lua vim.lsp.buf.hover()' Enter
sleep 2
tmux capture-pane -t nn-shot -e -p -N > "$work/screen.txt"
cp "$work/screen.txt" "${NN_SHOT_SCREEN:-/dev/null}"
python3 "$root/editors/screenshot/ansi_to_png.py" "$work/screen.txt" "${1:-$root/docs/img/editor-neovim.png}"
