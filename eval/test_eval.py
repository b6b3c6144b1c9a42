#!/usr/bin/env python3
"""Tests of scripts/eval's matching rules on small made-up inputs (no dossier binary needed).

    python3 eval/test_eval.py
"""
import importlib.machinery
import importlib.util
import os
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_loader = importlib.machinery.SourceFileLoader("dossier_eval", os.path.join(ROOT, "scripts", "eval"))
_spec = importlib.util.spec_from_loader("dossier_eval", _loader)
ev = importlib.util.module_from_spec(_spec)
_loader.exec_module(ev)


def counts(tally):
    return tally.counts["all"]


class Normalisation(unittest.TestCase):
    def test_quotes_case_and_space(self):
        self.assertEqual(ev.norm("  “Déjà”\n  VU’s "), '"déjà" vu\'s')

    def test_name_words_drop_titles_and_possessive(self):
        self.assertEqual(ev.name_words("Sen. Margaret Ellery's"), ["margaret", "ellery"])
        self.assertEqual(ev.name_words("Sheikh Khalid"), ["khalid"])
        self.assertEqual(ev.name_words("The Tillman Co"), ["tillman", "co"])
        self.assertEqual(ev.name_words("President"), ["president"])   # a title alone stays

    def test_ampersand_reads_as_and(self):
        self.assertEqual(ev.words("Goldman Sachs & Co."), ["goldman", "sachs", "and", "co"])

    def test_value_key(self):
        self.assertEqual(ev.value_key("$42"), "42")
        self.assertEqual(ev.value_key("44 dlrs"), "44")
        self.assertEqual(ev.value_key("nine"), "9")
        self.assertEqual(ev.value_key("3,000"), "3000")


class Speakers(unittest.TestCase):
    gold = {"persons": [{"name": "Walter P. Brannock", "forms": ["Walter P. Brannock", "Brannock"]}],
            "organizations": ["Rodong Sinmun"]}

    def judge(self, quote, name=None, text=None):
        return ev.judge_speaker(self.gold, quote, {"speaker_name": name, "speaker_text": text})[0]

    def test_named_speaker_by_surname_or_form(self):
        q = {"speaker": "Walter P. Brannock"}
        self.assertEqual(self.judge(q, "Walter P. Brannock"), "right")
        self.assertEqual(self.judge(q, None, "Brannock"), "right")
        self.assertEqual(self.judge(q, "Walter"), "wrong")

    def test_pronoun_alone_is_missing(self):
        self.assertEqual(self.judge({"speaker": "Walter P. Brannock"}, None, "he"), "missing")
        self.assertEqual(self.judge({"speaker": "Walter P. Brannock"}), "missing")

    def test_description_by_head_noun(self):
        q = {"speaker": "a Tessaly spokesman", "speaker_kind": "description"}
        self.assertEqual(self.judge(q, None, "A Tessaly spokesman"), "right")
        self.assertEqual(self.judge(q, "Walter P. Brannock", "Brannock"), "wrong")
        q = {"speaker": "one floor trader", "speaker_kind": "description", "head": "trader"}
        self.assertEqual(self.judge(q, None, "one floor trader"), "right")

    def test_accept_alternative(self):
        q = {"speaker": "Rodong Sinmun", "accept": ["newspaper"]}
        self.assertEqual(self.judge(q, None, "North Korea's official newspaper"), "right")


