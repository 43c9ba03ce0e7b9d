"""Reading lexicon CSVs: a row must have as many fields as the header."""

from importlib import resources

import pytest

from sahel_data.lexicon_io import parse_lexicon, read_lexicon

LEXICONS = sorted(p.name for p in resources.files("sahel_data.lexicons").iterdir() if p.name.endswith(".csv"))


@pytest.mark.parametrize("text", ["lemma,class,example\nproche,close_to,Selon une source proche, rien.\n", "lemma,class,example\nproche,close_to\n"])
def test_row_with_another_number_of_fields_than_the_header_is_an_error_naming_the_file(text):
    with pytest.raises(ValueError, match=r"lexicons/word_classes\.csv: the row starting 'proche'"):
        parse_lexicon("word_classes.csv", text)


def test_quoted_comma_stays_in_its_field():
    (row,) = parse_lexicon("x.csv", 'lemma,class,example\nproche,close_to,"Selon une source proche, rien."\n')
    assert row["example"] == "Selon une source proche, rien."


@pytest.mark.parametrize("name", LEXICONS)
def test_every_shipped_lexicon_reads(name):
    assert read_lexicon(name)
