--- A split-run analysis (issue 14; docs/guide.md, "Beyond one machine"): term frequencies,
-- bigrams, the five tf-idf keywords of every document and the 20 most frequent words, in the
-- form `dossier map` and `dossier reduce` (and dossier-spark) run over the parts of a corpus.
--
--   dossier map --input part-1.jsonl scripts/split_analysis.lua > rows-1.jsonl     (each part)
--   dossier reduce scripts/split_analysis.lua rows-*.jsonl > result.jsonl
--
-- Keywords need the whole corpus's document frequencies: map scripts/globals.lua first and give
-- its reduced rows to every part with `--globals` (two_phase=True in dossier-spark).
return {
  tables = {
    freq = { key = { "term" }, sum = { "count", "docs" } },
    bigram = { key = { "ngram" }, sum = { "count", "docs" } },
    keywords = { key = { "doc", "term" }, first = { "score", "count" } },
    top_words = { key = { "term" }, sum = { "count" }, top_k = { by = "count", k = 20 } },
    corpus = { key = {}, sum = { "docs", "words" }, merge = { "sources" } },
  },
  map = function(corpus, emit)
    for _, r in ipairs(corpus:frequencies { top = false }) do
      emit("freq", r)
      emit("top_words", { term = r.term, count = r.count })
    end
    for _, r in ipairs(corpus:ngrams(2, { top = false, min = 1 })) do emit("bigram", r) end
    for _, doc in ipairs(corpus:docs()) do
      for _, k in ipairs(doc:keywords { top = 5 }) do
        emit("keywords", { doc = doc.id, term = k.term, score = k.score, count = k.count })
      end
    end
    emit("corpus", { docs = #corpus, words = corpus.words, sources = corpus:sources():pluck("source") })
  end,
}
