-- Neovim (0.7 or later) set-up for Sandtable exercises: `.ttx` files get the `ttx` filetype, and the built-in
-- LSP client starts `sandtable lsp` for them. Load it from your init.lua: `dofile("/path/to/sandtable.lua")`, or
-- copy it into ~/.config/nvim/plugin/. See docs/editors.md.
vim.cmd([[autocmd BufRead,BufNewFile *.ttx setfiletype ttx]])

local function root(file)
  -- The exercise's folder: includes stay inside it.
  return vim.fn.fnamemodify(file, ":p:h")
end

vim.api.nvim_create_autocmd("FileType", {
  pattern = "ttx",
  callback = function(args)
    local file = vim.api.nvim_buf_get_name(args.buf)
    local id = vim.lsp.start_client({
      name = "sandtable",
      cmd = { vim.g.sandtable_path or "sandtable", "lsp" },
      root_dir = root(file),
    })
    if id then vim.lsp.buf_attach_client(args.buf, id) end
    vim.bo[args.buf].commentstring = "# %s"
  end,
})
