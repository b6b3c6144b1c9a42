---@meta

-- dossier's Lua API for lua-language-server (LuaLS): completion, hover and type checks for
-- scripts, REPL snippets, plugins and plugin tests. Point the server at this folder
-- (`"workspace.library": ["docs/api"]` in .luarc.json, see the repository root).
--
-- This file only describes; nothing in it runs. The regions between `-- begin generated NAME`
-- and `-- end generated NAME` are written from the declarations of the bindings (the one list
-- of members of each class and of `dossier`, in Sources/Scripting/Bindings/): do not edit them
-- here, change the declaration and run
--   swift run dossier api --annotations docs/api/dossier.lua --write
-- Tests/ScriptingTests/APIAnnotationTests.swift fails when a region is out of date, and checks
-- the rest (List, report, dossier.printer, the test API, record shapes, option tables) against
-- the live session. Conventions the test relies on:
--   * `---@class Name` followed by `---@field name …` lines declares fields of Name;
--   * `function Name:method(` and `function Name.fn(` declare methods/functions of Name
--     (a dotted Name such as `report.chart` is the table at that path);
--   * a module table's class is named after its path (`dossier`, `report`, `report.chart`).
-- The reference in prose is docs/api.md.

-- ============================================================================================
-- Small types
-- ============================================================================================

---@alias TokenKind
---| "word"   # letters, with inner hyphens and apostrophes ("face-to-face", "don't")
---| "number" # digits, with inner separators ("2023", "1,000")
---| "punct"  # anything else

---@alias EntityKind "person"|"organization"|"place"|"event"|"other"

---@alias QuoteKind
---| "full"    # a quotation the speaker said as a sentence of its own
---| "partial" # a fragment quoted inside the writer's own sentence
---| "scare"   # scare quotes: a word or phrase in quotation marks, no speaker

---@alias SpeakerKind
---| "person"       # a named person, or a pronoun resolved to one
---| "organization" # an organisation speaking as a body ("Qantas said", "the ministry said")
---| "description"  # someone unnamed, kept as written ("an arbitrageur", "a company spokesman")
---| "pronoun"      # a pronoun that refers to no one named or described before: no speaker

---@alias FactKind "date"|"number"|"name"

---@alias AssociationMeasure
---| "llr" # signed log-likelihood G² (default): how sure the attraction is
---| "pmi" # log2(O / E): how exclusive the pair is
---| "t"   # (O − E) / √O: favours frequent pairs

---@alias SentenceSimilarity "blended"|"cosine"

---@alias GazetteerKind EntityKind|"role"|"given_name"|"family_name"|"ignore"

---@alias PluginOrigin "./plugins"|"config"|"DOSSIER_PATH"|"bundled"|"custom"

-- `top` of the statistics functions: a row count, or `false` (or `math.huge`) for every row.
---@alias TopOption integer|false

-- `stopwords` of the statistics functions: true uses the session list (default), false keeps
-- every word, a list of words replaces the session list for this call.
---@alias StopwordsOption boolean|string[]

-- ============================================================================================
-- List
-- ============================================================================================

--- A Lua sequence (`#`, `ipairs`, `[i]` work) with methods; every function that returns several
--- things returns one. Methods that select items (`filter`, `sort`, `top`, `reverse`, `unique`)
--- return a List of the same kind, so it prints with the same columns. Lists concatenate with `..`.
---@class List<T>
---@field [integer] T
local List = {}

--- True when `value` is a List (also a lazy TokenList or a List with columns).
---@param value any
---@return boolean
function List.is(value) end

--- Makes `t` (or a new empty table) a List, in place.
---@generic T
---@param t? T[]
---@return List<T>
function List.new(t) end

--- A List metatable that prints these columns (and aligns `align[column]` "left" or "right"):
--- `setmetatable(rows, dossier.List.with_columns{"term", "count"})`.
---@param columns string[]
---@param align? table<string, "left"|"right">
---@return table metatable
function List.with_columns(columns, align) end

--- New List of `f(item, i)` for every item.
---@generic T, U
---@param self List<T>
---@param f fun(item: T, i: integer): U
---@return List<U>
function List:map(f) end

--- New List of the items for which `f(item, i)` is true; a field name works too (`:filter("partial")`).
---@generic T
---@param self List<T>
---@param f (fun(item: T, i: integer): any)|string
---@return List<T>
function List:filter(f) end

--- New sorted List: by a field name (`"-field"` for descending) or a comparison `function(a, b)`; without key, by value. Stable; nil values last.
---@generic T
---@param self List<T>
---@param key? string|fun(a: T, b: T): boolean
---@return List<T>
function List:sort(key) end

--- The first `n` items (default 10) as a new List.
---@generic T
---@param self List<T>
---@param n? integer
---@return List<T>
function List:top(n) end

--- Calls `f(item, i)` for every item; returns the list itself.
---@generic T
---@param self List<T>
---@param f fun(item: T, i: integer)
---@return List<T>
function List:each(f) end

--- Groups items by a field or by `f(item, i)`: a List of `{key, count, items}`, largest group first, then by first appearance.
---@generic T
---@param self List<T>
---@param key string|fun(item: T, i: integer): any
---@return List<Group<T>>
function List:group_by(key) end

--- A plain Lua table copy of the items (no metatable).
---@generic T
---@param self List<T>
---@return T[]
function List:totable() end

--- The first item for which `f(item, i)` is true, and its index; nil when none.
---@generic T
---@param self List<T>
---@param f fun(item: T, i: integer): any
---@return T? item
---@return integer? index
function List:find(f) end

--- New List of one field of every item.
---@param field string
---@return List<any>
function List:pluck(field) end

--- Sum of the items, or of a field or function of each (nil counts as 0).
---@generic T
---@param self List<T>
---@param key? string|fun(item: T, i: integer): number?
---@return number
function List:sum(key) end

--- New List without repeated items (compared by value, or by a field or function of each; nil keys dropped).
---@generic T
---@param self List<T>
---@param key? string|fun(item: T, i: integer): any
---@return List<T>
function List:unique(key) end

--- New List with the items in reverse order.
---@generic T
---@param self List<T>
---@return List<T>
function List:reverse() end

--- The items as text (`tostring`) joined by `sep` (default ", ").
---@param sep? string
---@return string
function List:concat(sep) end

--- Prints the list as an aligned table, as the REPL does; returns the list.
---@generic T
---@param self List<T>
---@return List<T>
function List:print() end

--- One group of `List:group_by`.
---@class Group<T>
---@field key any the group's key (nil for items whose key is nil)
---@field count integer how many items
---@field items List<T> the items, in list order

-- ============================================================================================
-- Corpus
-- ============================================================================================

-- begin generated Corpus
--- A set of documents: the loaded corpus (`corpus`), one from `dossier.open`, or a sub-corpus
--- from `corpus:filter`, which has the same API. `#corpus` is the number of documents.
---@class Corpus
---@field location string where it was loaded from (a folder or one file)
---@field archive? ArchiveInfo the archive it was opened from (`dossier index`), nil when loaded from its sources
---@field words integer total word count
---@field token_count integer total tokens (words, numbers and punctuation)
local Corpus = {}

