--- The first pass of a two-pass split run (issue 14; docs/guide.md, "Beyond one machine"):
-- what every part of a corpus needs to know about the whole. Map it over each part and reduce:
--
--   dossier map --input part-1.jsonl scripts/globals.lua > g-1.jsonl      (one per part)
--   dossier reduce scripts/globals.lua g-*.jsonl > globals.jsonl
--   dossier map --input part-1.jsonl --globals globals.jsonl analysis.lua > rows-1.jsonl
--
-- `globals`: documents, tokens and words of the whole corpus; `df`: the documents holding each
-- word, its occurrences, and how often it is written lowercase and capitalised mid-sentence
-- (`lower`, `capitalized`: its entity case counts, carried on its df row). With them `doc:keywords()` scores tf-idf, `corpus:search()` ranks,
-- and keyness against the whole corpus and collocations count on a part as on the whole.
-- `entity_case` (the case counts of the rare word without a df row), `person_key`, `entity_acronym`, `entity_org`, `entity_single`, `entity`,
-- `entity_form` (`corpus:entity_evidence()`): how every word is capitalised, every spelling of a
-- person's name, what each acronym was first defined as, the organisations' names, how one-word
-- names are used, and what every entity's mentions say, so that a
-- part tells names from words, finds full names other parts write, and names, classifies and
-- orders its entities as the whole corpus does. Give the parts in corpus order (acronyms: first).
-- `phrase_df`: the documents holding each phrase named as an argument (`dossier map --input
-- part-1.jsonl scripts/globals.lua "prime minister" "spy balloon"`), so that search ranks those
-- phrases on a part as on the whole (a phrase's count needs the words' positions: it cannot be
-- made from the words' counts, so name the phrases the analysis searches for).
--
-- For entities equal to the whole corpus's, map it a second time with the first pass's sum
-- (`dossier map --input part-1.jsonl --globals globals.jsonl scripts/globals.lua > g2-1.jsonl`,
-- then reduce those): its entity tables are then found with the whole corpus's evidence (how
-- each part classifies, groups and resolves names), its counts stay the part's own, and its sum
-- is the --globals of the analysis. Three passes in all: evidence, evidence given the whole
-- corpus's evidence, analysis.
local entity_tables = {
  "entity_case", "person_key", "entity_acronym", "entity_org", "entity_single", "entity", "entity_form",
}

return {
  tables = {
    globals = { key = {}, sum = { "docs", "tokens", "words" } },
    df = { key = { "term" }, sum = { "docs", "count", "lower", "capitalized" } },
    phrase_df = { key = { "phrase" }, sum = { "docs" } },
    entity_case = { key = { "word" }, sum = { "lower", "capitalized" } },
    person_key = { key = { "key" }, sum = { "count" }, max = { "sure" } },
    entity_acronym = { key = { "acronym" }, first = { "ref" } },
    entity_org = { key = { "key", "as" }, sum = { "count" } },
    entity_single = { key = { "word" }, sum = { "mentions", "cued" } },
    entity = { key = { "ref" }, sum = { "mentions", "locatives", "organization", "place", "event", "other" } },
    entity_form = { key = { "ref", "form", "as" }, sum = { "count" } },
  },
  map = function(corpus, emit)
    emit("globals", { docs = #corpus, tokens = corpus.token_count, words = corpus.words })
    local evidence = corpus:entity_evidence()
    -- A word's case counts ride on its df row: one row a word instead of two.
    local cases = {}
    for _, r in ipairs(evidence.entity_case) do cases[r.word] = r end
    for _, r in ipairs(corpus:frequencies { top = false, stopwords = false }) do
      local case = cases[r.term]
      if case then cases[r.term] = false end
      emit("df", { term = r.term, docs = r.docs, count = r.count,
                   lower = case and case.lower or nil, capitalized = case and case.capitalized or nil })
    end
    for _, r in ipairs(evidence.entity_case) do
      if cases[r.word] then emit("entity_case", r) end
    end
    for _, phrase in ipairs(arg or {}) do
      local words = phrase:gsub('"', " ")
      emit("phrase_df", { phrase = words, docs = #corpus:filter { contains = '"' .. words .. '"' } })
    end
    for _, name in ipairs(entity_tables) do
      if name ~= "entity_case" then
        for _, r in ipairs(evidence[name]) do emit(name, r) end
      end
    end
  end,
}
