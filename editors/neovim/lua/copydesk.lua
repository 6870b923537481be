-- copydesk's language server in Neovim 0.7 or later, with no plugin: diagnostics as you write,
-- fixes as code actions (vim.lsp.buf.code_action()), a rule's explanation on hover
-- (vim.lsp.buf.hover()). Put this folder on the runtimepath and call, in init.lua:
--
--   require("copydesk").setup()                                   -- the defaults
--   require("copydesk").setup({ settings = { house = "american", ignore = { "readability" } } })
--
-- The server is `copydesk lsp` (pip install 'copydesk[lsp]'); the config is found from each
-- file's folder up, as `copydesk check` finds it.
local M = {}

function M.setup(opts)
  opts = opts or {}
  local filetypes = opts.filetypes or { "markdown", "text", "html" }
  local client_id = nil
  vim.api.nvim_create_autocmd("FileType", {
    pattern = filetypes,
    callback = function(args)
      if client_id == nil or vim.lsp.get_client_by_id(client_id) == nil then
        client_id = vim.lsp.start_client({
          name = "copydesk",
          cmd = opts.cmd or { "copydesk", "lsp" },
          root_dir = opts.root_dir or vim.fn.getcwd(),
          init_options = opts.settings,
          settings = opts.settings and { copydesk = opts.settings } or nil,
        })
      end
      if client_id ~= nil then
        vim.lsp.buf_attach_client(args.buf, client_id)
      end
    end,
  })
end

return M
