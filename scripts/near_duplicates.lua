--- Near-duplicates across the parts of a split corpus (issue 14; docs/guide.md, "Beyond one
-- machine"): every part sketches its documents (their word shingles, hashed from the words'
-- text, so a document has the same sketch in any part); reducing bands all the sketches,
-- verifies the candidate pairs exactly and writes the pairs `corpus:duplicates()` finds on the
-- whole corpus, with their group (the first document of the connected near-duplicates):
--
--   dossier map --input part-1.jsonl scripts/near_duplicates.lua > nd-1.jsonl      (one per part)
--   dossier reduce scripts/near_duplicates.lua nd-*.jsonl > pairs.jsonl
--
-- Give the parts in corpus order (the earlier document of a pair is `a`). Copy the script to
-- change the threshold or the measure ("containment": a short version inside a long one).
return {
  tables = {
    near = { key = { "doc" }, first = { "sketch" },
             near_duplicates = { threshold = 0.5, measure = "jaccard" } },
  },
  map = function(corpus, emit)
    for _, row in ipairs(corpus:duplicate_sketches()) do emit("near", row) end
  end,
}