class Entities(unittest.TestCase):
    def test_classify_exact_part_none(self):
        golds = ev.entity_list(["Sheikh Ali al-Khalifa al-Sabah"])
        self.assertEqual(ev.classify({"name": "Ali al-Khalifa al-Sabah", "mentions": []}, golds)[0], "exact")
        self.assertEqual(ev.classify({"name": "Ali", "mentions": ["Ali"]}, golds)[0], "part")
        self.assertEqual(ev.classify({"name": "Feb", "mentions": ["Feb"]}, golds)[0], None)

    def test_company_among_persons_and_whole_names(self):
        gold = {"persons": ["Linda Carver"], "organizations": ["American Express Co"]}
        got = {"entities": [
            {"name": "Express", "kind": "person", "mentions": ["Express"]},
            {"name": "Linda Carver", "kind": "person", "mentions": ["Linda Carver"]},
            {"name": "Express", "kind": "organization", "mentions": ["Express"]},
        ]}
        t = ev.Tally()
        ev.score_entities(t, "c", "c/d", gold, got)
        k = counts(t)
        self.assertEqual((k["person.got"], k["person.got_right"], k["person.company"]), (2, 1, 1))
        self.assertEqual((k["org.gold"], k["org.found"]), (1, 0))   # "Express" is not American Express Co

    def test_credit_entities_are_not_required(self):
        gold = {"persons": [{"name": "Diane Korvald", "credit": True}], "organizations": [{"name": "Reuters", "optional": True}]}
        t = ev.Tally()
        ev.score_entities(t, "c", "c/d", gold, {"entities": [{"name": "Reuters", "kind": "organization", "mentions": []}]})
        k = counts(t)
        self.assertEqual((k["person.gold"], k["org.gold"], k["org.got_right"]), (0, 0, 1))


class Quotes(unittest.TestCase):
    def test_recall_needs_half_the_words_and_each_quote_counts_once(self):
        gold = {"quotes": [
            {"text": "stupid", "speaker": "A", "kind": "partial"},
            {"text": "stupid", "speaker": "B", "kind": "partial"},
            {"text": "The market is telling you that somebody else may come in,", "speaker": None, "kind": "full"},
        ]}
        got = {"quotes": [
            {"text": "stupid", "speaker_name": "A"},
            {"text": "stupid", "speaker_name": "B"},
            {"text": "may come in", "speaker_name": None},
        ]}
        t = ev.Tally()
        ev.score_quotes(t, "c", "c/d", gold, got)
        k = counts(t)
        self.assertEqual((k["quote.gold"], k["quote.found"]), (3, 2))      # 3 of 11 words is not found
        self.assertEqual((k["quote.got"], k["quote.got_right"]), (3, 3))   # a fragment is still a quotation
        self.assertEqual(k["speaker.right"], 2)                            # the second "stupid" is B's


class Paragraphs(unittest.TestCase):
    def test_dateline_skipped_and_extra_paragraph_counted(self):
        gold = {"dateline": {"text": "NEW YORK, Feb 26 -"}, "paragraphs": ["Harlan Marine said", "The offer expires"]}
        t = ev.Tally()
        ev.score_paragraphs(t, "c", "c/d", gold, {"paragraphs": ["NEW YORK, Feb 26 - Harlan Marine said it", "The offer expires soon.", "Reuter"]})
        k = counts(t)
        self.assertEqual((k["para.match"], k["para.got"], k["para.docs_right"]), (2, 3, 0))


class CreditsAndDatelines(unittest.TestCase):
    def test_a_credit_left_in_the_text_is_matched_on_word_boundaries(self):
        t = ev.Tally()
        gold = {"credits": ["Reuter"]}
        ev.score_credits(t, "c", "c/d", gold, {"credits": ["Reuter"], "text": "A spokesman told Reuters the plan is off."})
        self.assertEqual((counts(t)["credit.right"], counts(t)["credit.left_in_text"]), (1, 0))
        t = ev.Tally()
        ev.score_credits(t, "c", "c/d", gold, {"credits": [], "text": "The plan is off.\nReuter"})
        self.assertEqual((counts(t)["credit.right"], counts(t)["credit.left_in_text"]), (0, 1))

    def test_a_dateline_without_a_place_is_matched_by_its_text(self):
        t = ev.Tally()
        gold = {"dateline": {"text": "(CNN) --", "place": None, "date": None}}
        ev.score_dateline(t, "c", "c/d", gold, {"dateline": {"text": "(CNN) --", "place": None}})
        self.assertEqual(counts(t)["dl.found"], 1)
        t = ev.Tally()
        ev.score_dateline(t, "c", "c/d", gold, {"dateline": {"text": "(AP) —", "place": None}})
        self.assertEqual(counts(t)["dl.found"], 0)


