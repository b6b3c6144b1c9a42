-- codebook: tags sentences with topics defined in a Lua table (see README.md).
return {
  name = "codebook",
  version = "1.0.0",
  description = "Tags sentences with topics from a Lua codebook (Taiwan, trade, chips, fentanyl, …)",
  author = "dossier maintainers",
  license = "MIT",
  dossier = ">=0.1",
  requires = {},
}
