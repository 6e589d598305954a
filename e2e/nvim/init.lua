-- Headless Neovim (Debian's 0.7.2) as a second real LSP client of the Governance Markdown server.
-- Its built-in client starts `node server.js --stdio` for the Markdown buffer; the diagnostics
-- Neovim then holds (what a user sees as signs and virtual text) must equal `govmd check`'s, and
-- after ticking the first open criterion's box they must equal `govmd check`'s on the edited file.
-- env: GOVMD_SERVER (server.js), E2E_EXPECTED (JSON: before, after, edit), E2E_NVIM_OUT (report)
local t0 = vim.loop.hrtime()
local function ms() return math.floor((vim.loop.hrtime() - t0) / 1e6) end
local expected = vim.fn.json_decode(table.concat(vim.fn.readfile(vim.env.E2E_EXPECTED), '\n'))
local out = vim.env.E2E_NVIM_OUT
local timeout_ms = tonumber(vim.env.E2E_NVIM_TIMEOUT_MS or '30000')
local report = { nvim = tostring(vim.version().major .. '.' .. vim.version().minor .. '.' .. vim.version().patch), events = {} }
local stage = 'before'
local severity_name = { 'error', 'warning', 'information', 'hint' }

local finished = false
local function finish(ok, why)
  -- The server exits when Neovim quits: that is no second verdict.
  if finished then return end
  finished = true
  report.ok = ok
  report.why = why
  report.total_ms = ms()
  local f = io.open(out, 'w'); f:write(vim.fn.json_encode(report)); f:close()
  io.stdout:write((ok and 'PASS ' or 'FAIL ') .. why .. '\n')
  vim.cmd(ok and 'qall!' or 'cquit 1')
end

-- `L14:5 placeholder warning`, as the CLI's 1-based line and UTF-16 column would say it.
local function keys_of(bufnr)
  local keys = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1] or ''
    local _, utf16 = vim.str_utfindex(line, math.min(d.col, #line))
    local lsp = d.user_data and d.user_data.lsp or {}
    local code = d.code or lsp.code or '?'
    table.insert(keys, string.format('L%d:%d %s %s', d.lnum + 1, utf16 + 1, code, severity_name[d.severity]))
  end
  table.sort(keys)
  return keys
end

local function sorted(list)
  local copy = vim.deepcopy(list); table.sort(copy); return copy
end

local function difference(have, want)
  local set, missing, extra = {}, {}, {}
  for _, k in ipairs(have) do set[k] = (set[k] or 0) + 1 end
  for _, k in ipairs(want) do
    if (set[k] or 0) > 0 then set[k] = set[k] - 1 else table.insert(missing, k) end
  end
  for k, n in pairs(set) do for _ = 1, n do table.insert(extra, k) end end
  return missing, extra
end

local want = { before = sorted(expected.before), after = sorted(expected.after) }
local last = {}

local orig = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  orig(err, result, ctx, config)
  local bufnr = vim.uri_to_bufnr(result.uri)
  if bufnr ~= vim.fn.bufnr(expected.file) then return end
  local keys = keys_of(bufnr)
  last = keys
  table.insert(report.events, { at_ms = ms(), stage = stage, count = #keys })
  if stage == 'before' and vim.deep_equal(keys, want.before) then
    report.first_match_ms = ms()
    stage = 'after'
    vim.schedule(function()
      -- Tick the first open criterion's box: `[ ]` → `[x]` (sends textDocument/didChange).
      local e = expected.edit
      vim.api.nvim_buf_set_text(bufnr, e.line, e.col, e.line, e.col + 3, { '[x]' })
      report.edited_ms = ms()
    end)
  elseif stage == 'after' and vim.deep_equal(keys, want.after) then
    report.recheck_ms = ms() - report.edited_ms
    stage = 'done'
    vim.schedule(function()
      finish(true, string.format('%d diagnostics equal govmd check after %d ms; after ticking line %d, %d equal it again after %d ms',
        #want.before, report.first_match_ms, expected.edit.line + 1, #want.after, report.recheck_ms))
    end)
  end
end

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'markdown',
  callback = function(args)
    local client_id = vim.lsp.start_client({
      name = 'govmd',
      cmd = { 'node', vim.env.GOVMD_SERVER, '--stdio' },
      -- Neovim says nothing of workspace trust: the user does (the workspace's settings file maps a repository).
      init_options = { trusted = true },
      root_dir = vim.fn.getcwd(),
      on_init = function() report.initialized_ms = ms() end,
      on_exit = function(code) if stage ~= 'done' then vim.schedule(function() finish(false, 'the server exited with ' .. tostring(code) .. ' in stage ' .. stage) end) end end,
    })
    vim.lsp.buf_attach_client(args.buf, client_id)
  end,
})

vim.defer_fn(function()
  local missing, extra = difference(last, want[stage] or {})
  report.missing = missing
  report.extra = extra
  finish(false, string.format('timeout after %d ms in stage "%s": %d diagnostics held, %d expected; missing: %s; unexpected: %s',
    timeout_ms, stage, #last, #(want[stage] or {}), table.concat(missing, ', '), table.concat(extra, ', ')))
end, timeout_ms)