--- List of the documents, in corpus order.
---@return List<Document>
function Corpus:docs() end

--- The document with this id, or the only one whose id starts with `id`; nil when none; an error when the prefix is ambiguous.
---@param id string
---@return Document?
function Corpus:doc(id) end

--- Drops the entities, quotations and dates the corpus keeps after their first use (shared with its sub-corpora), freeing their memory; the next use computes them again. For long scripts, once done with them.
function Corpus:forget() end

--- Documents per source (outlet), most documents first; documents without a source are left out.
---@return List<SourceCount>
function Corpus:sources() end

--- A sub-corpus with the same API: `fn(doc)` decides, or a spec `{source=, after=, before=, contains=}`.
---@param fn_or_spec (fun(doc: Document): any)|FilterSpec
---@return Corpus
function Corpus:filter(fn_or_spec) end

--- Iterator for the fast path: `for doc, ids in corpus:token_ids() do … end`, `ids` a plain table of term ids.
---@return fun(c: Corpus, previous?: Document): Document?, integer[]
---@return Corpus
---@return nil
function Corpus:token_ids() end

--- List of terms (normalised forms) indexed by term id.
---@return List<string>
function Corpus:vocabulary() end

--- The term id of a word (normalised first), or nil when the corpus does not have it.
---@param word string
---@return integer?
function Corpus:term_id(word) end

--- Every resolved date mention of the corpus, sorted by date; `after`/`before` bound it, `limit` keeps the earliest.
---@param opts? CorpusTimelineOptions
---@return List<DateMention>
function Corpus:timeline(opts) end

--- Every date mention of every document (unresolved ones too), in document and text order.
---@return List<DateMention>
function Corpus:dates() end

--- Documents matching a query (docs/query-language.md), best first (BM25).
---@param query string
---@param opts? SearchOptions
---@return List<Hit>
function Corpus:search(query, opts) end

--- Every match of a query in context (a concordance), in document and text order.
---@param query string
---@param opts? KwicOptions
---@return List<KwicLine>
function Corpus:kwic(query, opts) end

--- Term frequencies: List of `{term, count, docs}`, most frequent first (docs/statistics.md).
---@param opts? FrequencyOptions
---@return List<FrequencyRow>
function Corpus:frequencies(opts) end

--- N-grams of `n` (1–8) consecutive word or number tokens inside a sentence.
---@param n integer
---@param opts? NGramOptions
---@return List<NGramRow>
function Corpus:ngrams(n, opts) end

--- Words that occur near `word` more often than chance predicts.
---@param word string
---@param opts? CollocationOptions
---@return List<CollocateRow>
function Corpus:collocations(word, opts) end

--- Pairs of entities (or terms, `of = "terms"`) sharing a sentence, paragraph or document, with counts, PMI and log-likelihood, best first (docs/statistics.md).
---@param opts? CooccurrenceOptions
---@return List<CooccurrenceRow>
function Corpus:cooccurrence(opts) end

--- Words this corpus uses more (positive score) or less than `other` (or the rest of the corpus when one holds the other).
---@param other Corpus
---@param opts? KeynessOptions
---@return List<KeynessRow>
function Corpus:keyness(other, opts) end

--- Named entities, most mentioned first; a sub-corpus counts only its own documents (docs/entities.md).
---@param opts? EntityOptions|EntityKind
---@return List<Entity>
function Corpus:entities(opts) end

--- The entity one of whose names (any alias) is `name`, or nil.
---@param name string
---@return Entity?
function Corpus:entity(name) end

--- What this corpus adds to the entity evidence of a split run: tables of rows for `scripts/globals.lua` (docs/guide.md, "Beyond one machine").
---@return EntityEvidence
function Corpus:entity_evidence() end

--- Adds a name, alias, title or never-a-name word to the entity gazetteer; the entity index is rebuilt on next use.
---@param spec GazetteerEntry
function Corpus:gazetteer_add(spec) end

--- Quotations with their speakers, in document order (docs/quotes.md).
---@param opts? QuoteOptions
---@return List<Quote>
function Corpus:quotes(opts) end

--- Claims: the same fact stated by documents of at least two groups (outlets by default) (docs/compare.md).
---@param opts? CompareOptions
---@return List<Claim>
function Corpus:compare(opts) end

--- Claims whose outlets give different dates, numbers or names for the same subject and attribute (docs/compare.md).
---@param opts? ConflictOptions
---@return List<Conflict>
function Corpus:conflicts(opts) end

--- Pairs of documents that share much of their text: copies (Jaccard) or one inside the other (containment).
---@param opts? DuplicateOptions
---@return List<DuplicatePair>
function Corpus:duplicates(opts) end

--- Every document's near-duplicate sketch (its word shingles, as text) for a split run: a map script's `near_duplicates` table reduces the sketches of every part to the pairs `duplicates` finds on the whole corpus (docs/guide.md, "Beyond one machine").
---@param shingle? integer
---@return List<DuplicateSketch>
function Corpus:duplicate_sketches(shingle) end
-- end generated Corpus

-- ============================================================================================
-- Document, Sentence, TokenList, Token
-- ============================================================================================

