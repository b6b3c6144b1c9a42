import Foundation
import Testing

@testable import Corpus

/// Page furniture out, the article in: on pages written for the tests (Tests/HTMLFixtures) and
/// on small pages built here, one kind of furniture at a time.
@Suite struct HTMLBoilerplateTests {
    typealias P = HTMLTestPages

    func fixture(_ name: String) throws -> HTMLArticle {
        HTMLExtractor.extract(try P.fixture(name))
    }

    func expectIn(_ a: HTMLArticle, _ fragments: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        for f in fragments { #expect(P.has(a, f), "missing: \(f)", sourceLocation: sourceLocation) }
    }

    func expectOut(_ a: HTMLArticle, _ fragments: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        for f in fragments { #expect(!P.has(a, f), "kept: \(f)", sourceLocation: sourceLocation) }
    }

    @Test func blogPostWithCommentsSidebarAndShareButtons() throws {
        let a = try fixture("blog_post.html")
        expectIn(a, [
            "Bridge Street Books has sold paperbacks, maps and school atlases on the same corner since 1968",
            "How a community share offer works",  // sub-heading
            "Every member has one vote, however many shares they hold.",  // list item
            "People kept saying they would miss it. I told them missing it was optional.",  // block quote
            "with a reading by the poet Aisha Rahman at eleven o'clock.",
        ])
        expectOut(a, [
            "Skip to content", "Shops and markets", "Share on Twitter", "Margaret has lived in Wisbech since 1991",
            "Previous post", "I bought my first atlas there in 1974", "Leave a Reply", "Eel Day returns to Ely",
            "written on the kitchen table since 2009", "Proudly powered by",
        ])
        #expect(a.blocks.map(\.kind).contains(.listItem))
        #expect(a.blocks.contains { $0.kind == .quote && $0.text.hasPrefix("People kept saying") })
        #expect(a.blocks.contains { $0.kind == .heading && $0.level == 2 })
        #expect(a.title == "Why our town's last bookshop is staying open")
        #expect(a.date == "2023-04-18")
        #expect(a.siteName == "Notes from the Fens")
        #expect(a.authors == ["Margaret Hale"])
    }

    @Test func cookieBannerNewsletterAndInlineRelatedLink() throws {
        let a = try fixture("cookie_banner.html")
        expectIn(a, [
            "les automobilistes lyonnais retrouvent des temps de parcours",
            "« On nous demande d'être patients, mais certains jours on ne bouge plus du tout »",
            "Une réunion publique est prévue le 14 juin",
        ])
        expectOut(a, [
            "Nous respectons votre vie privée", "nos partenaires et nous utilisons des cookies", "Tout accepter",
            "Tram T9 : le calendrier des travaux dévoilé", "Recevez chaque matin l'essentiel", "Partager sur Facebook",
            "Canicule : le Rhône en vigilance orange", "Tous droits réservés", "Je m'abonne",
        ])
        #expect(a.authors == ["Camille Girard", "Hugo Bernard"])
        #expect(a.siteName == "Le Journal du Rhône")
        #expect(a.date == "2022-06-03")
        #expect(a.url == "https://journaldurhone.example.fr/lyon/bouchons-quais")
    }

    @Test func commentsLongerThanTheArticleStayOut() throws {
        let a = try fixture("comments_heavy.html")
        expectIn(a, [
            "Every residential street in the borough will have a 20mph speed limit",
            "The police have said they will not carry out extra speed checks",
        ])
        expectOut(a, [
            "This is a complete waste of money.", "Portsmouth did this years ago", "Reader comments (9)",
            "Have your say", "Registered in England", "What's on",
        ])
    }

    @Test func pressReleaseInADivLayout() throws {
        let a = try fixture("press_release.html")
        expectIn(a, [
            "Ab April misst das Landesamt die Feinstaubbelastung an 48 zusätzlichen Stationen.",
            "„Wir schließen damit eine Lücke, die uns seit Jahren beschäftigt“",
            "Das Land investiert rund 3,1 Millionen Euro in die Stationen.",
        ])
        expectOut(a, [
            "Leichte Sprache", "Suchbegriff", "Sie sind hier", "Presseverteiler abonnieren",
            "Hochwasserschutz: Deich bei Rotenburg fertiggestellt", "Datenschutzerklärung",
        ])
        #expect(a.title == "Neues Messnetz für Luftqualität in allen Landkreisen")
        #expect(a.date == "2024-03-12")
        #expect(a.siteName == "Landesamt für Umwelt")
        #expect(a.url == "https://www.lfu.example.de/presse/2024/pm-017-messnetz.html")
        #expect(a.language == "de")
    }

    @Test func listicleWithAdsAndPromotionsBetweenParagraphs() throws {
        let a = try fixture("listicle_jsonld.html")
        for n in 1...7 { #expect(a.blocks.contains { $0.kind == .heading && $0.text.hasPrefix("\(n).") }, "heading \(n)") }
        expectIn(a, [
            "Parks will receive $12 million for tree planting",
            "The transportation department plans to paint 14 miles of new bus lanes",
        ])
        expectOut(a, [
            "Advertisement", "Story continues below", "Get the Ledger's morning newsletter", "Related coverage",
            "Library union reaches deal on Sunday hours", "Subscribe for $1", "Ethics policy",
        ])
        #expect(a.authors == ["Rosa Delgado"])
        #expect(a.siteName == "Metro Ledger")
        #expect(a.date == "2024-02-29")
    }

    @Test func oldTableLayoutWithFontTagsAndDoubleBreaks() throws {
        let a = try fixture("table_latin1.html")
        expectIn(a, [
            "Dopo due estati di lavori il rifugio Gonella",
            "Il gestore, René Viglino, spiega",  // Windows-1252 é read right
            "«Finalmente gli alpinisti diretti alla vetta avranno di nuovo un punto d'appoggio sicuro»",
            "Le prenotazioni si accettano solo per telefono, dalle 18 alle 20.",
        ])
        expectOut(a, ["Chiusa la strada del Gran San Bernardo", "Soccorso alpino", "Versione stampabile", "P.IVA", "Archivio"])
        // Each <br><br> ends a paragraph.
        #expect(a.blocks.contains { $0.text.hasPrefix("La salita dal rifugio Monzino") })
        #expect(a.date == "2008-06-28")
        #expect(a.siteName == "Notizie di montagna")
    }

    // MARK: One kind of furniture at a time

    func extract(_ body: String) -> HTMLArticle {
        HTMLExtractor.extract(html: P.page(body: body))
    }

    @Test func semanticFurniture() {
        let a = extract("""
            <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news and analysis from our correspondents</a></li></ul></nav>
            <main><h1>The story</h1>\(P.paragraphs(3))</main>
            <aside><p>In other news: the regional rail operator has announced that its timetable will change in May, with later trains on Fridays.</p></aside>
            <footer><p>Contact the newsroom, advertise with us, or read our terms of use and editorial code before you write in.</p></footer>
            """)
        expectIn(a, ["Paragraph 1 of the story", "Paragraph 3 of the story"])
        expectOut(a, ["Home", "World news and analysis", "regional rail operator", "Contact the newsroom"])
    }

    @Test func shareButtonsAndRelatedListsByClassName() {
        let a = extract("""
            <div class="article-body">\(P.paragraphs(3))
            <div class="social-share"><a href="#">Facebook</a> <a href="#">Twitter</a> <span>Share this article with friends and family who may be interested</span></div>
            <div class="related-stories"><h3>More stories</h3><p>Residents react to the new parking scheme, which starts next week and covers the whole town centre.</p></div>
            </div>
            """)
        expectIn(a, ["Paragraph 3 of the story"])
        expectOut(a, ["Share this article", "Residents react to the new parking scheme", "More stories"])
    }

    @Test func linkListsAreBoilerplateEvenWithoutNames() {
        let links = (1...12).map { "<li><a href=\"/s/\($0)\">Other headline number \($0) about something else entirely</a></li>" }.joined()
        let a = extract("<div>\(P.paragraphs(3))</div><div><ul>\(links)</ul></div>")
        expectIn(a, ["Paragraph 2 of the story"])
        expectOut(a, ["Other headline number"])
    }

    @Test func hiddenElementsAndScreenReaderTextAreNotText() {
        let a = extract("""
            <div>\(P.paragraphs(2))
            <p style="display: none">A hidden paragraph that a browser would never show to the reader at all, however long it is.</p>
            <p hidden>Another hidden paragraph that the template keeps for a script to reveal later on when clicked.</p>
            <p aria-hidden="true">An aria-hidden paragraph that assistive technology and readers both skip over entirely.</p>
            <span class="sr-only">Image caption</span>
            \(P.paragraphs(1))</div>
            """)
        expectOut(a, ["hidden paragraph", "aria-hidden paragraph", "Image caption"])
        expectIn(a, ["Paragraph 1 of the story"])
    }

    @Test func scriptsStylesFormsAndMediaFallbacks() {
        let a = extract("""
            <div>\(P.paragraphs(2))
            <script>var paragraph = "Paragraph 9 of the story: never text";</script>
            <style>.p { content: "styled"; }</style>
            <noscript>Please enable JavaScript to read the comments.</noscript>
            <audio src="a.mp3">Your browser does not support the audio element.</audio>
            <form><select><option>Choose a category</option></select><textarea>Write here</textarea><button>Send</button></form>
            </div>
            """)
        expectOut(a, ["never text", "styled", "enable JavaScript", "does not support the audio", "Choose a category", "Write here", "Send"])
    }

    @Test func figureCaptionsAreNotMainText() {
        let a = extract("""
            <article>\(P.paragraphs(2))<figure><img src="x.jpg"><figcaption>The swimming pool, photographed in 1962. Photo: Archive</figcaption></figure>\(P.paragraphs(1))</article>
            """)
        expectOut(a, ["photographed in 1962"])
        expectIn(a, ["Paragraph 2 of the story"])
    }
}
