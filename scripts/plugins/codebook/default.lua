-- The default codebook: topics of coverage of US–China relations. A codebook file is plain
-- data: it returns a table, and `require("codebook").load(path)` reads one like it in an empty
-- environment (no functions, no globals).
--
-- Each topic has a name, patterns and, optionally, exclusions and a description. A pattern is
-- a query of dossier's query language (docs/query-language.md): a word (any case), a
-- "phrase" (consecutive words), or a prefix* (a word starting so). A sentence is tagged with a
-- topic when a pattern matches in it and no exclusion of that topic matches anywhere in it.
return {
  name = "US–China relations",
  topics = {
    {
      name = "Taiwan",
      description = "Taiwan, the island's government, the Strait",
      patterns = { "Taiwan*", "Taipei", "cross-strait", '"Tsai Ing-wen"', '"Lai Ching-te"' },
    },
    {
      name = "trade",
      description = "trade, tariffs, export controls, sanctions on trade, supply chains",
      patterns = { "trade", "trading", "tariff*", '"export controls"', '"export control"', "exports", "imports",
                   '"supply chain"', '"supply chains"', "decoupling", "de-risking", '"economic coercion"',
                   '"market access"', "WTO" },
      exclude = { '"trade-off"', '"trade-offs"', '"trade union"', '"trade unions"' },
    },
    {
      name = "chips",
      description = "semiconductors and the chip industry",
      patterns = { "chip", "chips", "microchip*", "semiconductor*", "chipmaker*", "chipmaking", "Huawei", "TSMC",
                   "Nvidia", "lithography" },
      exclude = { '"bargaining chip"', '"blue chip"', '"blue-chip"', '"chip in"', '"chipped in"' },
    },
    {
      name = "fentanyl",
      description = "fentanyl, its precursors and the opioid trade",
      patterns = { "fentanyl", "opioid*", '"drug trafficking"', "narcotic*", '"precursor chemicals"' },
    },
    {
      name = "human rights",
      description = "human rights, Xinjiang, Tibet, Hong Kong's freedoms",
      patterns = { '"human rights"', '"human-rights"', "Uyghur*", "Uighur*", "Xinjiang", "Tibet*", '"forced labour"',
                   '"forced labor"', "genocide", "dissident*", '"political prisoners"', '"freedom of speech"',
                   '"press freedom"' },
    },
    {
      name = "military talks",
      description = "military-to-military contacts, defence dialogue, crisis communication",
      patterns = { "military-to-military", "mil-to-mil", '"military talks"', '"military dialogue"',
                   '"military communication"', '"military channels"', '"defence talks"', '"defense talks"',
                   '"defence dialogue"', '"defense dialogue"', '"crisis communication"', "hotline" },
    },
    {
      name = "climate",
      description = "climate change, emissions, clean energy, extreme heat",
      patterns = { "climate", '"global warming"', "emissions", "carbon", "decarboni*", '"clean energy"',
                   '"renewable energy"', "heatwave*", '"heat wave"' },
      exclude = { '"political climate"', '"business climate"', '"investment climate"', '"climate of fear"',
                  '"climate of mistrust"', '"climate of distrust"' },
    },
  },
}