class Conflicts(unittest.TestCase):
    key = {"conflicts": [
        {"docs": ["a", "b"], "subject": "toll", "attribute": "dead", "values": ["7", "9"]},
        {"docs": ["b", "c"], "subject": "toll", "attribute": "dead", "values": ["9", "7"]}],
        "arguable": [{"docs": ["d", "e"], "subject": "talks", "attribute": "date", "values": ["March 9", "March 10"]}]}

    def score(self, *reports):
        t = ev.Tally()
        ev.score_conflicts(t, "c", self.key, {"conflicts": [
            {"kind": "number", "key": "k", "values": v, "docs": d, "certain": True} for d, v in reports]})
        return counts(t)

    def test_a_report_covering_annotated_pairs_is_right(self):
        k = self.score((["a", "b", "c"], ["seven", "nine"]))
        self.assertEqual((k["conflict.got_right"], k["conflict.found"]), (1, 2))

    def test_lumping_an_unrelated_document_is_wrong(self):
        k = self.score((["d", "e", "x"], ["April 9", "March 9", "March 10"]))
        self.assertEqual((k["conflict.got_right"], k["conflict.false_certain"]), (0, 1))

    def test_arguable_is_neither_false_nor_required(self):
        k = self.score((["d", "e"], ["March 9", "March 10"]))
        self.assertEqual((k["conflict.got_right"], k["conflict.gold"], k["conflict.found"]), (1, 2, 0))


class Agreements(unittest.TestCase):
    def test_found_only_when_one_claim_holds_every_document_phrase(self):
        key = {"agreements": [{"docs": ["a", "b"], "fact": "f", "phrases": ["to 3.75%", "to 3.75 percent"]}]}
        one = {"claims": [{"sentences": [["a", "cut its rate\nto 3.75% on Thursday"], ["b", "lowered it to 3.75 percent"]]}]}
        split = {"claims": [{"sentences": [["a", "cut its rate to 3.75%"]]}, {"sentences": [["b", "to 3.75 percent"]]}]}
        for got, found in ((one, 1), (split, 0)):
            t = ev.Tally()
            ev.score_agreements(t, "c", key, got)
            self.assertEqual((counts(t)["claim.gold"], counts(t)["claim.found"]), (1, found))


class Files(unittest.TestCase):
    def test_sentence_cases(self):
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
            f.write("# comment\n[a] two\nOne.\nTwo.\n\n[b] lines\n> Head\n> Body.\nHead\nBody.\n")
        try:
            cases = ev.load_sentence_cases(f.name)
        finally:
            os.unlink(f.name)
        self.assertEqual([c["text"] for c in cases], ["One. Two.", "Head\nBody."])
        self.assertEqual(cases[1]["expected"], ["Head", "Body."])

    def test_layout_round_trip(self):
        gold = {"notes": "n", "title": None, "quotes": [{"text": "x" * 100, "speaker": None}], "language": "en"}
        text = ev.formatted(gold)
        self.assertEqual(ev.json.loads(text), gold)
        self.assertTrue(text.index('"language"') < text.index('"title"') < text.index('"notes"'))

    def test_floors(self):
        figs = {"all": {"quotes.recall": (0.9, 10), "speakers.wrong": (0.05, 10)}}
        self.assertEqual(ev.check_floors(figs, [("quotes.recall", ">=", 0.85, 1), ("speakers.wrong", "<=", 0.1, 2)]), [])
        self.assertEqual(len(ev.check_floors(figs, [("quotes.recall", ">=", 0.95, 1), ("speakers.wrong", "<=", 0.01, 2)])), 2)

    def test_the_dev_set_loads(self):
        colls = ev.load_collections()
        self.assertGreaterEqual(sum(len(c["docs"]) for c in colls), 40)
        self.assertGreaterEqual(len(ev.load_sentence_cases(os.path.join(ev.DEV, "sentences.txt"))), 48)
        ev.read_floors(ev.FLOORS)


if __name__ == "__main__":
    unittest.main(verbosity=1)
