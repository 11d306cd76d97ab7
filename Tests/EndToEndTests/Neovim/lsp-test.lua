-- Run by LanguageServerNeovimTests: Neovim's built-in LSP client against `sandtable lsp`, headless. Opens the
-- exercise given in SANDTABLE_FILE with the set-up of editors/neovim/sandtable.lua, waits for its diagnostics,
-- asks for the definition of the id at SANDTABLE_LINE/SANDTABLE_CHARACTER, types the first quick fix, waits for
-- the diagnostics to change, and writes what it saw to SANDTABLE_OUT as JSON.
local out = {}
local function finish()
  local file = io.open(os.getenv("SANDTABLE_OUT"), "w")
  file:write(vim.fn.json_encode(out))
  file:close()
  vim.cmd("qa!")
end

local ok, problem = pcall(function()
  vim.g.sandtable_path = os.getenv("SANDTABLE_BINARY")
  dofile(os.getenv("SANDTABLE_SETUP"))
  vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("SANDTABLE_FILE")))
  out.filetype = vim.bo.filetype
  local function errors()
    return vim.tbl_filter(function(d) return d.severity == vim.diagnostic.severity.ERROR end, vim.diagnostic.get(0))
  end
  out.waited = vim.wait(30000, function() return #errors() > 0 end, 50)
  out.diagnostics = {}
  for _, d in ipairs(errors()) do
    table.insert(out.diagnostics, { line = d.lnum, col = d.col, message = d.message, code = d.user_data and d.user_data.lsp and d.user_data.lsp.code })
  end
  local client = vim.lsp.get_active_clients()[1]
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(0) },
    position = { line = tonumber(os.getenv("SANDTABLE_LINE")), character = tonumber(os.getenv("SANDTABLE_CHARACTER")) },
  }
  local response = client.request_sync("textDocument/definition", params, 10000, 0)
  out.definition = response and response.result
  -- Type the fix that the first error with a quick fix offers, as an edit of the buffer.
  local edit
  for _, d in ipairs(errors()) do
    local actions = client.request_sync("textDocument/codeAction", {
      textDocument = { uri = vim.uri_from_bufnr(0) },
      range = { start = { line = d.lnum, character = d.col }, ["end"] = { line = d.lnum, character = d.col } },
      context = { diagnostics = {} },
    }, 10000, 0)
    local action = actions and actions.result and actions.result[1]
    if action then
      edit = action.edit.changes[vim.uri_from_bufnr(0)][1]
      break
    end
  end
  out.fix = edit.newText
  vim.api.nvim_buf_set_text(0, edit.range.start.line, edit.range.start.character, edit.range["end"].line,
    edit.range["end"].character, { edit.newText })
  local before = #errors()
  out.changed = vim.wait(30000, function() return #errors() < before end, 50)
  out.errorsAfterFix = #errors()
end)
if not ok then out.problem = tostring(problem) end
finish()
