import Testing
@testable import Corpus

/// The quote stages read a document's tokens a paragraph at a time when its layout is known
/// (`QuoteTokens`): what they read, and the quotes found, must be the text's tokenisation and
/// the quotes of the eager reading, to the byte.
@Suite struct QuoteTokensTests {
    /// Articles with the shapes that matter: quotes over paragraphs, a paragraph of marks only,
    /// a no-break space on a blank line, a CRLF text, guillemets, single quotes, no marks at all.
    static let texts = [
        "Ward said, \u{201C}We will not stop.\u{201D}\n\n\u{201C}The plan is sound,\u{201D} he added. \u{201C}It works.\n\n\u{201C}And it will go on,\u{201D} Ward said.",
        "The minister spoke.\n\u{A0}\n\"We are ready,\" said Mr. Russell, vice president of Acme Corp.\n\nNo comment followed from the U.S.\n\n\"\n\nShe said the 'plan' was 'fine.'",
        "Le ministre a dit : \u{AB} Nous sommes pr\u{EA}ts \u{BB}.\r\n\r\nLes alli\u{E9}s' avis : 'non'.",
        "Nothing quoted here at all.\n\nNot a single mark, only prose and numbers like 3.5 and 1,000.",
        "\u{201C}Opening line,\u{201D} wrote Jane Doe on Tuesday.\n\n\u{2014} \u{201C}Dash led,\u{201D} she said.\n\nUS President Joe Biden said the talks should \u{201C}open direct lines\u{201D} soon.",
    ]

    /// Every token, paragraph range and `firstToken(atOrAfter:)` read lazily equals the eager one,
    /// whatever order the tokens are read in.
    @Test func lazyTokensAreTheTextsTokens() throws {
        for text in Self.texts + (try Self.seedTexts()) {
            let corpus = Corpus.freeText(text)
            let document = try #require(corpus.documents.first)
            let layout = document.layout
            let body = document.text
            var copy = body
            let eager = Tokenizer.tokens(in: body)
            let sentences = (0..<layout.sentenceCount).map {
                SentenceSpan(tokens: layout.sentenceTokens($0), bytes: layout.sentenceBytes($0))
            }
            try copy.withUTF8 { buffer in
                let bytes = UTF8Bytes(base: try #require(buffer.baseAddress), count: buffer.count)
                let reference = QuoteTokens(text: bytes, tokens: eager, paragraphs: layout.paragraphs)
                for order in 0..<3 {
                    let lazy = try #require(QuoteTokens(text: bytes, count: document.terms.count, paragraphs: layout.paragraphs,
                                                        sentences: sentences, marks: QuoteSource.markTokens(of: document)))
                    #expect(lazy.count == eager.count)
                    // Offsets first (scanning as it goes), then tokens backwards or forwards.
                    if order == 0 {
                        for offset in 0...buffer.count where offset % 7 == 0 {
                            #expect(lazy.firstToken(atOrAfter: offset) == reference.firstToken(atOrAfter: offset))
                        }
                    }
                    let indices = order == 1 ? Array(eager.indices.reversed()) : Array(eager.indices)
                    for i in indices { #expect(lazy[i] == eager[i]) }
                    #expect(lazy.paragraphTokens == reference.paragraphTokens)
                    for offset in 0...buffer.count {
                        #expect(lazy.firstToken(atOrAfter: offset) == reference.firstToken(atOrAfter: offset))
                    }
                }
            }
        }
    }

    /// A layout that does not fit the text (a sentence start moved) is caught when its paragraph
    /// is scanned: the whole text is tokenised instead, and the tokens are still the text's.
    @Test func aMisfitLayoutFallsBackToTheWholeText() throws {
        let corpus = Corpus.freeText(Self.texts[0])
        let document = try #require(corpus.documents.first)
        let layout = document.layout
        var sentences = (0..<layout.sentenceCount).map {
            SentenceSpan(tokens: layout.sentenceTokens($0), bytes: layout.sentenceBytes($0))
        }
        try #require(sentences.count >= 3)
        sentences[2].tokens = (sentences[2].tokens.lowerBound + 1)..<sentences[2].tokens.upperBound
        var text = document.text
        let eager = Tokenizer.tokens(in: text)
        try text.withUTF8 { buffer in
            let bytes = UTF8Bytes(base: try #require(buffer.baseAddress), count: buffer.count)
            let lazy = try #require(QuoteTokens(text: bytes, count: eager.count, paragraphs: layout.paragraphs,
                                                sentences: sentences, marks: []))
            for i in eager.indices.reversed() { #expect(lazy[i] == eager[i]) }
            #expect(lazy.paragraphTokens == QuoteTokens(text: bytes, tokens: eager, paragraphs: layout.paragraphs).paragraphTokens)
            // Once whole, every paragraph may hold marks again.
            #expect(layout.paragraphs.indices.allSatisfy { lazy.mayHoldMarks(paragraph: $0) })
        }
    }

    /// A document's quotes are the same whether its tokens are read eagerly (layout unknown) or a
    /// paragraph at a time (layout known), on the seeds and the texts above.
    @Test func quotesAreTheSameEitherWay() throws {
        let reference = try EntityFixtures.seeds()
        let resolver = EntitySpeakerResolver(index: reference.entityIndex)
        let fresh = try EntityFixtures.seeds()
        var total = 0
        for document in fresh.documents {
            #expect(document.knownLayout == nil)
            let eager = QuoteExtractor.quotes(in: document, resolver: resolver)
            _ = document.layout
            let lazy = QuoteExtractor.quotes(in: document, resolver: resolver)
            #expect(eager == lazy)
            total += eager.count
        }
        #expect(total > 20)
        for text in Self.texts {
            let first = Corpus.freeText(text)
            let second = Corpus.freeText(text)
            let resolver = EntitySpeakerResolver(index: first.entityIndex)
            let lazy = QuoteExtractor.quotes(in: first.documents[0], resolver: resolver)
            let eager = QuoteExtractor.quotes(in: second.documents[0], resolver: resolver)
            // The eager reading found the layout (unless there was no mark to read for).
            #expect(second.documents[0].knownLayout != nil || QuoteSource.markTokens(of: second.documents[0]).isEmpty)
            #expect(eager == lazy)
            #expect(eager == QuoteExtractor.quotes(in: first.documents[0].text, resolver: resolver))
        }
    }

    /// A document with no quotation mark among its terms has no quotes (and is not read).
    @Test func noMarksNoQuotes() throws {
        let corpus = Corpus.freeText(Self.texts[3])
        #expect(QuoteSource.markTokens(of: corpus.documents[0]).isEmpty)
        #expect(corpus.quotes().isEmpty)
        let quoted = Corpus.freeText(Self.texts[0])
        #expect(QuoteSource.markTokens(of: quoted.documents[0]).count == 7)
    }

    static func seedTexts() throws -> [String] {
        try EntityFixtures.seeds().documents.map(\.text)
    }
}