-- begin generated Document
--- One article. Documents of a sub-corpus are the same objects as in the corpus (`==` works).
---@class Document
---@field id string the input's `id` field, else the file name without extension (with its sub-folder path when two files share a name), plus `:LINE` for a JSONL line or CSV row and `#N` for a JSON array item
---@field path string the file it was read from
---@field format? string the input format: "txt", "jsonl", "json", "csv", "tsv", "html" or "warc"; nil for a text given as a string
---@field title? string the headline: the input's title field, else the line the text opens with when it reads as one; or nil
---@field title_from? string where `title` came from: "field" (the input's metadata: a field, a header block, a page's metadata), "text" (the opening line) or "breadcrumb"; nil without a title
---@field source? string the outlet: the input's source field, else a credit line's, a share prompt's or the dateline's agency; or nil
---@field source_from? string where `source` came from: "field" (the input's metadata), "credit" (a credit or rights line), "share" (a share prompt) or "dateline" (its agency); nil without a source
---@field url? string the article's address, when the input gives one
---@field authors List<string> the authors the input names (a field or a header block), in its order
---@field language? string the language as a BCP 47 tag ("en", "pt-BR", "zh"): the input's, else the one detected in the text's first few KB (script, then function words), or nil when unsure (short, mixed, or a language it does not know)
---@field language_from? string where `language` came from: "field" (the input's metadata) or "detected"; nil without a language
---@field meta table<string, any> the input's other fields (a JSONL export's `section`, a CSV column): strings, numbers, booleans and lists
---@field dateline? Dateline the dateline, when the article has one
---@field date? string ISO `YYYY-MM-DD` when it can be known (given, a dateline's day with the corpus's year, or inferred), or nil
---@field date_from? string where `date` came from: "field", "dateline", "dateline+corpus", "dateline+field", "text" or "inferred"
---@field date_guess? DateGuess when the date cannot be known: a guess and its basis, or nil
---@field credits List<string> bylines, sign-offs, reporting, editing and contributor lines taken out of the text
---@field text string the clean body (boilerplate and credits removed, hard-wrapped text reflowed)
---@field raw string the record as read: a text file's text, a JSONL line, a JSON item or a CSV row as written
---@field boilerplate List<BoilerplateLine> lines removed from the body, with the reason
---@field words integer word count
local Document = {}

--- The paragraphs of the body as strings.
---@return List<string>
function Document:paragraphs() end

--- The sentences, in text order.
---@return List<Sentence>
function Document:sentences() end

--- All tokens, as a lazy list of Token records.
---@return TokenList
function Document:tokens() end

--- The document's term ids (1-based, index `corpus:vocabulary()` with them) as a plain table.
---@return integer[]
function Document:token_ids() end

--- The words that characterise the document within its corpus (tf-idf).
---@param opts? KeywordOptions
---@return List<KeywordRow>
function Document:keywords(opts) end

--- The document's date mentions in text order; relative ones are read against the document's date, else its guessed date, else the corpus's anchor.
---@return List<DateMention>
function Document:dates() end

--- The entities the document mentions, in order of first mention.
---@return List<Entity>
function Document:entities() end

--- The document's quotations.
---@param opts? QuoteOptions
---@return List<Quote>
function Document:quotes(opts) end
-- end generated Document

-- begin generated Sentence
--- One sentence of a document. The same sentence is always the same value (`==` works, and
--- sentences can be table keys).
---@class Sentence
---@field text string
---@field doc Document
---@field index integer 1-based position in the document
---@field offset integer 1-based byte position of its first character in `doc.text` (as `string.sub` counts)
local Sentence = {}

--- The sentence's tokens, as a lazy list.
---@return TokenList
function Sentence:tokens() end

--- The entities the sentence mentions, in text order.
---@return List<Entity>
function Sentence:entities() end

--- The quotations that start in the sentence or run through it.
---@return List<Quote>
function Sentence:quotes() end
-- end generated Sentence

-- begin generated TokenList
--- A lazy list of tokens (`doc:tokens()`, `sentence:tokens()`): `#toks` and `toks[i]` work without
--- building every record, and it has the List methods (their results are plain Lists).
---@class TokenList: List<Token>
---@field [integer] Token
local TokenList = {}
-- end generated TokenList

--- One token: a record made on access.
---@class Token
---@field text string as written
---@field norm string the case-folded normal form (curly apostrophes made straight)
---@field kind TokenKind
---@field offset integer 1-based byte position in the text

--- `doc.dateline`.
---@class Dateline
---@field text string as written ("NEW YORK, Feb 26 -", "18-6-2023 (BEIJING)")
---@field place? string the place, with its state or country ("Commack, N.Y.")
---@field date? string ISO date as written: "2023-06-18", or "--02-26" for a month and day without a year
---@field agency? string the agency or wire named ("Reuters", "Associated Press", "PR Newswire")

--- `doc.date_guess`.
---@class DateGuess
---@field date string the guessed date: ISO, or "--02-26" when not even the year can be guessed
---@field basis string what the guess rests on

--- One line of `doc.boilerplate`.
---@class BoilerplateLine
---@field line string the line removed
---@field reason string why ("caption", "credit line", "repeated title", …)

--- One row of `corpus:sources()`.
---@class SourceCount
---@field source string the outlet
---@field docs integer how many documents

-- ============================================================================================
-- Search and dates
-- ============================================================================================

-- begin generated SearchOptions
--- Options of `corpus:search`.
---@class SearchOptions
---@field limit? integer most hits returned (at least 1) (default 10)
---@field top? integer the same as `limit`
---@field snippets? boolean false ranks only, without snippets (default true)
-- end generated SearchOptions

-- begin generated KwicOptions
--- Options of `corpus:kwic`.
---@class KwicOptions
---@field width? integer characters of context on each side (0 to 1000) (default 40)
---@field limit? integer|false most lines returned (at least 1; false: all) (default all)
---@field top? integer|false the same as `limit`
-- end generated KwicOptions

-- begin generated CorpusTimelineOptions
--- Options of `corpus:timeline`.
---@class CorpusTimelineOptions
---@field after? string ISO date (or year, year-month): only dates from then on, inclusive
---@field before? string ISO date: only dates up to then, inclusive
---@field limit? TopOption most rows returned (false: all) (default all)
---@field top? TopOption the same as `limit`
-- end generated CorpusTimelineOptions

--- One hit of `corpus:search`.
---@class Hit
---@field doc Document
---@field score number BM25 score
---@field snippet string the best passage, matches marked «…» ("" with `snippets = false`)

--- One line of `corpus:kwic`.
---@class KwicLine
---@field left string context before the match
---@field match string the matched text
---@field right string context after the match
---@field doc Document
---@field sentence Sentence the sentence holding the match
---@field offset integer 1-based byte position of the match in `doc.text`

-- begin generated DateOptions
--- Options of `dossier.dates`.
---@class DateOptions
---@field anchor? string ISO date relative dates are read against ("2023-06-18")
-- end generated DateOptions

--- A date as written in a text, resolved to an ISO value.
---@class DateMention
---@field text string as written ("last November")
---@field date? string ISO day, month or year, or a range `2023-06-18/2023-06-19`; nil when a relative date had nothing to be read against
---@field doc? Document nil for free text
---@field sentence? Sentence the sentence holding it (nil for free text)
---@field anchor? string what a relative date was read against, described ("document date 2023-06-18", "corpus evidence 2023-06-18")
---@field relative boolean true for dates such as "last Monday"
---@field offset integer 1-based byte position in the text

-- begin generated FilterSpec
--- `corpus:filter{…}` (and `List:filter{…}` on documents): every field given must hold.
---@class FilterSpec
---@field source? string|string[] outlet name(s), case-insensitive
---@field after? string ISO date (or year, year-month); inclusive; undated documents are left out
---@field before? string ISO date; inclusive; undated documents are left out
---@field contains? string a search query the document must match
-- end generated FilterSpec

-- ============================================================================================
-- Statistics
-- ============================================================================================

-- begin generated FrequencyOptions
--- Options of `corpus:frequencies`.
---@class FrequencyOptions
---@field top? TopOption most rows returned (false: all) (default 100)
---@field limit? TopOption the same as `top`
---@field min? integer fewest occurrences a row needs (default 1)
---@field stopwords? StopwordsOption true: the session list; false: none; or a list of words for this call (default true)
---@field kinds? TokenKind|TokenKind[] token kinds counted (default "word")
-- end generated FrequencyOptions

-- begin generated NGramOptions
--- Options of `corpus:ngrams`.
---@class NGramOptions
---@field top? TopOption most rows returned (false: all) (default 100)
---@field limit? TopOption the same as `top`
---@field min? integer fewest occurrences a row needs (default 2)
---@field stopwords? StopwordsOption n-grams that start or end with a stopword are dropped unless false (default true)
-- end generated NGramOptions

-- begin generated CollocationOptions
--- Options of `corpus:collocations`.
---@class CollocationOptions
---@field top? TopOption most rows returned (false: all) (default 100)
---@field limit? TopOption the same as `top`
---@field min? integer fewest co-occurrences a row needs (default 2)
---@field stopwords? StopwordsOption true: the session list; false: none; or a list of words for this call (default true)
---@field window? integer tokens on each side (1 to 1000) (default 5)
---@field measure? AssociationMeasure how attachment is scored (default "llr")
-- end generated CollocationOptions

-- begin generated KeynessOptions
--- Options of `corpus:keyness`.
---@class KeynessOptions
---@field top? TopOption most rows returned (false: all) (default 100)
---@field limit? TopOption the same as `top`
---@field min? integer fewest occurrences in both corpora together a row needs (default 3)
---@field stopwords? StopwordsOption true: the session list; false: none; or a list of words for this call (default true)
-- end generated KeynessOptions

---@class OpenOptions
---@field format? "txt"|"jsonl"|"json"|"csv"|"tsv" read every file as this format (default: by extension, else by content)
---@field fields? table<string, string> input field names by role: `{text = "article_body", date = "pub"}` (roles: id, title, text, date, source, url, authors, language)
---@field recursive? boolean read sub-folders too (default true)
---@field pattern? string a glob the file names must match (`"*.jsonl"`)
---@field annotate? boolean for an archive: store in it the analyses this session computes that it does not store yet (trusted scripts only; default false)

-- begin generated KeywordOptions
--- Options of `doc:keywords`.
---@class KeywordOptions
---@field top? TopOption most rows returned (false: all) (default 10)
---@field limit? TopOption the same as `top`
---@field min? integer fewest occurrences in the document a row needs (default 1)
---@field stopwords? StopwordsOption true: the session list; false: none; or a list of words for this call (default true)
-- end generated KeywordOptions

--- One row of `corpus:frequencies`.
---@class FrequencyRow
---@field term string normal form
---@field count integer occurrences
---@field docs integer documents holding it (a count)

--- One row of `corpus:ngrams`.
---@class NGramRow
---@field ngram string the words, space-separated ("secretary of state")
---@field count integer occurrences
---@field docs integer documents holding it (a count)

--- One row of `corpus:collocations`.
---@class CollocateRow
---@field term string the collocate
---@field score number association score (4 decimals)
---@field count integer co-occurrences in the node's windows

--- `corpus:entity_evidence()`: a part's entity evidence, a List of rows per table of `scripts/globals.lua`.
---@class EntityEvidence
---@field entity_case List<table> `{word, lower, capitalized}`: how often each word is written lowercase, capitalised mid-sentence
---@field person_key List<table> `{key, count, sure}`: each spelling of a person's full name (folded), its mentions, 1 when confirmed
---@field entity_acronym List<table> `{acronym, ref}`: what an acronym was first defined as
---@field entity_org List<table> `{key, as, count}`: organisation names (`as = "name"`) and their words before a commercial ending (`"prefix"`)
---@field entity_single List<table> `{word, mentions, cued}`: one-word names mid-sentence, and with a title or courtesy title
---@field entity List<table> `{ref, mentions, locatives, organization, place, event, other}`: per entity, its mentions, after "in", and kind votes
---@field entity_form List<table> `{ref, form, as, count}`: per entity, its names as written (`as = "text"`) and without courtesy titles (`"surface"`)

--- One row of `corpus:keyness`.
---@class KeynessRow
---@field term string
---@field score number signed G² (4 decimals): positive when relatively more frequent in the target
---@field count integer occurrences in the target
---@field ref_count integer occurrences in the reference

--- One row of `doc:keywords`.
---@class KeywordRow
---@field term string
---@field score number tf-idf (4 decimals)
---@field count integer occurrences in the document

--- What `corpus.archive` is for a corpus opened from an archive (`dossier index`).
---@class ArchiveInfo
---@field path string the archive folder
---@field documents integer
---@field deleted integer documents removed or replaced, left out of everything, kept on disk until `dossier index --compact`
---@field segments integer index segments
---@field created string when the archive was first written (ISO 8601, UTC)
---@field updated string when it was last written
---@field bytes integer size of its files
---@field format_version integer

--- What `dossier.stats()` returns.
---@class Stats
---@field documents integer
---@field bytes integer bytes of document text
---@field tokens integer
---@field terms integer distinct terms
---@field postings_bytes integer size of the search index's postings
---@field memory table<string, integer> bytes per part of the corpus ("text", "postings", …)
---@field load_seconds number time taken to load and index the corpus
---@field load_cpu_seconds number CPU seconds (all threads) the load took
---@field rss integer resident memory of the process, bytes
---@field peak_rss integer peak resident memory, bytes
---@field lua_memory integer bytes Lua has allocated

-- ============================================================================================
-- Entities
-- ============================================================================================

-- begin generated Entity
--- A named thing with every name it goes by (docs/entities.md). In a sub-corpus, entities are
--- copies whose `count`, `:mentions()` and `:docs()` cover only its documents.
---@class Entity
---@field name string canonical name (the fullest form seen)
---@field kind EntityKind
---@field count integer mentions
---@field aliases List<string> other names seen for it ("Blinken", "Mr. Blinken")
---@field roles List<string> titles seen with it, most frequent first ("US Secretary of State")
local Entity = {}

--- Every mention, in document and text order.
---@return List<Mention>
function Entity:mentions() end

--- The documents that mention it.
---@return List<Document>
function Entity:docs() end
-- end generated Entity

--- One mention of an Entity.
---@class Mention
---@field doc Document
---@field sentence Sentence
---@field text string as written (line breaks and no-break spaces made single spaces)
---@field offset integer 1-based byte position in `doc.text`

-- begin generated EntityOptions
--- Options of `corpus:entities`.
---@class EntityOptions
---@field kind? EntityKind only entities of this kind (default all kinds)
---@field top? TopOption most rows returned (false: all) (default all)
---@field limit? TopOption the same as `top`
---@field min? integer fewest mentions a row needs (default 1)
-- end generated EntityOptions

-- begin generated CooccurrenceOptions
--- Options of `corpus:cooccurrence`.
---@class CooccurrenceOptions
---@field of? "entities"|"terms" what is paired (default "entities")
---@field kind? EntityKind|EntityKind[] only entities of this kind or kinds (default all kinds)
---@field among? (Entity|string)[] only pairs of these entities (Entities or names) (default all)
---@field within? "sentence"|"paragraph"|"document" the span both must share (default "sentence")
---@field top? TopOption most rows returned (false: all) (default 100)
---@field limit? TopOption the same as `top`
---@field min? integer fewest spans shared a row needs (default 2)
---@field measure? "llr"|"pmi"|"count" how rows are ranked (default "llr")
---@field stopwords? StopwordsOption terms only: stopwords are left out unless false (default true)
-- end generated CooccurrenceOptions

--- One row of `corpus:cooccurrence`: a pair and how strongly it is attached.
---@class CooccurrenceRow
---@field a Entity|string the first of the pair (a string with `of = "terms"`)
---@field b Entity|string the second
---@field count integer spans (sentences, paragraphs or documents) holding both
---@field count_a integer spans holding `a`
---@field count_b integer spans holding `b`
---@field pmi number pointwise mutual information, log2(count · N / (count_a · count_b))
---@field llr number signed log-likelihood (G²): positive when they occur together more than chance predicts
---@field docs List<Document> the documents holding both
---@field example? Sentence the first sentence holding both (with `within = "sentence"`)

--- `corpus:gazetteer_add{…}`.
---@class GazetteerEntry
---@field kind GazetteerKind an entity kind, or "role" (a title), "given_name", "family_name", "ignore" (never a name)
---@field name? string the name (or the title for "role"); required for entity kinds
---@field names? string[] several words at once (given_name, family_name, ignore)
---@field aliases? string[] other names of the entity
---@field demonyms? string[] adjectives of a place ("Kenyan")
---@field capitalized? boolean a role only when written capitalised

-- ============================================================================================
-- Quotes
-- ============================================================================================

-- begin generated Quote
--- A quotation and who said it (docs/quotes.md).
---@class Quote
---@field text string the words inside the quotation marks
---@field speaker? Entity the person or organisation it is attributed to (nil when unresolved)
---@field speaker_name? string the resolved speaker's name
---@field speaker_text? string the speaker as the attribution writes it ("he", "Sun", "a senior official")
---@field speaker_kind? SpeakerKind what the speaker is: a person, an organization, a description of someone unnamed, or an unresolved pronoun
---@field who? string the resolved name, else the phrase as written (what lists show)
---@field verb? string the attribution verb, lowercased ("said", "according to")
---@field doc? Document nil for free text
---@field sentence? Sentence the sentence where it starts (nil for free text)
---@field sentence_index integer that sentence's 1-based index
---@field partial boolean true for fragments and scare quotes
---@field kind QuoteKind
---@field paragraphs integer paragraphs the quote spans
---@field offset integer 1-based byte position of the first quoted word in the text
local Quote = {}
-- end generated Quote

---@class QuoteOptions
---@field speaker? string a name: matches the resolved name or the phrase, case-insensitive, whole words ("Ward")
---@field partial? boolean false: only full quotations; true: only fragments and scare quotes
---@field kind? QuoteKind
---@field verb? string only this attribution verb ("said", "according to")
---@field speaker_kind? SpeakerKind only quotes whose speaker is of this kind
---@field verbs? string[] more attribution verbs to recognise ({"quipped"}); speakers still resolve to entities

-- ============================================================================================
-- Comparing outlets
-- ============================================================================================

---@class CompareOptions
---@field by? "source"|"document"|table<string, string>|fun(doc: Document): any what a group is (default "source"); a table maps document ids to groups
---@field threshold? number similarity a sentence needs to join a claim, above 0 and at most 1 (default 0.35)
---@field min_sources? integer fewest groups per claim (default 2; 2 to 1000000)
---@field similarity? SentenceSimilarity default "blended"

---@class ConflictOptions: CompareOptions
---@field hedges? boolean also report hedged differences ("nearly five years" / "five years") (default false)
---@field kinds? FactKind|FactKind[] default all three

---@class DuplicateOptions
---@field threshold? number least `similarity` by `measure`, above 0 and at most 1 (default 0.5)
---@field measure? "jaccard"|"containment" what `threshold` bounds: shared shingles of both ("jaccard", default) or of the smaller document ("containment": a short version inside a long one)
---@field passages? integer most shared passages shown per pair (default 5; 0 to 1000)
---@field shingle? integer words per shingle (default 5; 1 to 100)

--- A fact stated by several groups.
---@class Claim
---@field text string the most central sentence
---@field sources List<string> the groups (outlets; a document id for a document without source)
---@field docs List<Document>
---@field sentences List<Sentence> one per document
---@field score number mean similarity of the other sentences to `text` (3 decimals)
---@field size integer number of sentences

--- A claim whose groups disagree.
---@class Conflict
---@field kind FactKind
---@field key string what differs ("weekday", "day", "number of dollar a share", "number of people", …)
---@field values List<string> the differing values as written
---@field certain boolean true only when both sentences name the subject and what the value is of, and neither value is hedged; else `reason` says why not
---@field reason string one line saying what differs where
---@field claim Claim
---@field sentences List<Sentence> the sentences that disagree
---@field docs List<Document> their documents

--- Two documents sharing much of their text.
---@class DuplicatePair
---@field a Document
---@field b Document
---@field similarity number the score `threshold` bounds: `jaccard` or `containment`, by `measure` (3 decimals)
---@field jaccard number shared shingles over the shingles of both (3 decimals)
---@field containment number shared shingles over those of the document with fewer (3 decimals)
---@field contained Document? the document with fewer shingles (the short version inside the other); nil when equal
---@field estimate number the sketch's estimate of `similarity` it was found with
---@field passages List<string> shared passages

--- A document's near-duplicate sketch for a split run (`corpus:duplicate_sketches`).
---@class DuplicateSketch
---@field doc Document
---@field sketch string its distinct word shingles, hashed from the words' text, as compact text (`s5:` then base64)

-- ============================================================================================
-- Report objects
-- ============================================================================================

-- begin generated Table
--- A table made by `report.table`; `tostring(t)` gives the aligned text, `#t` the row count.
---@class Table
---@field columns List<string>
local Table = {}

--- The table as aligned text, fitted to `width` characters (1 to 1000; default: the terminal's).
---@param width? integer
---@return string
function Table:text(width) end

--- The table in Markdown.
---@return string
function Table:markdown() end

--- The table as CSV (RFC 4180).
---@return string
function Table:csv() end

--- The table as a JSON array of objects.
---@return string
function Table:json() end

--- Only the rows an HTML report shows of the table (its `top`), as a new Table whose note still counts and links the whole list: the same page from far less memory once the whole table is written (`report.write(path, t)`). A table that shows every row comes back as it is.
---@return Table
function Table:excerpt() end

--- Prints the table, aligned; returns it.
---@return Table
function Table:print() end
-- end generated Table

-- begin generated Chart
--- A chart made by `report.chart.*`, drawn as SVG when it goes into `report.html`.
---@class Chart
---@field title string
local Chart = {}

--- The chart as an SVG element.
---@return string
function Chart:svg() end
-- end generated Chart

-- begin generated TableOptions
--- Options of `report.table`.
---@class TableOptions
---@field columns? string[] which fields, in order (default the List's columns, else the keys seen)
---@field top? integer|false rows an HTML report shows (0 to 2^31-1); the rest are counted as "N more" (default false (all))
---@field noun? string what a row is, for that note ("quotations") (default "rows")
---@field link? string a file holding the whole table, linked under it (a path relative to the page)
-- end generated TableOptions

-- begin generated BarChartOptions
--- Options of `report.chart.bar`.
---@class BarChartOptions
---@field title? string the chart's title
---@field label? string field holding the label (default label, term, name, key, ngram or source)
---@field value? string field holding the value (default value, count, score or docs)
-- end generated BarChartOptions

-- begin generated BarsOptions
--- Options of `report.bars`.
---@class BarsOptions
---@field label? string field holding the label
---@field value? string field holding the value
---@field width? integer characters, 1 to 1000 (default the terminal's)
-- end generated BarsOptions

-- begin generated TimelineOptions
--- Options of `report.chart.timeline`.
---@class TimelineOptions
---@field title? string the chart's title
---@field label? string field holding an event's label (default "label", else `text`)
-- end generated TimelineOptions

--- An event of `report.chart.timeline` (DateMentions work too: their `date` gives start and end).
---@class TimelineEvent
---@field label? string
---@field start string ISO date
---@field ["end"]? string ISO date
---@field detail? string

---@class NetworkNode
---@field id string
---@field label? string default: the id
---@field weight? number default 1
---@field group? string nodes of a group share a colour

---@class NetworkEdge
---@field source string a node id
---@field target string a node id
---@field weight? number default 1

---@class NetworkSpec
---@field title? string
---@field nodes NetworkNode[]
---@field edges NetworkEdge[]

---@class MatrixSpec
---@field title? string
---@field rows string[] row labels
---@field columns string[] column labels
---@field cells number[][] one row of numbers per row label

--- A section of `report.html`: blocks are its array items (or `blocks`): strings (paragraphs),
--- Tables, Charts, Lists or sequences of records (made into tables), or `{html = "…"}`.
---@class HtmlSection
---@field heading? string
---@field title? string used when there is no heading
---@field blocks? any[]
---@field [integer] any

---@class HtmlSpec
---@field title? string default "dossier report"
---@field subtitle? string
---@field sections HtmlSection[]

---@class BarItem
---@field label string
---@field value number

-- ============================================================================================
-- Plugins
-- ============================================================================================

--- What a plugin's `manifest.lua` returns (docs/plugins.md).
---@class PluginManifest
---@field name string the plugin's folder name
---@field version string MAJOR.MINOR.PATCH
---@field description? string one line (a warning without it)
---@field author? string
---@field license? string
---@field dossier? string the dossier versions it works with (">=0.1")
---@field requires? string[]|table<string, string|true> other plugins ({"lexicon >=1.2"} or {lexicon = ">=1.2"})

--- What a plugin's `init.lua` may return besides its own functions: extension points registered when it is first required.
---@class PluginModule
---@field commands? table<string, CommandSpec|fun(args: string): any> REPL commands `:name args`
---@field annotators? table<string, fun(c: Corpus): any>
---@field report_sections? table<string, fun(c: Corpus): HtmlSection>

--- A REPL command.
---@class CommandSpec
---@field help? string one line for `:help`
---@field run fun(args: string): any gets the rest of the line (trimmed); what it returns is printed

--- One row of `dossier.plugins()`.
---@class PluginInfo
---@field name string
---@field version? string
---@field description? string
---@field origin PluginOrigin where it was found
---@field path string its folder
---@field problem? string why it cannot load, when it cannot
---@field loaded boolean activated (required) in this session

--- One row of `dossier.commands()`.
---@class CommandInfo
---@field name string
---@field help string
---@field plugin? string nil when a script added it

--- One row of `dossier.annotators()`.
---@class AnnotatorInfo
---@field name string
---@field plugin? string

--- One row of `dossier.report_sections()`.
---@class ReportSectionInfo
---@field name string
---@field plugin? string
---@field render fun(c: Corpus): HtmlSection

-- ============================================================================================
-- Globals
-- ============================================================================================

--- The loaded corpus (`--corpus PATH`, `DOSSIER_CORPUS`, or the project's seeds/).
---@type Corpus
corpus = {}

--- Script arguments, as plain Lua gives them: `arg[0]` is the script path, `arg[1]`… the arguments (`dossier run` only).
---@type table<integer, string>
arg = {}

-- --------------------------------------------------------------------------------------------
-- report
-- --------------------------------------------------------------------------------------------

--- Tables, HTML reports with SVG charts, terminal charts, atomic writes under the output folder.
---@class report
---@field output_folder string the folder `report.write` writes under (`--out`, default `out`)
---@field chart report.chart
report = {}

--- A Table from rows (a List or sequence of records, objects or plain values).
---@param rows table|List<any>|TokenList
---@param opts? TableOptions
---@return Table
function report.table(rows, opts) end

--- A self-contained HTML page (inline CSS and SVG) as a string.
---@param spec HtmlSpec
---@return string html
function report.html(spec) end

--- Writes `text` to `path` under the output folder (`--out`, default ./out), atomically; returns the full path. A Table is written as CSV, a piece at a time.
---@param path string relative path, no `..`
---@param text string|Table
---@return string path
function report.write(path, text) end

--- Horizontal bars in the terminal, one line per row.
---@param rows table|List<any>
---@param opts? BarsOptions
---@return string
function report.bars(rows, opts) end

--- A one-line sparkline (▁▂▃…) of numbers, or of one field of rows.
---@param values number[]|table|List<any>
---@param field? string
---@return string
function report.sparkline(values, field) end

--- Charts for `report.html`.
---@class report.chart
report.chart = {}

--- A bar chart of rows (`{label, value}` records, or any rows with `opts.label`/`opts.value`).
---@param rows table|List<any>
---@param opts? BarChartOptions
---@return Chart
function report.chart.bar(rows, opts) end

--- A timeline of events `{label, start, end, detail}` or of DateMentions.
---@param events TimelineEvent[]|List<DateMention>
---@param opts? TimelineOptions
---@return Chart
function report.chart.timeline(events, opts) end

--- A network of nodes and weighted edges.
---@param spec NetworkSpec
---@return Chart
function report.chart.network(spec) end

--- A matrix (heat map), e.g. source × claim.
---@param spec MatrixSpec
---@return Chart
function report.chart.matrix(spec) end

-- --------------------------------------------------------------------------------------------
-- dossier
-- --------------------------------------------------------------------------------------------

-- begin generated dossier
--- dossier itself: version, other corpora, the analysis stages on any text, stopwords, plugins.
---@class dossier
---@field version string dossier's version ("0.1.0")
---@field lua_version string "Lua 5.4"
---@field List List<any> the List type: `List.new(t)`, `List.is(v)`, `List.with_columns(cols)`
---@field printer dossier.printer how the REPL shows values
---@field util dossier.util helpers scripts and plugins share: text, outlets, columns, arguments
dossier = {}

--- Ends the script with `message` on standard error and exit status 1, without a position or
--- a traceback (for usage errors and "nothing found" endings).
---@param message string
function dossier.fail(message) end

--- A Corpus loaded from another folder or file of articles (.txt, .jsonl, .json, .csv…; `opts`: `format`, `fields`, `recursive`, `pattern`); plugin annotators run on it too.
---@param path string
---@param opts? OpenOptions
---@return Corpus
function dossier.open(path, opts) end

--- The sentences of any text.
---@param text string
---@return List<string>
function dossier.sentences(text) end

--- The tokens of any text, as Token records (offsets into `text`).
---@param text string
---@return List<Token>
function dossier.tokens(text) end

--- The date mentions of any text; relative dates are read against `opts.anchor`.
---@param text string
---@param opts? DateOptions
---@return List<DateMention>
function dossier.dates(text, opts) end

--- The quotations of any text (paragraphs separated by blank lines); `doc` and `sentence` are nil.
---@param text string
---@param opts? QuoteOptions
---@return List<Quote>
function dossier.quotes(text, opts) end

--- The entities of any text, analysed as a one-document corpus with the session's gazetteer.
---@param text string
---@return List<Entity>
function dossier.entities(text) end

--- The session's stopword list, sorted.
---@return List<string>
function dossier.stopwords() end

--- Replaces the stopword list (`"english"` restores the bundled one); returns its new size.
---@param words string|string[]
---@return integer size
function dossier.set_stopwords(words) end

--- Adds words to the stopword list; returns its new size.
---@param words string|string[]
---@return integer size
function dossier.add_stopwords(words) end

--- Removes words from the stopword list; returns its new size.
---@param words string|string[]
---@return integer size
function dossier.remove_stopwords(words) end

--- True when `word` (normalised first) is on the stopword list.
---@param word string
---@return boolean
function dossier.is_stopword(word) end

--- Seconds on a monotonic clock, for timing (`os.clock` is CPU time).
---@return number
function dossier.clock() end

--- Sizes and timings of the session's corpus and process.
---@return Stats
function dossier.stats() end

--- The plugins on the plugin path.
---@return List<PluginInfo>
function dossier.plugins() end

--- The REPL commands plugins and scripts added, in the order they were added.
---@return List<CommandInfo>
function dossier.commands() end

--- Adds a REPL command `:name args`.
---@param name string a word ("tag", "show_quotes")
---@param spec CommandSpec|fun(args: string): any
function dossier.command(name, spec) end

--- The annotators, in the order they were added.
---@return List<AnnotatorInfo>
function dossier.annotators() end

--- Adds an annotator: `fn(corpus)` runs now on `corpus` and on every corpus `dossier.open` loads later.
---@param name string
---@param fn fun(c: Corpus): any
function dossier.annotator(name, fn) end

--- Runs every annotator on corpus `c` (a sub-corpus, say); returns `c`.
---@param c Corpus
---@return Corpus
function dossier.annotate(c) end

--- What annotator `name` returned for corpus `c` (default: the session's corpus).
---@param name string
---@param c? Corpus
---@return any
function dossier.annotation(name, c) end

--- The report sections, in the order they were added.
---@return List<ReportSectionInfo>
function dossier.report_sections() end

--- Adds a report section: `fn(corpus)` returns `{heading = …, blocks = {…}}`.
---@param name string
---@param fn fun(c: Corpus): HtmlSection
function dossier.report_section(name, fn) end
-- end generated dossier

--- How the REPL and `tostring` show values (used by the report module; scripts rarely need it).
---@class dossier.printer
---@field rows integer rows a List prints before "… N more" (40 in the REPL; every row in a script whose output is not a terminal; 0 or more, checked when set; `max_rows` is the same setting)
---@field max_depth integer nesting shown for plain tables (2; 0 to 100)
---@field max_items integer items shown per plain table (30; 0 or more)
---@field width? integer the width the last REPL entry printed at (1 to 1000; nil before the REPL printed)
dossier.printer = {}

--- A value as one short line, for a table cell (strings and numbers stay).
---@param v any
---@return string|number
function dossier.printer.cell(v) end

--- A value as one short line for a person to read (a printed List's cell): a Document shows its source and short title.
---@param v any
---@return string|number
function dossier.printer.show(v) end

--- A List as an aligned table that fits `width`, showing at most `max_rows` rows.
---@param list List<any>|TokenList
---@param width? integer 1 to 1000 (default 100)
---@param max_rows? integer 0 or more (default `dossier.printer.rows`)
---@return string
function dossier.printer.list(list, width, max_rows) end

--- A value as the REPL prints it.
---@param v any
---@param width? integer 1 to 1000
---@return string
function dossier.printer.repr(v, width) end

--- A number as the printer writes it (integers as they are, others with 4 significant digits).
---@param n number
---@return string
function dossier.printer.number_text(n) end

--- Helpers scripts and plugins share instead of copying them (the bundled plugins use them):
--- text made one line, clipped or wrapped, outlets and their columns, Lists that print chosen
--- columns, command-line arguments, and `has`/`get` for code that takes several kinds of values.
---@class dossier.util
dossier.util = {}

--- True when `value` has a member `name`: a key of a table (nil values excepted), a field or method of an object (reading a member an object does not have is an error).
---@param value any
---@param name string
---@return boolean
function dossier.util.has(value, name) end

--- `value[name]` when `value` has that member (see `has`), else nil: a read that never fails.
---@param value any
---@param name string
---@return any
function dossier.util.get(value, name) end

--- `rows` (a plain table) made a List that prints `columns`, in that order.
---@generic T
---@param rows? T[]
---@param columns? string[]
---@return List<T>
function dossier.util.list(rows, columns) end

--- How many quotations `shown` holds of `all` and what it leaves out, in the words every view uses: "35 of 36 quotations (17 full, 18 partial; left out: 1 scare)".
---@param all List<Quote>
---@param shown? List<Quote> default `all`
---@return string
function dossier.util.quote_summary(all, shown) end

--- `text` with runs of white space (line breaks, no-break spaces) made one space, trimmed.
---@param text any
---@return string
function dossier.util.squash(text) end

--- `text` squashed and cut to at most `n` bytes (never inside a UTF-8 character), with "…" when it was cut.
---@param text any
---@param n integer
---@return string
function dossier.util.clip(text, n) end

--- The part of `text` around bytes `from`..`to`: up to `width` bytes each side (default 60), the span in brackets, "…" where it was cut.
---@param text string
---@param from integer
---@param to integer
---@param width? integer
---@return string
function dossier.util.around(text, from, to, width) end

--- `text` wrapped to `width` columns (default 100), every line starting with `indent`.
---@param text string
---@param width? integer
---@param indent? string
---@return string
function dossier.util.wrap(text, width, indent) end

--- The outlet of a document: its `source`, else its id (as `corpus:compare` groups them).
---@param doc Document
---@return string
function dossier.util.source_of(doc) end

--- A short label for an outlet or a document id: "002_b0ccbc8c9a36bb37" → "002".
---@param name any
---@return string
function dossier.util.label(name) end

--- "1 document", "3 documents" (`words`: the plural when it is not `word` .. "s").
---@param n integer
---@param word string
---@param words? string
---@return string
function dossier.util.plural(n, word, words) end

--- The distinct values of `items`, in first-seen order.
---@param items any[]
---@return any[]
function dossier.util.distinct(items) end

--- `items` joined with ", ", at most `n` of them (default 6) and "and N more".
---@param items string[]
---@param n? integer
---@return string
function dossier.util.join(items, n) end

--- The outlets of `c` in a stable order (named sources first, most documents first, then the ids of documents without a source), and the documents per outlet.
---@param c Corpus
---@return string[] outlets
---@return table<string, integer> counts
function dossier.util.outlets(c) end

--- Columns for a table with one column per outlet: at most `n` (default 12), the outlets with the most `weight` (default: documents) first, the rest summed in "no source" and "others". Returns the column names and a function from an outlet to its column.
---@param c Corpus
---@param n? integer
---@param weight? table<string, number>
---@return string[] columns
---@return fun(outlet: string): string column_of
function dossier.util.outlet_columns(c, n, weight) end

--- Reads script arguments: `spec.options` maps names to "file", "number", "string" or "flag"; positional arguments go to `args`, `--help` sets `help`; a bad argument is an error that gives `spec.usage`.
---@param args string[]
---@param spec {usage: string, options?: table<string, "file"|"number"|"string"|"flag">}
---@return table opts
function dossier.util.parse_args(args, spec) end

--- Splits a REPL command's argument line into words; "double quotes" keep spaces.
---@param line string
---@return string[]
function dossier.util.split(line) end

--- Prints `title` underlined, for the sections of a tool's terminal output.
---@param title string
function dossier.util.heading(title) end

-- ============================================================================================
-- Plugin tests (`dossier plugin test`): busted-style globals, only inside spec files
-- ============================================================================================

--- Groups tests; names nest ("codebook tags every document").
---@param name string
---@param fn fun()
function describe(name, fn) end

--- Same as `describe`.
---@param name string
---@param fn fun()
function context(name, fn) end

--- A test; without a function it is pending.
---@param name string
---@param fn? fun()
function it(name, fn) end

--- A pending test (listed, not run).
---@param name string
function pending(name) end

--- Runs `fn` before each test of the enclosing `describe` (outer ones first).
---@param fn fun()
function before_each(fn) end

--- Runs `fn` after each test of the enclosing `describe` (inner ones first), even when the test failed.
---@param fn fun()
function after_each(fn) end

--- In spec files, `assert` is a table of checks that also works as Lua's `assert(v [, message])`.
--- Every check takes an optional last `note`, printed above the failure message.
---@class assert
---@overload fun(value: any, message?: any, ...: any): any
---@field are assert chain as busted writes it: `assert.are.equal(a, b)`
---@field is assert chain: `assert.is.truthy(v)`
---@field has assert chain: `assert.has.error(fn)`
---@field are_not assert.are_not negations: `assert.are_not.equal(a, b)`
---@field is_not assert.are_not negations: `assert.is_not.truthy(v)`
---@field has_no assert.are_not negations: `assert.has_no.error(fn)`
---@field ["not"] assert.are_not negations
---@field ["nil"] fun(value: any, note?: any) same as `is_nil`
---@field ["true"] fun(value: any, note?: any) same as `is_true`
---@field ["false"] fun(value: any, note?: any) same as `is_false`
assert = {}

--- `expected == actual`.
---@param expected any
---@param actual any
---@param note? any
function assert.equal(expected, actual, note) end

--- Same as `assert.equal`.
---@param expected any
---@param actual any
---@param note? any
function assert.equals(expected, actual, note) end

--- Same as `assert.equal`.
---@param expected any
---@param actual any
---@param note? any
function assert.are_equal(expected, actual, note) end

--- `expected ~= actual`.
---@param expected any
---@param actual any
---@param note? any
function assert.not_equal(expected, actual, note) end

--- Deep equality of tables (same keys, equal values).
---@param expected any
---@param actual any
---@param note? any
function assert.same(expected, actual, note) end

--- Not deeply equal.
---@param expected any
---@param actual any
---@param note? any
function assert.not_same(expected, actual, note) end

--- Not nil or false.
---@param value any
---@param note? any
function assert.truthy(value, note) end

--- Same as `assert.truthy`.
---@param value any
---@param note? any
function assert.is_truthy(value, note) end

--- nil or false.
---@param value any
---@param note? any
function assert.falsy(value, note) end

--- Same as `assert.falsy`.
---@param value any
---@param note? any
function assert.is_falsy(value, note) end

--- Exactly true.
---@param value any
---@param note? any
function assert.is_true(value, note) end

--- Exactly false.
---@param value any
---@param note? any
function assert.is_false(value, note) end

--- Exactly nil.
---@param value any
---@param note? any
function assert.is_nil(value, note) end

--- Not nil.
---@param value any
---@param note? any
function assert.not_nil(value, note) end

--- `fn` raises an error; with `pattern`, its message contains it (plain text or a Lua pattern).
---@param fn fun()
---@param pattern? string
---@param note? any
function assert.error(fn, pattern, note) end

--- Same as `assert.error`.
---@param fn fun()
---@param pattern? string
---@param note? any
function assert.has_error(fn, pattern, note) end

--- Same as `assert.error`.
---@param fn fun()
---@param pattern? string
---@param note? any
function assert.errors(fn, pattern, note) end

--- Same as `assert.error`.
---@param fn fun()
---@param pattern? string
---@param note? any
function assert.error_matches(fn, pattern, note) end

--- `fn` does not raise.
---@param fn fun()
---@param note? any
function assert.no_error(fn, note) end

--- Same as `assert.no_error`.
---@param fn fun()
---@param note? any
function assert.has_no_error(fn, note) end

--- Same as `assert.no_error`.
---@param fn fun()
---@param note? any
function assert.has_no_errors(fn, note) end

--- The negated checks behind `assert.are_not`, `assert.is_not`, `assert.has_no` and `assert["not"]`.
---@class assert.are_not
---@field ["nil"] fun(value: any, note?: any) not nil
assert.are_not = {}

--- `expected ~= actual`.
---@param expected any
---@param actual any
---@param note? any
function assert.are_not.equal(expected, actual, note) end

--- `expected ~= actual`.
---@param expected any
---@param actual any
---@param note? any
function assert.are_not.equals(expected, actual, note) end

--- Not deeply equal.
---@param expected any
---@param actual any
---@param note? any
function assert.are_not.same(expected, actual, note) end

--- nil or false.
---@param value any
---@param note? any
function assert.are_not.truthy(value, note) end

--- Not nil or false.
---@param value any
---@param note? any
function assert.are_not.falsy(value, note) end

--- Not nil.
---@param value any
---@param note? any
function assert.are_not.is_nil(value, note) end

--- `fn` does not raise.
---@param fn fun()
---@param note? any
function assert.are_not.error(fn, note) end

--- `fn` does not raise.
---@param fn fun()
---@param note? any
function assert.are_not.errors(fn, note) end
