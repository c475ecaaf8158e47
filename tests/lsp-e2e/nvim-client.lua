-- Neovim 0.7 as a real LSP client of `vmlang lsp --stdio`: open a file with an error, wait for its
-- diagnostics, ask hover and definition, fix the error and wait for the diagnostics to clear.
-- Writes what it saw as JSON to $VMLANG_RESULT; run with
--   nvim --headless -u NONE -i NONE -n -c "luafile nvim-client.lua"
local dll = assert(os.getenv('VMLANG_DLL'), 'VMLANG_DLL')
local root = assert(os.getenv('VMLANG_WORKSPACE'), 'VMLANG_WORKSPACE')
local file = assert(os.getenv('VMLANG_FILE'), 'VMLANG_FILE')
local out = assert(os.getenv('VMLANG_RESULT'), 'VMLANG_RESULT')

local result = { steps = {} }

local function write_result()
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
end

-- The first (line, character) of `needle` in the buffer, zero-based, plus `offset` characters.
local function find(bufnr, needle, offset)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local col = line:find(needle, 1, true)
    if col then return i - 1, col - 1 + (offset or 0) end
  end
  error('not found: ' .. needle)
end

local function run()
  local client_id = vim.lsp.start_client({
    name = 'vmlang',
    cmd = { 'dotnet', dll, 'lsp', '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'e2e' } },
  })
  assert(client_id, 'start_client failed')
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(bufnr, client_id)
  local client = vim.lsp.get_client_by_id(client_id)

  local got = vim.wait(20000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  assert(got, 'no diagnostics arrived')
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(result.diagnostics, { code = d.code, severity = d.severity, lnum = d.lnum, col = d.col, message = d.message })
  end
  table.insert(result.steps, 'diagnostics')

  local line, character = find(bufnr, '{{ when }}', 4)
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = line, character = character } }
  local hover = client.request_sync('textDocument/hover', params, 10000, bufnr)
  assert(hover and hover.result, 'no hover: ' .. vim.inspect(hover))
  result.hover = hover.result.contents.value
  table.insert(result.steps, 'hover')

  line, character = find(bufnr, 'use house', 5)
  params.position = { line = line, character = character }
  local definition = client.request_sync('textDocument/definition', params, 10000, bufnr)
  assert(definition and definition.result, 'no definition: ' .. vim.inspect(definition))
  result.definition = definition.result
  table.insert(result.steps, 'definition')

  -- Fix the typo the test put in ({{ repp }} -> {{ rep }}): nvim sends an incremental didChange.
  line, character = find(bufnr, 'repp', 0)
  vim.api.nvim_buf_set_text(bufnr, line, character, line, character + 4, { 'rep' })
  local cleared = vim.wait(20000, function() return #vim.diagnostic.get(bufnr) == 0 end, 50)
  assert(cleared, 'diagnostics did not clear: ' .. vim.inspect(vim.diagnostic.get(bufnr)))
  table.insert(result.steps, 'cleared')

  client.stop()
  vim.wait(5000, function() return client.is_stopped() end, 50)
end

local ok, err = pcall(run)
result.ok = ok
result.error = ok and vim.NIL or tostring(err)
write_result()
vim.cmd(ok and 'qa!' or 'cquit 1')
