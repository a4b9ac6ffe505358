-- Run by NeovimLspIT inside `nvim --headless --clean`, after editors/nvim/nn.lua: opens a file,
-- waits for the server's diagnostics, asks for a hover, and writes both to NN_RESULT.
local result = io.open(os.getenv('NN_RESULT'), 'w')
vim.g.nn_lsp_cmd = { os.getenv('NN_JAVA'), '-jar', os.getenv('NN_JAR'), 'lsp' }
vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('NN_FILE')))
local ok = vim.wait(60000, function() return #vim.diagnostic.get(0) > 0 end, 50)
if not ok then result:write('timeout: no diagnostics\n') end
for _, d in ipairs(vim.diagnostic.get(0)) do
  result:write(string.format('diagnostic %d:%d %s\n', d.lnum + 1, d.col + 1, d.message:gsub('\n', ' | ')))
end
-- Hover over the node named on NN_HOVER_LINE, column NN_HOVER_COL (1-based).
vim.api.nvim_win_set_cursor(0, { tonumber(os.getenv('NN_HOVER_LINE')), tonumber(os.getenv('NN_HOVER_COL')) - 1 })
local responses = vim.lsp.buf_request_sync(0, 'textDocument/hover', vim.lsp.util.make_position_params(), 20000)
for _, r in pairs(responses or {}) do
  if r.result and r.result.contents then
    result:write('hover ' .. (r.result.contents.value or ''):gsub('\n', ' | ') .. '\n')
  end
end
result:close()
vim.cmd('qa!')
