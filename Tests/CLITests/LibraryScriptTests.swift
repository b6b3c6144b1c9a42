import Foundation
import Testing

/// The bundled scripts run on the seeds, in the sandbox, and say something an analyst can use.
@Suite struct LibraryScriptTests {
    @Test func whoSaidWhatBlinkenPrintsHisRoleAndQuotations() throws {
        let r = try LibraryRun().script("who_said_what", ["Blinken"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Antony Blinken — Secretary of State"))
        #expect(r.stdout.contains("Intense competition requires continued diplomacy"))
        #expect(r.stdout.contains("3 quotations"))
    }

    @Test func whoSaidWhatListsSpeakersAndOutlets() throws {
        let r = try LibraryRun().script("who_said_what")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Jonathan Ward"))
        #expect(r.stdout.contains("author of The Decisiv"))
        #expect(r.stdout.contains("Jessica Chen Weiss 3, Jonathan Ward 3"))
    }

    @Test func whoSaidWhatSaysWhenSomeoneIsNeverQuoted() throws {
        let r = try LibraryRun().script("who_said_what", ["Xi"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Xi Jinping is mentioned"))
        #expect(r.stdout.contains("never quoted"))
    }

    @Test func aBadOptionStopsWithTheUsage() throws {
        let r = try LibraryRun().script("who_said_what", ["--colour"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("unknown option --colour"))
        #expect(r.stderr.contains("usage: dossier run scripts/who_said_what.lua"))
        #expect(r.stdout.isEmpty)
    }

    @Test func helpPrintsTheUsageAndExitsZero() throws {
        for name in ["who_said_what", "timeline", "source_compare", "entity_network"] {
            let r = try LibraryRun().script(name, ["--help"])
            #expect(r.status == 0, "\(name): \(r.stderr)")
            #expect(r.stdout.hasPrefix("usage: dossier run scripts/\(name).lua"), "\(name)")
        }
    }

    @Test func timelineHasTheBaliMeetingAndKeepsRanges() throws {
        let r = try LibraryRun().script("timeline")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("2022-11"))
        #expect(r.stdout.contains("G20, Bali"))
        #expect(r.stdout.contains("2023-06-18/2023-06-19  June 18–19; 18-19 June"))
    }

    @Test func timelineOfOneMonthListsEveryMention() throws {
        let r = try LibraryRun().script("timeline", ["2022-11", "--all"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("1 dated event from 5 mentions in 2022-11."))
        #expect(r.stdout.contains("[November 2022]"))
        #expect(!r.stdout.contains("2023-02"))
    }

    @Test func timelineRefusesSomethingThatIsNotADate() throws {
        let r = try LibraryRun().script("timeline", ["June"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("'June' is not a date"))
    }

    @Test func sourceCompareShowsClaimsAndTheWeekdayConflict() throws {
        let r = try LibraryRun().script("source_compare")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Claims × outlets"))
        #expect(r.stdout.contains("weekday: on Tuesday (NewsTrack) vs On Wednesday (The Guardian)"))
    }

    @Test func sourceCompareGivesEveryOutletsWordingOfTheBalloonClaim() throws {
        let r = try LibraryRun().script("source_compare", ["balloon", "--min=3"])
        #expect(r.status == 0, "\(r.stderr)")
        // Four outlets since a month links sentences with the words around it in common (003's
        // "initially scheduled for February").
        #expect(r.stdout.contains("4 outlets (Al-Jazeera, 002, 003, The Guardian)"))
        #expect(r.stdout.contains("Al-Jazeera: Blinken's trip was initially scheduled for February"))
        #expect(r.stdout.contains("The Guardian: News of the eavesdropping unit"))
    }

    @Test func entityNetworkLinksBlinkenAndQinGang() throws {
        let r = try LibraryRun().script("entity_network", ["Qin Gang"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Qin Gang (person, 7 mentions) is named with"))
        #expect(r.stdout.contains("with Antony Blinken: "))
        let line = r.stdout.split(separator: "\n").first { $0.hasPrefix("Antony Blinken") }
        #expect(line?.split(separator: " ", omittingEmptySubsequences: true).contains("4") == true, "\(line ?? "")")
    }

    @Test func entityNetworkRejectsAnUnknownKind() throws {
        let r = try LibraryRun().script("entity_network", ["--kinds=people"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("unknown entity kind 'people'"))
    }

    @Test func everyScriptWritesHTMLCSVAndMarkdownUnderTheOutputFolder() throws {
        for name in ["who_said_what", "timeline", "source_compare", "entity_network"] {
            let run = try LibraryRun()
            let r = try run.script(name, ["--html", "--csv", "--markdown"])
            #expect(r.status == 0, "\(name): \(r.stderr)")
            #expect(r.stdout.contains("wrote \(run.out.path)/\(name).html"), "\(name)")
            let html = try #require(run.written("\(name).html"), "\(name).html")
            #expect(html.contains("<svg"), "\(name).html has no chart")
            let csv = try #require(run.written("\(name).csv"), "\(name).csv")
            #expect(csv.unicodeScalars.filter { $0 == "\n" }.count > 5, "\(name).csv")
            let markdown = try #require(run.written("\(name).md"), "\(name).md")
            #expect(markdown.contains("| ---"), "\(name).md has no table")
        }
    }

    @Test func aReportFileNameCanBeGiven() throws {
        let run = try LibraryRun()
        let r = try run.script("entity_network", ["--html=network.html"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(run.written("network.html")?.contains("Qin Gang") == true)
    }

    @Test func scriptsRunFromAnotherFolder() throws {
        let script = CLI.projectRoot.appendingPathComponent("scripts/who_said_what.lua").path
        let r = try LibraryRun().dossier(["run"], [script, "Ward"], in: FileManager.default.temporaryDirectory)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Jonathan Ward — author of The Decisive Decade"))
    }
}
