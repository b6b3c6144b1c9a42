import Testing
@testable import Corpus

/// Hard cases of sentence splitting, written for these tests (none taken from a published test suite): lists,
/// ellipses, e-mail and web addresses, initials, times before names, quotations followed by attribution,
/// citations, abbreviations at and inside sentence ends, line breaks inside sentences. Each case is a text and
/// the sentences expected, in order.
@Suite struct TextSentenceHardCaseTests {
    @Test(arguments: [
        // Lists written on one line.
        ("1.) Wash the lettuce 2.) Slice the onions 3.) Mix the dressing",
         ["1.) Wash the lettuce", "2.) Slice the onions", "3.) Mix the dressing"]),
        ("The plan had two parts. 1.) Sell the depot. 2.) Lease the yard.",
         ["The plan had two parts.", "1.) Sell the depot.", "2.) Lease the yard."]),
        ("1) Close the vents 2) Open the valve", ["1) Close the vents", "2) Open the valve"]),
        ("1. Close the vents 2. Open the valve", ["1. Close the vents", "2. Open the valve"]),
        ("The agenda: 1. Budget review 2. Staff changes", ["The agenda: 1. Budget review", "2. Staff changes"]),
        ("a. The northern route b. The coastal route", ["a. The northern route", "b. The coastal route"]),
        ("• 4. Tighten the bolts • 5. Test the brakes", ["• 4. Tighten the bolts", "• 5. Test the brakes"]),
        ("The survey asked about a) Rents b) Wages.", ["The survey asked about a) Rents b) Wages."]),
        ("He finished 2. Then he retired.", ["He finished 2.", "Then he retired."]),
        // Ellipses: unspaced, spaced, four dots, in brackets.
        ("The clause reads that the buyer . . . must inspect the goods. Nobody did.",
         ["The clause reads that the buyer . . . must inspect the goods.", "Nobody did."]),
        ("The diary breaks off here . . . . The next entry is a week later.",
         ["The diary breaks off here . . . .", "The next entry is a week later."]),
        ("She hesitated... then signed.", ["She hesitated... then signed."]),
        ("We waited all night... Dawn came at last.", ["We waited all night...", "Dawn came at last."]),
        ("He called the plan \"too costly [...] and too slow\" in his letter. It was rejected.",
         ["He called the plan \"too costly [...] and too slow\" in his letter.", "It was rejected."]),
        // Addresses.
        ("Send the forms to Maria.Lopez@county.example.gov by Friday. Late forms are returned.",
         ["Send the forms to Maria.Lopez@county.example.gov by Friday.", "Late forms are returned."]),
        ("The rules are posted at www.parks.example.org/rules.html for all to see. Read them.",
         ["The rules are posted at www.parks.example.org/rules.html for all to see.", "Read them."]),
        // Initials and names.
        ("The prize went to Helen R. Okafor and her team. They were surprised.",
         ["The prize went to Helen R. Okafor and her team.", "They were surprised."]),
        ("The letter was signed by Walter I. Brandt on behalf of the board. It was brief.",
         ["The letter was signed by Walter I. Brandt on behalf of the board.", "It was brief."]),
        ("Nobody knew the answer except me and I. The others left.",
         ["Nobody knew the answer except me and I.", "The others left."]),
        ("The recipe needs vitamin B. It also needs iron.", ["The recipe needs vitamin B.", "It also needs iron."]),
        // Times.
        ("The train left at 7 A.M. Dr. Haines was on it.", ["The train left at 7 A.M.", "Dr. Haines was on it."]),
        ("The polls close at 8 p.m. Results come later.", ["The polls close at 8 p.m.", "Results come later."]),
        ("At 6 a.m. Ms. Grant opened the gates.", ["At 6 a.m. Ms. Grant opened the gates."]),
        ("The hearing resumes at 10 a.m. Thursday in Room 4.", ["The hearing resumes at 10 a.m. Thursday in Room 4."]),
        ("The launch is set for 9 a.m. EDT on the pad.", ["The launch is set for 9 a.m. EDT on the pad."]),
        // Quotations and attribution.
        ("'We are ready.' he said. The crowd cheered.", ["'We are ready.' he said.", "The crowd cheered."]),
        ("\"It is over.\" the coach said after the game. Fans left.",
         ["\"It is over.\" the coach said after the game.", "Fans left."]),
        ("\"Who sent this?\" asked the clerk. Nobody answered.", ["\"Who sent this?\" asked the clerk.", "Nobody answered."]),
        ("\"Stop the count!\" shouted an official. The room went quiet.",
         ["\"Stop the count!\" shouted an official.", "The room went quiet."]),
        ("He said, \"She answered 'Yes.' and left the room.\" Then he sat down.",
         ["He said, \"She answered 'Yes.' and left the room.\"", "Then he sat down."]),
        ("The mayor said, \"We will rebuild.\" Work starts in May.",
         ["The mayor said, \"We will rebuild.\"", "Work starts in May."]),
        // Citations.
        ("Critics called the novel \"a triumph of style\" (Ward 88). Sales were modest.",
         ["Critics called the novel \"a triumph of style\" (Ward 88).", "Sales were modest."]),
        ("She wrote that \"the results were clear.\" (Pike 12). Others disagreed.",
         ["She wrote that \"the results were clear.\" (Pike 12).", "Others disagreed."]),
        ("The essay ends: \"we walked on […]\" (Hale 40). It is short.",
         ["The essay ends: \"we walked on […]\" (Hale 40).", "It is short."]),
        ("Rents rose. (The table below gives the figures.) Wages fell.",
         ["Rents rose.", "(The table below gives the figures.)", "Wages fell."]),
        // Abbreviations.
        ("The firm moved to 12 Harbour St. The old office was sold.",
         ["The firm moved to 12 Harbour St.", "The old office was sold."]),
        ("They flew to St. Paul on Monday.", ["They flew to St. Paul on Monday."]),
        ("Shall we meet on Elm St.? I can be there at noon.", ["Shall we meet on Elm St.?", "I can be there at noon."]),
        ("The offer came from Norcross Ltd. It was rejected.", ["The offer came from Norcross Ltd.", "It was rejected."]),
        ("The deal with Norcross Ltd. was signed in May.", ["The deal with Norcross Ltd. was signed in May."]),
        ("The E.U. The U.K. and Norway disagree.", ["The E.U.", "The U.K. and Norway disagree."]),
        ("He holds a Ph.D. in physics. She does not.", ["He holds a Ph.D. in physics.", "She does not."]),
        ("Bring pens, paper, etc. to the exam.", ["Bring pens, paper, etc. to the exam."]),
        ("See Fig. 4 for the totals.", ["See Fig. 4 for the totals."]),
        ("Gov. Ames and Sen. Ruiz spoke. Rep. Ng did not.", ["Gov. Ames and Sen. Ruiz spoke.", "Rep. Ng did not."]),
        // Sentence starts.
        ("Prices fell. iPhone sales rose anyway.", ["Prices fell.", "iPhone sales rose anyway."]),
        ("Budgets were cut in 2019. 2020 was worse.", ["Budgets were cut in 2019.", "2020 was worse."]),
        ("Was it worth it?! Nobody can say.", ["Was it worth it?!", "Nobody can say."]),
        ("Shares of Yahoo! rose on Monday.", ["Shares of Yahoo! rose on Monday."]),
        ("Mix, bake and -- presto! -- dinner is served.", ["Mix, bake and -- presto! -- dinner is served."]),
        ("It rained.The match was cancelled.", ["It rained.", "The match was cancelled."]),
        // Numbers.
        ("The index rose 1.25 percent to 4,512.70. Bonds fell.", ["The index rose 1.25 percent to 4,512.70.", "Bonds fell."]),
        ("The score was 3.5 to 2.5 after the round.", ["The score was 3.5 to 2.5 after the round."]),
        // A sentence broken over two lines with no blank line in the text.
        ("The committee will publish its report\nin the autumn after a public hearing.",
         ["The committee will publish its report\nin the autumn after a public hearing."]),
    ] as [(String, [String])])
    func hardCase(text: String, expected: [String]) {
        #expect(SentenceSplitter.sentences(in: text) == expected)
    }
}
