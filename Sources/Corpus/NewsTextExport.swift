// Corpus's public API is written in the text layer's types (a document's `CleanedText`, its
// `DateSource`, `Tokenizer`, `Stopwords`, `Cancellation`), so a client of Corpus sees them too.
@_exported import NewsText
