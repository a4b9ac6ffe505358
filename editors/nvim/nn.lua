-- nn's language server in Neovim 0.7 or later: put this file in ~/.config/nvim/plugin/ (or
-- `:luafile` it). It starts `nn lsp` for .nn files; set vim.g.nn_lsp_cmd to another command
-- (for example { '/path/to/nn/nn', 'lsp', '--plugins', 'my-plugins' }) before it runs.
-- (Neovim 0.7 reads vim.filetype.add only with g:do_filetype_lua; the autocommand works everywhere.)
vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, { pattern = '*.nn', command = 'setfiletype nn' })

local client_id = nil

local function attach(buffer)
  if client_id == nil or vim.lsp.client_is_stopped(client_id) then
    local file = vim.api.nvim_buf_get_name(buffer)
    client_id = vim.lsp.start_client({
      name = 'nn',
      cmd = vim.g.nn_lsp_cmd or { 'nn', 'lsp' },
      root_dir = vim.fn.fnamemodify(file, ':p:h'),
    })
  end
  if client_id then vim.lsp.buf_attach_client(buffer, client_id) end
end

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'nn',
  callback = function(args) attach(args.buf) end,
})
